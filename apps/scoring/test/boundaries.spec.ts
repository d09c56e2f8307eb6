import { randomUUID } from 'node:crypto';
import { loadGatewayConfig, startGateway } from '@thidua/gateway';
import { startParticipants } from '@thidua/participants';
import { createLogger, loadPlatformConfig, openDatabase, presetId } from '@thidua/platform';
import { describeEachDatabase, gqlOk, startStack, type TestStack } from '@thidua/testing';
import { startScoring } from '../src';

const CAMPAIGN = presetId('Campaign', 'BMT-CDS-2023-2025');

interface Part {
  unit: { name: string };
  unitKind: string;
  total: number;
  maxPoints: number;
  percent: number;
}
interface Entry {
  rank: number;
  unit: { name: string };
  unitKind: string;
  total: number;
  maxPoints: number;
  percent: number;
  previousTotal: number | null;
  change: number | null;
  parts: Part[];
}
interface Connection {
  boundary: string;
  asOf: string | null;
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null;
  entries: Entry[];
}

const RANKING = `query($c: ID!, $y: Int!, $k: OrgUnitKind, $b: ResultBoundary, $d: Date, $n: Int, $a: String) {
  campaign(id: $c) {
    rankings(year: $y, kind: $k, boundary: $b, asOf: $d, first: $n, after: $a) {
      boundary asOf totalCount hasNextPage endCursor
      entries { rank unit { name } unitKind total maxPoints percent previousTotal change parts { unit { name } unitKind total maxPoints percent } }
    }
  }
}`;

/** R25: the same year's results as the units were, and rolled up to the units in force on a date. */
describeEachDatabase('results as the units were and rolled up to their successors', (db) => {
  let stack: TestStack;
  const ranking = async (v: { y: number; k?: string; b?: string; d?: string; n?: number; a?: string | null }) =>
    (await gqlOk<{ campaign: { rankings: Connection } }>(stack.url, RANKING, { c: CAMPAIGN, ...v })).campaign.rankings;

  beforeAll(async () => {
    stack = await startStack({ db, subgraphs: { participants: startParticipants, scoring: startScoring }, gateway: (env) => startGateway(loadGatewayConfig(env)) });
    const admin = await stack.token('ADMIN');
    const unit = async (code: string, name: string, kind: string) =>
      (
        await gqlOk<{ createOrgUnit: { id: string } }>(
          stack.url,
          'mutation($c: String!, $n: String!, $k: OrgUnitKind!, $p: ID) { createOrgUnit(input: { code: $c, name: $n, kind: $k, parentId: $p, validFrom: "2020-01-01" }) { id } }',
          { c: code, n: name, k: kind, p: presetId('OrgUnit', 'DLK') },
          admin,
        )
      ).createOrgUnit.id;
    const ward = { a: await unit('THU-P-A', 'UBND phường Thử A', 'WARD_PC'), b: await unit('THU-X-B', 'UBND xã Thử B', 'COMMUNE_PC'), c: await unit('THU-P-C', 'UBND phường Thử C', 'WARD_PC'), d: await unit('THU-P-D', 'UBND phường Thử D', 'WARD_PC') };
    // On 1/7/2025 ward A and commune B form a new ward; ward D is dissolved with no successor.
    await gqlOk(
      stack.url,
      'mutation($a: ID!, $b: ID!, $p: ID!) { mergeOrgUnits(input: { unitIds: [$a, $b], newUnit: { code: "THU-P-AB", name: "UBND phường Thử Hợp Nhất", kind: WARD_PC, parentId: $p }, effectiveDate: "2025-07-01" }) { kind } }',
      { a: ward.a, b: ward.b, p: presetId('OrgUnit', 'DLK') },
      admin,
    );
    await gqlOk(stack.url, 'mutation($d: ID!) { dissolveOrgUnit(id: $d, effectiveDate: "2025-07-01") { kind } }', { d: ward.d }, admin);

    // Published results of 2023 and 2024, written straight into scoring's database. The provinces of the presets:
    // Phú Yên merges into Đắk Lắk and Quảng Nam into Đà Nẵng on 1/7/2025.
    const province = (code: string) => presetId('OrgUnit', code);
    const results: Array<[string, string, number, number, number]> = [
      [province('DLK'), 'PROVINCE_PC', 2024, 1000, 700],
      [province('PYN'), 'PROVINCE_PC', 2024, 1000, 500],
      [province('DNG'), 'PROVINCE_PC', 2024, 1000, 900],
      [province('QNM'), 'PROVINCE_PC', 2024, 1000, 600],
      [province('DLK'), 'PROVINCE_PC', 2023, 1000, 600],
      [province('PYN'), 'PROVINCE_PC', 2023, 1000, 400],
      [ward.a, 'WARD_PC', 2024, 100, 80],
      [ward.b, 'COMMUNE_PC', 2024, 100, 60],
      [ward.c, 'WARD_PC', 2024, 100, 75],
      [ward.d, 'WARD_PC', 2024, 100, 95],
    ];
    const scoring = await openDatabase({
      config: loadPlatformConfig('scoring', 0, { NODE_ENV: 'test', ...(stack.subgraphEnvs.scoring ?? {}) }),
      logger: createLogger('test', 'silent'),
      entities: [],
      migrations: { mysql: [], sqlite: [] },
    });
    try {
      const columns = 'id, campaign_id, period_id, unit_id, unit_kind, unit_name, framework_id, year, status, max_points, self_total, verified_total, version';
      await scoring.manager.query(
        `INSERT INTO assessment (${columns}) VALUES ${results.map(() => `(${Array(13).fill('?').join(', ')})`).join(', ')}`,
        results.flatMap(([unitId, kind, year, max, total]) => [randomUUID(), CAMPAIGN, randomUUID(), unitId, kind, 'đơn vị', randomUUID(), year, 'PUBLISHED', max, total, total, 1]),
      );
    } finally {
      await scoring.close();
    }
  });
  afterAll(() => stack?.close());

  it('ranks the merged provinces of 2024 both ways, and the rolled-up figures reconcile with the units’ own', async () => {
    const asWas = await ranking({ y: 2024, k: 'PROVINCE_PC' });
    expect(asWas).toMatchObject({ boundary: 'AS_WAS', asOf: null, totalCount: 4 });
    expect(asWas.entries.map((e) => [e.rank, e.unit.name, e.total, e.parts.length])).toEqual([
      [1, 'UBND thành phố Đà Nẵng', 900, 0],
      [2, 'UBND tỉnh Đắk Lắk', 700, 0],
      [3, 'UBND tỉnh Quảng Nam', 600, 0],
      [4, 'UBND tỉnh Phú Yên', 500, 0],
    ]);

    // Today's units: each merged province counted once under its successor, the average of its parts, each named with its own figures.
    const now = await ranking({ y: 2024, k: 'PROVINCE_PC', b: 'SUCCESSORS' });
    expect(now).toMatchObject({ boundary: 'SUCCESSORS', totalCount: 2 });
    expect(now.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(now.entries).toEqual([
      {
        rank: 1,
        unit: { name: 'UBND thành phố Đà Nẵng' },
        unitKind: 'PROVINCE_PC',
        total: 750,
        maxPoints: 1000,
        percent: 75,
        previousTotal: null,
        change: null,
        parts: [
          { unit: { name: 'UBND thành phố Đà Nẵng' }, unitKind: 'PROVINCE_PC', total: 900, maxPoints: 1000, percent: 90 },
          { unit: { name: 'UBND tỉnh Quảng Nam' }, unitKind: 'PROVINCE_PC', total: 600, maxPoints: 1000, percent: 60 },
        ],
      },
      {
        rank: 2,
        unit: { name: 'UBND tỉnh Đắk Lắk' },
        unitKind: 'PROVINCE_PC',
        total: 600,
        maxPoints: 1000,
        percent: 60,
        // Last year's figure is rolled up the same way: (600 + 400) / 2.
        previousTotal: 500,
        change: 100,
        parts: [
          { unit: { name: 'UBND tỉnh Đắk Lắk' }, unitKind: 'PROVINCE_PC', total: 700, maxPoints: 1000, percent: 70 },
          { unit: { name: 'UBND tỉnh Phú Yên' }, unitKind: 'PROVINCE_PC', total: 500, maxPoints: 1000, percent: 50 },
        ],
      },
    ]);
    // Reconciled: every unit of 2024 appears exactly once among the parts, with the figure it has as it was.
    const own = new Map(asWas.entries.map((e) => [e.unit.name, e.total]));
    const parts = now.entries.flatMap((e) => e.parts);
    expect(parts.map((p) => p.unit.name).sort()).toEqual([...own.keys()].sort());
    for (const p of parts) expect(p.total).toBe(own.get(p.unit.name));
    for (const e of now.entries) expect(e.total).toBe(e.parts.reduce((s, p) => s + p.total, 0) / e.parts.length);

    // As the units were on the day before the merger, the rolled-up ranking is the ranking as it was.
    const before = await ranking({ y: 2024, k: 'PROVINCE_PC', b: 'SUCCESSORS', d: '2025-06-30' });
    expect(before).toMatchObject({ asOf: '2025-06-30', totalCount: 4 });
    expect(before.entries.map((e) => [e.rank, e.unit.name, e.total, e.parts])).toEqual(asWas.entries.map((e) => [e.rank, e.unit.name, e.total, []]));
  });

  it('rolls a ward and a commune up to the ward they formed, drops a ward dissolved with no successor, and pages the result', async () => {
    const asWas = await ranking({ y: 2024, k: 'WARD_PC' });
    expect(asWas.entries.map((e) => [e.rank, e.unit.name, e.total])).toEqual([
      [1, 'UBND phường Thử D', 95],
      [2, 'UBND phường Thử A', 80],
      [3, 'UBND phường Thử C', 75],
    ]);
    const wards = await ranking({ y: 2024, k: 'WARD_PC', b: 'SUCCESSORS', d: '2026-01-01' });
    expect(wards.entries.map((e) => [e.rank, e.unit.name, e.total, e.parts.map((p) => [p.unit.name, p.unitKind, p.total])])).toEqual([
      [1, 'UBND phường Thử C', 75, []],
      [
        2,
        'UBND phường Thử Hợp Nhất',
        70,
        [
          ['UBND phường Thử A', 'WARD_PC', 80],
          ['UBND xã Thử B', 'COMMUNE_PC', 60],
        ],
      ],
    ]);
    // No commune of 2024 is a commune today.
    expect((await ranking({ y: 2024, k: 'COMMUNE_PC', b: 'SUCCESSORS', d: '2026-01-01' })).totalCount).toBe(0);
    // The unit's own record says the same as the table.
    const record = await gqlOk<{ orgUnit: { score: { total: number; inheritedFrom: Array<{ name: string }> } } }>(stack.url, '{ orgUnit(code: "THU-P-AB") { score(year: 2024) { total inheritedFrom { name } } } }');
    expect(record.orgUnit.score.total).toBe(70);

    // Page by page, every kind: the same rows as in one page.
    const all = await ranking({ y: 2024, b: 'SUCCESSORS', d: '2026-01-01', n: 100 });
    const seen: Entry[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Connection = await ranking({ y: 2024, b: 'SUCCESSORS', d: '2026-01-01', n: 1, a: after });
      seen.push(...page.entries);
      if (!page.hasNextPage) break;
      after = page.endCursor;
    }
    expect(seen.map((e) => e.unit.name)).toEqual(all.entries.map((e) => e.unit.name));
    expect(all.totalCount).toBe(4);
  });
});
