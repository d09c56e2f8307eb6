// How an indicator turns a value into points, as the graph computes it (apps/scoring scoring.rules.ts), so the
// officer sees the points while typing; the graph's own points are shown once saved.
import type { GroupKind, RuleType } from '../../gql/graphql';
import { formatNumber, formatPercent } from '../../lib/format';
import type { GroupNode, IndicatorInfo } from './assessment-types';

export interface ValueInput {
  yes?: boolean | null;
  count?: number | null;
  numerator?: number | null;
  denominator?: number | null;
  points?: number | null;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const isNum = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

/**
 * The largest count, numerator or denominator a unit may enter, as the graph bounds it (MAX_SCORE_QUANTITY in
 * apps/scoring scoring.rules.ts): real quantities stay far below it; anything larger is a typing slip.
 */
export const MAX_SCORE_QUANTITY = 1_000_000_000;

// The graph writes the numbers of its messages with up to 6 decimals; the same here, so both say the same thing.
const quantity = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 6 });

/** The graph's refusals, word for word, so the officer reads beside the field what saving would answer. */
export const valueMessages = {
  countTooLarge: `Số lượng không được lớn hơn ${quantity.format(MAX_SCORE_QUANTITY)}.`,
  ratioTermTooLarge: `Tử số (a) và mẫu số (b) không được lớn hơn ${quantity.format(MAX_SCORE_QUANTITY)}.`,
  ratioAboveOne: (a: number, b: number) => `Tử số (a) không được lớn hơn mẫu số (b) (${quantity.format(a)} > ${quantity.format(b)}).`,
};

type RuledIndicator = Pick<IndicatorInfo, 'ruleType' | 'maxPoints' | 'bands' | 'ratioMayExceedOne'>;

/** Why a value the rule can read does not fit it, as the graph would refuse it; null when it fits (or is incomplete). */
export function valueError(ind: Pick<IndicatorInfo, 'ruleType' | 'ratioMayExceedOne'>, v: ValueInput | null | undefined): string | null {
  if (!v) return null;
  if (ind.ruleType === 'COUNT_BANDS' && isNum(v.count) && v.count > MAX_SCORE_QUANTITY) return valueMessages.countTooLarge;
  if (ind.ruleType === 'RATIO') {
    if ([v.numerator, v.denominator].some((n) => isNum(n) && n > MAX_SCORE_QUANTITY)) return valueMessages.ratioTermTooLarge;
    if (isNum(v.numerator) && isNum(v.denominator) && v.numerator >= 0 && v.denominator >= 0 && v.numerator > v.denominator && !ind.ratioMayExceedOne) {
      return valueMessages.ratioAboveOne(v.numerator, v.denominator);
    }
  }
  return null;
}

/** Points for a value, or null while the value is incomplete or does not fit the rule. */
export function pointsFor(ind: RuledIndicator, v: ValueInput | null | undefined): number | null {
  if (!v || valueError(ind, v)) return null;
  switch (ind.ruleType) {
    case 'YES_NO':
      return typeof v.yes === 'boolean' ? (v.yes ? ind.maxPoints : 0) : null;
    case 'COUNT_BANDS': {
      if (!isNum(v.count) || v.count < 0 || !Number.isInteger(v.count)) return null;
      let points = 0;
      for (const b of [...(ind.bands ?? [])].sort((a, c) => a.min - c.min)) if (v.count >= b.min) points = b.points;
      return round2(Math.min(points, ind.maxPoints));
    }
    case 'RATIO':
      if (!isNum(v.numerator) || !isNum(v.denominator) || v.numerator < 0 || v.denominator < 0) return null;
      // Points never pass the maximum, even when the ratio may pass 1.
      return v.denominator === 0 ? 0 : round2(Math.min(1, v.numerator / v.denominator) * ind.maxPoints);
    case 'MANUAL':
      return isNum(v.points) && v.points >= 0 && v.points <= ind.maxPoints ? round2(v.points) : null;
  }
}

/** Only the inputs the rule reads, so a value typed for another rule never travels. */
export function valueForRule(ruleType: RuleType, v: ValueInput): ValueInput {
  switch (ruleType) {
    case 'YES_NO':
      return { yes: v.yes ?? null };
    case 'COUNT_BANDS':
      return { count: v.count ?? null };
    case 'RATIO':
      return { numerator: v.numerator ?? null, denominator: v.denominator ?? null };
    case 'MANUAL':
      return { points: v.points ?? null };
  }
}

/** "6 điểm", or "trừ 3 điểm" for a penalty. */
export function pointsText(points: number, groupKind: GroupKind): string {
  return groupKind === 'PENALTY' && points > 0 ? `trừ ${formatNumber(points)} điểm` : `${formatNumber(points)} điểm`;
}

/** How the indicator is scored, in a sentence. */
export function describeRule(ind: Pick<IndicatorInfo, 'ruleType' | 'maxPoints' | 'bands' | 'numeratorLabel' | 'denominatorLabel' | 'ratioMayExceedOne' | 'groupKind'>): string {
  const max = pointsText(ind.maxPoints, ind.groupKind);
  switch (ind.ruleType) {
    case 'YES_NO':
      return `Có: ${max}; Không: 0 điểm.`;
    case 'COUNT_BANDS': {
      const bands = [...(ind.bands ?? [])].sort((a, b) => a.min - b.min);
      return bands.length ? `${bands.map((b) => `từ ${formatNumber(b.min)} trở lên: ${pointsText(b.points, ind.groupKind)}`).join('; ')}; ít hơn: 0 điểm.` : `Tối đa ${max}.`;
    }
    case 'RATIO':
      return (
        `Điểm = a/b × ${formatNumber(ind.maxPoints)}, trong đó a là ${lower(ind.numeratorLabel ?? 'tử số')}, b là ${lower(ind.denominatorLabel ?? 'mẫu số')}` +
        (ind.ratioMayExceedOne ? `; a có thể lớn hơn b, khi đó được tối đa ${formatNumber(ind.maxPoints)} điểm.` : '; a không được lớn hơn b.')
      );
    case 'MANUAL':
      return `Đơn vị tự chấm từ 0 đến ${formatNumber(ind.maxPoints)} điểm theo mức độ thực hiện.`;
  }
}

function lower(s: string): string {
  return s ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

/** A recorded value as it reads: "Có", "14", "9/10 (90%)", "3,5 điểm". */
export function formatValue(ruleType: RuleType, v: ValueInput | null | undefined): string {
  if (!v) return '—';
  switch (ruleType) {
    case 'YES_NO':
      return v.yes === true ? 'Có' : v.yes === false ? 'Không' : '—';
    case 'COUNT_BANDS':
      return isNum(v.count) ? formatNumber(v.count) : '—';
    case 'RATIO':
      if (!isNum(v.numerator) || !isNum(v.denominator)) return '—';
      return `${formatNumber(v.numerator)}/${formatNumber(v.denominator)}${v.denominator > 0 ? ` (${formatPercent(round2((v.numerator / v.denominator) * 100))})` : ''}`;
    case 'MANUAL':
      return isNum(v.points) ? `${formatNumber(v.points)} điểm` : '—';
  }
}

/** Every indicator under a group, its sub-groups' included, in order. */
export function indicatorsOf(g: GroupNode): IndicatorInfo[] {
  return [...g.indicators, ...(g.groups ?? []).flatMap(indicatorsOf)];
}
