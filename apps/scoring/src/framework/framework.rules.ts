import type { LegalDocumentValue } from '@thidua/platform';
import type { OrgUnitKind } from './framework.types';

/** What choosing an index needs to know of a framework. */
export interface FrameworkInForce {
  id: string;
  code: string;
  year: number;
  yearTo: number | null;
  appliesToKinds: OrgUnitKind[];
  legalBasis: LegalDocumentValue | null;
  isSample: boolean;
  status: string;
}

/** Does the framework assess results of this year (first year .. last year, open-ended when the last is null)? */
export function coversYear(f: Pick<FrameworkInForce, 'year' | 'yearTo'>, year: number): boolean {
  return f.year <= year && (f.yearTo === null || year <= f.yearTo);
}

/** The years a framework covers, as people write them: "2024", "2023–2025", "từ 2024". */
export function yearsLabel(f: Pick<FrameworkInForce, 'year' | 'yearTo'>): string {
  if (f.yearTo === null) return `từ ${f.year}`;
  return f.yearTo === f.year ? String(f.year) : `${f.year}–${f.yearTo}`;
}

export type FrameworkChoice<F extends FrameworkInForce> =
  | { framework: F }
  | { error: 'NONE' }
  | { error: 'AMBIGUOUS'; codes: string[] };

/**
 * The index in force for a unit kind in a scoring year, on a date: published, covering the year, for the kind, and
 * issued on or before the date; the most recently issued wins (405/QĐ-BKHCN of 3/4/2025 replaces the 922/QĐ-BTTTT
 * sample for DTI 2024 once it exists), a real index wins over a sample issued the same day. Two equally recent
 * candidates are ambiguous: the campaign must list the one it uses.
 */
export function chooseFramework<F extends FrameworkInForce>(candidates: readonly F[], q: { year: number; kind: OrgUnitKind; onDate: string }): FrameworkChoice<F> {
  const issued = (f: F) => f.legalBasis?.date ?? '0000-01-01';
  const eligible = candidates.filter((f) => f.status === 'PUBLISHED' && coversYear(f, q.year) && f.appliesToKinds.includes(q.kind) && issued(f) <= q.onDate);
  if (!eligible.length) return { error: 'NONE' };
  const order = (a: F, b: F) => issued(b).localeCompare(issued(a)) || Number(a.isSample) - Number(b.isSample) || b.year - a.year;
  const sorted = [...eligible].sort(order);
  const best = sorted[0] as F;
  const tied = sorted.filter((f) => order(f, best) === 0);
  if (tied.length > 1) return { error: 'AMBIGUOUS', codes: tied.map((f) => f.code).sort() };
  return { framework: best };
}
