import ExcelJS from 'exceljs';
import { isA4, renderDocument } from '@thidua/testing';
import { assessmentToWorkbook, workbookToAssessment } from '../assessment/assessment.excel';
import type { AssessmentSheet, SheetIndicator } from '../assessment/assessment-sheet.types';
import { frameworkToWorkbook, workbookToFramework } from '../framework/framework.excel';
import type { FrameworkSpec } from '../framework/framework.types';

const FRAMEWORK: FrameworkSpec = {
  code: 'DTI-DAKLAK-2024',
  name: 'Bộ chỉ số đánh giá chuyển đổi số các sở, ban, ngành',
  year: 2024,
  jurisdiction: 'Tỉnh Đắk Lắk',
  targetLevel: 'DEPARTMENT',
  appliesToKinds: ['DEPARTMENT', 'MASS_ORGANISATION'],
  legalBasis: {
    number: '1234/QĐ-UBND',
    date: '2024-03-05',
    issuer: 'UBND tỉnh Đắk Lắk',
    title: 'Ban hành Bộ chỉ số đánh giá chuyển đổi số',
  },
  isSample: true,
  groups: [
    {
      code: '1',
      name: 'Nhận thức số',
      kind: 'NORMAL',
      groups: [
        {
          code: '1.1',
          name: 'Lãnh đạo, chỉ đạo',
          kind: 'NORMAL',
          groups: [],
          indicators: [
            {
              code: '1.1.1',
              name: 'Ban hành kế hoạch chuyển đổi số năm',
              maxPoints: 2,
              ruleType: 'YES_NO',
              ruleConfig: {},
              evidence: 'Kế hoạch đã ban hành',
              dataSource: null,
              verifyingUnit: 'Sở Thông tin và Truyền thông',
              appliesToKinds: null,
            },
            {
              code: '1.1.2',
              name: 'Số buổi tập huấn kỹ năng số',
              maxPoints: 10,
              ruleType: 'COUNT_BANDS',
              ruleConfig: { bands: [{ min: 1, points: 5 }, { min: 3, points: 10 }] },
              evidence: 'Danh sách học viên;\nảnh chụp buổi tập huấn',
              dataSource: 'Báo cáo của đơn vị',
              verifyingUnit: null,
              appliesToKinds: null,
            },
          ],
        },
      ],
      indicators: [
        {
          code: '1.2',
          name: 'Tỷ lệ hồ sơ trực tuyến toàn trình',
          maxPoints: 2.5,
          ruleType: 'RATIO',
          ruleConfig: { numeratorLabel: 'Số hồ sơ trực tuyến toàn trình', denominatorLabel: 'Tổng số hồ sơ' },
          evidence: null,
          dataSource: 'Hệ thống thông tin giải quyết thủ tục hành chính',
          verifyingUnit: 'Văn phòng UBND tỉnh',
          appliesToKinds: ['DEPARTMENT'],
        },
      ],
    },
    {
      code: '2',
      name: 'Điểm thưởng',
      kind: 'BONUS',
      groups: [],
      indicators: [
        {
          code: '2.1',
          name: 'Sáng kiến chuyển đổi số được công nhận',
          maxPoints: 3,
          ruleType: 'MANUAL',
          ruleConfig: {},
          evidence: 'Quyết định công nhận sáng kiến',
          dataSource: null,
          verifyingUnit: null,
          appliesToKinds: ['DEPARTMENT', 'MASS_ORGANISATION'],
        },
      ],
    },
  ],
};

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Uint8Array.from(buffer).buffer);
  return workbook;
}

async function save(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The row whose first cell holds `text`, as a user would find it by eye. */
function rowWith(sheet: ExcelJS.Worksheet, text: string): ExcelJS.Row {
  for (let r = 1; r <= sheet.rowCount; r++) {
    if (sheet.getRow(r).getCell(1).value === text) return sheet.getRow(r);
  }
  throw new Error(`no row starts with ${text}`);
}

/**
 * A sheet as an officer prints it: A4 landscape, one page wide, the table's header row on every page, each row of
 * wrapped text as tall as its lines (at least one line per line break), no code in place of a label.
 */
function expectPrintable(sheet: ExcelJS.Worksheet, headerRow: number) {
  expect([sheet.pageSetup.paperSize, sheet.pageSetup.orientation, sheet.pageSetup.fitToPage, sheet.pageSetup.fitToWidth, sheet.pageSetup.fitToHeight]).toEqual([9, 'landscape', true, 1, 0]);
  expect(sheet.pageSetup.printTitlesRow).toBe(`${headerRow}:${headerRow}`);
  const unsized: number[] = [];
  const codes: string[] = [];
  sheet.eachRow((row) => {
    let lines = 0;
    row.eachCell((cell) => {
      if (typeof cell.value === 'string' && /\b[A-Z]+_[A-Z_]+\b/.test(cell.value)) codes.push(`${cell.address}: ${cell.value}`);
      if (cell.alignment?.wrapText && typeof cell.value === 'string') lines = Math.max(lines, cell.value.split('\n').length);
    });
    if (lines > 0 && !(Number(row.height) >= lines * 15)) unsized.push(row.number);
  });
  expect({ unsized, codes }).toEqual({ unsized: [], codes: [] });
}

function fillColour(cell: ExcelJS.Cell): string | null {
  const fill = cell.fill as ExcelJS.Fill | undefined;
  return fill?.type === 'pattern' && fill.pattern === 'solid' ? (fill.fgColor?.argb ?? null) : null;
}

function textOf(cell: ExcelJS.Cell): string {
  return cell.value === null || cell.value === undefined ? '' : String(cell.value);
}

describe('framework workbook', () => {
  it('round-trips a framework: export then import gives the same spec', async () => {
    const { spec, errors } = await workbookToFramework(await frameworkToWorkbook(FRAMEWORK));
    expect(errors).toEqual([]);
    expect(spec).toEqual(FRAMEWORK);
  });

  it('round-trips a ratio that may pass 1 as "a có thể lớn hơn b" in "Thang điểm", read in any case', async () => {
    const growth: FrameworkSpec = structuredClone(FRAMEWORK);
    const ratio = growth.groups[0].indicators[0];
    ratio.name = 'Tốc độ tăng hồ sơ trực tuyến so với năm trước';
    ratio.ruleConfig = { numeratorLabel: 'Số hồ sơ trực tuyến năm nay', denominatorLabel: 'Số hồ sơ trực tuyến năm trước', ratioMayExceedOne: true };
    const exported = await frameworkToWorkbook(growth);
    const sheet = (await load(exported)).getWorksheet('Bộ chỉ số');
    if (!sheet) throw new Error('sheet "Bộ chỉ số" missing');
    expect(rowWith(sheet, '1.2').getCell(6).value).toBe('a = Số hồ sơ trực tuyến năm nay; b = Số hồ sơ trực tuyến năm trước; a có thể lớn hơn b');
    const back = await workbookToFramework(exported);
    expect(back.errors).toEqual([]);
    expect(back.spec).toEqual(growth);

    // Typed by hand: capitals, decomposed letters, a full stop, on its own line; a share keeps no flag.
    const workbook = new ExcelJS.Workbook();
    const typed = workbook.addWorksheet('Bộ chỉ số');
    typed.addRow(['Mã bộ chỉ số', 'TANG-2025']);
    typed.addRow(['Tên', 'Tăng trưởng']);
    typed.addRow(['Năm', 2025]);
    typed.addRow(['Đối tượng', 'Sở, ban, ngành']);
    typed.addRow(['Mã', 'Nhóm tiêu chí / Chỉ số', 'Loại', 'Điểm tối đa', 'Cách tính điểm', 'Thang điểm']);
    typed.addRow(['1', 'Tăng trưởng', 'Nhóm']);
    typed.addRow(['1.1', 'Tăng hồ sơ', 'Chỉ số', 5, 'Tỷ lệ a/b', 'a = Năm nay\nb = Năm trước\nA CÓ THỂ LỚN HƠN B.'.normalize('NFD')]);
    typed.addRow(['1.2', 'Tỷ lệ hồ sơ', 'Chỉ số', 5, 'Tỷ lệ a/b', 'a = Trực tuyến; b = Tổng số']);
    typed.addRow(['1.3', 'Sai cách ghi', 'Chỉ số', 5, 'Tỷ lệ a/b', 'a = Năm nay; a vượt b']);
    const read = await workbookToFramework(await save(workbook));
    expect(read.errors).toEqual([
      {
        row: 9,
        code: '1.3',
        message: 'Dòng 9 (mã 1.3): không đọc được thang điểm "a = Năm nay; a vượt b"; với tỷ lệ ghi theo dạng "a = …; b = …", thêm "; a có thể lớn hơn b" nếu tử số được phép lớn hơn mẫu số.',
      },
    ]);
    typed.spliceRows(9, 1);
    const fixed = await workbookToFramework(await save(workbook));
    expect(fixed.errors).toEqual([]);
    expect(fixed.spec?.groups[0].indicators.map((i) => i.ruleConfig)).toEqual([
      { numeratorLabel: 'Năm nay', denominatorLabel: 'Năm trước', ratioMayExceedOne: true },
      { numeratorLabel: 'Trực tuyến', denominatorLabel: 'Tổng số' },
    ]);
  });

  it('lays the sheet out as officials expect: Vietnamese labels, computed maxima, styled header', async () => {
    const workbook = await load(await frameworkToWorkbook(FRAMEWORK));
    const sheet = workbook.getWorksheet('Bộ chỉ số');
    if (!sheet) throw new Error('sheet "Bộ chỉ số" missing');

    expect(sheet.getCell('A1').value).toBe('BỘ CHỈ SỐ ĐÁNH GIÁ CHUYỂN ĐỔI SỐ');
    expect(rowWith(sheet, 'Đối tượng').getCell(2).value).toBe('Sở, ban, ngành');
    // Kinds of unit by their names, several separated by "; " (a name may hold a comma).
    expect(rowWith(sheet, 'Áp dụng cho').getCell(2).value).toBe('Sở, ban, ngành; Đoàn thể');
    expect(rowWith(sheet, 'Căn cứ').getCell(2).value).toBe('1234/QĐ-UBND ngày 05/03/2024 của UBND tỉnh Đắk Lắk');
    expect(rowWith(sheet, 'Bộ mẫu').getCell(2).value).toBe('Có');

    const header = rowWith(sheet, 'Mã');
    expect((header.values as ExcelJS.CellValue[]).slice(1)).toEqual([
      'Mã',
      'Nhóm tiêu chí / Chỉ số',
      'Loại',
      'Điểm tối đa',
      'Cách tính điểm',
      'Thang điểm',
      'Tài liệu kiểm chứng',
      'Nguồn dữ liệu',
      'Đơn vị thẩm định',
      'Áp dụng cho',
    ]);
    expect(header.getCell(1).font).toMatchObject({ name: 'Times New Roman', size: 12, bold: true });
    expect(header.getCell(1).fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: header.number });

    // Depth-first, groups before their children; a group's max is computed, the bonus group stays outside the total.
    const order: string[] = [];
    for (let r = header.number + 1; r <= sheet.rowCount; r++) order.push(textOf(sheet.getRow(r).getCell(1)) || textOf(sheet.getRow(r).getCell(2)));
    expect(order).toEqual(['1', '1.1', '1.1.1', '1.1.2', '1.2', '2', '2.1', 'Tổng điểm tối đa']);
    const g1 = rowWith(sheet, '1');
    expect(g1.getCell(3).value).toBe('Nhóm');
    expect(g1.getCell(4).value).toBe(14.5);
    expect(g1.getCell(2).font).toMatchObject({ bold: true, name: 'Times New Roman' });
    expect(rowWith(sheet, '1.1').getCell(4).value).toBe(12);
    expect(rowWith(sheet, '2').getCell(3).value).toBe('Nhóm điểm cộng');
    expect(rowWith(sheet, '2').getCell(4).value).toBe(3);
    const bands = rowWith(sheet, '1.1.2');
    expect(bands.getCell(3).value).toBe('Chỉ số');
    expect(bands.getCell(5).value).toBe('Theo số lượng');
    expect(bands.getCell(6).value).toBe('≥1: 5; ≥3: 10');
    expect(bands.getCell(2).font.bold).toBeFalsy();
    const ratio = rowWith(sheet, '1.2');
    expect(ratio.getCell(5).value).toBe('Tỷ lệ a/b');
    expect(ratio.getCell(6).value).toBe('a = Số hồ sơ trực tuyến toàn trình; b = Tổng số hồ sơ');
    expect(ratio.getCell(10).value).toBe('Sở, ban, ngành');
    expect(rowWith(sheet, '1.1.1').getCell(5).value).toBe('Có/Không');
    expect(rowWith(sheet, '2.1').getCell(5).value).toBe('Chấm điểm');
    const total = sheet.getRow(sheet.rowCount);
    expect(total.getCell(2).value).toBe('Tổng điểm tối đa');
    expect(total.getCell(4).value).toBe(14.5);
    expectPrintable(sheet, header.number);
  });

  it('reads unit kinds written as names or as the codes of earlier workbooks', async () => {
    const workbook = await load(await frameworkToWorkbook(FRAMEWORK));
    const sheet = workbook.getWorksheet('Bộ chỉ số');
    if (!sheet) throw new Error('sheet "Bộ chỉ số" missing');
    rowWith(sheet, 'Áp dụng cho').getCell(2).value = 'DEPARTMENT, MASS_ORGANISATION';
    rowWith(sheet, '1.2').getCell(10).value = 'sở ban ngành\nUBND phường';
    rowWith(sheet, '1.1.1').getCell(10).value = 'Sở, ban, ngành, UBND xã,Đoàn thể';
    const { spec, errors } = await workbookToFramework(await save(workbook));
    expect(errors).toEqual([]);
    expect(spec?.appliesToKinds).toEqual(['DEPARTMENT', 'MASS_ORGANISATION']);
    expect(spec?.groups[0]?.indicators.find((i) => i.code === '1.2')?.appliesToKinds).toEqual(['DEPARTMENT', 'WARD_PC']);
    expect(spec?.groups[0]?.groups[0]?.indicators.find((i) => i.code === '1.1.1')?.appliesToKinds).toEqual(['DEPARTMENT', 'COMMUNE_PC', 'MASS_ORGANISATION']);
  });

  it('reads a hand-made file tolerantly: header found anywhere, comma decimals, no diacritics, merged titles', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow(['Bộ chỉ số của xã']);
    sheet.addRow(['Mã bộ chỉ số:', '  XA-2025 ']);
    // Decomposed (NFD) text as some Vietnamese keyboards produce; it must come back composed.
    sheet.addRow(['Tên', 'Chỉ số xã'.normalize('NFD')]);
    sheet.addRow(['Năm', '2025']);
    sheet.addRow(['Doi tuong', 'cap xa']);
    sheet.addRow([]);
    sheet.addRow(['STT/Mã', 'ignored']);
    sheet.addRow(['Mã', 'Nhóm tiêu chí/Chỉ số', 'Loại', 'Điểm tối đa', 'Cách tính điểm', 'Thang điểm']);
    sheet.addRow(['1', 'Hạ tầng số', 'nhom']);
    // Officials merge titles and blank cells; the parts of a merge other than its first cell must read as empty.
    sheet.mergeCells(1, 1, 1, 6);
    sheet.mergeCells(9, 4, 9, 6);
    sheet.addRow([1.1, '  Có   mạng LAN ', 'chi so', '2,5', 'co/khong']);
    sheet.addRow(['1.2.', 'Tỉ lệ cán bộ có chữ ký số', 'Chỉ số', 4, 'Tỉ lệ a/b', 'a = Số cán bộ có chữ ký số\nb = Tổng số cán bộ']);
    sheet.addRow(['1.3', 'Số điểm wifi công cộng', 'Chỉ số', '10', 'Theo so luong', '≥ 2: 2,5; >=1: 1']);
    sheet.addRow([null, 'Tổng điểm tối đa', null, 16.5]);
    sheet.addRow(['Người lập biểu', 'Nguyễn Văn A']);

    const { spec, errors } = await workbookToFramework(await save(workbook));
    expect(errors).toEqual([]);
    expect(spec).toEqual({
      code: 'XA-2025',
      name: 'Chỉ số xã',
      year: 2025,
      jurisdiction: '',
      targetLevel: 'COMMUNE',
      appliesToKinds: [],
      legalBasis: null,
      isSample: false,
      groups: [
        {
          code: '1',
          name: 'Hạ tầng số',
          kind: 'NORMAL',
          groups: [],
          indicators: [
            expect.objectContaining({ code: '1.1', name: 'Có mạng LAN', maxPoints: 2.5, ruleType: 'YES_NO', ruleConfig: {} }),
            expect.objectContaining({
              code: '1.2',
              ruleType: 'RATIO',
              ruleConfig: { numeratorLabel: 'Số cán bộ có chữ ký số', denominatorLabel: 'Tổng số cán bộ' },
            }),
            expect.objectContaining({
              code: '1.3',
              maxPoints: 10,
              ruleType: 'COUNT_BANDS',
              ruleConfig: { bands: [{ min: 1, points: 1 }, { min: 2, points: 2.5 }] },
              appliesToKinds: null,
              evidence: null,
            }),
          ],
        },
      ],
    });
    expect(spec?.name).toBe('Chỉ số xã'.normalize('NFC'));
  });

  it('reports each bad row with its row number and a Vietnamese message, and returns no spec', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Bộ chỉ số');
    sheet.addRow(['BỘ CHỈ SỐ ĐÁNH GIÁ CHUYỂN ĐỔI SỐ']);
    sheet.addRow(['Mã bộ chỉ số', 'SO-2025']);
    sheet.addRow(['Tên', 'Bộ chỉ số sở']);
    sheet.addRow(['Năm', 2025]);
    sheet.addRow(['Đối tượng', 'Sở, ban, ngành']);
    sheet.addRow(['Mã', 'Nhóm tiêu chí / Chỉ số', 'Loại', 'Điểm tối đa', 'Cách tính điểm', 'Thang điểm', 'Tài liệu kiểm chứng', 'Nguồn dữ liệu', 'Đơn vị thẩm định', 'Áp dụng cho']);
    sheet.addRow(['1', 'Hạ tầng số', 'Nhóm', 99]); // 7
    sheet.addRow(['1.1', 'Mạng LAN', 'Chỉ số', 2, 'Có/Không']); // 8
    sheet.addRow(['1.1', 'Mạng WAN', 'Chỉ số', 2, 'Có/Không']); // 9: duplicate
    sheet.addRow(['1.2', 'Máy chủ', 'Chỉ số', 'abc', 'Có/Không']); // 10: bad max
    sheet.addRow(['1.3', 'Camera', 'Chỉ số', 2, 'Đếm']); // 11: unknown rule
    sheet.addRow(['1.4', 'Wifi', 'Chỉ số', 0, 'Chấm điểm']); // 12: max not positive
    sheet.addRow(['1.5', 'Điểm truy cập', 'Chỉ số', 5, 'Theo số lượng', '≥1: 3; ≥2: 6']); // 13: band above max
    sheet.addRow(['1.6', 'Phần mềm', 'Chỉ số', 5, 'Theo số lượng', 'nhiều thì cao']); // 14: unparsable bands
    sheet.addRow(['3.1', 'Không có nhóm', 'Chỉ số', 1, 'Chấm điểm']); // 15: no parent group
    sheet.addRow(['1.7', 'Áp dụng sai', 'Chỉ số', 1, 'Chấm điểm', null, null, null, null, 'DEPARTMENT, SO_XYZ']); // 16
    sheet.addRow([null, 'Thiếu mã', 'Chỉ số', 1, 'Chấm điểm']); // 17
    sheet.addRow(['1.8', 'Sai loại', 'Nhóm con', 1]); // 18
    sheet.addRow(['1.8.1', 'Con của dòng lỗi', 'Chỉ số', 1, 'Chấm điểm']); // 19: parent already reported, no extra error
    sheet.addRow([null, 'Tổng điểm tối đa', null, 4]); // 20
    sheet.addRow(['9.9', 'Sau dòng tổng', 'Chỉ số', 'x', 'y']); // 21: below the table, ignored

    const { spec, errors } = await workbookToFramework(await save(workbook));
    expect(spec).toBeNull();
    expect(errors).toEqual([
      { row: 9, code: '1.1', message: 'Dòng 9 (mã 1.1): mã "1.1" bị trùng với dòng 8.' },
      { row: 10, code: '1.2', message: 'Dòng 10 (mã 1.2): điểm tối đa "abc" phải là số dương.' },
      {
        row: 11,
        code: '1.3',
        message: 'Dòng 11 (mã 1.3): cách tính điểm "Đếm" không hợp lệ; chọn một trong: Có/Không, Theo số lượng, Tỷ lệ a/b, Chấm điểm.',
      },
      { row: 12, code: '1.4', message: 'Dòng 12 (mã 1.4): điểm tối đa "0" phải là số dương.' },
      { row: 13, code: '1.5', message: 'Dòng 13 (mã 1.5): mức ≥2 có 6 điểm, lớn hơn điểm tối đa (5).' },
      { row: 14, code: '1.6', message: 'Dòng 14 (mã 1.6): không đọc được thang điểm "nhiều thì cao"; ghi theo dạng "≥1: 5; ≥3: 10".' },
      {
        row: 16,
        code: '1.7',
        message: expect.stringMatching(/^Dòng 16 \(mã 1\.7\): loại đơn vị "SO_XYZ" không hợp lệ \(chọn trong: UBND tỉnh, thành phố; .*; nhiều loại cách nhau bằng dấu chấm phẩy\)\.$/),
      },
      { row: 17, code: null, message: 'Dòng 17: thiếu mã nhóm tiêu chí/chỉ số.' },
      {
        row: 18,
        code: '1.8',
        message: 'Dòng 18 (mã 1.8): loại "Nhóm con" không hợp lệ; chọn một trong: Nhóm, Nhóm điểm cộng, Nhóm điểm trừ, Chỉ số.',
      },
      { row: 15, code: '3.1', message: 'Dòng 15 (mã 3.1): chỉ số không thuộc nhóm nào; không tìm thấy nhóm "3".' },
    ]);
    for (const error of errors) expect(error.message).toBe(error.message.normalize('NFC'));
  });

  it('reports missing header fields', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Bộ chỉ số');
    sheet.addRow(['Tên', 'Bộ chỉ số']);
    sheet.addRow(['Năm', 'hai nghìn']);
    sheet.addRow(['Đối tượng', 'Cấp thôn']);
    sheet.addRow(['Mã', 'Nhóm tiêu chí / Chỉ số', 'Loại', 'Điểm tối đa', 'Cách tính điểm']);
    sheet.addRow(['1', 'Nhóm 1', 'Nhóm']);
    sheet.addRow(['1.1', 'Chỉ số 1', 'Chỉ số', 1, 'Có/Không']);

    const { spec, errors } = await workbookToFramework(await save(workbook));
    expect(spec).toBeNull();
    expect(errors).toEqual([
      { row: null, code: null, message: 'Thiếu "Mã bộ chỉ số" ở phần thông tin chung của bộ chỉ số.' },
      { row: 2, code: null, message: 'Dòng 2: năm "hai nghìn" không hợp lệ.' },
      {
        row: 3,
        code: null,
        message: 'Dòng 3: đối tượng "Cấp thôn" không hợp lệ; chọn một trong: Cấp tỉnh; Sở, ban, ngành; Cấp huyện; Cấp xã; Doanh nghiệp.',
      },
    ]);
  });

  it('answers a file that is not an xlsx with one error instead of throwing', async () => {
    await expect(workbookToFramework(Buffer.from('Mã,Tên\n1,Nhóm'))).resolves.toEqual({
      spec: null,
      errors: [{ row: null, code: null, message: 'Tệp không phải là tệp Excel (.xlsx) hợp lệ hoặc đã bị hỏng.' }],
    });
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet('Trống');
    const { spec, errors } = await workbookToFramework(await save(empty));
    expect(spec).toBeNull();
    expect(errors).toEqual([
      { row: null, code: null, message: 'Không tìm thấy dòng tiêu đề của bảng (các cột "Mã" và "Nhóm tiêu chí / Chỉ số").' },
    ]);
  });
});

function indicator(code: string, groupPath: string[], ruleType: SheetIndicator['ruleType'], extra: Partial<SheetIndicator> = {}): SheetIndicator {
  return {
    code,
    name: `Chỉ số ${code}`,
    groupPath,
    maxPoints: 10,
    ruleType,
    ruleConfig: {},
    evidence: null,
    value: null,
    selfPoints: null,
    note: null,
    ...extra,
  };
}

const LEAD = ['Nhận thức số', 'Lãnh đạo, chỉ đạo'];
const BONUS = ['Điểm thưởng'];
const SHEET: AssessmentSheet = {
  assessmentId: '7f1c2a9e-0b7d-4c1e-9a4f-2d1b3c4d5e6f',
  version: 7,
  unitName: 'Sở Tài chính',
  frameworkName: 'Bộ chỉ số đánh giá chuyển đổi số các sở, ban, ngành',
  year: 2024,
  maxPoints: 100,
  indicators: [
    indicator('1.1.1', LEAD, 'YES_NO', { maxPoints: 2, evidence: 'Kế hoạch đã ban hành' }),
    indicator('1.1.2', LEAD, 'COUNT_BANDS', { ruleConfig: { bands: [{ min: 1, points: 5 }, { min: 3, points: 10 }] } }),
    indicator('1.2', ['Nhận thức số'], 'RATIO', {
      ruleConfig: { numeratorLabel: 'Số hồ sơ trực tuyến', denominatorLabel: 'Tổng số hồ sơ' },
      value: { numerator: 10, denominator: 20 },
      selfPoints: 5,
    }),
    indicator('2.1', BONUS, 'MANUAL', { maxPoints: 3 }),
    indicator('2.2', BONUS, 'COUNT_BANDS'),
    indicator('2.3', BONUS, 'COUNT_BANDS'),
    indicator('2.4', BONUS, 'RATIO'),
    indicator('2.5', BONUS, 'YES_NO'),
    indicator('2.6', BONUS, 'YES_NO', { value: { yes: false } }),
    indicator('2.7', BONUS, 'YES_NO'),
    indicator('2.8', BONUS, 'YES_NO'),
  ],
};

const COL = { code: 1, name: 2, yes: 5, count: 6, a: 7, b: 8, points: 9, self: 10, note: 11 };

describe('the workbooks as printed (LibreOffice)', () => {
  it('prints the framework and a self-assessment on one A4 landscape page each, labels in Vietnamese, nothing cut', async () => {
    const framework = await renderDocument(await frameworkToWorkbook(FRAMEWORK), 'xlsx');
    expect(isA4(framework.pageSize)).toBe(true);
    expect(framework.pageSize.widthPt).toBeGreaterThan(framework.pageSize.heightPt);
    expect(framework.pages).toBe(1);
    const text = framework.text.replace(/\s+/g, ' ');
    expect(text).toContain('Sở, ban, ngành; Đoàn thể');
    expect(text).toContain('ảnh chụp buổi tập huấn');
    expect(text).not.toMatch(/DEPARTMENT|MASS_ORGANISATION|[A-Z]+_[A-Z]+/);

    const sheet = await renderDocument(await assessmentToWorkbook(SHEET), 'xlsx');
    expect([isA4(sheet.pageSize), sheet.pages]).toEqual([true, 1]);
    const sheetText = sheet.text.replace(/\s+/g, ' ');
    expect(sheetText).toContain('PHIẾU TỰ ĐÁNH GIÁ CHỈ SỐ CHUYỂN ĐỔI SỐ');
    // The instruction wraps over the table's width rather than running off the page.
    expect(sheetText).toContain('Không sửa cột "Mã", "Mã phiếu" và "Phiên bản".');
  }, 120_000);
});

describe('self-assessment workbook', () => {
  it('exports the sheet with separators, prefilled values and only the rule input cells editable', async () => {
    const workbook = await load(await assessmentToWorkbook(SHEET));
    const sheet = workbook.getWorksheet('Tự đánh giá');
    if (!sheet) throw new Error('sheet "Tự đánh giá" missing');
    expect(sheet.getCell('A1').value).toBe('PHIẾU TỰ ĐÁNH GIÁ CHỈ SỐ CHUYỂN ĐỔI SỐ');
    expect(rowWith(sheet, 'Đơn vị').getCell(2).value).toBe('Sở Tài chính');
    expect(rowWith(sheet, 'Mã phiếu').getCell(2).value).toBe(SHEET.assessmentId);
    expect(rowWith(sheet, 'Phiên bản').getCell(2).value).toBe(7);

    const header = rowWith(sheet, 'Mã');
    expect((header.values as ExcelJS.CellValue[]).slice(1)).toEqual([
      'Mã',
      'Chỉ số',
      'Điểm tối đa',
      'Cách tính điểm',
      'Có/Không',
      'Số lượng',
      'Tử số (a)',
      'Mẫu số (b)',
      'Điểm (chấm tay)',
      'Điểm tự chấm',
      'Ghi chú',
    ]);

    // Group separators: no code, bold name, one per change of path.
    const separators: string[] = [];
    for (let r = header.number + 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      if (!row.getCell(COL.code).value) {
        separators.push(textOf(row.getCell(COL.name)));
        expect(row.getCell(COL.name).font.bold).toBe(true);
      }
    }
    expect(separators).toEqual(['Nhận thức số', 'Lãnh đạo, chỉ đạo', 'Điểm thưởng']);

    const yesRow = rowWith(sheet, '1.1.1');
    expect(yesRow.getCell(COL.yes).dataValidation).toMatchObject({ type: 'list', formulae: ['"Có,Không"'] });
    expect(yesRow.getCell(COL.yes).protection).toMatchObject({ locked: false });
    expect(fillColour(yesRow.getCell(COL.yes))).toBe('FFFFF2CC');
    expect(yesRow.getCell(COL.count).protection?.locked).not.toBe(false);
    expect(fillColour(yesRow.getCell(COL.count))).toBeNull();
    expect(yesRow.getCell(COL.name).note).toBe('Tài liệu kiểm chứng: Kế hoạch đã ban hành');

    const countRow = rowWith(sheet, '1.1.2');
    expect(countRow.getCell(COL.count).protection).toMatchObject({ locked: false });
    expect(countRow.getCell(COL.yes).protection?.locked).not.toBe(false);
    expect(countRow.getCell(COL.yes).dataValidation).toBeUndefined();

    const ratioRow = rowWith(sheet, '1.2');
    expect([ratioRow.getCell(COL.a).value, ratioRow.getCell(COL.b).value]).toEqual([10, 20]);
    expect(ratioRow.getCell(COL.a).protection).toMatchObject({ locked: false });
    expect(ratioRow.getCell(COL.b).protection).toMatchObject({ locked: false });
    expect(ratioRow.getCell(COL.points).protection?.locked).not.toBe(false);
    expect([fillColour(ratioRow.getCell(COL.a)), fillColour(ratioRow.getCell(COL.b)), fillColour(ratioRow.getCell(COL.points))]).toEqual([
      'FFFFF2CC',
      'FFFFF2CC',
      null,
    ]);
    expect(ratioRow.getCell(COL.self).value).toBe(5);
    expect(rowWith(sheet, '2.6').getCell(COL.yes).value).toBe('Không');
    expect(rowWith(sheet, '2.1').getCell(COL.points).protection).toMatchObject({ locked: false });
    expectPrintable(sheet, header.number);
  });

  it('round-trips: values typed by a user come back per row, format errors come back per row in Vietnamese', async () => {
    const workbook = await load(await assessmentToWorkbook(SHEET));
    const sheet = workbook.getWorksheet('Tự đánh giá');
    if (!sheet) throw new Error('sheet "Tự đánh giá" missing');
    const fill = (code: string, column: number, value: ExcelJS.CellValue): number => {
      const row = rowWith(sheet, code);
      row.getCell(column).value = value;
      return row.number;
    };
    const r111 = fill('1.1.1', COL.yes, 'có');
    const r112 = fill('1.1.2', COL.count, 4);
    const r12 = fill('1.2', COL.a, ' 45 ');
    fill('1.2', COL.b, '60,5');
    fill('1.2', COL.self, 99); // informational, must not come back
    const r21 = fill('2.1', COL.points, '2,5');
    fill('2.1', COL.note, '  Đã có quyết định công nhận '.normalize('NFD'));
    const r22 = fill('2.2', COL.count, 'abc');
    const r23 = fill('2.3', COL.count, '2,5');
    const r24 = fill('2.4', COL.a, -3);
    fill('2.4', COL.b, 10);
    const r25 = fill('2.5', COL.yes, 'có lẽ');
    const r26 = rowWith(sheet, '2.6').number; // prefilled "Không", left as is
    const r27 = fill('2.7', COL.yes, 'khong');
    const r28 = fill('2.8', COL.yes, 'X');

    const parsed = await workbookToAssessment(await save(workbook));
    expect(parsed.assessmentId).toBe(SHEET.assessmentId);
    expect(parsed.version).toBe(7);
    expect(parsed.rows).toEqual([
      { rowNumber: r111, code: '1.1.1', value: { yes: true }, note: null },
      { rowNumber: r112, code: '1.1.2', value: { count: 4 }, note: null },
      { rowNumber: r12, code: '1.2', value: { numerator: 45, denominator: 60.5 }, note: null },
      { rowNumber: r21, code: '2.1', value: { points: 2.5 }, note: 'Đã có quyết định công nhận' },
      { rowNumber: r26, code: '2.6', value: { yes: false }, note: null },
      { rowNumber: r27, code: '2.7', value: { yes: false }, note: null },
      { rowNumber: r28, code: '2.8', value: { yes: true }, note: null },
    ]);
    expect(parsed.errors).toEqual([
      { row: r22, code: '2.2', message: `Dòng ${r22} (chỉ số 2.2): "abc" không phải là số.` },
      { row: r23, code: '2.3', message: `Dòng ${r23} (chỉ số 2.3): số lượng "2,5" phải là số nguyên.` },
      { row: r24, code: '2.4', message: `Dòng ${r24} (chỉ số 2.4): "-3" là số âm; số liệu phải từ 0 trở lên.` },
      {
        row: r25,
        code: '2.5',
        message: `Dòng ${r25} (chỉ số 2.5): "có lẽ" ở cột "Có/Không" không hợp lệ; hãy chọn "Có" hoặc "Không".`,
      },
    ]);
  });

  it('flags values typed on a group row, and a sheet without its Mã phiếu', async () => {
    const workbook = await load(await assessmentToWorkbook(SHEET));
    const sheet = workbook.getWorksheet('Tự đánh giá');
    if (!sheet) throw new Error('sheet "Tự đánh giá" missing');
    rowWith(sheet, 'Mã phiếu').getCell(2).value = null;
    const header = rowWith(sheet, 'Mã');
    const groupRow = sheet.getRow(header.number + 1);
    expect(groupRow.getCell(COL.name).value).toBe('Nhận thức số');
    groupRow.getCell(COL.count).value = 3;

    const parsed = await workbookToAssessment(await save(workbook));
    expect(parsed.assessmentId).toBeNull();
    expect(parsed.version).toBe(7);
    expect(parsed.errors).toEqual([
      {
        row: null,
        code: null,
        message: 'Không tìm thấy "Mã phiếu" ở phần đầu phiếu. Hãy dùng phiếu được xuất từ hệ thống và không xoá ô này.',
      },
      {
        row: groupRow.number,
        code: null,
        message: `Dòng ${groupRow.number}: có số liệu nhưng không có mã chỉ số; hãy nhập vào đúng dòng của chỉ số.`,
      },
    ]);
  });

  it('answers garbage with a sheet-level error instead of throwing', async () => {
    await expect(workbookToAssessment(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00]))).resolves.toEqual({
      assessmentId: null,
      version: null,
      rows: [],
      errors: [{ row: null, code: null, message: 'Tệp không phải là tệp Excel (.xlsx) hợp lệ hoặc đã bị hỏng.' }],
    });
  });
});
