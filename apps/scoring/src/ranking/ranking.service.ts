import { createHash } from 'node:crypto';
import type { Database } from '@thidua/platform';
import { LRUCache } from 'lru-cache';
import { In } from 'typeorm';
import type { GraphClient } from '@thidua/graph-client';
import { carriedOn, predecessorsOf, successorsOn } from '@thidua/graph-client';
import { todayInVietnam } from '@thidua/platform';
import { CampaignScoring } from '../assessment/assessment.entity';
import { ClusterMembersDocument } from '../generated/graph';
import { classify, type ClassificationRule } from '../assessment/scoring.rules';
import type { OrgUnitKind } from '../framework/framework.types';
import { encodeCursor, inheritedPrevious, kindGroupOrder, rollUpRanking, type RankingKey, type RankingPartFigures } from './ranking.rules';

/** When a campaign has set no rule yet, results still show, classified neutrally. */
export const DEFAULT_RULE: ClassificationRule = { basis: 'PERCENT', bands: [], otherwise: { label: 'Chưa xếp loại', passes: false } };

export interface RankingRow {
  rank: number;
  unitId: string;
  unitKind: OrgUnitKind;
  total: number;
  maxPoints: number;
  percent: number;
  classification: string;
  passes: boolean;
  previousTotal: number | null;
  change: number | null;
  /** When rolled up to today's units: the results of that year this row is made of (empty: the unit itself). */
  parts: RankingPartRow[];
}

/** A unit's own result inside a rolled-up row, with its percentage. */
export type RankingPartRow = RankingPartFigures & { percent: number };

/** As the units were when assessed, or rolled up to the units in force on a date (R25). */
export type ResultBoundary = 'AS_WAS' | 'SUCCESSORS';

export interface RankingQuery {
  campaignId: string;
  year: number;
  kind?: OrgUnitKind | null;
  clusterId?: string | null;
  boundary?: ResultBoundary | null;
  /** The date whose units a rolled-up ranking shows (default: today in Vietnam). */
  asOf?: string | null;
}

export interface RankingPage {
  boundary: ResultBoundary;
  asOf: string | null;
  rows: RankingRow[];
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null;
}

interface RawRow {
  unit_id: string;
  unit_kind: OrgUnitKind;
  total: number | string;
  max_points: number | string;
  previous_id: string | null;
  previous_total: number | string | null;
  grp: number | string;
  rnk: number | string;
}

/** A ranked row as the cache keeps it: its key, its figures, and its own last-year total when it has one. */
interface RankedRow extends RankingKey {
  unitKind: OrgUnitKind;
  total: number;
  maxPoints: number;
  previousTotal: number | null;
  parts?: RankingPartFigures[];
}

interface RankedSet {
  fingerprint: string;
  rows: RankedRow[];
  /** Whether the campaign published any result the year before (only then do merged units look for their predecessors'). */
  hasPrevious: boolean;
}

/** Ranked years kept per process, bounded by their rows (a province's 10,000 units are about 2 MB). */
const CACHED_ROWS = 200_000;

/** How long a ranking rolled up to today's units is kept: a reorganisation recorded since shows within this time. */
const ROLLED_UP_TTL_MS = 60_000;

function compareKeys(a: RankingKey, b: RankingKey): number {
  return a.group - b.group || a.rank - b.rank || (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0);
}

/** Index of the first row after `key` (rows in page order). */
function firstAfter(rows: readonly RankedRow[], key: RankingKey): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareKeys(rows[mid] as RankedRow, key) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The SQL of one ranked set: its rows, their group, rank (RANK(): ties share one) and last year's row. */
interface RankedSql {
  sql: string;
  params: unknown[];
}

/**
 * Rankings (R9): published results of a campaign's year, ranked within each unit kind (or within a cluster),
 * ties sharing a rank, with the change from last year. The database ranks a year in one query (a window function)
 * when its published results have changed since it last did; pages are then cut from the ranked rows. A page
 * costs the campaign's rule, the fingerprint of the published results (one query) and, only when units on the page
 * have no result of their own last year while the campaign has some, their predecessors' results (plus the
 * cluster's members and predecessors from the graph), whatever the number of units.
 */
export class RankingService {
  private readonly cache = new LRUCache<string, RankedSet>({ maxSize: CACHED_ROWS, sizeCalculation: (s) => s.rows.length + 1 });
  private readonly ranking = new Map<string, Promise<RankedSet>>();

  constructor(
    private readonly db: Database,
    private readonly graph: GraphClient,
  ) {}

  async ruleOf(campaignId: string): Promise<ClassificationRule | null> {
    return (await this.db.manager.findOne(CampaignScoring, { where: { campaignId } }))?.rule ?? null;
  }

  /** The rules of several campaigns in one query (a per-request loader batches them). */
  async rulesOf(campaignIds: readonly string[]): Promise<Map<string, ClassificationRule>> {
    const rows = await this.db.manager.find(CampaignScoring, { where: { campaignId: In([...campaignIds]) } });
    return new Map(rows.map((r) => [r.campaignId, r.rule]));
  }

  /** Every row of a ranking, in its order. */
  async rank(q: RankingQuery): Promise<RankingRow[]> {
    return (await this.page(q, {})).rows;
  }

  /** One page of a ranking: `first` rows (all when unset) after the row the cursor stands for. */
  async page(q: RankingQuery, p: { first?: number; after?: RankingKey | null }): Promise<RankingPage> {
    const boundary = q.boundary ?? 'AS_WAS';
    const asOf = boundary === 'SUCCESSORS' ? (q.asOf ?? todayInVietnam()) : null;
    const members = q.clusterId ? await this.clusterMembers(q.clusterId, asOf ?? `${q.year}-12-31`) : null;
    if (members && !members.size) return { boundary, asOf, rows: [], totalCount: 0, hasNextPage: false, endCursor: null };
    const [rule, set] = await Promise.all([this.ruleOf(q.campaignId), asOf ? this.rolledUpSet(q, asOf, members) : this.rankedSet(q, members)]);
    const from = p.after ? firstAfter(set.rows, p.after) : 0;
    const to = p.first === undefined ? set.rows.length : Math.min(set.rows.length, from + p.first);
    const pageRows = set.rows.slice(from, to);

    const previous = new Map<string, number>();
    for (const r of pageRows) if (r.previousTotal !== null) previous.set(r.unitId, r.previousTotal);
    // A unit formed by a merger compares with its predecessors' last-year results (their average); rolled-up rows
    // already carry theirs.
    const newcomers = asOf ? [] : pageRows.filter((r) => r.previousTotal === null).map((r) => r.unitId);
    if (set.hasPrevious && newcomers.length) {
      for (const [unitId, total] of await this.inheritedPrevious(q, newcomers)) previous.set(unitId, total);
    }
    const rows = pageRows.map((r): RankingRow => {
      const c = classify(rule ?? DEFAULT_RULE, { total: r.total, max: r.maxPoints });
      const prev = previous.get(r.unitId);
      return {
        rank: r.rank,
        unitId: r.unitId,
        unitKind: r.unitKind,
        total: r.total,
        maxPoints: r.maxPoints,
        percent: r.maxPoints ? round2((r.total / r.maxPoints) * 100) : 0,
        classification: c.label,
        passes: c.passes,
        previousTotal: prev ?? null,
        change: prev === undefined ? null : round2(r.total - prev),
        parts: (r.parts ?? []).map((x) => ({ ...x, percent: x.maxPoints ? round2((x.total / x.maxPoints) * 100) : 0 })),
      };
    });
    const last = pageRows.at(-1);
    return {
      boundary,
      asOf,
      rows,
      totalCount: set.rows.length,
      hasNextPage: to < set.rows.length,
      endCursor: last ? encodeCursor({ group: last.group, rank: last.rank, unitId: last.unitId }) : null,
    };
  }

  /** Every unit's rank within its kind in a campaign's year (for `OrgUnit.rank`), from the ranked year. */
  async ranksOf(campaignId: string, year: number): Promise<Map<string, number>> {
    const set = await this.rankedSet({ campaignId, year }, null);
    return new Map(set.rows.map((r) => [r.unitId, r.rank]));
  }

  /**
   * Every row of a ranked year, in page order. The database ranks it once per change of the published results: a
   * cheap fingerprint of this year's and last year's published rows (count, versions, totals, last publication) is
   * read for every page, and the year is ranked again only when it differs from the one the cached rows were
   * ranked at. Every replica keeps its own cache and checks it against the database, so none serves a stale page.
   */
  private async rankedSet(q: RankingQuery, members: Set<string> | null): Promise<RankedSet> {
    const key = [q.campaignId, q.year, q.kind ?? '', members ? createHash('sha1').update([...members].sort().join(',')).digest('base64url') : ''].join('|');
    const { fingerprint, hasPrevious } = await this.fingerprint(q.campaignId, q.year);
    const cached = this.cache.get(key);
    if (cached?.fingerprint === fingerprint) return cached;
    // Requests arriving together for a year that changed rank it once.
    const flight = `${key}|${fingerprint}`;
    let ranking = this.ranking.get(flight);
    if (!ranking) {
      ranking = this.rankYear(q, members, fingerprint, hasPrevious).finally(() => this.ranking.delete(flight));
      this.ranking.set(flight, ranking);
    }
    const set = await ranking;
    this.cache.set(key, set);
    return set;
  }

  /**
   * A year's results rolled up to the units in force on `asOf`: the year as ranked (cached as above), each unit
   * followed to its successors through participants' lineage, then ranked again. Kept for a minute at most, so a
   * reorganisation recorded since is seen soon; a change of the results is seen by the next page.
   */
  private async rolledUpSet(q: RankingQuery, asOf: string, members: Set<string> | null): Promise<RankedSet> {
    const key = ['S', q.campaignId, q.year, q.kind ?? '', asOf, members ? createHash('sha1').update([...members].sort().join(',')).digest('base64url') : ''].join('|');
    const year = await this.rankedSet({ campaignId: q.campaignId, year: q.year }, null);
    const cached = this.cache.get(key);
    if (cached?.fingerprint === year.fingerprint) return cached;
    const lineage = await successorsOn(
      this.graph,
      year.rows.map((r) => r.unitId),
      asOf,
    );
    const rows = rollUpRanking(year.rows, lineage, { kind: q.kind, members });
    const set: RankedSet = { fingerprint: year.fingerprint, rows, hasPrevious: year.hasPrevious };
    this.cache.set(key, set, { ttl: ROLLED_UP_TTL_MS });
    return set;
  }

  private async rankYear(q: RankingQuery, members: Set<string> | null, fingerprint: string, hasPrevious: boolean): Promise<RankedSet> {
    const ranked = this.rankedSql(q, members);
    const raw: RawRow[] = await this.db.manager.query(ranked.sql, ranked.params);
    const rows = raw.map(
      (r): RankedRow => ({
        group: Number(r.grp),
        rank: Number(r.rnk),
        unitId: r.unit_id,
        unitKind: r.unit_kind,
        total: Number(r.total),
        maxPoints: Number(r.max_points),
        previousTotal: r.previous_id === null ? null : Number(r.previous_total ?? 0),
      }),
    );
    // Ordered here rather than by the database's collation, so that cursors compare the same way on both databases.
    rows.sort(compareKeys);
    return { fingerprint, rows, hasPrevious };
  }

  /**
   * What changes whenever a published result of the year or of the year before does (every save of an assessment
   * bumps its `version`), and whether the year before has any: one query.
   */
  private async fingerprint(campaignId: string, year: number): Promise<{ fingerprint: string; hasPrevious: boolean }> {
    const rows = (await this.db.manager.query(
      'SELECT year, COUNT(*) AS n, COALESCE(SUM(version), 0) AS v, COALESCE(SUM(verified_total), 0) AS t, MAX(published_at) AS p ' +
        'FROM assessment WHERE campaign_id = ? AND year IN (?, ?) AND status = ? GROUP BY year ORDER BY year',
      [campaignId, year - 1, year, 'PUBLISHED'],
    )) as Array<{ year: number | string; n: number | string; v: number | string; t: number | string; p: unknown }>;
    const fingerprint = rows.map((r) => `${r.year}:${r.n}:${r.v}:${Number(r.t)}:${r.p instanceof Date ? r.p.toISOString() : String(r.p ?? '')}`).join('/');
    return { fingerprint, hasPrevious: rows.some((r) => Number(r.year) === year - 1) };
  }

  private rankedSql(q: RankingQuery, members: Set<string> | null): RankedSql {
    const params: unknown[] = [];
    // A cluster is ranked as one group; otherwise each unit kind is its own group.
    const order = kindGroupOrder();
    const grp = members ? '0' : `CASE a.unit_kind ${order.map(([k, i]) => `WHEN '${k}' THEN ${i}`).join(' ')} ELSE ${order.length} END`;
    let sql =
      `SELECT a.unit_id AS unit_id, a.unit_kind AS unit_kind, COALESCE(a.verified_total, 0) AS total, a.max_points AS max_points, ` +
      'p.id AS previous_id, p.verified_total AS previous_total, ' +
      `${grp} AS grp, RANK() OVER (PARTITION BY ${grp} ORDER BY COALESCE(a.verified_total, 0) DESC) AS rnk ` +
      'FROM assessment a';
    sql += ' LEFT JOIN assessment p ON p.unit_id = a.unit_id AND p.campaign_id = a.campaign_id AND p.year = ? AND p.status = ?';
    params.push(q.year - 1, 'PUBLISHED');
    sql += ' WHERE a.campaign_id = ? AND a.year = ? AND a.status = ?';
    params.push(q.campaignId, q.year, 'PUBLISHED');
    if (q.kind) {
      sql += ' AND a.unit_kind = ?';
      params.push(q.kind);
    }
    if (members) {
      sql += ` AND a.unit_id IN (${[...members].map(() => '?').join(', ')})`;
      params.push(...members);
    }
    return { sql, params };
  }

  /** Last year's result each newly formed unit carries from its predecessors: one graph call, one query. */
  private async inheritedPrevious(q: RankingQuery, unitIds: string[]): Promise<Map<string, number>> {
    // Those merged into it by the end of last year, or all when it was formed later.
    const preds = new Map([...(await predecessorsOf(this.graph, unitIds))].map(([id, l]) => [id, carriedOn(l, `${q.year - 1}-12-31`)]));
    const all = [...new Set([...preds.values()].flat())];
    const out = new Map<string, number>();
    if (!all.length) return out;
    const totals = new Map<string, number>();
    for (let i = 0; i < all.length; i += 500) {
      const ids = all.slice(i, i + 500);
      const raw: Array<{ unit_id: string; total: number | string | null }> = await this.db.manager.query(
        `SELECT unit_id, verified_total AS total FROM assessment WHERE campaign_id = ? AND year = ? AND status = ? AND unit_id IN (${ids.map(() => '?').join(', ')})`,
        [q.campaignId, q.year - 1, 'PUBLISHED', ...ids],
      );
      for (const r of raw) totals.set(r.unit_id, Number(r.total ?? 0));
    }
    for (const [unitId, ps] of preds) {
      const avg = inheritedPrevious(ps.flatMap((p) => (totals.has(p) ? [totals.get(p) as number] : [])));
      if (avg !== null) out.set(unitId, avg);
    }
    return out;
  }

  private async clusterMembers(clusterId: string, asOf: string): Promise<Set<string>> {
    const data = await this.graph.query(ClusterMembersDocument, { asOf });
    return new Set(data.clusters.find((c) => c.id === clusterId)?.members.map((m) => m.id) ?? []);
  }
}
