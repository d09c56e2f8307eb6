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
