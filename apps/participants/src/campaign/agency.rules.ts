import { nameKey, validOn } from '@thidua/platform';

/** What the rule needs of a unit: its life span, its last name and its field (lĩnh vực). */
export interface AgencyUnit {
  id: string;
  name: string;
  field: string | null;
  validFrom: string | null;
  validTo: string | null;
}

/** The reorganisation that ended a unit: its kind, date and the units it names as successors. */
export interface Ending {
  kind: string;
  effectiveDate: string;
  successorIds: string[];
}

/** Changes whose successors take over an ended unit's tasks; a unit that was only moved or renamed never ends. */
const HANDED_OVER = new Set(['MERGED', 'DISSOLVED', 'SPLIT']);

export type Step = { kind: 'IN_FORCE' } | { kind: 'FOLLOW'; id: string } | { kind: 'NONE' };

/**
 * Of the successors of an ended unit, the one that takes over its tasks:
 * - the only one (a merger, a dissolution that names who takes over);
 * - of several (a split), the one with the same field as the ended unit, else the one that kept its name;
 * - none when that still leaves no single unit: an agency is never guessed.
 */
export function chooseSuccessor(ended: AgencyUnit, successors: AgencyUnit[]): AgencyUnit | null {
  const distinct = [...new Map(successors.filter((s) => s.id !== ended.id).map((s) => [s.id, s])).values()];
  if (distinct.length <= 1) return distinct[0] ?? null;
  const field = ended.field ? nameKey(ended.field) : null;
  const sameField = field ? distinct.filter((s) => s.field !== null && nameKey(s.field) === field) : [];
  if (sameField.length === 1) return sameField[0] ?? null;
  const sameName = distinct.filter((s) => nameKey(s.name) === nameKey(ended.name));
  return sameName.length === 1 ? (sameName[0] ?? null) : null;
}

/**
 * One step of the walk from a unit to the unit in force on d: the unit itself when it exists on d; its successor
 * when it ended on or before d by a merger, a split or a dissolution naming one; nothing when it did not exist yet
 * on d, ended without a successor, or the successors leave no single choice.
 */
export function successionStep(unit: AgencyUnit, d: string, ending: Ending | null, successors: AgencyUnit[]): Step {
  if (validOn(unit, d)) return { kind: 'IN_FORCE' };
  if (unit.validFrom !== null && d < unit.validFrom) return { kind: 'NONE' };
  if (!ending || !HANDED_OVER.has(ending.kind) || ending.effectiveDate > d) return { kind: 'NONE' };
  const next = chooseSuccessor(unit, successors.filter((s) => ending.successorIds.includes(s.id)));
  return next ? { kind: 'FOLLOW', id: next.id } : { kind: 'NONE' };
}

/** Of the changes a unit is a predecessor in, the one that ended it (on its end date; else the latest). */
export function endingOf(unit: Pick<AgencyUnit, 'validTo'>, endings: Ending[]): Ending | null {
  if (!endings.length) return null;
  const sorted = [...endings].sort((a, b) => (a.effectiveDate < b.effectiveDate ? 1 : a.effectiveDate > b.effectiveDate ? -1 : 0));
  return sorted.find((e) => e.effectiveDate === unit.validTo) ?? sorted[0] ?? null;
}

/**
 * The unit in force on d for `startId`, following successors transitively (Sở TT-TT → Sở KH&CN from 1/3/2025), or
 * null when there is none (see successionStep). `last` is the last unit the walk reached either way.
 */
export function unitInForceOn(
  startId: string,
  d: string,
  unitOf: (id: string) => AgencyUnit | undefined,
  endingOfUnit: (id: string) => Ending | null,
): { id: string | null; last: string | null } {
  const seen = new Set<string>();
  let cur: string = startId;
  let last: string | null = null;
  while (!seen.has(cur)) {
    seen.add(cur);
    const unit = unitOf(cur);
    if (!unit) return { id: null, last };
    last = cur;
    const ending = endingOfUnit(cur);
    const successors = (ending?.successorIds ?? []).flatMap((id) => unitOf(id) ?? []);
    const step = successionStep(unit, d, ending, successors);
    if (step.kind === 'IN_FORCE') return { id: cur, last };
    if (step.kind === 'NONE') return { id: null, last };
    cur = step.id;
  }
  return { id: null, last };
}
