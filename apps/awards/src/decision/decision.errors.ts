import { errorFactory } from '@thidua/platform';

export const decisionErrors = {
  DECISION_NUMBER_TAKEN: 'Đã có quyết định với số và ngày này.',
  DECISION_NOMINATIONS_INVALID: 'Quyết định chỉ gồm các đề nghị đã được Hội đồng thông qua, cùng phong trào, cùng đợt và cùng hình thức khen thưởng.',
  DECISION_AUTHORITY_LAPSED: 'Vào ngày ký quyết định, cấp này không còn thẩm quyền tặng hình thức khen thưởng.',
  DECISION_DATE_INVALID: 'Ngày quyết định không được sau ngày hôm nay và không trước ngày họp Hội đồng.',
  DECISION_AWARDEE_UNKNOWN: 'Không tra được tên tập thể, cá nhân được khen thưởng; chưa ghi được quyết định.',
  DECISION_DETAILS_REQUIRED: 'Ghi quyết định cần số, ký hiệu, người ký và chức vụ người ký.',
  REWARD_FUND_EXCEEDED: 'Tổng tiền thưởng vượt quỹ khen thưởng; chưa ghi quyết định.',
  REWARD_FUND_OCCASION_INVALID: 'Đợt khen thưởng không thuộc phong trào hoặc không thuộc năm của quỹ.',
  REWARD_FUND_VERSION_CONFLICT: 'Quỹ khen thưởng vừa được người khác sửa; vui lòng tải lại rồi thực hiện lại.',
  BONUS_RATE_INSTRUMENT_UNKNOWN: 'Không có văn bản pháp luật với mã này.',
} as const;

export const decisionError = errorFactory(decisionErrors);
