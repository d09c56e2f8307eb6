// Every list can be downloaded as an Excel workbook (exceljs, loaded only when someone asks for a file).

export interface ExcelColumn<T> {
  header: string;
  value: (row: T) => string | number | boolean | Date | null | undefined;
  width?: number;
  /** Excel number format, e.g. '0.00' or '#,##0'. */
  numFmt?: string;
}

/** Vietnamese (LCID 042A) in a number format: LibreOffice shows 1.234,5 whatever the machine's locale; Excel uses the reader's separators. */
const VI_LOCALE = '[$-42A]';
const isDateFormat = (fmt: string) => /[dmy]/i.test(fmt.replace(/"[^"]*"/g, '')) && !/[#0]/.test(fmt);
const viFormat = (fmt: string) => (fmt.startsWith('[') || isDateFormat(fmt) ? fmt : `${VI_LOCALE}${fmt}`);

/**
 * A date as a spreadsheet stores it: the calendar day the reader saw (a date made at local midnight in Vietnam is 17:00
 * the day before in UTC, which the workbook would show as that day).
 */
const calendarDay = (d: Date) => new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()));

/** Lines a text takes in a column `width` characters wide (Calibri 11, the default font: about 1.2 characters of text a unit of width). */
function lineCount(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * 1.2) - 1);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = 0;
    lines++;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (used > 0 && used + 1 + word.length <= perLine) used += 1 + word.length;
      else {
        if (used > 0) lines++;
        lines += Math.max(0, Math.ceil(word.length / perLine) - 1);
        used = word.length % perLine || perLine;
      }
    }
  }
  return lines;
}

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/**
 * Build an .xlsx of the rows and download it, ready to print: a title line, a bold header repeated on every page,
 * frozen panes, A4 landscape one page wide, "Trang n/m" at the foot; text wrapped with rows as tall as their lines;
 * numbers and dates stored as such, shown as Vietnamese read them.
 */
export async function downloadExcel<T>(fileName: string, sheetName: string, title: string, columns: ExcelColumn<T>[], rows: T[]): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Hệ thống thi đua chuyển đổi số';
  wb.created = new Date();
  const ws = wb.addWorksheet(sheetName.slice(0, 31), {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true, printTitlesRow: '3:3', margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } },
    headerFooter: { oddFooter: '&CTrang &P/&N' },
    views: [{ state: 'frozen', ySplit: 3 }],
  });
  ws.mergeCells(1, 1, 1, Math.max(columns.length, 1));
  const titleCell = ws.getCell(1, 1);
  titleCell.value = title;
  titleCell.font = { bold: true, size: 14 };
  ws.getRow(1).height = 22;
  const header = ws.getRow(3);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: 'middle' };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
    cell.border = BORDER;
    ws.getColumn(i + 1).width = c.width ?? 18;
    if (c.numFmt) ws.getColumn(i + 1).numFmt = viFormat(c.numFmt);
  });
  header.height = Math.max(1, ...columns.map((c) => lineCount(c.header, c.width ?? 18))) * 15 + 4;
  rows.forEach((r, ri) => {
    const row = ws.getRow(4 + ri);
    let lines = 1;
    columns.forEach((c, ci) => {
      const v = c.value(r);
      const cell = row.getCell(ci + 1);
      cell.value = v === undefined ? null : v instanceof Date ? calendarDay(v) : v;
      cell.border = BORDER;
      if (typeof v === 'string') {
        cell.alignment = { wrapText: true, vertical: 'top' };
        lines = Math.max(lines, lineCount(v, c.width ?? 18));
      } else cell.alignment = { vertical: 'top' };
    });
    if (lines > 1) row.height = lines * 15 + 3;
  });
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: Math.max(columns.length, 1) } };
  const buffer = await wb.xlsx.writeBuffer();
  const blob = new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName.endsWith('.xlsx') ? fileName : `${fileName}.xlsx`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
