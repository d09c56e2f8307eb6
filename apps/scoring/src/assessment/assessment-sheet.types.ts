import type { RuleConfig, RuleType } from '../framework/framework.types';

/**
 * A unit's self-assessment as an Excel sheet (R8): exported with the framework's indicators, filled in by the
 * unit, imported back. Parsing only reads the cells; the service checks the values against the framework.
 */

/** The value a unit gives for one indicator; which fields are used depends on the indicator's rule. */
export interface ScoreValue {
  /** YES_NO: "Có" → true, "Không" → false. */
  yes?: boolean | null;
  /** COUNT_BANDS: a whole number ≥ 0. */
  count?: number | null;
  /** RATIO: a (tử số) and b (mẫu số), numbers ≥ 0. */
  numerator?: number | null;
  denominator?: number | null;
  /** MANUAL: points within 0..max. */
  points?: number | null;
}

export interface SheetIndicator {
  code: string;
  name: string;
  /** Names of the groups above it, outermost first: ["Nhận thức số", "Lãnh đạo, chỉ đạo"]. */
  groupPath: string[];
  maxPoints: number;
  ruleType: RuleType;
  ruleConfig: RuleConfig;
  /** Evidence the indicator requires (tài liệu kiểm chứng). */
  evidence: string | null;
  /** Already recorded (a re-export of an assessment in progress). */
  value: ScoreValue | null;
  selfPoints: number | null;
  note: string | null;
}

/** Everything the exported sheet shows. */
export interface AssessmentSheet {
  assessmentId: string;
  /** Version of the assessment when exported; the import is refused if it changed since (no lost update). */
  version: number;
  unitName: string;
  frameworkName: string;
  year: number;
  maxPoints: number;
  indicators: SheetIndicator[];
}

/** One filled-in row as read back, with its row number in the sheet for error messages. */
export interface SheetRow {
  rowNumber: number;
  code: string;
  value: ScoreValue;
  note: string | null;
}

/** A problem with one row (or the sheet), in Vietnamese. */
export interface RowError {
  /** Row number in the sheet, or null for the whole sheet. */
  row: number | null;
  code: string | null;
  message: string;
  /** Stable code of the problem (INDICATOR_NOT_FOUND, SCORE_INVALID, …) where the check gives one. */
  errorCode?: string;
}

export interface ParsedSheet {
  assessmentId: string | null;
  version: number | null;
  rows: SheetRow[];
  errors: RowError[];
}
