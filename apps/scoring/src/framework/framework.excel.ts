import { fitRowHeights, printOnA4 } from '@thidua/documents';
import { ORG_UNIT_KIND_LABELS } from '@thidua/platform';
import ExcelJS from 'exceljs';
import type { RowError } from '../assessment/assessment-sheet.types';
import {
  ORG_UNIT_KINDS,
  type CountBand,
  type FrameworkSpec,
  type GroupKind,
  type GroupSpec,
  type IndicatorSpec,
  type LegalDocumentSpec,
  type OrgUnitKind,
  type RuleConfig,
  type RuleType,
  type TargetLevel,
} from './framework.types';

/*
 * The framework as an Excel workbook (R7): the province's officials keep their index in Excel, so the workbook is
 * both an export and the way a framework is authored. The reader is deliberately forgiving (header found by its
 * cells, comma decimals, missing diacritics in keywords) because files come back edited by hand.
 */

const SHEET_NAME = 'Bộ chỉ số';
const TITLE = 'BỘ CHỈ SỐ ĐÁNH GIÁ CHUYỂN ĐỔI SỐ';
const TOTAL_LABEL = 'Tổng điểm tối đa';
const FONT_NAME = 'Times New Roman';
const FONT_SIZE = 12;

const HEADER_LABELS = {
  code: 'Mã bộ chỉ số',
  name: 'Tên',
  year: 'Năm',
  yearTo: 'Áp dụng đến năm',
  jurisdiction: 'Phạm vi',
  targetLevel: 'Đối tượng',
  appliesToKinds: 'Áp dụng cho',
  legalBasis: 'Căn cứ',
  legalTitle: 'Trích yếu',
  isSample: 'Bộ mẫu',
} as const;

/** What the "Áp dụng đến năm" cell says of an index in force until a later one replaces it. */
const UNTIL_REPLACED = 'Đến khi có bộ chỉ số thay thế';

// Widths that print on A4 landscape at about 70%: the long texts wrap (rows are as tall as their lines).
const COLUMNS = [
  { key: 'code', header: 'Mã', width: 12 },
  { key: 'name', header: 'Nhóm tiêu chí / Chỉ số', width: 42 },
  { key: 'type', header: 'Loại', width: 11 },
  { key: 'maxPoints', header: 'Điểm tối đa', width: 8 },
  { key: 'rule', header: 'Cách tính điểm', width: 13 },
  { key: 'scale', header: 'Thang điểm', width: 26 },
  { key: 'evidence', header: 'Tài liệu kiểm chứng', width: 30 },
  { key: 'dataSource', header: 'Nguồn dữ liệu', width: 18 },
  { key: 'verifyingUnit', header: 'Đơn vị thẩm định', width: 18 },
  { key: 'appliesToKinds', header: 'Áp dụng cho', width: 18 },
] as const;
type ColumnKey = (typeof COLUMNS)[number]['key'];
const WRAPPED_COLUMNS: ReadonlySet<ColumnKey> = new Set(['name', 'type', 'rule', 'scale', 'evidence', 'dataSource', 'verifyingUnit', 'appliesToKinds']);

const TARGET_LEVEL_LABELS: Record<TargetLevel, string> = {
  PROVINCE: 'Cấp tỉnh',
  DEPARTMENT: 'Sở, ban, ngành',
  DISTRICT: 'Cấp huyện',
  COMMUNE: 'Cấp xã',
  ENTERPRISE: 'Doanh nghiệp',
};

const kindLabels = (kinds: readonly OrgUnitKind[]): string => kinds.map((k) => ORG_UNIT_KIND_LABELS[k] ?? k).join('; ');

const GROUP_TYPE_LABELS: Record<GroupKind, string> = {
  NORMAL: 'Nhóm',
  BONUS: 'Nhóm điểm cộng',
  PENALTY: 'Nhóm điểm trừ',
};
const INDICATOR_TYPE_LABEL = 'Chỉ số';

const RULE_TYPE_LABELS: Record<RuleType, string> = {
  YES_NO: 'Có/Không',
  COUNT_BANDS: 'Theo số lượng',
  RATIO: 'Tỷ lệ a/b',
  MANUAL: 'Chấm điểm',
};

const THIN_BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const GROUP_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };

// ---------------------------------------------------------------------------------------------------------------
// Cell helpers, shared with the assessment sheet.
// ---------------------------------------------------------------------------------------------------------------

/** A cell's content reduced to what a reader cares about (formulas give their cached result). */
export type CellScalar = string | number | boolean | Date | null;

/** Reads a cell; the non-master parts of a merged range read as empty so a merged group title is not read twice. */
export function readCell(row: ExcelJS.Row, col: number): CellScalar {
  const cell = row.getCell(col);
  if (cell.isMerged && cell.master.address !== cell.address) return null;
  return scalarOf(cell.value);
}

function scalarOf(value: ExcelJS.CellValue): CellScalar {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    if (result === undefined || result === null) return null;
    return typeof result === 'object' && !(result instanceof Date) ? result.error : result;
  }
  if ('hyperlink' in value) return value.text;
  if ('error' in value) return value.error;
  return null;
}

/** Cell content as trimmed NFC text; numbers keep their JavaScript spelling ("1.2"), empty is "". */
export function cellText(value: CellScalar): string {
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).normalize('NFC').replace(/\r\n?/g, '\n').trim();
}

/** Text with whitespace runs (line breaks included) collapsed, for names and labels typed with Alt+Enter. */
export function singleLine(value: CellScalar): string {
  return cellText(value).replace(/\s+/g, ' ');
}

/** A comparison key: no diacritics, lower case, single spaces, no spaces around "/", no trailing colon. */
export function looseKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/\s*\/\s*/g, '/')
    .trim()
    .replace(/\s*:$/, '');
}

/** Result of reading a number typed by hand: null when empty, the text when it is not a number. */
export type NumberRead = { ok: true; value: number } | { ok: false; text: string } | null;

/**
 * Reads a number from a cell. Text accepts a comma or a dot as decimal separator ("2,5", "2.5"); when both appear
 * the last one is the decimal separator and the other groups thousands ("1.234,5"), as Vietnamese Excel writes it.
 */
export function readNumber(value: CellScalar): NumberRead {
  if (value === null) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? { ok: true, value } : { ok: false, text: String(value) };
  const text = cellText(value);
  if (text === '') return null;
  if (typeof value !== 'string') return { ok: false, text };
  let s = text.replace(/[\s\u00a0]/g, '');
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const grouping = decimal === '.' ? ',' : '.';
    s = s.split(grouping).join('').replace(decimal, '.');
  } else {
    const sep = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : null;
    if (sep !== null) {
      const parts = s.split(sep);
      // One separator is a decimal mark; several can only be thousands grouping ("1.234.567").
      s = parts.length === 2 ? parts.join('.') : parts.every((p, i) => (i === 0 ? /^[+-]?\d{1,3}$/.test(p) : /^\d{3}$/.test(p))) ? parts.join('') : s;
    }
  }
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return { ok: false, text };
  return { ok: true, value: Number(s) };
}

/** Points written the Vietnamese way, with a decimal comma: 2.5 → "2,5". */
export function formatPoints(points: number): string {
  return String(roundPoints(points)).replace('.', ',');
}

function roundPoints(points: number): number {
  // Sums of decimal points (0.1 + 0.2) must not show binary noise.
  return Math.round(points * 1e6) / 1e6;
}

/** The Vietnamese label of a scoring rule, as the "Cách tính điểm" column shows it. */
export function ruleTypeLabel(ruleType: RuleType): string {
  return RULE_TYPE_LABELS[ruleType];
}

/** What the "Thang điểm" of a ratio says when a may be larger than b (read back case-insensitively). */
export const RATIO_MAY_EXCEED_ONE_TEXT = 'a có thể lớn hơn b';

/**
 * The "Thang điểm" text of a rule: "≥1: 5; ≥3: 10" for count bands, "a = …; b = …" for a ratio (and "a có thể lớn
 * hơn b" when the ratio may pass 1), "" otherwise.
 */
export function formatRuleScale(ruleType: RuleType, config: RuleConfig): string {
  if (ruleType === 'COUNT_BANDS') {
    return (config.bands ?? []).map((band) => `≥${band.min}: ${formatPoints(band.points)}`).join('; ');
  }
  if (ruleType === 'RATIO') {
    const parts: string[] = [];
    if (config.numeratorLabel) parts.push(`a = ${config.numeratorLabel}`);
    if (config.denominatorLabel) parts.push(`b = ${config.denominatorLabel}`);
    if (config.ratioMayExceedOne) parts.push(RATIO_MAY_EXCEED_ONE_TEXT);
    return parts.join('; ');
  }
  return '';
}

/** Applies the house style (Times New Roman 12) to a cell, keeping bold/size overrides. */
export function styleFont(cell: ExcelJS.Cell, overrides: Partial<ExcelJS.Font> = {}): void {
  cell.font = { name: FONT_NAME, size: FONT_SIZE, ...overrides };
}

/** Reads an Excel file without throwing: null when the bytes are not a readable .xlsx. */
export async function loadWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook | null> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(toArrayBuffer(buffer));
    return workbook;
  } catch {
    return null;
  }
}

/** Serialises a workbook to a Node buffer. */
export async function workbookBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  const data = await workbook.xlsx.writeBuffer();
  return Buffer.from(data);
}

function toArrayBuffer(buffer: Buffer): ArrayBuffer {
  const copy = new ArrayBuffer(buffer.byteLength);
  new Uint8Array(copy).set(buffer);
  return copy;
}

/**
 * Reads the "label | value" block above a table: for each row the first non-empty cell is the label and the next
 * non-empty cell its value. Keys are loose (no diacritics), so "Ma phieu:" finds "Mã phiếu".
 */
export function readLabelledBlock(sheet: ExcelJS.Worksheet, lastRow: number): Map<string, { row: number; value: CellScalar }> {
  const block = new Map<string, { row: number; value: CellScalar }>();
  for (let r = 1; r <= lastRow; r++) {
    const row = sheet.getRow(r);
    const cells: CellScalar[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, 1); c++) {
      const value = readCell(row, c);
      if (cellText(value) !== '') cells.push(value);
    }
    if (cells.length === 0) continue;
    const label = looseKey(cellText(cells[0]));
    if (!block.has(label)) block.set(label, { row: r, value: cells[1] ?? null });
  }
  return block;
}

/** Finds the table's header row: the first row holding every required header (compared loosely). */
export function findHeaderRow(
  sheet: ExcelJS.Worksheet,
  required: readonly string[],
): { row: number; columns: Map<string, number> } | null {
  const wanted = required.map(looseKey);
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const columns = new Map<string, number>();
    for (let c = 1; c <= row.cellCount; c++) {
      const key = looseKey(cellText(readCell(row, c)));
      if (key !== '' && !columns.has(key)) columns.set(key, c);
    }
    if (wanted.every((key) => columns.has(key))) return { row: r, columns };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------------------------------------

/** Max points of a group: NORMAL groups count their NORMAL content; bonus/penalty groups count everything below. */
function groupMax(group: GroupSpec, insideExtra = false): number {
  const extra = insideExtra || group.kind !== 'NORMAL';
  let sum = group.indicators.reduce((acc, indicator) => acc + indicator.maxPoints, 0);
  for (const sub of group.groups) {
    if (extra || sub.kind === 'NORMAL') sum += groupMax(sub, extra);
  }
  return roundPoints(sum);
}

/** Total max of the framework: what its NORMAL groups add up to (bonus and penalty points are outside it). */
function frameworkMax(spec: FrameworkSpec): number {
  return roundPoints(spec.groups.filter((g) => g.kind === 'NORMAL').reduce((acc, g) => acc + groupMax(g), 0));
}

/** Orders codes as officials read them: 1.2 before 1.10. */
function compareCodes(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const cmp = pa[i].localeCompare(pb[i], 'vi', { numeric: true });
    if (cmp !== 0) return cmp;
  }
  return pa.length - pb.length;
}

type Child = { group: GroupSpec } | { indicator: IndicatorSpec };

/**
 * A group's children in reading order. Subgroups and indicators are merged by code, keeping each list's own order,
 * so the import (which splits them again in file order) gives back the same arrays.
 */
function childrenOf(group: GroupSpec): Child[] {
  const out: Child[] = [];
  let g = 0;
  let i = 0;
  while (g < group.groups.length || i < group.indicators.length) {
    const nextGroup = group.groups[g];
    const nextIndicator = group.indicators[i];
    if (nextIndicator === undefined || (nextGroup !== undefined && compareCodes(nextGroup.code, nextIndicator.code) <= 0)) {
      out.push({ group: nextGroup });
      g++;
    } else {
      out.push({ indicator: nextIndicator });
      i++;
    }
  }
  return out;
}

function isoToVietnameseDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : date;
}

function formatLegalBasis(doc: LegalDocumentSpec): string {
  let text = doc.number;
  if (doc.date) text += ` ngày ${isoToVietnameseDate(doc.date)}`;
  if (doc.issuer) text += ` của ${doc.issuer}`;
  return text;
}

/** A workbook with one landscape A4 sheet, its columns, and a bold merged title in row 1 (both workbooks start so). */
export function titledSheet(name: string, columns: ReadonlyArray<{ key: string; width: number }>, titleText: string): { workbook: ExcelJS.Workbook; sheet: ExcelJS.Worksheet } {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'thidua';
  const sheet = workbook.addWorksheet(name);
  printOnA4(sheet, { landscape: true });
  sheet.columns = columns.map((col) => ({ key: col.key, width: col.width }));
  const title = sheet.getCell(1, 1);
  title.value = titleText;
  styleFont(title, { bold: true, size: 14 });
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.mergeCells(1, 1, 1, columns.length);
  sheet.getRow(1).height = 24;
  return { workbook, sheet };
}

/** Exports a framework as an .xlsx workbook (sheet "Bộ chỉ số") that officials can edit and import back. */
export async function frameworkToWorkbook(spec: FrameworkSpec): Promise<Buffer> {
  const { workbook, sheet } = titledSheet(SHEET_NAME, COLUMNS, TITLE);

  const headerRows: [string, string | number][] = [
    [HEADER_LABELS.code, spec.code],
    [HEADER_LABELS.name, spec.name],
    [HEADER_LABELS.year, spec.year],
    // Only an index of several years says until when (a one-year index's workbook is as it always was).
    ...(spec.yearTo === undefined || spec.yearTo === spec.year ? [] : [[HEADER_LABELS.yearTo, spec.yearTo ?? UNTIL_REPLACED] as [string, string | number]]),
    [HEADER_LABELS.jurisdiction, spec.jurisdiction],
    [HEADER_LABELS.targetLevel, TARGET_LEVEL_LABELS[spec.targetLevel]],
    [HEADER_LABELS.appliesToKinds, kindLabels(spec.appliesToKinds)],
    [HEADER_LABELS.legalBasis, spec.legalBasis ? formatLegalBasis(spec.legalBasis) : ''],
    [HEADER_LABELS.legalTitle, spec.legalBasis?.title ?? ''],
    [HEADER_LABELS.isSample, spec.isSample ? 'Có' : 'Không'],
  ];
  headerRows.forEach(([label, value], index) => {
    const row = sheet.getRow(index + 2);
    styleFont(row.getCell(1), { bold: true });
    row.getCell(1).value = label;
    styleFont(row.getCell(2));
    row.getCell(2).value = value;
    // The value may be long (the name, the legal basis): over the table's next columns, wrapped.
    sheet.mergeCells(row.number, 2, row.number, 6);
    row.getCell(2).alignment = { horizontal: 'left', vertical: 'top', wrapText: true };
  });

  const headerRowNumber = headerRows.length + 3;
  const headerRow = sheet.getRow(headerRowNumber);
  COLUMNS.forEach((col, index) => {
    const cell = headerRow.getCell(index + 1);
    cell.value = col.header;
    styleFont(cell, { bold: true });
    cell.fill = HEADER_FILL;
    cell.border = THIN_BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  headerRow.height = 32;

  let rowNumber = headerRowNumber;
  const writeRow = (values: Record<ColumnKey, string | number | null>, bold: boolean, depth: number): void => {
    rowNumber++;
    const row = sheet.getRow(rowNumber);
    COLUMNS.forEach((col, index) => {
      const cell = row.getCell(index + 1);
      cell.value = values[col.key];
      styleFont(cell, { bold });
      cell.border = THIN_BORDER;
      cell.alignment = {
        vertical: 'top',
        wrapText: WRAPPED_COLUMNS.has(col.key),
        indent: col.key === 'name' ? depth : undefined,
        horizontal: col.key === 'maxPoints' ? 'center' : undefined,
      };
      if (bold) cell.fill = GROUP_FILL;
    });
  };

  const writeGroup = (group: GroupSpec, depth: number, insideExtra: boolean): void => {
    writeRow(
      {
        code: group.code,
        name: group.name,
        type: GROUP_TYPE_LABELS[group.kind],
        maxPoints: groupMax(group, insideExtra),
        rule: null,
        scale: null,
        evidence: null,
        dataSource: null,
        verifyingUnit: null,
        appliesToKinds: null,
      },
      true,
      depth,
    );
    for (const child of childrenOf(group)) {
      if ('group' in child) writeGroup(child.group, depth + 1, insideExtra || group.kind !== 'NORMAL');
      else writeIndicator(child.indicator, depth + 1);
    }
  };

  const writeIndicator = (indicator: IndicatorSpec, depth: number): void => {
    writeRow(
      {
        code: indicator.code,
        name: indicator.name,
        type: INDICATOR_TYPE_LABEL,
        maxPoints: indicator.maxPoints,
        rule: RULE_TYPE_LABELS[indicator.ruleType],
        scale: formatRuleScale(indicator.ruleType, indicator.ruleConfig) || null,
        evidence: indicator.evidence,
        dataSource: indicator.dataSource,
        verifyingUnit: indicator.verifyingUnit,
        appliesToKinds: indicator.appliesToKinds?.length ? kindLabels(indicator.appliesToKinds) : null,
      },
      false,
      depth,
    );
    const rowNum = rowNumber;
    // Offer the allowed words as a drop-down so hand edits stay readable by the import.
    sheet.getCell(rowNum, 5).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`"${Object.values(RULE_TYPE_LABELS).join(',')}"`],
      showErrorMessage: true,
      errorTitle: 'Cách tính điểm không hợp lệ',
      error: `Chọn một trong: ${Object.values(RULE_TYPE_LABELS).join(', ')}.`,
    };
  };

  for (const group of spec.groups) writeGroup(group, 0, false);

  rowNumber++;
  const totalRow = sheet.getRow(rowNumber);
  COLUMNS.forEach((_col, index) => {
    const cell = totalRow.getCell(index + 1);
    styleFont(cell, { bold: true });
    cell.border = THIN_BORDER;
  });
  totalRow.getCell(2).value = TOTAL_LABEL;
  totalRow.getCell(4).value = frameworkMax(spec);
  totalRow.getCell(4).alignment = { horizontal: 'center' };

  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRowNumber, topLeftCell: `A${headerRowNumber + 1}` }];
  finishPrintable(sheet, headerRowNumber);
  return workbookBuffer(workbook);
}

/** Printed: the header row on every page, and every row of wrapped text as tall as its lines. */
export function finishPrintable(sheet: ExcelJS.Worksheet, headerRowNumber: number): void {
  sheet.pageSetup.printTitlesRow = `${headerRowNumber}:${headerRowNumber}`;
  fitRowHeights(sheet, 2, sheet.rowCount);
}

// ---------------------------------------------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------------------------------------------

const TARGET_LEVEL_BY_KEY = new Map<string, TargetLevel>();
for (const [level, label] of Object.entries(TARGET_LEVEL_LABELS) as [TargetLevel, string][]) {
  TARGET_LEVEL_BY_KEY.set(enumKey(label), level);
  TARGET_LEVEL_BY_KEY.set(enumKey(level), level);
}
TARGET_LEVEL_BY_KEY.set(enumKey('Tỉnh'), 'PROVINCE');
TARGET_LEVEL_BY_KEY.set(enumKey('Cấp sở'), 'DEPARTMENT');
TARGET_LEVEL_BY_KEY.set(enumKey('Huyện'), 'DISTRICT');
TARGET_LEVEL_BY_KEY.set(enumKey('Xã'), 'COMMUNE');

const GROUP_KIND_BY_KEY = new Map<string, GroupKind>(
  (Object.entries(GROUP_TYPE_LABELS) as [GroupKind, string][]).map(([kind, label]) => [enumKey(label), kind]),
);
GROUP_KIND_BY_KEY.set(enumKey('Nhóm tiêu chí'), 'NORMAL');
GROUP_KIND_BY_KEY.set(enumKey('Điểm cộng'), 'BONUS');
GROUP_KIND_BY_KEY.set(enumKey('Điểm trừ'), 'PENALTY');

const RULE_TYPE_BY_KEY = new Map<string, RuleType>();
for (const [type, label] of Object.entries(RULE_TYPE_LABELS) as [RuleType, string][]) {
  RULE_TYPE_BY_KEY.set(enumKey(label), type);
  RULE_TYPE_BY_KEY.set(enumKey(type), type);
}
// Both spellings "tỷ lệ" and "tỉ lệ" are correct Vietnamese.
for (const alias of ['Tỉ lệ a/b', 'Tỷ lệ', 'Tỉ lệ']) RULE_TYPE_BY_KEY.set(enumKey(alias), 'RATIO');
RULE_TYPE_BY_KEY.set(enumKey('Số lượng'), 'COUNT_BANDS');
RULE_TYPE_BY_KEY.set(enumKey('Chấm tay'), 'MANUAL');

const KNOWN_KINDS: ReadonlySet<string> = new Set(ORG_UNIT_KINDS);

/** Key for matching the fixed vocabularies: loose, and punctuation other than "/" ignored ("Sở ban ngành"). */
function enumKey(text: string): string {
  return looseKey(text)
    .replace(/[.,;_-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function rowPrefix(row: number, code: string | null): string {
  return code ? `Dòng ${row} (mã ${code})` : `Dòng ${row}`;
}

function parseYesNo(text: string): boolean | null {
  const key = looseKey(text);
  if (['co', 'x', '1', 'yes', 'true'].includes(key)) return true;
  if (['khong', '0', 'no', 'false'].includes(key)) return false;
  return null;
}

const KIND_BY_LABEL = new Map<string, OrgUnitKind>((Object.entries(ORG_UNIT_KIND_LABELS) as [OrgUnitKind, string][]).map(([kind, label]) => [enumKey(label), kind]));

/** A kind named by its label ("UBND phường") or, as earlier workbooks wrote it, by its code ("WARD_PC"). */
function kindOf(text: string): OrgUnitKind | null {
  const code = text.trim().toUpperCase();
  if (KNOWN_KINDS.has(code)) return code as OrgUnitKind;
  return KIND_BY_LABEL.get(enumKey(text)) ?? null;
}

/**
 * Splits "UBND phường; Sở, ban, ngành" (labels, separated by ";" or new lines; a label may hold a comma) or
 * "PROVINCE_PC, DEPARTMENT" (codes, as earlier workbooks wrote them) into kinds; returns what is not a kind separately.
 */
function parseKinds(text: string): { kinds: OrgUnitKind[]; unknown: string[] } {
  const kinds: OrgUnitKind[] = [];
  const unknown: string[] = [];
  const add = (kind: OrgUnitKind) => {
    if (!kinds.includes(kind)) kinds.push(kind);
  };
  for (const part of text.split(/[;\n]+/)) {
    if (part.trim() === '') continue;
    const whole = kindOf(part);
    if (whole) {
      add(whole);
      continue;
    }
    // Separated by commas as well ("Sở, ban, ngành, UBND xã"): the longest run of pieces that names a kind, in order.
    const pieces = part.split(',');
    for (let i = 0; i < pieces.length; ) {
      let j = pieces.length;
      while (j > i && !kindOf(pieces.slice(i, j).join(','))) j--;
      if (j > i) {
        add(kindOf(pieces.slice(i, j).join(',')) as OrgUnitKind);
        i = j;
      } else {
        if ((pieces[i] ?? '').trim() !== '') unknown.push((pieces[i] ?? '').trim());
        i++;
      }
    }
  }
  return { kinds, unknown };
}

function unknownKindsMessage(unknown: string[]): string {
  const quoted = unknown.map((u) => `"${u}"`).join(', ');
  const noun = unknown.length > 1 ? 'các loại đơn vị' : 'loại đơn vị';
  return `${noun} ${quoted} không hợp lệ (chọn trong: ${Object.values(ORG_UNIT_KIND_LABELS).join('; ')}; nhiều loại cách nhau bằng dấu chấm phẩy).`;
}

/** "123/QĐ-UBND ngày 05/03/2024 của UBND tỉnh Đắk Lắk" → its parts; the date comes back as ISO "2024-03-05". */
function parseLegalBasis(text: string): { doc: Omit<LegalDocumentSpec, 'title'> } | { error: string } {
  const withDate = /^(.*?)\s*ng[aà]y\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?:\s+c[uủ]a\s+(.+))?$/iu.exec(text);
  if (withDate) {
    const [, number, dd, mm, yyyy, issuer] = withDate;
    const day = Number(dd);
    const month = Number(mm);
    const year = Number(yyyy);
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
      return { error: `ngày ban hành ${dd}/${mm}/${yyyy} trong "Căn cứ" không phải là ngày hợp lệ.` };
    }
    if (number.trim() === '') return { error: `"Căn cứ" thiếu số, ký hiệu văn bản.` };
    return {
      doc: {
        number: number.trim(),
        date: `${yyyy}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
        issuer: (issuer ?? '').trim(),
      },
    };
  }
  const withIssuer = /^(.+?)\s+c[uủ]a\s+(.+)$/iu.exec(text);
  if (withIssuer) return { doc: { number: withIssuer[1].trim(), date: null, issuer: withIssuer[2].trim() } };
  return { doc: { number: text, date: null, issuer: '' } };
}

/** Parses "≥1: 5; ≥3: 10" (also ">=1: 5", "1: 5", line breaks as separators); null when unreadable. */
function parseBands(text: string): CountBand[] | null {
  const bands: CountBand[] = [];
  for (const part of text.split(/[;\n]+/)) {
    const item = part.trim();
    if (item === '') continue;
    const match = /^(?:≥|>=|=>|t[uừ]\s+)?\s*(\d+)\s*[:=]\s*([^:=]+?)\s*(?:đi[eể]m|đ)?$/iu.exec(item);
    if (!match) return null;
    const points = readNumber(match[2]);
    if (!points || !points.ok) return null;
    bands.push({ min: Number(match[1]), points: points.value });
  }
  return bands.length > 0 ? bands.sort((a, b) => a.min - b.min) : null;
}

/**
 * Parses "a = Số hồ sơ trực tuyến; b = Tổng số hồ sơ", with "a có thể lớn hơn b" (any case) for a ratio that may pass
 * 1; null when a part is none of these.
 */
function parseRatioLabels(text: string): RuleConfig | null {
  const config: RuleConfig = {};
  for (const part of text.split(/[;\n]+/)) {
    const item = part.trim();
    if (item === '') continue;
    // The text is NFC already (cellText), so "có" matches however it was typed.
    if (/^a\s+có\s+thể\s+lớn\s+hơn\s+b\.?$/iu.test(item)) {
      config.ratioMayExceedOne = true;
      continue;
    }
    const match = /^([ab])\s*[=:]\s*(.*)$/i.exec(item);
    if (!match) return null;
    const label = match[2].trim();
    if (label === '') continue;
    if (match[1].toLowerCase() === 'a') config.numeratorLabel = label;
    else config.denominatorLabel = label;
  }
  return config;
}

interface TableRow {
  row: number;
  code: string;
  parentCode: string | null;
  /** What the "Loại" column says; group/indicator is left unset when the row has an error. */
  kind: 'group' | 'indicator' | 'unknown';
  group?: GroupSpec;
  indicator?: IndicatorSpec;
}

/** Reads a framework workbook back; returns every problem found (in Vietnamese) and spec null if there is any. */
export async function workbookToFramework(buffer: Buffer): Promise<{ spec: FrameworkSpec | null; errors: RowError[] }> {
  const errors: RowError[] = [];
  const fail = (): { spec: null; errors: RowError[] } => ({ spec: null, errors });
  try {
    const workbook = await loadWorkbook(buffer);
    if (!workbook) {
      errors.push({ row: null, code: null, message: 'Tệp không phải là tệp Excel (.xlsx) hợp lệ hoặc đã bị hỏng.' });
      return fail();
    }

    const requiredHeaders = [COLUMNS[0].header, COLUMNS[1].header];
    // Prefer the sheet under its own name, but officials rename sheets: any sheet with the table will do.
    const sheets = [...workbook.worksheets].sort((a, b) => Number(b.name === SHEET_NAME) - Number(a.name === SHEET_NAME));
    let sheet: ExcelJS.Worksheet | null = null;
    let header: { row: number; columns: Map<string, number> } | null = null;
    for (const candidate of sheets) {
      header = findHeaderRow(candidate, requiredHeaders);
      if (header) {
        sheet = candidate;
        break;
      }
    }
    if (!sheet || !header) {
      errors.push({
        row: null,
        code: null,
        message: 'Không tìm thấy dòng tiêu đề của bảng (các cột "Mã" và "Nhóm tiêu chí / Chỉ số").',
      });
      return fail();
    }

    const column = {} as Record<ColumnKey, number | undefined>;
    for (const col of COLUMNS) column[col.key] = header.columns.get(looseKey(col.header));
    for (const key of ['type', 'maxPoints', 'rule'] as const) {
      if (column[key] === undefined) {
        const title = COLUMNS.find((c) => c.key === key)?.header ?? key;
        errors.push({ row: header.row, code: null, message: `Dòng ${header.row}: bảng thiếu cột "${title}".` });
      }
    }
    if (errors.length > 0) return fail();

    const info = readHeaderInfo(sheet, header.row, errors);
    const rows = readTable(sheet, header.row, column, errors);
    const groups = buildTree(rows, errors);
    if (rows.length === 0) errors.push({ row: null, code: null, message: 'Bộ chỉ số chưa có nhóm tiêu chí nào.' });
    if (errors.length > 0 || !info) return fail();
    return { spec: { ...info, groups }, errors };
  } catch (err) {
    // A file can be odd in ways exceljs reports by throwing; the caller still gets a message instead of a 500.
    void err; // the library's own (English) reason is not shown to users
    errors.push({ row: null, code: null, message: 'Không đọc được tệp Excel: tệp bị hỏng hoặc không phải định dạng .xlsx.' });
    return fail();
  }
}

function readHeaderInfo(sheet: ExcelJS.Worksheet, headerRow: number, errors: RowError[]): Omit<FrameworkSpec, 'groups'> | null {
  const block = readLabelledBlock(sheet, headerRow - 1);
  const field = (label: string, alias?: string): { row: number; text: string } | null => {
    const entry = block.get(looseKey(label)) ?? (alias ? block.get(looseKey(alias)) : undefined);
    if (!entry) return null;
    const text = singleLine(entry.value);
    return text === '' ? null : { row: entry.row, text };
  };
  const missing = (label: string): void => {
    errors.push({ row: block.get(looseKey(label))?.row ?? null, code: null, message: `Thiếu "${label}" ở phần thông tin chung của bộ chỉ số.` });
  };
  const start = errors.length;

  const code = field(HEADER_LABELS.code);
  if (!code) missing(HEADER_LABELS.code);
  const name = field(HEADER_LABELS.name, 'Tên bộ chỉ số');
  if (!name) missing(HEADER_LABELS.name);

  let year = 0;
  const yearField = field(HEADER_LABELS.year);
  if (!yearField) missing(HEADER_LABELS.year);
  else {
    const read = readNumber(block.get(looseKey(HEADER_LABELS.year))?.value ?? null);
    if (read?.ok && Number.isInteger(read.value) && read.value >= 1900 && read.value <= 2999) year = read.value;
    else errors.push({ row: yearField.row, code: null, message: `Dòng ${yearField.row}: năm "${yearField.text}" không hợp lệ.` });
  }

  // Absent: the index is for its one year; a later year, or "Đến khi có bộ chỉ số thay thế" (open-ended).
  let yearTo: number | null | undefined;
  const yearToField = field(HEADER_LABELS.yearTo);
  if (yearToField) {
    const read = readNumber(block.get(looseKey(HEADER_LABELS.yearTo))?.value ?? null);
    if (looseKey(yearToField.text) === looseKey(UNTIL_REPLACED)) yearTo = null;
    else if (read?.ok && Number.isInteger(read.value) && read.value >= year && read.value <= 2999) yearTo = read.value;
    else {
      errors.push({
        row: yearToField.row,
        code: null,
        message: `Dòng ${yearToField.row}: "${HEADER_LABELS.yearTo}" phải là một năm từ năm áp dụng (${year}) trở đi, hoặc "${UNTIL_REPLACED}", không phải "${yearToField.text}".`,
      });
    }
  }

  let targetLevel: TargetLevel = 'PROVINCE';
  const levelField = field(HEADER_LABELS.targetLevel);
  if (!levelField) missing(HEADER_LABELS.targetLevel);
  else {
    const level = TARGET_LEVEL_BY_KEY.get(enumKey(levelField.text));
    if (level) targetLevel = level;
    else {
      errors.push({
        row: levelField.row,
        code: null,
        message: `Dòng ${levelField.row}: đối tượng "${levelField.text}" không hợp lệ; chọn một trong: ${Object.values(TARGET_LEVEL_LABELS).join('; ')}.`,
      });
    }
  }

  let appliesToKinds: OrgUnitKind[] = [];
  const kindsField = field(HEADER_LABELS.appliesToKinds);
  if (kindsField) {
    const parsed = parseKinds(kindsField.text);
    appliesToKinds = parsed.kinds;
    if (parsed.unknown.length > 0) {
      errors.push({ row: kindsField.row, code: null, message: `Dòng ${kindsField.row}: ${unknownKindsMessage(parsed.unknown)}` });
    }
  }

  let legalBasis: LegalDocumentSpec | null = null;
  const legalField = field(HEADER_LABELS.legalBasis);
  if (legalField) {
    const parsed = parseLegalBasis(legalField.text);
    if ('error' in parsed) errors.push({ row: legalField.row, code: null, message: `Dòng ${legalField.row}: ${parsed.error}` });
    else legalBasis = { ...parsed.doc, title: field(HEADER_LABELS.legalTitle)?.text ?? null };
  }

  let isSample = false;
  const sampleField = field(HEADER_LABELS.isSample);
  if (sampleField) {
    const yes = parseYesNo(sampleField.text);
    if (yes === null) {
      errors.push({ row: sampleField.row, code: null, message: `Dòng ${sampleField.row}: "Bộ mẫu" phải là "Có" hoặc "Không", không phải "${sampleField.text}".` });
    } else isSample = yes;
  }

  if (errors.length > start || !code || !name) return null;
  return {
    code: code.text,
    name: name.text,
    year,
    ...(yearTo === undefined ? {} : { yearTo }),
    jurisdiction: field(HEADER_LABELS.jurisdiction)?.text ?? '',
    targetLevel,
    appliesToKinds,
    legalBasis,
    isSample,
  };
}

/** Normalises a code as typed: "1.2.3." and " 1.2.3" are "1.2.3"; Excel turns "1.2" into the number 1.2, read back as text. */
function normaliseCode(value: CellScalar): string {
  return cellText(value).replace(/\s+/g, '').replace(/\.+$/, '');
}

function readTable(
  sheet: ExcelJS.Worksheet,
  headerRow: number,
  column: Record<ColumnKey, number | undefined>,
  errors: RowError[],
): TableRow[] {
  const rows: TableRow[] = [];
  const firstRowOfCode = new Map<string, number>();
  const totalKey = looseKey(TOTAL_LABEL);

  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const get = (key: ColumnKey): CellScalar => {
      const col = column[key];
      return col === undefined ? null : readCell(row, col);
    };
    const code = normaliseCode(get('code'));
    const name = singleLine(get('name'));
    // The total is computed on export; everything below it (notes, signatures) is not part of the table.
    if (looseKey(name).startsWith(totalKey) || looseKey(code).startsWith(totalKey)) break;
    const typeText = singleLine(get('type'));
    const anything = COLUMNS.some((col) => cellText(get(col.key)) !== '');
    if (!anything) continue;

    const prefix = rowPrefix(r, code || null);
    const err = (message: string): void => {
      errors.push({ row: r, code: code || null, message: `${prefix}: ${message}` });
    };

    if (code === '') {
      err('thiếu mã nhóm tiêu chí/chỉ số.');
      continue;
    }
    if (!/^[^.]+(\.[^.]+)*$/.test(code)) {
      err(`mã "${code}" không hợp lệ; mã viết dạng "1.2.3".`);
      continue;
    }
    const first = firstRowOfCode.get(code);
    if (first !== undefined) {
      err(`mã "${code}" bị trùng với dòng ${first}.`);
      continue;
    }
    firstRowOfCode.set(code, r);
    const segments = code.split('.');
    const parentCode = segments.length > 1 ? segments.slice(0, -1).join('.') : null;
    const errorCount = errors.length;

    if (name === '') err('thiếu tên nhóm tiêu chí/chỉ số.');
    const typeKey = enumKey(typeText);
    const groupKind = GROUP_KIND_BY_KEY.get(typeKey);
    const isIndicator = typeKey === enumKey(INDICATOR_TYPE_LABEL);
    if (typeText === '') {
      err(`thiếu "Loại" (${[...Object.values(GROUP_TYPE_LABELS), INDICATOR_TYPE_LABEL].join(', ')}).`);
    } else if (!groupKind && !isIndicator) {
      err(`loại "${typeText}" không hợp lệ; chọn một trong: ${[...Object.values(GROUP_TYPE_LABELS), INDICATOR_TYPE_LABEL].join(', ')}.`);
    }

    if (groupKind) {
      const group: GroupSpec = { code, name, kind: groupKind, groups: [], indicators: [] };
      rows.push({ row: r, code, parentCode, kind: 'group', group: errors.length === errorCount ? group : undefined });
      continue;
    }
    if (!isIndicator) {
      rows.push({ row: r, code, parentCode, kind: 'unknown' });
      continue;
    }

    const indicator = readIndicator(code, name, get, err);
    rows.push({ row: r, code, parentCode, kind: 'indicator', indicator: errors.length === errorCount ? indicator ?? undefined : undefined });
  }
  return rows;
}

function readIndicator(
  code: string,
  name: string,
  get: (key: ColumnKey) => CellScalar,
  err: (message: string) => void,
): IndicatorSpec | null {
  let ok = true;
  const fail = (message: string): void => {
    ok = false;
    err(message);
  };

  const maxRead = readNumber(get('maxPoints'));
  let maxPoints = 0;
  if (maxRead === null) fail('thiếu điểm tối đa.');
  else if (!maxRead.ok || maxRead.value <= 0) fail(`điểm tối đa "${maxRead.ok ? formatPoints(maxRead.value) : maxRead.text}" phải là số dương.`);
  else maxPoints = maxRead.value;

  const ruleText = singleLine(get('rule'));
  const ruleType = RULE_TYPE_BY_KEY.get(enumKey(ruleText));
  const ruleChoices = Object.values(RULE_TYPE_LABELS).join(', ');
  if (ruleText === '') fail(`thiếu "Cách tính điểm" (${ruleChoices}).`);
  else if (!ruleType) fail(`cách tính điểm "${ruleText}" không hợp lệ; chọn một trong: ${ruleChoices}.`);

  let ruleConfig: RuleConfig = {};
  const scaleText = cellText(get('scale'));
  if (ruleType === 'COUNT_BANDS') {
    const bands = scaleText === '' ? null : parseBands(scaleText);
    if (scaleText === '') fail('thiếu "Thang điểm" cho cách tính "Theo số lượng" (ví dụ "≥1: 5; ≥3: 10").');
    else if (!bands) fail(`không đọc được thang điểm "${scaleText}"; ghi theo dạng "≥1: 5; ≥3: 10".`);
    else {
      const seen = new Set<number>();
      for (const band of bands) {
        if (seen.has(band.min)) fail(`thang điểm có hai mức cùng ngưỡng ≥${band.min}.`);
        seen.add(band.min);
        if (band.points < 0) fail(`mức ≥${band.min} có điểm âm (${formatPoints(band.points)}).`);
        if (maxPoints > 0 && band.points > maxPoints) {
          fail(`mức ≥${band.min} có ${formatPoints(band.points)} điểm, lớn hơn điểm tối đa (${formatPoints(maxPoints)}).`);
        }
      }
      ruleConfig = { bands };
    }
  } else if (ruleType === 'RATIO') {
    const labels = parseRatioLabels(scaleText);
    if (!labels) fail(`không đọc được thang điểm "${scaleText}"; với tỷ lệ ghi theo dạng "a = …; b = …", thêm "; ${RATIO_MAY_EXCEED_ONE_TEXT}" nếu tử số được phép lớn hơn mẫu số.`);
    else ruleConfig = labels;
  }

  // Not one line: kinds may stand one a line.
  const kindsText = cellText(get('appliesToKinds')).trim();
  let appliesToKinds: OrgUnitKind[] | null = null;
  if (kindsText !== '') {
    const parsed = parseKinds(kindsText);
    if (parsed.unknown.length > 0) fail(unknownKindsMessage(parsed.unknown));
    appliesToKinds = parsed.kinds.length > 0 ? parsed.kinds : null;
  }

  const optionalText = (key: ColumnKey): string | null => cellText(get(key)) || null;
  if (!ok || !ruleType) return null;
  return {
    code,
    name,
    maxPoints,
    ruleType,
    ruleConfig,
    evidence: optionalText('evidence'),
    dataSource: optionalText('dataSource'),
    verifyingUnit: optionalText('verifyingUnit'),
    appliesToKinds,
  };
}

/** Hangs each row under the group its code prefix names; the file order is kept within each list. */
function buildTree(rows: TableRow[], errors: RowError[]): GroupSpec[] {
  const byCode = new Map(rows.map((row) => [row.code, row]));
  const roots: GroupSpec[] = [];
  for (const row of rows) {
    if (!row.group && !row.indicator) continue;
    const prefix = rowPrefix(row.row, row.code);
    const what = row.group ? 'nhóm' : 'chỉ số';
    if (row.parentCode === null) {
      if (row.group) roots.push(row.group);
      else errors.push({ row: row.row, code: row.code, message: `${prefix}: chỉ số phải thuộc một nhóm tiêu chí (mã dạng "1.1").` });
      continue;
    }
    const parent = byCode.get(row.parentCode);
    if (!parent) {
      errors.push({ row: row.row, code: row.code, message: `${prefix}: ${what} không thuộc nhóm nào; không tìm thấy nhóm "${row.parentCode}".` });
      continue;
    }
    if (parent.kind === 'indicator') {
      errors.push({ row: row.row, code: row.code, message: `${prefix}: mã cha "${row.parentCode}" (dòng ${parent.row}) là chỉ số, không phải nhóm.` });
      continue;
    }
    // A parent row with its own error was already reported; repeating it for each child would only add noise.
    if (!parent.group) continue;
    if (row.group) parent.group.groups.push(row.group);
    else if (row.indicator) parent.group.indicators.push(row.indicator);
  }
  return roots;
}
