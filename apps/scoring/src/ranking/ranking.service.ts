import type { Database } from '@thidua/platform';
import { In } from 'typeorm';
import type { GraphClient } from '@thidua/graph-client';
import { predecessorsOf } from '@thidua/graph-client';
import { CampaignScoring } from '../assessment/assessment.entity';
import { ClusterMembersDocument } from '../generated/graph';
import { classify, type ClassificationRule } from '../assessment/scoring.rules';
import type { OrgUnitKind } from '../framework/framework.types';
import { encodeCursor, inheritedPrevious, kindGroupOrder, type RankingKey } from './ranking.rules';

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
}

export interface RankingQuery {
  campaignId: string;
  year: number;
  kind?: OrgUnitKind | null;
  clusterId?: string | null;
}

export interface RankingPage {
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
  total_count: number | string;
  has_previous: number | string;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The SQL of one ranked set: its rows, their group, rank (RANK(): ties share one) and last year's row. */
interface RankedSql {
  sql: string;
  params: unknown[];
}

/**
 * Rankings (R9): published results of a campaign's year, ranked within each unit kind (or within a cluster),
 * ties sharing a rank, with the change from last year. The database ranks (a window function), orders and pages:
 * a page costs the campaign's rule, one ranked query, and, only when units on the page have no result of their
 * own last year while the campaign has some, their predecessors' results (plus the cluster's members and
 * predecessors from the graph), whatever the number of units.
 */
export class RankingService {
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
    const members = q.clusterId ? await this.clusterMembers(q.clusterId, `${q.year}-12-31`) : null;
    if (members && !members.size) return { rows: [], totalCount: 0, hasNextPage: false, endCursor: null };
    const rule = (await this.ruleOf(q.campaignId)) ?? DEFAULT_RULE;
    const ranked = this.rankedSql(q, members, true);
    const where: string[] = [];
    const params = [...ranked.params];
    if (p.after) {
      where.push('(r.grp > ? OR (r.grp = ? AND r.rnk > ?) OR (r.grp = ? AND r.rnk = ? AND r.unit_id > ?))');
      params.push(p.after.group, p.after.group, p.after.rank, p.after.group, p.after.rank, p.after.unitId);
    }
    const previousYear = 'SELECT 1 FROM assessment x WHERE x.campaign_id = ? AND x.year = ? AND x.status = ?';
    params.unshift(q.campaignId, q.year - 1, 'PUBLISHED');
    let sql = `SELECT r.*, CASE WHEN EXISTS (${previousYear}) THEN 1 ELSE 0 END AS has_previous FROM (${ranked.sql}) r`;
    if (where.length) sql += ` WHERE ${where.join(' AND ')}`;
    sql += ' ORDER BY r.grp, r.rnk, r.unit_id';
    if (p.first !== undefined) {
      sql += ' LIMIT ?';
      params.push(p.first + 1);
    }
    const raw: RawRow[] = await this.db.manager.query(sql, params);
    const hasNextPage = p.first !== undefined && raw.length > p.first;
    const pageRows = hasNextPage ? raw.slice(0, p.first) : raw;
    const first = raw[0];
    const totalCount = first ? Number(first.total_count) : p.after ? await this.count(q, members) : 0;

    const previous = new Map<string, number>();
    for (const r of pageRows) if (r.previous_id !== null) previous.set(r.unit_id, Number(r.previous_total ?? 0));
    // A unit formed by a merger compares with its predecessors' last-year results (their average).
    const newcomers = pageRows.filter((r) => r.previous_id === null).map((r) => r.unit_id);
    if (first && Number(first.has_previous) && newcomers.length) {
      for (const [unitId, total] of await this.inheritedPrevious(q, newcomers)) previous.set(unitId, total);
    }
    const rows = pageRows.map((r): RankingRow => {
      const total = Number(r.total);
      const maxPoints = Number(r.max_points);
      const c = classify(rule, { total, max: maxPoints });
      const prev = previous.get(r.unit_id);
      return {
        rank: Number(r.rnk),
        unitId: r.unit_id,
        unitKind: r.unit_kind,
        total,
        maxPoints,
        percent: maxPoints ? round2((total / maxPoints) * 100) : 0,
        classification: c.label,
        passes: c.passes,
        previousTotal: prev ?? null,
        change: prev === undefined ? null : round2(total - prev),
      };
    });
    const last = pageRows.at(-1);
    return { rows, totalCount, hasNextPage, endCursor: last ? encodeCursor({ group: Number(last.grp), rank: Number(last.rnk), unitId: last.unit_id }) : null };
  }

  /** Ranks of every unit of one kind in a campaign's year (for `OrgUnit.rank`): one query. */
  async ranksOf(campaignId: string, year: number, kind: OrgUnitKind): Promise<Map<string, number>> {
    const ranked = this.rankedSql({ campaignId, year, kind }, null, false);
    const raw: Array<{ unit_id: string; rnk: number | string }> = await this.db.manager.query(`SELECT r.unit_id, r.rnk FROM (${ranked.sql}) r`, ranked.params);
    return new Map(raw.map((r) => [r.unit_id, Number(r.rnk)]));
  }

  private rankedSql(q: RankingQuery, members: Set<string> | null, withPrevious: boolean): RankedSql {
    const params: unknown[] = [];
    // A cluster is ranked as one group; otherwise each unit kind is its own group.
    const order = kindGroupOrder();
    const grp = members ? '0' : `CASE a.unit_kind ${order.map(([k, i]) => `WHEN '${k}' THEN ${i}`).join(' ')} ELSE ${order.length} END`;
    let sql =
      `SELECT a.unit_id AS unit_id, a.unit_kind AS unit_kind, COALESCE(a.verified_total, 0) AS total, a.max_points AS max_points, ` +
      `${withPrevious ? 'p.id AS previous_id, p.verified_total AS previous_total, ' : ''}` +
      `${grp} AS grp, RANK() OVER (PARTITION BY ${grp} ORDER BY COALESCE(a.verified_total, 0) DESC) AS rnk, COUNT(*) OVER () AS total_count ` +
      'FROM assessment a';
    if (withPrevious) {
      sql += ' LEFT JOIN assessment p ON p.unit_id = a.unit_id AND p.campaign_id = a.campaign_id AND p.year = ? AND p.status = ?';
      params.push(q.year - 1, 'PUBLISHED');
    }
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

  private async count(q: RankingQuery, members: Set<string> | null): Promise<number> {
    const ranked = this.rankedSql(q, members, false);
    const [row] = (await this.db.manager.query(`SELECT COUNT(*) AS n FROM (${ranked.sql}) r`, ranked.params)) as Array<{ n: number | string }>;
    return Number(row?.n ?? 0);
  }

  /** Last year's result each newly formed unit carries from its predecessors: one graph call, one query. */
  private async inheritedPrevious(q: RankingQuery, unitIds: string[]): Promise<Map<string, number>> {
    const preds = await predecessorsOf(this.graph, unitIds);
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
