import type { Database } from '@thidua/platform';
import type { GraphClient } from '@thidua/graph-client';
import { Assessment, CampaignScoring } from '../assessment/assessment.entity';
import { classify, rankByTotal, type ClassificationRule } from '../assessment/scoring.rules';
import type { OrgUnitKind } from '../framework/framework.types';
import { predecessorsOf } from '@thidua/graph-client';

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

interface RankingQuery {
  campaignId: string;
  year: number;
  kind?: OrgUnitKind | null;
  clusterId?: string | null;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Rankings (R9): published results of a campaign's year, ranked within each unit kind (or within a cluster),
 * ties sharing a rank, with the change from last year. A fixed number of queries whatever the number of units:
 * the campaign's rule, this year's rows, last year's rows (and the cluster's members from the graph).
 */
export class RankingService {
  constructor(
    private readonly db: Database,
    private readonly graph: GraphClient,
  ) {}

  async ruleOf(campaignId: string): Promise<ClassificationRule | null> {
    return (await this.db.manager.findOne(CampaignScoring, { where: { campaignId } }))?.rule ?? null;
  }

  async rank(q: RankingQuery): Promise<RankingRow[]> {
    const rule = (await this.ruleOf(q.campaignId)) ?? DEFAULT_RULE;
    const current = this.db.manager
      .createQueryBuilder(Assessment, 'a')
      .select(['a.unit_id AS unitId', 'a.unit_kind AS unitKind', 'a.verified_total AS total', 'a.max_points AS maxPoints'])
      .where('a.campaign_id = :c AND a.year = :y AND a.status = :s', { c: q.campaignId, y: q.year, s: 'PUBLISHED' })
      .orderBy('a.verified_total', 'DESC')
      .addOrderBy('a.unit_id', 'ASC');
    if (q.kind) current.andWhere('a.unit_kind = :k', { k: q.kind });
    let rows = await current.getRawMany<{ unitId: string; unitKind: OrgUnitKind; total: number | string | null; maxPoints: number | string }>();
    if (q.clusterId) {
      const members = await this.clusterMembers(q.clusterId, `${q.year}-12-31`);
      rows = rows.filter((r) => members.has(r.unitId));
    }
    const previous = await this.db.manager
      .createQueryBuilder(Assessment, 'a')
      .select(['a.unit_id AS unitId', 'a.verified_total AS total'])
      .where('a.campaign_id = :c AND a.year = :y AND a.status = :s', { c: q.campaignId, y: q.year - 1, s: 'PUBLISHED' })
      .getRawMany<{ unitId: string; total: number | string | null }>();
    const before = new Map(previous.map((p) => [p.unitId, Number(p.total ?? 0)]));
    // A unit formed by a merger compares with its predecessors' last-year results (their average).
    const newcomers = rows.map((r) => r.unitId).filter((id) => !before.has(id));
    if (previous.length && newcomers.length) {
      for (const [unitId, preds] of await predecessorsOf(this.graph, newcomers)) {
        const totals = preds.flatMap((p) => (before.has(p) ? [before.get(p) as number] : []));
        if (totals.length) before.set(unitId, round2(totals.reduce((a, b) => a + b, 0) / totals.length));
      }
    }
    const scored = rows.map((r) => {
      const total = Number(r.total ?? 0);
      const maxPoints = Number(r.maxPoints);
      const percent = maxPoints ? round2((total / maxPoints) * 100) : 0;
      const c = classify(rule, { total, max: maxPoints });
      const prev = before.get(r.unitId);
      return {
        unitId: r.unitId,
        unitKind: r.unitKind,
        total,
        maxPoints,
        percent,
        classification: c.label,
        passes: c.passes,
        previousTotal: prev ?? null,
        change: prev === undefined ? null : round2(total - prev),
      };
    });
    // A cluster is ranked as one group; otherwise each unit kind is its own group.
    const groups = new Map<string, typeof scored>();
    for (const r of scored) {
      const key = q.clusterId ? 'cluster' : r.unitKind;
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    return [...groups.keys()].sort().flatMap((k) => rankByTotal(groups.get(k) ?? []));
  }

  private async clusterMembers(clusterId: string, asOf: string): Promise<Set<string>> {
    const data = await this.graph.query<{ clusters: Array<{ id: string; members: Array<{ id: string }> }> }>(
      'query($asOf: Date) { clusters { id members(asOf: $asOf) { id } } }',
      { asOf },
    );
    return new Set(data.clusters.find((c) => c.id === clusterId)?.members.map((m) => m.id) ?? []);
  }
}
