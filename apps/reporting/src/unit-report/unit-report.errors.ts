import { errorFactory } from '@thidua/platform';

export const unitReportErrors = {
  UNIT_REPORT_NOT_FOUND: 'Không tìm thấy báo cáo.',
  UNIT_REPORT_NO_TEMPLATE: 'Phong trào chưa có mẫu báo cáo năm.',
  UNIT_REPORT_ALREADY_SUBMITTED: 'Báo cáo đã gửi, không sửa được.',
  UNIT_REPORT_VALUES_INVALID: 'Số liệu báo cáo không hợp lệ.',
  UNIT_REPORT_INCOMPLETE: 'Báo cáo còn thiếu chỉ tiêu bắt buộc.',
  UNIT_REPORT_TEMPLATE_INVALID: 'Mẫu báo cáo không hợp lệ: mỗi chỉ tiêu một mã, có ít nhất một chỉ tiêu.',
  UNIT_REPORT_RECEIVED_IN_FUTURE: 'Ngày nhận báo cáo không được sau ngày hôm nay.',
  UNIT_REPORT_YEAR_INVALID: 'Năm báo cáo nằm ngoài thời gian của phong trào.',
} as const;

export const unitReportError = errorFactory(unitReportErrors);
