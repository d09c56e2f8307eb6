import archiver from 'archiver';
import { unzipSync } from 'fflate';
import type { CellScalar } from '../framework/framework.excel';

// ---------------------------------------------------------------------------------------------------------------
// The zip container of a workbook: read with fflate (JSZip's JavaScript inflate alone takes longer than the whole
// import of 500,000 rows; fflate's is several times faster), written with archiver, which deflates with Node's zlib
// (fflate's own deflate made the template four times slower).
// ---------------------------------------------------------------------------------------------------------------

type Entries = Map<string, () => Buffer>;

function unzipEntries(bytes: Buffer): Entries {
  const files = unzipSync(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length));
  return new Map(Object.entries(files).map(([name, data]) => [name, () => Buffer.from(data.buffer, data.byteOffset, data.length)]));
}

async function zipFiles(files: Array<[string, Buffer]>): Promise<Buffer> {
  // Level 6: at level 1 a 500,000-row sheet grows from 19 to 26 MB, over the 20 MB uploads allow.
  const archive = archiver('zip', { zlib: { level: 6 } });
  const chunks: Buffer[] = [];
  archive.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    archive.on('end', () => resolve());
    archive.on('error', reject);
    archive.on('warning', reject);
  });
  for (const [name, data] of files) archive.append(data, { name });
  await archive.finalize();
  await ended;
  return Buffer.concat(chunks);
}

/*
 * A small reader and writer of .xlsx tables, for the bulk score workbook only: 500,000 rows in seconds, where
 * exceljs (even its streaming reader and writer) needs minutes. It reads cell values (shared strings, inline strings,
 * numbers, booleans, formula results) and writes one styled table with shared strings; nothing else. The per-unit
 * sheets and every other workbook keep using exceljs.
 */

// ---------------------------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------------------------

const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function unescapeXml(s: string): string {
  if (!s.includes('&') && !s.includes('_x')) return s;
  return s
    .replace(ENTITY, (_, dec: string | undefined, hex: string | undefined, name: string | undefined) =>
      dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : (NAMED[name as string] ?? ''),
    )
    .replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const TEXT_RUN = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g;

/** The text of an <si> or <is> element: its runs, without the phonetic guides. */
function runText(xml: string): string {
  const body = xml.includes('<rPh') ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : xml;
  let out = '';
  for (const m of body.matchAll(TEXT_RUN)) out += m[1] ?? '';
  return unescapeXml(out);
}

const ATTRS: Record<string, RegExp> = {};

function attr(attrs: string, name: string): string | null {
  const re = (ATTRS[name] ??= new RegExp(`(?:^|\\s)${name}="([^"]*)"`));
  const m = re.exec(attrs);
  return m ? (m[1] as string) : null;
}


/** Bytes of sheet XML turned into text at a time (cut after a </row>, so no character is split). */
const CHUNK = 4 * 1024 * 1024;

/** Let the event loop run (requests, timers) between chunks of a long read: the embedded database never waits on I/O. */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Calls `onRow` for every row of every sheet, in order, with its 1-based number and cells (index 1 = column A).
 * `onRow` returns false to skip the rest of that sheet. Throws when the bytes are not a readable workbook. After each
 * chunk of a sheet it lets the event loop run and calls `onProgress` with the share of the sheets' XML read (0–1).
 */
export async function readXlsxRows(
  bytes: Buffer,
  onRow: (sheet: string, row: number, cells: CellScalar[]) => boolean | void,
  onProgress?: (fraction: number) => Promise<void> | void,
): Promise<void> {
  let zip: Entries;
  try {
    zip = unzipEntries(bytes);
  } catch {
    throw new Error('not a workbook');
  }
  const text = (name: string) => zip.get(name)?.().toString('utf8');
  const workbook = text('xl/workbook.xml');
  if (!workbook) throw new Error('not a workbook');
  const rels = text('xl/_rels/workbook.xml.rels') ?? '';
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const id = attr(m[1] as string, 'Id');
    const target = attr(m[1] as string, 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const shared: string[] = [];
  const sst = text('xl/sharedStrings.xml');
  if (sst) for (const m of sst.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)) shared.push(m[1] === undefined ? '' : runText(m[1]));

  const sheets = [...workbook.matchAll(/<sheet\b([^>]*)\/?>/g)].map((m) => m[1] as string);
  for (const [index, attrs] of sheets.entries()) {
    const name = unescapeXml(attr(attrs, 'name') ?? '');
    const path = targets.get(attr(attrs, 'r:id') ?? '');
    const file = path ? zip.get(path) : undefined;
    if (!file) continue;
    const xml = file();
    let pos = 0;
    let lastRow = 0;
    sheet: while (pos < xml.length) {
      if (pos > 0) {
        await yieldToEventLoop();
        await onProgress?.((index + pos / xml.length) / sheets.length);
      }
      let end = xml.indexOf('</row>', pos + CHUNK);
      end = end < 0 ? xml.length : end + 6;
      const text = xml.toString('utf8', pos, end);
      pos = end;
      // A scan with indexOf: regular expressions per cell cost minutes on 500,000 rows.
      let p = 0;
      for (;;) {
        const rs = text.indexOf('<row', p);
        if (rs < 0) break;
        const rTagEnd = text.indexOf('>', rs);
        const rowAttrs = text.slice(rs + 4, rTagEnd);
        const number = Number(quoted(rowAttrs, ' r="')) || lastRow + 1;
        lastRow = number;
        const cells: CellScalar[] = [];
        if (text.charCodeAt(rTagEnd - 1) === 47) {
          p = rTagEnd + 1;
        } else {
          const rowEnd = text.indexOf('</row>', rTagEnd);
          readCells(text, rTagEnd + 1, rowEnd < 0 ? text.length : rowEnd, cells, shared);
          p = rowEnd < 0 ? text.length : rowEnd + 6;
        }
        if (onRow(name, number, cells) === false) break sheet;
      }
    }
  }
}

/** The value of an attribute (`key` is ' r="' or ' t="'), or null. */
function quoted(attrs: string, key: string): string | null {
  const i = attrs.indexOf(key);
  if (i < 0) return null;
  const from = i + key.length;
  return attrs.slice(from, attrs.indexOf('"', from));
}

function readCells(text: string, from: number, to: number, cells: CellScalar[], shared: string[]): void {
  let p = from;
  let col = 0;
  while (p < to) {
    const cs = text.indexOf('<c', p);
    if (cs < 0 || cs >= to) return;
    const next = text.charCodeAt(cs + 2);
    if (next !== 32 && next !== 62 && next !== 47) {
      p = cs + 2;
      continue;
    }
    const tagEnd = text.indexOf('>', cs);
    const selfClosing = text.charCodeAt(tagEnd - 1) === 47;
    // The reference's letters give the column (cells may be left out); without one, the next column.
    const r = text.indexOf(' r="', cs);
    if (r >= 0 && r < tagEnd) {
      let n = 0;
      for (let i = r + 4; ; i++) {
        const c = text.charCodeAt(i);
        if (c < 65 || c > 90) break;
        n = n * 26 + (c - 64);
      }
      col = n;
    } else col++;
    if (selfClosing) {
      p = tagEnd + 1;
      continue;
    }
    const close = text.indexOf('</c>', tagEnd);
    p = close + 4;
    const t = text.indexOf(' t="', cs);
    const type = t >= 0 && t < tagEnd ? text.slice(t + 4, text.indexOf('"', t + 4)) : null;
    let value: CellScalar = null;
    if (type === 'inlineStr') value = runText(text.slice(tagEnd + 1, close));
    else {
      const vs = text.indexOf('<v>', tagEnd);
      if (vs >= 0 && vs < close) {
        const v = text.slice(vs + 3, text.indexOf('</v>', vs));
        if (type === 's') value = shared[Number(v)] ?? null;
        else if (type === 'b') value = v === '1';
        else if (type === 'str' || type === 'e' || type === 'd') value = unescapeXml(v);
        else value = Number(v);
      }
    }
    cells[col] = value;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------------------------

/** The styles of the table: index into cellXfs. */
export const XSTYLE = { plain: 0, title: 1, label: 2, note: 3, header: 4, body: 5, input: 6 } as const;

export interface XCell {
  v: string | number | null;
  s?: number;
}

export interface XSheet {
  name: string;
  widths: number[];
  /** Rows and columns kept in view (the header and the identifying columns). */
  freeze: { rows: number; columns: number };
  /** The header row, for the filter buttons. */
  filterRow: number;
  /** A drop-down list on a column, from a row to the last row written. */
  lists: Array<{ column: number; fromRow: number; values: string[]; error: string }>;
  /** Row heights by row number. */
  heights?: Record<number, number>;
  rows: Iterable<XCell[]> | AsyncIterable<XCell[]>;
}

const escapeXml = (s: string) => s.replace(/[<>&"]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : '&quot;')).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

function columnName(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<fonts count="4"><font><sz val="12"/><name val="Times New Roman"/></font><font><b/><sz val="14"/><name val="Times New Roman"/></font><font><b/><sz val="12"/><name val="Times New Roman"/></font><font><i/><sz val="12"/><name val="Times New Roman"/></font></fonts>
<fills count="4"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFFF2CC"/><bgColor indexed="64"/></patternFill></fill></fills>
<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="7"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="0" fontId="3" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="0" fontId="2" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf><xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1"/><xf numFmtId="0" fontId="0" fillId="3" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyProtection="1"><protection locked="0"/></xf></cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;

/** Writes a one-sheet workbook; rows are turned into XML as they come, so a generator of 500,000 rows is fine. */
export async function writeXlsx(sheet: XSheet): Promise<Buffer> {
  const names: string[] = [];
  const colName = (c: number) => (names[c] ??= columnName(c));
  const strings = new Map<string, number>();
  const sharedIndex = (s: string): number => {
    let i = strings.get(s);
    if (i === undefined) strings.set(s, (i = strings.size));
    return i;
  };
  const parts: Buffer[] = [];
  const lastCol = columnName(sheet.widths.length);
  const pane = `<pane xSplit="${sheet.freeze.columns}" ySplit="${sheet.freeze.rows}" topLeftCell="${columnName(sheet.freeze.columns + 1)}${sheet.freeze.rows + 1}" activePane="bottomRight" state="frozen"/>`;
  parts.push(
    Buffer.from(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
        `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15.75"/>` +
        `<cols>${sheet.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols><sheetData>`,
    ),
  );
  let text = '';
  let r = 0;
  for await (const cells of sheet.rows) {
    r++;
    const height = sheet.heights?.[r];
    text += height ? `<row r="${r}" ht="${height}" customHeight="1">` : `<row r="${r}">`;
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (!cell) continue;
      const ref = `${colName(c + 1)}${r}`;
      const s = cell.s ? ` s="${cell.s}"` : '';
      if (cell.v === null || cell.v === '') text += `<c r="${ref}"${s}/>`;
      else if (typeof cell.v === 'number') text += `<c r="${ref}"${s}><v>${cell.v}</v></c>`;
      else text += `<c r="${ref}"${s} t="s"><v>${sharedIndex(cell.v)}</v></c>`;
    }
    text += '</row>';
    if (text.length > 1_000_000) {
      parts.push(Buffer.from(text));
      text = '';
    }
  }
  const lists = sheet.lists.length
    ? `<dataValidations count="${sheet.lists.length}">${sheet.lists
        .map((l) => `<dataValidation type="list" allowBlank="1" showErrorMessage="1" errorTitle="Giá trị không hợp lệ" error="${escapeXml(l.error)}" sqref="${columnName(l.column)}${l.fromRow}:${columnName(l.column)}${Math.max(l.fromRow, r)}"><formula1>"${escapeXml(l.values.join(','))}"</formula1></dataValidation>`)
        .join('')}</dataValidations>`
    : '';
  parts.push(
    Buffer.from(
      `${text}</sheetData><autoFilter ref="A${sheet.filterRow}:${lastCol}${Math.max(sheet.filterRow, r)}"/>${lists}` +
        `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/><headerFooter><oddFooter>&amp;CTrang &amp;P/&amp;N</oddFooter></headerFooter></worksheet>`,
    ),
  );
  const sst: string[] = [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.size}" uniqueCount="${strings.size}">`];
  for (const s of strings.keys()) sst.push(`<si><t xml:space="preserve">${escapeXml(s)}</t></si>`);
  sst.push('</sst>');

  const files: Array<[string, Buffer]> = [];
  const add = (name: string, content: string | Buffer) => files.push([name, typeof content === 'string' ? Buffer.from(content) : content]);
  add(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
  );
  add('_rels/.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  add(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView/></bookViews><sheets><sheet name="${escapeXml(sheet.name)}" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'${escapeXml(sheet.name.replace(/'/g, "''"))}'!$A$${sheet.filterRow}:$${lastCol}$${Math.max(sheet.filterRow, r)}</definedName><definedName name="_xlnm.Print_Titles" localSheetId="0">'${escapeXml(sheet.name.replace(/'/g, "''"))}'!$${sheet.filterRow}:$${sheet.filterRow}</definedName></definedNames></workbook>`,
  );
  add(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  add('xl/styles.xml', STYLES);
  add('xl/sharedStrings.xml', sst.join(''));
  add('xl/worksheets/sheet1.xml', Buffer.concat(parts));
  return await zipFiles(files);
}
