import { startAwards } from '@thidua/awards';
import { loadGatewayConfig, startGateway } from '@thidua/gateway';
import { startParticipants } from '@thidua/participants';
import { presetId } from '@thidua/platform';
import { startScoring } from '@thidua/scoring';
import { describeEachDatabase, errorCodes, gql, gqlOk, startStack, type GqlResponse, type TestStack } from '@thidua/testing';
import { startReporting } from '../src';

const BMT = presetId('Campaign', 'BMT-CDS-2023-2025');
const SUMMARY = presetId('ReportDefinition', 'BMT-BC-TONG-HOP');
const TAN_AN = presetId('OrgUnit', 'BMT-P-TAN-AN');
const EA_TAM = presetId('OrgUnit', 'BMT-P-EA-TAM');
/** The BMT campaign's lead agency today (successor of Phòng VH-TT since 1/7/2025), the ended one, another city's. */
const DLK_SKHCN = presetId('OrgUnit', 'DLK-SKHCN');
const BMT_VHTT = presetId('OrgUnit', 'BMT-VHTT');
const DNG_SKHCN = presetId('OrgUnit', 'DNG-SKHCN');
const REFUSED = /^Chỉ cơ quan chủ trì phong trào \(Sở Khoa học và Công nghệ tỉnh Đắk Lắk\) được làm việc này trong phong trào\.$/;

type Report = { id: string; version: number; status: string; receivedOn?: string | null };
type Field = { code: string; label: string; type: string; required: boolean; unit: string | null };
type Definition = { id: string; schedule: { pattern: string; version: number } | null; runs: Array<{ id: string; status: string }> };

/** Wait until a condition holds (polling; never a timing assertion). */
async function until<T>(get: () => Promise<T>, ok: (v: T) => boolean, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await get();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`condition not met in time: ${JSON.stringify(v).slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Refused as another unit's, with the helper's message naming the agency in force. */
function expectRefused(r: GqlResponse<unknown>): void {
  expect(errorCodes(r)).toEqual(['FORBIDDEN_OTHER_UNIT']);
  expect(r.errors?.[0]?.message).toMatch(REFUSED);
}

describeEachDatabase('jurisdiction (R26): a unit-bound lead agency acts in reporting only on the campaigns it leads today', (db) => {
  let stack: TestStack;
  let admin: string;
  let inForce: string;
  let ended: string;
  let otherCity: string;
  let unbound: string;
  beforeAll(async () => {
    stack = await startStack({
      db,
      subgraphs: { participants: startParticipants, scoring: startScoring, awards: startAwards, reporting: startReporting },
      gateway: (env) => startGateway(loadGatewayConfig(env)),
      env: { REDIS_URL: '' },
    });
    admin = await stack.token('ADMIN');
    inForce = await stack.token('LEAD_AGENCY', DLK_SKHCN, { subject: 'so-khcn-dak-lak' });
    ended = await stack.token('LEAD_AGENCY', BMT_VHTT, { subject: 'phong-vhtt-bmt' });
    otherCity = await stack.token('LEAD_AGENCY', DNG_SKHCN, { subject: 'so-khcn-da-nang' });
    unbound = await stack.token('LEAD_AGENCY', undefined, { subject: 'vhtt' });
  });
  afterAll(async () => {
    await stack?.close();
  });

  const definition = async () =>
    (
      await gqlOk<{ campaign: { reportDefinitions: Definition[] } }>(
        stack.url,
        'query($c: ID!) { campaign(id: $c) { reportDefinitions { id schedule { pattern version } runs { id status } } } }',
        { c: BMT },
        admin,
      )
    ).campaign.reportDefinitions.find((d) => d.id === SUMMARY) as Definition;
  const schedule = (token: string, pattern: string) =>
    gql<{ setReportSchedule: { pattern: string } }>(stack.url, 'mutation($d: ID!, $p: String!) { setReportSchedule(definitionId: $d, pattern: $p) { pattern } }', { d: SUMMARY, p: pattern }, token);
  const request = (token: string) => gql<{ requestReportRun: { id: string } }>(stack.url, 'mutation($d: ID!) { requestReportRun(definitionId: $d, year: 2024) { id } }', { d: SUMMARY }, token);

  it("refuses another city's agency and the ended agency on the BMT report's schedule and runs, writing nothing; the agency in force and an unbound account act", async () => {
    const before = await definition();
    for (const token of [otherCity, ended]) {
      expectRefused(await schedule(token, '0 8 15 12 *'));
      expectRefused(await request(token));
    }
    expect(await definition()).toEqual(before);

    expect((await schedule(inForce, '0 8 15 12 *')).data?.setReportSchedule.pattern).toBe('0 8 15 12 *');
    // Legacy: an account bound to no unit acts on every campaign, as before.
    expect((await schedule(unbound, '0 9 15 12 *')).data?.setReportSchedule.pattern).toBe('0 9 15 12 *');
    expect((await definition()).schedule?.pattern).toBe('0 9 15 12 *');

    const requested = await request(inForce);
    expect(requested.errors ?? []).toEqual([]);
    const id = requested.data?.requestReportRun.id as string;
    const run = await until(
      async () => (await gqlOk<{ reportRun: { status: string; error: string | null } }>(stack.url, 'query($id: ID!) { reportRun(id: $id) { status error } }', { id }, inForce)).reportRun,
      (r) => r.status === 'SUCCEEDED' || r.status === 'FAILED',
    );
    expect(run).toEqual({ status: 'SUCCEEDED', error: null });
    expect((await definition()).runs.map((r) => r.id)).toEqual([...before.runs.map((r) => r.id), id]);
  });

  const template = async () =>
    (
      await gqlOk<{ campaign: { unitReportTemplate: { version: number; sourceClause: string | null; fields: Field[] } } }>(
        stack.url,
        'query($c: ID!) { campaign(id: $c) { unitReportTemplate { version sourceClause fields { code label type required unit } } } }',
        { c: BMT },
      )
    ).campaign.unitReportTemplate;
  const reportsOf = async (unitId: string) =>
    (await gqlOk<{ orgUnit: { unitReports: Report[] } }>(stack.url, 'query($u: ID!) { orgUnit(id: $u) { unitReports { id version status } } }', { u: unitId }, admin)).orgUnit.unitReports;
  const save = (token: string, unitId: string, values: Array<{ code: string; value: string | null }>) =>
    gql<{ saveUnitReport: Report }>(stack.url, 'mutation($i: UnitReportInput!) { saveUnitReport(input: $i) { id version status } }', { i: { campaignId: BMT, year: 2024, unitId, values } }, token);
  const submit = (token: string, r: Report, receivedOn?: string) =>
    gql<{ submitUnitReport: Report }>(stack.url, 'mutation($id: ID!, $v: Int!, $d: Date) { submitUnitReport(id: $id, expectedVersion: $v, receivedOn: $d) { id version status } }', { id: r.id, v: r.version, d: receivedOn ?? null }, token);
  const complete = [
    { code: 'KE_HOACH_PHAT_DONG', value: 'có' },
    { code: 'VAN_BAN_KY_SO', value: '98,5' },
    { code: 'SANG_KIEN', value: '2' },
    { code: 'KET_QUA_NOI_BAT', value: 'Triển khai tổ công nghệ số cộng đồng ở 100% tổ dân phố.' },
  ];

  it("refuses another city's agency and the ended agency on the BMT report template and on units' reports, writing nothing; a unit officer on its own unit is unaffected", async () => {
    const t = await template();
    const setTemplate = (token: string) =>
      gql<{ setUnitReportTemplate: { version: number } }>(
        stack.url,
        'mutation($c: ID!, $f: [ReportFieldInput!]!, $s: String) { setUnitReportTemplate(campaignId: $c, fields: $f, sourceClause: $s) { version } }',
        { c: BMT, f: [...t.fields, { code: 'GHI_CHU', label: 'Ghi chú thêm của đơn vị', type: 'TEXT', required: false, unit: null }], s: t.sourceClause },
        token,
      );
    for (const token of [otherCity, ended]) {
      expectRefused(await setTemplate(token));
      expectRefused(await save(token, TAN_AN, complete));
    }
    expect(await template()).toEqual(t);
    expect(await reportsOf(TAN_AN)).toEqual([]);

    // The agency in force sets the template and writes Tân An's report for it; another city's agency cannot date it.
    expect((await setTemplate(inForce)).data?.setUnitReportTemplate.version).toBe(t.version + 1);
    const saved = await save(inForce, TAN_AN, complete);
    expect(saved.errors ?? []).toEqual([]);
    const draft = saved.data?.saveUnitReport as Report;
    for (const token of [otherCity, ended]) expectRefused(await submit(token, draft, '2024-12-05'));
    expect(await reportsOf(TAN_AN)).toEqual([{ id: draft.id, version: draft.version, status: 'DRAFT' }]);
    expect((await submit(inForce, draft, '2024-12-05')).data?.submitUnitReport.status).toBe('SUBMITTED');

    // A unit officer writes and sends its own unit's report, as before; an unbound lead agency account still writes any.
    const eaTam = await stack.token('UNIT_OFFICER', EA_TAM);
    const own = (await save(eaTam, EA_TAM, complete.slice(0, 2))).data?.saveUnitReport as Report;
    const full = (await save(unbound, EA_TAM, complete)).data?.saveUnitReport as Report;
    expect(full).toMatchObject({ id: own.id, status: 'DRAFT' });
    expect((await submit(eaTam, full)).data?.submitUnitReport.status).toBe('SUBMITTED');
  });

  it('lets a province read the reports of the campaigns in its area only', async () => {
    const daklak = await stack.token('PROVINCE', presetId('OrgUnit', 'DLK'), { subject: 'tinh-dak-lak' });
    const definitions = async (campaign: string) =>
      (await gqlOk<{ campaign: { reportDefinitions: Array<{ id: string; runs: Array<{ id: string }> }> } }>(stack.url, 'query($c: String!) { campaign(code: $c) { reportDefinitions { id runs { id } } } }', { c: campaign }, daklak)).campaign
        .reportDefinitions;
    // Buôn Ma Thuột lies in Đắk Lắk: its reports and their runs; Đà Nẵng's are not the province's.
    const bmt = await definitions('BMT-CDS-2023-2025');
    expect(bmt.map((d) => d.id)).toContain(SUMMARY);
    const run = (await request(inForce)).data?.requestReportRun.id as string;
    expect((await gqlOk<{ reportRun: { id: string } }>(stack.url, 'query($id: ID!) { reportRun(id: $id) { id } }', { id: run }, daklak)).reportRun).toEqual({ id: run });
    expect(await definitions('DN-CDS-2021-2030')).toEqual([]);
    const dn = presetId('ReportDefinition', 'DN-BC-TONG-HOP');
    const dnRun = await gqlOk<{ requestReportRun: { id: string } }>(stack.url, 'mutation($d: ID!) { requestReportRun(definitionId: $d, year: 2025) { id } }', { d: dn }, unbound);
    const refused = await gql(stack.url, 'query($id: ID!) { reportRun(id: $id) { id } }', { id: dnRun.requestReportRun.id }, daklak);
    expect(errorCodes(refused)).toEqual(['FORBIDDEN_OTHER_UNIT']);
    expect(refused.errors?.[0]?.message).toBe('Tỉnh chỉ xem báo cáo của các phong trào trên địa bàn của tỉnh.');
  });
});
