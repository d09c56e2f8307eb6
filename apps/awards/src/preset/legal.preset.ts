/** The emulation-and-commendation law and decrees with their validity (../shared/LEGAL.md); editable data. */
export interface LegalInstrumentPreset {
  code: string;
  number: string;
  title: string;
  validFrom: string;
  validTo: string | null;
  /**
   * The achievement-report template as a draft may print it ("Mẫu số 02 (báo cáo thành tích tập thể)"): verified text
   * only, for whom in brackets; anything unverified goes in `note`.
   */
  reportTemplate: string | null;
  blocksPendingProceedings: boolean;
  note: string | null;
}

export const LEGAL_INSTRUMENTS: LegalInstrumentPreset[] = [
  {
    code: 'LUAT-TDKT-2003',
    number: '15/2003/QH11',
    title: 'Luật Thi đua, khen thưởng 2003 (sửa đổi, bổ sung năm 2013)',
    validFrom: '2004-07-01',
    validTo: '2023-12-31',
    reportTemplate: null,
    blocksPendingProceedings: false,
    note: 'Ngày bắt đầu hiệu lực cần kiểm chứng.',
  },
  {
    code: 'LUAT-TDKT-2022',
    number: '06/2022/QH15',
    title: 'Luật Thi đua, khen thưởng 2022: công khai, minh bạch; một thành tích không khen thưởng hai lần; thành tích đến đâu khen đến đó',
    validFrom: '2024-01-01',
    validTo: null,
    reportTemplate: null,
    blocksPendingProceedings: false,
    note: 'Điều 74: Bằng khen của Chủ tịch UBND tỉnh; Chương VII: hủy khen thưởng khi kê khai gian dối.',
  },
  {
    code: 'ND-91-2017',
    number: '91/2017/NĐ-CP',
    title: 'Quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng',
    validFrom: '2017-10-01',
    validTo: '2023-12-31',
    reportTemplate: 'Mẫu số 07 (báo cáo thành tích theo đợt thi đua, chuyên đề)',
    blocksPendingProceedings: false,
    note: 'Ngày bắt đầu hiệu lực cần kiểm chứng. Mẫu 01: tập thể, 02: cá nhân, 06: đột xuất, 07: theo đợt / chuyên đề.',
  },
  {
    code: 'ND-98-2023',
    number: '98/2023/NĐ-CP',
    title: 'Quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng',
    validFrom: '2024-01-01',
    validTo: '2025-06-30',
    reportTemplate: 'Mẫu số 02 (báo cáo thành tích tập thể)',
    blocksPendingProceedings: false,
    // What is not verified stays here, out of the documents: the template field holds only what a draft may print.
    note: 'Số mẫu báo cáo thành tích cá nhân và báo cáo thành tích thi đua theo đợt, chuyên đề cần kiểm chứng.',
  },
  {
    code: 'ND-152-2025',
    number: '152/2025/NĐ-CP',
    title: 'Quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng',
    validFrom: '2025-07-01',
    validTo: null,
    reportTemplate: null,
    blocksPendingProceedings: true,
    note: 'Không khen thưởng khi đang bị xem xét kỷ luật, thanh tra, giải quyết khiếu nại; hồ sơ gồm tờ trình, báo cáo thành tích có xác nhận, biên bản Hội đồng TĐ-KT; tiền thưởng theo hệ số lương cơ sở (bảng hệ số cần kiểm chứng).',
  },
  {
    code: 'CV-5007-BNV',
    number: '5007/BNV-TĐKT',
    title: 'Hướng dẫn của Bộ Nội vụ (2023): một sáng kiến chỉ làm căn cứ cho một hình thức khen thưởng; tài liệu là bản chính hoặc bản sao có chứng thực',
    validFrom: '2023-01-01',
    validTo: null,
    reportTemplate: null,
    blocksPendingProceedings: false,
    note: 'Ngày ban hành cụ thể cần kiểm chứng.',
  },
];

/** Mức lương cơ sở (editable data): bonuses are multiples of the amount in force on the decision date. */
export const BASE_SALARIES = [
  { validFrom: '2019-07-01', amount: 1_490_000, legalBasis: 'Nghị định 38/2019/NĐ-CP' },
  { validFrom: '2023-07-01', amount: 1_800_000, legalBasis: 'Nghị định 24/2023/NĐ-CP' },
  { validFrom: '2024-07-01', amount: 2_340_000, legalBasis: 'Nghị định 73/2024/NĐ-CP' },
];

type Rate = { instrumentCode: string; formKind: 'BANG_KHEN' | 'GIAY_KHEN'; authority: 'PROVINCE_CHAIR' | 'CITY_CHAIR' | 'COMMUNE_CHAIR'; candidateKind: 'INDIVIDUAL' | 'COLLECTIVE'; multiplier: number; note: string };

/** One decree's multipliers: an individual's, and a collective's at twice that. */
const rates = (instrumentCode: string, table: Array<[Rate['formKind'], Rate['authority'], number]>, note: string): Rate[] =>
  table.flatMap(([formKind, authority, individual]) => [
    { instrumentCode, formKind, authority, candidateKind: 'INDIVIDUAL' as const, multiplier: individual, note },
    { instrumentCode, formKind, authority, candidateKind: 'COLLECTIVE' as const, multiplier: individual * 2, note },
  ]);

/**
 * Bonus multipliers of base salary by decree (LEGAL.md: "e.g. Giấy khen of a commune chairman 0.3× for an
 * individual (full table unverified)"): editable data, to be checked against each decree's text.
 */
export const BONUS_RATES: Rate[] = [
  ...rates('ND-91-2017', [['BANG_KHEN', 'PROVINCE_CHAIR', 1.0], ['GIAY_KHEN', 'CITY_CHAIR', 0.3], ['GIAY_KHEN', 'COMMUNE_CHAIR', 0.15]], 'Cần kiểm chứng theo văn bản; tập thể gấp hai lần cá nhân.'),
  ...rates('ND-98-2023', [['BANG_KHEN', 'PROVINCE_CHAIR', 1.0], ['GIAY_KHEN', 'CITY_CHAIR', 0.3], ['GIAY_KHEN', 'COMMUNE_CHAIR', 0.15]], 'Cần kiểm chứng theo văn bản; tập thể gấp hai lần cá nhân.'),
  ...rates('ND-152-2025', [['BANG_KHEN', 'PROVINCE_CHAIR', 1.0], ['GIAY_KHEN', 'COMMUNE_CHAIR', 0.3]], 'Giấy khen Chủ tịch UBND cấp xã: 0,3 lần cho cá nhân (LEGAL.md); các mức khác cần kiểm chứng; tập thể gấp hai lần cá nhân.'),
];
