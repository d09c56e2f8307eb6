/**
 * The shape of a digital-transformation index framework (R7), independent of storage: what presets declare,
 * what the Excel workbook holds, and what the service turns into rows.
 */

import type { OrgUnitKind } from '@thidua/platform';

/** Org unit kinds, as the participants subgraph names them. */
export { ORG_UNIT_KINDS, type OrgUnitKind } from '@thidua/platform';

/** Who a framework assesses: a province, departments (sở, ban, ngành / phòng), district level, commune level, enterprises. */
export const TARGET_LEVELS = ['PROVINCE', 'DEPARTMENT', 'DISTRICT', 'COMMUNE', 'ENTERPRISE'] as const;
export type TargetLevel = (typeof TARGET_LEVELS)[number];

/**
 * How an indicator is scored:
 * - YES_NO: yes → max points, no → 0;
 * - COUNT_BANDS: a count; the highest band whose `min` the count reaches gives its points;
 * - RATIO: a / b × max points (capped at max; b = 0 → 0);
 * - MANUAL: points typed by hand within 0..max.
 */
export const RULE_TYPES = ['YES_NO', 'COUNT_BANDS', 'RATIO', 'MANUAL'] as const;
export type RuleType = (typeof RULE_TYPES)[number];

export interface CountBand {
  /** Count from which the band applies (inclusive). */
  min: number;
  points: number;
}

export interface RuleConfig {
  /** COUNT_BANDS only, ascending by min. */
  bands?: CountBand[];
  /** RATIO only: what a and b count, e.g. "Số hồ sơ trực tuyến" / "Tổng số hồ sơ". */
  numeratorLabel?: string;
  denominatorLabel?: string;
  /**
   * RATIO only: a may be larger than b (a growth rate, "this year over last year"); points are still capped at the
   * maximum. Unset, a > b is refused: a share cannot pass 100%.
   */
  ratioMayExceedOne?: boolean;
}

/** NORMAL groups make up the max; BONUS points are added and PENALTY points subtracted, outside the max. */
export const GROUP_KINDS = ['NORMAL', 'BONUS', 'PENALTY'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

export interface IndicatorSpec {
  /** Hierarchical code as officials write it: "1.2.3". Unique in the framework. */
  code: string;
  name: string;
  maxPoints: number;
  ruleType: RuleType;
  ruleConfig: RuleConfig;
  /** Tài liệu kiểm chứng: the evidence a unit must attach. */
  evidence: string | null;
  /** Nguồn dữ liệu. */
  dataSource: string | null;
  /** Đơn vị thẩm định: who verifies the value. */
  verifyingUnit: string | null;
  /** Unit kinds the indicator applies to; null = every kind the framework applies to. */
  appliesToKinds: OrgUnitKind[] | null;
}

export interface GroupSpec {
  /** "1", "1.2", … Unique in the framework. */
  code: string;
  name: string;
  kind: GroupKind;
  groups: GroupSpec[];
  indicators: IndicatorSpec[];
}

export interface LegalDocumentSpec {
  number: string;
  date: string | null;
  issuer: string;
  title: string | null;
}

export interface FrameworkSpec {
  code: string;
  name: string;
  /** First year (of the results assessed) the framework applies to. */
  year: number;
  /**
   * Last year it applies to: null = until an index issued later replaces it (a preset whose legal basis has no end);
   * omitted = `year` only (an index imported from Excel or copied for one year).
   */
  yearTo?: number | null;
  /** Where it applies, as written: "Tỉnh Đắk Lắk". */
  jurisdiction: string;
  targetLevel: TargetLevel;
  appliesToKinds: OrgUnitKind[];
  legalBasis: LegalDocumentSpec | null;
  /** A sample shipped with the system, for the province to replace with its own. */
  isSample: boolean;
  groups: GroupSpec[];
}
