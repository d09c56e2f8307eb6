import { errorFactory } from '@thidua/platform';

export const awardFormErrors = {
  AWARD_FORM_CODE_TAKEN: 'Phong trào đã có hình thức khen thưởng với mã này.',
  AWARD_FORM_FOR_NOBODY: 'Hình thức khen thưởng phải dành cho tập thể, cá nhân hoặc cả hai.',
  OCCASION_DATES_INVALID: 'Ngày bắt đầu đợt khen thưởng phải trước ngày kết thúc.',
} as const;

export const awardFormError = errorFactory(awardFormErrors);
