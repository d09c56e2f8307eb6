import { unzipSync, type UnzipFileInfo } from 'fflate';
import type { ScoreValue } from '../assessment/assessment-sheet.types';
import { parseYes, shown, workbookToAssessment } from '../assessment/assessment.excel';
import { cellText, formatPoints, formatRuleScale, looseKey, readNumber, ruleTypeLabel, singleLine, type CellScalar } from '../framework/framework.excel';
import type { RuleConfig, RuleType } from '../framework/framework.types';
import type { ScoreImportKind } from './score-import.entity';
import { readXlsxRows, writeXlsx, XSTYLE, yieldToEventLoop, type XCell } from './xlsx-lite';

/*
 * The lead agency's bulk workbook (R24): ONE sheet, one row per unit × indicator, the units one after another. A
 * civil servant filters it by unit or by indicator (AutoFilter), pastes columns from the units' reports, and sends one
 * file; one sheet per unit would mean thousands of tabs. The template comes prefilled with every unit expected and
 * every indicator that applies to it; only the yellow cells are typed. A .zip of the units' own self-assessment sheets
 * (the per-unit "Tự đánh giá" format) is read too.
 *
 * Self-assessment columns: Mã phiếu | Đơn vị | Mã chỉ số | Chỉ số | Điểm tối đa | Cách tính điểm | Có/Không | Số lượng |
 *   Tử số (a) | Mẫu số (b) | Điểm (chấm tay) | Ghi chú
 * Verified-score columns:  Mã phiếu | Đơn vị | Mã chỉ số | Chỉ số | Điểm tối đa | Điểm tự chấm | Điểm thẩm định | Lý do điều chỉnh
 * "Mã phiếu" finds the unit's assessment; when it is empty the unit's name ("Đơn vị") is used. A row with nothing in its
 * input cells is skipped (the indicator keeps what it had).
 */

export const BULK_SHEET_NAMES: Record<ScoreImportKind, string> = { SELF_ASSESSMENT: 'Điểm tự đánh giá', VERIFIED: 'Điểm thẩm định' };
const TITLES: Record<ScoreImportKind, string> = {
  SELF_ASSESSMENT: 'BẢNG NHẬP ĐIỂM TỰ ĐÁNH GIÁ CỦA CÁC ĐƠN VỊ',
  VERIFIED: 'BẢNG NHẬP ĐIỂM THẨM ĐỊNH CỦA CÁC ĐƠN VỊ',
};
const INSTRUCTIONS: Record<ScoreImportKind, string> = {
  SELF_ASSESSMENT:
    'Hướng dẫn: mỗi dòng là một chỉ số của một đơn vị. Nhập số liệu vào các ô nền vàng theo cách tính điểm của chỉ số; dòng để trống được bỏ qua. ' +
    'Không sửa các cột "Mã phiếu", "Đơn vị", "Mã chỉ số". Đơn vị có dòng sai sẽ không được nhập (các đơn vị khác vẫn được nhập).',
  VERIFIED:
    'Hướng dẫn: mỗi dòng là một chỉ số của một đơn vị. Nhập "Điểm thẩm định"; điểm khác điểm tự chấm phải ghi "Lý do điều chỉnh"; dòng để trống được bỏ qua. ' +
    'Không sửa các cột "Mã phiếu", "Đơn vị", "Mã chỉ số". Đơn vị có dòng sai sẽ không được nhập (các đơn vị khác vẫn được nhập).',
};

export const COLUMN_HEADERS = {
  assessmentId: 'Mã phiếu',
  unitName: 'Đơn vị',
  code: 'Mã chỉ số',
  name: 'Chỉ số',
  maxPoints: 'Điểm tối đa',
  rule: 'Cách tính điểm',
  yes: 'Có/Không',
  count: 'Số lượng',
  numerator: 'Tử số (a)',
  denominator: 'Mẫu số (b)',
  points: 'Điểm (chấm tay)',
  note: 'Ghi chú',
  selfPoints: 'Điểm tự chấm',
  verifiedPoints: 'Điểm thẩm định',
  reason: 'Lý do điều chỉnh',
} as const;
type ColumnKey = keyof typeof COLUMN_HEADERS;

const LAYOUT: Record<ScoreImportKind, ReadonlyArray<{ key: ColumnKey; width: number; input?: boolean }>> = {
  SELF_ASSESSMENT: [
    { key: 'assessmentId', width: 12 },
    { key: 'unitName', width: 32 },
    { key: 'code', width: 10 },
    { key: 'name', width: 50 },
    { key: 'maxPoints', width: 10 },
    { key: 'rule', width: 24 },
    { key: 'yes', width: 11, input: true },
    { key: 'count', width: 11, input: true },
    { key: 'numerator', width: 11, input: true },
    { key: 'denominator', width: 11, input: true },
    { key: 'points', width: 11, input: true },
    { key: 'note', width: 30, input: true },
  ],
  VERIFIED: [
    { key: 'assessmentId', width: 12 },
    { key: 'unitName', width: 32 },
    { key: 'code', width: 10 },
    { key: 'name', width: 50 },
    { key: 'maxPoints', width: 10 },
    { key: 'selfPoints', width: 11 },
    { key: 'verifiedPoints', width: 12, input: true },
    { key: 'reason', width: 40, input: true },
  ],
};

const INPUTS_BY_RULE: Record<RuleType, ReadonlyArray<'yes' | 'count' | 'numerator' | 'denominator' | 'points'>> = {
  YES_NO: ['yes'],
  COUNT_BANDS: ['count'],
  RATIO: ['numerator', 'denominator'],
  MANUAL: ['points'],
};

/** One unit's indicator in the template, with what is already recorded. */
export interface TemplateRow {
  assessmentId: string;
  unitName: string;
  code: string;
  name: string;
  maxPoints: number;
  ruleType: RuleType;
  ruleConfig: RuleConfig;
  value: ScoreValue | null;
  note: string | null;
  selfPoints: number | null;
  verifiedPoints: number | null;
  reason: string | null;
}

const HEADER_ROW = 5;

/** The template (or a filled workbook for a script): every unit × indicator; 500,000 rows are written in seconds. */
export async function bulkTemplate(kind: ScoreImportKind, year: number, rows: Iterable<TemplateRow> | AsyncIterable<TemplateRow>): Promise<Buffer> {
  const layout = LAYOUT[kind];
  const yesColumn = layout.findIndex((c) => c.key === 'yes');
  async function* table(): AsyncGenerator<XCell[]> {
    yield [{ v: TITLES[kind], s: XSTYLE.title }];
    yield [
      { v: 'Năm', s: XSTYLE.label },
      { v: year, s: XSTYLE.plain },
    ];
    yield [{ v: INSTRUCTIONS[kind], s: XSTYLE.note }];
    yield [];
    yield layout.map((c) => ({ v: COLUMN_HEADERS[c.key], s: XSTYLE.header }));
    for await (const t of rows) {
      const inputs: readonly string[] = kind === 'VERIFIED' ? ['verifiedPoints', 'reason'] : [...INPUTS_BY_RULE[t.ruleType], 'note'];
      yield layout.map((c) => ({ v: templateValue(t, c.key), s: inputs.includes(c.key) ? XSTYLE.input : XSTYLE.body }));
    }
  }
  return writeXlsx({
    name: BULK_SHEET_NAMES[kind],
    widths: layout.map((c) => c.width),
    freeze: { rows: HEADER_ROW, columns: 3 },
    filterRow: HEADER_ROW,
    heights: { 1: 24, [HEADER_ROW]: 32 },
    lists: yesColumn >= 0 ? [{ column: yesColumn + 1, fromRow: HEADER_ROW + 1, values: ['Có', 'Không'], error: 'Chọn "Có" hoặc "Không".' }] : [],
    rows: table(),
  });
}

function templateValue(t: TemplateRow, key: ColumnKey): string | number | null {
  switch (key) {
    case 'assessmentId':
      return t.assessmentId;
    case 'unitName':
      return t.unitName;
    case 'code':
      return t.code;
    case 'name':
      return t.name;
    case 'maxPoints':
      return t.maxPoints;
    case 'rule': {
      const scale = formatRuleScale(t.ruleType, t.ruleConfig);
      return scale ? `${ruleTypeLabel(t.ruleType)}: ${scale}` : ruleTypeLabel(t.ruleType);
    }
    case 'yes':
      return t.ruleType === 'YES_NO' && t.value ? (t.value.yes === true ? 'Có' : t.value.yes === false ? 'Không' : null) : null;
    case 'count':
    case 'numerator':
    case 'denominator':
    case 'points':
      return INPUTS_BY_RULE[t.ruleType].includes(key) ? (t.value?.[key] ?? null) : null;
    case 'note':
      return t.note;
    case 'selfPoints':
      return t.selfPoints;
    case 'verifiedPoints':
      return t.verifiedPoints;
    case 'reason':
      return t.reason;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------------------------

/** Which unit a row is about: the assessment id of the sheet or row, else the unit's name as typed. */
export interface UnitKey {
  assessmentId: string | null;
  unitName: string | null;
}

/** One filled-in row: a self-assessed value, or the lead agency's points. */
export interface BulkRow extends UnitKey {
  sheet: string;
  row: number;
  code: string;
  value: ScoreValue;
  note: string | null;
  verifiedPoints: number | null;
  reason: string | null;
}

/** A problem found while reading; with a unit key it rejects that unit, without one it is the file's. */
export interface BulkIssue extends UnitKey {
  sheet: string | null;
  row: number | null;
  column: string | null;
  code: string;
  message: string;
}

export interface ParsedBulk {
  rows: BulkRow[];
  issues: BulkIssue[];
  /** Versions written in per-unit sheets (the .zip format): an assessment changed since its export is refused. */
  versions: Map<string, number>;
}

/** A .zip of units' sheets: at most this many sheets (a province has some thousands of units)… */
export const ZIP_MAX_SHEETS = 20_000;
/** …each at most this big (a unit's own sheet is some kilobytes)… */
const ZIP_MAX_SHEET_BYTES = 10 * 1024 * 1024;
/** …and all of them together at most this big once taken out of the archive (a zip bomb is refused unread). */
const ZIP_MAX_TOTAL_BYTES = 1024 * 1024 * 1024;

const mb = (bytes: number) => `${Math.ceil(bytes / 1024 / 1024)} MB`;

/**
 * Reads the bulk workbook, or a .zip of per-unit self-assessment sheets; never throws for a bad file. `onProgress`
 * gets the share of the file read (0–1) now and then, the event loop having run in between.
 */
export async function readBulk(kind: ScoreImportKind, bytes: Buffer, onRows?: (count: number) => void, onProgress?: (fraction: number) => Promise<void> | void): Promise<ParsedBulk> {
  const result: ParsedBulk = { rows: [], issues: [], versions: new Map() };
  const fileIssue = (code: string, message: string) => result.issues.push({ sheet: null, row: null, column: null, code, message, assessmentId: null, unitName: null });
  const data = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  // The archive's directory only (nothing is inflated): a workbook, or a zip of workbooks.
  const listed: UnzipFileInfo[] = [];
  try {
    unzipSync(data, {
      filter: (f) => {
        listed.push(f);
        return false;
      },
    });
  } catch {
    fileIssue('FILE_UNREADABLE', 'Tệp không phải là tệp Excel (.xlsx) hoặc tệp nén (.zip) hợp lệ, hoặc đã bị hỏng.');
    return result;
  }
  if (listed.some((f) => f.name === 'xl/workbook.xml')) {
    await readWorkbook(kind, bytes, result, onRows, onProgress);
    return result;
  }
  if (kind !== 'SELF_ASSESSMENT') {
    fileIssue('ZIP_NOT_FOR_VERIFIED', 'Tệp nén (.zip) chỉ dùng cho phiếu tự đánh giá của các đơn vị; điểm thẩm định nhập bằng bảng nhập điểm hàng loạt (.xlsx).');
    return result;
  }
  const entries = listed.filter((f) => /\.xlsx$/i.test(f.name) && !f.name.endsWith('/') && !/(^|\/)(__MACOSX|\.)/.test(f.name));
  if (!entries.length) {
    fileIssue('ZIP_EMPTY', 'Tệp nén không chứa phiếu tự đánh giá (.xlsx) nào.');
    return result;
  }
  if (entries.length > ZIP_MAX_SHEETS) {
    fileIssue('ZIP_TOO_MANY_SHEETS', `Tệp nén có ${entries.length.toLocaleString('vi-VN')} phiếu, vượt mức ${ZIP_MAX_SHEETS.toLocaleString('vi-VN')} phiếu một lần nhập; hãy chia thành nhiều tệp nén.`);
    return result;
  }
  const nameOf = (path: string) => path.split('/').pop() ?? path;
  const oversized = entries.filter((f) => f.originalSize > ZIP_MAX_SHEET_BYTES);
  for (const f of oversized) {
    result.issues.push({ sheet: nameOf(f.name), row: null, column: null, code: 'SHEET_TOO_LARGE', message: `Tệp "${nameOf(f.name)}" trong tệp nén lớn ${mb(f.originalSize)}, vượt mức ${mb(ZIP_MAX_SHEET_BYTES)} của một phiếu tự đánh giá; tệp này không được đọc.`, assessmentId: null, unitName: null });
  }
  const wanted = entries.filter((f) => f.originalSize <= ZIP_MAX_SHEET_BYTES);
  const total = wanted.reduce((n, f) => n + f.originalSize, 0);
  if (total > ZIP_MAX_TOTAL_BYTES) {
    fileIssue('ZIP_TOO_LARGE', `Các phiếu trong tệp nén lớn ${mb(total)} khi giải nén, vượt mức ${mb(ZIP_MAX_TOTAL_BYTES)}; hãy chia thành nhiều tệp nén.`);
    return result;
  }
  const names = new Set(wanted.map((f) => f.name));
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(data, { filter: (f) => names.has(f.name) });
  } catch {
    fileIssue('FILE_UNREADABLE', 'Không giải nén được tệp nén (.zip): tệp bị hỏng hoặc dùng cách nén không được hỗ trợ.');
    return result;
  }
  for (const [i, f] of wanted.entries()) {
    if (i && i % 100 === 0) {
      await yieldToEventLoop();
      await onProgress?.(i / wanted.length);
    }
    const content = files[f.name];
    if (!content) continue;
    const sheet = nameOf(f.name);
    const parsed = await workbookToAssessment(Buffer.from(content.buffer, content.byteOffset, content.length));
    const unit: UnitKey = { assessmentId: parsed.assessmentId, unitName: null };
    for (const e of parsed.errors) {
      result.issues.push({ ...unit, sheet, row: e.row, column: null, code: e.row === null ? 'SHEET_INVALID' : 'ROW_INVALID', message: e.message });
    }
    if (!parsed.assessmentId) continue;
    if (parsed.version !== null) result.versions.set(parsed.assessmentId, parsed.version);
    for (const r of parsed.rows) result.rows.push({ ...unit, sheet, row: r.rowNumber, code: r.code, value: r.value, note: r.note, verifiedPoints: null, reason: null });
    onRows?.(result.rows.length);
  }
  return result;
}

const REQUIRED: Record<ScoreImportKind, ColumnKey[]> = { SELF_ASSESSMENT: ['code'], VERIFIED: ['code', 'verifiedPoints'] };

async function readWorkbook(kind: ScoreImportKind, bytes: Buffer, result: ParsedBulk, onRows?: (count: number) => void, onProgress?: (fraction: number) => Promise<void> | void): Promise<void> {
  const fileIssue = (code: string, message: string) => result.issues.push({ sheet: null, row: null, column: null, code, message, assessmentId: null, unitName: null });
  const headers = new Map<string, ColumnKey>(Object.entries(COLUMN_HEADERS).map(([k, h]) => [looseKey(h), k as ColumnKey]));
  let tables = 0;
  let current: string | null = null;
  let columns: Map<ColumnKey, number> | null = null;
  let seen = new Map<string, number>();
  try {
    await readXlsxRows(bytes, (sheet, number, cells) => {
      if (sheet !== current) {
        current = sheet;
        columns = null;
        seen = new Map();
      }
      if (!columns) {
        if (number > 30) return false;
        const found = new Map<ColumnKey, number>();
        cells.forEach((v, c) => {
          const key = headers.get(looseKey(cellText(v ?? null)));
          if (key && !found.has(key)) found.set(key, c);
        });
        if (found.has('code') && (found.has('assessmentId') || found.has('unitName'))) {
          tables++;
          const missing = REQUIRED[kind].filter((k) => !found.has(k));
          const noInput = kind === 'SELF_ASSESSMENT' && !(['yes', 'count', 'numerator', 'denominator', 'points'] as const).some((k) => found.has(k));
          if (missing.length || noInput) {
            const wanted = kind === 'VERIFIED' ? `"${COLUMN_HEADERS.verifiedPoints}"` : 'các cột nhập số liệu (Có/Không, Số lượng, Tử số (a), Mẫu số (b), Điểm (chấm tay))';
            result.issues.push({ sheet, row: number, column: null, code: 'COLUMNS_MISSING', message: `Trang "${sheet}", dòng ${number}: bảng thiếu ${wanted}. Hãy dùng bảng mẫu tải từ hệ thống.`, assessmentId: null, unitName: null });
            return false;
          }
          columns = found;
        }
        return true;
      }
      const parsed = readBulkRow(kind, sheet, number, cells, columns, seen, result.issues);
      if (parsed) {
        result.rows.push(parsed);
        if (result.rows.length % 10_000 === 0) onRows?.(result.rows.length);
      }
      return true;
    }, onProgress);
  } catch (err) {
    void err; // the library's own (English) reason is not shown to users
    fileIssue('FILE_UNREADABLE', 'Không đọc được tệp Excel: tệp bị hỏng hoặc không phải định dạng .xlsx.');
    return;
  }
  if (!tables) fileIssue('TABLE_NOT_FOUND', `Không tìm thấy bảng nhập điểm trong tệp (dòng tiêu đề có các cột "${COLUMN_HEADERS.assessmentId}", "${COLUMN_HEADERS.unitName}" và "${COLUMN_HEADERS.code}"). Hãy dùng bảng mẫu tải từ hệ thống.`);
}

const SELF_INPUTS: ColumnKey[] = ['yes', 'count', 'numerator', 'denominator', 'points', 'note'];
const VERIFIED_INPUTS: ColumnKey[] = ['verifiedPoints', 'reason'];

// The same unit name and indicator code come back on thousands of rows: their text is worked out once.
const texts = new Map<string, string>();
const lines = new Map<string, string>();
const codes = new Map<string, string>();
const memo = (cache: Map<string, string>, value: CellScalar, f: (v: CellScalar) => string): string => {
  if (typeof value !== 'string') return value === null ? '' : f(value);
  let t = cache.get(value);
  if (t === undefined) {
    if (cache.size > 200_000) cache.clear();
    cache.set(value, (t = f(value)));
  }
  return t;
};
const textOf = (v: CellScalar) => (typeof v === 'number' ? String(v) : memo(texts, v, cellText));
const yesWords = new Map<string, boolean | null>();
const yesOf = (v: CellScalar): boolean | null => {
  if (typeof v !== 'string') return parseYes(v);
  let y = yesWords.get(v);
  if (y === undefined) {
    if (yesWords.size > 10_000) yesWords.clear();
    yesWords.set(v, (y = parseYes(v)));
  }
  return y;
};
const lineOf = (v: CellScalar) => memo(lines, v, singleLine);
// Excel turns a typed "1.2" into the number 1.2; its text is the code again.
const codeOf = (v: CellScalar) => memo(codes, v, (x) => cellText(x).replace(/\s+/g, '').replace(/\.+$/, ''));

function readBulkRow(kind: ScoreImportKind, sheet: string, r: number, cells: CellScalar[], columns: Map<ColumnKey, number>, seen: Map<string, number>, issues: BulkIssue[]): BulkRow | null {
  const get = (key: ColumnKey): CellScalar => {
    const c = columns.get(key);
    return c === undefined ? null : (cells[c] ?? null);
  };
  const filled = (key: ColumnKey) => textOf(get(key)) !== '';
  if (!(kind === 'VERIFIED' ? VERIFIED_INPUTS : SELF_INPUTS).some(filled)) return null;
  const unit: UnitKey = { assessmentId: lineOf(get('assessmentId')) || null, unitName: lineOf(get('unitName')) || null };
  const code = codeOf(get('code'));
  const before = issues.length;
  const fail = (column: ColumnKey | null, errorCode: string, message: string) =>
    issues.push({ ...unit, sheet, row: r, column: column ? COLUMN_HEADERS[column] : null, code: errorCode, message: `Trang "${sheet}", dòng ${r}${column ? `, cột "${COLUMN_HEADERS[column]}"` : ''}${code ? ` (chỉ số ${code})` : ''}: ${message}` });
  if (!unit.assessmentId && !unit.unitName) {
    fail('unitName', 'UNIT_MISSING', 'có số liệu nhưng không có "Mã phiếu" hay tên đơn vị.');
    return null;
  }
  if (!code) {
    fail('code', 'CODE_MISSING', 'có số liệu nhưng không có mã chỉ số.');
    return null;
  }
  const key = `${unit.assessmentId ?? ''}|${unit.unitName ?? ''}|${code}`;
  const first = seen.get(key);
  if (first !== undefined) {
    fail('code', 'DUPLICATE_ROW', `chỉ số này của đơn vị đã có ở dòng ${first}; mỗi chỉ số của một đơn vị chỉ nhập một dòng.`);
    return null;
  }
  seen.set(key, r);

  const value: ScoreValue = {};
  let verifiedPoints: number | null = null;
  const number = (k: 'count' | 'numerator' | 'denominator' | 'points' | 'verifiedPoints', integer: boolean): number | null => {
    const raw = get(k);
    if (raw === null) return null;
    // A number typed in a number cell (nearly every row) needs no reading.
    const read = typeof raw === 'number' ? (Number.isFinite(raw) ? { ok: true as const, value: raw } : { ok: false as const, text: String(raw) }) : readNumber(raw);
    if (!read) return null;
    if (!read.ok) fail(k, 'NOT_A_NUMBER', `"${read.text}" không phải là số.`);
    else if (read.value < 0) fail(k, 'NEGATIVE_NUMBER', `"${shown(raw)}" là số âm; số liệu phải từ 0 trở lên.`);
    else if (integer && !Number.isInteger(read.value)) fail(k, 'NOT_AN_INTEGER', `số lượng "${shown(raw)}" phải là số nguyên.`);
    else return read.value;
    return null;
  };
  if (kind === 'VERIFIED') {
    verifiedPoints = number('verifiedPoints', false);
    if (verifiedPoints === null && issues.length === before) fail('verifiedPoints', 'VERIFIED_POINTS_MISSING', 'có lý do điều chỉnh nhưng chưa có điểm thẩm định.');
  } else {
    const raw = get('yes');
    if (raw !== null && textOf(raw) !== '') {
      const yes = yesOf(raw);
      if (yes === null) fail('yes', 'NOT_YES_NO', `"${shown(raw)}" không hợp lệ; hãy chọn "Có" hoặc "Không".`);
      else value.yes = yes;
    }
    const count = number('count', true);
    if (count !== null) value.count = count;
    const numerator = number('numerator', false);
    if (numerator !== null) value.numerator = numerator;
    const denominator = number('denominator', false);
    if (denominator !== null) value.denominator = denominator;
    const points = number('points', false);
    if (points !== null) value.points = points;
  }
  if (issues.length > before) return null;
  const note = textOf(get('note'));
  const reason = textOf(get('reason'));
  return { ...unit, sheet, row: r, code, value, note: note === '' ? null : note, verifiedPoints, reason: reason === '' ? null : reason };
}

/** Points shown in a message ("2,5"). */
export const pointsText = formatPoints;
