import type { LegalDocumentValue } from '@thidua/platform';
import type { Authority, FormKind, OccasionKind } from '../award-form/award-form.entity';

export interface FormPreset {
  code: string;
  name: string;
  kind: FormKind;
  authority: Authority;
  authorityTitle: string;
  forCollectives: boolean;
  forIndividuals: boolean;
  legalBasis: LegalDocumentValue | null;
  validFrom: string | null;
  validTo: string | null;
}

export interface OccasionPreset {
  kind: OccasionKind;
  name: string;
  year: number;
  startDate: string | null;
  endDate: string;
}

export interface CampaignAwardsPreset {
  campaignCode: string;
  forms: FormPreset[];
  occasions: OccasionPreset[];
}

const BMT_PLAN: LegalDocumentValue = {
  number: '…/KH-UBND',
  date: '2023-07-01',
  issuer: 'UBND thành phố Buôn Ma Thuột',
  title: 'Kế hoạch phát động Phong trào thi đua “Chuyển đổi số giai đoạn 2023 - 2025”, mục III.3',
};
const DN_PLAN: LegalDocumentValue = {
  number: '3970/QĐ-UBND',
  date: '2021-12-10',
  issuer: 'Chủ tịch UBND thành phố Đà Nẵng',
  title: 'Kế hoạch phát động và tổ chức thực hiện thi đua chuyển đổi số, mục III.3',
};

const annual = (from: number, to: number): OccasionPreset[] =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ kind: 'ANNUAL' as const, name: `Khen thưởng hằng năm ${from + i}`, year: from + i, startDate: null, endDate: `${from + i}-12-31` }));

/** The award forms and occasions each seed plan names (R11). */
export const AWARD_PRESETS: CampaignAwardsPreset[] = [
  {
    campaignCode: 'BMT-CDS-2023-2025',
    forms: [
      { code: 'BK-CT-UBND-TINH', name: 'Bằng khen của Chủ tịch UBND tỉnh', kind: 'BANG_KHEN', authority: 'PROVINCE_CHAIR', authorityTitle: 'Chủ tịch UBND tỉnh Đắk Lắk', forCollectives: true, forIndividuals: true, legalBasis: BMT_PLAN, validFrom: null, validTo: null },
      {
        code: 'GK-CT-UBND-TP',
        name: 'Giấy khen của Chủ tịch UBND thành phố',
        kind: 'GIAY_KHEN',
        authority: 'CITY_CHAIR',
        authorityTitle: 'Chủ tịch UBND thành phố Buôn Ma Thuột',
        forCollectives: true,
        forIndividuals: true,
        legalBasis: BMT_PLAN,
        // Buôn Ma Thuột stopped being a district-level city on 1/7/2025: its chairman confers nothing after that.
        validFrom: null,
        validTo: '2025-07-01',
      },
      { code: 'GK-CT-UBND-XA', name: 'Giấy khen của Chủ tịch UBND xã, phường', kind: 'GIAY_KHEN', authority: 'COMMUNE_CHAIR', authorityTitle: 'Chủ tịch UBND xã, phường', forCollectives: true, forIndividuals: true, legalBasis: BMT_PLAN, validFrom: null, validTo: null },
    ],
    occasions: [
      ...annual(2023, 2025),
      { kind: 'INTERIM_REVIEW', name: 'Sơ kết Phong trào thi đua Chuyển đổi số (Quý III năm 2024)', year: 2024, startDate: '2024-07-01', endDate: '2024-09-30' },
      { kind: 'FINAL_REVIEW', name: 'Tổng kết Phong trào thi đua Chuyển đổi số (Quý IV năm 2025)', year: 2025, startDate: '2025-10-01', endDate: '2025-12-31' },
    ],
  },
  {
    campaignCode: 'DN-CDS-2021-2030',
    forms: [
      { code: 'BK-CT-UBND-TP', name: 'Bằng khen của Chủ tịch UBND thành phố Đà Nẵng', kind: 'BANG_KHEN', authority: 'PROVINCE_CHAIR', authorityTitle: 'Chủ tịch UBND thành phố Đà Nẵng', forCollectives: true, forIndividuals: true, legalBasis: DN_PLAN, validFrom: null, validTo: null },
      { code: 'KT-NHA-NUOC', name: 'Khen thưởng cấp Nhà nước (đề nghị)', kind: 'STATE_AWARD', authority: 'STATE', authorityTitle: 'Chủ tịch nước, Thủ tướng Chính phủ', forCollectives: true, forIndividuals: true, legalBasis: DN_PLAN, validFrom: null, validTo: null },
    ],
    occasions: [
      ...annual(2022, 2030),
      { kind: 'FINAL_REVIEW', name: 'Tổng kết Giai đoạn 1 (2021 - 2025)', year: 2025, startDate: '2025-01-01', endDate: '2025-12-31' },
      { kind: 'FINAL_REVIEW', name: 'Tổng kết Phong trào thi đua chuyển đổi số (2021 - 2030)', year: 2030, startDate: '2030-01-01', endDate: '2030-12-31' },
    ],
  },
];
