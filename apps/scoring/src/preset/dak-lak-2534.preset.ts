import type { FrameworkSpec, LegalDocumentSpec, OrgUnitKind } from '../framework/framework.types';
import { countBands, group, manual, ratio, yesNo } from './preset-builders';

/*
 * A department-level index shaped like Đắk Lắk's Quyết định 2534/QĐ-UBND (11/11/2022), the index the Buôn Ma Thuột
 * plan names ("đạt tỷ lệ trên 70% điểm theo Quyết định số 2534/QĐ-UBND") for its phòng, ban, ngành and đoàn thể.
 * Confirmed from the province's publication of its 2022 results: the department-level index has 2 groups (nền tảng
 * chung; hoạt động), 6 main indicators (nhận thức số, thể chế số, hạ tầng số, nhân lực số, an toàn thông tin mạng,
 * hoạt động chính quyền số), 41 component indicators, 1,000 points, published on a 0–1 scale. Not confirmed: the
 * points of each main indicator and the components, so both are a representative sample, said so in the data.
 * Years: the 2022 results (the first assessed with it) to 2025, the end of the Buôn Ma Thuột plan.
 */

const QD_2534: LegalDocumentSpec = {
  number: '2534/QĐ-UBND',
  date: '2022-11-11',
  issuer: 'Ủy ban nhân dân tỉnh Đắk Lắk',
  title: 'Ban hành Bộ chỉ số đánh giá chuyển đổi số của các sở, ban, ngành, UBND cấp huyện, cấp xã trên địa bàn tỉnh Đắk Lắk',
};

const STTTT = 'Sở Thông tin và Truyền thông tỉnh Đắk Lắk (từ 1/3/2025: Sở Khoa học và Công nghệ)';
const UNIT = 'Báo cáo của cơ quan, đơn vị được đánh giá';
const DVC = 'Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Đắk Lắk';
const QLVB = 'Hệ thống quản lý văn bản và điều hành tỉnh Đắk Lắk';
// Mass organisations handle no administrative procedures: they have their own indicators in their place.
const DEPARTMENTS: OrgUnitKind[] = ['DEPARTMENT'];
const MASS_ORGANISATIONS: OrgUnitKind[] = ['MASS_ORGANISATION'];

/** The department-level index shaped like 2534/QĐ-UBND: 1,000 points for departments and for mass organisations. */
export const dakLak2534Departments: FrameworkSpec = {
  code: 'DAKLAK-2534-SO-NGANH',
  name:
    'Bộ chỉ số đánh giá chuyển đổi số cấp sở, ban, ngành theo cấu trúc Quyết định 2534/QĐ-UBND tỉnh Đắk Lắk — 2 nhóm, 6 chỉ số chính, thang 1.000 điểm theo Quyết định; điểm từng chỉ số chính và các chỉ số thành phần là mẫu đại diện (Quyết định có 41 chỉ số thành phần cấp sở)',
  year: 2022,
  yearTo: 2025,
  jurisdiction: 'Tỉnh Đắk Lắk',
  targetLevel: 'DEPARTMENT',
  appliesToKinds: [...DEPARTMENTS, ...MASS_ORGANISATIONS],
  legalBasis: QD_2534,
  isSample: true,
  groups: [
    group('1', 'Nhóm chỉ số nền tảng chung', {
      groups: [
        group('1.1', 'Nhận thức số', {
          indicators: [
            yesNo('1.1.1', 'Người đứng đầu cơ quan, đơn vị trực tiếp chỉ đạo công tác chuyển đổi số; có Tổ công tác chuyển đổi số', 50, {
              evidence: 'Quyết định thành lập Tổ công tác; văn bản phân công',
              dataSource: UNIT,
              verifyingUnit: STTTT,
            }),
            manual('1.1.2', 'Tuyên truyền, phổ biến về chuyển đổi số trên trang thông tin điện tử và các kênh của cơ quan, đơn vị', 50, {
              evidence: 'Thống kê tin bài kèm đường dẫn',
              dataSource: UNIT,
              verifyingUnit: STTTT,
            }),
          ],
        }),
        group('1.2', 'Thể chế số', {
          indicators: [
            yesNo('1.2.1', 'Ban hành kế hoạch chuyển đổi số năm của cơ quan, đơn vị', 50, { evidence: 'Kế hoạch chuyển đổi số năm', dataSource: UNIT, verifyingUnit: STTTT }),
            ratio('1.2.2', 'Tỷ lệ nhiệm vụ của kế hoạch chuyển đổi số năm hoàn thành đúng hạn', 50, 'Số nhiệm vụ hoàn thành đúng hạn', 'Tổng số nhiệm vụ của kế hoạch', {
              evidence: 'Báo cáo kết quả thực hiện kế hoạch',
              dataSource: UNIT,
              verifyingUnit: STTTT,
            }),
          ],
        }),
        group('1.3', 'Hạ tầng số', {
          indicators: [
            ratio('1.3.1', 'Tỷ lệ cán bộ, công chức, viên chức được trang bị máy tính kết nối mạng phục vụ công việc', 50, 'Số người được trang bị máy tính kết nối mạng', 'Tổng số cán bộ, công chức, viên chức', {
              evidence: 'Danh sách trang thiết bị và người sử dụng',
              dataSource: UNIT,
              verifyingUnit: STTTT,
            }),
            yesNo('1.3.2', 'Kết nối Mạng truyền số liệu chuyên dùng của các cơ quan Đảng, Nhà nước', 50, { evidence: 'Biên bản nghiệm thu điểm kết nối', dataSource: UNIT, verifyingUnit: STTTT }),
            manual('1.3.3', 'Sử dụng các nền tảng số dùng chung của tỉnh (thư điện tử công vụ, họp trực tuyến, nền tảng tích hợp, chia sẻ dữ liệu)', 50, {
              evidence: 'Báo cáo kèm số liệu sử dụng',
              dataSource: UNIT,
              verifyingUnit: STTTT,
            }),
          ],
        }),
        group('1.4', 'Nhân lực số', {
          indicators: [
            ratio('1.4.1', 'Tỷ lệ cán bộ, công chức, viên chức được bồi dưỡng kỹ năng số trong năm', 50, 'Số người được bồi dưỡng kỹ năng số', 'Tổng số cán bộ, công chức, viên chức', {
              evidence: 'Danh sách học viên; chứng nhận hoàn thành',
              dataSource: UNIT,
              verifyingUnit: 'Sở Nội vụ tỉnh Đắk Lắk',
            }),
            yesNo('1.4.2', 'Có cán bộ phụ trách công nghệ thông tin, chuyển đổi số được phân công bằng văn bản', 50, { evidence: 'Văn bản phân công', dataSource: UNIT, verifyingUnit: STTTT }),
          ],
        }),
        group('1.5', 'An toàn thông tin mạng', {
          indicators: [
            ratio('1.5.1', 'Tỷ lệ máy tính được cài đặt giải pháp phòng, chống mã độc có quản lý tập trung', 50, 'Số máy tính được cài đặt', 'Tổng số máy tính của cơ quan, đơn vị', {
              evidence: 'Thống kê trích xuất từ hệ thống quản lý tập trung',
              dataSource: STTTT,
              verifyingUnit: STTTT,
            }),
            yesNo('1.5.2', 'Ban hành quy chế bảo đảm an toàn thông tin mạng của cơ quan, đơn vị', 50, { evidence: 'Quyết định ban hành quy chế', dataSource: UNIT, verifyingUnit: STTTT }),
            countBands('1.5.3', 'Số lượt cán bộ tham gia tập huấn, diễn tập về an toàn thông tin mạng trong năm', 50, [[1, 20], [3, 35], [5, 50]], {
              evidence: 'Danh sách học viên; báo cáo kết quả tập huấn, diễn tập',
              dataSource: UNIT,
              verifyingUnit: STTTT,
            }),
          ],
        }),
      ],
    }),
    group('2', 'Nhóm chỉ số hoạt động', {
      groups: [
        group('2.1', 'Hoạt động chính quyền số', {
          indicators: [
            ratio('2.1.1', 'Tỷ lệ văn bản đi được ký số và gửi trên môi trường mạng (trừ văn bản mật)', 100, 'Số văn bản đi được ký số, gửi trên môi trường mạng', 'Tổng số văn bản đi (trừ văn bản mật)', {
              evidence: 'Số liệu trích xuất từ hệ thống',
              dataSource: QLVB,
              verifyingUnit: STTTT,
            }),
            manual('2.1.2', 'Ứng dụng công nghệ số trong chỉ đạo, điều hành và trong hoạt động chuyên môn của cơ quan, đơn vị', 100, {
              evidence: 'Báo cáo kèm minh chứng (phần mềm, cơ sở dữ liệu, số liệu sử dụng)',
              dataSource: UNIT,
              verifyingUnit: STTTT,
            }),
            ratio('2.1.3', 'Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận, xử lý trực tuyến', 100, 'Số hồ sơ được tiếp nhận, xử lý trực tuyến', 'Tổng số hồ sơ thủ tục hành chính của cơ quan', {
              evidence: 'Số liệu trích xuất từ hệ thống',
              dataSource: DVC,
              verifyingUnit: STTTT,
              appliesToKinds: DEPARTMENTS,
            }),
            ratio('2.1.4', 'Tỷ lệ hồ sơ thủ tục hành chính được số hóa kết quả giải quyết', 100, 'Số hồ sơ được số hóa kết quả giải quyết', 'Tổng số hồ sơ đã giải quyết', {
              evidence: 'Số liệu trích xuất từ hệ thống',
              dataSource: DVC,
              verifyingUnit: STTTT,
              appliesToKinds: DEPARTMENTS,
            }),
            ratio('2.1.5', 'Tỷ lệ đoàn viên, hội viên được quản lý, sinh hoạt trên nền tảng số', 100, 'Số đoàn viên, hội viên được quản lý trên nền tảng số', 'Tổng số đoàn viên, hội viên', {
              evidence: 'Số liệu trích xuất từ phần mềm quản lý',
              dataSource: UNIT,
              verifyingUnit: STTTT,
              appliesToKinds: MASS_ORGANISATIONS,
            }),
            manual('2.1.6', 'Tuyên truyền, vận động đoàn viên, hội viên và nhân dân tham gia chuyển đổi số, sử dụng dịch vụ công trực tuyến', 100, {
              evidence: 'Kế hoạch, báo cáo kết quả kèm số liệu',
              dataSource: UNIT,
              verifyingUnit: STTTT,
              appliesToKinds: MASS_ORGANISATIONS,
            }),
          ],
        }),
      ],
    }),
  ],
};
