// Indicators and the values units gave, said in words (the verifier reads them, never the raw fields).
import type { RuleType } from '../../gql/graphql';
import { ruleTypeLabels } from '../../i18n/labels';
import { formatNumber, formatPercent } from '../../lib/format';
import type { ValueInput } from '../assessment/scoring';

export interface RuleLike {
  ruleType: RuleType;
  maxPoints: number;
  bands?: Array<{ min: number; points: number }> | null;
  numeratorLabel?: string | null;
  denominatorLabel?: string | null;
}

/** How an indicator is scored, in one sentence. */
export function describeRule(i: RuleLike): string {
  switch (i.ruleType) {
    case 'YES_NO':
      return `${ruleTypeLabels.YES_NO}: có được ${formatNumber(i.maxPoints)} điểm.`;
    case 'COUNT_BANDS': {
      const bands = [...(i.bands ?? [])].sort((a, b) => a.min - b.min);
      return bands.length
        ? `${ruleTypeLabels.COUNT_BANDS}: ${bands.map((b) => `từ ${formatNumber(b.min)} được ${formatNumber(b.points)} điểm`).join('; ')}.`
        : `${ruleTypeLabels.COUNT_BANDS}, tối đa ${formatNumber(i.maxPoints)} điểm.`;
    }
    case 'RATIO':
      return `${ruleTypeLabels.RATIO}: ${i.numeratorLabel ?? 'tử số'} / ${i.denominatorLabel ?? 'mẫu số'} × ${formatNumber(i.maxPoints)} điểm.`;
    default:
      return `${ruleTypeLabels.MANUAL}: từ 0 đến ${formatNumber(i.maxPoints)} điểm.`;
  }
}

/** What the unit declared for an indicator, in words; null when it declared nothing. */
export function describeValue(i: RuleLike, v: ValueInput | null | undefined): string | null {
  if (!v) return null;
  switch (i.ruleType) {
    case 'YES_NO':
      return v.yes === null || v.yes === undefined ? null : v.yes ? 'Có' : 'Không';
    case 'COUNT_BANDS':
      return v.count === null || v.count === undefined ? null : `Số lượng: ${formatNumber(v.count)}`;
    case 'RATIO': {
      if (v.numerator === null || v.numerator === undefined || v.denominator === null || v.denominator === undefined) return null;
      const ratio = v.denominator > 0 ? ` (${formatPercent((v.numerator / v.denominator) * 100)})` : '';
      return `${i.numeratorLabel ?? 'Tử số'}: ${formatNumber(v.numerator)}; ${i.denominatorLabel ?? 'mẫu số'}: ${formatNumber(v.denominator)}${ratio}`;
    }
    default:
      return v.points === null || v.points === undefined ? null : `Tự chấm ${formatNumber(v.points)} điểm`;
  }
}
