import { randomUUID } from 'node:crypto';
import { loadGatewayConfig, startGateway } from '@thidua/gateway';
import { createLogger, loadPlatformConfig, presetId } from '@thidua/platform';
import { describeEachDatabase, errorCodes, gql, gqlOk, startStack, type GqlResponse, type TestStack } from '@thidua/testing';
import { openParticipantsDatabase, seedParticipants, startParticipants } from '../src';

interface Unit {
  id: string;
  name: string;
  version: number;
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describeEachDatabase('participants through the gateway', (db) => {
  let stack: TestStack;
  let admin: string;
  let lead: string;
  let homeAffairs: string;
  const units: Record<string, Unit> = {};
  const campaigns: Record<string, { id: string }> = {};

  const q = (query: string, variables: Record<string, unknown> = {}, token?: string) => gql(stack.url, query, variables, token);
  const ok = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, token?: string) =>
    gqlOk<T>(stack.url, query, variables, token);
  const unit = async (code: string): Promise<Unit> => {
    const d = await ok<{ orgUnit: Unit }>('query($c: String!) { orgUnit(code: $c) { id name version } }', { c: code });
    units[code] = d.orgUnit;
    return d.orgUnit;
  };
  const auditCountBy = async (actorId: string) =>
    (await ok<{ participantsAuditLog: unknown[] }>('query($a: String!) { participantsAuditLog(actorId: $a, first: 500) { id } }', { a: actorId }, admin))
      .participantsAuditLog.length;
  const expectRefused = (r: GqlResponse<unknown>, code: string) => {
    expect(errorCodes(r)).toEqual([code]);
    expect(r.errors[0]?.message).toMatch(/[À-ỹ]/);
  };

  beforeAll(async () => {
    stack = await startStack({ db, subgraphs: { participants: startParticipants }, gateway: (env) => startGateway(loadGatewayConfig(env)) });
    admin = await stack.token('ADMIN', undefined, { subject: 'admin-1' });
    lead = await stack.token('LEAD_AGENCY', undefined, { subject: 'lead-1' });
    homeAffairs = await stack.token('HOME_AFFAIRS', undefined, { subject: 'noi-vu-1' });
    for (const code of ['BMT', 'DLK', 'BMT-P-TAN-LOI', 'BMT-P-THANG-LOI', 'BMT-P-TAN-AN', 'BMT-P-EA-TAM', 'DNG-SYT', 'DNG-SNV']) await unit(code);
    const d = await ok<{ campaigns: Array<{ id: string; code: string }> }>('{ campaigns { id code } }');
    for (const c of d.campaigns) campaigns[c.code] = c;
  });
  afterAll(() => stack?.close());

  it("names the legal basis of the 2025 mergers, and corrects a basis an earlier preset recorded as a placeholder", async () => {
    const changes = async () =>
      (await ok<{ orgUnit: { changes: Array<{ kind: string; effectiveDate: string; note: string | null; basis: { number: string; date: string; issuer: string } | null }> } }>(
        '{ orgUnit(code: "DNG-STTTT") { changes { kind effectiveDate note basis { number date issuer } } } }',
      )).orgUnit.changes;
    const expected = { kind: 'MERGED', effectiveDate: '2025-03-01', basis: { number: '01/NQ-HĐND', date: '2025-02-20', issuer: 'HĐND thành phố Đà Nẵng' } };
    expect(await changes()).toEqual(expect.arrayContaining([expect.objectContaining(expected)]));
    // An installation seeded by an earlier version of the preset: the number was a dash and the title a note to update it.
    const config = loadPlatformConfig('participants', 0, stack.subgraphEnvs.participants);
    const database = await openParticipantsDatabase(config, createLogger('test', 'silent'));
    try {
      const placeholder = JSON.stringify({ number: '—', date: '2025-03-01', issuer: 'HĐND, UBND thành phố Đà Nẵng', title: 'Sắp xếp (số hiệu văn bản cần cập nhật)' });
      await database.manager.query('UPDATE org_unit_change SET basis = ? WHERE effective_date = ? AND kind = ?', [placeholder, '2025-03-01', 'MERGED']);
    } finally {
      await database.close();
    }
    expect((await changes()).find((c) => c.kind === 'MERGED')?.basis?.number).toBe('—');
    await seedParticipants(config);
    expect(await changes()).toEqual(expect.arrayContaining([expect.objectContaining(expected)]));
    const log = await ok<{ participantsAuditLog: Array<{ action: string }> }>('{ participantsAuditLog(entityType: "OrgUnitChange") { action } }', {}, admin);
    expect(log.participantsAuditLog.map((e) => e.action)).toContain('preset-correction');
  });

  it('shows anyone both seed campaigns with their phases and milestones, in correct Vietnamese', async () => {
    const d = await ok<{ campaigns: Array<Record<string, unknown>> }>(`{
      campaigns {
        code name issuerTitle startDate endDate
        document { number date issuer }
        phases { name startDate endDate }
        milestones { kind title startDate dueDate recurrence sourceClause recipient(asOf: "2024-12-31") { name } }
        contentAreas { code }
        prioritySectors { name }
        leadAgency(asOf: "2024-12-31") { name } appraisingAgency(asOf: "2024-12-31") { name }
        reports: milestones(kind: UNIT_REPORT_DUE) { dueDateIn(year: 2024) }
      }
    }`);
    const bmt = d.campaigns.find((c) => c.code === 'BMT-CDS-2023-2025') as Record<string, never>;
    const dn = d.campaigns.find((c) => c.code === 'DN-CDS-2021-2030') as Record<string, never>;
    expect(bmt).toMatchObject({
      name: 'Phong trào thi đua “Chuyển đổi số giai đoạn 2023 - 2025” trên địa bàn thành phố Buôn Ma Thuột',
      issuerTitle: 'UBND thành phố Buôn Ma Thuột',
      startDate: '2023-07-01',
      endDate: '2025-12-31',
      leadAgency: { name: 'Phòng Văn hóa và Thông tin thành phố Buôn Ma Thuột' },
      appraisingAgency: { name: 'Phòng Nội vụ thành phố Buôn Ma Thuột' },
      reports: [{ dueDateIn: '2024-12-10' }],
    });
    const ms = (bmt.milestones as Array<Record<string, unknown>>).map((m) => [m.kind, m.startDate, m.dueDate, m.recurrence]);
    expect(ms).toEqual([
      ['UNIT_PLAN_DUE', null, '2023-07-30', 'ONCE'],
      ['UNIT_REPORT_DUE', null, '2023-12-10', 'YEARLY'],
      ['CITY_SUMMARY_DUE', null, '2023-12-15', 'YEARLY'],
      ['INTERIM_REVIEW', '2024-07-01', '2024-09-30', 'ONCE'],
      ['FINAL_REVIEW', '2025-10-01', '2025-12-31', 'ONCE'],
    ]);
    expect((bmt.milestones as Array<Record<string, unknown>>)[0]).toMatchObject({
      sourceClause: 'VI.1',
      recipient: { name: 'Phòng Nội vụ thành phố Buôn Ma Thuột' },
    });
    expect((bmt.milestones as Array<{ title: string }>)[3]?.title).toBe('Sơ kết Phong trào thi đua Chuyển đổi số (Quý III năm 2024)');
    expect((bmt.contentAreas as Array<{ code: string }>).map((c) => c.code)).toEqual(['a', 'b', 'c', 'd', 'e', 'g', 'h', 'i', 'k']);
    expect((bmt.prioritySectors as Array<{ name: string }>).map((s) => s.name)).toEqual([
      'Nông nghiệp',
      'Giáo dục',
      'Y tế',
      'Công nghiệp và năng lượng',
      'Tài nguyên và môi trường',
      'Du lịch',
    ]);
    expect(dn).toMatchObject({
      name: 'Thi đua chuyển đổi số trên địa bàn thành phố Đà Nẵng giai đoạn 2021 - 2030',
      document: { number: '3970/QĐ-UBND', date: '2021-12-10', issuer: 'Chủ tịch UBND thành phố Đà Nẵng' },
      phases: [
        { name: 'Giai đoạn 1 (2021 - 2025)', startDate: '2021-12-10', endDate: '2025-12-31' },
        { name: 'Giai đoạn 2 (2026 - 2030)', startDate: '2026-01-01', endDate: '2030-12-31' },
      ],
      leadAgency: { name: 'Sở Thông tin và Truyền thông thành phố Đà Nẵng' },
    });
    expect((dn.contentAreas as unknown[]).length).toBe(7);
    expect(JSON.stringify(d)).toEqual(JSON.stringify(d).normalize('NFC'));
    // Preset entities have the same id on every installation, so other services' presets can refer to them.
    expect(campaigns['BMT-CDS-2023-2025']?.id).toBe(presetId('Campaign', 'BMT-CDS-2023-2025'));
    expect(units.BMT?.id).toBe(presetId('OrgUnit', 'BMT'));
  });

  it('keeps the wards merged on 1/7/2025 reachable as predecessors; "as of 2024-12-31" shows the old structure', async () => {
    // The preset's 2025 map: phường Buôn Ma Thuột formed from five wards and a commune of the city (1660/NQ-UBTVQH15).
    const after = await ok<{ n: Record<string, unknown>; old: Record<string, unknown>; city: Record<string, unknown> }>(
      `query($old: ID!) {
        n: orgUnit(code: "DLK-P-BUON-MA-THUOT") { validFrom active parent { name } predecessors { name } changes { kind basis { number } } }
        old: orgUnit(id: $old) { name active validTo successors { name } }
        city: orgUnit(code: "BMT") { active validTo successors { name } }
      }`,
      { old: units['BMT-P-TAN-LOI']?.id },
    );
    expect(after.n).toMatchObject({ validFrom: '2025-07-01', active: true, parent: { name: 'UBND tỉnh Đắk Lắk' }, changes: [{ kind: 'MERGED', basis: { number: '1660/NQ-UBTVQH15' } }] });
    expect((after.n.predecessors as Array<{ name: string }>).map((p) => p.name)).toContain('UBND phường Tân Lợi');
    expect(after.old).toEqual({ name: 'UBND phường Tân Lợi', active: false, validTo: '2025-07-01', successors: [{ name: 'UBND phường Buôn Ma Thuột' }] });
    expect(after.city).toEqual({ active: false, validTo: '2025-07-01', successors: [{ name: 'UBND tỉnh Đắk Lắk' }] });

    // Nội vụ records a later merger the same way (two wards created for the test).
    const ward = async (code: string, name: string) =>
      (await ok<{ createOrgUnit: { id: string } }>(
        'mutation($c: String!, $n: String!, $p: ID!) { createOrgUnit(input: { code: $c, name: $n, kind: WARD_PC, parentId: $p, validFrom: "2025-07-01" }) { id } }',
        { c: code, n: name, p: units.DLK?.id },
        homeAffairs,
      )).createOrgUnit.id;
    const a = await ward('TEST-P-MOT', 'UBND phường Thử Nghiệm Một');
    const b = await ward('TEST-P-HAI', 'UBND phường Thử Nghiệm Hai');
    const merge = await ok<{ mergeOrgUnits: Record<string, unknown> }>(
      `mutation($input: MergeInput!) { mergeOrgUnits(input: $input) { kind effectiveDate basis { number } predecessors { name } successors { name } } }`,
      {
        input: {
          unitIds: [a, b],
          newUnit: { code: 'TEST-P-THU-NGHIEM', name: 'UBND phường Thử Nghiệm', kind: 'WARD_PC', parentId: units.DLK?.id },
          effectiveDate: '2026-01-01',
          basis: { number: '01/NQ-TEST', date: '2025-12-20', issuer: 'Ủy ban Thường vụ Quốc hội' },
        },
      },
      homeAffairs,
    );
    expect(merge.mergeOrgUnits).toMatchObject({ kind: 'MERGED', effectiveDate: '2026-01-01', basis: { number: '01/NQ-TEST' }, successors: [{ name: 'UBND phường Thử Nghiệm' }] });
    expect((merge.mergeOrgUnits.predecessors as Array<{ name: string }>).map((p) => p.name).sort()).toEqual(['UBND phường Thử Nghiệm Hai', 'UBND phường Thử Nghiệm Một']);

    const old = await ok<{ orgUnits: { totalCount: number; edges: Array<{ node: { name: string; parent: { name: string } } }> } }>(
      `query($p: ID!) { orgUnits(asOf: "2024-12-31", parentId: $p, kind: WARD_PC, first: 100) { totalCount edges { node { name parent { name } } } } }`,
      { p: units.BMT?.id },
    );
    // 11 wards: Thắng Lợi and Thống Nhất were merged into Thành Công and Tân Tiến in 2024 (1193/NQ-UBTVQH15).
    expect(old.orgUnits.totalCount).toBe(11);
    expect(old.orgUnits.edges.map((e) => e.node.name)).toContain('UBND phường Tân Lợi');
    expect(old.orgUnits.edges.every((e) => e.node.parent.name === 'UBND thành phố Buôn Ma Thuột')).toBe(true);
    const names = old.orgUnits.edges.map((e) => e.node.name);
    expect(names.indexOf('UBND phường Ea Tam')).toBeLessThan(names.indexOf('UBND phường Khánh Xuân'));

    const now = await ok<{ orgUnits: { edges: Array<{ node: { name: string } }> } }>(
      `query($p: ID!) { orgUnits(parentId: $p, kind: WARD_PC, first: 100) { edges { node { name } } } }`,
      { p: units.DLK?.id },
    );
    const current = now.orgUnits.edges.map((e) => e.node.name);
    expect(current).toContain('UBND phường Buôn Ma Thuột');
    expect(current).toContain('UBND phường Tân An');
    expect(current).not.toContain('UBND phường Tân Lợi');
    const expected = await ok<{ campaign: { expectedUnits: unknown[] } }>(
      `{ campaign(code: "BMT-CDS-2023-2025") { expectedUnits(asOf: "2024-12-31", kind: WARD_PC) { id } } }`,
    );
    expect(expected.campaign.expectedUnits).toHaveLength(11);
  });

  it('lets a unit officer change only their own unit: others get a clear error and nothing is written', async () => {
    const officer = await stack.token('UNIT_OFFICER', units['BMT-P-TAN-AN']?.id, { subject: 'can-bo-tan-an' });
    const other = units['BMT-P-EA-TAM']?.id;
    expect(await auditCountBy('can-bo-tan-an')).toBe(0);
    const r1 = await q('mutation($u: ID!) { createPerson(input: { fullName: "Nguyễn Văn Bình", kind: CIVIL_SERVANT, unitId: $u }) { id } }', { u: other }, officer);
    expectRefused(r1, 'FORBIDDEN_OTHER_UNIT');
    expect(r1.errors[0]?.message).toBe('Bạn chỉ được thay đổi dữ liệu của đơn vị mình.');
    const r2 = await q(
      'mutation($c: ID!, $u: ID!) { submitUnitPlan(input: { campaignId: $c, unitId: $u, number: "12/KH-UBND", issuedDate: "2023-07-20" }) { id } }',
      { c: campaigns['BMT-CDS-2023-2025']?.id, u: other },
      officer,
    );
    expectRefused(r2, 'FORBIDDEN_OTHER_UNIT');
    const r3 = await q('mutation($u: ID!) { renameOrgUnit(id: $u, name: "UBND phường Mới", effectiveDate: "2026-01-01") { id } }', { u: other }, officer);
    expectRefused(r3, 'FORBIDDEN');
    expect(await auditCountBy('can-bo-tan-an')).toBe(0);
    const people = await ok<{ people: unknown[] }>('query($u: ID!) { people(unitId: $u) { id } }', { u: other }, admin);
    expect(people.people).toEqual([]);

    const own = await ok<{ createPerson: { id: string; fullName: string } }>(
      'mutation($u: ID!, $n: String!) { createPerson(input: { fullName: $n, kind: CIVIL_SERVANT, unitId: $u, position: "Công chức Văn hóa - Xã hội" }) { id fullName } }',
      { u: units['BMT-P-TAN-AN']?.id, n: '  Trần   Thị Hồng Nhung '.normalize('NFD') },
      officer,
    );
    expect(own.createPerson.fullName).toBe('Trần Thị Hồng Nhung'.normalize('NFC'));
    const audit = await ok<{ participantsAuditLog: Array<Record<string, unknown>> }>(
      'query { participantsAuditLog(actorId: "can-bo-tan-an") { entityType entityId action actorRoles actorUnitId before after } }',
      {},
      admin,
    );
    expect(audit.participantsAuditLog).toHaveLength(1);
    expect(audit.participantsAuditLog[0]).toMatchObject({
      entityType: 'Person',
      entityId: own.createPerson.id,
      action: 'create',
      actorRoles: ['UNIT_OFFICER'],
      actorUnitId: units['BMT-P-TAN-AN']?.id,
      before: null,
    });
    expect(JSON.parse(String(audit.participantsAuditLog[0]?.after))).toMatchObject({ fullName: 'Trần Thị Hồng Nhung' });
    expectRefused(await q('{ participantsAuditLog { id } }', {}, lead), 'FORBIDDEN');
    expectRefused(await q('{ people { id } }'), 'UNAUTHENTICATED');
  });

  it('runs a registration through submit, return with a reason, resubmit and accept; lists who has not registered', async () => {
    const dn = campaigns['DN-CDS-2021-2030']?.id;
    const officer = await stack.token('UNIT_OFFICER', units['DNG-SYT']?.id, { subject: 'can-bo-syt' });
    const reg = await ok<{ createRegistration: { id: string; status: string; version: number } }>(
      'mutation($c: ID!, $u: ID!) { createRegistration(campaignId: $c, unitId: $u, commitments: ["Triển khai hồ sơ sức khỏe điện tử toàn dân"], submit: true) { id status version } }',
      { c: dn, u: units['DNG-SYT']?.id },
      officer,
    );
    expect(reg.createRegistration.status).toBe('SUBMITTED');
    const before = await auditCountBy('can-bo-syt');
    const dup = await q('mutation($c: ID!, $u: ID!) { createRegistration(campaignId: $c, unitId: $u, commitments: ["Lần hai"]) { id } }', { c: dn, u: units['DNG-SYT']?.id }, officer);
    expectRefused(dup, 'REGISTRATION_DUPLICATE');
    expect(await auditCountBy('can-bo-syt')).toBe(before);
    const unknown = await q('mutation($c: ID!, $u: ID!) { createRegistration(campaignId: $c, unitId: $u, commitments: ["x"]) { id } }', { c: dn, u: randomUUID() }, admin);
    expectRefused(unknown, 'ORG_UNIT_NOT_FOUND');

    const returned = await ok<{ returnRegistration: { status: string; returnReason: string; version: number } }>(
      'mutation($id: ID!) { returnRegistration(id: $id, reason: "Cam kết chưa có chỉ tiêu cụ thể") { status returnReason version } }',
      { id: reg.createRegistration.id },
      lead,
    );
    expect(returned.returnRegistration).toMatchObject({ status: 'RETURNED', returnReason: 'Cam kết chưa có chỉ tiêu cụ thể' });
    await ok(
      'mutation($id: ID!, $v: Int!) { updateRegistration(id: $id, expectedVersion: $v, commitments: ["100% cơ sở y tế có hồ sơ bệnh án điện tử năm 2025"]) { id } }',
      { id: reg.createRegistration.id, v: returned.returnRegistration.version },
      officer,
    );
    await ok('mutation($id: ID!) { submitRegistration(id: $id) { status } }', { id: reg.createRegistration.id }, officer);
    const accepted = await ok<{ acceptRegistration: { status: string; commitments: string[] } }>(
      'mutation($id: ID!) { acceptRegistration(id: $id) { status commitments } }',
      { id: reg.createRegistration.id },
      lead,
    );
    expect(accepted.acceptRegistration).toEqual({ status: 'ACCEPTED', commitments: ['100% cơ sở y tế có hồ sơ bệnh án điện tử năm 2025'] });
    expectRefused(await q('mutation($id: ID!) { acceptRegistration(id: $id) { status } }', { id: reg.createRegistration.id }, officer), 'FORBIDDEN');

    const missing = await ok<{ campaign: { unregisteredUnits: Array<{ name: string }> } }>(
      'query($c: ID!) { campaign(id: $c) { unregisteredUnits(kind: DEPARTMENT) { name } } }',
      { c: dn },
      lead,
    );
    const names = missing.campaign.unregisteredUnits.map((u) => u.name);
    expect(names).toContain('Sở Nội vụ thành phố Đà Nẵng');
    expect(names).not.toContain('Sở Y tế thành phố Đà Nẵng');
  });

  it('refuses a deadline outside the campaign and impossible dates, writing nothing', async () => {
    const bmt = campaigns['BMT-CDS-2023-2025']?.id;
    const auditBefore = await auditCountBy('lead-1');
    const r = await q('mutation($c: ID!) { addMilestone(campaignId: $c, input: { kind: OTHER, title: "Hạn ngoài kế hoạch", dueDate: "2026-01-15" }) { id } }', { c: bmt }, lead);
    expectRefused(r, 'MILESTONE_OUTSIDE_CAMPAIGN');
    expect(r.errors[0]?.message).toBe('Thời hạn 15/01/2026 nằm ngoài thời gian của phong trào (01/07/2023 – 31/12/2025).');
    const bad = await q('mutation($c: ID!) { addMilestone(campaignId: $c, input: { kind: OTHER, title: "x", dueDate: "2025-02-30" }) { id } }', { c: bmt }, lead);
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors[0]?.message).toBe('Giá trị đầu vào không hợp lệ. Ngày 2025-02-30 không tồn tại.');
    const d = await ok<{ campaign: { milestones: unknown[] } }>('query($c: ID!) { campaign(id: $c) { milestones { id } } }', { c: bmt });
    expect(d.campaign.milestones).toHaveLength(5);
    expect(await auditCountBy('lead-1')).toBe(auditBefore);
  });

  it('treats NFD and NFC spellings as the same name and refuses over-long names', async () => {
    const nfd = 'UBND phường Tân Lập'.normalize('NFD');
    const dup = await q(
      'mutation($n: String!, $p: ID!) { createOrgUnit(input: { code: "TEST-TAN-LAP-2", name: $n, kind: WARD_PC, parentId: $p }) { id } }',
      { n: nfd, p: units.DLK?.id },
      homeAffairs,
    );
    expectRefused(dup, 'ORG_UNIT_NAME_TAKEN');
    const long = await q(
      'mutation($n: String!, $p: ID!) { createOrgUnit(input: { code: "TEST-LONG", name: $n, kind: WARD_PC, parentId: $p }) { id } }',
      { n: 'Đ'.repeat(300), p: units.DLK?.id },
      homeAffairs,
    );
    expectRefused(long, 'VALIDATION_FAILED');
    expect(long.errors[0]?.extensions?.details).toEqual({ fields: [{ field: 'name', message: 'Quá dài (tối đa 255 ký tự).' }] });
    expect(await auditCountBy('noi-vu-1')).toBeGreaterThan(0);
    const created = await q('{ a: orgUnit(code: "TEST-TAN-LAP-2") { id } b: orgUnit(code: "TEST-LONG") { id } }');
    expect(created.data).toEqual({ a: null, b: null });
  });

  it('keeps names that differ only by tone apart (Mã ≠ Mạ), on every database', async () => {
    const create = (code: string, name: string) =>
      q('mutation($c: String!, $n: String!, $p: ID!) { createOrgUnit(input: { code: $c, name: $n, kind: COMMUNE_PC, parentId: $p }) { name } }', { c: code, n: name, p: units.DLK?.id }, homeAffairs);
    expect((await create('TEST-XA-MA-1', 'UBND xã Mã')).errors).toEqual([]);
    expect((await create('TEST-XA-MA-2', 'UBND xã Mạ')).errors).toEqual([]);
    expectRefused(await create('TEST-XA-MA-3', 'ubnd XÃ mã'), 'ORG_UNIT_NAME_TAKEN');
  });

  it('receives unit plans with files, computes on-time and coverage, and guards downloads', async () => {
    const bmt = campaigns['BMT-CDS-2023-2025']?.id;
    const wardA = units['BMT-P-TAN-AN']?.id as string;
    const officerA = await stack.token('UNIT_OFFICER', wardA, { subject: 'can-bo-tan-an' });
    const officerB = await stack.token('UNIT_OFFICER', units['BMT-P-EA-TAM']?.id, { subject: 'can-bo-ea-tam' });
    const upload = async (name: string, bytes: Buffer, token?: string) => {
      const form = new FormData();
      form.append('file', new Blob([bytes]), name);
      const res = await fetch(`${stack.origin}/files`, { method: 'POST', body: form, headers: token ? { authorization: `Bearer ${token}` } : {} });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const up = await upload('Kế hoạch phát động.pdf', PDF, officerA);
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ name: 'Kế hoạch phát động.pdf', mimeType: 'application/pdf', size: PDF.length });
    const exe = await upload('virus.exe', Buffer.from('MZ\x90\x00'), officerA);
    expect(exe.status).toBe(415);
    expect((exe.body.errors as Array<{ extensions: { code: string } }>)[0]?.extensions.code).toBe('FILE_TYPE_NOT_ALLOWED');
    expect((await upload('a.pdf', PDF)).status).toBe(401);

    const lateByOfficer = await q(
      'mutation($c: ID!, $u: ID!, $f: ID!) { submitUnitPlan(input: { campaignId: $c, unitId: $u, number: "25/KH-UBND", issuedDate: "2023-07-20", receivedDate: "2023-07-25", fileId: $f }) { id } }',
      { c: bmt, u: wardA, f: up.body.id },
      officerA,
    );
    expectRefused(lateByOfficer, 'UNIT_PLAN_RECEIVED_DATE_FORBIDDEN');
    const planA = await ok<{ submitUnitPlan: Record<string, unknown> }>(
      'mutation($c: ID!, $u: ID!, $f: ID!) { submitUnitPlan(input: { campaignId: $c, unitId: $u, number: "25/KH-UBND", issuedDate: "2023-07-20", receivedDate: "2023-07-25", fileId: $f }) { number dueDate onTime file { name downloadUrl } } }',
      { c: bmt, u: wardA, f: up.body.id },
      homeAffairs,
    );
    expect(planA.submitUnitPlan).toMatchObject({ number: '25/KH-UBND', dueDate: '2023-07-30', onTime: true, file: { name: 'Kế hoạch phát động.pdf' } });
    const planB = await ok<{ submitUnitPlan: { onTime: boolean } }>(
      'mutation($c: ID!, $u: ID!) { submitUnitPlan(input: { campaignId: $c, unitId: $u, number: "31/KH-UBND", issuedDate: "2023-08-01", receivedDate: "2023-08-05" }) { onTime } }',
      { c: bmt, u: units['BMT-P-EA-TAM']?.id },
      homeAffairs,
    );
    expect(planB.submitUnitPlan.onTime).toBe(false);
    expectRefused(
      await q('mutation($c: ID!, $u: ID!) { submitUnitPlan(input: { campaignId: $c, unitId: $u, number: "26/KH-UBND", issuedDate: "2023-07-21" }) { id } }', { c: bmt, u: wardA }, homeAffairs),
      'UNIT_PLAN_DUPLICATE',
    );
    const cov = await ok<{ campaign: { unitPlanCoverage: Array<Record<string, unknown>> } }>(
      'query($c: ID!) { campaign(id: $c) { unitPlanCoverage { kind expected submitted onTime percent missing { id } } } }',
      { c: bmt },
      lead,
    );
    const wards = cov.campaign.unitPlanCoverage.find((r) => r.kind === 'WARD_PC');
    expect(wards).toMatchObject({ expected: 13, submitted: 2, onTime: 1, percent: 15.38 });
    expect((wards?.missing as unknown[]).length).toBe(11);
    const all = cov.campaign.unitPlanCoverage.find((r) => r.kind === null);
    expect(all).toMatchObject({ expected: 13 + 8 + 13 + 6, submitted: 2 });

    // Two wards formed after the plans were due, one sends its plan; they merge at the turn of the year. On a later
    // day the new ward is expected and counted as having sent (late), from its predecessor's plan.
    const formed = async (c: string, n: string) =>
      (await ok<{ createOrgUnit: { id: string } }>('mutation($c: String!, $n: String!, $p: ID!) { createOrgUnit(input: { code: $c, name: $n, kind: WARD_PC, parentId: $p, validFrom: "2023-08-01" }) { id } }', { c, n, p: units.BMT?.id }, homeAffairs)).createOrgUnit.id;
    const [first, second] = [await formed('TEST-PLAN-A', 'UBND phường Kế Hoạch A (thử)'), await formed('TEST-PLAN-B', 'UBND phường Kế Hoạch B (thử)')];
    await ok('mutation($c: ID!, $u: ID!) { submitUnitPlan(input: { campaignId: $c, unitId: $u, number: "40/KH-UBND", issuedDate: "2023-08-05", receivedDate: "2023-08-10" }) { id } }', { c: bmt, u: first }, homeAffairs);
    const mergedPlans = await ok<{ mergeOrgUnits: { successors: Array<{ id: string }> } }>(
      'mutation($a: ID!, $b: ID!, $p: ID!) { mergeOrgUnits(input: { unitIds: [$a, $b], newUnit: { code: "TEST-PLAN-AB", name: "UBND phường Kế Hoạch AB (thử)", kind: WARD_PC, parentId: $p }, effectiveDate: "2024-01-01" }) { successors { id } } }',
      { a: first, b: second, p: units.BMT?.id },
      homeAffairs,
    );
    const mergedWard = mergedPlans.mergeOrgUnits.successors[0]?.id;
    const later = await ok<{ campaign: { unitPlanCoverage: Array<{ kind: string | null; expected: number; submitted: number; onTime: number; missing: Array<{ id: string }> }> } }>(
      'query($c: ID!) { campaign(id: $c) { unitPlanCoverage(asOf: "2024-06-01") { kind expected submitted onTime missing { id } } } }',
      { c: bmt },
      lead,
    );
    const laterWards = later.campaign.unitPlanCoverage.find((r) => r.kind === 'WARD_PC');
    expect(laterWards).toMatchObject({ expected: 14, submitted: 3, onTime: 1 });
    expect(laterWards?.missing.map((u) => u.id)).not.toContain(mergedWard);

    const url = `${stack.origin}${String(up.body.downloadUrl)}`;
    const asLead = await fetch(url, { headers: { authorization: `Bearer ${lead}` } });
    expect(asLead.status).toBe(200);
    expect(asLead.headers.get('content-disposition')).toContain(encodeURIComponent('Kế hoạch phát động.pdf'));
    expect(Buffer.from(await asLead.arrayBuffer()).equals(PDF)).toBe(true);
    expect((await fetch(url, { headers: { authorization: `Bearer ${officerB}` } })).status).toBe(403);
    expect((await fetch(url)).status).toBe(401);
  });

  it('records people of every kind and their recognised initiatives', async () => {
    const wardA = units['BMT-P-TAN-AN']?.id;
    const officer = await stack.token('UNIT_OFFICER', wardA, { subject: 'can-bo-tan-an' });
    const author = await ok<{ createPerson: { id: string } }>(
      'mutation($u: ID!) { createPerson(input: { fullName: "Lê Văn Tám", kind: PUBLIC_EMPLOYEE, unitId: $u }) { id } }',
      { u: wardA },
      officer,
    );
    const overseas = await ok<{ createPerson: { id: string; unit: null; residence: string } }>(
      'mutation { createPerson(input: { fullName: "Phạm Quốc Anh", kind: OVERSEAS_VIETNAMESE, residence: "Melbourne, Úc" }) { id unit { id } residence } }',
      {},
      lead,
    );
    expect(overseas.createPerson).toMatchObject({ unit: null, residence: 'Melbourne, Úc' });
    expectRefused(await q('mutation { createPerson(input: { fullName: "Nguyễn Văn C", kind: CIVIL_SERVANT }) { id } }', {}, lead), 'PERSON_UNIT_REQUIRED');
    // A unit officer records a citizen outside every unit to nominate them (the record is the unit's: person-recorded-by.spec.ts).
    expect(errorCodes(await q('mutation { createPerson(input: { fullName: "Khách", kind: CITIZEN }) { id } }', {}, officer))).toEqual([]);

    const claim = await q(
      'mutation($u: ID!, $a: [ID!]!) { createInitiative(input: { title: "Sáng kiến", authorIds: $a, unitId: $u, field: "Chính quyền số", recognitionLevel: UNIT }) { id } }',
      { u: wardA, a: [author.createPerson.id, overseas.createPerson.id] },
      officer,
    );
    expectRefused(claim, 'FORBIDDEN_OTHER_UNIT');
    const created = await ok<{ createInitiative: Record<string, unknown> }>(
      `mutation($i: InitiativeInput!) { createInitiative(input: $i) {
        title field recognitionLevel recognizedDate decisionNumber replicated unit { name } campaign { code } authors { fullName kind }
      } }`,
      {
        i: {
          title: 'Ứng dụng bản đồ số quản lý hộ kinh doanh trên địa bàn phường',
          authorIds: [author.createPerson.id, overseas.createPerson.id],
          unitId: wardA,
          campaignId: campaigns['BMT-CDS-2023-2025']?.id,
          field: 'Chính quyền số',
          recognitionLevel: 'DISTRICT',
          recognizedDate: '2024-11-20',
          decisionNumber: '1234/QĐ-UBND',
          replicated: true,
        },
      },
      lead,
    );
    expect(created.createInitiative).toEqual({
      title: 'Ứng dụng bản đồ số quản lý hộ kinh doanh trên địa bàn phường',
      field: 'Chính quyền số',
      recognitionLevel: 'DISTRICT',
      recognizedDate: '2024-11-20',
      decisionNumber: '1234/QĐ-UBND',
      replicated: true,
      unit: { name: 'UBND phường Tân An' },
      campaign: { code: 'BMT-CDS-2023-2025' },
      authors: [
        { fullName: 'Lê Văn Tám', kind: 'PUBLIC_EMPLOYEE' },
        { fullName: 'Phạm Quốc Anh', kind: 'OVERSEAS_VIETNAMESE' },
      ],
    });
    const byPerson = await ok<{ person: { initiatives: Array<{ title: string }> } }>(
      'query($p: ID!) { person(id: $p) { initiatives { title } } }',
      { p: author.createPerson.id },
      lead,
    );
    expect(byPerson.person.initiatives).toHaveLength(1);
    // Another unit's officer sees the initiative but not the authors' records.
    const outsider = await stack.token('UNIT_OFFICER', units['BMT-P-EA-TAM']?.id);
    const seen = await ok<{ initiatives: Array<{ authors: unknown[] }> }>('{ initiatives { authors { fullName email registrations { id } } } }', {}, outsider);
    expect(seen.initiatives.flatMap((i) => i.authors)).toEqual([]);
    const noAuthors = await q(
      'mutation($u: ID!) { createInitiative(input: { title: "x", authorIds: [], unitId: $u, field: "y", recognitionLevel: UNIT }) { id } }',
      { u: wardA },
      officer,
    );
    expectRefused(noAuthors, 'VALIDATION_FAILED');
  });

  it('keeps a draft campaign from the public until the lead agency publishes it', async () => {
    const input = {
      code: 'DLK-CDS-2026',
      name: 'Phong trào thi đua “Cả tỉnh chung sức chuyển đổi số” năm 2026',
      issuerTitle: 'UBND tỉnh Đắk Lắk',
      issuerId: units.DLK?.id,
      jurisdictionId: units.DLK?.id,
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      leadAgencyId: units.DLK?.id,
      appraisingAgencyId: units.DLK?.id,
      expectedUnitKinds: ['WARD_PC', 'COMMUNE_PC'],
      legalBasis: [{ number: '923/QĐ-TTg', date: '2025-05-14', issuer: 'Thủ tướng Chính phủ', title: 'Cả nước thi đua đổi mới sáng tạo và chuyển đổi số' }],
    };
    expectRefused(await q('mutation($i: CampaignInput!) { createCampaign(input: $i) { id } }', { i: input }, homeAffairs), 'FORBIDDEN');
    const c = await ok<{ createCampaign: { id: string; status: string; version: number } }>(
      'mutation($i: CampaignInput!) { createCampaign(input: $i) { id status version } }',
      { i: input },
      lead,
    );
    expect(c.createCampaign.status).toBe('DRAFT');
    expectRefused(await q('mutation($i: CampaignInput!) { createCampaign(input: $i) { id } }', { i: input }, lead), 'CAMPAIGN_CODE_TAKEN');
    const hidden = await q('{ campaign(code: "DLK-CDS-2026") { id } campaigns { code } }');
    expect(hidden.data).toMatchObject({ campaign: null });
    expect((hidden.data as { campaigns: Array<{ code: string }> }).campaigns.map((x) => x.code)).not.toContain('DLK-CDS-2026');
    const updated = await ok<{ updateCampaign: { endDate: string } }>(
      'mutation($id: ID!, $v: Int!) { updateCampaign(id: $id, expectedVersion: $v, patch: { endDate: "2027-06-30" }) { endDate } }',
      { id: c.createCampaign.id, v: c.createCampaign.version },
      lead,
    );
    expect(updated.updateCampaign.endDate).toBe('2027-06-30');
    expectRefused(
      await q('mutation($id: ID!, $v: Int!) { updateCampaign(id: $id, expectedVersion: $v, patch: { endDate: "2027-12-31" }) { endDate } }', {
        id: c.createCampaign.id,
        v: c.createCampaign.version,
      }, lead),
      'VERSION_CONFLICT',
    );
    await ok('mutation($id: ID!) { publishCampaign(id: $id) { status } }', { id: c.createCampaign.id }, lead);
    const shown = await ok<{ campaign: { status: string; legalBasis: Array<{ number: string }> } }>('{ campaign(code: "DLK-CDS-2026") { status legalBasis { number } } }');
    expect(shown.campaign).toEqual({ status: 'PUBLISHED', legalBasis: [{ number: '923/QĐ-TTg' }] });
  });

  it('registers only units of the campaign, all or nothing', async () => {
    const dn = campaigns['DN-CDS-2021-2030']?.id;
    const officer = await stack.token('UNIT_OFFICER', units['DNG-SNV']?.id, { subject: 'can-bo-snv' });
    const empty = await q('mutation($c: ID!, $u: ID!) { createRegistration(campaignId: $c, unitId: $u, commitments: [], submit: true) { id } }', { c: dn, u: units['DNG-SNV']?.id }, officer);
    expectRefused(empty, 'REGISTRATION_COMMITMENTS_REQUIRED');
    expect(await auditCountBy('can-bo-snv')).toBe(0);
    const sent = await ok<{ createRegistration: { status: string } }>(
      'mutation($c: ID!, $u: ID!) { createRegistration(campaignId: $c, unitId: $u, commitments: ["Số hóa 100% hồ sơ thi đua, khen thưởng"], submit: true) { status } }',
      { c: dn, u: units['DNG-SNV']?.id },
      officer,
    );
    expect(sent.createRegistration.status).toBe('SUBMITTED');
    // A ward of Buôn Ma Thuột's area as it is since 1/7/2025.
    const bmtWard = (await unit('DLK-P-TAN-AN')).id;
    const wardOfBmt = await stack.token('UNIT_OFFICER', bmtWard);
    const foreign = await q('mutation($c: ID!, $u: ID!) { createRegistration(campaignId: $c, unitId: $u, commitments: ["x"]) { id } }', { c: dn, u: bmtWard }, wardOfBmt);
    expectRefused(foreign, 'REGISTRATION_UNIT_NOT_EXPECTED');
    const closed = await q('mutation($c: ID!, $u: ID!) { createRegistration(campaignId: $c, unitId: $u, commitments: ["x"]) { id } }', { c: campaigns['BMT-CDS-2023-2025']?.id, u: bmtWard }, wardOfBmt);
    expectRefused(closed, 'REGISTRATION_CAMPAIGN_CLOSED');
  });

  it('keeps history consistent: no future changes, no cycles, ended units leave their clusters, one row per unit', async () => {
    const future = await q('mutation($u: ID!) { renameOrgUnit(id: $u, name: "UBND phường Tương Lai", effectiveDate: "2999-01-01") { id } }', { u: units['BMT-P-EA-TAM']?.id }, homeAffairs);
    expectRefused(future, 'ORG_UNIT_CHANGE_IN_FUTURE');
    const mk = async (code: string, name: string, parentId: string | undefined) =>
      (await ok<{ createOrgUnit: { id: string } }>(
        'mutation($c: String!, $n: String!, $p: ID) { createOrgUnit(input: { code: $c, name: $n, kind: DEPARTMENT, parentId: $p, validFrom: "2020-01-01" }) { id } }',
        { c: code, n: name, p: parentId ?? null },
        homeAffairs,
      )).createOrgUnit.id;
    const x = await mk('test-x', 'Đơn vị X', units.DLK?.id);
    const y = await mk('TEST-Y', 'Đơn vị Y', x);
    const z = await mk('TEST-Z', 'Đơn vị Z', y);
    expect((await ok<{ orgUnit: { id: string } }>('{ orgUnit(code: "Test-X") { id } }')).orgUnit.id).toBe(x);
    const cycle = await q('mutation($x: ID!, $z: ID!) { dissolveOrgUnit(id: $x, effectiveDate: "2024-01-01", transferChildrenTo: $z) { id } }', { x, z }, homeAffairs);
    expectRefused(cycle, 'ORG_UNIT_PARENT_INVALID');
    // Renamed and dissolved on the same day: listed once, under the name it had.
    await ok('mutation($z: ID!) { renameOrgUnit(id: $z, name: "Đơn vị Z mới", effectiveDate: "2024-05-01") { id } }', { z }, homeAffairs);
    await ok('mutation($z: ID!) { dissolveOrgUnit(id: $z, effectiveDate: "2024-05-01") { id } }', { z }, homeAffairs);
    const listed = await ok<{ orgUnits: { totalCount: number; edges: Array<{ node: { name: string } }> } }>(
      '{ orgUnits(asOf: "2024-06-01", includeInactive: true, search: "Đơn vị Z") { totalCount edges { node { name } } } }',
    );
    expect(listed.orgUnits).toEqual({ totalCount: 1, edges: [{ node: { name: 'Đơn vị Z' } }] });
    const all = await ok<{ clusters: Array<{ code: string; now: unknown[]; then: unknown[] }> }>(
      '{ clusters { code now: members { id } then: members(asOf: "2024-12-31") { id } } }',
    );
    const departments = all.clusters.find((c) => c.code === 'BMT-KHOI-PHONG-BAN');
    expect(departments?.now).toEqual([]);
    expect(departments?.then).toHaveLength(13);
    const ended = await ok<{ orgUnit: { clusters: unknown[] } }>('{ orgUnit(code: "BMT-VHTT") { clusters { code } } }');
    expect(ended.orgUnit.clusters).toEqual([]);
  });

  it('serialises concurrent changes to one unit: history keeps one name per day', async () => {
    // A ward that exists today (Ea Tam ended on 1/7/2025).
    const id = (await unit('DLK-P-THANH-NHAT')).id;
    const names = ['UBND phường Thành Nhất A', 'UBND phường Thành Nhất B', 'UBND phường Thành Nhất C', 'UBND phường Thành Nhất D'];
    await Promise.all(
      names.map((n) => q('mutation($u: ID!, $n: String!) { renameOrgUnit(id: $u, name: $n, effectiveDate: "2026-01-01") { id } }', { u: id, n }, homeAffairs)),
    );
    const d = await ok<{ orgUnits: { totalCount: number; edges: unknown[] } }>('{ orgUnits(asOf: "2026-02-01", search: "Thành Nhất") { totalCount edges { node { name } } } }');
    expect(d.orgUnits.totalCount).toBe(1);
    expect(d.orgUnits.edges).toHaveLength(1);
    const before = await ok<{ orgUnits: { edges: Array<{ node: { name: string } }> } }>('{ orgUnits(asOf: "2025-12-31", search: "Thành Nhất") { edges { node { name } } } }');
    expect(before.orgUnits.edges).toEqual([{ node: { name: 'UBND phường Thành Nhất' } }]);
  });

  it('survives a client that abandons a download halfway', async () => {
    const officer = await stack.token('UNIT_OFFICER', units['BMT-P-TAN-AN']?.id);
    const big = Buffer.concat([PDF, Buffer.alloc(6 * 1024 * 1024, 0x20)]);
    const form = new FormData();
    form.append('file', new Blob([big]), 'Báo cáo lớn.pdf');
    const up = (await (await fetch(`${stack.origin}/files`, { method: 'POST', body: form, headers: { authorization: `Bearer ${officer}` } })).json()) as { id: string };
    const abort = new AbortController();
    const res = await fetch(`${stack.origin}/files/${up.id}`, { headers: { authorization: `Bearer ${officer}` }, signal: abort.signal });
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    abort.abort();
    await new Promise((r) => setTimeout(r, 300));
    expect((await fetch(`${stack.origin}/health/live`)).status).toBe(200);
    const again = await fetch(`${stack.origin}/files/${up.id}`, { headers: { authorization: `Bearer ${officer}` } });
    expect(Buffer.from(await again.arrayBuffer()).length).toBe(big.length);
    expect(again.headers.get('cache-control')).toBe('private, no-store');
    expect((await fetch(`${stack.origin}/files/00000000-0000-0000-0000-000000000000`)).status).toBe(401);
  });

  it('refuses a stale write: the second of two edits from the same version gets a conflict', async () => {
    const u = await unit('BMT-P-TAN-AN');
    const m = 'mutation($id: ID!, $v: Int!, $e: String!) { updateOrgUnit(id: $id, expectedVersion: $v, patch: { email: $e }) { email version } }';
    const first = await ok<{ updateOrgUnit: { email: string } }>(m, { id: u.id, v: u.version, e: 'ubnd.tanan@daklak.gov.vn' }, homeAffairs);
    expect(first.updateOrgUnit.email).toBe('ubnd.tanan@daklak.gov.vn');
    expectRefused(await q(m, { id: u.id, v: u.version, e: 'khac@daklak.gov.vn' }, homeAffairs), 'VERSION_CONFLICT');
    expect((await unit('BMT-P-TAN-AN')).version).toBe(u.version + 1);
  });
});
