import { legalDoc, type Preset, type UnitPreset } from './preset.types';

const doc = legalDoc;

const DEPARTMENTS: Array<[string, string]> = [
  ['DNG-VP', 'Văn phòng UBND thành phố Đà Nẵng'],
  ['DNG-STTTT', 'Sở Thông tin và Truyền thông thành phố Đà Nẵng'],
  ['DNG-SNV', 'Sở Nội vụ thành phố Đà Nẵng'],
  ['DNG-SKHCN', 'Sở Khoa học và Công nghệ thành phố Đà Nẵng'],
  ['DNG-SGDDT', 'Sở Giáo dục và Đào tạo thành phố Đà Nẵng'],
  ['DNG-SYT', 'Sở Y tế thành phố Đà Nẵng'],
  ['DNG-STC', 'Sở Tài chính thành phố Đà Nẵng'],
];

const MASS_ORGS: Array<[string, string]> = [
  ['DNG-MTTQ', 'Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Đà Nẵng'],
  ['DNG-DOAN', 'Thành đoàn Đà Nẵng'],
  ['DNG-LDLD', 'Liên đoàn Lao động thành phố Đà Nẵng'],
];

const DISTRICTS: Array<[string, string]> = [
  ['DNG-Q-HAI-CHAU', 'UBND quận Hải Châu'],
  ['DNG-Q-THANH-KHE', 'UBND quận Thanh Khê'],
  ['DNG-Q-SON-TRA', 'UBND quận Sơn Trà'],
  ['DNG-Q-NGU-HANH-SON', 'UBND quận Ngũ Hành Sơn'],
  ['DNG-Q-LIEN-CHIEU', 'UBND quận Liên Chiểu'],
  ['DNG-Q-CAM-LE', 'UBND quận Cẩm Lệ'],
  ['DNG-H-HOA-VANG', 'UBND huyện Hòa Vang'],
];

const units: UnitPreset[] = [
  { code: 'DNG', name: 'UBND thành phố Đà Nẵng', kind: 'PROVINCE_PC' },
  { code: 'QNM', name: 'UBND tỉnh Quảng Nam', kind: 'PROVINCE_PC' },
  ...DEPARTMENTS.map(([code, name]): UnitPreset => ({ code, name, kind: 'DEPARTMENT', parent: 'DNG' })),
  ...MASS_ORGS.map(([code, name]): UnitPreset => ({ code, name, kind: 'MASS_ORGANISATION', parent: 'DNG' })),
  ...DISTRICTS.map(([code, name]): UnitPreset => ({ code, name, kind: 'DISTRICT_PC', parent: 'DNG' })),
];

const TWO_TIER = doc(
  '72/2025/QH15',
  '2025-06-16',
  'Quốc hội',
  'Luật Tổ chức chính quyền địa phương (chính quyền địa phương hai cấp, không tổ chức cấp huyện từ 01/7/2025)',
);

/** Quyết định 3970/QĐ-UBND (10/12/2021) của Chủ tịch UBND thành phố Đà Nẵng: thi đua chuyển đổi số 2021 - 2030. */
export const daNangPreset: Preset = {
  units,
  reforms: [
    {
      kind: 'MERGE_INTO',
      units: ['DNG-STTTT'],
      into: 'DNG-SKHCN',
      effectiveDate: '2025-03-01',
      // Nghị quyết 01/NQ-HĐND (20/02/2025), kỳ họp thứ 22 của HĐND thành phố khóa X: the five merged departments work from 01/03/2025.
      basis: doc('01/NQ-HĐND', '2025-02-20', 'HĐND thành phố Đà Nẵng', 'Thành lập Sở Khoa học và Công nghệ trên cơ sở hợp nhất Sở Khoa học và Công nghệ và Sở Thông tin và Truyền thông'),
      note: 'Nhiệm vụ cơ quan chủ trì phong trào chuyển sang Sở Khoa học và Công nghệ.',
    },
    {
      kind: 'MERGE_INTO',
      units: ['QNM'],
      into: 'DNG',
      effectiveDate: '2025-07-01',
      basis: doc('202/2025/QH15', '2025-06-12', 'Quốc hội', 'Nghị quyết về việc sắp xếp đơn vị hành chính cấp tỉnh'),
      note: 'Hợp nhất tỉnh Quảng Nam và thành phố Đà Nẵng thành thành phố Đà Nẵng.',
    },
    ...DISTRICTS.map(([code]) => ({
      kind: 'DISSOLVE' as const,
      unit: code,
      effectiveDate: '2025-07-01',
      basis: TWO_TIER,
      transferChildrenTo: 'DNG',
      note: 'Không tổ chức cấp huyện; các phường, xã trực thuộc thành phố.',
    })),
  ],
  campaign: {
    code: 'DN-CDS-2021-2030',
    name: 'Thi đua chuyển đổi số trên địa bàn thành phố Đà Nẵng giai đoạn 2021 - 2030',
    issuerTitle: 'Chủ tịch UBND thành phố Đà Nẵng',
    issuer: 'DNG',
    document: doc(
      '3970/QĐ-UBND',
      '2021-12-10',
      'Chủ tịch UBND thành phố Đà Nẵng',
      'Quyết định ban hành Kế hoạch phát động và tổ chức thực hiện thi đua chuyển đổi số trên địa bàn thành phố Đà Nẵng',
    ),
    legalBasis: [
      doc('77/2015/QH13', '2015-06-19', 'Quốc hội', 'Luật Tổ chức chính quyền địa phương'),
      doc('47/2019/QH14', '2019-11-22', 'Quốc hội', 'Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương'),
      doc('15/2003/QH11', '2003-11-26', 'Quốc hội', 'Luật Thi đua, khen thưởng'),
      doc('39/2013/QH13', '2013-11-16', 'Quốc hội', 'Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng'),
      doc('91/2017/NĐ-CP', '2017-07-31', 'Chính phủ', 'Quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng'),
      doc('2870/QĐ-UBND', '2021-08-28', 'UBND thành phố Đà Nẵng', 'Ban hành Đề án chuyển đổi số trên địa bàn thành phố Đà Nẵng đến năm 2025, định hướng đến năm 2030'),
      doc('05-NQ/TU', '2021-06-17', 'Ban Chấp hành Đảng bộ thành phố Đà Nẵng', 'Về chuyển đổi số trên địa bàn thành phố đến năm 2025, định hướng đến năm 2030'),
    ],
    jurisdiction: 'DNG',
    startDate: '2021-12-10',
    endDate: '2030-12-31',
    lead: 'DNG-STTTT',
    appraising: 'DNG-SNV',
    expectedUnitKinds: ['DEPARTMENT', 'MASS_ORGANISATION', 'DISTRICT_PC', 'WARD_PC', 'COMMUNE_PC'],
    contentAreas: [
      { code: '1', title: 'Chuyển đổi nhận thức về sự cần thiết và tính cấp thiết của chuyển đổi số gắn với tuyên truyền các mục tiêu, nhiệm vụ của chuyển đổi số.' },
      { code: '2', title: 'Xây dựng văn bản quy phạm pháp luật, cơ chế khuyến khích; đào tạo, bồi dưỡng cán bộ, công chức, viên chức, người lao động về chuyển đổi số; thu hút nhân lực CNTT chất lượng cao; đầu tư hạ tầng thiết bị và ứng dụng.' },
      { code: '3', title: 'Ưu tiên chuyển đổi số trong cơ quan nhà nước, phát triển chính quyền số: hạ tầng số, dữ liệu mở, nền tảng số, dịch vụ công trực tuyến mức độ 4, nâng cao chỉ số xếp hạng chuyển đổi số.' },
      { code: '4', title: 'Phát triển doanh nghiệp công nghệ số, nội dung số, công nghiệp sáng tạo, kinh tế nền tảng, kinh tế chia sẻ, thương mại điện tử, sản xuất thông minh; thúc đẩy chuyển đổi số trong doanh nghiệp.' },
      { code: '5', title: 'Xây dựng và tạo lập dữ liệu mở phục vụ người dân, doanh nghiệp khai thác, sử dụng, góp phần công khai, minh bạch.' },
      { code: '6', title: 'Đảm bảo an toàn, an ninh mạng; hệ thống giám sát, cảnh báo sớm, điều phối ứng cứu sự cố.' },
      { code: '7', title: 'Đẩy mạnh hợp tác, nghiên cứu, phát triển và đổi mới sáng tạo trong môi trường số; hợp tác với doanh nghiệp công nghệ lớn.' },
    ],
    prioritySectors: [],
    phases: [
      { name: 'Giai đoạn 1 (2021 - 2025)', startDate: '2021-12-10', endDate: '2025-12-31' },
      { name: 'Giai đoạn 2 (2026 - 2030)', startDate: '2026-01-01', endDate: '2030-12-31' },
    ],
    milestones: [
      {
        kind: 'UNIT_PLAN_DUE',
        title: 'Các sở, ban, ngành, đoàn thể, UBND quận, huyện, xã, phường hoàn thành việc phát động phong trào thi đua (chậm nhất trong Quý I năm 2022)',
        startDate: '2022-01-01',
        dueDate: '2022-03-31',
        recurrence: 'ONCE',
        sourceClause: 'IV.1',
        recipient: 'DNG-STTTT',
        phase: 0,
      },
      {
        kind: 'REGISTRATION_DUE',
        title: '100% cơ quan, đơn vị, địa phương đăng ký thực hiện phong trào thi đua (chậm nhất trong Quý I năm 2022)',
        startDate: '2022-01-01',
        dueDate: '2022-03-31',
        recurrence: 'ONCE',
        sourceClause: 'IV.1',
        recipient: 'DNG-STTTT',
        phase: 0,
      },
      {
        kind: 'FINAL_REVIEW',
        title: 'Tổng kết Giai đoạn 1 ở cấp huyện, cấp thành phố (năm 2025)',
        startDate: '2025-01-01',
        dueDate: '2025-12-31',
        recurrence: 'ONCE',
        sourceClause: 'IV.1',
        phase: 0,
      },
      {
        kind: 'FINAL_REVIEW',
        title: 'Tổng kết Phong trào thi đua chuyển đổi số (năm 2030)',
        startDate: '2030-01-01',
        dueDate: '2030-12-31',
        recurrence: 'ONCE',
        sourceClause: 'IV.2',
        phase: 1,
      },
    ],
    clusters: [
      {
        code: 'DNG-KHOI-SO-NGANH',
        name: 'Khối các sở, ban, ngành thành phố Đà Nẵng',
        description: 'Cụm, khối mặc định để xếp hạng; cơ quan chủ trì điều chỉnh theo quyết định chia cụm, khối thi đua.',
        members: DEPARTMENTS.map(([code]) => code),
      },
      {
        code: 'DNG-KHOI-QUAN-HUYEN',
        name: 'Khối các quận, huyện thành phố Đà Nẵng',
        description: 'Cụm, khối mặc định để xếp hạng; cơ quan chủ trì điều chỉnh theo quyết định chia cụm, khối thi đua.',
        members: DISTRICTS.map(([code]) => code),
      },
    ],
  },
};
