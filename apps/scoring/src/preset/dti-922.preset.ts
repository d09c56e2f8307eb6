import type { FrameworkSpec, LegalDocumentSpec } from '../framework/framework.types';
import { countBands, group, manual, ratio, yesNo } from './preset-builders';

/*
 * Sample frameworks shaped like the provincial DTI of Quyết định 922/QĐ-BTTTT (R7). They follow the official pillar
 * structure and points (1,000 = nền tảng 500 + hoạt động 500) but the component indicators are a representative
 * selection, not the official 98: each province replaces them with its own index.
 */

const QD_922: LegalDocumentSpec = {
  number: '922/QĐ-BTTTT',
  date: '2022-05-20',
  issuer: 'Bộ Thông tin và Truyền thông',
  title:
    'Phê duyệt Đề án Xác định Bộ chỉ số đánh giá chuyển đổi số của các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ, các tỉnh, thành phố trực thuộc trung ương và của quốc gia',
};

const SAMPLE_JURISDICTION = 'Mẫu — tỉnh thay bằng bộ chỉ số của mình';

// Agencies and systems named as data sources and verifiers (2024, before the 2025 reorganisation).
const STTTT = 'Sở Thông tin và Truyền thông';
const SNV = 'Sở Nội vụ';
const VP_UBND = 'Văn phòng Ủy ban nhân dân tỉnh';
const DVC_QG = 'Cổng dịch vụ công quốc gia; Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh';
const QLVB = 'Hệ thống quản lý văn bản và điều hành của tỉnh';
const TELCOS = 'Báo cáo của các doanh nghiệp viễn thông trên địa bàn';
const UNIT_REPORT = 'Báo cáo của đơn vị được đánh giá';

// ── Cấp tỉnh ──────────────────────────────────────────────────────────────────────────────────────────────────

const nhanThucSo = group('1.1', 'Nhận thức số', {
  indicators: [
    yesNo('1.1.1', 'Tỉnh ủy (Thành ủy) ban hành nghị quyết, chỉ thị hoặc chương trình chuyên đề về chuyển đổi số', 20, {
      evidence: 'Nghị quyết, chỉ thị hoặc chương trình hành động của Tỉnh ủy (Thành ủy) về chuyển đổi số còn hiệu lực',
      dataSource: 'Văn phòng Tỉnh ủy (Thành ủy)',
      verifyingUnit: STTTT,
    }),
    yesNo('1.1.2', 'Ban Chỉ đạo chuyển đổi số của tỉnh do Chủ tịch Ủy ban nhân dân tỉnh làm Trưởng ban được thành lập, kiện toàn', 15, {
      evidence: 'Quyết định thành lập (kiện toàn) Ban Chỉ đạo; quy chế hoạt động; chương trình công tác năm của Ban Chỉ đạo',
      dataSource: VP_UBND,
      verifyingUnit: STTTT,
    }),
    countBands('1.1.3', 'Số phiên họp của Ban Chỉ đạo chuyển đổi số tỉnh trong năm', 20, [[1, 5], [2, 10], [3, 15], [4, 20]], {
      evidence: 'Thông báo kết luận của Trưởng Ban Chỉ đạo sau mỗi phiên họp',
      dataSource: VP_UBND,
      verifyingUnit: STTTT,
    }),
    yesNo('1.1.4', 'Chuyên mục về chuyển đổi số được duy trì trên Cổng thông tin điện tử của tỉnh và báo, đài phát thanh - truyền hình địa phương', 15, {
      evidence: 'Đường dẫn chuyên mục; danh sách tin, bài đăng trong năm',
      dataSource: 'Cổng thông tin điện tử tỉnh; Báo và Đài Phát thanh - Truyền hình tỉnh',
      verifyingUnit: STTTT,
    }),
    countBands('1.1.5', 'Số tin, bài, phóng sự tuyên truyền về chuyển đổi số trên báo chí và hệ thống thông tin cơ sở trong năm', 15, [[50, 5], [100, 10], [200, 15]], {
      evidence: 'Thống kê tin, bài, phóng sự kèm đường dẫn hoặc bản lưu',
      dataSource: 'Báo cáo của các cơ quan báo chí địa phương và hệ thống thông tin cơ sở',
      verifyingUnit: STTTT,
    }),
    manual('1.1.6', 'Tổ chức các hoạt động hưởng ứng Ngày Chuyển đổi số quốc gia (10/10)', 15, {
      evidence: 'Kế hoạch hưởng ứng; báo cáo kết quả kèm hình ảnh, số liệu người tham gia',
      dataSource: UNIT_REPORT,
      verifyingUnit: STTTT,
    }),
  ],
});

const theCheSo = group('1.2', 'Thể chế số', {
  indicators: [
    yesNo('1.2.1', 'Ủy ban nhân dân tỉnh ban hành kế hoạch chuyển đổi số hằng năm', 20, {
      evidence: 'Kế hoạch chuyển đổi số năm đánh giá của Ủy ban nhân dân tỉnh',
      dataSource: VP_UBND,
      verifyingUnit: STTTT,
    }),
    yesNo('1.2.2', 'Kiến trúc Chính quyền điện tử (Chính quyền số) của tỉnh được ban hành, cập nhật theo Khung Kiến trúc Chính phủ điện tử Việt Nam', 15, {
      evidence: 'Quyết định ban hành hoặc cập nhật Kiến trúc Chính quyền điện tử (Chính quyền số) của tỉnh',
      dataSource: STTTT,
      verifyingUnit: STTTT,
    }),
    yesNo('1.2.3', 'Quy chế quản lý, kết nối và chia sẻ dữ liệu số của tỉnh được ban hành', 15, {
      evidence: 'Quyết định ban hành quy chế',
      dataSource: STTTT,
      verifyingUnit: STTTT,
    }),
    countBands('1.2.4', 'Số cơ chế, chính sách đặc thù thúc đẩy chuyển đổi số được Hội đồng nhân dân, Ủy ban nhân dân tỉnh ban hành', 20, [[1, 10], [2, 15], [3, 20]], {
      evidence: 'Nghị quyết của Hội đồng nhân dân tỉnh, quyết định của Ủy ban nhân dân tỉnh ban hành cơ chế, chính sách',
      dataSource: VP_UBND,
      verifyingUnit: STTTT,
    }),
    ratio(
      '1.2.5',
      'Tỷ lệ nhiệm vụ của kế hoạch chuyển đổi số năm được hoàn thành đúng hạn',
      15,
      'Số nhiệm vụ của kế hoạch chuyển đổi số năm hoàn thành đúng hạn',
      'Tổng số nhiệm vụ của kế hoạch chuyển đổi số năm',
      {
        evidence: 'Báo cáo kết quả thực hiện kế hoạch chuyển đổi số năm, kèm danh mục nhiệm vụ và tình trạng hoàn thành',
        dataSource: STTTT,
        verifyingUnit: STTTT,
      },
    ),
    manual('1.2.6', 'Bố trí kinh phí thực hiện chuyển đổi số trong dự toán ngân sách hằng năm của tỉnh', 15, {
      evidence: 'Nghị quyết về dự toán ngân sách của Hội đồng nhân dân tỉnh; báo cáo phân bổ kinh phí cho chuyển đổi số',
      dataSource: 'Sở Tài chính',
      verifyingUnit: 'Sở Tài chính',
    }),
  ],
});

const haTangSo = group('1.3', 'Hạ tầng số', {
  indicators: [
    ratio(
      '1.3.1',
      'Tỷ lệ hộ gia đình có kết nối Internet băng rộng cáp quang',
      20,
      'Số hộ gia đình có kết nối Internet băng rộng cáp quang',
      'Tổng số hộ gia đình trên địa bàn tỉnh',
      { evidence: 'Số liệu thuê bao cáp quang hộ gia đình của các doanh nghiệp viễn thông', dataSource: TELCOS, verifyingUnit: STTTT },
    ),
    ratio(
      '1.3.2',
      'Tỷ lệ dân số trưởng thành có điện thoại thông minh',
      20,
      'Số người từ 15 tuổi trở lên sử dụng điện thoại thông minh',
      'Dân số trưởng thành (từ 15 tuổi trở lên) của tỉnh',
      { evidence: 'Số liệu thuê bao điện thoại thông minh; số liệu dân số của Cục Thống kê tỉnh', dataSource: TELCOS, verifyingUnit: STTTT },
    ),
    ratio(
      '1.3.3',
      'Tỷ lệ thôn, bản, tổ dân phố được phủ sóng băng rộng di động (4G/5G)',
      15,
      'Số thôn, bản, tổ dân phố được phủ sóng băng rộng di động',
      'Tổng số thôn, bản, tổ dân phố của tỉnh',
      { evidence: 'Bản đồ vùng phủ sóng; danh sách thôn, bản còn lõm sóng', dataSource: TELCOS, verifyingUnit: STTTT },
    ),
    ratio(
      '1.3.4',
      'Tỷ lệ cơ quan nhà nước các cấp kết nối Mạng truyền số liệu chuyên dùng của các cơ quan Đảng, Nhà nước',
      15,
      'Số cơ quan nhà nước các cấp đã kết nối Mạng truyền số liệu chuyên dùng',
      'Tổng số cơ quan nhà nước các cấp của tỉnh',
      { evidence: 'Danh sách điểm kết nối Mạng truyền số liệu chuyên dùng', dataSource: 'Bưu điện tỉnh; Sở Thông tin và Truyền thông', verifyingUnit: STTTT },
    ),
    yesNo('1.3.5', 'Hạ tầng trung tâm dữ liệu hoặc nền tảng điện toán đám mây của tỉnh đáp ứng yêu cầu vận hành các hệ thống dùng chung', 15, {
      evidence: 'Quyết định đầu tư hoặc hợp đồng thuê dịch vụ; danh mục hệ thống đang vận hành trên trung tâm dữ liệu',
      dataSource: STTTT,
      verifyingUnit: STTTT,
    }),
    yesNo('1.3.6', 'Nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh (LGSP) vận hành và kết nối với Nền tảng tích hợp, chia sẻ dữ liệu quốc gia (NDXP)', 15, {
      evidence: 'Xác nhận kết nối với NDXP; thống kê giao dịch qua LGSP trong năm',
      dataSource: 'Nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh (LGSP)',
      verifyingUnit: STTTT,
    }),
  ],
});

const nhanLucSo = group('1.4', 'Nhân lực số', {
  indicators: [
    ratio(
      '1.4.1',
      'Tỷ lệ cán bộ, công chức, viên chức được bồi dưỡng, tập huấn kỹ năng số, chuyển đổi số trong năm',
      25,
      'Số cán bộ, công chức, viên chức được bồi dưỡng, tập huấn kỹ năng số trong năm',
      'Tổng số cán bộ, công chức, viên chức của tỉnh',
      { evidence: 'Kế hoạch và báo cáo kết quả bồi dưỡng; danh sách học viên', dataSource: SNV, verifyingUnit: SNV },
    ),
    ratio(
      '1.4.2',
      'Tỷ lệ cơ quan, đơn vị có cán bộ chuyên trách hoặc phụ trách công nghệ thông tin, chuyển đổi số',
      20,
      'Số cơ quan, đơn vị có cán bộ chuyên trách hoặc phụ trách công nghệ thông tin, chuyển đổi số',
      'Tổng số cơ quan, đơn vị cấp tỉnh, cấp huyện và cấp xã',
      { evidence: 'Văn bản phân công nhiệm vụ của từng cơ quan, đơn vị', dataSource: SNV, verifyingUnit: SNV },
    ),
    countBands(
      '1.4.3',
      'Số lượt cán bộ, công chức, viên chức hoàn thành khóa học về chuyển đổi số trên nền tảng học trực tuyến mở đại trà (MOOCs)',
      20,
      [[500, 5], [1000, 10], [2000, 15], [3000, 20]],
      {
        evidence: 'Thống kê kết quả học tập trích xuất từ nền tảng MOOCs',
        dataSource: 'Nền tảng học trực tuyến mở đại trà (MOOCs) về chuyển đổi số',
        verifyingUnit: STTTT,
      },
    ),
    yesNo('1.4.4', 'Chính sách thu hút, đãi ngộ nhân lực công nghệ thông tin, chuyển đổi số trong cơ quan nhà nước được ban hành', 15, {
      evidence: 'Nghị quyết của Hội đồng nhân dân tỉnh hoặc quyết định của Ủy ban nhân dân tỉnh về chính sách',
      dataSource: SNV,
      verifyingUnit: SNV,
    }),
    manual('1.4.5', 'Huy động chuyên gia, tổ chức tư vấn tham gia hỗ trợ chuyển đổi số của tỉnh', 20, {
      evidence: 'Quyết định thành lập tổ tư vấn hoặc hợp đồng, thỏa thuận hợp tác với chuyên gia, tổ chức; báo cáo kết quả hỗ trợ',
      dataSource: STTTT,
      verifyingUnit: STTTT,
    }),
  ],
});

const anToanThongTinTinh = group('1.5', 'An toàn thông tin mạng', {
  indicators: [
    ratio(
      '1.5.1',
      'Tỷ lệ hệ thống thông tin được phê duyệt hồ sơ đề xuất cấp độ an toàn hệ thống thông tin',
      25,
      'Số hệ thống thông tin đã được phê duyệt hồ sơ đề xuất cấp độ',
      'Tổng số hệ thống thông tin của tỉnh',
      { evidence: 'Danh mục hệ thống thông tin; quyết định phê duyệt cấp độ an toàn', dataSource: STTTT, verifyingUnit: STTTT },
    ),
    ratio(
      '1.5.2',
      'Tỷ lệ hệ thống thông tin triển khai đầy đủ phương án bảo đảm an toàn thông tin theo cấp độ được phê duyệt',
      20,
      'Số hệ thống thông tin đã triển khai đầy đủ phương án bảo đảm an toàn thông tin theo cấp độ',
      'Số hệ thống thông tin đã được phê duyệt hồ sơ đề xuất cấp độ',
      { evidence: 'Báo cáo kiểm tra, đánh giá an toàn thông tin của từng hệ thống', dataSource: STTTT, verifyingUnit: STTTT },
    ),
    yesNo('1.5.3', 'Triển khai mô hình bảo vệ 4 lớp cho các hệ thống thông tin của tỉnh', 20, {
      evidence: 'Hợp đồng giám sát, bảo vệ; báo cáo kiểm tra, đánh giá độc lập; xác nhận kết nối với hệ thống giám sát quốc gia',
      dataSource: STTTT,
      verifyingUnit: STTTT,
    }),
    countBands('1.5.4', 'Số cuộc diễn tập ứng cứu sự cố an toàn thông tin mạng do tỉnh tổ chức hoặc tham gia trong năm', 15, [[1, 10], [2, 15]], {
      evidence: 'Kế hoạch và báo cáo kết quả diễn tập',
      dataSource: STTTT,
      verifyingUnit: STTTT,
    }),
    yesNo('1.5.5', 'Đội ứng cứu sự cố an toàn thông tin mạng của tỉnh được kiện toàn và tham gia mạng lưới ứng cứu sự cố quốc gia', 20, {
      evidence: 'Quyết định kiện toàn đội ứng cứu sự cố; xác nhận thành viên mạng lưới ứng cứu sự cố quốc gia',
      dataSource: STTTT,
      verifyingUnit: STTTT,
    }),
  ],
});

const chinhQuyenSo = group('2.1', 'Chính quyền số', {
  indicators: [
    ratio(
      '2.1.1',
      'Tỷ lệ thủ tục hành chính được cung cấp dưới dạng dịch vụ công trực tuyến toàn trình',
      35,
      'Số thủ tục hành chính được cung cấp dịch vụ công trực tuyến toàn trình',
      'Tổng số thủ tục hành chính đủ điều kiện cung cấp trực tuyến toàn trình',
      { evidence: 'Danh mục dịch vụ công trực tuyến toàn trình được công bố', dataSource: DVC_QG, verifyingUnit: VP_UBND },
    ),
    ratio(
      '2.1.2',
      'Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình',
      40,
      'Số hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình',
      'Tổng số hồ sơ thủ tục hành chính',
      { evidence: 'Số liệu thống kê hồ sơ trích xuất từ hệ thống', dataSource: DVC_QG, verifyingUnit: VP_UBND },
    ),
    ratio(
      '2.1.3',
      'Tỷ lệ văn bản điện tử có chữ ký số được gửi, nhận trên môi trường mạng (trừ văn bản mật)',
      35,
      'Số văn bản đi được ký số và gửi trên môi trường mạng',
      'Tổng số văn bản đi (trừ văn bản mật)',
      { evidence: 'Số liệu thống kê văn bản trích xuất từ hệ thống', dataSource: QLVB, verifyingUnit: STTTT },
    ),
    ratio(
      '2.1.4',
      'Tỷ lệ hồ sơ thủ tục hành chính được số hóa kết quả giải quyết',
      30,
      'Số hồ sơ thủ tục hành chính được số hóa kết quả giải quyết',
      'Tổng số hồ sơ thủ tục hành chính đã giải quyết',
      { evidence: 'Số liệu thống kê số hóa trích xuất từ hệ thống', dataSource: DVC_QG, verifyingUnit: VP_UBND },
    ),
    countBands(
      '2.1.5',
      'Số cơ sở dữ liệu chuyên ngành, dùng chung của tỉnh được xây dựng, cập nhật và chia sẻ qua nền tảng LGSP',
      30,
      [[3, 10], [6, 20], [10, 30]],
      { evidence: 'Danh mục cơ sở dữ liệu; thống kê kết nối, chia sẻ qua LGSP', dataSource: 'Nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh (LGSP)', verifyingUnit: STTTT },
    ),
    manual('2.1.6', 'Mức độ khai thác Trung tâm giám sát, điều hành thông minh (IOC) của tỉnh trong chỉ đạo, điều hành', 30, {
      evidence: 'Báo cáo vận hành IOC; danh mục dịch vụ, dữ liệu được giám sát; minh chứng sử dụng trong chỉ đạo, điều hành',
      dataSource: 'Trung tâm giám sát, điều hành thông minh (IOC) của tỉnh',
      verifyingUnit: STTTT,
    }),
  ],
});

const kinhTeSo = group('2.2', 'Kinh tế số', {
  indicators: [
    countBands('2.2.1', 'Tỷ trọng kinh tế số trong GRDP của tỉnh (%)', 40, [[5, 10], [10, 20], [15, 30], [20, 40]], {
      evidence: 'Số liệu ước tính tỷ trọng kinh tế số trong GRDP của cơ quan thống kê',
      dataSource: 'Cục Thống kê tỉnh',
      verifyingUnit: 'Cục Thống kê tỉnh',
    }),
    ratio(
      '2.2.2',
      'Tỷ lệ doanh nghiệp nhỏ và vừa sử dụng nền tảng số',
      30,
      'Số doanh nghiệp nhỏ và vừa sử dụng nền tảng số (kế toán, quản trị, hóa đơn, thương mại điện tử…)',
      'Tổng số doanh nghiệp nhỏ và vừa đang hoạt động trên địa bàn',
      { evidence: 'Kết quả khảo sát hoặc số liệu của chương trình hỗ trợ doanh nghiệp chuyển đổi số', dataSource: 'Sở Kế hoạch và Đầu tư', verifyingUnit: 'Sở Kế hoạch và Đầu tư' },
    ),
    countBands('2.2.3', 'Số doanh nghiệp công nghệ số đang hoạt động trên địa bàn tỉnh', 25, [[50, 5], [100, 10], [200, 20], [300, 25]], {
      evidence: 'Danh sách doanh nghiệp công nghệ số trích xuất từ Hệ thống thông tin quốc gia về đăng ký doanh nghiệp',
      dataSource: 'Hệ thống thông tin quốc gia về đăng ký doanh nghiệp',
      verifyingUnit: 'Sở Kế hoạch và Đầu tư',
    }),
    ratio(
      '2.2.4',
      'Tỷ lệ doanh nghiệp sử dụng hóa đơn điện tử',
      25,
      'Số doanh nghiệp sử dụng hóa đơn điện tử',
      'Tổng số doanh nghiệp đang hoạt động trên địa bàn',
      { evidence: 'Số liệu của cơ quan thuế', dataSource: 'Cục Thuế tỉnh', verifyingUnit: 'Cục Thuế tỉnh' },
    ),
    ratio(
      '2.2.5',
      'Tỷ lệ sản phẩm OCOP của tỉnh được đưa lên sàn thương mại điện tử',
      30,
      'Số sản phẩm OCOP có gian hàng trên sàn thương mại điện tử',
      'Tổng số sản phẩm OCOP được công nhận của tỉnh',
      { evidence: 'Danh sách sản phẩm OCOP kèm đường dẫn gian hàng trên sàn thương mại điện tử', dataSource: 'Sở Công Thương', verifyingUnit: 'Sở Công Thương' },
    ),
  ],
});

const xaHoiSo = group('2.3', 'Xã hội số', {
  indicators: [
    ratio(
      '2.3.1',
      'Tỷ lệ người dân từ 15 tuổi trở lên có tài khoản thanh toán điện tử',
      30,
      'Số người từ 15 tuổi trở lên có tài khoản giao dịch thanh toán tại ngân hàng hoặc tổ chức được phép khác',
      'Dân số từ 15 tuổi trở lên của tỉnh',
      { evidence: 'Số liệu tài khoản thanh toán cá nhân trên địa bàn', dataSource: 'Ngân hàng Nhà nước chi nhánh tỉnh', verifyingUnit: 'Ngân hàng Nhà nước chi nhánh tỉnh' },
    ),
    ratio(
      '2.3.2',
      'Tỷ lệ công dân được kích hoạt tài khoản định danh điện tử mức độ 2',
      30,
      'Số công dân đã kích hoạt tài khoản định danh điện tử mức độ 2',
      'Tổng số công dân thuộc diện được cấp tài khoản định danh điện tử',
      { evidence: 'Số liệu của cơ quan công an', dataSource: 'Công an tỉnh', verifyingUnit: 'Công an tỉnh' },
    ),
    ratio(
      '2.3.3',
      'Tỷ lệ người dân có hồ sơ sức khỏe điện tử',
      30,
      'Số người dân có hồ sơ sức khỏe điện tử',
      'Tổng dân số của tỉnh',
      { evidence: 'Số liệu hồ sơ sức khỏe điện tử trích xuất từ hệ thống', dataSource: 'Sở Y tế', verifyingUnit: 'Sở Y tế' },
    ),
    ratio(
      '2.3.4',
      'Tỷ lệ thôn, tổ dân phố có Tổ công nghệ số cộng đồng hoạt động',
      30,
      'Số thôn, tổ dân phố có Tổ công nghệ số cộng đồng hoạt động',
      'Tổng số thôn, tổ dân phố của tỉnh',
      { evidence: 'Quyết định thành lập Tổ công nghệ số cộng đồng; báo cáo hoạt động', dataSource: 'Báo cáo của Ủy ban nhân dân cấp huyện, cấp xã', verifyingUnit: STTTT },
    ),
    ratio(
      '2.3.5',
      'Tỷ lệ cơ sở giáo dục thu học phí không dùng tiền mặt',
      30,
      'Số cơ sở giáo dục thu học phí không dùng tiền mặt',
      'Tổng số cơ sở giáo dục trên địa bàn tỉnh',
      { evidence: 'Báo cáo của ngành giáo dục', dataSource: 'Sở Giáo dục và Đào tạo', verifyingUnit: 'Sở Giáo dục và Đào tạo' },
    ),
  ],
});

/** Sample provincial framework in the DTI structure of QĐ 922/QĐ-BTTTT (1,000 points); the province replaces it with its own. */
export const dti922SampleProvince: FrameworkSpec = {
  code: 'DTI-922-MAU-TINH',
  name: 'Bộ chỉ số mẫu theo cấu trúc DTI cấp tỉnh (QĐ 922/QĐ-BTTTT) — để tỉnh thay bằng bộ chỉ số của mình',
  year: 2024,
  jurisdiction: SAMPLE_JURISDICTION,
  targetLevel: 'PROVINCE',
  appliesToKinds: ['PROVINCE_PC'],
  legalBasis: QD_922,
  isSample: true,
  groups: [
    group('1', 'Nhóm chỉ số nền tảng chuyển đổi số', { groups: [nhanThucSo, theCheSo, haTangSo, nhanLucSo, anToanThongTinTinh] }),
    group('2', 'Nhóm chỉ số hoạt động chuyển đổi số', { groups: [chinhQuyenSo, kinhTeSo, xaHoiSo] }),
  ],
};

// ── Cấp xã ────────────────────────────────────────────────────────────────────────────────────────────────────

const UBND_XA = 'Ủy ban nhân dân cấp xã';

/**
 * Sample commune/ward framework on a 100-point scale, with bonus and penalty points; the province replaces it with its own.
 * Wards and communes each reach 100: an indicator for one kind only (2.4, 4.5 wards; 2.5, 4.4 communes) has its counterpart.
 */
export const dti922SampleCommune: FrameworkSpec = {
  code: 'DTI-MAU-CAP-XA',
  name: 'Bộ chỉ số mẫu đánh giá chuyển đổi số cấp xã — để tỉnh thay bằng bộ chỉ số của mình',
  year: 2024,
  jurisdiction: SAMPLE_JURISDICTION,
  targetLevel: 'COMMUNE',
  appliesToKinds: ['WARD_PC', 'COMMUNE_PC'],
  legalBasis: QD_922,
  isSample: true,
  groups: [
    group('1', 'Chuyển đổi nhận thức và thể chế', {
      indicators: [
        yesNo('1.1', 'Ủy ban nhân dân cấp xã ban hành kế hoạch chuyển đổi số năm', 6, {
          evidence: 'Kế hoạch chuyển đổi số năm của Ủy ban nhân dân cấp xã',
          dataSource: UBND_XA,
          verifyingUnit: STTTT,
        }),
        yesNo('1.2', 'Thành lập hoặc kiện toàn Ban Chỉ đạo (Tổ công tác) chuyển đổi số cấp xã do Chủ tịch Ủy ban nhân dân cấp xã phụ trách', 4, {
          evidence: 'Quyết định thành lập hoặc kiện toàn; văn bản phân công nhiệm vụ thành viên',
          dataSource: UBND_XA,
          verifyingUnit: STTTT,
        }),
        countBands('1.3', 'Số tin, bài tuyên truyền về chuyển đổi số trên hệ thống thông tin cơ sở (đài truyền thanh, trang thông tin điện tử, mạng xã hội) trong năm', 5, [[6, 2], [12, 4], [24, 5]], {
          evidence: 'Thống kê tin, bài kèm đường dẫn hoặc sổ nhật ký phát thanh',
          dataSource: UBND_XA,
          verifyingUnit: STTTT,
        }),
        ratio(
          '1.4',
          'Tỷ lệ nhiệm vụ của kế hoạch chuyển đổi số năm được hoàn thành đúng hạn',
          5,
          'Số nhiệm vụ của kế hoạch chuyển đổi số năm hoàn thành đúng hạn',
          'Tổng số nhiệm vụ của kế hoạch chuyển đổi số năm',
          { evidence: 'Báo cáo kết quả thực hiện kế hoạch chuyển đổi số năm', dataSource: UBND_XA, verifyingUnit: STTTT },
        ),
      ],
    }),
    group('2', 'Hạ tầng và nền tảng số', {
      indicators: [
        ratio(
          '2.1',
          'Tỷ lệ cán bộ, công chức cấp xã được trang bị máy tính kết nối Internet phục vụ công việc',
          5,
          'Số cán bộ, công chức cấp xã được trang bị máy tính kết nối Internet',
          'Tổng số cán bộ, công chức cấp xã',
          { evidence: 'Danh sách trang thiết bị và người sử dụng', dataSource: UBND_XA, verifyingUnit: STTTT },
        ),
        yesNo('2.2', 'Ủy ban nhân dân cấp xã kết nối Mạng truyền số liệu chuyên dùng của các cơ quan Đảng, Nhà nước', 5, {
          evidence: 'Hợp đồng hoặc biên bản nghiệm thu điểm kết nối',
          dataSource: 'Bưu điện tỉnh',
          verifyingUnit: STTTT,
        }),
        ratio(
          '2.3',
          'Tỷ lệ thôn, tổ dân phố có hạ tầng Internet băng rộng cáp quang',
          5,
          'Số thôn, tổ dân phố có hạ tầng Internet băng rộng cáp quang',
          'Tổng số thôn, tổ dân phố của xã, phường',
          { evidence: 'Số liệu hạ tầng của các doanh nghiệp viễn thông trên địa bàn', dataSource: TELCOS, verifyingUnit: STTTT },
        ),
        countBands('2.4', 'Số camera giám sát an ninh trật tự, giao thông trên địa bàn phường được kết nối về Trung tâm giám sát, điều hành thông minh (IOC)', 5, [[10, 2], [30, 4], [50, 5]], {
          evidence: 'Danh sách camera, vị trí lắp đặt; xác nhận kết nối của đơn vị vận hành IOC',
          dataSource: 'Trung tâm giám sát, điều hành thông minh (IOC) của tỉnh',
          verifyingUnit: STTTT,
          appliesToKinds: ['WARD_PC'],
        }),
        // The communes' counterpart of 2.4, so that a commune, like a ward, can reach all 100 points.
        countBands('2.5', 'Số điểm truy cập Internet công cộng, Wi-Fi miễn phí tại nhà văn hóa thôn, buôn, điểm sinh hoạt cộng đồng', 5, [[2, 2], [5, 4], [10, 5]], {
          evidence: 'Danh sách điểm truy cập, vị trí lắp đặt; xác nhận của doanh nghiệp cung cấp dịch vụ',
          dataSource: TELCOS,
          verifyingUnit: STTTT,
          appliesToKinds: ['COMMUNE_PC'],
        }),
      ],
    }),
    group('3', 'Chính quyền số', {
      indicators: [
        ratio(
          '3.1',
          'Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình',
          10,
          'Số hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình',
          'Tổng số hồ sơ thủ tục hành chính',
          { evidence: 'Số liệu thống kê hồ sơ trích xuất từ hệ thống', dataSource: DVC_QG, verifyingUnit: VP_UBND },
        ),
        ratio(
          '3.2',
          'Tỷ lệ văn bản điện tử có chữ ký số được gửi trên môi trường mạng (trừ văn bản mật)',
          8,
          'Số văn bản đi được ký số và gửi trên môi trường mạng',
          'Tổng số văn bản đi (trừ văn bản mật)',
          { evidence: 'Số liệu thống kê văn bản trích xuất từ hệ thống', dataSource: QLVB, verifyingUnit: STTTT },
        ),
        ratio(
          '3.3',
          'Tỷ lệ hồ sơ thủ tục hành chính được số hóa kết quả giải quyết',
          7,
          'Số hồ sơ thủ tục hành chính được số hóa kết quả giải quyết',
          'Tổng số hồ sơ thủ tục hành chính đã giải quyết',
          { evidence: 'Số liệu thống kê số hóa trích xuất từ hệ thống', dataSource: DVC_QG, verifyingUnit: VP_UBND },
        ),
        manual('3.4', 'Ứng dụng nền tảng số trong chỉ đạo, điều hành (họp trực tuyến, thư điện tử công vụ, nhóm làm việc số)', 5, {
          evidence: 'Báo cáo kèm minh chứng sử dụng (lịch họp trực tuyến, thống kê thư điện tử công vụ)',
          dataSource: UBND_XA,
          verifyingUnit: STTTT,
        }),
      ],
    }),
    group('4', 'Kinh tế số và xã hội số', {
      indicators: [
        ratio(
          '4.1',
          'Tỷ lệ người dân từ 15 tuổi trở lên có tài khoản thanh toán điện tử',
          5,
          'Số người từ 15 tuổi trở lên có tài khoản giao dịch thanh toán tại ngân hàng hoặc tổ chức được phép khác',
          'Dân số từ 15 tuổi trở lên của xã, phường',
          { evidence: 'Số liệu tổng hợp của các tổ chức tín dụng trên địa bàn', dataSource: 'Ngân hàng Nhà nước chi nhánh tỉnh', verifyingUnit: 'Ngân hàng Nhà nước chi nhánh tỉnh' },
        ),
        ratio(
          '4.2',
          'Tỷ lệ công dân được kích hoạt tài khoản định danh điện tử mức độ 2',
          5,
          'Số công dân đã kích hoạt tài khoản định danh điện tử mức độ 2',
          'Tổng số công dân thuộc diện được cấp tài khoản định danh điện tử',
          { evidence: 'Số liệu của cơ quan công an', dataSource: 'Công an cấp xã', verifyingUnit: 'Công an tỉnh' },
        ),
        ratio(
          '4.3',
          'Tỷ lệ thôn, tổ dân phố có Tổ công nghệ số cộng đồng hoạt động',
          5,
          'Số thôn, tổ dân phố có Tổ công nghệ số cộng đồng hoạt động',
          'Tổng số thôn, tổ dân phố của xã, phường',
          { evidence: 'Quyết định thành lập Tổ công nghệ số cộng đồng; báo cáo hoạt động', dataSource: UBND_XA, verifyingUnit: STTTT },
        ),
        countBands('4.4', 'Số hộ sản xuất, hợp tác xã có nông sản được đưa lên sàn thương mại điện tử (nông nghiệp số)', 5, [[5, 2], [10, 4], [20, 5]], {
          evidence: 'Danh sách hộ sản xuất, hợp tác xã kèm đường dẫn gian hàng trên sàn thương mại điện tử',
          dataSource: UBND_XA,
          verifyingUnit: 'Sở Công Thương',
          appliesToKinds: ['COMMUNE_PC'],
        }),
        // The wards' counterpart of 4.4.
        countBands('4.5', 'Số hộ kinh doanh, chợ, cửa hàng trên địa bàn phường chấp nhận thanh toán không dùng tiền mặt', 5, [[20, 2], [50, 4], [100, 5]], {
          evidence: 'Danh sách hộ kinh doanh, chợ, cửa hàng kèm phương thức thanh toán',
          dataSource: UNIT_REPORT,
          verifyingUnit: 'Ngân hàng Nhà nước chi nhánh tỉnh',
          appliesToKinds: ['WARD_PC'],
        }),
      ],
    }),
    group('5', 'An toàn thông tin mạng', {
      indicators: [
        ratio(
          '5.1',
          'Tỷ lệ máy tính được cài đặt phần mềm phòng, chống mã độc có quản lý tập trung',
          5,
          'Số máy tính được cài đặt phần mềm phòng, chống mã độc có quản lý tập trung',
          'Tổng số máy tính của Ủy ban nhân dân cấp xã',
          { evidence: 'Thống kê trích xuất từ hệ thống quản lý phòng, chống mã độc tập trung', dataSource: STTTT, verifyingUnit: STTTT },
        ),
        yesNo('5.2', 'Ban hành quy chế bảo đảm an toàn thông tin mạng và phân công cán bộ phụ trách', 3, {
          evidence: 'Quyết định ban hành quy chế; văn bản phân công cán bộ phụ trách an toàn thông tin',
          dataSource: UBND_XA,
          verifyingUnit: STTTT,
        }),
        countBands('5.3', 'Số lượt cán bộ, công chức tham gia tập huấn, diễn tập về an toàn thông tin mạng trong năm', 2, [[3, 1], [5, 2]], {
          evidence: 'Danh sách học viên; giấy mời hoặc báo cáo kết quả tập huấn, diễn tập',
          dataSource: UBND_XA,
          verifyingUnit: STTTT,
        }),
      ],
    }),
    group(
      '6',
      'Điểm thưởng',
      {
        indicators: [
          countBands('6.1', 'Số sáng kiến, giải pháp về chuyển đổi số được cấp có thẩm quyền công nhận trong năm', 3, [[1, 2], [2, 3]], {
            evidence: 'Quyết định công nhận sáng kiến, giải pháp',
            dataSource: UBND_XA,
            verifyingUnit: SNV,
          }),
          yesNo('6.2', 'Được tỉnh lựa chọn làm mô hình điểm về chuyển đổi số', 2, {
            evidence: 'Quyết định hoặc kế hoạch của Ủy ban nhân dân tỉnh lựa chọn mô hình điểm',
            dataSource: VP_UBND,
            verifyingUnit: STTTT,
          }),
        ],
      },
      'BONUS',
    ),
    group(
      '7',
      'Điểm trừ',
      {
        indicators: [
          yesNo('7.1', 'Để xảy ra sự cố mất an toàn thông tin mạng nghiêm trọng (lộ, lọt dữ liệu; hệ thống bị tấn công gây gián đoạn dịch vụ)', 3, {
            evidence: 'Báo cáo sự cố; thông báo của cơ quan chức năng',
            dataSource: 'Đội ứng cứu sự cố an toàn thông tin mạng của tỉnh',
            verifyingUnit: STTTT,
          }),
          countBands('7.2', 'Số lần chậm gửi báo cáo chuyển đổi số định kỳ so với thời hạn', 2, [[1, 1], [3, 2]], {
            evidence: 'Thống kê thời điểm tiếp nhận báo cáo',
            dataSource: STTTT,
            verifyingUnit: STTTT,
          }),
        ],
      },
      'PENALTY',
    ),
  ],
};

/** The sample frameworks shipped with the system, in display order. */
export const SAMPLE_FRAMEWORKS: FrameworkSpec[] = [dti922SampleProvince, dti922SampleCommune];
