import ExcelJS from 'exceljs';
import { isA4, renderDocument } from '@thidua/testing';
import { renderDocx, renderXlsx } from '../report/report.render';
import { citySummary, unitRollup, type CitySummaryData, type UnitRollupData } from '../report/report.templates';

const KINDS = ['WARD_PC', 'COMMUNE_PC', 'DEPARTMENT', 'MASS_ORGANISATION'];
const NAMES = ['UBND phường Tân An', 'UBND xã Hòa Phú', 'Phòng Văn hóa và Thông tin', 'Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Buôn Ma Thuột'];
const HEADING = { name: 'Phong trào thi đua Chuyển đổi số giai đoạn 2023 - 2025', jurisdiction: { name: 'Thành phố Buôn Ma Thuột' }, leadAgency: { name: 'Phòng Văn hóa và Thông tin', active: true, parent: { name: 'UBND thành phố Buôn Ma Thuột' } } };
const PROGRESS = {
  deadline: '2024-12-10',
  rates: [
    { unitKind: 'WARD_PC', expected: 13, submitted: 6, onTime: 4, late: 2, completeness: 46.15, timeliness: 30.77 },
    { unitKind: null, expected: 21, submitted: 6, onTime: 4, late: 2, completeness: 28.57, timeliness: 19.05 },
  ],
  missingUnits: Array.from({ length: 15 }, (_, i) => ({ name: `${NAMES[i % 4]} ${i + 7}` })),
};
const CITY: CitySummaryData = {
  campaign: {
    ...HEADING,
    issuer: { name: 'UBND tỉnh Đắk Lắk', active: true },
    appraisingAgency: { name: 'Sở Nội vụ tỉnh Đắk Lắk', active: true },
    unitPlanCoverage: [
      { kind: 'WARD_PC', expected: 13, submitted: 10, onTime: 9, percent: 76.92 },
      { kind: null, expected: 21, submitted: 17, onTime: 16, percent: 80.95 },
    ],
    registrations: [{ status: 'SUBMITTED' }, { status: 'ACCEPTED' }, { status: 'DRAFT' }],
    rankings: {
      boundary: 'AS_WAS',
      asOf: null,
      totalCount: 30,
      entries: Array.from({ length: 30 }, (_, i) => ({ rank: i + 1, unit: { name: `${NAMES[i % 4]} ${i + 1}` }, unitKind: KINDS[i % 4] as string, total: 95.5 - i * 1.25, maxPoints: 100, percent: 95.5 - i * 1.25, classification: i < 20 ? 'Đạt (trên 70% điểm)' : 'Chưa đạt (từ 70% điểm trở xuống)', passes: i < 20 })),
    },
    reportingProgress: PROGRESS,
    awardees: [
      { awardeeName: 'UBND phường Tân An', collective: true, form: { name: 'Bằng khen của Chủ tịch UBND tỉnh' }, decision: { number: '1234/QĐ-UBND', date: '2024-12-13' } },
      { awardeeName: 'Ông Nguyễn Văn An, Chuyên viên Phòng Văn hóa và Thông tin', collective: false, form: { name: 'Giấy khen của Chủ tịch UBND thành phố' }, decision: { number: '56/QĐ-UBND', date: '2024-12-20' } },
    ],
  },
};
const FIELDS = [
  { code: 'KE_HOACH', label: 'Đã ban hành kế hoạch phát động phong trào thi đua chuyển đổi số của đơn vị', type: 'BOOLEAN', unit: null },
  { code: 'KY_SO', label: 'Tỷ lệ văn bản đi được ký số, gửi nhận trên môi trường mạng', type: 'PERCENT', unit: '%' },
  { code: 'TRUC_TUYEN', label: 'Tỷ lệ hồ sơ thủ tục hành chính tiếp nhận, giải quyết trực tuyến', type: 'PERCENT', unit: '%' },
  { code: 'DVC', label: 'Số dịch vụ công trực tuyến toàn trình đơn vị cung cấp', type: 'NUMBER', unit: 'dịch vụ' },
  { code: 'SANG_KIEN', label: 'Số sáng kiến, giải pháp chuyển đổi số được công nhận trong năm', type: 'NUMBER', unit: 'sáng kiến' },
  { code: 'TO_CNS', label: 'Số tổ công nghệ số cộng đồng đang hoạt động', type: 'NUMBER', unit: 'tổ' },
  { code: 'NOI_BAT', label: 'Kết quả nổi bật, mô hình, cách làm hay', type: 'TEXT', unit: null },
];
const ROLLUP: UnitRollupData = {
  campaign: {
    ...HEADING,
    unitReportTemplate: { fields: FIELDS },
    unitReports: Array.from({ length: 6 }, (_, i) => ({
      unit: { name: `${NAMES[i % 4]} ${i + 1}`, kind: KINDS[i % 4] as string },
      status: 'SUBMITTED',
      late: i % 3 === 0,
      submittedOn: `2024-12-0${i + 1}`,
      values: [
        { code: 'KE_HOACH', value: 'true' },
        { code: 'KY_SO', value: String(95 - i * 2.5) },
        { code: 'TRUC_TUYEN', value: '87.5' },
        { code: 'DVC', value: '1234' },
        { code: 'SANG_KIEN', value: '3' },
        { code: 'TO_CNS', value: '12' },
        { code: 'NOI_BAT', value: 'Tổ công nghệ số ở mọi tổ dân phố.' },
      ],
    })),
    reportingProgress: PROGRESS,
  },
};
const CTX = { year: 2024, recipient: 'UBND tỉnh Đắk Lắk', reportName: 'Kết quả thực hiện Phong trào thi đua Chuyển đổi số' };

describe('report documents as printed', () => {
  it('writes the city summary in Word on A4, every figure as Vietnamese write it and every date whole in its cell', async () => {
    const printed = await renderDocument(await renderDocx(citySummary(CITY, CTX), '2024-12-13'), 'docx');
    expect(isA4(printed.pageSize)).toBe(true);
    // 30 ranked units, five small tables and the signature: three pages, not one row a page.
    expect(printed.pages).toBeLessThanOrEqual(3);
    const lines = printed.text.split('\n');
    for (const date of ['13/12/2024', '20/12/2024']) expect(lines.some((l) => l.includes(date))).toBe(true);
    expect(printed.text).toContain('1234/QĐ-UBND');
    expect(printed.text).toContain('76,92%');
    expect(printed.text).toContain('94,25');
    expect(printed.text).not.toMatch(/\d\.\d+%|\b\d+\.\d{1,2}\b(?!\.)/);
  }, 120_000);

  it('prints the city summary workbook one page a table on A4, the summary as label and value', async () => {
    const bytes = await renderXlsx(citySummary(CITY, CTX), '2024-12-13');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Kế hoạch phát động', 'Xếp hạng', 'Báo cáo đơn vị', 'Chưa gửi báo cáo', 'Khen thưởng']);
    const summary = wb.getWorksheet('Tổng hợp');
    expect(summary?.columns.map((c) => c.width)).toHaveLength(2);
    const printed = await renderDocument(bytes, 'xlsx');
    expect(isA4(printed.pageSize)).toBe(true);
    // The ranking of 30 units on two landscape pages, every other sheet on one.
    expect(printed.pages).toBeLessThanOrEqual(wb.worksheets.length + 1);
    expect(printed.text).toContain('80,95%');
    expect(printed.text).toContain('13/12/2024');
    expect(printed.text).toContain('94,25');
    expect(printed.text).toContain('95,5%');
  }, 120_000);

  it('puts the units’ figures, nine columns, on a landscape annex of the Word roll-up', async () => {
    const printed = await renderDocument(await renderDocx(unitRollup(ROLLUP, { ...CTX, reportName: 'Tổng hợp báo cáo của các đơn vị' }), '2024-12-13'), 'docx');
    expect(isA4(printed.pageSize)).toBe(true);
    expect(printed.text).toContain('Chi tiết tại Phụ lục kèm theo Báo cáo này.');
    const annex = printed.pageTexts.find((p) => p.includes('(Kèm theo Báo cáo tổng hợp báo cáo của các đơn vị năm 2024)')) ?? '';
    expect(annex).toContain('TỔNG HỢP SỐ LIỆU');
    expect(annex).toContain('03/12/2024');
    expect(annex).toContain('92,5%');
    expect(annex).toContain('7.404');
  }, 120_000);
});
