import { inflateSync } from 'node:zlib';
import { unzipSync } from 'fflate';

/** What an uploaded file is, as read from its content: the administrative document's type by its title, and its pages. */
export interface FileInspection {
  /** The document's type as its title reads, in Vietnamese ("Tờ trình", "Biên bản", …); null when none could be read (a scan, a letter without a title). */
  documentType: string | null;
  /** Pages: a PDF's, a Word document's as its last save counted them, 1 for an image; null when unknown. */
  pages: number | null;
}

/**
 * The titles of Vietnamese administrative documents (NĐ 30/2020/NĐ-CP, Phụ lục III) and the name each type is shown
 * by. Longer titles first: «BÁO CÁO THÀNH TÍCH» before «BÁO CÁO», «GIẤY XÁC NHẬN» before «XÁC NHẬN».
 */
export const DOCUMENT_TITLES: ReadonlyArray<[title: string, name: string]> = [
  ['BÁO CÁO THÀNH TÍCH', 'Báo cáo thành tích'],
  ['TỜ TRÌNH', 'Tờ trình'],
  ['BIÊN BẢN', 'Biên bản'],
  ['QUYẾT ĐỊNH', 'Quyết định'],
  ['GIẤY XÁC NHẬN', 'Giấy xác nhận'],
  ['GIẤY CHỨNG NHẬN', 'Giấy chứng nhận'],
  ['XÁC NHẬN', 'Văn bản xác nhận'],
  ['CÔNG VĂN', 'Công văn'],
  ['THÔNG BÁO', 'Thông báo'],
  ['KẾ HOẠCH', 'Kế hoạch'],
  ['BÁO CÁO', 'Báo cáo'],
];

const normalize = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

/**
 * The document's type from its paragraphs in order: the first upper-case paragraph that starts with a known title
 * (the national motto and the issuer above it are upper-case too, but are no title). A «BÁO CÁO» whose next
 * paragraph begins «THÀNH TÍCH» is a Báo cáo thành tích.
 */
export function documentTypeFromLines(lines: readonly string[]): string | null {
  const paragraphs = lines.map(normalize).filter((l) => l.length > 0);
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i] as string;
    if (p.length > 200 || p !== p.toLocaleUpperCase('vi') || !/\p{L}/u.test(p)) continue;
    for (const [title, name] of DOCUMENT_TITLES) {
      if (p !== title && !p.startsWith(`${title} `)) continue;
      if (name === 'Báo cáo' && /^thành tích\b/iu.test(paragraphs[i + 1] ?? '')) return 'Báo cáo thành tích';
      return name;
    }
  }
  return null;
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decodeXml = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : (XML_ENTITIES[e.toLowerCase()] ?? ''),
  );

/** The text of each paragraph of a WordprocessingML body, in order (tables' cells included). */
export function docxParagraphs(documentXml: string): string[] {
  const out: string[] = [];
  for (const m of documentXml.matchAll(/<w:p[\s>][\s\S]*?<\/w:p>|<w:p\/>/g)) {
    let text = '';
    for (const t of m[0].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>/g)) text += t[1] !== undefined ? decodeXml(t[1]) : ' ';
    out.push(text);
  }
  return out;
}

/** A .docx: its title from word/document.xml, its pages from docProps/app.xml when the last save recorded them. */
export function inspectDocx(bytes: Uint8Array): FileInspection {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' || f.name === 'docProps/app.xml' });
  } catch {
    return { documentType: null, pages: null };
  }
  const text = (name: string) => (files[name] ? Buffer.from(files[name]).toString('utf8') : '');
  const documentType = documentTypeFromLines(docxParagraphs(text('word/document.xml')));
  const pages = /<Pages>\s*(\d+)\s*<\/Pages>/.exec(text('docProps/app.xml'));
  const n = pages ? Number(pages[1]) : 0;
  return { documentType, pages: n > 0 ? n : null };
}

/** One object of a PDF: its dictionary (as text) and, for a stream, its raw bytes; `at` orders redefinitions. */
interface PdfObject {
  dict: string;
  stream: Buffer | null;
  at: number;
}

/** A PDF's objects by number, the last definition winning (incremental updates), objects in object streams included. */
export class PdfObjects {
  readonly objects = new Map<number, PdfObject>();
  private readonly text: string;

  constructor(readonly bytes: Buffer) {
    const s = bytes.toString('latin1');
    this.text = s;
    const re = /(\d+)\s+(\d+)\s+obj\b/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(s))) {
      const num = Number(m[1]);
      const start = m.index + m[0].length;
      const end = s.indexOf('endobj', start);
      if (end < 0) break;
      let body = s.slice(start, end);
      let stream: Buffer | null = null;
      const sm = /\bstream(\r\n|\n|\r)/.exec(body);
      if (sm) {
        const dict = body.slice(0, sm.index);
        const dataStart = start + sm.index + sm[0].length;
        const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
        let dataEnd = length ? dataStart + Number(length[1]) : -1;
        if (dataEnd < 0 || dataEnd > s.length || !/^\s*endstream/.test(s.slice(dataEnd, dataEnd + 20))) dataEnd = s.indexOf('endstream', dataStart);
        if (dataEnd < 0) break;
        stream = bytes.subarray(dataStart, dataEnd);
        const after = s.indexOf('endobj', dataEnd);
        body = dict;
        re.lastIndex = after < 0 ? s.length : after + 6;
      } else {
        re.lastIndex = end + 6;
      }
      this.set(num, { dict: body, stream, at: m.index });
    }
    // Objects kept compressed in object streams (PDF 1.5 and later).
    for (const [, o] of [...this.objects]) {
      if (!o.stream || !/\/Type\s*\/ObjStm\b/.test(o.dict)) continue;
      const data = this.decode(o);
      if (!data) continue;
      const n = Number(/\/N\s+(\d+)/.exec(o.dict)?.[1] ?? 0);
      const first = Number(/\/First\s+(\d+)/.exec(o.dict)?.[1] ?? 0);
      const text = data.toString('latin1');
      const header = text.slice(0, first).trim().split(/\s+/).map(Number);
      for (let i = 0; i < n && 2 * i + 1 < header.length; i++) {
        const num = header[2 * i] as number;
        const from = first + (header[2 * i + 1] as number);
        const to = i + 1 < n && 2 * i + 3 < header.length ? first + (header[2 * i + 3] as number) : text.length;
        this.set(num, { dict: text.slice(from, to), stream: null, at: o.at + i / (n + 1) });
      }
    }
  }

  private set(num: number, o: PdfObject): void {
    const before = this.objects.get(num);
    if (!before || before.at <= o.at) this.objects.set(num, o);
  }

  /** A stream's bytes, decoded when it is Flate-compressed (or not compressed); null otherwise. */
  decode(o: PdfObject): Buffer | null {
    if (!o.stream) return null;
    const filter = /\/Filter\s*\[?\s*\/(\w+)/.exec(o.dict)?.[1];
    if (!filter) return o.stream;
    if (filter !== 'FlateDecode' || /\/Filter\s*\[\s*\/\w+\s*\/\w+/.test(o.dict)) return null;
    try {
      return inflateSync(o.stream);
    } catch {
      try {
        return inflateSync(o.stream, { finishFlush: 2 /* Z_SYNC_FLUSH: a stream cut short still gives what it has */ });
      } catch {
        return null;
      }
    }
  }

  get(num: number | null | undefined): PdfObject | undefined {
    return num === null || num === undefined ? undefined : this.objects.get(num);
  }

  /** The object a `/Key n g R` of a dictionary refers to. */
  ref(dict: string, key: string): number | null {
    const m = new RegExp(`/${key}\\s+(\\d+)\\s+\\d+\\s+R`).exec(dict);
    return m ? Number(m[1]) : null;
  }

  /** The document catalog's page tree root, from the last trailer or cross-reference stream naming /Root. */
  pagesRoot(): PdfObject | undefined {
    const roots = [...this.text.matchAll(/\/Root\s+(\d+)\s+\d+\s+R/g)];
    for (let i = roots.length - 1; i >= 0; i--) {
      const catalog = this.get(Number(roots[i]?.[1]));
      const pages = catalog ? this.get(this.ref(catalog.dict, 'Pages')) : undefined;
      if (pages) return pages;
    }
    const catalog = [...this.objects.values()].find((o) => /\/Type\s*\/Catalog\b/.test(o.dict));
    return catalog ? this.get(this.ref(catalog.dict, 'Pages')) : undefined;
  }

  /** The number of pages: the page tree's /Count, else the page objects counted. */
  pageCount(): number | null {
    const root = this.pagesRoot();
    if (root) {
      const direct = /\/Count\s+(\d+)(?!\s+\d+\s+R)/.exec(root.dict);
      const indirect = this.ref(root.dict, 'Count');
      const count = direct ? Number(direct[1]) : indirect !== null ? Number(/^\s*(\d+)/.exec(this.get(indirect)?.dict ?? '')?.[1] ?? NaN) : NaN;
      if (Number.isInteger(count) && count > 0) return count;
    }
    let pages = 0;
    for (const o of this.objects.values()) if (/\/Type\s*\/Page(?![A-Za-z])/.test(o.dict)) pages++;
    return pages > 0 ? pages : null;
  }

  /** The leaf page objects in reading order (through /Kids), up to `max`. */
  pages(max = 1): PdfObject[] {
    const out: PdfObject[] = [];
    const seen = new Set<number>();
    const walk = (o: PdfObject | undefined) => {
      if (!o || out.length >= max) return;
      if (/\/Type\s*\/Page(?![A-Za-z])/.test(o.dict)) {
        out.push(o);
        return;
      }
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(o.dict)?.[1] ?? '';
      for (const k of kids.matchAll(/(\d+)\s+\d+\s+R/g)) {
        const num = Number(k[1]);
        if (seen.has(num)) continue;
        seen.add(num);
        walk(this.get(num));
      }
    };
    walk(this.pagesRoot());
    return out;
  }
}

/** A PDF string literal's bytes: escapes and octal codes resolved. */
function pdfLiteral(s: string): Buffer {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 0x5c) {
      out.push(c & 0xff);
      continue;
    }
    const n = s[++i] ?? '';
    const simple: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };
    if (n in simple) out.push(simple[n] as number);
    else if (/[0-7]/.test(n)) {
      let oct = n;
      while (oct.length < 3 && /[0-7]/.test(s[i + 1] ?? '')) oct += s[++i];
      out.push(parseInt(oct, 8) & 0xff);
    } else if (n === '\r' && s[i + 1] === '\n') i++;
  }
  return Buffer.from(out);
}

/** A font's ToUnicode map: code (as hex) → text, and how many bytes a code takes. */
interface UnicodeMap {
  bytes: number;
  map: Map<number, string>;
}

function parseToUnicode(cmap: string): UnicodeMap {
  const map = new Map<number, string>();
  const utf16 = (hex: string) => {
    const b = Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex');
    let s = '';
    for (let i = 0; i + 1 < b.length; i += 2) s += String.fromCharCode(b.readUInt16BE(i));
    return s;
  };
  const range = /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/.exec(/begincodespacerange([\s\S]*?)endcodespacerange/.exec(cmap)?.[1] ?? '');
  const bytes = range ? Math.max(1, Math.ceil((range[1] as string).length / 2)) : 2;
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of (block[1] as string).matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>/g)) map.set(parseInt(m[1] as string, 16), utf16(m[2] as string));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of (block[1] as string).matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<([0-9a-fA-F]+)>|\[([^\]]*)\])/g)) {
      const lo = parseInt(m[1] as string, 16);
      const hi = parseInt(m[2] as string, 16);
      if (hi - lo > 0xffff) continue;
      if (m[4] !== undefined) {
        const base = Buffer.from((m[4] as string).length % 2 ? `0${m[4]}` : (m[4] as string), 'hex');
        for (let c = lo; c <= hi; c++) {
          const b = Buffer.from(base);
          b.writeUInt16BE((b.readUInt16BE(b.length - 2) + (c - lo)) & 0xffff, b.length - 2);
          map.set(c, utf16(b.toString('hex')));
        }
      } else {
        const items = [...(m[5] as string).matchAll(/<([0-9a-fA-F]+)>/g)];
        items.forEach((it, k) => map.set(lo + k, utf16(it[1] as string)));
      }
    }
  }
  return { bytes, map };
}

/**
 * The lines of text of a PDF's first page, read from its content streams through each font's ToUnicode map (what
 * word processors write); simple fonts without one are read as Latin-1. Empty for a scan.
 */
export function pdfFirstPageLines(pdf: PdfObjects): string[] {
  const page = pdf.pages(1)[0];
  if (!page) return [];
  // Resources: inline, a reference, or inherited from the page tree (the common case is inline or referenced).
  const resourcesRef = pdf.ref(page.dict, 'Resources');
  const resources = resourcesRef !== null ? (pdf.get(resourcesRef)?.dict ?? '') : (/\/Resources\s*(<<[\s\S]*)/.exec(page.dict)?.[1] ?? pdf.pagesRoot()?.dict ?? '');
  const fontsRef = pdf.ref(resources, 'Font');
  const fontsDict = fontsRef !== null ? (pdf.get(fontsRef)?.dict ?? '') : (/\/Font\s*<<([\s\S]*?)>>/.exec(resources)?.[1] ?? '');
  const fonts = new Map<string, UnicodeMap | null>();
  for (const f of fontsDict.matchAll(/\/([^\s/<>[\]()]+)\s+(\d+)\s+\d+\s+R/g)) {
    const font = pdf.get(Number(f[2]));
    const tu = font ? pdf.get(pdf.ref(font.dict, 'ToUnicode')) : undefined;
    const data = tu ? pdf.decode(tu) : null;
    fonts.set(f[1] as string, data ? parseToUnicode(data.toString('latin1')) : null);
  }
  const contentRefs: number[] = [];
  const single = pdf.ref(page.dict, 'Contents');
  if (single !== null) contentRefs.push(single);
  else for (const r of (/\/Contents\s*\[([^\]]*)\]/.exec(page.dict)?.[1] ?? '').matchAll(/(\d+)\s+\d+\s+R/g)) contentRefs.push(Number(r[1]));
  let content = '';
  for (const r of contentRefs) {
    const o = pdf.get(r);
    const d = o ? pdf.decode(o) : null;
    if (d) content += `${d.toString('latin1')}\n`;
  }
  const lines: string[] = [];
  let line = '';
  let font: UnicodeMap | null = null;
  let lastY: number | null = null;
  const show = (raw: Buffer) => {
    if (!font) {
      line += raw.toString('latin1');
      return;
    }
    for (let i = 0; i + font.bytes <= raw.length; i += font.bytes) {
      const code = font.bytes === 1 ? (raw[i] as number) : raw.readUIntBE(i, font.bytes);
      line += font.map.get(code) ?? '';
    }
  };
  const breakLine = () => {
    if (line.trim()) lines.push(line);
    line = '';
  };
  // Tokens: strings (literal, hex), arrays' brackets, names, numbers and operators.
  const tokens = content.matchAll(/\((?:\\[\s\S]|[^\\()]|\((?:\\[\s\S]|[^\\()])*\))*\)|<[0-9a-fA-F\s]*>|\[|\]|\/[^\s/<>[\]()]+|[-+]?\d*\.?\d+|[A-Za-z'"*]+/g);
  const operands: string[] = [];
  for (const t of tokens) {
    const tok = t[0];
    if (/^[A-Za-z'"*]+$/.test(tok) && tok !== 'true' && tok !== 'false' && tok !== 'null') {
      if (tok === 'Tf') font = fonts.get((operands.at(-2) ?? '').slice(1)) ?? null;
      else if (tok === 'Tj' || tok === "'" || tok === '"' || tok === 'TJ') {
        if (tok !== 'Tj' && tok !== 'TJ') breakLine();
        for (const o of operands) {
          if (o.startsWith('(')) show(pdfLiteral(o.slice(1, -1)));
          else if (o.startsWith('<')) show(Buffer.from(o.slice(1, -1).replace(/\s+/g, '').padEnd(Math.ceil(o.slice(1, -1).replace(/\s+/g, '').length / 2) * 2, '0'), 'hex'));
          else if (tok === 'TJ' && /^-?\d/.test(o) && Number(o) < -200) line += ' ';
        }
      } else if (tok === 'Td' || tok === 'TD' || tok === 'Tm') {
        const y = Number(operands.at(-1));
        const moved = tok === 'Tm' ? lastY === null || Math.abs(y - lastY) > 1 : Math.abs(y) > 1;
        if (moved) breakLine();
        if (tok === 'Tm') lastY = y;
      } else if (tok === 'T*' || tok === 'ET') breakLine();
      operands.length = 0;
      continue;
    }
    operands.push(tok);
  }
  breakLine();
  return lines;
}

/** A PDF: its pages, and its title when it has a text layer. */
export function inspectPdf(bytes: Buffer): FileInspection {
  try {
    const pdf = new PdfObjects(bytes);
    let documentType: string | null = null;
    try {
      documentType = documentTypeFromLines(pdfFirstPageLines(pdf));
    } catch {
      documentType = null;
    }
    return { documentType, pages: pdf.pageCount() };
  } catch {
    return { documentType: null, pages: null };
  }
}

/** What a file of an accepted type is (see ACCEPTED_FILE_KINDS): Word and PDF read, an image one page, others unknown. */
export function inspectFile(mimeType: string, bytes: Buffer): FileInspection {
  if (mimeType === 'application/pdf') return inspectPdf(bytes);
  if (mimeType === 'application/vnd.openxmlformats-officedocument.wordprocessingml.document') return inspectDocx(bytes);
  if (mimeType.startsWith('image/')) return { documentType: null, pages: 1 };
  return { documentType: null, pages: null };
}
