import { legalDoc, type Preset, type UnitPreset } from './preset.types';

const doc = legalDoc;

const WARDS = [
  'Tân Lập', 'Tân Hòa', 'Tân An', 'Thống Nhất', 'Thành Nhất', 'Thắng Lợi', 'Tân Lợi',
  'Thành Công', 'Tân Thành', 'Tân Tiến', 'Tự An', 'Ea Tam', 'Khánh Xuân',
];
const COMMUNES = ['Hòa Thuận', 'Cư Êbur', 'Ea Tu', 'Hòa Thắng', 'Ea Kao', 'Hòa Phú', 'Hòa Khánh', 'Hòa Xuân'];

const ascii = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .toUpperCase();

const ward = (w: string) => `BMT-P-${ascii(w)}`;
const commune = (c: string) => `BMT-X-${ascii(c)}`;

const DEPARTMENTS: Array<[string, string]> = [
  ['BMT-VP', 'Văn phòng HĐND và UBND thành phố Buôn Ma Thuột'],
  ['BMT-VHTT', 'Phòng Văn hóa và Thông tin thành phố Buôn Ma Thuột'],
  ['BMT-NV', 'Phòng Nội vụ thành phố Buôn Ma Thuột'],
  ['BMT-TCKH', 'Phòng Tài chính - Kế hoạch thành phố Buôn Ma Thuột'],
  ['BMT-GDDT', 'Phòng Giáo dục và Đào tạo thành phố Buôn Ma Thuột'],
  ['BMT-YT', 'Phòng Y tế thành phố Buôn Ma Thuột'],
  ['BMT-TNMT', 'Phòng Tài nguyên và Môi trường thành phố Buôn Ma Thuột'],
  ['BMT-KT', 'Phòng Kinh tế thành phố Buôn Ma Thuột'],
  ['BMT-QLDT', 'Phòng Quản lý đô thị thành phố Buôn Ma Thuột'],
  ['BMT-TP', 'Phòng Tư pháp thành phố Buôn Ma Thuột'],
  ['BMT-LDTBXH', 'Phòng Lao động - Thương binh và Xã hội thành phố Buôn Ma Thuột'],
  ['BMT-TT', 'Thanh tra thành phố Buôn Ma Thuột'],
  ['BMT-DTTTH', 'Đài Truyền thanh - Truyền hình thành phố Buôn Ma Thuột'],
];

const MASS_ORGS: Array<[string, string]> = [
  ['BMT-MTTQ', 'Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Buôn Ma Thuột'],
  ['BMT-DOAN', 'Thành đoàn Buôn Ma Thuột'],
  ['BMT-HLHPN', 'Hội Liên hiệp Phụ nữ thành phố Buôn Ma Thuột'],
  ['BMT-HND', 'Hội Nông dân thành phố Buôn Ma Thuột'],
  ['BMT-HCCB', 'Hội Cựu chiến binh thành phố Buôn Ma Thuột'],
  ['BMT-LDLD', 'Liên đoàn Lao động thành phố Buôn Ma Thuột'],
];

const units: UnitPreset[] = [
  { code: 'DLK', name: 'UBND tỉnh Đắk Lắk', kind: 'PROVINCE_PC' },
  { code: 'DLK-SNV', name: 'Sở Nội vụ tỉnh Đắk Lắk', kind: 'DEPARTMENT', parent: 'DLK' },
  // Sở Khoa học và Công nghệ as the province has had it since it took over Sở Thông tin và Truyền thông (1/3/2025); the
  // earlier Sở Thông tin và Truyền thông tỉnh Đắk Lắk is not in this preset (the province's own campaign is not either).
  {
    code: 'DLK-SKHCN',
    name: 'Sở Khoa học và Công nghệ tỉnh Đắk Lắk',
    kind: 'DEPARTMENT',
    parent: 'DLK',
    unconfirmed: 'Nghị quyết của HĐND tỉnh Đắk Lắk hợp nhất Sở Thông tin và Truyền thông vào Sở Khoa học và Công nghệ (3/2025) chưa đối chiếu được số hiệu',
  },
  { code: 'PYN', name: 'UBND tỉnh Phú Yên', kind: 'PROVINCE_PC' },
  { code: 'BMT', name: 'UBND thành phố Buôn Ma Thuột', kind: 'CITY_PC', parent: 'DLK' },
  ...DEPARTMENTS.map(([code, name]): UnitPreset => ({ code, name, kind: 'DEPARTMENT', parent: 'BMT' })),
  ...MASS_ORGS.map(([code, name]): UnitPreset => ({ code, name, kind: 'MASS_ORGANISATION', parent: 'BMT' })),
  ...WARDS.map((w): UnitPreset => ({ code: ward(w), name: `UBND phường ${w}`, kind: 'WARD_PC', parent: 'BMT' })),
  ...COMMUNES.map((c): UnitPreset => ({ code: commune(c), name: `UBND xã ${c}`, kind: 'COMMUNE_PC', parent: 'BMT' })),
];

/**
 * Nghị quyết 1193/NQ-UBTVQH15 (2024, sắp xếp ĐVHC cấp xã tỉnh Đắk Lắk giai đoạn 2023 - 2025): phường Thắng Lợi nhập vào phường
 * Thành Công, phường Thống Nhất nhập vào phường Tân Tiến; the city then had 11 wards and 8 communes (Báo Lao Động, Báo Gia Lai,
 * 10/2024). Published in early October 2024; its date and the day it took effect could not be confirmed (1/11/2024 is taken, as
 * for the resolutions of that session of the Standing Committee).
 */
const WARDS_2024 = doc('1193/NQ-UBTVQH15', null, 'Ủy ban Thường vụ Quốc hội', 'Nghị quyết về việc sắp xếp đơn vị hành chính cấp xã của tỉnh Đắk Lắk giai đoạn 2023 - 2025');
const WARDS_2024_UNCONFIRMED = 'Ngày ban hành và ngày có hiệu lực của Nghị quyết 1193/NQ-UBTVQH15 chưa đối chiếu được; lấy 01/11/2024';

/** Nghị quyết 1660/NQ-UBTVQH15 (16/6/2025): the commune-level units of Đắk Lắk from 1/7/2025, when the district level ended. */
const WARDS_2025 = doc('1660/NQ-UBTVQH15', '2025-06-16', 'Ủy ban Thường vụ Quốc hội', 'Nghị quyết về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Đắk Lắk năm 2025');

/**
 * The wards and commune formed on 1/7/2025 from Buôn Ma Thuột's 19 wards and communes: phường Buôn Ma Thuột, Tân An, Tân Lập,
 * Thành Nhất, Ea Kao and xã Hòa Phú (confirmed: Báo Đắk Lắk, HĐND tỉnh 25/4/2025). The composition of phường Buôn Ma Thuột is
 * confirmed (Thành Công, Tân Tiến, Tân Thành, Tự An, Tân Lợi, xã Cư Êbur: Wikipedia citing the resolution's text, Báo Đắk Lắk
 * 9/2025 on its residential groups). The others' could not be checked against the resolution's text: each is the old units of
 * its name and their neighbours, marked `unconfirmed`. Whole units only: if the resolution gave part of a commune to another
 * unit, the commune is listed under the unit that took the larger part.
 */
const FORMED_2025: Array<{ code: string; name: string; kind: 'WARD_PC' | 'COMMUNE_PC'; from: string[]; unconfirmed?: string }> = [
  {
    code: 'DLK-P-BUON-MA-THUOT',
    name: 'UBND phường Buôn Ma Thuột',
    kind: 'WARD_PC',
    from: [ward('Thành Công'), ward('Tân Tiến'), ward('Tân Thành'), ward('Tự An'), ward('Tân Lợi'), commune('Cư Êbur')],
  },
  {
    code: 'DLK-P-TAN-AN',
    name: 'UBND phường Tân An',
    kind: 'WARD_PC',
    from: [ward('Tân An'), commune('Ea Tu'), commune('Hòa Thuận')],
    unconfirmed: 'Thành phần phường Tân An theo Nghị quyết 1660/NQ-UBTVQH15 chưa đối chiếu được văn bản',
  },
  {
    code: 'DLK-P-TAN-LAP',
    name: 'UBND phường Tân Lập',
    kind: 'WARD_PC',
    from: [ward('Tân Lập'), ward('Tân Hòa'), commune('Hòa Thắng')],
    unconfirmed: 'Thành phần phường Tân Lập theo Nghị quyết 1660/NQ-UBTVQH15 chưa đối chiếu được văn bản',
  },
  {
    code: 'DLK-P-THANH-NHAT',
    name: 'UBND phường Thành Nhất',
    kind: 'WARD_PC',
    from: [ward('Thành Nhất'), ward('Ea Tam')],
    unconfirmed: 'Thành phần phường Thành Nhất theo Nghị quyết 1660/NQ-UBTVQH15 chưa đối chiếu được văn bản',
  },
  {
    code: 'DLK-P-EA-KAO',
    name: 'UBND phường Ea Kao',
    kind: 'WARD_PC',
    from: [commune('Ea Kao'), ward('Khánh Xuân')],
    unconfirmed: 'Thành phần phường Ea Kao theo Nghị quyết 1660/NQ-UBTVQH15 chưa đối chiếu được văn bản',
  },
  {
    code: 'DLK-X-HOA-PHU',
    name: 'UBND xã Hòa Phú',
    kind: 'COMMUNE_PC',
    from: [commune('Hòa Phú'), commune('Hòa Khánh'), commune('Hòa Xuân')],
    unconfirmed: 'Thành phần xã Hòa Phú theo Nghị quyết 1660/NQ-UBTVQH15 chưa đối chiếu được văn bản',
  },
];

/** The units formed on 1/7/2025 in the city's former area (Campaign.expectedUnits of the 2025 cycle). */
export const BMT_FORMED_2025 = FORMED_2025.map((u) => u.code);

const PROVINCE_MERGE = doc(
  '202/2025/QH15',
  '2025-06-12',
  'Quốc hội',
  'Nghị quyết về việc sắp xếp đơn vị hành chính cấp tỉnh',
);
const TWO_TIER = doc(
  '72/2025/QH15',
  '2025-06-16',
  'Quốc hội',
  'Luật Tổ chức chính quyền địa phương (chính quyền địa phương hai cấp, không tổ chức cấp huyện từ 01/7/2025)',
);

/** Kế hoạch phát động Phong trào thi đua "Chuyển đổi số giai đoạn 2023 - 2025" của UBND thành phố Buôn Ma Thuột (7/2023). */
export const buonMaThuotPreset: Preset = {
  units,
  reforms: [
    {
      kind: 'MERGE_INTO',
      units: ['PYN'],
      into: 'DLK',
      effectiveDate: '2025-07-01',
      basis: PROVINCE_MERGE,
      note: 'Hợp nhất tỉnh Phú Yên và tỉnh Đắk Lắk thành tỉnh Đắk Lắk.',
    },
    ...(
      [
        ['Thắng Lợi', 'Thành Công'],
        ['Thống Nhất', 'Tân Tiến'],
      ] as const
    ).map(([from, into]) => ({
      kind: 'MERGE_INTO' as const,
      units: [ward(from)],
      into: ward(into),
      effectiveDate: '2024-11-01',
      basis: WARDS_2024,
      note: `Nhập toàn bộ diện tích tự nhiên, quy mô dân số của phường ${from} vào phường ${into}.`,
      unconfirmed: WARDS_2024_UNCONFIRMED,
    })),
    // The wards and communes merged on the day the district level ended, before the city's dissolution moves what is left.
    ...FORMED_2025.map((u) => ({
      kind: 'MERGE_INTO' as const,
      units: u.from,
      into: u.code,
      formed: { name: u.name, kind: u.kind, parent: 'DLK' },
      effectiveDate: '2025-07-01',
      basis: WARDS_2025,
      note: `Thành lập ${u.name.replace('UBND ', '')} trực thuộc tỉnh Đắk Lắk trên cơ sở sắp xếp các phường, xã của thành phố Buôn Ma Thuột.`,
      ...(u.unconfirmed ? { unconfirmed: u.unconfirmed } : {}),
    })),
    ...[...DEPARTMENTS, ...MASS_ORGS].map(([code]) => ({
      kind: 'DISSOLVE' as const,
      unit: code,
      effectiveDate: '2025-07-01',
      basis: TWO_TIER,
      note: 'Kết thúc hoạt động của cơ quan, tổ chức cấp huyện khi không tổ chức cấp huyện.',
      // The offices whose tasks the plan relies on: digital transformation (the lead agency) goes to the province's Sở Khoa
      // học và Công nghệ, emulation and rewards (the appraising agency) to its Sở Nội vụ.
      ...(code === 'BMT-VHTT'
        ? {
            successor: 'DLK-SKHCN',
            note: 'Kết thúc hoạt động khi không tổ chức cấp huyện; nhiệm vụ quản lý nhà nước về chuyển đổi số chuyển về Sở Khoa học và Công nghệ tỉnh Đắk Lắk.',
          }
        : {}),
      ...(code === 'BMT-NV'
        ? {
            successor: 'DLK-SNV',
            note: 'Kết thúc hoạt động khi không tổ chức cấp huyện; nhiệm vụ về thi đua, khen thưởng chuyển về Sở Nội vụ tỉnh Đắk Lắk.',
          }
        : {}),
      ...(code === 'BMT-VHTT' || code === 'BMT-NV'
        ? { unconfirmed: 'Văn bản của tỉnh Đắk Lắk giao nhiệm vụ của phòng cấp huyện cho sở chưa đối chiếu được; căn cứ ghi là Luật 72/2025/QH15' }
        : {}),
    })),
    {
      kind: 'DISSOLVE',
      unit: 'BMT',
      effectiveDate: '2025-07-01',
      basis: TWO_TIER,
      transferChildrenTo: 'DLK',
      note: 'Thành phố Buôn Ma Thuột thôi là đơn vị hành chính cấp huyện; các phường, xã trên địa bàn được sắp xếp thành các phường, xã trực thuộc tỉnh Đắk Lắk.',
    },
  ],
  campaign: {
    code: 'BMT-CDS-2023-2025',
    name: 'Phong trào thi đua “Chuyển đổi số giai đoạn 2023 - 2025” trên địa bàn thành phố Buôn Ma Thuột',
    issuerTitle: 'UBND thành phố Buôn Ma Thuột',
    issuer: 'BMT',
    document: doc(
      '…/KH-UBND',
      '2023-07-01',
      'UBND thành phố Buôn Ma Thuột',
      'Kế hoạch phát động Phong trào thi đua “Chuyển đổi số giai đoạn 2023 - 2025” trên địa bàn thành phố Buôn Ma Thuột (bản gốc để trống số và ngày, tháng 7/2023)',
    ),
    legalBasis: [
      doc('91/2017/NĐ-CP', '2017-07-31', 'Chính phủ', 'Quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng'),
      doc('12/2019/TT-BNV', '2019-11-04', 'Bộ Nội vụ', 'Quy định chi tiết một số điều của Nghị định số 91/2017/NĐ-CP'),
      doc('05/2020/TT-BNV', '2020-11-09', 'Bộ Nội vụ', 'Bãi bỏ khoản 7 Điều 2 Thông tư số 12/2019/TT-BNV'),
      doc('67-KL/TW', '2019-12-16', 'Bộ Chính trị', 'Về xây dựng và phát triển thành phố Buôn Ma Thuột, tỉnh Đắk Lắk đến năm 2030, tầm nhìn đến năm 2045'),
      doc('103/NQ-CP', '2020-07-09', 'Chính phủ', 'Chương trình hành động của Chính phủ thực hiện Kết luận số 67-KL/TW'),
      doc('04-NQ/TU', '2021-04-02', 'Ban Chấp hành Đảng bộ tỉnh Đắk Lắk', 'Về chuyển đổi số tỉnh Đắk Lắk giai đoạn 2021-2025, định hướng đến năm 2030'),
      doc('37/NQ-HĐND', '2020-12-09', 'HĐND tỉnh Đắk Lắk', 'Thông qua Đề án “Xây dựng thành phố Buôn Ma Thuột trở thành đô thị thông minh giai đoạn 2021-2025, định hướng đến năm 2030 và tầm nhìn đến năm 2045”'),
      doc('3330/QĐ-UBND', '2021-11-29', 'UBND tỉnh Đắk Lắk', 'Ban hành Kế hoạch chuyển đổi số tỉnh Đắk Lắk, xây dựng thành phố Buôn Ma Thuột trở thành đô thị thông minh giai đoạn 2021-2025, định hướng đến năm 2030'),
      doc('12154/UBND-TH', '2021-12-08', 'UBND tỉnh Đắk Lắk', 'Về việc thực hiện các nhiệm vụ tại Nghị quyết 103/NQ-CP của Chính phủ'),
      doc('13-CTr/TU', '2021-12-24', 'Thành ủy Buôn Ma Thuột', 'Thực hiện Nghị quyết số 04-NQ/TU của Tỉnh ủy về chuyển đổi số tỉnh Đắk Lắk'),
      doc('198/KH-UBND', '2022-11-17', 'UBND thành phố Buôn Ma Thuột', 'Chuyển đổi số và xây dựng thành phố Buôn Ma Thuột trở thành đô thị thông minh giai đoạn 2023 – 2025, định hướng đến năm 2030'),
      doc('39/KH-UBND', '2023-03-08', 'UBND tỉnh Đắk Lắk', 'Phát động Phong trào thi đua “Chuyển đổi số giai đoạn 2023-2025” trên địa bàn tỉnh'),
      doc('2534/QĐ-UBND', '2022-11-11', 'UBND tỉnh Đắk Lắk', 'Ban hành Bộ chỉ số đánh giá Chuyển đổi số của các sở, ban, ngành, UBND cấp huyện, cấp xã trên địa bàn tỉnh Đắk Lắk'),
      doc('193/KH-UBND', '2022-11-10', 'UBND thành phố Buôn Ma Thuột', 'Chuyển đổi số và xây dựng thành phố Buôn Ma Thuột trở thành đô thị thông minh năm 2023'),
    ],
    jurisdiction: 'BMT',
    startDate: '2023-07-01',
    endDate: '2025-12-31',
    lead: 'BMT-VHTT',
    appraising: 'BMT-NV',
    expectedUnitKinds: ['DEPARTMENT', 'MASS_ORGANISATION', 'WARD_PC', 'COMMUNE_PC'],
    contentAreas: [
      { code: 'a', title: 'Tăng cường sự lãnh đạo của cấp ủy, chính quyền, phát huy vai trò của Mặt trận Tổ quốc và các tổ chức chính trị - xã hội về chuyển đổi số; nâng cao nhận thức về sự cần thiết và tính cấp thiết của chuyển đổi số.' },
      { code: 'b', title: 'Xây dựng chương trình, kế hoạch và đẩy nhanh tiến trình chuyển đổi số theo từng ngành, lĩnh vực, cơ quan, đơn vị, địa phương; rà soát, tham mưu sửa đổi, bổ sung cơ chế chính sách tạo môi trường pháp lý thuận lợi cho chuyển đổi số.' },
      { code: 'c', title: 'Bồi dưỡng kiến thức, kỹ năng về công nghệ số, chuyển đổi số cho cán bộ, công chức, viên chức, người lao động, người dân và doanh nghiệp; đào tạo, thu hút nguồn nhân lực công nghệ thông tin chất lượng cao.' },
      { code: 'd', title: 'Ưu tiên đảm bảo nguồn lực để thực hiện các hoạt động chuyển đổi số.' },
      { code: 'e', title: 'Tăng cường đầu tư, phát triển hạ tầng số, nền tảng số, sẵn sàng thử nghiệm các giải pháp, công nghệ mới.' },
      { code: 'g', title: 'Đẩy mạnh nghiên cứu, hợp tác với các doanh nghiệp công nghệ hình thành mô hình kinh doanh, sản phẩm, dịch vụ mới; ứng dụng chuỗi khối, trí tuệ nhân tạo, dữ liệu lớn trong quản lý, phát triển kinh tế - xã hội.' },
      { code: 'h', title: 'Xây dựng và tạo lập dữ liệu mở phục vụ người dân, doanh nghiệp khai thác, sử dụng; góp phần công khai, minh bạch, phòng, chống tiêu cực, tham nhũng.' },
      { code: 'i', title: 'Tăng cường đảm bảo an ninh thông tin và an toàn dữ liệu, phòng chống hoạt động phá hoại, thâm nhập hệ thống; cảnh báo và xử lý kịp thời các sự cố.' },
      { code: 'k', title: 'Chú trọng ưu tiên, đẩy mạnh thi đua chuyển đổi số ở một số lĩnh vực: nông nghiệp, giáo dục, y tế, công nghiệp và năng lượng, tài nguyên và môi trường, du lịch.' },
    ],
    prioritySectors: [
      {
        code: 'nong-nghiep',
        name: 'Nông nghiệp',
        actions: [
          'Bản đồ số hóa quản lý trồng trọt, chăn nuôi, thủy sản và dịch bệnh động, thực vật; bản đồ quản lý công trình thủy lợi; phần mềm truy xuất nguồn gốc nông lâm thủy sản.',
          'Hệ thống cơ sở dữ liệu nông thôn mới, quản lý rừng, doanh nghiệp chế biến lâm sản, phòng chống thiên tai.',
          'Hệ thống quản lý, kiểm soát hiện trạng rừng, cảnh báo nguy cơ cháy rừng.',
          'Ứng dụng Cổng thông tin và sàn giao dịch điện tử Nông sản của tỉnh.',
        ],
      },
      {
        code: 'giao-duc',
        name: 'Giáo dục',
        actions: [
          'Chuyển đổi số trong điều hành, quản lý giáo dục: cơ sở dữ liệu ngành, phần mềm quản lý trường học, sổ điểm và học bạ điện tử, dịch vụ công trực tuyến, thanh toán học phí không dùng tiền mặt, số hóa văn bằng chứng chỉ.',
          'Ứng dụng CNTT đổi mới dạy, học, thi, kiểm tra đánh giá: kho học liệu trực tuyến, bài giảng e-learning, mỗi học sinh một mã định danh.',
        ],
      },
      {
        code: 'y-te',
        name: 'Y tế',
        actions: [
          'Hồ sơ sức khỏe điện tử toàn dân.',
          'Tư vấn khám, chữa bệnh từ xa tại tuyến y tế cơ sở; tra cứu tri thức y tế; theo dõi, cảnh báo dịch bệnh.',
          'Hồ sơ bệnh án điện tử, thanh toán viện phí điện tử.',
        ],
      },
      {
        code: 'cong-nghiep-nang-luong',
        name: 'Công nghiệp và năng lượng',
        actions: [
          'Hệ thống quản lý thông minh tại các khu công nghiệp, khu kinh tế.',
          'Quản lý tập trung hạ tầng điện chiếu sáng công cộng trên bản đồ số (GIS).',
          'Hạ tầng dữ liệu lưới điện trên bản đồ số; ứng dụng trí tuệ nhân tạo, dữ liệu lớn, IoT trong năng lượng.',
        ],
      },
      {
        code: 'tai-nguyen-moi-truong',
        name: 'Tài nguyên và môi trường',
        actions: [
          'Hệ thống thông tin, cơ sở dữ liệu lớn về tài nguyên và môi trường; bản đồ số mở của thành phố; quan trắc, giám sát, cảnh báo sớm thiên tai.',
          'Số hóa dữ liệu chuyên ngành tài nguyên môi trường.',
        ],
      },
      {
        code: 'du-lich',
        name: 'Du lịch',
        actions: [
          'Cơ sở dữ liệu ngành Du lịch kết nối với tỉnh; hệ sinh thái du lịch thông minh; thuyết minh du lịch tự động.',
          'Hỗ trợ doanh nghiệp du lịch kết nối, khởi nghiệp, đổi mới sáng tạo.',
        ],
      },
    ],
    phases: [
      { name: 'Năm 2023: phát động, 100% cơ quan, đơn vị, địa phương ban hành kế hoạch', startDate: '2023-07-01', endDate: '2023-12-31' },
      { name: 'Năm 2024: nhân rộng phong trào, sơ kết', startDate: '2024-01-01', endDate: '2024-12-31' },
      { name: 'Năm 2025: tiếp tục triển khai, tổng kết', startDate: '2025-01-01', endDate: '2025-12-31' },
    ],
    milestones: [
      {
        kind: 'UNIT_PLAN_DUE',
        title: 'Các phòng, ban, ngành, đoàn thể, UBND các xã, phường gửi Kế hoạch phát động Phong trào thi đua Chuyển đổi số về UBND thành phố (qua phòng Nội vụ)',
        dueDate: '2023-07-30',
        recurrence: 'ONCE',
        sourceClause: 'VI.1',
        recipient: 'BMT-NV',
        phase: 0,
      },
      {
        kind: 'UNIT_REPORT_DUE',
        title: 'Các cơ quan, đơn vị, địa phương, doanh nghiệp gửi báo cáo kết quả thực hiện Phong trào thi đua hằng năm về phòng Văn hóa và Thông tin',
        dueDate: '2023-12-10',
        recurrence: 'YEARLY',
        sourceClause: 'VI.7',
        recipient: 'BMT-VHTT',
      },
      {
        kind: 'CITY_SUMMARY_DUE',
        title: 'Phòng Văn hóa và Thông tin tổng hợp, báo cáo kết quả triển khai phong trào thi đua hằng năm gửi UBND thành phố (qua phòng Nội vụ)',
        dueDate: '2023-12-15',
        recurrence: 'YEARLY',
        sourceClause: 'VI.3',
        recipient: 'BMT-NV',
      },
      {
        kind: 'INTERIM_REVIEW',
        title: 'Sơ kết Phong trào thi đua Chuyển đổi số (Quý III năm 2024)',
        startDate: '2024-07-01',
        dueDate: '2024-09-30',
        recurrence: 'ONCE',
        sourceClause: 'IV.2',
        phase: 1,
      },
      {
        kind: 'FINAL_REVIEW',
        title: 'Tổng kết Phong trào thi đua Chuyển đổi số (Quý IV năm 2025)',
        startDate: '2025-10-01',
        dueDate: '2025-12-31',
        recurrence: 'ONCE',
        sourceClause: 'IV.3',
        phase: 2,
      },
    ],
    clusters: [
      {
        code: 'BMT-KHOI-PHONG-BAN',
        name: 'Khối các phòng, ban chuyên môn thành phố Buôn Ma Thuột',
        description: 'Cụm, khối mặc định để xếp hạng; cơ quan chủ trì điều chỉnh theo quyết định chia cụm, khối thi đua.',
        members: DEPARTMENTS.map(([code]) => code),
      },
      {
        code: 'BMT-KHOI-DOAN-THE',
        name: 'Khối Mặt trận và các đoàn thể thành phố Buôn Ma Thuột',
        description: 'Cụm, khối mặc định để xếp hạng; cơ quan chủ trì điều chỉnh theo quyết định chia cụm, khối thi đua.',
        members: MASS_ORGS.map(([code]) => code),
      },
      {
        code: 'BMT-CUM-PHUONG',
        name: 'Cụm thi đua các phường thành phố Buôn Ma Thuột',
        description: 'Cụm, khối mặc định để xếp hạng; cơ quan chủ trì điều chỉnh theo quyết định chia cụm, khối thi đua.',
        members: WARDS.map(ward),
      },
      {
        code: 'BMT-CUM-XA',
        name: 'Cụm thi đua các xã thành phố Buôn Ma Thuột',
        description: 'Cụm, khối mặc định để xếp hạng; cơ quan chủ trì điều chỉnh theo quyết định chia cụm, khối thi đua.',
        members: COMMUNES.map(commune),
      },
      {
        // The 2025 cycle (tổng kết) ranks the wards and commune formed on 1/7/2025 together; the city's departments and
        // mass organisations ended that day.
        code: 'BMT-CUM-PHUONG-XA-2025',
        name: 'Cụm thi đua các phường, xã trên địa bàn thành phố Buôn Ma Thuột cũ (từ 01/7/2025)',
        description: 'Cụm, khối mặc định để xếp hạng; cơ quan chủ trì điều chỉnh theo quyết định chia cụm, khối thi đua.',
        members: FORMED_2025.map((u) => u.code),
        validFrom: '2025-07-01',
      },
    ],
  },
};
