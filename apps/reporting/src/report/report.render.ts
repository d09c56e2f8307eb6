import { administrativeDocx, type Annex, excelDate, fitRowHeights, NUMBER_FORMATS, printableSheet, printOnA4, SHEET_FONT, SHEET_FONT_SIZE, vietnameseLongDate, vietnameseNumber, type BodyLine, type SheetColumnKind } from '@thidua/documents';
import { formatVietnameseDate } from '@thidua/platform';
import ExcelJS from 'exceljs';
import type { ReportFigure, ReportModel, ReportTable } from './report.templates';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

// Figures in a Word table are written as Vietnamese write them (84,5; 1.150; 87,5%; 13/12/2024).
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A table cell as Word shows it: a percentage is stored as a fraction (0.875 → "87,5%"), a date as "YYYY-MM-DD". */
export function cellText(v: string | number | null, kind: SheetColumnKind = 'text'): string {
  if (v === null) return '';
  if (typeof v === 'number') return kind === 'percent' ? `${vietnameseNumber(Math.round(v * 1_000_000) / 10_000)}%` : vietnameseNumber(v);
  return kind === 'date' && ISO_DATE.test(v) ? formatVietnameseDate(v) : v;
}
const tableText = (t: ReportTable) => t.rows.map((r) => r.map((v, i) => cellText(v, t.kinds?.[i])));

/** A table of more columns than this is printed on a landscape annex (phụ lục) rather than in the portrait body. */
const BODY_TABLE_COLUMNS = 7;
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

/**
 * The report as a Word document in the NĐ 30/2020 layout. A table too wide for the portrait page (more than seven
 * columns: the units' figures, a ranking counted by today's units) goes to a landscape annex after the signature,
 * the section saying where it is, as administrative reports do.
 */
export async function renderDocx(m: ReportModel, date: string): Promise<Buffer> {
  const body: BodyLine[] = [{ text: `Kính gửi: ${m.recipient}.`, center: true }];
  const wide = m.sections.filter((s) => s.table && s.table.rows.length && s.table.header.length > BODY_TABLE_COLUMNS);
  const annexes: Annex[] = [];
  for (const s of m.sections) {
    body.push({ text: s.heading, bold: true }, ...s.paragraphs);
    if (!s.table || !s.table.rows.length) continue;
    const table = { header: s.table.header, rows: tableText(s.table) };
    if (!wide.includes(s)) {
      body.push({ table });
      continue;
    }
    body.push(wide.length > 1 ? `Chi tiết tại Phụ lục ${ROMAN[annexes.length] ?? annexes.length + 1} kèm theo Báo cáo này.` : 'Chi tiết tại Phụ lục kèm theo Báo cáo này.');
    annexes.push({ title: s.heading.replace(/^[IVXLC]+\.\s*/, ''), note: `(Kèm theo Báo cáo ${m.subtitle.charAt(0).toLocaleLowerCase('vi')}${m.subtitle.slice(1)})`, body: [{ table }], landscape: true });
  }
  return administrativeDocx({
    issuerParent: m.issuerParent,
    issuer: m.issuer,
    number: 'Số:        /BC',
    placeAndDate: `${m.place}, ${vietnameseLongDate(date)}`,
    title: m.title,
    subtitle: m.subtitle,
    body,
    signer: { position: 'THỦ TRƯỞNG CƠ QUAN', name: '' },
    recipients: [m.recipient, 'Lưu: VT'],
    annexes,
  });
}

/**
 * A zip archive (an .xlsx) with every entry dated `date` (YYYY-MM-DD, midnight) in its local and central headers, in
 * place: the archiver stamps the time of writing, so the same report would otherwise differ from second to second.
 */
export function dateZipEntries(zip: Buffer, date: string): Buffer {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const dosDate = ((y - 1980) << 9) | (m << 5) | d;
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a zip archive');
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < entries; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('zip central directory unreadable');
    zip.writeUInt16LE(0, at + 12);
    zip.writeUInt16LE(dosDate, at + 14);
    const local = zip.readUInt32LE(at + 42);
    if (zip.readUInt32LE(local) === 0x04034b50) {
      zip.writeUInt16LE(0, local + 10);
      zip.writeUInt16LE(dosDate, local + 12);
    }
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return zip;
}

/**
 * The report as an Excel workbook an officer prints: a summary sheet (the heading, then each section's figures as
 * label and value), then one sheet per table. A4, fit to the page width, the header row repeated on every page,
 * numbers, percentages and dates stored as such. Dated `date` throughout (properties and archive), so the same report
 * on the same day is the same file, byte for byte.
 */
export async function renderXlsx(m: ReportModel, date: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'thidua';
  wb.created = new Date(`${date}T00:00:00Z`);
  wb.modified = wb.created;
  summarySheet(wb, m, date);
  // Each section's table, then its lists, a sheet each.
  const tables = m.sections.flatMap((s) => [...(s.table ? [{ s, t: s.table }] : []), ...(s.lists ?? []).map((t) => ({ s, t }))]);
  for (const { s, t } of tables) {
    const kinds = t.header.map((_, i) => t.kinds?.[i] ?? 'text');
    const ws = printableSheet(wb, t.sheet, {
      title: t.title ?? s.heading.replace(/^[IVXLC]+\.\s*/, ''),
      subtitle: `Kèm theo báo cáo ${m.subtitle.charAt(0).toLocaleLowerCase('vi')}${m.subtitle.slice(1)}`,
      columns: t.header.map((header, i) => ({ header, key: `c${i}`, kind: kinds[i] })),
      rows: t.rows.map((r) => Object.fromEntries(r.map((v, i) => [`c${i}`, v]))),
    });
    // The total row that ends a table stands out, as on paper.
    const last = ws.getRow(ws.rowCount);
    if (t.rows.length && ['Tổng cộng', 'Tổng hợp'].includes(String(last.getCell(1).value))) last.eachCell((c) => (c.font = { ...c.font, bold: true }));
    if (!t.rows.length) {
      const row = ws.addRow(['Chưa có số liệu.']);
      row.getCell(1).font = { name: SHEET_FONT, size: SHEET_FONT_SIZE, italic: true };
      if (t.header.length > 1) ws.mergeCells(row.number, 1, row.number, t.header.length);
    }
  }
  return dateZipEntries(Buffer.from(await wb.xlsx.writeBuffer()), date);
}

const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FF000000' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/**
 * The summary sheet: the issuer, the title and the date over two columns, then "Nội dung" and "Số liệu" with each
 * section's heading and its figures (a section without figures gives its paragraphs), portrait A4.
 */
function summarySheet(wb: ExcelJS.Workbook, m: ReportModel, date: string): ExcelJS.Worksheet {
  const ws = wb.addWorksheet('Tổng hợp');
  ws.columns = [{ width: 50 }, { width: 40 }];
  const font = { name: SHEET_FONT, size: SHEET_FONT_SIZE };
  const line = (text: string, f: Partial<ExcelJS.Font>) => {
    const row = ws.addRow([text]);
    row.getCell(1).font = { ...font, ...f };
    row.getCell(1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    ws.mergeCells(row.number, 1, row.number, 2);
  };
  line(m.issuer, { bold: true });
  line(m.title, { bold: true, size: 14 });
  line(m.subtitle, { bold: true });
  line(`${m.place}, ${vietnameseLongDate(date)}`, { italic: true });
  ws.addRow([]);
  const header = ws.addRow(['Nội dung', 'Số liệu']);
  header.eachCell((c) => {
    c.font = { ...font, bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.border = BORDER;
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
  });
  const figure = (f: ReportFigure) => {
    const kind = f.kind ?? 'text';
    const value = f.value === null ? null : kind === 'date' ? excelDate(String(f.value)) : f.value;
    const row = ws.addRow([f.label, value]);
    row.getCell(1).font = font;
    row.getCell(1).alignment = { vertical: 'top', wrapText: true };
    const v = row.getCell(2);
    v.font = font;
    v.alignment = { vertical: 'top', horizontal: 'left', wrapText: true };
    const fmt = NUMBER_FORMATS[kind];
    if (fmt && (typeof value === 'number' || value instanceof Date)) v.numFmt = fmt;
    row.eachCell({ includeEmpty: true }, (c) => (c.border = BORDER));
  };
  const merged = (text: string, f: Partial<ExcelJS.Font>, fill?: string) => {
    const row = ws.addRow([text]);
    const c = row.getCell(1);
    c.font = { ...font, ...f };
    c.alignment = { vertical: 'top', wrapText: true };
    ws.mergeCells(row.number, 1, row.number, 2);
    c.border = BORDER;
    if (fill) c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
  };
  figure({ label: 'Kính gửi', value: m.recipient });
  figure({ label: 'Ngày lập báo cáo', value: date, kind: 'date' });
  for (const s of m.sections) {
    merged(s.heading, { bold: true }, 'FFF2F2F2');
    if (s.figures?.length) s.figures.forEach(figure);
    else s.paragraphs.forEach((p) => merged(p, {}));
  }
  const tables = m.sections.flatMap((s) => [...(s.table ? [s.table.sheet] : []), ...(s.lists ?? []).map((l) => l.sheet)]);
  if (tables.length) figure({ label: 'Số liệu chi tiết', value: `Các trang tính: ${tables.join('; ')}` });
  fitRowHeights(ws, 1, ws.rowCount);
  printOnA4(ws, { landscape: false, printTitlesRow: `${header.number}:${header.number}` });
  ws.views = [{ state: 'frozen', ySplit: header.number, xSplit: 0 }];
  return ws;
}
