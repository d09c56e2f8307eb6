import type { CountBand, GroupKind, GroupSpec, IndicatorSpec, OrgUnitKind } from '../framework/framework.types';

/* Builders the preset indices are written with: one line per indicator, as the decisions' annex tables read. */

/** Where an indicator's value comes from and who checks it; `appliesToKinds` omitted = every kind of the framework. */
export interface Sources {
  evidence: string;
  dataSource: string;
  verifyingUnit: string;
  appliesToKinds?: OrgUnitKind[];
}

export const indicator = (
  code: string,
  name: string,
  maxPoints: number,
  rule: Pick<IndicatorSpec, 'ruleType' | 'ruleConfig'>,
  src: Sources,
): IndicatorSpec => ({
  code,
  name,
  maxPoints,
  ...rule,
  evidence: src.evidence,
  dataSource: src.dataSource,
  verifyingUnit: src.verifyingUnit,
  appliesToKinds: src.appliesToKinds ?? null,
});

export const yesNo = (code: string, name: string, maxPoints: number, src: Sources): IndicatorSpec =>
  indicator(code, name, maxPoints, { ruleType: 'YES_NO', ruleConfig: {} }, src);

export const manual = (code: string, name: string, maxPoints: number, src: Sources): IndicatorSpec =>
  indicator(code, name, maxPoints, { ruleType: 'MANUAL', ruleConfig: {} }, src);

/** `bands` as [min, points] pairs, ascending; the last band's points equal `maxPoints`. */
export const countBands = (
  code: string,
  name: string,
  maxPoints: number,
  bands: Array<[number, number]>,
  src: Sources,
): IndicatorSpec =>
  indicator(
    code,
    name,
    maxPoints,
    { ruleType: 'COUNT_BANDS', ruleConfig: { bands: bands.map(([min, points]): CountBand => ({ min, points })) } },
    src,
  );

export const ratio = (
  code: string,
  name: string,
  maxPoints: number,
  numeratorLabel: string,
  denominatorLabel: string,
  src: Sources,
): IndicatorSpec => indicator(code, name, maxPoints, { ruleType: 'RATIO', ruleConfig: { numeratorLabel, denominatorLabel } }, src);

export const group = (
  code: string,
  name: string,
  content: { groups?: GroupSpec[]; indicators?: IndicatorSpec[] },
  kind: GroupKind = 'NORMAL',
): GroupSpec => ({ code, name, kind, groups: content.groups ?? [], indicators: content.indicators ?? [] });
