import type { FrameworkSpec, LegalDocumentSpec } from '../framework/framework.types';
import { countBands, group, manual, ratio, yesNo } from './preset-builders';

/*
 * The provincial DTI of Quyết định 405/QĐ-BKHCN (3/4/2025), used from DTI 2024 on. Confirmed from the decision's
 * heading and the ministry's publication of DTI 2024 (21/10/2025): 3 pillars (chính quyền số, kinh tế số, xã hội số);
 * 8 main indicators in two groups — nền tảng chung (nhận thức số, thể chế số, hạ tầng số, nhân lực số, an toàn thông
 * tin mạng), which weighs most, and hoạt động (chính quyền số, kinh tế số, xã hội số); 47 component indicators; the
 * value published on a 0–1 scale (Hà Nội 0,8241). Not confirmed: the points of each main indicator and the list of
 * the 47 components. So the main indicators are weighted equally (125 of 1,000) and the components are a
 * representative selection, said so in the data.
 *
 * Scale: stored as points out of 1,000 for every province (all indicators apply to every province), so the published
 * value is points / 1,000 (Assessment.indexValue), the ranking by points is the ranking by value, and a PERCENT rule
 * reads the same value ×100. A POINTS rule is out of 1,000.
 */

const QD_405: LegalDocumentSpec = {
  number: '405/QĐ-BKHCN',
  date: '2025-04-03',
  issuer: 'Bộ Khoa học và Công nghệ',
  title:
    'Phê duyệt Đề án “Xác định Bộ chỉ số đánh giá chuyển đổi số của các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ, các tỉnh, thành phố trực thuộc Trung ương và của quốc gia”',
};

// From 1/3/2025 the provinces' Sở Thông tin và Truyền thông are part of their Sở Khoa học và Công nghệ.
const SKHCN = 'Sở Khoa học và Công nghệ';
const VP_UBND = 'Văn phòng Ủy ban nhân dân tỉnh';
const DVC_QG = 'Cổng dịch vụ công quốc gia; Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh';
const CUC_CDS = 'Cục Chuyển đổi số quốc gia';

const nhanThucSo = group('1.1', 'Nhận thức số', {
  indicators: [
    yesNo('1.1.1', 'Tỉnh ủy (Thành ủy) ban hành nghị quyết, chương trình hành động về chuyển đổi số còn hiệu lực', 40, {
      evidence: 'Nghị quyết, chương trình hành động của Tỉnh ủy (Thành ủy)',
      dataSource: 'Văn phòng Tỉnh ủy (Thành ủy)',
      verifyingUnit: CUC_CDS,
    }),
    countBands('1.1.2', 'Số phiên họp của Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số của tỉnh trong năm', 40, [[1, 10], [2, 25], [4, 40]], {
      evidence: 'Thông báo kết luận của Trưởng Ban Chỉ đạo sau mỗi phiên họp',
      dataSource: VP_UBND,
      verifyingUnit: CUC_CDS,
    }),
    manual('1.1.3', 'Hoạt động tuyên truyền, nâng cao nhận thức về chuyển đổi số (chuyên mục, tin bài, hưởng ứng Ngày Chuyển đổi số quốc gia 10/10)', 45, {
      evidence: 'Báo cáo kèm đường dẫn chuyên mục, thống kê tin bài, kế hoạch và kết quả hưởng ứng',
      dataSource: SKHCN,
      verifyingUnit: CUC_CDS,
    }),
  ],
});

const theCheSo = group('1.2', 'Thể chế số', {
  indicators: [
    yesNo('1.2.1', 'Ủy ban nhân dân tỉnh ban hành kế hoạch chuyển đổi số năm', 40, {
      evidence: 'Kế hoạch chuyển đổi số năm đánh giá của Ủy ban nhân dân tỉnh',
      dataSource: VP_UBND,
      verifyingUnit: CUC_CDS,
    }),
    yesNo('1.2.2', 'Kiến trúc chính quyền số của tỉnh được ban hành, cập nhật theo Khung kiến trúc Chính phủ số Việt Nam', 40, {
      evidence: 'Quyết định ban hành hoặc cập nhật Kiến trúc chính quyền số của tỉnh',
      dataSource: SKHCN,
      verifyingUnit: CUC_CDS,
    }),
    ratio('1.2.3', 'Tỷ lệ kinh phí chi cho chuyển đổi số so với tổng chi ngân sách của tỉnh', 45, 'Kinh phí chi cho chuyển đổi số trong năm (triệu đồng)', 'Tổng chi ngân sách địa phương trong năm (triệu đồng)', {
      evidence: 'Báo cáo quyết toán hoặc số liệu của Sở Tài chính',
      dataSource: 'Sở Tài chính',
      verifyingUnit: CUC_CDS,
    }),
  ],
});

const haTangSo = group('1.3', 'Hạ tầng số', {
  indicators: [
    ratio('1.3.1', 'Tỷ lệ hộ gia đình có kết nối Internet băng rộng cáp quang', 45, 'Số hộ gia đình có kết nối Internet băng rộng cáp quang', 'Tổng số hộ gia đình của tỉnh', {
      evidence: 'Số liệu của các doanh nghiệp viễn thông',
      dataSource: 'Báo cáo của các doanh nghiệp viễn thông trên địa bàn',
      verifyingUnit: CUC_CDS,
    }),
    ratio('1.3.2', 'Tỷ lệ thôn, bản, tổ dân phố được phủ sóng di động băng rộng', 40, 'Số thôn, bản, tổ dân phố được phủ sóng di động băng rộng', 'Tổng số thôn, bản, tổ dân phố', {
      evidence: 'Số liệu đo kiểm, báo cáo của doanh nghiệp viễn thông',
      dataSource: 'Báo cáo của các doanh nghiệp viễn thông trên địa bàn',
      verifyingUnit: CUC_CDS,
    }),
    yesNo('1.3.3', 'Nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh (LGSP) kết nối với Nền tảng tích hợp, chia sẻ dữ liệu quốc gia', 40, {
      evidence: 'Xác nhận kết nối; thống kê giao dịch trong năm',
      dataSource: SKHCN,
      verifyingUnit: CUC_CDS,
    }),
  ],
});

const nhanLucSo = group('1.4', 'Nhân lực số', {
  indicators: [
    ratio('1.4.1', 'Tỷ lệ cán bộ, công chức, viên chức được bồi dưỡng, tập huấn kỹ năng số trong năm', 45, 'Số cán bộ, công chức, viên chức được bồi dưỡng, tập huấn kỹ năng số', 'Tổng số cán bộ, công chức, viên chức của tỉnh', {
      evidence: 'Danh sách học viên; kết quả trên nền tảng học trực tuyến mở đại trà',
      dataSource: 'Sở Nội vụ',
      verifyingUnit: CUC_CDS,
    }),
    ratio('1.4.2', 'Tỷ lệ cơ quan, đơn vị có cán bộ chuyên trách công nghệ thông tin, chuyển đổi số', 40, 'Số cơ quan, đơn vị có cán bộ chuyên trách', 'Tổng số cơ quan, đơn vị thuộc tỉnh', {
      evidence: 'Danh sách cán bộ chuyên trách theo cơ quan, đơn vị',
      dataSource: 'Sở Nội vụ',
      verifyingUnit: CUC_CDS,
    }),
    manual('1.4.3', 'Hoạt động phổ cập kỹ năng số cho người dân (Tổ công nghệ số cộng đồng, phong trào Bình dân học vụ số)', 40, {
      evidence: 'Báo cáo kết quả kèm số liệu người dân được phổ cập',
      dataSource: SKHCN,
      verifyingUnit: CUC_CDS,
    }),
  ],
});

const anToanThongTin = group('1.5', 'An toàn thông tin mạng', {
  indicators: [
    ratio('1.5.1', 'Tỷ lệ hệ thống thông tin được phê duyệt cấp độ an toàn thông tin', 45, 'Số hệ thống thông tin đã được phê duyệt cấp độ', 'Tổng số hệ thống thông tin của tỉnh', {
      evidence: 'Quyết định phê duyệt hồ sơ đề xuất cấp độ',
      dataSource: SKHCN,
      verifyingUnit: 'Cục An toàn thông tin',
    }),
    yesNo('1.5.2', 'Triển khai giám sát an toàn thông tin tập trung (SOC) và kết nối với hệ thống giám sát quốc gia', 40, {
      evidence: 'Xác nhận kết nối của cơ quan giám sát quốc gia',
      dataSource: SKHCN,
      verifyingUnit: 'Cục An toàn thông tin',
    }),
    manual('1.5.3', 'Diễn tập, ứng cứu sự cố an toàn thông tin mạng trong năm', 40, {
      evidence: 'Kế hoạch và báo cáo kết quả diễn tập',
      dataSource: SKHCN,
      verifyingUnit: 'Cục An toàn thông tin',
    }),
  ],
});

const chinhQuyenSo = group('2.1', 'Hoạt động chính quyền số', {
  indicators: [
    ratio('2.1.1', 'Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận, xử lý trực tuyến toàn trình', 45, 'Số hồ sơ được tiếp nhận, xử lý trực tuyến toàn trình', 'Tổng số hồ sơ thủ tục hành chính của tỉnh', {
      evidence: 'Số liệu trích xuất từ hệ thống',
      dataSource: DVC_QG,
      verifyingUnit: CUC_CDS,
    }),
    ratio('2.1.2', 'Tỷ lệ văn bản điện tử được ký số và gửi nhận trên môi trường mạng (trừ văn bản mật)', 40, 'Số văn bản đi được ký số, gửi nhận trên môi trường mạng', 'Tổng số văn bản đi (trừ văn bản mật)', {
      evidence: 'Số liệu trích xuất từ hệ thống quản lý văn bản',
      dataSource: 'Hệ thống quản lý văn bản và điều hành của tỉnh',
      verifyingUnit: CUC_CDS,
    }),
    ratio('2.1.3', 'Tỷ lệ hồ sơ thủ tục hành chính được số hóa kết quả giải quyết', 40, 'Số hồ sơ được số hóa kết quả giải quyết', 'Tổng số hồ sơ đã giải quyết', {
      evidence: 'Số liệu trích xuất từ hệ thống',
      dataSource: DVC_QG,
      verifyingUnit: CUC_CDS,
    }),
  ],
});

const kinhTeSo = group('2.2', 'Hoạt động kinh tế số', {
  indicators: [
    ratio('2.2.1', 'Tỷ trọng kinh tế số trong tổng sản phẩm trên địa bàn (GRDP)', 45, 'Giá trị tăng thêm của kinh tế số (tỷ đồng)', 'Tổng sản phẩm trên địa bàn tỉnh (tỷ đồng)', {
      evidence: 'Số liệu của cơ quan thống kê',
      dataSource: 'Cơ quan thống kê cấp tỉnh',
      verifyingUnit: CUC_CDS,
    }),
    ratio('2.2.2', 'Tỷ lệ doanh nghiệp sử dụng hóa đơn điện tử', 40, 'Số doanh nghiệp sử dụng hóa đơn điện tử', 'Tổng số doanh nghiệp đang hoạt động', {
      evidence: 'Số liệu của cơ quan thuế',
      dataSource: 'Cơ quan thuế cấp tỉnh',
      verifyingUnit: CUC_CDS,
    }),
    ratio('2.2.3', 'Tỷ lệ doanh nghiệp nhỏ và vừa sử dụng nền tảng số', 40, 'Số doanh nghiệp nhỏ và vừa sử dụng nền tảng số', 'Tổng số doanh nghiệp nhỏ và vừa', {
      evidence: 'Số liệu khảo sát hoặc thống kê của tỉnh',
      dataSource: 'Sở Tài chính; Sở Công Thương',
      verifyingUnit: CUC_CDS,
    }),
  ],
});

const xaHoiSo = group('2.3', 'Hoạt động xã hội số', {
  indicators: [
    ratio('2.3.1', 'Tỷ lệ người dân trưởng thành có danh tính số (tài khoản định danh điện tử)', 45, 'Số người trưởng thành có tài khoản định danh điện tử đã kích hoạt', 'Dân số trưởng thành của tỉnh', {
      evidence: 'Số liệu của cơ quan công an',
      dataSource: 'Công an tỉnh',
      verifyingUnit: CUC_CDS,
    }),
    ratio('2.3.2', 'Tỷ lệ người dân trưởng thành có tài khoản thanh toán điện tử', 40, 'Số người trưởng thành có tài khoản giao dịch thanh toán', 'Dân số trưởng thành của tỉnh', {
      evidence: 'Số liệu tổng hợp của các tổ chức tín dụng',
      dataSource: 'Ngân hàng Nhà nước khu vực',
      verifyingUnit: CUC_CDS,
    }),
    ratio('2.3.3', 'Tỷ lệ người dân có hồ sơ sức khỏe điện tử', 40, 'Số người dân có hồ sơ sức khỏe điện tử', 'Dân số của tỉnh', {
      evidence: 'Số liệu của ngành y tế',
      dataSource: 'Sở Y tế',
      verifyingUnit: CUC_CDS,
    }),
  ],
});

/** The provincial DTI of 405/QĐ-BKHCN, from DTI 2024 on: 8 main indicators of 125 points, 1,000 in all (published as points / 1,000). */
export const dti405Province: FrameworkSpec = {
  code: 'DTI-405-TINH',
  name:
    'Bộ chỉ số đánh giá chuyển đổi số cấp tỉnh theo Quyết định 405/QĐ-BKHCN (từ DTI 2024) — cấu trúc 8 chỉ số chính theo Quyết định; điểm của từng chỉ số chính và các chỉ số thành phần là mẫu đại diện (Quyết định có 47 chỉ số thành phần); giá trị công bố = điểm / 1.000, thang 0–1',
  year: 2024,
  yearTo: null,
  jurisdiction: 'Các tỉnh, thành phố trực thuộc Trung ương',
  targetLevel: 'PROVINCE',
  appliesToKinds: ['PROVINCE_PC'],
  legalBasis: QD_405,
  isSample: true,
  groups: [
    group('1', 'Nhóm chỉ số nền tảng chung', { groups: [nhanThucSo, theCheSo, haTangSo, nhanLucSo, anToanThongTin] }),
    group('2', 'Nhóm chỉ số hoạt động', { groups: [chinhQuyenSo, kinhTeSo, xaHoiSo] }),
  ],
};

