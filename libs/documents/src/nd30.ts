import { randomUUID } from 'node:crypto';
import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

/** A table in the body: a bold header row, then the rows, with thin borders. */
export interface BodyTable {
  table: { header: string[]; rows: string[][] };
}

/** A paragraph of body text (plain, or bold / italic / centred), or a table. */
export type BodyLine = string | { text: string; bold?: boolean; italic?: boolean; center?: boolean } | BodyTable;

/** What an administrative document (văn bản hành chính) holds, laid out by Nghị định 30/2020/NĐ-CP. */
export interface AdministrativeDocument {
  /** The issuing body's superior, upper case: "UBND THÀNH PHỐ BUÔN MA THUỘT" (may be empty). */
  issuerParent: string;
  /** The issuing body, upper case: "PHÒNG VĂN HÓA VÀ THÔNG TIN". */
  issuer: string;
  /** Number and symbol: "Số: …/TTr-VHTT". */
  number: string;
  /** "Buôn Ma Thuột, ngày 01 tháng 03 năm 2025". */
  placeAndDate: string;
  /** Document type in upper case: "TỜ TRÌNH", "BÁO CÁO THÀNH TÍCH". */
  title: string;
  /** The line under the title: "Về việc đề nghị tặng …". */
  subtitle: string;
  body: BodyLine[];
  /** Signature block: position and name (name may be empty for a draft). */
  signer: { position: string; name: string };
  /** Extra block left of the signature, e.g. "Nơi nhận". */
  recipients?: string[];
  /** A second signature on the left instead of the recipients (minutes: the secretary beside the chair). */
  secondSigner?: { position: string; name: string };
}

const FONT = 'Times New Roman';
// A4 and NĐ 30/2020 margins in twips (1 mm = 56.7 twips), rounded to the nearest twip.
const A4 = { width: 11906, height: 16838 };
const MARGINS = { top: 1134, bottom: 1134, left: 1701, right: 850 };
const SIZE = 28; // half-points: 14 pt
const run = (text: string, o: { bold?: boolean; italic?: boolean; size?: number } = {}) => new TextRun({ text, font: FONT, size: o.size ?? SIZE, bold: o.bold, italics: o.italic });
const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const noBorders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };

const twipsOf = (widthPct: number) => Math.round((TEXT_WIDTH * widthPct) / 100);

function cell(lines: Paragraph[], widthPct: number): TableCell {
  return new TableCell({ children: lines, width: { size: twipsOf(widthPct), type: WidthType.DXA }, borders: { top: none, bottom: none, left: none, right: none } });
}

/**
 * A borderless two-column layout table (heading, signatures) on a fixed grid: LibreOffice lays a table out by its
 * grid, not by its cells' percentages, and an even grid wrapped the national motto onto two lines.
 */
function layoutTable(widthsPct: [number, number], cells: [Paragraph[], Paragraph[]]): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widthsPct.map(twipsOf),
    layout: TableLayoutType.FIXED,
    borders: noBorders,
    rows: [new TableRow({ children: [cell(cells[0], widthsPct[0]), cell(cells[1], widthsPct[1])] })],
  });
}

const centered = (children: TextRun[]) => new Paragraph({ alignment: AlignmentType.CENTER, children });

const signatureBlock = (s: { position: string; name: string }) => [centered([run(s.position, { bold: true })]), new Paragraph({ children: [] }), new Paragraph({ children: [] }), centered([run(s.name, { bold: true })])];

/** The body tables' paragraph styles (their names are shown in Word's style list): 12 pt, the header row bold and centred. */
const TABLE_TEXT = 'BangNoiDung';
const TABLE_HEADER = 'BangTieuDe';
const TABLE_STYLES = [
  { id: TABLE_TEXT, name: 'Nội dung bảng', basedOn: 'Normal', run: { font: FONT, size: 24 } },
  { id: TABLE_HEADER, name: 'Tiêu đề bảng', basedOn: TABLE_TEXT, run: { font: FONT, size: 24, bold: true }, paragraph: { alignment: AlignmentType.CENTER } },
];
// The text width of the page (A4 less the margins), in twips: the grid of a table as wide as the text.
const TEXT_WIDTH = A4.width - MARGINS.left - MARGINS.right;

/** Characters XML 1.0 does not allow (C0 controls other than tab, line feed and carriage return; lone surrogates; U+FFFE/FFFF). */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
/** Text as the content of an XML element. */
export const xmlText = (text: string): string => text.replace(NOT_XML, '').replace(/[&<>]/g, (c) => XML_ESCAPES[c] as string);

/**
 * A bordered table of 12 pt text, the header row bold, centred and repeated on every page, as WordprocessingML. Written
 * as text rather than built from docx's objects: a report's table of 10,000 rows is 70,000 cells, and docx's objects
 * (a cell, a paragraph, a run, their properties, each formatted, then serialised) took 20 s of a 25 s report run. The
 * borders are the table's (outside and inside lines, single, black, ½ pt) and the text takes the table paragraph
 * styles, so a cell is only its paragraph and text.
 */
export function bodyTableXml(t: BodyTable['table']): string {
  const columns = Math.max(1, t.header.length, ...t.rows.map((r) => r.length));
  const widths = columnWidths(t, columns);
  const border = (side: string) => `<w:${side} w:val="single" w:color="000000" w:sz="4" w:space="0"/>`;
  const cell = (style: string) => (text: string, i: number) =>
    `<w:tc><w:tcPr><w:tcW w:w="${widths[i]}" w:type="dxa"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr><w:r><w:t xml:space="preserve">${xmlText(text)}</w:t></w:r></w:p></w:tc>`;
  const headerCell = cell(TABLE_HEADER);
  const textCell = cell(TABLE_TEXT);
  // A fixed layout on the grid below: Word and LibreOffice place the columns without measuring every cell first.
  const parts: string[] = [
    `<w:tbl><w:tblPr><w:tblW w:w="${TEXT_WIDTH}" w:type="dxa"/><w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr>`,
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`,
    `<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>${t.header.map(headerCell).join('')}</w:tr>`,
  ];
  // A row is never split over two pages.
  for (const r of t.rows) parts.push(`<w:tr><w:trPr><w:cantSplit/></w:trPr>${r.map(textCell).join('')}</w:tr>`);
  parts.push('</w:tbl>');
  return parts.join('');
}

/** About how wide a lower-case letter of the tables' 12 pt Times New Roman is, in twips; a cell's margins take 2.5 letters. */
const LETTER = 108;
const CELL_MARGIN = 2.5;

/**
 * Column widths (twips, summing to the text width) from what the columns hold. Each column wants its widest cell (at
 * most 40 letters' room: longer text wraps) and needs at least its longest word, header words in bold included, so
 * that no word breaks. When every column gets what it wants, the room is shared in proportion to it; when not, each
 * gets its longest word's room first and the rest is shared in proportion to what it wants beyond that. A unit's name
 * gets the room it needs; a rank or a score, enough for its header.
 */
function columnWidths(t: BodyTable['table'], columns: number): number[] {
  const longestWord = (text: string, factor = 1) => Math.max(0, ...text.split(/\s+/).map((w) => factor * textWidth(w)));
  const need = Array.from({ length: columns }, (_, i) => Math.max(3, longestWord(t.header[i] ?? '', 1.15)));
  const want = [...need];
  for (const r of t.rows) {
    for (let i = 0; i < r.length; i++) {
      const text = r[i] as string;
      need[i] = Math.max(need[i] as number, Math.min(20, longestWord(text)));
      want[i] = Math.max(want[i] as number, need[i] as number, Math.min(40, textWidth(text)));
    }
  }
  const twips = (letters: number[]) => letters.map((n) => (n + CELL_MARGIN) * LETTER);
  const [min, max] = [twips(need), twips(want)];
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  let widths: number[];
  if (sum(max) <= TEXT_WIDTH || sum(min) >= TEXT_WIDTH) {
    const base = sum(max) <= TEXT_WIDTH ? max : min;
    widths = base.map((w) => Math.floor((w / sum(base)) * TEXT_WIDTH));
  } else {
    const spare = TEXT_WIDTH - sum(min);
    const extra = max.map((w, i) => w - (min[i] as number));
    widths = min.map((w, i) => Math.floor(w + (spare * (extra[i] as number)) / sum(extra)));
  }
  widths[widths.length - 1] = (widths.at(-1) as number) + TEXT_WIDTH - sum(widths);
  return widths;
}

/** Roughly how wide a text is in Times New Roman, in lower-case letters: capitals, digits and % are wider, spaces narrower. */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch === ' ' ? 0.5 : ch === '%' ? 1.6 : ch >= '0' && ch <= '9' ? 1.1 : ch !== ch.toLowerCase() ? 1.35 : 1;
  return w;
}

/** The paragraph that stands for a body table until the document's XML is written, and its text. */
const tableMark = (nonce: string, i: number) => `thidua-table-${nonce}-${i}`;

/**
 * Put the body tables in place of their paragraphs in the packed document (a .docx: a zip archive), in the same order.
 * Every other part of the archive is kept as docx wrote it.
 */
function insertTables(docx: Buffer, nonce: string, tables: string[]): Buffer {
  if (!tables.length) return docx;
  const files = unzipSync(new Uint8Array(docx.buffer, docx.byteOffset, docx.byteLength));
  const name = 'word/document.xml';
  const xml = strFromU8(files[name] as Uint8Array);
  const out: string[] = [];
  let at = 0;
  tables.forEach((table, i) => {
    const mark = xml.indexOf(`>${tableMark(nonce, i)}<`, at);
    const start = mark < 0 ? -1 : xml.lastIndexOf('<w:p>', mark);
    const end = mark < 0 ? -1 : xml.indexOf('</w:p>', mark);
    if (start < at || end < 0) throw new Error(`the Word document lost table ${i + 1}'s place`);
    out.push(xml.slice(at, start), table);
    at = end + '</w:p>'.length;
  });
  out.push(xml.slice(at));
  files[name] = strToU8(out.join(''));
  return Buffer.from(zipSync(files));
}

/**
 * A .docx laid out as NĐ 30/2020 requires: A4; margins top/bottom 20 mm, left 30 mm, right 15 mm; Times New Roman;
 * the issuer and the national motto side by side, number and symbol, place and date; page numbers centred at
 * the top from the second page.
 */
export async function administrativeDocx(d: AdministrativeDocument): Promise<Buffer> {
  // The national motto on one line (NĐ 30: 12–13 pt, bold, upper case), in the wider column.
  const heading = layoutTable(
    [38, 62],
    [
      [
        ...(d.issuerParent ? [centered([run(d.issuerParent, { size: 26 })])] : []),
        centered([run(d.issuer, { bold: true, size: 26 })]),
        centered([run(d.number, { size: 26 })]),
      ],
      [
        centered([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 24 })]),
        centered([run('Độc lập - Tự do - Hạnh phúc', { bold: true })]),
        centered([run(d.placeAndDate, { italic: true })]),
      ],
    ],
  );
  const nonce = randomUUID();
  const tables: string[] = [];
  const body = d.body.map((line) => {
    if (typeof line !== 'string' && 'table' in line) {
      tables.push(bodyTableXml(line.table));
      return new Paragraph({ children: [new TextRun(tableMark(nonce, tables.length - 1))] });
    }
    const l = typeof line === 'string' ? { text: line } : line;
    return new Paragraph({
      alignment: l.center ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
      indent: l.center ? undefined : { firstLine: convertMillimetersToTwip(12.7) },
      spacing: { after: 120 },
      children: [run(l.text, { bold: l.bold, italic: l.italic })],
    });
  });
  const signature = layoutTable(
    [50, 50],
    [
      d.secondSigner
        ? signatureBlock(d.secondSigner)
        : d.recipients?.length
          ? [new Paragraph({ children: [run('Nơi nhận:', { bold: true, italic: true, size: 24 })] }), ...d.recipients.map((r) => new Paragraph({ children: [run(`- ${r};`, { size: 22 })] }))]
          : [new Paragraph({ children: [] })],
      signatureBlock(d.signer),
    ],
  );
  const doc = new Document({
    creator: 'thidua',
    title: `${d.title} ${d.subtitle}`,
    styles: { default: { document: { run: { font: FONT, size: SIZE } } }, paragraphStyles: TABLE_STYLES },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: A4,
            margin: MARGINS,
          },
        },
        headers: {
          first: new Header({ children: [new Paragraph({ children: [] })] }),
          default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: 26 })] })] }),
        },
        children: [
          heading,
          new Paragraph({ children: [] }),
          centered([run(d.title, { bold: true })]),
          centered([run(d.subtitle, { bold: true })]),
          new Paragraph({ children: [] }),
          ...body,
          new Paragraph({ children: [] }),
          signature,
        ],
      },
    ],
  });
  return insertTables(await Packer.toBuffer(doc), nonce, tables);
}

/** "ngày 01 tháng 03 năm 2025". */
export function vietnameseLongDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `ngày ${d} tháng ${m} năm ${y}`;
}

/** The place in "…, ngày … tháng … năm …": a jurisdiction's name without "UBND tỉnh/thành phố/xã/phường …". */
export function placeOf(jurisdictionName: string): string {
  return jurisdictionName.replace(/^UBND (tỉnh|thành phố|huyện|quận|thị xã|xã|phường) /i, '');
}

/** A file name part from Vietnamese text: accents dropped, đ → d, anything else between words → "-". */
export function fileSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
