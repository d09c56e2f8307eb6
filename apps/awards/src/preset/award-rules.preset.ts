import type { AwardRulesValue } from '../award-rules/award-rules.rules';

/**
 * Each seed plan's rules on award dossiers, from its «Thủ tục, hồ sơ đề nghị khen thưởng».
 * Neither plan sets a public consultation: five days before the council is the city's choice, editable with
 * setCampaignAwardRules like every other value here.
 */
export const AWARD_RULES_PRESETS: Array<{
  campaignCode: string;
  rules: AwardRulesValue;
}> = [
  {
    // Kế hoạch phát động (7/2023), mục III.4: «Báo cáo thành tích … có xác nhận của cấp trình khen»;
    // «Số lượng hồ sơ đề nghị khen thưởng: 01 bộ»; hồ sơ do phòng Nội vụ thẩm định (mục V.4).
    campaignCode: 'BMT-CDS-2023-2025',
    rules: {
      dossierCopies: 1,
      leadReviewRequired: false,
      reportConfirmations: ['PROPOSING_LEVEL'],
      consultationDays: 5,
      consultationStage: 'BEFORE_COUNCIL',
    },
  },
  {
    // QĐ 3970/QĐ-UBND, mục III.4.b: hồ sơ gửi về Sở Thông tin và Truyền thông (cơ quan thường trực; Sở KH&CN từ 01/3/2025)
    // «để tổng hợp, bình xét và lập thủ tục đề nghị»; Báo cáo thành tích «có xác nhận của thủ trưởng đơn vị và thủ
    // trưởng cấp trên trực tiếp». Kế hoạch không nêu số lượng hồ sơ: 01 bộ.
    campaignCode: 'DN-CDS-2021-2030',
    rules: {
      dossierCopies: 1,
      leadReviewRequired: true,
      reportConfirmations: ['UNIT_HEAD', 'DIRECT_SUPERIOR'],
      consultationDays: 5,
      consultationStage: 'BEFORE_COUNCIL',
    },
  },
];
