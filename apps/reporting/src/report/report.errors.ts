import { errorFactory } from '@thidua/platform';

export const reportErrors = {
  REPORT_DEFINITION_NOT_FOUND: 'Không tìm thấy báo cáo.',
  REPORT_RUN_NOT_FOUND: 'Không tìm thấy lượt lập báo cáo.',
  REPORT_SCHEDULE_INVALID: 'Lịch lập báo cáo không hợp lệ (biểu thức cron hoặc múi giờ).',
  REPORT_PERIOD_INVALID: 'Kỳ báo cáo nằm ngoài thời gian của phong trào.',
} as const;

export const reportError = errorFactory(reportErrors);
