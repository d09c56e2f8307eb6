import { errorFactory } from '@thidua/platform';

export const taskErrors = {
  TASK_NOT_FOUND: 'Không tìm thấy nhiệm vụ.',
  TASK_PROGRESS_INVALID: 'Tiến độ phải từ 0 đến 100% và không giảm so với lần báo cáo trước.',
  TASK_REPORT_DATE_FORBIDDEN: 'Chỉ cơ quan chủ trì được ghi tiến độ vào ngày khác hôm nay.',
} as const;

export const taskError = errorFactory(taskErrors);
