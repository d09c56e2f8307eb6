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
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

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

function cell(lines: Paragraph[], widthPct: number): TableCell {
  return new TableCell({ children: lines, width: { size: widthPct, type: WidthType.PERCENTAGE }, borders: { top: none, bottom: none, left: none, right: none } });
}

const centered = (children: TextRun[]) => new Paragraph({ alignment: AlignmentType.CENTER, children });

const signatureBlock = (s: { position: string; name: string }) => [centered([run(s.position, { bold: true })]), new Paragraph({ children: [] }), new Paragraph({ children: [] }), centered([run(s.name, { bold: true })])];

const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

/** A bordered table of 13 pt text: the header row bold and centred. */
function bodyTable(t: BodyTable['table']): Table {
  const row = (cells: string[], header: boolean) =>
    new TableRow({
      tableHeader: header,
      children: cells.map(
        (text) =>
          new TableCell({
            borders: { top: thin, bottom: thin, left: thin, right: thin },
            children: [new Paragraph({ alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT, children: [run(text, { bold: header, size: 24 })] })],
          }),
      ),
    });
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [row(t.header, true), ...t.rows.map((r) => row(r, false))] });
}

/**
 * A .docx laid out as NĐ 30/2020 requires: A4; margins top/bottom 20 mm, left 30 mm, right 15 mm; Times New Roman;
 * the issuer and the national motto side by side, number and symbol, place and date; page numbers centred at
 * the top from the second page.
 */
export async function administrativeDocx(d: AdministrativeDocument): Promise<Buffer> {
  const heading = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: noBorders,
    rows: [
      new TableRow({
        children: [
          cell(
            [
              ...(d.issuerParent ? [centered([run(d.issuerParent, { size: 26 })])] : []),
              centered([run(d.issuer, { bold: true, size: 26 })]),
              centered([run(d.number, { size: 26 })]),
            ],
            40,
          ),
          cell(
            [
              centered([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 26 })]),
              centered([run('Độc lập - Tự do - Hạnh phúc', { bold: true })]),
              centered([run(d.placeAndDate, { italic: true })]),
            ],
            60,
          ),
        ],
      }),
    ],
  });
  const body = d.body.map((line) => {
    if (typeof line !== 'string' && 'table' in line) return bodyTable(line.table);
    const l = typeof line === 'string' ? { text: line } : line;
    return new Paragraph({
      alignment: l.center ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
      indent: l.center ? undefined : { firstLine: convertMillimetersToTwip(12.7) },
      spacing: { after: 120 },
      children: [run(l.text, { bold: l.bold, italic: l.italic })],
    });
  });
  const signature = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: noBorders,
    rows: [
      new TableRow({
        children: [
          cell(
            d.secondSigner
              ? signatureBlock(d.secondSigner)
              : d.recipients?.length
              ? [new Paragraph({ children: [run('Nơi nhận:', { bold: true, italic: true, size: 24 })] }), ...d.recipients.map((r) => new Paragraph({ children: [run(`- ${r};`, { size: 22 })] }))]
              : [new Paragraph({ children: [] })],
            50,
          ),
          cell(signatureBlock(d.signer), 50),
        ],
      }),
    ],
  });
  const doc = new Document({
    creator: 'thidua',
    title: `${d.title} ${d.subtitle}`,
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
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
  return Packer.toBuffer(doc);
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
