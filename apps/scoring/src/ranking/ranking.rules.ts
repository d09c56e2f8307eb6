import { ORG_UNIT_KINDS, type OrgUnitKind } from '../framework/framework.types';

/** The largest page of a ranking a client may ask for (the gateway's cost limit admits it: apps/gateway config). */
export const MAX_RANKING_PAGE = 1000;

/**
 * Where a ranking row sits in the one order every page follows, on SQLite and MySQL alike: its group (each unit
 * kind in the order of the kinds' codes, or the one cluster), its rank (ties share one), then its unit id.
 */
export interface RankingKey {
  group: number;
  rank: number;
  unitId: string;
}

/**
 * Position of each unit kind's group: kinds in the order of their codes (as the rankings always listed them).
 * Computed here, not by the database's collation, so both databases order groups alike.
 */
export function kindGroupOrder(kinds: readonly string[] = ORG_UNIT_KINDS): Array<[OrgUnitKind, number]> {
  return [...kinds].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((k, i) => [k as OrgUnitKind, i]);
}

const CURSOR = /^k:(\d{1,4}):(\d{1,9}):([0-9a-fA-F-]{36})$/;

/** The opaque cursor after a row (base64url of its key). */
export function encodeCursor(key: RankingKey): string {
  return Buffer.from(`k:${key.group}:${key.rank}:${key.unitId}`).toString('base64url');
}

/** The key a cursor stands for, or null when it is not one of ours. */
export function decodeCursor(cursor: string): RankingKey | null {
  const m = CURSOR.exec(Buffer.from(cursor, 'base64url').toString());
  if (!m) return null;
  return { group: Number(m[1]), rank: Number(m[2]), unitId: m[3] as string };
}

/** A merged unit's result of last year: the average of its predecessors' (rounded to hundredths), or none. */
export function inheritedPrevious(predecessorTotals: readonly number[]): number | null {
  if (!predecessorTotals.length) return null;
  return Math.round((predecessorTotals.reduce((a, b) => a + b, 0) / predecessorTotals.length) * 100) / 100;
}

/** A published result as a ranking holds it. */
export interface RankingFigures {
  unitId: string;
  unitKind: OrgUnitKind;
  total: number;
  maxPoints: number;
  previousTotal: number | null;
}

/** A unit's own result inside a row rolled up to its successor. */
export type RankingPartFigures = Omit<RankingFigures, 'previousTotal'>;

/** A row of a ranking rolled up to today's units: its key, its figures, the results it was made of. */
export interface RolledUpRow extends RankingKey, RankingFigures {
  parts: RankingPartFigures[];
}

const mean = (xs: readonly number[]) => Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100;

/**
 * A year's results rolled up to the units in force on a date (R25): every unit in force that succeeds units of that
 * year gets the average of their results (total, maximum and last year's total), and names them with their own
 * figures unless the row is only the unit itself. A unit whose figures pass to no one (dissolved without a
 * successor) leaves the table; one split in several counts in each. Rows are then filtered (a kind, a cluster's
 * members on that date) and ranked like results as they were: by kind (or the one cluster), ties sharing a rank.
 */
export function rollUpRanking(
  rows: readonly RankingFigures[],
  successors: ReadonlyMap<string, ReadonlyArray<{ id: string; kind: string }>>,
  filter: { kind?: OrgUnitKind | null; members?: ReadonlySet<string> | null } = {},
): RolledUpRow[] {
  const bySuccessor = new Map<string, { kind: OrgUnitKind; parts: RankingFigures[] }>();
  for (const r of rows) {
    for (const s of successors.get(r.unitId) ?? []) {
      const entry = bySuccessor.get(s.id) ?? { kind: s.kind as OrgUnitKind, parts: [] };
      entry.parts.push(r);
      bySuccessor.set(s.id, entry);
    }
  }
  const groups = new Map(kindGroupOrder());
  const out: RolledUpRow[] = [];
  for (const [unitId, { kind, parts }] of bySuccessor) {
    if (filter.kind && kind !== filter.kind) continue;
    if (filter.members && !filter.members.has(unitId)) continue;
    const previous = parts.flatMap((p) => (p.previousTotal === null ? [] : [p.previousTotal]));
    const onlyItself = parts.length === 1 && parts[0]?.unitId === unitId;
    out.push({
      group: filter.members ? 0 : (groups.get(kind) ?? groups.size),
      rank: 0,
      unitId,
      unitKind: kind,
      total: mean(parts.map((p) => p.total)),
      maxPoints: mean(parts.map((p) => p.maxPoints)),
      previousTotal: previous.length ? mean(previous) : null,
      parts: onlyItself ? [] : [...parts].sort((a, b) => b.total - a.total || (a.unitId < b.unitId ? -1 : 1)).map(({ previousTotal: _, ...p }) => p),
    });
  }
  out.sort((a, b) => a.group - b.group || b.total - a.total || (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0));
  let start = 0;
  out.forEach((r, i) => {
    const before = out[i - 1];
    if (!before || before.group !== r.group) start = i;
    r.rank = before && before.group === r.group && before.total === r.total ? before.rank : i - start + 1;
  });
  return out;
}
