import { loadGatewayConfig, startGateway } from '@thidua/gateway';
import { createLogger, loadPlatformConfig, type PlatformConfig } from '@thidua/platform';
import { describeEachDatabase, errorCodes, gql, gqlOk, startStack, type TestStack } from '@thidua/testing';
import { openParticipantsDatabase, seedParticipants, startParticipants } from '../src';
import { createServices } from '../src/context';
import { BMT_FORMED_2025, buonMaThuotPreset } from '../src/preset/buon-ma-thuot.preset';
import { DNG_FORMED_2025, daNangPreset } from '../src/preset/da-nang.preset';
import { loadPreset } from '../src/preset/preset.service';
import type { Preset } from '../src/preset/preset.types';

interface Named {
  code: string;
  name: string;
  kind: string;
}

/**
 * The presets as they were before the 2025 map (the previous version of this repository): no wards or communes of Đà Nẵng, no
 * mergers of wards, no Sở Khoa học và Công nghệ of Đắk Lắk, the district-level offices dissolved without a successor.
 */
function earlierVersion(p: Preset): Preset {
  return {
    units: p.units.filter((u) => u.code !== 'DLK-SKHCN' && !(u.code.startsWith('DNG-') && (u.kind === 'WARD_PC' || u.kind === 'COMMUNE_PC'))),
    reforms: p.reforms
      .filter((r) => r.kind !== 'MERGE_INTO' || r.units.includes('PYN') || r.units.includes('QNM') || r.units.includes('DNG-STTTT'))
      .map((r) => (r.kind === 'DISSOLVE' ? { ...r, successor: undefined, note: 'Kết thúc hoạt động của cơ quan, tổ chức cấp huyện khi không tổ chức cấp huyện.' } : r)),
    campaign: { ...p.campaign, clusters: p.campaign.clusters.filter((c) => !c.validFrom) },
  };
}

/** Every unit with its history, lineage and clusters, by code: what two installations must agree on. */
async function map(url: string): Promise<unknown> {
  const units: unknown[] = [];
  let after: string | null = null;
  for (;;) {
    const page: { orgUnits: { edges: Array<{ cursor: string; node: Record<string, unknown> }>; pageInfo: { hasNextPage: boolean } } } = await gqlOk(
      url,
      `query($after: String) { orgUnits(includeInactive: true, first: 500, after: $after) {
        edges { cursor node {
          code name kind validFrom validTo parent { code }
          predecessors { code } successors { code }
          changes { kind effectiveDate note basis { number date issuer title } predecessors { code } successors { code } subjects { code } }
        } }
        pageInfo { hasNextPage }
      } }`,
      { after },
    );
    units.push(...page.orgUnits.edges.map((e) => e.node));
    if (!page.orgUnits.pageInfo.hasNextPage) break;
    after = page.orgUnits.edges.at(-1)?.cursor ?? null;
  }
  const codes = (xs: unknown) => (xs as Array<{ code: string }>).map((x) => x.code).sort();
  const normal = units
    .map((u) => {
      const x = u as Record<string, unknown>;
      const changes = (x.changes as Array<Record<string, unknown>>)
        .map((c) => JSON.stringify({ ...c, predecessors: codes(c.predecessors), successors: codes(c.successors), subjects: codes(c.subjects) }))
        .sort();
      return { ...x, predecessors: codes(x.predecessors), successors: codes(x.successors), changes };
    })
    .sort((a, b) => String((a as { code?: string }).code).localeCompare(String((b as { code?: string }).code)));
  const clusters = await gqlOk<{ clusters: Array<{ code: string; members: Array<{ code: string }>; now: Array<{ code: string }> }> }>(
    url,
    '{ clusters { code members(asOf: "2024-12-10") { code } now: members(asOf: "2025-12-10") { code } } }',
  );
  return { units: normal, clusters: clusters.clusters.map((c) => ({ code: c.code, members: codes(c.members), now: codes(c.now) })).sort((a, b) => a.code.localeCompare(b.code)) };
}

describeEachDatabase('the 2025 map in the presets', (db) => {
  let stack: TestStack;
  let config: PlatformConfig;
  const ok = <T>(query: string, variables: Record<string, unknown> = {}) => gqlOk<T>(stack.url, query, variables);
  const expected = async (campaign: string, asOf: string, kind?: string) =>
    (
      await ok<{ campaign: { expectedUnits: Named[] } }>(
        `query($c: String!, $d: Date!, $k: OrgUnitKind) { campaign(code: $c) { expectedUnits(asOf: $d, kind: $k) { code name kind } } }`,
        { c: campaign, d: asOf, k: kind ?? null },
      )
    ).campaign.expectedUnits;
  const count = (units: Named[]) => units.reduce<Record<string, number>>((acc, u) => ({ ...acc, [u.kind]: (acc[u.kind] ?? 0) + 1 }), {});

  beforeAll(async () => {
    stack = await startStack({ db, subgraphs: { participants: startParticipants }, gateway: (env) => startGateway(loadGatewayConfig(env)) });
    config = loadPlatformConfig('participants', 0, stack.subgraphEnvs.participants);
  });
  afterAll(() => stack?.close());

  it('expects Buôn Ma Thuột’s wards, communes, departments and organisations in 2024, and the units formed on 1/7/2025 in 2025', async () => {
    // 13 wards until 1193/NQ-UBTVQH15 merged Thắng Lợi into Thành Công and Thống Nhất into Tân Tiến (2024): 11 on 10/12/2024.
    const before = await expected('BMT-CDS-2023-2025', '2024-12-10');
    expect(count(before)).toEqual({ DEPARTMENT: 13, MASS_ORGANISATION: 6, WARD_PC: 11, COMMUNE_PC: 8 });
    expect(before.map((u) => u.name)).toEqual(expect.arrayContaining(['UBND phường Thành Công', 'UBND phường Tân Lợi', 'UBND xã Cư Êbur', 'Phòng Nội vụ thành phố Buôn Ma Thuột']));
    expect(before.map((u) => u.name)).not.toContain('UBND phường Thắng Lợi');
    expect((await expected('BMT-CDS-2023-2025', '2024-06-30', 'WARD_PC')).map((u) => u.name)).toContain('UBND phường Thắng Lợi');

    // The closing year: the units that exist on each deadline (10/12 and 15/12/2025) are the wards and commune formed on 1/7/2025.
    for (const d of ['2025-12-10', '2025-12-15']) {
      const after = await expected('BMT-CDS-2023-2025', d);
      expect(after.map((u) => u.code).sort()).toEqual([...BMT_FORMED_2025].sort());
      expect(after.map((u) => u.name).sort()).toEqual(
        ['UBND phường Buôn Ma Thuột', 'UBND phường Ea Kao', 'UBND phường Thành Nhất', 'UBND phường Tân An', 'UBND phường Tân Lập', 'UBND xã Hòa Phú'].sort(),
      );
    }
    expect(await expected('BMT-CDS-2023-2025', '2025-12-10', 'DEPARTMENT')).toEqual([]);
    // The day before and the day of the reform.
    expect(await expected('BMT-CDS-2023-2025', '2025-06-30', 'WARD_PC')).toHaveLength(11);
    expect(count(await expected('BMT-CDS-2023-2025', '2025-07-01'))).toEqual({ WARD_PC: 5, COMMUNE_PC: 1 });

    // Everything built on the expected units follows: who has not registered, plan coverage.
    const reader = await stack.token('LEAD_AGENCY', undefined, { subject: 'lead-map' });
    const d = await gqlOk<{ campaign: { unregisteredUnits: Named[]; unitPlanCoverage: Array<{ kind: string | null; expected: number }> } }>(
      stack.url,
      '{ campaign(code: "BMT-CDS-2023-2025") { unregisteredUnits(asOf: "2025-12-10") { code name kind } unitPlanCoverage(asOf: "2025-12-10") { kind expected } } }',
      {},
      reader,
    );
    expect(d.campaign.unregisteredUnits.map((u) => u.code).sort()).toEqual([...BMT_FORMED_2025].sort());
    expect(d.campaign.unitPlanCoverage.find((r) => r.kind === null)?.expected).toBe(6);

    // The lead agency records paper registrations of the closed campaign, for a ward of 2024 as for one of 2025.
    const register = 'mutation($c: ID!, $u: ID!) { createRegistration(campaignId: $c, unitId: $u, commitments: ["Chuyển đổi số"], submit: true) { unit { code } } }';
    const campaign = (await ok<{ campaign: { id: string } }>('{ campaign(code: "BMT-CDS-2023-2025") { id } }')).campaign.id;
    for (const code of ['BMT-P-TAN-AN', 'DLK-P-TAN-AN']) {
      const unitId = (await ok<{ orgUnit: { id: string } }>('query($c: String!) { orgUnit(code: $c) { id } }', { c: code })).orgUnit.id;
      expect((await gqlOk<{ createRegistration: unknown }>(stack.url, register, { c: campaign, u: unitId }, reader)).createRegistration).toEqual({ unit: { code } });
    }
    const other = (await ok<{ orgUnit: { id: string } }>('{ orgUnit(code: "DNG-SYT") { id } }')).orgUnit.id;
    expect(errorCodes(await gql(stack.url, register, { c: campaign, u: other }, reader))).toEqual(['REGISTRATION_UNIT_NOT_EXPECTED']);
  });

  it('counts the 2023 launch plans as the units were on the due date, and rolled up to the units of 2026 (each once)', async () => {
    const lead = await stack.token('LEAD_AGENCY', undefined, { subject: 'lead-plans' });
    const campaign = (await ok<{ campaign: { id: string } }>('{ campaign(code: "BMT-CDS-2023-2025") { id } }')).campaign.id;
    const submit = 'mutation($c: ID!, $u: ID!, $r: Date!) { submitUnitPlan(input: { campaignId: $c, unitId: $u, number: "01/KH-UBND", issuedDate: "2023-07-20", receivedDate: $r }) { id } }';
    // Due 30/7/2023: Tân Lợi and Ea Tam on time, Thắng Lợi late, Phòng Y tế on time.
    for (const [code, received] of [['BMT-P-TAN-LOI', '2023-07-25'], ['BMT-P-THANG-LOI', '2023-08-05'], ['BMT-P-EA-TAM', '2023-07-28'], ['BMT-YT', '2023-07-29']]) {
      const unitId = (await ok<{ orgUnit: { id: string } }>('query($c: String!) { orgUnit(code: $c) { id } }', { c: code })).orgUnit.id;
      await gqlOk(stack.url, submit, { c: campaign, u: unitId, r: received }, lead);
    }
    type Row = { kind: string | null; expected: number; submitted: number; onTime: number; missing: Array<{ code: string }> };
    const coverage = async (args: string) =>
      (await gqlOk<{ campaign: { unitPlanCoverage: Row[] } }>(stack.url, `{ campaign(code: "BMT-CDS-2023-2025") { unitPlanCoverage${args} { kind expected submitted onTime missing { code } } } }`, {}, lead)).campaign
        .unitPlanCoverage;
    // As they were on the due date: 13 wards, 8 communes, 13 offices, 6 organisations; four plans, three on time.
    const asWas = (await coverage('')).find((r) => r.kind === null);
    expect(asWas).toMatchObject({ expected: 40, submitted: 4, onTime: 3 });
    // Rolled up to 2026: the six units formed on 1/7/2025, each once. Phường Buôn Ma Thuột carries Tân Lợi and Thắng Lợi (late),
    // Thành Nhất carries Ea Tam; the offices, dissolved, leave the count (their tasks went to the province's departments).
    const rolled = await coverage('(boundary: SUCCESSORS, asOf: "2026-01-01")');
    expect(rolled.find((r) => r.kind === null)).toMatchObject({ expected: 6, submitted: 2, onTime: 1 });
    expect(rolled.find((r) => r.kind === null)?.missing.map((u) => u.code).sort()).toEqual(['DLK-P-EA-KAO', 'DLK-P-TAN-AN', 'DLK-P-TAN-LAP', 'DLK-X-HOA-PHU']);
    expect(rolled.map((r) => r.kind)).toEqual([null, 'COMMUNE_PC', 'WARD_PC']);
  });

  it('records each ward formed on 1/7/2025 with its predecessors and 1660/NQ-UBTVQH15 as basis, under the province', async () => {
    const d = await ok<{ orgUnit: Record<string, unknown> & { changes: Array<Record<string, unknown> & { predecessors: Named[] }>; predecessors: Named[] } }>(
      `{ orgUnit(code: "DLK-P-BUON-MA-THUOT") {
        name validFrom active parent { code }
        predecessors(transitive: true) { code name }
        changes { kind effectiveDate basis { number date issuer } predecessors { code name } successors { code } }
      } }`,
    );
    expect(d.orgUnit).toMatchObject({ name: 'UBND phường Buôn Ma Thuột', validFrom: '2025-07-01', active: true, parent: { code: 'DLK' } });
    const merged = d.orgUnit.changes.find((c) => c.kind === 'MERGED');
    expect(merged).toMatchObject({
      effectiveDate: '2025-07-01',
      basis: { number: '1660/NQ-UBTVQH15', date: '2025-06-16', issuer: 'Ủy ban Thường vụ Quốc hội' },
      successors: [{ code: 'DLK-P-BUON-MA-THUOT' }],
    });
    expect(merged?.predecessors.map((p) => p.name).sort()).toEqual(
      ['UBND phường Thành Công', 'UBND phường Tân Tiến', 'UBND phường Tân Thành', 'UBND phường Tự An', 'UBND phường Tân Lợi', 'UBND xã Cư Êbur'].sort(),
    );
    // Through the 2024 arrangement, Thắng Lợi and Thống Nhất are predecessors too.
    expect(d.orgUnit.predecessors.map((p) => p.code)).toEqual(expect.arrayContaining(['BMT-P-THANG-LOI', 'BMT-P-THONG-NHAT', 'BMT-P-THANH-CONG']));
    const old = await ok<{ orgUnit: { active: boolean; validTo: string; successors: Named[]; changes: Array<{ kind: string; basis: { number: string } | null }> } }>(
      '{ orgUnit(code: "BMT-P-THANG-LOI") { active validTo successors { code } changes { kind basis { number } } } }',
    );
    expect(old.orgUnit).toMatchObject({ active: false, validTo: '2024-11-01', successors: [{ code: 'BMT-P-THANH-CONG' }] });
    expect(old.orgUnit.changes.find((c) => c.kind === 'MERGED')?.basis?.number).toBe('1193/NQ-UBTVQH15');
    // No old ward was moved under the province on its last day: the city ended with nothing left under it.
    const moved = await ok<{ orgUnit: { changes: Array<{ kind: string }> } }>('{ orgUnit(code: "BMT-P-TAN-AN") { changes { kind } } }');
    expect(moved.orgUnit.changes.map((c) => c.kind)).not.toContain('MOVED');
    const cluster = await ok<{ clusters: Array<{ code: string; members: Named[] }> }>('{ clusters { code members(asOf: "2025-12-10") { code } } }');
    expect(cluster.clusters.find((c) => c.code === 'BMT-CUM-PHUONG-XA-2025')?.members.map((m) => m.code).sort()).toEqual([...BMT_FORMED_2025].sort());
  });

  it('has Đà Nẵng’s wards and communes under their districts before the reform, and the city’s own after it', async () => {
    const under = async (district: string, asOf: string) => {
      const id = (await ok<{ orgUnit: { id: string } }>('query($c: String!) { orgUnit(code: $c) { id } }', { c: district })).orgUnit.id;
      const q = 'query($p: ID!, $d: Date!) { orgUnits(asOf: $d, parentId: $p, first: 100) { totalCount } }';
      return (await ok<{ orgUnits: { totalCount: number } }>(q, { p: id, d: asOf })).orgUnits.totalCount;
    };
    expect(await under('DNG-Q-HAI-CHAU', '2024-12-31')).toBe(13);
    expect(await under('DNG-Q-HAI-CHAU', '2025-03-01')).toBe(9);
    expect(await under('DNG-H-HOA-VANG', '2025-03-01')).toBe(11);
    expect(await under('DNG-Q-HAI-CHAU', '2025-07-01')).toBe(0);

    expect(count(await expected('DN-CDS-2021-2030', '2024-12-10'))).toEqual({ DEPARTMENT: 7, MASS_ORGANISATION: 3, DISTRICT_PC: 7, WARD_PC: 45, COMMUNE_PC: 11 });
    expect(count(await expected('DN-CDS-2021-2030', '2025-03-01'))).toEqual({ DEPARTMENT: 6, MASS_ORGANISATION: 3, DISTRICT_PC: 7, WARD_PC: 36, COMMUNE_PC: 11 });
    const after = await expected('DN-CDS-2021-2030', '2025-12-10');
    expect(count(after)).toEqual({ DEPARTMENT: 6, MASS_ORGANISATION: 3, WARD_PC: 12, COMMUNE_PC: 3 });
    expect(after.filter((u) => u.kind !== 'DEPARTMENT' && u.kind !== 'MASS_ORGANISATION').map((u) => u.code).sort()).toEqual([...DNG_FORMED_2025].sort());

    const haiChau = await ok<{ orgUnit: { name: string; parent: { code: string }; changes: Array<{ kind: string; basis: { number: string } | null; predecessors: Named[] }> } }>(
      '{ orgUnit(code: "DNG-P-HAI-CHAU-2025") { name parent { code } changes { kind basis { number } predecessors { name } } } }',
    );
    expect(haiChau.orgUnit).toMatchObject({ name: 'UBND phường Hải Châu', parent: { code: 'DNG' } });
    const merged = haiChau.orgUnit.changes.find((c) => c.kind === 'MERGED');
    expect(merged?.basis?.number).toBe('1659/NQ-UBTVQH15');
    expect(merged?.predecessors.map((p) => p.name).sort()).toEqual(
      ['UBND phường Hải Châu', 'UBND phường Phước Ninh', 'UBND phường Thanh Bình', 'UBND phường Thuận Phước', 'UBND phường Thạch Thang'].sort(),
    );
    // The 2024 arrangement (01/01/2025) is recorded without a basis: its number could not be confirmed.
    const hc1 = await ok<{ orgUnit: { validTo: string; successors: Named[]; changes: Array<{ kind: string; basis: unknown; note: string }> } }>(
      '{ orgUnit(code: "DNG-P-HAI-CHAU-I") { validTo successors { code } changes { kind basis { number } note } } }',
    );
    expect(hc1.orgUnit).toMatchObject({ validTo: '2025-01-01', successors: [{ code: 'DNG-P-HAI-CHAU' }] });
    expect(hc1.orgUnit.changes.find((c) => c.kind === 'MERGED')).toMatchObject({ basis: null, note: 'Nhập các phường Hải Châu I, Hải Châu II thành phường Hải Châu.' });
  });

  it('names the province’s departments as successors of Phòng Văn hóa và Thông tin and Phòng Nội vụ from 1/7/2025', async () => {
    const d = await ok<{ vhtt: Record<string, unknown>; nv: Record<string, unknown>; other: Record<string, unknown> }>(`{
      vhtt: orgUnit(code: "BMT-VHTT") { active validTo successors { code name } changes { kind effectiveDate basis { number } successors { code } } }
      nv: orgUnit(code: "BMT-NV") { successors { code name } }
      other: orgUnit(code: "BMT-YT") { successors { code } }
    }`);
    expect(d.vhtt).toMatchObject({ active: false, validTo: '2025-07-01', successors: [{ code: 'DLK-SKHCN', name: 'Sở Khoa học và Công nghệ tỉnh Đắk Lắk' }] });
    expect((d.vhtt.changes as Array<{ kind: string }>).find((c) => c.kind === 'DISSOLVED')).toEqual({
      kind: 'DISSOLVED',
      effectiveDate: '2025-07-01',
      basis: { number: '72/2025/QH15' },
      successors: [{ code: 'DLK-SKHCN' }],
    });
    expect(d.nv).toEqual({ successors: [{ code: 'DLK-SNV', name: 'Sở Nội vụ tỉnh Đắk Lắk' }] });
    expect(d.other).toEqual({ successors: [] });
  });

  it('changes nothing when the presets are loaded again', async () => {
    const first = await map(stack.url);
    expect(await seedParticipants(config)).toEqual([]);
    expect(await map(stack.url)).toEqual(first);
  });

  it('brings a database seeded by the earlier version of the presets to the same map', async () => {
    const fresh = await map(stack.url);
    const old = await startStack({
      db,
      subgraphs: {
        participants: async (cfg: PlatformConfig, env: NodeJS.ProcessEnv) => {
          const logger = createLogger('test', 'silent');
          const database = await openParticipantsDatabase(cfg, logger);
          try {
            const services = createServices(database);
            for (const p of [buonMaThuotPreset, daNangPreset]) await loadPreset(services, earlierVersion(p), logger);
          } finally {
            await database.close();
          }
          return startParticipants(cfg, env);
        },
      },
      gateway: (env) => startGateway(loadGatewayConfig(env)),
    });
    try {
      expect(await map(old.url)).toEqual(fresh);
      const cfg = loadPlatformConfig('participants', 0, old.subgraphEnvs.participants);
      await seedParticipants(cfg);
      expect(await map(old.url)).toEqual(fresh);
    } finally {
      await old.close();
    }
  });

  it('lets Nội vụ name the unit that takes over a dissolved one’s tasks, and refuses one that cannot', async () => {
    const homeAffairs = await stack.token('HOME_AFFAIRS', undefined, { subject: 'noi-vu-map' });
    const id = async (c: string) => (await ok<{ orgUnit: { id: string } }>('query($c: String!) { orgUnit(code: $c) { id } }', { c })).orgUnit.id;
    const [ldld, mttq] = [await id('DNG-LDLD'), await id('DNG-MTTQ')];
    const dissolve = 'mutation($u: ID!, $s: ID) { dissolveOrgUnit(id: $u, effectiveDate: "2026-01-01", successorId: $s) { kind successors { code } } }';
    const refused = await gql(stack.url, dissolve, { u: ldld, s: ldld }, homeAffairs);
    expect(errorCodes(refused)).toEqual(['ORG_UNIT_SUCCESSOR_INVALID']);
    expect(refused.errors[0]?.message).toMatch(/[À-ỹ]/);
    expect((await ok<{ orgUnit: { active: boolean } }>('{ orgUnit(code: "DNG-LDLD") { active } }')).orgUnit.active).toBe(true);
    const done = await gqlOk<{ dissolveOrgUnit: unknown }>(stack.url, dissolve, { u: ldld, s: mttq }, homeAffairs);
    expect(done.dissolveOrgUnit).toEqual({ kind: 'DISSOLVED', successors: [{ code: 'DNG-MTTQ' }] });
    expect((await ok<{ orgUnit: { successors: Named[] } }>('{ orgUnit(code: "DNG-LDLD") { successors { code } } }')).orgUnit.successors).toEqual([{ code: 'DNG-MTTQ' }]);
  });
});
