import { randomUUID } from 'node:crypto';
import { createLogger, loadPlatformConfig, openDatabase, type Database, type PlatformConfig } from '@thidua/platform';
import { describeEachDatabase, freshDatabase, type FreshDatabase } from '@thidua/testing';
import type { GraphClient } from '@thidua/graph-client';
import { Assessment, CampaignScoring } from '../src/assessment/assessment.entity';
import { mysqlMigrations, sqliteMigrations } from '../src/migrations';
import { decodeCursor } from '../src/ranking/ranking.rules';
import { RankingService } from '../src/ranking/ranking.service';
import { scoringEntities } from '../src/service';
import { createLoaders, createServices } from '../src/context';

const noGraph: GraphClient = { query: () => Promise.reject(new Error('not used')) };

describeEachDatabase('ranking cost', (kind) => {
  let fresh: FreshDatabase;
  let db: Database;
  let config: PlatformConfig;

  beforeAll(async () => {
    fresh = await freshDatabase(kind, 'scoring');
    config = loadPlatformConfig('scoring', 0, { NODE_ENV: 'test', ...fresh.env });
    db = await openDatabase({ config, logger: createLogger('test', 'silent'), entities: scoringEntities, migrations: { mysql: mysqlMigrations, sqlite: sqliteMigrations } });
  });
  afterAll(async () => {
    await db?.close();
    await fresh?.drop();
  });

  async function seed(campaignId: string, units: number, year: number): Promise<void> {
    const rows = Array.from({ length: units }, (_, i): Partial<Assessment> => ({
      id: randomUUID(),
      campaignId,
      periodId: randomUUID(),
      unitId: randomUUID(),
      unitKind: i % 2 ? ('WARD_PC' as const) : ('COMMUNE_PC' as const),
      unitName: `UBND phường ${i}`,
      frameworkId: randomUUID(),
      year,
      status: 'PUBLISHED' as const,
      reopenedUntil: null,
      maxPoints: 100,
      selfTotal: i % 100,
      verifiedTotal: i % 100,
      submittedAt: null,
      verifiedAt: null,
      publishedAt: null,
      version: 1,
    }));
    for (let i = 0; i < rows.length; i += 500) {
      await db.manager.createQueryBuilder().insert().into(Assessment).values(rows.slice(i, i + 500)).execute();
    }
    await db.manager.save(CampaignScoring, { campaignId, rule: { basis: 'PERCENT', bands: [{ min: 70, inclusive: false, label: 'Đạt', passes: true }], otherwise: { label: 'Chưa đạt', passes: false } } });
  }

  it('ranks 10,000 units with the same number of queries as 100', async () => {
    const small = randomUUID();
    const large = randomUUID();
    await seed(small, 100, 2024);
    await seed(large, 10_000, 2024);
    const service = new RankingService(db, noGraph);
    const a = await db.countQueries(() => service.rank({ campaignId: small, year: 2024 }));
    const b = await db.countQueries(() => service.rank({ campaignId: large, year: 2024 }));
    expect(a.result).toHaveLength(100);
    expect(b.result).toHaveLength(10_000);
    expect(b.queries).toBe(a.queries);
    // The fingerprint of the published results, the rule, the ranked year.
    expect(b.queries).toBe(3);
    // Unit i totals i mod 100 and odd units are wards: 100 wards share each odd total, so ranks jump by 100.
    const wards = b.result.filter((r) => r.unitKind === 'WARD_PC');
    expect(wards[0]).toMatchObject({ rank: 1, total: 99, percent: 99, classification: 'Đạt', passes: true });
    expect(wards[100]).toMatchObject({ rank: 101, total: 97 });
    expect(wards.filter((r) => r.rank === 1)).toHaveLength(100);
    expect(wards.at(-1)).toMatchObject({ rank: 4901, total: 1, classification: 'Chưa đạt', passes: false });
  });

  it('pages 1,200 units in the database: ties share a rank, pages neither skip nor repeat, the same order as the whole ranking', async () => {
    const campaignId = randomUUID();
    await seed(campaignId, 1_200, 2024);
    const service = new RankingService(db, noGraph);
    const all = await service.rank({ campaignId, year: 2024 });
    expect(all).toHaveLength(1_200);
    const seen: typeof all = [];
    let after = null;
    const costs: number[] = [];
    for (;;) {
      const from = after;
      const { result: page, queries } = await db.countQueries(() => service.page({ campaignId, year: 2024 }, { first: 250, after: from }));
      costs.push(queries);
      expect(page.totalCount).toBe(1_200);
      seen.push(...page.rows);
      if (!page.hasNextPage) break;
      after = decodeCursor(page.endCursor ?? '');
      expect(after).not.toBeNull();
    }
    expect(costs).toHaveLength(5);
    // The year was ranked for `all`: each page reads the rule and the fingerprint, and ranks nothing again.
    expect(costs).toEqual([2, 2, 2, 2, 2]);
    expect(seen.map((r) => r.unitId)).toEqual(all.map((r) => r.unitId));
    // Communes (even i) first, then wards; 12 communes share each even total, so ranks jump by 12.
    expect(seen.slice(0, 12).every((r) => r.rank === 1 && r.total === 98 && r.unitKind === 'COMMUNE_PC')).toBe(true);
    expect(seen[12]).toMatchObject({ rank: 13, total: 96 });
    expect(seen[600]).toMatchObject({ rank: 1, total: 99, unitKind: 'WARD_PC' });
    for (let i = 1; i < seen.length; i++) {
      const [p, r] = [seen[i - 1], seen[i]];
      if (p && r && p.unitKind === r.unitKind) expect(r.total === p.total ? r.rank === p.rank && r.unitId > p.unitId : r.rank === i - seen.findIndex((x) => x.unitKind === r.unitKind) + 1).toBe(true);
    }
    // One kind only, and a page past the end.
    const wards = await service.page({ campaignId, year: 2024, kind: 'WARD_PC' }, { first: 1_000 });
    expect(wards).toMatchObject({ totalCount: 600, hasNextPage: false });
    expect(wards.rows.map((r) => r.unitId)).toEqual(seen.slice(600).map((r) => r.unitId));
    const past = await service.page({ campaignId, year: 2024, kind: 'WARD_PC' }, { first: 10, after: decodeCursor(wards.endCursor ?? '') });
    expect(past).toEqual({ boundary: 'AS_WAS', asOf: null, rows: [], totalCount: 600, hasNextPage: false, endCursor: null });
    // OrgUnit.rank reads the ranks of the year: one query (the fingerprint), the year being ranked already.
    const ranks = await db.countQueries(() => service.ranksOf(campaignId, 2024));
    expect(ranks.queries).toBe(1);
    expect(ranks.result.size).toBe(1_200);
    for (const r of seen) expect(ranks.result.get(r.unitId)).toBe(r.rank);
  });

  it("batches OrgUnit.rank and the campaign's rule per request: one ranked year per (campaign, year)", async () => {
    const campaignId = randomUUID();
    await seed(campaignId, 300, 2024);
    const loaders = createLoaders(createServices(db, config));
    const units = await db.manager.find(Assessment, { where: { campaignId } });
    const { result, queries } = await db.countQueries(() =>
      Promise.all(units.map(async (a) => ({ unitId: a.unitId, rank: (await loaders.yearRanks.load({ campaignId, year: 2024 })).get(a.unitId), rule: await loaders.campaignRule.load(campaignId) }))),
    );
    // The fingerprint, the ranked year and the rule, for 300 units of two kinds (one ranking per unit before).
    expect(queries).toBe(3);
    const ranked = await new RankingService(db, noGraph).rank({ campaignId, year: 2024 });
    expect(result.map((r) => r.rank).sort()).toEqual(ranked.map((r) => r.rank).sort());
    expect(result.every((r) => r.rule?.otherwise.label === 'Chưa đạt')).toBe(true);
  });

  it('ranks a year again as soon as its published results change, on every replica', async () => {
    const campaignId = randomUUID();
    await seed(campaignId, 1_100, 2024);
    const [replicaA, replicaB] = [new RankingService(db, noGraph), new RankingService(db, noGraph)];
    const first = await replicaA.page({ campaignId, year: 2024, kind: 'WARD_PC' }, { first: 5 });
    expect(first.totalCount).toBe(550);
    expect((await replicaB.page({ campaignId, year: 2024, kind: 'WARD_PC' }, { first: 5 })).rows).toEqual(first.rows);
    // The top ward is reopened (its status saved through TypeORM, which bumps the version): both replicas drop it.
    const top = await db.manager.findOneByOrFail(Assessment, { campaignId, unitId: first.rows[0]?.unitId });
    await db.manager.save(Assessment, { ...top, status: 'SUBMITTED' });
    for (const replica of [replicaA, replicaB]) {
      const page = await replica.page({ campaignId, year: 2024, kind: 'WARD_PC' }, { first: 5 });
      expect(page.totalCount).toBe(549);
      expect(page.rows.map((r) => r.unitId)).not.toContain(top.unitId);
    }
    // Published again with a corrected total: ranked again, alone at the top.
    const reopened = await db.manager.findOneByOrFail(Assessment, { id: top.id });
    await db.manager.save(Assessment, { ...reopened, status: 'PUBLISHED', verifiedTotal: 100 });
    for (const replica of [replicaA, replicaB]) {
      const page = await replica.page({ campaignId, year: 2024, kind: 'WARD_PC' }, { first: 2 });
      expect(page.totalCount).toBe(550);
      expect(page.rows.map((r) => [r.unitId, r.rank, r.total])).toEqual([
        [top.unitId, 1, 100],
        [expect.any(String), 2, 99],
      ]);
    }
    // A result of the year before, published later, appears as the change from last year.
    await db.manager.insert(Assessment, { ...top, id: randomUUID(), year: 2023, verifiedTotal: 90, version: 1 });
    const withPrevious = await replicaB.page({ campaignId, year: 2024, kind: 'WARD_PC' }, { first: 1 });
    expect(withPrevious.rows[0]).toMatchObject({ unitId: top.unitId, previousTotal: 90, change: 10 });
  });

  it("compares a merged unit with its predecessors' results of last year", async () => {
    const campaignId = randomUUID();
    const [p1, p2, successor] = [randomUUID(), randomUUID(), randomUUID()];
    const row = (unitId: string, year: number, total: number): Partial<Assessment> => ({
      id: randomUUID(),
      campaignId,
      periodId: randomUUID(),
      unitId,
      unitKind: 'WARD_PC',
      unitName: 'x',
      frameworkId: randomUUID(),
      year,
      status: 'PUBLISHED',
      reopenedUntil: null,
      maxPoints: 100,
      selfTotal: total,
      verifiedTotal: total,
      submittedAt: null,
      verifiedAt: null,
      publishedAt: null,
      version: 1,
    });
    await db.manager.createQueryBuilder().insert().into(Assessment).values([row(p1, 2025, 60), row(p2, 2025, 80), row(successor, 2026, 75)]).execute();
    // Participants' lineage: the two wards merged into the successor on 1/7/2025.
    const merger = { kind: 'MERGED', effectiveDate: '2025-07-01', predecessors: [{ id: p1 }, { id: p2 }], successors: [{ id: successor }] };
    const lineage = [
      { id: successor, kind: 'WARD_PC', validFrom: '2025-07-01', validTo: null, changes: [merger] },
      { id: p1, kind: 'WARD_PC', validFrom: null, validTo: '2025-07-01', changes: [merger] },
      { id: p2, kind: 'WARD_PC', validFrom: null, validTo: '2025-07-01', changes: [merger] },
    ];
    const graph: GraphClient = {
      query: async <T>(_doc: unknown, vars?: { ids?: string[] }) => ({ orgUnits: { edges: lineage.filter((n) => vars?.ids?.includes(n.id)).map((node) => ({ node })) } }) as T,
    };
    const [entry] = await new RankingService(db, graph).rank({ campaignId, year: 2026 });
    expect(entry).toMatchObject({ unitId: successor, total: 75, previousTotal: 70, change: 5 });
  });
});
