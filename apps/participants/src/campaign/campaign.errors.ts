import { errorFactory } from '@thidua/platform';

export const campaignErrors = {
  CAMPAIGN_NOT_FOUND: 'Không tìm thấy phong trào thi đua.',
  CAMPAIGN_CODE_TAKEN: 'Mã phong trào đã được sử dụng.',
  CAMPAIGN_DATES_INVALID: 'Ngày kết thúc phong trào phải sau ngày bắt đầu.',
  CAMPAIGN_NOT_PUBLISHED: 'Phong trào chưa được công bố.',
  PHASE_OUTSIDE_CAMPAIGN: 'Giai đoạn phải nằm trong thời gian của phong trào.',
  MILESTONE_OUTSIDE_CAMPAIGN: 'Thời hạn nằm ngoài thời gian của phong trào.',
  MILESTONE_DATES_INVALID: 'Ngày bắt đầu của mốc phải trước hoặc bằng hạn chót.',
  MILESTONE_NOT_FOUND: 'Không tìm thấy mốc thời gian.',
  PHASE_NOT_FOUND: 'Không tìm thấy giai đoạn của phong trào.',
} as const;

export const campaignError = errorFactory(campaignErrors);
