import { randomUUID } from 'node:crypto';
import { loadGatewayConfig, startGateway } from '@thidua/gateway';
import { todayInVietnam } from '@thidua/platform';
import { describeEachDatabase, errorCodes, gql, gqlOk, startStack, type TestStack } from '@thidua/testing';
import { startParticipants } from '../src';

interface Agency {
  code: string;
  name: string;
  active: boolean;
}

const AGENCY = '{ code name active }';
const DN = 'DN-CDS-2021-2030';

describeEachDatabase('agencies by date, following successors, through the gateway', (db) => {
  let stack: TestStack;
  let admin: string;
  const ids: Record<string, string> = {};

  const q = (query: string, variables: Record<string, unknown> = {}, token?: string) => gql(stack.url, query, variables, token);
  const ok = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, token?: string) => gqlOk<T>(stack.url, query, variables, token);
  const unitId = async (code: string) => (ids[code] ??= (await ok<{ orgUnit: { id: string } }>('query($c: String!) { orgUnit(code: $c) { id } }', { c: code })).orgUnit.id);
  const campaignId = async (code: string) => (await ok<{ campaign: { id: string } }>('query($c: String!) { campaign(code: $c) { id } }', { c: code })).campaign.id;

  beforeAll(async () => {
    stack = await startStack({ db, subgraphs: { participants: startParticipants }, gateway: (env) => startGateway(loadGatewayConfig(env)) });
    admin = await stack.token('ADMIN', undefined, { subject: 'admin-agencies' });
  });
  afterAll(() => stack?.close());

  it("names Đà Nẵng's Sở TT-TT as the lead agency until 28/02/2025 and Sở KH&CN from 01/3/2025 and today; milestones' recipients likewise", async () => {
    const d = await ok<{ campaign: Record<string, Agency> & { milestones: Array<Record<string, Agency>> } }>(
      `query($c: String!) { campaign(code: $c) {
        atStart: leadAgency(asOf: "2021-12-10") ${AGENCY}
        before: leadAgency(asOf: "2025-02-28") ${AGENCY}
        from: leadAgency(asOf: "2025-03-01") ${AGENCY}
        today: leadAgency ${AGENCY}
        appraising: appraisingAgency ${AGENCY}
        milestones(kind: UNIT_PLAN_DUE) { atDue: recipient(asOf: "2022-03-31") ${AGENCY} now: recipient ${AGENCY} }
      } }`,
      { c: DN },
    );
    const stttt = { code: 'DNG-STTTT', name: 'Sở Thông tin và Truyền thông thành phố Đà Nẵng', active: true };
    const skhcn = { code: 'DNG-SKHCN', name: 'Sở Khoa học và Công nghệ thành phố Đà Nẵng', active: true };
    expect(d.campaign).toMatchObject({ atStart: stttt, before: stttt, from: skhcn, today: skhcn, appraising: { code: 'DNG-SNV', active: true } });
    expect(d.campaign.milestones).toEqual([{ atDue: stttt, now: skhcn }]);
    // Buôn Ma Thuột's Phòng Văn hóa và Thông tin and Phòng Nội vụ act while the district-level city exists; from 1/7/2025
    // the provincial departments their dissolution names as successors do.
    const bmt = await ok<{ campaign: Record<string, Agency> }>(`{ campaign(code: "BMT-CDS-2023-2025") {
      lead: leadAgency(asOf: "2025-06-30") ${AGENCY} leadAfter: leadAgency(asOf: "2025-07-01") ${AGENCY} leadToday: leadAgency ${AGENCY}
      appraising: appraisingAgency(asOf: "2025-06-30") ${AGENCY} appraisingAfter: appraisingAgency(asOf: "2025-07-01") ${AGENCY}
      issuer: issuer(asOf: "2025-06-30") ${AGENCY} issuerAfter: issuer(asOf: "2025-07-01") ${AGENCY}
    } }`);
    expect(bmt.campaign).toEqual({
      lead: { code: 'BMT-VHTT', name: 'Phòng Văn hóa và Thông tin thành phố Buôn Ma Thuột', active: true },
      leadAfter: { code: 'DLK-SKHCN', name: 'Sở Khoa học và Công nghệ tỉnh Đắk Lắk', active: true },
      leadToday: { code: 'DLK-SKHCN', name: 'Sở Khoa học và Công nghệ tỉnh Đắk Lắk', active: true },
      appraising: { code: 'BMT-NV', name: 'Phòng Nội vụ thành phố Buôn Ma Thuột', active: true },
      appraisingAfter: { code: 'DLK-SNV', name: 'Sở Nội vụ tỉnh Đắk Lắk', active: true },
      // The plan's issuer: the district-level city until 30/6/2025, the province that took over its area from 1/7/2025.
      issuer: { code: 'BMT', name: 'UBND thành phố Buôn Ma Thuột', active: true },
      issuerAfter: { code: 'DLK', name: 'UBND tỉnh Đắk Lắk', active: true },
    });
    expectRefused(await q(`{ campaign(code: "${DN}") { leadAgency(asOf: "2025-02-30") { code } } }`), 'BAD_USER_INPUT');
  });

  it('follows successors transitively (a merger into an existing unit, then into a new one, a dissolution naming a successor), with each name of the day; an agency ended without successor is shown inactive', async () => {
    const suffix = randomUUID().slice(0, 8).toUpperCase();
    const dng = await unitId('DNG');
    const create = async (code: string, name: string, validFrom: string) =>
      (
        await ok<{ createOrgUnit: { id: string } }>(
          'mutation($i: OrgUnitInput!) { createOrgUnit(input: $i) { id } }',
          { i: { code: `${code}-${suffix}`, name: `${name} ${suffix}`, kind: 'DEPARTMENT', parentId: dng, validFrom } },
          admin,
        )
      ).createOrgUnit.id;
    const a = await create('TEST-BAN-A', 'Ban A', '2020-01-01');
    const b = await create('TEST-BAN-B', 'Ban B', '2020-01-01');
    const c = await create('TEST-BAN-C', 'Ban C', '2020-01-01');
    const lone = await create('TEST-BAN-LE', 'Ban lẻ', '2020-01-01');
    await ok('mutation($id: ID!, $n: String!) { renameOrgUnit(id: $id, name: $n, effectiveDate: "2023-01-01") { id } }', { id: b, n: `Ban B mới ${suffix}` }, admin);
    await ok('mutation($i: MergeInput!) { mergeOrgUnits(input: $i) { kind } }', { i: { unitIds: [a], intoUnitId: b, effectiveDate: '2024-01-01' } }, admin);
    const merged = await ok<{ mergeOrgUnits: { successors: Array<{ id: string }> } }>(
      'mutation($i: MergeInput!) { mergeOrgUnits(input: $i) { successors { id } } }',
      { i: { unitIds: [b, c], newUnit: { code: `TEST-BAN-D-${suffix}`, name: `Ban D ${suffix}`, kind: 'DEPARTMENT', parentId: dng }, effectiveDate: '2024-06-01' } },
      admin,
    );
    await ok('mutation($id: ID!) { dissolveOrgUnit(id: $id, effectiveDate: "2024-06-01") { kind } }', { id: lone }, admin);
    // A milestone's recipient dissolved on 1/9/2024, its tasks handed to Ban D (the successor its dissolution names).
    const handed = await create('TEST-BAN-GIAO', 'Ban giao', '2020-01-01');
    const banD = merged.mergeOrgUnits.successors[0]?.id;
    await ok('mutation($id: ID!, $s: ID!) { dissolveOrgUnit(id: $id, effectiveDate: "2024-09-01", successorId: $s) { kind } }', { id: handed, s: banD }, admin);
    const input = {
      code: `TEST-CDS-${suffix}`,
      name: `Phong trào thử nghiệm ${suffix}`,
      issuerTitle: 'UBND thành phố Đà Nẵng',
      jurisdictionId: dng,
      startDate: '2022-01-01',
      endDate: '2030-12-31',
      leadAgencyId: a,
      appraisingAgencyId: lone,
      expectedUnitKinds: ['DEPARTMENT'],
    };
    const created = await ok<{ createCampaign: { id: string } }>('mutation($i: CampaignInput!) { createCampaign(input: $i) { id } }', { i: input }, admin);
    const milestone = { kind: 'UNIT_REPORT_DUE', title: 'Các đơn vị gửi báo cáo năm', dueDate: '2024-12-10', recurrence: 'YEARLY', recipientId: handed };
    await ok('mutation($c: ID!, $i: MilestoneInput!) { addMilestone(campaignId: $c, input: $i) { id } }', { c: created.createCampaign.id, i: milestone }, admin);
    const d = await ok<{ campaign: Record<string, Agency> & { milestones: Array<Record<string, Agency>> } }>(
      `query($id: ID!) { campaign(id: $id) {
        milestones { before: recipient(asOf: "2024-08-31") ${AGENCY} after: recipient(asOf: "2024-09-01") ${AGENCY} }
        a: leadAgency(asOf: "2023-12-31") ${AGENCY}
        b: leadAgency(asOf: "2024-01-01") ${AGENCY}
        d: leadAgency(asOf: "2024-06-01") ${AGENCY}
        today: leadAgency ${AGENCY}
        appraisingBefore: appraisingAgency(asOf: "2024-05-31") ${AGENCY}
        appraisingAfter: appraisingAgency ${AGENCY}
      } }`,
      { id: created.createCampaign.id },
      admin,
    );
    expect(d.campaign).toEqual({
      milestones: [{ before: { code: `TEST-BAN-GIAO-${suffix}`, name: `Ban giao ${suffix}`, active: true }, after: { code: `TEST-BAN-D-${suffix}`, name: `Ban D ${suffix}`, active: true } }],
      a: { code: `TEST-BAN-A-${suffix}`, name: `Ban A ${suffix}`, active: true },
      b: { code: `TEST-BAN-B-${suffix}`, name: `Ban B mới ${suffix}`, active: true },
      d: { code: `TEST-BAN-D-${suffix}`, name: `Ban D ${suffix}`, active: true },
      today: { code: `TEST-BAN-D-${suffix}`, name: `Ban D ${suffix}`, active: true },
      appraisingBefore: { code: `TEST-BAN-LE-${suffix}`, name: `Ban lẻ ${suffix}`, active: true },
      // Dissolved without a successor: no agency is in force; the last one is shown, under its last name, inactive.
      appraisingAfter: { code: `TEST-BAN-LE-${suffix}`, name: `Ban lẻ ${suffix}`, active: false },
    });
  });

  it("lets the successor agency's account do what the lead agency does, and refuses the ended agency's and another city's, changing nothing", async () => {
    const dn = await campaignId(DN);
    const skhcn = await stack.token('LEAD_AGENCY', await unitId('DNG-SKHCN'), { subject: 'so-khcn-da-nang' });
    const stttt = await stack.token('LEAD_AGENCY', await unitId('DNG-STTTT'), { subject: 'so-tttt-da-nang' });
    const bmt = await stack.token('LEAD_AGENCY', await unitId('BMT-VHTT'), { subject: 'phong-vhtt-bmt' });
    const milestones = async () => (await ok<{ campaign: { milestones: Array<{ id: string; title: string }> } }>('query($id: ID!) { campaign(id: $id) { milestones { id title } } }', { id: dn })).campaign.milestones;
    const before = await milestones();
    const add = 'mutation($c: ID!, $i: MilestoneInput!) { addMilestone(campaignId: $c, input: $i) { id title } }';
    const input = { kind: 'OTHER', title: 'Sơ kết công tác chuyển đổi số năm 2026', dueDate: '2026-12-20', recipientId: await unitId('DNG-SKHCN') };
    for (const token of [stttt, bmt]) {
      const refused = await q(add, { c: dn, i: input }, token);
      expectRefused(refused, 'FORBIDDEN_OTHER_UNIT');
      expect(refused.errors[0]?.message).toContain('Sở Khoa học và Công nghệ thành phố Đà Nẵng');
    }
    expect(await milestones()).toEqual(before);
    const added = await ok<{ addMilestone: { id: string } }>(add, { c: dn, i: input }, skhcn);
    expectRefused(await q('mutation($id: ID!) { removeMilestone(id: $id) }', { id: added.addMilestone.id }, stttt), 'FORBIDDEN_OTHER_UNIT');
    expect((await milestones()).map((m) => m.id)).toContain(added.addMilestone.id);
    await ok('mutation($id: ID!) { removeMilestone(id: $id) }', { id: added.addMilestone.id }, skhcn);
    expect(await milestones()).toEqual(before);
    // Buôn Ma Thuột's campaign: Phòng VH-TT's account no longer acts after 1/7/2025, Sở KH&CN tỉnh Đắk Lắk's (its successor) does.
    const bmtCampaign = await campaignId('BMT-CDS-2023-2025');
    const dlk = await stack.token('LEAD_AGENCY', await unitId('DLK-SKHCN'), { subject: 'so-khcn-dak-lak' });
    const review = { kind: 'OTHER', title: 'Rà soát kết quả năm 2025', dueDate: '2025-12-20' };
    const old = await q(add, { c: bmtCampaign, i: review }, bmt);
    expectRefused(old, 'FORBIDDEN_OTHER_UNIT');
    expect(old.errors[0]?.message).toBe('Chỉ cơ quan chủ trì phong trào (Sở Khoa học và Công nghệ tỉnh Đắk Lắk) được thay đổi phong trào này.');
    const kept = await ok<{ addMilestone: { id: string } }>(add, { c: bmtCampaign, i: review }, dlk);
    await ok('mutation($id: ID!) { removeMilestone(id: $id) }', { id: kept.addMilestone.id }, dlk);
    // The web app finds the campaign an account leads by the same field: today it is Sở KH&CN's, no longer Sở TT-TT's.
    const lead = await ok<{ campaign: { leadAgency: { id: string } } }>('query($id: ID!) { campaign(id: $id) { leadAgency { id } } }', { id: dn });
    expect(lead.campaign.leadAgency.id).toBe(await unitId('DNG-SKHCN'));
    expect(todayInVietnam() >= '2025-03-01').toBe(true);
  });

  it("lets only the campaign's lead agency record, accept and return another unit's registration or plan (R26)", async () => {
    const bmtCampaign = await campaignId('BMT-CDS-2023-2025');
    const ward = await unitId('DLK-P-TAN-LAP');
    const dlk = await stack.token('LEAD_AGENCY', await unitId('DLK-SKHCN'), { subject: 'so-khcn-dak-lak-2' });
    const danang = await stack.token('LEAD_AGENCY', await unitId('DNG-SKHCN'), { subject: 'so-khcn-da-nang-2' });
    const register = 'mutation($c: ID!, $u: ID!) { createRegistration(campaignId: $c, unitId: $u, commitments: ["Chuyển đổi số"], submit: true) { id status } }';
    const registrations = async () => (await ok<{ campaign: { registrations: Array<{ unit: { id: string } | null }> } }>('query($c: ID!) { campaign(id: $c) { registrations { unit { id } } } }', { c: bmtCampaign }, dlk)).campaign.registrations;
    expectRefused(await q(register, { c: bmtCampaign, u: ward }, danang), 'FORBIDDEN_OTHER_UNIT');
    expect((await registrations()).filter((r) => r.unit?.id === ward)).toEqual([]);
    const made = (await ok<{ createRegistration: { id: string; status: string } }>(register, { c: bmtCampaign, u: ward }, dlk)).createRegistration;
    expectRefused(await q('mutation($id: ID!) { acceptRegistration(id: $id) { status } }', { id: made.id }, danang), 'FORBIDDEN_OTHER_UNIT');
    expectRefused(await q('mutation($id: ID!) { returnRegistration(id: $id, reason: "Thiếu cam kết") { status } }', { id: made.id }, danang), 'FORBIDDEN_OTHER_UNIT');
    expect((await ok<{ acceptRegistration: { status: string } }>('mutation($id: ID!) { acceptRegistration(id: $id) { status } }', { id: made.id }, dlk)).acceptRegistration.status).toBe('ACCEPTED');
    const plan = 'mutation($c: ID!, $u: ID!) { submitUnitPlan(input: { campaignId: $c, unitId: $u, number: "05/KH-UBND", issuedDate: "2025-07-20", receivedDate: "2025-07-25" }) { id } }';
    expectRefused(await q(plan, { c: bmtCampaign, u: ward }, danang), 'FORBIDDEN_OTHER_UNIT');
    await ok(plan, { c: bmtCampaign, u: ward }, dlk);
  });
});

function expectRefused(r: { errors?: Array<{ message: string }> }, code: string): void {
  expect(errorCodes(r as never)).toEqual([code]);
  expect(r.errors?.[0]?.message).toMatch(/[À-ỹ]/);
}
