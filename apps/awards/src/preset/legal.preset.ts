/** The emulation-and-commendation law and decrees with their validity (../shared/LEGAL.md); editable data. */
export interface LegalInstrumentPreset {
  code: string;
  number: string;
  title: string;
  validFrom: string;
  validTo: string | null;
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
    reportTemplate: 'Mẫu số 02 (báo cáo thành tích tập thể; số mẫu cho thi đua theo đợt cần kiểm chứng)',
    blocksPendingProceedings: false,
    note: null,
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
