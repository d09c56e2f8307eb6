import { errorFactory } from '@thidua/platform';

export const decisionErrors = {
  DECISION_NUMBER_TAKEN: 'Đã có quyết định với số và ngày này.',
  DECISION_NOMINATIONS_INVALID: 'Quyết định chỉ gồm các đề nghị đã được Hội đồng thông qua, cùng phong trào và cùng hình thức khen thưởng.',
  DECISION_AUTHORITY_LAPSED: 'Vào ngày ký quyết định, cấp này không còn thẩm quyền tặng hình thức khen thưởng.',
  DECISION_DATE_INVALID: 'Ngày quyết định không được sau ngày hôm nay và không trước ngày họp Hội đồng.',
  DECISION_AWARDEE_UNKNOWN: 'Không tra được tên tập thể, cá nhân được khen thưởng; chưa ghi được quyết định.',
  BONUS_RATE_INSTRUMENT_UNKNOWN: 'Không có văn bản pháp luật với mã này.',
} as const;

export const decisionError = errorFactory(decisionErrors);
