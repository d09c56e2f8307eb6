import { validOn } from '@thidua/platform';

interface Dated {
  validFrom: string | null;
  validTo: string | null;
}

/** The version of a unit's attributes in force on date d (versions are non-overlapping). */
export function versionOn<V extends Dated>(versions: V[], d: string): V | undefined {
  return versions.find((v) => validOn(v, d));
}

/**
 * A change may take effect only on a day the unit exists and not before its current version began.
 * The same day is allowed: the 2025 reform moved and merged units on one date (1/7/2025).
 */
export function canChangeOn(unit: Dated, currentVersionFrom: string | null, effectiveDate: string): boolean {
  if (!validOn(unit, effectiveDate)) return false;
  return currentVersionFrom === null || currentVersionFrom <= effectiveDate;
}

/** Merge input is well-formed: distinct units, and ≥ 2 when creating a new unit, ≥ 1 into an existing one not among them. */
export function mergeShapeValid(unitIds: string[], intoUnitId: string | null | undefined, hasNewUnit: boolean): boolean {
  if (new Set(unitIds).size !== unitIds.length) return false;
  if (!!intoUnitId === hasNewUnit) return false;
  if (intoUnitId) return unitIds.length >= 1 && !unitIds.includes(intoUnitId);
  return unitIds.length >= 2;
}

/** Follow links from start, breadth-first, without revisiting (lineage may form a DAG). */
export function walkLineage(start: string[], next: (id: string) => string[]): string[] {
  const seen = new Set<string>(start);
  const order: string[] = [];
  let frontier = [...start];
  while (frontier.length) {
    const nextFrontier: string[] = [];
    for (const id of frontier) {
      for (const n of next(id)) {
        if (!seen.has(n)) {
          seen.add(n);
          order.push(n);
          nextFrontier.push(n);
        }
      }
    }
    frontier = nextFrontier;
  }
  return order;
}

/** Would making `parentId` the parent of `unitId` create a cycle? `parentOf` gives current parents. */
export function createsCycle(unitId: string, parentId: string, parentOf: (id: string) => string | null): boolean {
  let cur: string | null = parentId;
  const seen = new Set<string>();
  while (cur) {
    if (cur === unitId) return true;
    if (seen.has(cur)) return true;
    seen.add(cur);
    cur = parentOf(cur);
  }
  return false;
}

/**
 * The units that carry on `start` on a date: a unit of `start` that still exists then stands for itself, one that ended stands
 * through its successors by mergers and splits (`successorsOf`), followed transitively until units that exist (`existsOn`).
 * A dissolution's successor is not followed: it takes over an ended body's tasks, not its area or its place in a ranking.
 */
export function carriedOnBy(start: readonly string[], successorsOf: (id: string) => readonly string[], existsOn: (id: string) => boolean): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  let frontier = [...start];
  while (frontier.length) {
    const next: string[] = [];
    for (const id of frontier) {
      if (seen.has(id)) continue;
      seen.add(id);
      if (existsOn(id)) found.push(id);
      else next.push(...successorsOf(id));
    }
    frontier = next;
  }
  return found;
}
