import { errorFactory } from '@thidua/platform';

export const assessmentErrors = {
  ASSESSMENT_NOT_FOUND: 'Không tìm thấy phiếu đánh giá.',
  ASSESSMENT_EXISTS: 'Đơn vị đã có phiếu đánh giá theo bộ chỉ số này trong năm.',
  ASSESSMENT_NOT_EDITABLE: 'Phiếu đánh giá không ở trạng thái cho phép thao tác này.',
  ASSESSMENT_WINDOW_CLOSED: 'Đã hết thời hạn tự đánh giá; cần cơ quan chủ trì mở lại.',
  ASSESSMENT_INCOMPLETE: 'Phiếu còn chỉ số chưa tự chấm.',
  SCORING_PERIOD_NOT_FOUND: 'Phong trào chưa mở kỳ chấm điểm cho năm này.',
  SCORING_PERIOD_EXISTS: 'Kỳ chấm điểm của năm này đã được mở.',
  SCORING_PERIOD_INVALID: 'Ngày kết thúc tự đánh giá phải sau ngày bắt đầu.',
  FRAMEWORK_NOT_FOR_UNIT: 'Bộ chỉ số không áp dụng cho loại đơn vị này.',
  FRAMEWORK_YEAR_MISMATCH: 'Bộ chỉ số không áp dụng cho năm đánh giá.',
  NO_FRAMEWORK_IN_FORCE: 'Chưa có bộ chỉ số nào đang có hiệu lực cho loại đơn vị này trong năm đánh giá; cần chọn bộ chỉ số cho phong trào.',
  FRAMEWORK_CHOICE_AMBIGUOUS: 'Có nhiều bộ chỉ số cùng áp dụng cho loại đơn vị này trong năm đánh giá; cần chọn bộ chỉ số phong trào sử dụng.',
  INDICATOR_NOT_FOUND: 'Không có chỉ số này trong bộ chỉ số.',
  INDICATOR_NOT_APPLICABLE: 'Chỉ số không áp dụng cho đơn vị.',
  SCORE_INVALID: 'Giá trị tự đánh giá không hợp lệ.',
  ADJUSTMENT_REASON_REQUIRED: 'Điểm thẩm định khác điểm tự chấm cần ghi lý do.',
  SHEET_OUTDATED: 'Phiếu đã được thay đổi sau khi tải về; hãy tải phiếu mới và nhập lại.',
  UNIT_NOT_FOUND: 'Không tìm thấy đơn vị.',
} as const;

export const assessmentError = errorFactory(assessmentErrors);
