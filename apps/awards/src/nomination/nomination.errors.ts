import { errorFactory } from '@thidua/platform';

export const nominationErrors = {
  NOMINATION_NOT_FOUND: 'Không tìm thấy đề nghị khen thưởng.',
  NOMINATION_CANDIDATE_INVALID: 'Đề nghị phải cho đúng một tập thể hoặc một cá nhân.',
  NOMINATION_FORM_INVALID: 'Hình thức khen thưởng hoặc đợt khen thưởng không thuộc phong trào.',
  NOMINATION_AUTHORITY_LAPSED: 'Vào ngày đề nghị, cấp có thẩm quyền của hình thức khen thưởng này không còn; không lập được văn bản đề nghị gửi cấp đó.',
  NOMINATION_INELIGIBLE: 'Đối tượng chưa đủ điều kiện, chưa gửi được đề nghị; xem các điều kiện chưa đạt.',
  NOMINATION_DOSSIER_INCOMPLETE: 'Hồ sơ đề nghị khen thưởng chưa đầy đủ.',
  NOMINATION_NOT_DRAFT: 'Đề nghị đã gửi, không sửa hoặc gửi lại được; chỉ sửa khi còn là bản nháp hoặc bị trả lại.',
  NOMINATION_WRONG_STATUS: 'Đề nghị không ở bước cho phép thao tác này.',
  NOMINATION_REASON_REQUIRED: 'Phải nêu lý do khi trả lại hoặc không khen thưởng.',
  NOMINATION_QUOTA_EXCEEDED: 'Đơn vị đã dùng hết chỉ tiêu đề nghị khen thưởng của đợt này.',
  QUOTA_INVALID: 'Chỉ tiêu phải là số nguyên không âm, cho đơn vị và hình thức khen thưởng thuộc đợt này.',
} as const;

export const nominationError = errorFactory(nominationErrors);
