import { administrativeDocx, vietnameseLongDate, type BodyLine } from '@thidua/documents';
import ExcelJS from 'exceljs';
import type { ReportModel } from './report.templates';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

// Figures in a Word table are written as Vietnamese write them (84,5; 1.150), like the percentages beside them.
const NUMBER = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
const cellText = (v: string | number) => (typeof v === 'number' ? NUMBER.format(v) : v);

/** The report as a Word document in the NĐ 30/2020 layout. */
export async function renderDocx(m: ReportModel, date: string): Promise<Buffer> {
  const body: BodyLine[] = [{ text: `Kính gửi: ${m.recipient}.`, center: true }];
  for (const s of m.sections) {
    body.push({ text: s.heading, bold: true }, ...s.paragraphs);
    if (s.table && s.table.rows.length) body.push({ table: { header: s.table.header, rows: s.table.rows.map((r) => r.map(cellText)) } });
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
 * The report as an Excel workbook: a summary sheet, then one sheet per table, numbers kept as numbers. Dated `date`
 * throughout (properties and archive), so the same report on the same day is the same file, byte for byte.
 */
export async function renderXlsx(m: ReportModel, date: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'thidua';
  wb.created = new Date(`${date}T00:00:00Z`);
  wb.modified = wb.created;
  const summary = wb.addWorksheet('Tổng hợp');
  summary.columns = [{ width: 120 }];
  const lines = [m.issuer, `${m.title} ${m.subtitle}`, `${m.place}, ${vietnameseLongDate(date)}`, `Kính gửi: ${m.recipient}`, ''];
  for (const s of m.sections) lines.push(s.heading, ...s.paragraphs, '');
  lines.forEach((text, i) => {
    const cell = summary.getCell(i + 1, 1);
    cell.value = text;
    cell.font = { name: 'Times New Roman', size: 13, bold: i < 2 || m.sections.some((s) => s.heading === text) };
    cell.alignment = { wrapText: true };
  });
  for (const s of m.sections) {
    if (!s.table) continue;
    const ws = wb.addWorksheet(s.table.sheet.slice(0, 31));
    ws.addRow(s.table.header).font = { name: 'Times New Roman', bold: true };
    // Each column as wide as its longest text (10 to 60 characters), measured in one pass over the rows.
    const longest = s.table.header.map((h) => h.length);
    for (const r of s.table.rows) {
      ws.addRow(r).font = { name: 'Times New Roman' };
      r.forEach((v, i) => (longest[i] = Math.max(longest[i] ?? 0, String(v ?? '').length)));
    }
    ws.columns.forEach((col, i) => (col.width = Math.min(60, Math.max(10, (longest[i] ?? 0) + 2))));
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return dateZipEntries(Buffer.from(await wb.xlsx.writeBuffer()), date);
}
