import { errorFactory } from '@thidua/platform';

export const unitPlanErrors = {
  UNIT_PLAN_DUPLICATE: 'Đơn vị đã gửi kế hoạch phát động cho phong trào này.',
  UNIT_PLAN_DATE_INVALID: 'Ngày ban hành kế hoạch không được sau ngày nhận.',
  UNIT_PLAN_FILE_NOT_FOUND: 'Không tìm thấy tệp kế hoạch đã tải lên cho đơn vị này (khi tải lên thay đơn vị, hãy ghi unitId).',
  UNIT_PLAN_RECEIVED_DATE_FORBIDDEN: 'Chỉ cơ quan chủ trì hoặc Nội vụ được ghi ngày nhận khác hôm nay.',
} as const;

export const unitPlanError = errorFactory(unitPlanErrors);
