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
  { code: 'PYN', name: 'UBND tỉnh Phú Yên', kind: 'PROVINCE_PC' },
  { code: 'BMT', name: 'UBND thành phố Buôn Ma Thuột', kind: 'CITY_PC', parent: 'DLK' },
  ...DEPARTMENTS.map(([code, name]): UnitPreset => ({ code, name, kind: 'DEPARTMENT', parent: 'BMT' })),
  ...MASS_ORGS.map(([code, name]): UnitPreset => ({ code, name, kind: 'MASS_ORGANISATION', parent: 'BMT' })),
  ...WARDS.map((w): UnitPreset => ({ code: `BMT-P-${ascii(w)}`, name: `UBND phường ${w}`, kind: 'WARD_PC', parent: 'BMT' })),
  ...COMMUNES.map((c): UnitPreset => ({ code: `BMT-X-${ascii(c)}`, name: `UBND xã ${c}`, kind: 'COMMUNE_PC', parent: 'BMT' })),
];

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
    ...[...DEPARTMENTS, ...MASS_ORGS].map(([code]) => ({
      kind: 'DISSOLVE' as const,
      unit: code,
      effectiveDate: '2025-07-01',
      basis: TWO_TIER,
      note: 'Kết thúc hoạt động của cơ quan, tổ chức cấp huyện khi không tổ chức cấp huyện.',
    })),
    {
      kind: 'DISSOLVE',
      unit: 'BMT',
      effectiveDate: '2025-07-01',
      basis: TWO_TIER,
      transferChildrenTo: 'DLK',
      note: 'Thành phố Buôn Ma Thuột thôi là đơn vị hành chính cấp huyện; các phường, xã của thành phố trực thuộc tỉnh Đắk Lắk.',
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
        members: WARDS.map((w) => `BMT-P-${ascii(w)}`),
      },
      {
        code: 'BMT-CUM-XA',
        name: 'Cụm thi đua các xã thành phố Buôn Ma Thuột',
        description: 'Cụm, khối mặc định để xếp hạng; cơ quan chủ trì điều chỉnh theo quyết định chia cụm, khối thi đua.',
        members: COMMUNES.map((c) => `BMT-X-${ascii(c)}`),
      },
    ],
  },
};
