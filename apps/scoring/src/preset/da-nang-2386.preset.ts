import type { FrameworkSpec, LegalDocumentSpec, OrgUnitKind } from '../framework/framework.types';
import { countBands, group, manual, ratio, yesNo } from './preset-builders';

/*
 * Đà Nẵng's own index, Quyết định 2386/QĐ-UBND (5/11/2025) of UBND thành phố Đà Nẵng, for the 2025 results on.
 * Confirmed from the city's publication: 8 groups — nhận thức số, thể chế số, hạ tầng số, ứng dụng công nghệ số,
 * dịch vụ công trực tuyến, nhân lực số, xã hội số (wards and communes only), điểm thưởng và điểm trừ; it assesses the
 * city's departments and agencies (sở, ngành), the central agencies located in the city, and the wards and communes
 * (no district tier after 1/7/2025). Not confirmed: the points and the component indicators. The ĐN plan reads
 * "từ 80 điểm trở lên" as Tốt, so the index is on 100 points, and every kind can reach all 100: a department has no
 * xã hội số group, so a few of its indicators (marked for departments and central agencies) carry those 15 points.
 */

const QD_2386: LegalDocumentSpec = {
  number: '2386/QĐ-UBND',
  date: '2025-11-05',
  issuer: 'Ủy ban nhân dân thành phố Đà Nẵng',
  title: 'Ban hành Bộ chỉ số đánh giá, xếp hạng chuyển đổi số của các cơ quan, địa phương trên địa bàn thành phố Đà Nẵng',
};

const AGENCIES: OrgUnitKind[] = ['DEPARTMENT', 'CENTRAL_AGENCY'];
const LOCALITIES: OrgUnitKind[] = ['WARD_PC', 'COMMUNE_PC'];

// From 1/3/2025 the city's Sở Thông tin và Truyền thông is part of its Sở Khoa học và Công nghệ.
const SKHCN = 'Sở Khoa học và Công nghệ thành phố Đà Nẵng';
const UNIT = 'Báo cáo của cơ quan, địa phương được đánh giá';
const DVC = 'Hệ thống thông tin giải quyết thủ tục hành chính thành phố; Cổng dịch vụ công quốc gia';
const QLVB = 'Hệ thống quản lý văn bản và điều hành của thành phố';

/** Đà Nẵng's index of 2386/QĐ-UBND: 100 points for every kind it assesses, plus bonus and minus penalty points. */
export const daNang2386: FrameworkSpec = {
  code: 'DANANG-2386',
  name:
    'Bộ chỉ số đánh giá, xếp hạng chuyển đổi số của các cơ quan, địa phương thành phố Đà Nẵng (Quyết định 2386/QĐ-UBND) — 8 nhóm nội dung theo Quyết định; điểm và các chỉ số thành phần là mẫu đại diện, thang 100 điểm',
  year: 2025,
  yearTo: null,
  jurisdiction: 'Thành phố Đà Nẵng',
  // One index for the city's agencies and its wards and communes; its main audience, and its code, is the agencies'.
  targetLevel: 'DEPARTMENT',
  appliesToKinds: [...AGENCIES, ...LOCALITIES],
  legalBasis: QD_2386,
  isSample: true,
  groups: [
    group('1', 'Nhận thức số', {
      indicators: [
        yesNo('1.1', 'Ban hành kế hoạch chuyển đổi số năm của cơ quan, địa phương', 5, { evidence: 'Kế hoạch chuyển đổi số năm', dataSource: UNIT, verifyingUnit: SKHCN }),
        manual('1.2', 'Người đứng đầu trực tiếp chỉ đạo, kiểm tra việc thực hiện chuyển đổi số; tuyên truyền về chuyển đổi số', 5, {
          evidence: 'Văn bản chỉ đạo, thông báo kết luận; tin bài tuyên truyền kèm đường dẫn',
          dataSource: UNIT,
          verifyingUnit: SKHCN,
        }),
      ],
    }),
    group('2', 'Thể chế số', {
      indicators: [
        yesNo('2.1', 'Ban hành quy chế quản lý, vận hành, sử dụng các hệ thống thông tin, nền tảng số của cơ quan, địa phương', 5, {
          evidence: 'Quyết định ban hành quy chế',
          dataSource: UNIT,
          verifyingUnit: SKHCN,
        }),
        ratio('2.2', 'Tỷ lệ nhiệm vụ chuyển đổi số được giao trong năm hoàn thành đúng hạn', 5, 'Số nhiệm vụ hoàn thành đúng hạn', 'Tổng số nhiệm vụ chuyển đổi số được giao', {
          evidence: 'Báo cáo kết quả thực hiện nhiệm vụ',
          dataSource: UNIT,
          verifyingUnit: SKHCN,
        }),
      ],
    }),
    group('3', 'Hạ tầng số', {
      indicators: [
        ratio('3.1', 'Tỷ lệ cán bộ, công chức được trang bị máy tính kết nối mạng phục vụ công việc', 5, 'Số cán bộ, công chức được trang bị máy tính kết nối mạng', 'Tổng số cán bộ, công chức', {
          evidence: 'Danh sách trang thiết bị và người sử dụng',
          dataSource: UNIT,
          verifyingUnit: SKHCN,
        }),
        yesNo('3.2', 'Kết nối Mạng truyền số liệu chuyên dùng và mạng đô thị (MAN) của thành phố', 5, { evidence: 'Xác nhận kết nối của đơn vị vận hành', dataSource: SKHCN, verifyingUnit: SKHCN }),
        ratio('3.3', 'Tỷ lệ máy tính được cài đặt giải pháp phòng, chống mã độc có quản lý tập trung', 5, 'Số máy tính được cài đặt', 'Tổng số máy tính của cơ quan, địa phương', {
          evidence: 'Thống kê trích xuất từ hệ thống quản lý tập trung',
          dataSource: SKHCN,
          verifyingUnit: SKHCN,
        }),
      ],
    }),
    group('4', 'Ứng dụng công nghệ số', {
      indicators: [
        ratio('4.1', 'Tỷ lệ văn bản đi được ký số và gửi trên môi trường mạng (trừ văn bản mật)', 10, 'Số văn bản đi được ký số, gửi trên môi trường mạng', 'Tổng số văn bản đi (trừ văn bản mật)', {
          evidence: 'Số liệu trích xuất từ hệ thống',
          dataSource: QLVB,
          verifyingUnit: SKHCN,
        }),
        manual('4.2', 'Sử dụng các nền tảng số dùng chung của thành phố (họp trực tuyến, thư điện tử công vụ, kho dữ liệu dùng chung)', 10, {
          evidence: 'Báo cáo kèm số liệu sử dụng',
          dataSource: UNIT,
          verifyingUnit: SKHCN,
        }),
        countBands('4.3', 'Số cơ sở dữ liệu chuyên ngành được cập nhật và chia sẻ qua nền tảng tích hợp, chia sẻ dữ liệu của thành phố', 5, [[1, 2], [2, 4], [3, 5]], {
          evidence: 'Danh mục cơ sở dữ liệu; thống kê chia sẻ',
          dataSource: SKHCN,
          verifyingUnit: SKHCN,
          appliesToKinds: AGENCIES,
        }),
      ],
    }),
    group('5', 'Dịch vụ công trực tuyến', {
      indicators: [
        ratio('5.1', 'Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận, xử lý trực tuyến', 10, 'Số hồ sơ được tiếp nhận, xử lý trực tuyến', 'Tổng số hồ sơ thủ tục hành chính', {
          evidence: 'Số liệu trích xuất từ hệ thống',
          dataSource: DVC,
          verifyingUnit: SKHCN,
        }),
        ratio('5.2', 'Tỷ lệ hồ sơ thủ tục hành chính được số hóa kết quả giải quyết', 10, 'Số hồ sơ được số hóa kết quả giải quyết', 'Tổng số hồ sơ đã giải quyết', {
          evidence: 'Số liệu trích xuất từ hệ thống',
          dataSource: DVC,
          verifyingUnit: SKHCN,
        }),
        ratio('5.3', 'Tỷ lệ hồ sơ trực tuyến được giải quyết đúng hạn', 5, 'Số hồ sơ trực tuyến giải quyết đúng hạn', 'Tổng số hồ sơ trực tuyến đã giải quyết', {
          evidence: 'Số liệu trích xuất từ hệ thống',
          dataSource: DVC,
          verifyingUnit: SKHCN,
          appliesToKinds: AGENCIES,
        }),
      ],
    }),
    group('6', 'Nhân lực số', {
      indicators: [
        ratio('6.1', 'Tỷ lệ cán bộ, công chức được bồi dưỡng kỹ năng số trong năm', 5, 'Số cán bộ, công chức được bồi dưỡng kỹ năng số', 'Tổng số cán bộ, công chức', {
          evidence: 'Danh sách học viên; chứng nhận hoàn thành',
          dataSource: UNIT,
          verifyingUnit: 'Sở Nội vụ thành phố Đà Nẵng',
        }),
        yesNo('6.2', 'Có cán bộ phụ trách công nghệ thông tin, chuyển đổi số được phân công bằng văn bản', 5, { evidence: 'Văn bản phân công', dataSource: UNIT, verifyingUnit: SKHCN }),
        manual('6.3', 'Tham gia các cuộc thi, diễn tập, hoạt động chuyên môn về chuyển đổi số do thành phố tổ chức', 5, {
          evidence: 'Danh sách, kết quả tham gia',
          dataSource: UNIT,
          verifyingUnit: SKHCN,
          appliesToKinds: AGENCIES,
        }),
      ],
    }),
    group('7', 'Xã hội số', {
      indicators: [
        ratio('7.1', 'Tỷ lệ tổ dân phố, thôn có Tổ công nghệ số cộng đồng hoạt động', 5, 'Số tổ dân phố, thôn có Tổ công nghệ số cộng đồng hoạt động', 'Tổng số tổ dân phố, thôn', {
          evidence: 'Quyết định thành lập; báo cáo hoạt động',
          dataSource: UNIT,
          verifyingUnit: SKHCN,
          appliesToKinds: LOCALITIES,
        }),
        ratio('7.2', 'Tỷ lệ người dân từ 14 tuổi trở lên có tài khoản định danh điện tử được kích hoạt', 5, 'Số người đã kích hoạt tài khoản định danh điện tử', 'Dân số từ 14 tuổi trở lên của phường, xã', {
          evidence: 'Số liệu của công an',
          dataSource: 'Công an phường, xã',
          verifyingUnit: 'Công an thành phố Đà Nẵng',
          appliesToKinds: LOCALITIES,
        }),
        ratio('7.3', 'Tỷ lệ hộ kinh doanh, cơ sở dịch vụ chấp nhận thanh toán không dùng tiền mặt', 5, 'Số hộ kinh doanh, cơ sở dịch vụ chấp nhận thanh toán không dùng tiền mặt', 'Tổng số hộ kinh doanh, cơ sở dịch vụ', {
          evidence: 'Số liệu khảo sát, thống kê của phường, xã',
          dataSource: UNIT,
          verifyingUnit: SKHCN,
          appliesToKinds: LOCALITIES,
        }),
      ],
    }),
    group('8', 'Điểm thưởng và điểm trừ', {
      groups: [
        group(
          '8.1',
          'Điểm thưởng',
          {
            indicators: [
              countBands('8.1.1', 'Số sáng kiến, giải pháp, mô hình chuyển đổi số được cấp có thẩm quyền công nhận hoặc nhân rộng trong năm', 3, [[1, 2], [2, 3]], {
                evidence: 'Quyết định công nhận, văn bản nhân rộng',
                dataSource: UNIT,
                verifyingUnit: SKHCN,
              }),
              yesNo('8.1.2', 'Được Trung ương hoặc thành phố khen thưởng, biểu dương về chuyển đổi số trong năm', 2, { evidence: 'Quyết định khen thưởng, văn bản biểu dương', dataSource: UNIT, verifyingUnit: SKHCN }),
            ],
          },
          'BONUS',
        ),
        group(
          '8.2',
          'Điểm trừ',
          {
            indicators: [
              yesNo('8.2.1', 'Để xảy ra sự cố mất an toàn thông tin mạng do chủ quan (lộ, lọt dữ liệu; hệ thống bị tấn công gây gián đoạn)', 5, {
                evidence: 'Báo cáo sự cố; thông báo của cơ quan chức năng',
                dataSource: SKHCN,
                verifyingUnit: SKHCN,
              }),
              countBands('8.2.2', 'Số lần chậm gửi báo cáo chuyển đổi số định kỳ so với thời hạn', 3, [[1, 1], [3, 3]], {
                evidence: 'Thống kê thời điểm tiếp nhận báo cáo',
                dataSource: SKHCN,
                verifyingUnit: SKHCN,
              }),
            ],
          },
          'PENALTY',
        ),
      ],
    }),
  ],
};
