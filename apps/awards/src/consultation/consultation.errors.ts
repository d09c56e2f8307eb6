import { errorFactory } from '@thidua/platform';

export const consultationErrors = {
  CONSULTATION_NOT_FOUND: 'Không tìm thấy đợt công khai, lấy ý kiến.',
  CONSULTATION_NOT_REQUIRED: 'Phong trào không quy định công khai, lấy ý kiến về danh sách đề nghị khen thưởng.',
  CONSULTATION_DATES_INVALID: 'Thời gian công khai, lấy ý kiến không hợp lệ.',
  CONSULTATION_NOMINATIONS_INVALID: 'Chỉ công khai các đề nghị của cùng đợt khen thưởng, ở bước phong trào quy định và chưa được công khai.',
  CONSULTATION_NOT_OPEN: 'Đợt công khai không trong thời gian nhận ý kiến.',
  CONSULTATION_NOMINEE_UNKNOWN: 'Đối tượng này không có trong danh sách công khai.',
  CONSULTATION_CONTACT_INVALID: 'Thông tin liên hệ phải là địa chỉ thư điện tử hoặc số điện thoại hợp lệ.',
  CONSULTATION_TOO_MANY_COMMENTS: 'Mỗi người gửi tối đa 5 ý kiến trong một giờ; vui lòng gửi lại sau.',
  CONSULTATION_COMMENT_NOT_FOUND: 'Không tìm thấy ý kiến.',
  COUNCIL_CONSULTATION_PENDING: 'Chưa đưa ra Hội đồng được: việc công khai, lấy ý kiến về đề nghị chưa kết thúc, hoặc còn ý kiến phản ánh chưa được trả lời.',
  DECISION_CONSULTATION_PENDING: 'Chưa quyết định khen thưởng được: việc công khai, lấy ý kiến về đề nghị chưa kết thúc.',
  NOMINATION_OBJECTION_UNANSWERED: 'Còn ý kiến phản ánh về đề nghị chưa được trả lời; chưa quyết định khen thưởng được.',
} as const;

export const consultationError = errorFactory(consultationErrors);
