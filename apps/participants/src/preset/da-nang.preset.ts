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

const ascii = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .toUpperCase();
const ward = (w: string) => `DNG-P-${ascii(w)}`;
const commune = (c: string) => `DNG-X-${ascii(c)}`;

/** The wards of each quận and the communes of huyện Hòa Vang until 31/12/2024 (45 wards, 11 communes). */
const WARDS_BY_DISTRICT: Array<[string, string[]]> = [
  [
    'DNG-Q-HAI-CHAU',
    ['Hải Châu I', 'Hải Châu II', 'Phước Ninh', 'Thạch Thang', 'Thanh Bình', 'Thuận Phước', 'Hòa Thuận Đông', 'Hòa Thuận Tây', 'Nam Dương', 'Bình Hiên', 'Bình Thuận', 'Hòa Cường Bắc', 'Hòa Cường Nam'],
  ],
  ['DNG-Q-THANH-KHE', ['An Khê', 'Chính Gián', 'Hòa Khê', 'Tam Thuận', 'Tân Chính', 'Thạc Gián', 'Thanh Khê Đông', 'Thanh Khê Tây', 'Vĩnh Trung', 'Xuân Hà']],
  ['DNG-Q-SON-TRA', ['An Hải Bắc', 'An Hải Đông', 'An Hải Tây', 'Mân Thái', 'Nại Hiên Đông', 'Phước Mỹ', 'Thọ Quang']],
  ['DNG-Q-NGU-HANH-SON', ['Hòa Hải', 'Hòa Quý', 'Khuê Mỹ', 'Mỹ An']],
  ['DNG-Q-LIEN-CHIEU', ['Hòa Hiệp Bắc', 'Hòa Hiệp Nam', 'Hòa Khánh Bắc', 'Hòa Khánh Nam', 'Hòa Minh']],
  ['DNG-Q-CAM-LE', ['Hòa An', 'Hòa Phát', 'Hòa Thọ Đông', 'Hòa Thọ Tây', 'Hòa Xuân', 'Khuê Trung']],
];
const HOA_VANG_COMMUNES = ['Hòa Bắc', 'Hòa Châu', 'Hòa Khương', 'Hòa Liên', 'Hòa Nhơn', 'Hòa Ninh', 'Hòa Phong', 'Hòa Phú', 'Hòa Phước', 'Hòa Sơn', 'Hòa Tiến'];

const units: UnitPreset[] = [
  { code: 'DNG', name: 'UBND thành phố Đà Nẵng', kind: 'PROVINCE_PC' },
  { code: 'QNM', name: 'UBND tỉnh Quảng Nam', kind: 'PROVINCE_PC' },
  ...DEPARTMENTS.map(([code, name]): UnitPreset => ({ code, name, kind: 'DEPARTMENT', parent: 'DNG' })),
  ...MASS_ORGS.map(([code, name]): UnitPreset => ({ code, name, kind: 'MASS_ORGANISATION', parent: 'DNG' })),
  ...DISTRICTS.map(([code, name]): UnitPreset => ({ code, name, kind: 'DISTRICT_PC', parent: 'DNG' })),
  ...WARDS_BY_DISTRICT.flatMap(([district, wards]) =>
    wards.map((w): UnitPreset => ({ code: ward(w), name: `UBND phường ${w}`, kind: 'WARD_PC', parent: district })),
  ),
  ...HOA_VANG_COMMUNES.map((c): UnitPreset => ({ code: commune(c), name: `UBND xã ${c}`, kind: 'COMMUNE_PC', parent: 'DNG-H-HOA-VANG' })),
];

/**
 * The 2023 - 2025 arrangement, in force from 01/01/2025 (45 → 36 wards; the city then had 47 commune-level units: Báo Kiến Thức
 * 11/2024, Báo Người Lao Động 6/2024 on the plan). The Standing Committee's resolution (10/2024, "về việc sắp xếp đơn vị hành chính
 * cấp huyện, cấp xã của thành phố Đà Nẵng giai đoạn 2023 - 2025") could not be matched to its number: the changes carry no legal
 * basis rather than a guessed one. Boundary adjustments between wards (part of Hòa Minh to Thanh Khê Tây; Thuận Phước and Thanh
 * Bình; Thọ Quang and Mân Thái) move no whole unit and are not recorded.
 */
const WARDS_2025_01_UNCONFIRMED = 'Số hiệu, ngày ban hành Nghị quyết của UBTVQH về sắp xếp ĐVHC cấp huyện, cấp xã thành phố Đà Nẵng giai đoạn 2023 - 2025 chưa đối chiếu được';
const MERGED_2025_01: Array<{ from: string[]; into: string; formed?: { name: string; parent: string } }> = [
  { from: ['Hải Châu I', 'Hải Châu II'], into: 'Hải Châu', formed: { name: 'UBND phường Hải Châu', parent: 'DNG-Q-HAI-CHAU' } },
  { from: ['Nam Dương', 'Bình Hiên'], into: 'Phước Ninh' },
  { from: ['Hòa Thuận Đông'], into: 'Bình Thuận' },
  { from: ['Hòa Khê'], into: 'Thanh Khê Đông' },
  { from: ['Tam Thuận'], into: 'Xuân Hà' },
  { from: ['Vĩnh Trung'], into: 'Thạc Gián' },
  { from: ['Tân Chính'], into: 'Chính Gián' },
  { from: ['An Hải Đông', 'An Hải Tây'], into: 'An Hải Nam', formed: { name: 'UBND phường An Hải Nam', parent: 'DNG-Q-SON-TRA' } },
];

/** Nghị quyết 1659/NQ-UBTVQH15 (16/6/2025): the commune-level units of the new Đà Nẵng from 1/7/2025. */
const WARDS_2025 = doc('1659/NQ-UBTVQH15', '2025-06-16', 'Ủy ban Thường vụ Quốc hội', 'Nghị quyết về việc sắp xếp các đơn vị hành chính cấp xã của thành phố Đà Nẵng năm 2025');

/**
 * The wards and communes formed on 1/7/2025 in the former Đà Nẵng's area (12 wards, 3 communes of the city's 23 wards, 70
 * communes and đặc khu Hoàng Sa), from the 36 wards and 11 communes of 2025 (the resolution's text, Báo Nghệ An 24h 6/2025; its
 * list, Báo Lao Động; the city's plan, Báo Tiền Phong 4/2025). Part of xã Hòa Liên went to xã Hòa Bắc before the merger: Hòa
 * Liên is listed whole under phường Liên Chiểu, which took the larger part. Huyện Hoàng Sa (đặc khu Hoàng Sa) is not in this
 * preset; nor are the 11 wards and 67 communes formed from Quảng Nam's, whose predecessors the preset does not have: a
 * directory import adds them under the city.
 */
const FORMED_2025: Array<{ code: string; name: string; kind: 'WARD_PC' | 'COMMUNE_PC'; from: string[]; unconfirmed?: string }> = [
  { code: 'DNG-P-HAI-CHAU-2025', name: 'UBND phường Hải Châu', kind: 'WARD_PC', from: ['Thanh Bình', 'Thuận Phước', 'Thạch Thang', 'Phước Ninh', 'Hải Châu'].map(ward) },
  { code: 'DNG-P-HOA-CUONG', name: 'UBND phường Hòa Cường', kind: 'WARD_PC', from: ['Bình Thuận', 'Hòa Thuận Tây', 'Hòa Cường Bắc', 'Hòa Cường Nam'].map(ward) },
  { code: 'DNG-P-THANH-KHE-2025', name: 'UBND phường Thanh Khê', kind: 'WARD_PC', from: ['Xuân Hà', 'Chính Gián', 'Thạc Gián', 'Thanh Khê Đông', 'Thanh Khê Tây'].map(ward) },
  { code: 'DNG-P-AN-KHE-2025', name: 'UBND phường An Khê', kind: 'WARD_PC', from: ['An Khê', 'Hòa An', 'Hòa Phát'].map(ward) },
  { code: 'DNG-P-AN-HAI', name: 'UBND phường An Hải', kind: 'WARD_PC', from: ['Phước Mỹ', 'An Hải Bắc', 'An Hải Nam'].map(ward) },
  { code: 'DNG-P-SON-TRA', name: 'UBND phường Sơn Trà', kind: 'WARD_PC', from: ['Thọ Quang', 'Nại Hiên Đông', 'Mân Thái'].map(ward) },
  { code: 'DNG-P-NGU-HANH-SON', name: 'UBND phường Ngũ Hành Sơn', kind: 'WARD_PC', from: ['Mỹ An', 'Khuê Mỹ', 'Hòa Hải', 'Hòa Quý'].map(ward) },
  { code: 'DNG-P-HOA-KHANH', name: 'UBND phường Hòa Khánh', kind: 'WARD_PC', from: [ward('Hòa Khánh Nam'), ward('Hòa Minh'), commune('Hòa Sơn')] },
  { code: 'DNG-P-HAI-VAN', name: 'UBND phường Hải Vân', kind: 'WARD_PC', from: [ward('Hòa Hiệp Bắc'), ward('Hòa Hiệp Nam'), commune('Hòa Bắc')] },
  { code: 'DNG-P-LIEN-CHIEU', name: 'UBND phường Liên Chiểu', kind: 'WARD_PC', from: [ward('Hòa Khánh Bắc'), commune('Hòa Liên')] },
  { code: 'DNG-P-CAM-LE', name: 'UBND phường Cẩm Lệ', kind: 'WARD_PC', from: ['Hòa Thọ Tây', 'Hòa Thọ Đông', 'Khuê Trung'].map(ward) },
  { code: 'DNG-P-HOA-XUAN-2025', name: 'UBND phường Hòa Xuân', kind: 'WARD_PC', from: [ward('Hòa Xuân'), commune('Hòa Phước'), commune('Hòa Châu')] },
  { code: 'DNG-X-HOA-VANG', name: 'UBND xã Hòa Vang', kind: 'COMMUNE_PC', from: [commune('Hòa Phong'), commune('Hòa Phú')] },
  {
    code: 'DNG-X-HOA-TIEN-2025',
    name: 'UBND xã Hòa Tiến',
    kind: 'COMMUNE_PC',
    from: [commune('Hòa Tiến'), commune('Hòa Khương')],
    unconfirmed: 'Thành phần theo phương án của thành phố (Báo SGGP 4/2025); chưa đối chiếu được với văn bản Nghị quyết 1659/NQ-UBTVQH15',
  },
  {
    code: 'DNG-X-BA-NA',
    name: 'UBND xã Bà Nà',
    kind: 'COMMUNE_PC',
    from: [commune('Hòa Ninh'), commune('Hòa Nhơn')],
    unconfirmed: 'Thành phần theo phương án của thành phố (Báo SGGP 4/2025); chưa đối chiếu được với văn bản Nghị quyết 1659/NQ-UBTVQH15',
  },
];

/** The units formed on 1/7/2025 in the former Đà Nẵng's area. */
export const DNG_FORMED_2025 = FORMED_2025.map((u) => u.code);

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
    ...MERGED_2025_01.map((r) => ({
      kind: 'MERGE_INTO' as const,
      units: r.from.map(ward),
      into: ward(r.into),
      ...(r.formed ? { formed: { name: r.formed.name, kind: 'WARD_PC' as const, parent: r.formed.parent } } : {}),
      effectiveDate: '2025-01-01',
      basis: null,
      note: r.formed
        ? `Nhập các phường ${r.from.join(', ')} thành phường ${r.into}.`
        : `Nhập toàn bộ diện tích tự nhiên, quy mô dân số của phường ${r.from.join(', ')} vào phường ${r.into}.`,
      unconfirmed: WARDS_2025_01_UNCONFIRMED,
    })),
    // The wards and communes merged on the day the district level ended, before the districts' dissolution moves what is left.
    ...FORMED_2025.map((u) => ({
      kind: 'MERGE_INTO' as const,
      units: u.from,
      into: u.code,
      formed: { name: u.name, kind: u.kind, parent: 'DNG' },
      effectiveDate: '2025-07-01',
      basis: WARDS_2025,
      note: `Thành lập ${u.name.replace('UBND ', '')} trực thuộc thành phố Đà Nẵng trên cơ sở sắp xếp các phường, xã.`,
      ...(u.unconfirmed ? { unconfirmed: u.unconfirmed } : {}),
    })),
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
      {
        // From 1/7/2025 the wards and communes stand directly under the city and are ranked together. Before, this preset
        // ranks the quận, huyện only: no cluster of the wards and communes under them (the lead agency can add one).
        code: 'DNG-CUM-PHUONG-XA-2025',
        name: 'Cụm thi đua các phường, xã thành phố Đà Nẵng (từ 01/7/2025)',
        description: 'Cụm, khối mặc định để xếp hạng; cơ quan chủ trì điều chỉnh theo quyết định chia cụm, khối thi đua.',
        members: FORMED_2025.map((u) => u.code),
        validFrom: '2025-07-01',
      },
    ],
  },
};
