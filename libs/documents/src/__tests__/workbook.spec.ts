import ExcelJS from 'exceljs';
import { isA4, renderDocument } from '@thidua/testing';
import { excelDate, parseNumber, printableSheet, sheetValue, wrappedLineCount, wrappedRowHeight } from '../workbook';

const LONG_NAME = 'Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Buôn Ma Thuột và các tổ chức chính trị - xã hội trực thuộc';

/** A ranking of `n` units as a report would list it. */
function ranking(n: number) {
  return Array.from({ length: n }, (_, i) => ({
    rank: i + 1,
    name: i % 5 === 0 ? `${LONG_NAME} ${i + 1}` : `UBND phường Thử ${i + 1}`,
    total: 1234.5 - i,
    percent: i === 0 ? '87,5%' : (90 - i / 2) / 100,
    decided: i % 2 ? '2024-12-13' : new Date('2024-12-13T10:00:00+07:00'),
  }));
}

const COLUMNS = [
  { header: 'Hạng', key: 'rank', kind: 'integer' as const },
  { header: 'Đơn vị', key: 'name' },
  { header: 'Điểm', key: 'total', kind: 'decimal' as const },
  { header: 'Tỷ lệ', key: 'percent', kind: 'percent' as const },
  { header: 'Ngày quyết định', key: 'decided', kind: 'date' as const },
];

async function roundTrip(wb: ExcelJS.Workbook): Promise<{ bytes: Buffer; back: ExcelJS.Workbook }> {
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(bytes as unknown as ArrayBuffer);
  return { bytes, back };
}

describe('printable worksheets', () => {
  it('lays a table out to print: A4, one page wide, title, header repeated and frozen, numbers and dates as such', async () => {
    const wb = new ExcelJS.Workbook();
    printableSheet(wb, 'Xếp hạng', { title: 'KẾT QUẢ XẾP HẠNG', subtitle: 'Kèm theo báo cáo năm 2024', columns: COLUMNS, rows: ranking(40) });
    const { back } = await roundTrip(wb);
    const ws = back.getWorksheet('Xếp hạng');
    if (!ws) throw new Error('sheet missing');
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '4:4' });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(ws.getCell('A1').value).toBe('KẾT QUẢ XẾP HẠNG');
    expect(ws.getCell('A1').isMerged).toBe(true);
    expect((ws.getRow(4).values as unknown[]).slice(1)).toEqual(['Hạng', 'Đơn vị', 'Điểm', 'Tỷ lệ', 'Ngày quyết định']);
    expect(ws.getRow(4).getCell(1).font).toMatchObject({ bold: true, name: 'Times New Roman' });

    const first = ws.getRow(5);
    expect(first.getCell(1).value).toBe(1);
    expect(first.getCell(3).value).toBe(1234.5);
    expect(first.getCell(3).numFmt).toBe('[$-42A]#,##0.0#');
    // A percentage written as text ("87,5%") is stored as the number it says, shown with a % format.
    expect(first.getCell(4).value).toBe(0.875);
    expect(first.getCell(4).numFmt).toBe('[$-42A]0.0#%');
    // A moment of 13/12/2024 in Vietnam and a "YYYY-MM-DD" date are the same calendar day.
    expect(first.getCell(5).value).toEqual(new Date('2024-12-13T00:00:00Z'));
    expect(ws.getRow(6).getCell(5).value).toEqual(new Date('2024-12-13T00:00:00Z'));
    expect(first.getCell(5).numFmt).toBe('dd/mm/yyyy');

    const texts: string[] = [];
    ws.eachRow((row, n) => {
      if (n <= 4) return;
      row.eachCell((cell, col) => {
        if (col !== 2 && typeof cell.value === 'string') texts.push(`${cell.address}: ${cell.value}`);
      });
    });
    expect(texts).toEqual([]);
    // A long name wraps and its row is taller than a short name's.
    expect(first.getCell(2).alignment).toMatchObject({ wrapText: true });
    expect(Number(first.height)).toBeGreaterThan(Number(ws.getRow(6).height));
  });

  it('turns a table too wide for portrait to landscape, unless told', async () => {
    const wide = Array.from({ length: 8 }, (_, i) => ({ header: `Cột số ${i + 1} có tiêu đề dài`, key: `c${i}`, width: 18 }));
    const wb = new ExcelJS.Workbook();
    expect(printableSheet(wb, 'Rộng', { columns: wide, rows: [] }).pageSetup.orientation).toBe('landscape');
    expect(printableSheet(wb, 'Hẹp', { columns: COLUMNS.slice(0, 2), rows: [] }).pageSetup.orientation).toBe('portrait');
    expect(printableSheet(wb, 'Ép dọc', { columns: wide, rows: [], landscape: false }).pageSetup.orientation).toBe('portrait');
    // Without a title, the header is the first row.
    expect(wb.getWorksheet('Hẹp')?.pageSetup.printTitlesRow).toBe('1:1');
  });

  it('prints in LibreOffice on A4 pages, the header on each, figures and dates as Vietnamese read them', async () => {
    const wb = new ExcelJS.Workbook();
    printableSheet(wb, 'Xếp hạng', { title: 'KẾT QUẢ XẾP HẠNG', columns: COLUMNS, rows: ranking(120) });
    const { bytes } = await roundTrip(wb);
    const printed = await renderDocument(bytes, 'xlsx');
    expect(isA4(printed.pageSize)).toBe(true);
    expect(printed.pageSize.heightPt).toBeGreaterThan(printed.pageSize.widthPt);
    // 120 rows, a fifth of them on two lines: three or four A4 pages, never one row a page.
    expect(printed.pages).toBeGreaterThanOrEqual(2);
    expect(printed.pages).toBeLessThanOrEqual(5);
    for (const page of printed.pageTexts) expect(page).toContain('Ngày quyết định');
    expect(printed.text).toContain('1.234,5');
    expect(printed.text).toContain('87,5%');
    expect(printed.text).toContain('13/12/2024');
    // Every row is printed, the last one too, and nothing of the long names is cut.
    expect(printed.text).toContain('UBND phường Thử 120');
    expect(printed.text.replace(/\s+/g, ' ')).toContain('chính trị - xã hội trực thuộc 116');
  }, 120_000);
});

describe('workbook helpers', () => {
  it('reads figures written as text, vi-VN or with a decimal point', () => {
    expect(parseNumber('1.234,5')).toBe(1234.5);
    expect(parseNumber('1.234')).toBe(1234);
    expect(parseNumber('87.5')).toBe(87.5);
    expect(parseNumber('87,5%', true)).toBe(0.875);
    expect(parseNumber('Chưa có')).toBeNull();
    expect(sheetValue('percent', '2,5%')).toBe(0.025);
    expect(sheetValue('integer', '')).toBeNull();
    expect(sheetValue('text', 'Đạt')).toBe('Đạt');
  });

  it('takes a date as the calendar day in Vietnam', () => {
    expect(excelDate('2024-12-13')).toEqual(new Date('2024-12-13T00:00:00Z'));
    expect(excelDate('13/12/2024')).toEqual(new Date('2024-12-13T00:00:00Z'));
    expect(excelDate('2024-12-12T18:00:00Z')).toEqual(new Date('2024-12-13T00:00:00Z'));
    expect(excelDate('không rõ')).toBeNull();
  });

  it('counts wrapped lines from the text and the column width', () => {
    expect(wrappedLineCount('UBND phường Tân An', 40)).toBe(1);
    expect(wrappedLineCount(LONG_NAME, 40)).toBe(3);
    expect(wrappedLineCount(LONG_NAME, 20)).toBeGreaterThan(wrappedLineCount(LONG_NAME, 40));
    expect(wrappedLineCount('Có/Không\n≥1: 5; ≥3: 10', 40)).toBe(2);
    expect(wrappedRowHeight([{ text: LONG_NAME, width: 20 }])).toBeGreaterThan(wrappedRowHeight([{ text: LONG_NAME, width: 40 }]));
  });
});
