import ExcelJS from 'exceljs';
import {
  cellText,
  finishPrintable,
  findHeaderRow,
  formatPoints,
  formatRuleScale,
  loadWorkbook,
  looseKey,
  readCell,
  readLabelledBlock,
  readNumber,
  ruleTypeLabel,
  singleLine,
  styleFont,
  titledSheet,
  workbookBuffer,
  type CellScalar,
} from '../framework/framework.excel';
import type { RuleType } from '../framework/framework.types';
import type { AssessmentSheet, ParsedSheet, RowError, ScoreValue, SheetIndicator, SheetRow } from './assessment-sheet.types';

/*
 * The self-assessment sheet (R8): exported per unit, filled in offline (often by someone who only has Excel), imported
 * back. Parsing reads cells and reports format problems only; whether a value fits the indicator's rule and max is
 * the service's check, because only it holds the framework.
 */

const SHEET_NAME = 'Tự đánh giá';
const TITLE = 'PHIẾU TỰ ĐÁNH GIÁ CHỈ SỐ CHUYỂN ĐỔI SỐ';
const LABELS = {
  unit: 'Đơn vị',
  framework: 'Bộ chỉ số',
  year: 'Năm',
  maxPoints: 'Điểm tối đa',
  assessmentId: 'Mã phiếu',
  version: 'Phiên bản',
} as const;
const INSTRUCTION =
  'Hướng dẫn: nhập số liệu vào các ô nền vàng theo cách tính điểm của từng chỉ số; có thể ghi thêm ở cột "Ghi chú". ' +
  'Không sửa cột "Mã", "Mã phiếu" và "Phiên bản".';

const COLUMNS = [
  { key: 'code', header: 'Mã', width: 10 },
  { key: 'name', header: 'Chỉ số', width: 50 },
  { key: 'maxPoints', header: 'Điểm tối đa', width: 10 },
  { key: 'rule', header: 'Cách tính điểm', width: 24 },
  { key: 'yes', header: 'Có/Không', width: 11 },
  { key: 'count', header: 'Số lượng', width: 11 },
  { key: 'numerator', header: 'Tử số (a)', width: 11 },
  { key: 'denominator', header: 'Mẫu số (b)', width: 11 },
  { key: 'points', header: 'Điểm (chấm tay)', width: 11 },
  { key: 'selfPoints', header: 'Điểm tự chấm', width: 11 },
  { key: 'note', header: 'Ghi chú', width: 35 },
] as const;
type ColumnKey = (typeof COLUMNS)[number]['key'];
type InputKey = 'yes' | 'count' | 'numerator' | 'denominator' | 'points';
const INPUT_KEYS: readonly InputKey[] = ['yes', 'count', 'numerator', 'denominator', 'points'];

const INPUTS_BY_RULE: Record<RuleType, readonly InputKey[]> = {
  YES_NO: ['yes'],
  COUNT_BANDS: ['count'],
  RATIO: ['numerator', 'denominator'],
  MANUAL: ['points'],
};

const THIN_BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const GROUP_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };

function col(key: ColumnKey): number {
  return COLUMNS.findIndex((c) => c.key === key) + 1;
}

function ruleDescription(indicator: SheetIndicator): string {
  const scale = formatRuleScale(indicator.ruleType, indicator.ruleConfig);
  const detail = indicator.ruleType === 'MANUAL' ? `0 – ${formatPoints(indicator.maxPoints)} điểm` : scale;
  return detail ? `${ruleTypeLabel(indicator.ruleType)}\n${detail}` : ruleTypeLabel(indicator.ruleType);
}

function prefill(indicator: SheetIndicator, key: InputKey): string | number | null {
  const value = indicator.value;
  if (!value) return null;
  if (key === 'yes') return value.yes === true ? 'Có' : value.yes === false ? 'Không' : null;
  return value[key] ?? null;
}

/** Exports a unit's self-assessment as an .xlsx (sheet "Tự đánh giá"); only the inputs the rule needs are editable. */
export async function assessmentToWorkbook(sheet: AssessmentSheet): Promise<Buffer> {
  const { workbook, sheet: ws } = titledSheet(SHEET_NAME, COLUMNS, TITLE);

  const info: [string, string | number][] = [
    [LABELS.unit, sheet.unitName],
    [LABELS.framework, sheet.frameworkName],
    [LABELS.year, sheet.year],
    [LABELS.maxPoints, sheet.maxPoints],
    [LABELS.assessmentId, sheet.assessmentId],
    [LABELS.version, sheet.version],
  ];
  info.forEach(([label, value], index) => {
    const row = ws.getRow(index + 2);
    row.getCell(1).value = label;
    styleFont(row.getCell(1), { bold: true });
    row.getCell(2).value = value;
    styleFont(row.getCell(2));
    row.getCell(2).alignment = { horizontal: 'left' };
  });
  const instructionRow = info.length + 2;
  ws.getCell(instructionRow, 1).value = INSTRUCTION;
  styleFont(ws.getCell(instructionRow, 1), { italic: true });
  ws.getCell(instructionRow, 1).alignment = { vertical: 'top', wrapText: true };
  ws.mergeCells(instructionRow, 1, instructionRow, COLUMNS.length);

  const headerRowNumber = instructionRow + 2;
  const header = ws.getRow(headerRowNumber);
  COLUMNS.forEach((c, index) => {
    const cell = header.getCell(index + 1);
    cell.value = c.header;
    styleFont(cell, { bold: true });
    cell.fill = HEADER_FILL;
    cell.border = THIN_BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  header.height = 32;

  let rowNumber = headerRowNumber;
  let previousPath: string[] = [];
  for (const indicator of sheet.indicators) {
    // Separator rows only where the group path changes, so consecutive indicators of a group share one title.
    let same = 0;
    while (same < previousPath.length && same < indicator.groupPath.length && previousPath[same] === indicator.groupPath[same]) same++;
    for (let depth = same; depth < indicator.groupPath.length; depth++) {
      rowNumber++;
      writeGroupRow(ws.getRow(rowNumber), indicator.groupPath[depth], depth);
    }
    previousPath = indicator.groupPath;
    rowNumber++;
    writeIndicatorRow(ws.getRow(rowNumber), indicator, indicator.groupPath.length);
  }

  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: headerRowNumber, topLeftCell: `C${headerRowNumber + 1}` }];
  finishPrintable(ws, headerRowNumber);
  // Without a password: it guards against typing into the wrong cell, not against a determined user.
  await ws.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
  });
  return workbookBuffer(workbook);
}

function writeGroupRow(row: ExcelJS.Row, name: string, depth: number): void {
  COLUMNS.forEach((c, index) => {
    const cell = row.getCell(index + 1);
    styleFont(cell, { bold: true });
    cell.fill = GROUP_FILL;
    cell.border = THIN_BORDER;
    if (c.key === 'name') {
      cell.value = name;
      cell.alignment = { vertical: 'top', wrapText: true, indent: depth };
    }
  });
}

function writeIndicatorRow(row: ExcelJS.Row, indicator: SheetIndicator, depth: number): void {
  const inputs = INPUTS_BY_RULE[indicator.ruleType];
  const values: Record<ColumnKey, string | number | null> = {
    code: indicator.code,
    name: indicator.name,
    maxPoints: indicator.maxPoints,
    rule: ruleDescription(indicator),
    yes: null,
    count: null,
    numerator: null,
    denominator: null,
    points: null,
    selfPoints: indicator.selfPoints,
    note: indicator.note,
  };
  for (const key of inputs) values[key] = prefill(indicator, key);

  COLUMNS.forEach((c, index) => {
    const cell = row.getCell(index + 1);
    cell.value = values[c.key];
    styleFont(cell);
    cell.border = THIN_BORDER;
    cell.alignment = {
      vertical: 'top',
      wrapText: c.key === 'name' || c.key === 'rule' || c.key === 'note',
      indent: c.key === 'name' ? depth : undefined,
      horizontal: c.key === 'name' || c.key === 'rule' || c.key === 'note' || c.key === 'code' ? undefined : 'center',
    };
  });

  for (const key of inputs) {
    const cell = row.getCell(col(key));
    cell.fill = INPUT_FILL;
    cell.protection = { locked: false };
  }
  row.getCell(col('note')).protection = { locked: false };

  if (indicator.ruleType === 'YES_NO') {
    row.getCell(col('yes')).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: ['"Có,Không"'],
      showErrorMessage: true,
      errorTitle: 'Giá trị không hợp lệ',
      error: 'Chọn "Có" hoặc "Không".',
    };
  }
  if (indicator.evidence) row.getCell(col('name')).note = `Tài liệu kiểm chứng: ${indicator.evidence}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------------------------------------------

const YES_WORDS: ReadonlySet<string> = new Set(['co', 'c', 'x', '1', 'yes', 'y', 'true', 'dat', '✓', '✔']);
const NO_WORDS: ReadonlySet<string> = new Set(['khong', 'k', 'ko', '0', 'no', 'n', 'false', 'khong dat']);

/** "Có"/"Không" as typed (x, 1, yes, đạt, …), or null when it is neither. */
export function parseYes(value: CellScalar): boolean | null {
  if (typeof value === 'boolean') return value;
  const key = looseKey(cellText(value));
  if (YES_WORDS.has(key)) return true;
  if (NO_WORDS.has(key)) return false;
  return null;
}

/** How a cell showed to the user, for quoting it back in a message. */
export function shown(value: CellScalar): string {
  return typeof value === 'number' ? formatPoints(value) : cellText(value);
}

/** Reads a filled-in self-assessment; format problems come back as Vietnamese row errors, never as an exception. */
export async function workbookToAssessment(buffer: Buffer): Promise<ParsedSheet> {
  const result: ParsedSheet = { assessmentId: null, version: null, rows: [], errors: [] };
  const sheetError = (message: string): void => {
    result.errors.push({ row: null, code: null, message });
  };
  try {
    const workbook = await loadWorkbook(buffer);
    if (!workbook) {
      sheetError('Tệp không phải là tệp Excel (.xlsx) hợp lệ hoặc đã bị hỏng.');
      return result;
    }
    const candidates = [...workbook.worksheets].sort((a, b) => Number(b.name === SHEET_NAME) - Number(a.name === SHEET_NAME));
    let ws: ExcelJS.Worksheet | null = null;
    let header: { row: number; columns: Map<string, number> } | null = null;
    for (const candidate of candidates) {
      header = findHeaderRow(candidate, [COLUMNS[0].header, COLUMNS[1].header]);
      if (header) {
        ws = candidate;
        break;
      }
    }
    if (!ws || !header) {
      sheetError('Không tìm thấy bảng chỉ số trong tệp (dòng tiêu đề có các cột "Mã" và "Chỉ số"). Hãy dùng phiếu được xuất từ hệ thống.');
      return result;
    }

    readIdentity(ws, header.row, result, sheetError);

    const columns = new Map<ColumnKey, number>();
    for (const c of COLUMNS) {
      const index = header.columns.get(looseKey(c.header));
      if (index !== undefined) columns.set(c.key, index);
    }
    if (!INPUT_KEYS.some((key) => columns.has(key))) {
      sheetError('Bảng thiếu các cột nhập số liệu (Có/Không, Số lượng, Tử số (a), Mẫu số (b), Điểm (chấm tay)).');
      return result;
    }

    const firstRowOfCode = new Map<string, number>();
    for (let r = header.row + 1; r <= ws.rowCount; r++) {
      const parsed = readRow(ws.getRow(r), columns, firstRowOfCode, result.errors);
      if (parsed) result.rows.push(parsed);
    }
  } catch (err) {
    void err; // the library's own (English) reason is not shown to users
    sheetError('Không đọc được tệp Excel: tệp bị hỏng hoặc không phải định dạng .xlsx.');
  }
  return result;
}

function readIdentity(ws: ExcelJS.Worksheet, headerRow: number, result: ParsedSheet, sheetError: (message: string) => void): void {
  const block = readLabelledBlock(ws, headerRow - 1);
  const id = singleLine(block.get(looseKey(LABELS.assessmentId))?.value ?? null);
  if (id === '') sheetError('Không tìm thấy "Mã phiếu" ở phần đầu phiếu. Hãy dùng phiếu được xuất từ hệ thống và không xoá ô này.');
  else result.assessmentId = id;

  const versionValue = block.get(looseKey(LABELS.version))?.value ?? null;
  const version = readNumber(versionValue);
  if (version === null) {
    sheetError('Không tìm thấy "Phiên bản" ở phần đầu phiếu. Hãy dùng phiếu được xuất từ hệ thống và không xoá ô này.');
  } else if (!version.ok || !Number.isInteger(version.value) || version.value < 0) {
    sheetError(`"Phiên bản" của phiếu ("${shown(versionValue)}") không hợp lệ.`);
  } else {
    result.version = version.value;
  }
}

function readRow(row: ExcelJS.Row, columns: Map<ColumnKey, number>, firstRowOfCode: Map<string, number>, errors: RowError[]): SheetRow | null {
  const get = (key: ColumnKey): CellScalar => {
    const index = columns.get(key);
    return index === undefined ? null : readCell(row, index);
  };
  const filled = (key: ColumnKey): boolean => cellText(get(key)) !== '';
  const r = row.number;
  // Excel turns a typed "1.2" into the number 1.2; its text is the code again.
  const code = cellText(get('code')).replace(/\s+/g, '').replace(/\.+$/, '');
  const hasInput = INPUT_KEYS.some(filled);

  if (code === '') {
    // Group titles have no code; values typed on such a row would otherwise vanish silently.
    if (hasInput) errors.push({ row: r, code: null, message: `Dòng ${r}: có số liệu nhưng không có mã chỉ số; hãy nhập vào đúng dòng của chỉ số.` });
    return null;
  }
  if (!hasInput && !filled('note')) return null;

  const prefix = `Dòng ${r} (chỉ số ${code})`;
  const before = errors.length;
  const fail = (message: string): void => {
    errors.push({ row: r, code, message: `${prefix}: ${message}` });
  };

  const first = firstRowOfCode.get(code);
  if (first !== undefined) {
    fail(`chỉ số này đã có ở dòng ${first}; mỗi chỉ số chỉ nhập một dòng.`);
    return null;
  }
  firstRowOfCode.set(code, r);

  const value: ScoreValue = {};
  if (filled('yes')) {
    const raw = get('yes');
    const yes = parseYes(raw);
    if (yes === null) fail(`"${shown(raw)}" ở cột "Có/Không" không hợp lệ; hãy chọn "Có" hoặc "Không".`);
    else value.yes = yes;
  }
  const number = (key: 'count' | 'numerator' | 'denominator' | 'points', integer: boolean): void => {
    if (!filled(key)) return;
    const raw = get(key);
    const read = readNumber(raw);
    if (!read) return;
    if (!read.ok) fail(`"${read.text}" không phải là số.`);
    else if (read.value < 0) fail(`"${shown(raw)}" là số âm; số liệu phải từ 0 trở lên.`);
    else if (integer && !Number.isInteger(read.value)) fail(`số lượng "${shown(raw)}" phải là số nguyên.`);
    else value[key] = read.value;
  };
  number('count', true);
  number('numerator', false);
  number('denominator', false);
  number('points', false);

  if (errors.length > before) return null;
  const note = cellText(get('note'));
  return { rowNumber: r, code, value, note: note === '' ? null : note };
}
