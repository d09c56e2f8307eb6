import { randomUUID } from 'node:crypto';
import { createLogger, loadPlatformConfig, openDatabase, type Database } from '@thidua/platform';
import { describeEachDatabase, freshDatabase, type FreshDatabase } from '@thidua/testing';
import type { GraphClient } from '@thidua/graph-client';
import { Assessment, CampaignScoring } from '../src/assessment/assessment.entity';
import { mysqlMigrations, sqliteMigrations } from '../src/migrations';
import { RankingService } from '../src/ranking/ranking.service';
import { scoringEntities } from '../src/service';

const noGraph: GraphClient = { query: () => Promise.reject(new Error('not used')) };

describeEachDatabase('ranking cost', (kind) => {
  let fresh: FreshDatabase;
  let db: Database;

  beforeAll(async () => {
    fresh = await freshDatabase(kind, 'scoring');
    const config = loadPlatformConfig('scoring', 0, { NODE_ENV: 'test', ...fresh.env });
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
    expect(b.queries).toBeLessThanOrEqual(3);
    // Unit i totals i mod 100 and odd units are wards: 100 wards share each odd total, so ranks jump by 100.
    const wards = b.result.filter((r) => r.unitKind === 'WARD_PC');
    expect(wards[0]).toMatchObject({ rank: 1, total: 99, percent: 99, classification: 'Đạt', passes: true });
    expect(wards[100]).toMatchObject({ rank: 101, total: 97 });
    expect(wards.filter((r) => r.rank === 1)).toHaveLength(100);
    expect(wards.at(-1)).toMatchObject({ rank: 4901, total: 1, classification: 'Chưa đạt', passes: false });
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
    const graph: GraphClient = {
      query: async <T>() => ({ orgUnits: { edges: [{ node: { id: successor, predecessors: [{ id: p1 }, { id: p2 }] } }] } }) as T,
    };
    const [entry] = await new RankingService(db, graph).rank({ campaignId, year: 2026 });
    expect(entry).toMatchObject({ unitId: successor, total: 75, previousTotal: 70, change: 5 });
  });
});
