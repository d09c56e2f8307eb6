import { errorFactory } from '@thidua/platform';

export const awardRulesErrors = {
  AWARD_RULES_INVALID: 'Quy định hồ sơ khen thưởng của phong trào không hợp lệ.',
} as const;

export const awardRulesError = errorFactory(awardRulesErrors);
