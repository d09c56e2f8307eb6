import type { ScoreValue } from './assessment-sheet.types';
import type { GroupKind, OrgUnitKind, RuleConfig, RuleType } from '../framework/framework.types';

/** What the rules need to know of an indicator. */
export interface RuledIndicator {
  id: string;
  code: string;
  maxPoints: number;
  ruleType: RuleType;
  ruleConfig: RuleConfig;
  groupKind: GroupKind;
  appliesToKinds: OrgUnitKind[] | null;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const isNum = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

/**
 * The largest count, numerator or denominator a unit may enter. Real quantities (documents, records, people,
 * procedures of a province) stay far below it; anything larger is a typing slip or a made-up figure (1e308 would
 * otherwise be scored by the top band), and it stays well inside the range where doubles count exactly.
 */
export const MAX_SCORE_QUANTITY = 1_000_000_000;

const quantity = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 6 });
/** 1000000000 → "1.000.000.000", 40.5 → "40,5". */
const formatQuantity = (n: number) => quantity.format(n);

/** Points an indicator gives for a value, or a Vietnamese reason why the value does not fit the indicator. */
export function pointsFor(ind: Pick<RuledIndicator, 'maxPoints' | 'ruleType' | 'ruleConfig'>, v: ScoreValue): { points: number } | { error: string } {
  switch (ind.ruleType) {
    case 'YES_NO':
      if (typeof v.yes !== 'boolean') return { error: 'Cần chọn Có hoặc Không.' };
      return { points: v.yes ? ind.maxPoints : 0 };
    case 'COUNT_BANDS': {
      if (!isNum(v.count) || v.count < 0 || !Number.isInteger(v.count)) return { error: 'Số lượng phải là số nguyên không âm.' };
      if (v.count > MAX_SCORE_QUANTITY) return { error: `Số lượng không được lớn hơn ${formatQuantity(MAX_SCORE_QUANTITY)}.` };
      const bands = [...(ind.ruleConfig.bands ?? [])].sort((a, b) => a.min - b.min);
      let points = 0;
      for (const b of bands) if (v.count >= b.min) points = b.points;
      return { points: round2(Math.min(points, ind.maxPoints)) };
    }
    case 'RATIO': {
      if (!isNum(v.numerator) || !isNum(v.denominator) || v.numerator < 0 || v.denominator < 0) {
        return { error: 'Cần tử số (a) và mẫu số (b) là số không âm.' };
      }
      if (v.numerator > MAX_SCORE_QUANTITY || v.denominator > MAX_SCORE_QUANTITY) {
        return { error: `Tử số (a) và mẫu số (b) không được lớn hơn ${formatQuantity(MAX_SCORE_QUANTITY)}.` };
      }
      // A share (online records of all records) cannot pass 1; a growth rate may, when the indicator says so.
      if (v.numerator > v.denominator && !ind.ruleConfig.ratioMayExceedOne) {
        return { error: `Tử số (a) không được lớn hơn mẫu số (b) (${formatQuantity(v.numerator)} > ${formatQuantity(v.denominator)}).` };
      }
      if (v.denominator === 0) return { points: 0 };
      // Points never pass the maximum, even when the ratio may.
      return { points: round2(Math.min(1, v.numerator / v.denominator) * ind.maxPoints) };
    }
    case 'MANUAL':
      if (!isNum(v.points) || v.points < 0 || v.points > ind.maxPoints) return { error: `Điểm phải trong khoảng 0 – ${ind.maxPoints}.` };
      return { points: round2(v.points) };
  }
}

/**
 * The input of a value that `pointsFor` refuses: the one the refusal is about, so that a form shows it beside that
 * input (a ratio's numerator when it is itself wrong, otherwise its denominator, as a numerator above it is).
 */
export function refusedInput(ind: Pick<RuledIndicator, 'ruleType'>, v: ScoreValue): keyof ScoreValue {
  switch (ind.ruleType) {
    case 'YES_NO':
      return 'yes';
    case 'COUNT_BANDS':
      return 'count';
    case 'RATIO':
      return !isNum(v.numerator) || v.numerator < 0 || v.numerator > MAX_SCORE_QUANTITY ? 'numerator' : 'denominator';
    case 'MANUAL':
      return 'points';
  }
}

/** Does an indicator apply to a unit of this kind (within a framework that applies to it)? */
export function applies(ind: Pick<RuledIndicator, 'appliesToKinds'>, frameworkKinds: readonly OrgUnitKind[], unitKind: OrgUnitKind): boolean {
  return frameworkKinds.includes(unitKind) && (ind.appliesToKinds === null || ind.appliesToKinds.includes(unitKind));
}

export interface Totals {
  /** Points of NORMAL indicators. */
  normal: number;
  bonus: number;
  penalty: number;
  /** normal + bonus − penalty, never below 0. */
  total: number;
  /** Max of the applicable NORMAL indicators: the basis of the percentage. */
  max: number;
  /** total / max × 100, two decimals. */
  percent: number;
}

/** Totals of an assessment from the points of its applicable indicators (missing points count 0). */
export function totals(indicators: RuledIndicator[], points: Map<string, number | null | undefined>): Totals {
  let normal = 0;
  let bonus = 0;
  let penalty = 0;
  let max = 0;
  for (const ind of indicators) {
    const p = points.get(ind.id) ?? 0;
    if (ind.groupKind === 'NORMAL') {
      normal += p;
      max += ind.maxPoints;
    } else if (ind.groupKind === 'BONUS') bonus += p;
    else penalty += p;
  }
  const total = Math.max(0, round2(normal + bonus - penalty));
  return { normal: round2(normal), bonus: round2(bonus), penalty: round2(penalty), total, max: round2(max), percent: max ? round2((total / max) * 100) : 0 };
}

/**
 * A campaign's classification rule (R9): bands on the percentage (BMT: above 70%) or on points (ĐN: 80 points
 * and above = Tốt), highest first; the first band reached gives the label.
 */
export interface ClassificationRule {
  basis: 'PERCENT' | 'POINTS';
  bands: Array<{ min: number; inclusive: boolean; label: string; passes: boolean }>;
  otherwise: { label: string; passes: boolean };
}

export function classify(rule: ClassificationRule, t: { total: number; max: number }): { label: string; passes: boolean } {
  // Decided on the exact ratio: 700.04 of 1000 is above 70% even though it shows as 70.00%.
  const value = rule.basis === 'PERCENT' ? (t.max ? (t.total / t.max) * 100 : 0) : t.total;
  const bands = [...rule.bands].sort((a, b) => b.min - a.min);
  for (const b of bands) if (b.inclusive ? value >= b.min : value > b.min) return { label: b.label, passes: b.passes };
  return rule.otherwise;
}

/** Competition ranking over totals, highest first: equal totals share a rank and the next rank skips (1, 2, 2, 4). */
export function rankByTotal<T extends { total: number; unitId?: string }>(rows: T[]): Array<T & { rank: number }> {
  // Ties keep one order (by unit id) on every request, so pages neither skip nor repeat tied units.
  const sorted = [...rows].sort((a, b) => b.total - a.total || (a.unitId ?? '').localeCompare(b.unitId ?? ''));
  let rank = 0;
  let prev: number | null = null;
  return sorted.map((r, i) => {
    if (prev === null || r.total !== prev) rank = i + 1;
    prev = r.total;
    return { ...r, rank };
  });
}

/** May the unit still change its self-assessment on `today`: inside the campaign's window, or reopened until a date. */
export function selfAssessmentOpen(window: { opens: string; closes: string }, reopenedUntil: string | null, today: string): boolean {
  if (reopenedUntil && today <= reopenedUntil) return true;
  return today >= window.opens && today <= window.closes;
}
