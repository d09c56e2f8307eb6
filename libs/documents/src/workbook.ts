import type ExcelJS from 'exceljs';
import { textWidthPt, vietnameseNumber } from './nd30';

/**
 * Workbooks an officer prints: A4, fit to the page width, the header row repeated on every page, row heights that
 * show every line of wrapped text (ExcelJS does not measure text and LibreOffice honours explicit heights), numbers,
 * percentages and dates stored as such with number formats the reader's locale (vi-VN) shows as 1.234,5 / 87,5% /
 * 13/12/2024. Number formats in xlsx are locale-neutral codes: "#,##0.0" is shown "1.234,5" on a Vietnamese machine.
 */

export type SheetColumnKind = 'text' | 'integer' | 'decimal' | 'percent' | 'date' | 'money';

export interface SheetColumn {
  header: string;
  key: string;
  /** Width in Excel characters; measured from the header and the values when absent. */
  width?: number;
  /** How values are stored and shown; `percent` values are fractions (0.875 is shown 87,5%). Text by default. */
  kind?: SheetColumnKind;
  /** A number format code instead of the kind's own (e.g. "0" for a year, "#,##0.00" for two decimals). */
  format?: string;
}

export type SheetValue = string | number | Date | null;

export interface PrintableSheetOptions {
  title?: string;
  subtitle?: string;
  columns: SheetColumn[];
  rows: Array<Record<string, SheetValue | undefined>>;
  /** Landscape when true, portrait when false; when absent, landscape only if the columns are too wide for portrait. */
  landscape?: boolean;
}

/**
 * Number format codes per kind. The codes are locale-neutral ("," groups thousands, "." marks decimals in the code);
 * the [$-42A] prefix names Vietnamese, so LibreOffice shows 1.234,5 and 87,5% whatever the machine's own locale is,
 * and Excel shows them with the separators of the reader's regional settings.
 */
export const VI_LOCALE = '[$-42A]';
export const NUMBER_FORMATS: Record<SheetColumnKind, string | undefined> = {
  text: undefined,
  integer: `${VI_LOCALE}#,##0`,
  decimal: `${VI_LOCALE}#,##0.0#`,
  percent: `${VI_LOCALE}0.0#%`,
  date: 'dd/mm/yyyy',
  money: `${VI_LOCALE}#,##0`,
};

/** The font every printable sheet uses (administrative documents are set in Times New Roman). */
export const SHEET_FONT = 'Times New Roman';
export const SHEET_FONT_SIZE = 12;

/** A4 paper in the OOXML paperSize enumeration. */
export const A4_PAPER = 9;

/** Total column width (Excel characters) that still prints comfortably on A4 portrait without shrinking much. */
export const PORTRAIT_WIDTH = 95;

const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FF000000' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/**
 * A4 page setup: portrait or landscape, fit to one page wide and as many pages tall as needed, margins of an
 * administrative page, centered horizontally, the rows `printTitlesRow` (e.g. "4:4") repeated on every page and
 * "Trang n/m" in the footer.
 */
export function printOnA4(ws: ExcelJS.Worksheet, opts: { landscape?: boolean; printTitlesRow?: string } = {}): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: A4_PAPER,
    orientation: opts.landscape ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.6, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(opts.printTitlesRow ? { printTitlesRow: opts.printTitlesRow } : {}),
  };
  ws.headerFooter = { ...ws.headerFooter, oddFooter: '&C&"Times New Roman"&10Trang &P/&N' };
}

/**
 * How many lines `text` takes in a column `width` Excel characters wide, words wrapped as a spreadsheet wraps them.
 * A column unit is the width of a digit of the workbook's default font (Calibri 11: 7 px, and 5 px of padding), so a
 * column is (7·width + 5) px = 0.75 × that in points; the text is measured with Times New Roman's metrics.
 */
export function wrappedLineCount(text: string, width: number, fontSize = SHEET_FONT_SIZE, bold = false): number {
  const room = Math.max(1, (width * 7 + 5) * 0.75 - 6);
  const space = textWidthPt(' ', fontSize, bold);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = 0;
    lines++;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const w = textWidthPt(word, fontSize, bold);
      if (used > 0 && used + space + w <= room) {
        used += space + w;
        continue;
      }
      if (used > 0) lines++;
      // A word longer than the column breaks over as many lines as it needs.
      const extra = Math.ceil(w / room) - 1;
      lines += Math.max(0, extra);
      used = extra > 0 ? w - extra * room : w;
    }
  }
  return lines;
}

/** Row height in points for one row line by line: the tallest of its cells (text and the width it wraps in). */
export function wrappedRowHeight(cells: Array<{ text: string; width: number; fontSize?: number; bold?: boolean }>): number {
  let height = 0;
  for (const c of cells) {
    const size = c.fontSize ?? SHEET_FONT_SIZE;
    const lines = c.text ? wrappedLineCount(c.text, c.width, size, c.bold) : 1;
    height = Math.max(height, lines * size * 1.22 + 2);
  }
  return Math.ceil(height || SHEET_FONT_SIZE * 1.22 + 2);
}

/** The text a cell shows, roughly (numbers and dates as vi-VN shows them), for measuring widths and heights. */
export function shownText(value: ExcelJS.CellValue, numFmt?: string): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return '00/00/0000';
  if (typeof value === 'number') {
    if (numFmt?.includes('%')) return `${vietnameseNumber(value * 100)}%`;
    return vietnameseNumber(value);
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return shownText(value.result as ExcelJS.CellValue, numFmt);
    return '';
  }
  return String(value);
}

/**
 * Sets the height of every row from `fromRow` to `toRow` (the last row by default) that holds wrapped text, from the
 * text's length and its column's width (merged cells: the width of the merged columns). Rows without wrapped text
 * that is longer than its column keep the default height.
 */
export function fitRowHeights(ws: ExcelJS.Worksheet, fromRow = 1, toRow = ws.rowCount): void {
  const widths: number[] = [];
  for (let c = 1; c <= ws.columnCount; c++) widths[c] = ws.getColumn(c).width ?? 9;
  const merged = mergeWidths(ws, widths);
  for (let r = fromRow; r <= toRow; r++) {
    const row = ws.getRow(r);
    if (row.hidden) continue;
    const cells: Array<{ text: string; width: number; fontSize?: number; bold?: boolean }> = [];
    let wraps = false;
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (cell.isMerged && cell.master.address !== cell.address) return;
      if (ws.getColumn(col).hidden) return;
      // An indent takes about 1.3 characters of the column per level.
      const width = (merged.get(cell.address) ?? widths[col] ?? 9) - (cell.alignment?.indent ?? 0) * 1.3;
      const text = shownText(cell.value, cell.numFmt);
      if (cell.alignment?.wrapText) wraps = true;
      cells.push({ text: cell.alignment?.wrapText ? text : '', width, fontSize: cell.font?.size, bold: cell.font?.bold });
    });
    if (wraps) row.height = wrappedRowHeight(cells);
  }
}

function mergeWidths(ws: ExcelJS.Worksheet, widths: number[]): Map<string, number> {
  const out = new Map<string, number>();
  const merges = (ws.model as unknown as { merges?: string[] }).merges ?? [];
  for (const range of merges) {
    const [from, to] = range.split(':') as [string, string];
    const a = ws.getCell(from);
    const b = ws.getCell(to);
    let w = 0;
    for (let c = Number(a.col); c <= Number(b.col); c++) w += widths[c] ?? 9;
    out.set(a.address, w);
  }
  return out;
}

/** A calendar date as Excel stores it (UTC midnight), from a Date (its Vietnamese calendar day), "YYYY-MM-DD…" or "dd/mm/yyyy". */
export function excelDate(value: Date | string | null | undefined): Date | null {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    if (value.getUTCHours() === 0 && value.getUTCMinutes() === 0 && value.getUTCSeconds() === 0) return value;
    const vn = new Date(value.getTime() + 7 * 3600_000);
    return new Date(Date.UTC(vn.getUTCFullYear(), vn.getUTCMonth(), vn.getUTCDate()));
  }
  const s = value.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(T.*)?$/.exec(s);
  if (m) return m[4] && /[Zz]|[+-]\d{2}:?\d{2}$/.test(m[4]) ? excelDate(new Date(s)) : new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (m) return new Date(Date.UTC(+m[3]!, +m[2]! - 1, +m[1]!));
  return null;
}

/**
 * A number from a value that may be written as text: "1.234,5" or "87,5%" (vi-VN), "87.5" (a decimal point).
 * Percentages written with "%" come back as fractions when `percent` is set. Null when it is not a number.
 */
export function parseNumber(value: string | number, percent = false): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  let s = value.trim().replace(/\s/g, '');
  const isPercent = s.endsWith('%');
  if (isPercent) s = s.slice(0, -1);
  if (!/^-?[\d.,]+$/.test(s)) return null;
  if (s.includes(',')) s = s.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d{1,3}(\.\d{3})+$/.test(s)) s = s.replace(/\./g, '');
  const n = Number(s);
  if (!Number.isFinite(n)) return null;
  return isPercent && percent ? n / 100 : n;
}

/** A value as the column's kind stores it: numbers as numbers, dates as dates, text as text; blanks as empty cells. */
export function sheetValue(kind: SheetColumnKind, value: SheetValue | undefined): ExcelJS.CellValue {
  if (value === null || value === undefined || value === '') return null;
  switch (kind) {
    case 'date':
      return excelDate(value as Date | string) ?? (typeof value === 'number' ? value : String(value));
    case 'integer':
    case 'decimal':
    case 'money':
    case 'percent': {
      if (value instanceof Date) return excelDate(value);
      const n = parseNumber(value, kind === 'percent');
      return n ?? value;
    }
    default:
      return value instanceof Date ? excelDate(value) : typeof value === 'number' ? value : String(value);
  }
}

/** The column width (Excel characters) that holds a line `pt` points wide with its padding. */
export const columnWidthFor = (pt: number): number => Math.ceil(((pt + 8) / 0.75 - 5) / 7);

/**
 * A column's width from its header (its longest word, bold: headers wrap) and its values as shown (text wraps past
 * `textRoom` points: about 45 characters, 60 in a table of three columns or fewer), 6 to 65 characters.
 */
function measuredWidth(col: SheetColumn, values: ExcelJS.CellValue[], textRoom: number): number {
  const kind = col.kind ?? 'text';
  let pt = Math.max(...col.header.split(/\s+/).map((w) => textWidthPt(w, SHEET_FONT_SIZE, true)));
  for (const v of values) {
    const text = shownText(v, col.format ?? NUMBER_FORMATS[kind]);
    pt = Math.max(pt, kind === 'text' ? Math.min(textWidthPt(text, SHEET_FONT_SIZE), textRoom) : textWidthPt(text, SHEET_FONT_SIZE) * 1.1);
  }
  return Math.min(65, Math.max(6, columnWidthFor(pt)));
}

/**
 * A worksheet an officer can print: title rows, a bold header row repeated on every page, A4, fit to page width, row
 * heights for wrapped text, Vietnamese number formats ("#,##0" style shown as 1.234,5), numbers and dates stored as
 * such, the panes frozen under the header.
 */
export function printableSheet(workbook: ExcelJS.Workbook, name: string, opts: PrintableSheetOptions): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(sheetName(name));
  const cols = opts.columns;
  const values = opts.rows.map((r) => cols.map((c) => sheetValue(c.kind ?? 'text', r[c.key])));
  const textRoom = cols.length <= 3 ? 330 : 240;
  const widths = cols.map((c, i) => c.width ?? measuredWidth(c, values.map((v) => v[i] ?? null), textRoom));
  ws.columns = widths.map((width, i) => ({ key: cols[i]!.key, width }));
  const font = { name: SHEET_FONT, size: SHEET_FONT_SIZE };
  let r = 0;
  const titleLine = (text: string, bold: boolean, italic: boolean, size: number) => {
    r++;
    const cell = ws.getCell(r, 1);
    cell.value = text;
    cell.font = { ...font, size, bold, italic };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    if (cols.length > 1) ws.mergeCells(r, 1, r, cols.length);
  };
  if (opts.title) titleLine(opts.title, true, false, 14);
  if (opts.subtitle) titleLine(opts.subtitle, false, true, SHEET_FONT_SIZE);
  if (r > 0) r++; // a blank line between the title and the table
  const headerRow = ++r;
  const header = ws.getRow(headerRow);
  cols.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { ...font, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
  });
  for (const rowValues of values) {
    const row = ws.getRow(++r);
    rowValues.forEach((v, i) => {
      const c = cols[i]!;
      const kind = c.kind ?? 'text';
      const cell = row.getCell(i + 1);
      cell.value = v;
      cell.font = font;
      cell.border = BORDER;
      if (kind === 'text') cell.alignment = { vertical: 'top', wrapText: true };
      else {
        cell.alignment = { vertical: 'top', horizontal: kind === 'date' ? 'center' : 'right' };
        const fmt = c.format ?? NUMBER_FORMATS[kind];
        if (fmt && (typeof v === 'number' || v instanceof Date)) cell.numFmt = fmt;
      }
    });
  }
  fitRowHeights(ws, 1, r);
  const total = widths.reduce((a, b) => a + b, 0);
  printOnA4(ws, { landscape: opts.landscape ?? total > PORTRAIT_WIDTH, printTitlesRow: `${headerRow}:${headerRow}` });
  ws.views = [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }];
  return ws;
}

/** A worksheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ]. */
export function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, '-').slice(0, 31) || 'Trang tính';
}
