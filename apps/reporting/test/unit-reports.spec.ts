import { loadGatewayConfig, startGateway } from '@thidua/gateway';
import { startParticipants } from '@thidua/participants';
import { presetId } from '@thidua/platform';
import type { PlatformConfig } from '@thidua/platform';
import { describeEachDatabase, errorCodes, gql, gqlOk, startStack, type TestStack } from '@thidua/testing';
import { startReporting } from '../src';

const BMT = presetId('Campaign', 'BMT-CDS-2023-2025');
const TAN_AN = presetId('OrgUnit', 'BMT-P-TAN-AN');
const EA_TAM = presetId('OrgUnit', 'BMT-P-EA-TAM');
type Report = { id: string; version: number; status: string; late: boolean; deadline: string | null; submittedOn: string | null };
const REPORT = 'id version status late deadline submittedOn';

describeEachDatabase('unit annual reports: completeness and timeliness', (db) => {
  let stack: TestStack;
  let lead: string;
  let graphCalls: jest.SpyInstance;
  beforeAll(async () => {
    stack = await startStack({
      db,
      subgraphs: {
        participants: startParticipants,
        // Every question reporting asks the graph goes through its one GraphClient: count them.
        reporting: async (config: PlatformConfig, env: NodeJS.ProcessEnv) => {
          const reporting = await startReporting(config, env);
          graphCalls = jest.spyOn(reporting.services.graph, 'query');
          return reporting;
        },
      },
      gateway: (env) => startGateway(loadGatewayConfig(env)),
    });
    lead = await stack.token('LEAD_AGENCY', undefined, { subject: 'vhtt' });
  });
  afterAll(() => stack?.close());

  const save = (token: string, unitId: string, values: Array<{ code: string; value: string | null }>, year = 2024) =>
    gql<{ saveUnitReport: Report }>(stack.url, `mutation($i: UnitReportInput!) { saveUnitReport(input: $i) { ${REPORT} } }`, { i: { campaignId: BMT, year, unitId, values } }, token);
  const submit = (token: string, r: Report, receivedOn?: string) =>
    gql<{ submitUnitReport: Report }>(stack.url, `mutation($id: ID!, $v: Int!, $d: Date) { submitUnitReport(id: $id, expectedVersion: $v, receivedOn: $d) { ${REPORT} } }`, { id: r.id, v: r.version, d: receivedOn ?? null }, token);

  it('takes reports by the deadline, accepts and marks a late one, and computes completeness and timeliness per unit kind', async () => {
    const template = await gqlOk<{ campaign: { unitReportTemplate: { sourceClause: string; fields: Array<{ code: string; required: boolean }> } } }>(
      stack.url,
      '{ campaign(code: "BMT-CDS-2023-2025") { unitReportTemplate { sourceClause fields { code required } } } }',
    );
    expect(template.campaign.unitReportTemplate.sourceClause).toBe('VI.7');
    expect(template.campaign.unitReportTemplate.fields.filter((f) => f.required).map((f) => f.code)).toEqual(['KE_HOACH_PHAT_DONG', 'VAN_BAN_KY_SO', 'SANG_KIEN', 'KET_QUA_NOI_BAT']);

    const tanAn = await stack.token('UNIT_OFFICER', TAN_AN);
    // Bad values are refused, each explained, and nothing is written.
    const bad = await save(tanAn, TAN_AN, [
      { code: 'VAN_BAN_KY_SO', value: '120' },
      { code: 'SANG_KIEN', value: 'ba' },
      { code: 'KHONG_CO', value: '1' },
    ]);
    expect(errorCodes(bad)).toEqual(['UNIT_REPORT_VALUES_INVALID']);
    expect(bad.errors[0]?.message).toBe(
      'Số liệu báo cáo không hợp lệ: «Tỷ lệ văn bản đi được ký số, gửi nhận trên môi trường mạng»: phải là tỷ lệ từ 0 đến 100 (nhận «120»). «Số sáng kiến, giải pháp chuyển đổi số được công nhận trong năm»: phải là số không âm (nhận «ba»). Chỉ tiêu «KHONG_CO» không có trong mẫu báo cáo.',
    );
    expect(errorCodes(await save(tanAn, EA_TAM, [{ code: 'SANG_KIEN', value: '1' }]))).toEqual(['FORBIDDEN_OTHER_UNIT']);
    expect(errorCodes(await save(tanAn, TAN_AN, [{ code: 'SANG_KIEN', value: '1' }], 2027))).toEqual(['UNIT_REPORT_YEAR_INVALID']);
    const none = await gqlOk<{ orgUnit: { unitReports: unknown[] } }>(stack.url, 'query($u: ID!) { orgUnit(id: $u) { unitReports { id } } }', { u: TAN_AN }, tanAn);
    expect(none.orgUnit.unitReports).toEqual([]);

    // A draft, then the rest, then submission: the lead agency received it by e-mail on 5/12/2024, before the 10/12 deadline.
    let draft = (await save(tanAn, TAN_AN, [{ code: 'VAN_BAN_KY_SO', value: '98,5' }])).data?.saveUnitReport as Report;
    const incomplete = await submit(tanAn, draft);
    expect(errorCodes(incomplete)).toEqual(['UNIT_REPORT_INCOMPLETE']);
    expect(incomplete.errors[0]?.message).toBe(
      'Báo cáo còn thiếu: Đã ban hành kế hoạch phát động phong trào thi đua chuyển đổi số của đơn vị; Số sáng kiến, giải pháp chuyển đổi số được công nhận trong năm; Kết quả nổi bật, mô hình, cách làm hay.',
    );
    draft = (
      await save(tanAn, TAN_AN, [
        { code: 'KE_HOACH_PHAT_DONG', value: 'có' },
        { code: 'SANG_KIEN', value: '2' },
        { code: 'KET_QUA_NOI_BAT', value: 'Triển khai tổ công nghệ số cộng đồng ở 100% tổ dân phố.' },
      ])
    ).data?.saveUnitReport as Report;
    // A unit cannot back-date its own report; the lead agency records the day it received it.
    expect(errorCodes(await submit(tanAn, draft, '2024-12-05'))).toEqual(['FORBIDDEN']);
    const onTime = (await submit(lead, draft, '2024-12-05')).data?.submitUnitReport as Report;
    expect(onTime).toMatchObject({ status: 'SUBMITTED', late: false, deadline: '2024-12-10', submittedOn: '2024-12-05' });
    expect(errorCodes(await save(tanAn, TAN_AN, [{ code: 'SANG_KIEN', value: '3' }]))).toEqual(['UNIT_REPORT_ALREADY_SUBMITTED']);

    // Ea Tam reports today, long after the deadline: accepted, marked late.
    const eaTam = await stack.token('UNIT_OFFICER', EA_TAM);
    const eaDraft = (
      await save(eaTam, EA_TAM, [
        { code: 'KE_HOACH_PHAT_DONG', value: 'true' },
        { code: 'VAN_BAN_KY_SO', value: '90' },
        { code: 'SANG_KIEN', value: '0' },
        { code: 'KET_QUA_NOI_BAT', value: 'Số hóa hồ sơ hộ tịch.' },
      ])
    ).data?.saveUnitReport as Report;
    const late = (await submit(eaTam, eaDraft)).data?.submitUnitReport as Report;
    expect(late).toMatchObject({ status: 'SUBMITTED', late: true, deadline: '2024-12-10' });

    const values = await gqlOk<{ unitReport: { values: Array<{ code: string; value: string | null }> } }>(stack.url, 'query($id: ID!) { unitReport(id: $id) { values { code value } } }', { id: onTime.id }, lead);
    expect(values.unitReport.values.slice(0, 3)).toEqual([
      { code: 'KE_HOACH_PHAT_DONG', value: 'true' },
      { code: 'VAN_BAN_KY_SO', value: '98.5' },
      { code: 'HO_SO_TRUC_TUYEN', value: null },
    ]);
    // Another unit's officer does not see it.
    expect((await gql(stack.url, 'query($id: ID!) { unitReport(id: $id) { id } }', { id: onTime.id }, eaTam)).data).toEqual({ unitReport: null });

    const expected = await gqlOk<{ campaign: { expectedUnits: Array<{ id: string; kind: string }> } }>(stack.url, '{ campaign(code: "BMT-CDS-2023-2025") { expectedUnits(asOf: "2024-12-10") { id kind } } }', {}, lead);
    const wards = expected.campaign.expectedUnits.filter((u) => u.kind === 'WARD_PC').length;
    const all = expected.campaign.expectedUnits.length;
    const progress = await gqlOk<{ campaign: { reportingProgress: { deadline: string; rates: Array<Record<string, unknown>>; missingUnits: Array<{ id: string }> } } }>(
      stack.url,
      '{ campaign(code: "BMT-CDS-2023-2025") { reportingProgress(year: 2024) { deadline rates { unitKind expected submitted onTime late completeness timeliness } missingUnits { id } } } }',
      {},
      lead,
    );
    const p = progress.campaign.reportingProgress;
    expect(p.deadline).toBe('2024-12-10');
    const pct = (a: number, b: number) => Math.round((a / b) * 10_000) / 100;
    expect(p.rates.find((r) => r.unitKind === 'WARD_PC')).toEqual({ unitKind: 'WARD_PC', expected: wards, submitted: 2, onTime: 1, late: 1, completeness: pct(2, wards), timeliness: pct(1, wards) });
    expect(p.rates.at(-1)).toEqual({ unitKind: null, expected: all, submitted: 2, onTime: 1, late: 1, completeness: pct(2, all), timeliness: pct(1, all) });
    expect(p.missingUnits).toHaveLength(all - 2);
    expect(p.missingUnits.map((u) => u.id)).not.toContain(TAN_AN);

    // The reporting record, as awards asks it of the graph.
    const record = await gqlOk<{ tanAn: { reportingRecord: Record<string, unknown> }; eaTam: { reportingRecord: Record<string, unknown> } }>(
      stack.url,
      'query($c: ID!) { tanAn: orgUnit(code: "BMT-P-TAN-AN") { reportingRecord(campaignId: $c, year: 2024) { submitted onTime deadline submittedOn } } eaTam: orgUnit(code: "BMT-P-EA-TAM") { reportingRecord(campaignId: $c, year: 2024) { submitted onTime } } }',
      { c: BMT },
      lead,
    );
    expect(record.tanAn.reportingRecord).toEqual({ submitted: true, onTime: true, deadline: '2024-12-10', submittedOn: '2024-12-05' });
    expect(record.eaTam.reportingRecord).toEqual({ submitted: true, onTime: false });

    // Every ward's record in one request asks the graph for the year's deadline once, not once per ward without a report.
    graphCalls.mockClear();
    const many = await gqlOk<{ orgUnits: { edges: Array<{ node: { reportingRecord: { deadline: string | null } } }> } }>(
      stack.url,
      'query($c: ID!) { orgUnits(kind: WARD_PC, first: 100) { edges { node { reportingRecord(campaignId: $c, year: 2024) { deadline } } } } }',
      { c: BMT },
      lead,
    );
    expect(many.orgUnits.edges.length).toBeGreaterThan(10);
    expect(new Set(many.orgUnits.edges.map((e) => e.node.reportingRecord.deadline))).toEqual(new Set(['2024-12-10']));
    const deadlineCalls = graphCalls.mock.calls.filter(([doc]) => typeof doc !== 'string' && JSON.stringify(doc).includes('UnitReportDeadline'));
    expect(deadlineCalls).toHaveLength(1);
    // Two wards formed this year: Hòa Bình reports on time, Hòa Yên does not; they merge into a new ward before the
    // deadline. The new ward is what the campaign expects on 10/12, and its record and the campaign's progress agree
    // that it reported, on time (its predecessor's report).
    const homeAffairs = await stack.token('HOME_AFFAIRS');
    const ward = async (code: string, name: string) =>
      (
        await gqlOk<{ createOrgUnit: { id: string } }>(
          stack.url,
          'mutation($c: String!, $n: String!, $p: ID!) { createOrgUnit(input: { code: $c, name: $n, kind: WARD_PC, parentId: $p, validFrom: "2024-01-01" }) { id } }',
          { c: code, n: name, p: presetId('OrgUnit', 'BMT') },
          homeAffairs,
        )
      ).createOrgUnit.id;
    const [hoaBinh, hoaYen] = [await ward('TEST-HOA-BINH', 'UBND phường Hòa Bình (thử)'), await ward('TEST-HOA-YEN', 'UBND phường Hòa Yên (thử)')];
    const hbSaved = await save(lead, hoaBinh, [
      { code: 'KE_HOACH_PHAT_DONG', value: 'có' },
      { code: 'VAN_BAN_KY_SO', value: '95' },
      { code: 'SANG_KIEN', value: '1' },
      { code: 'KET_QUA_NOI_BAT', value: 'Chợ không dùng tiền mặt.' },
    ]);
    expect(hbSaved.errors).toEqual([]);
    const hbSubmitted = await submit(lead, hbSaved.data?.saveUnitReport as Report, '2024-11-20');
    expect(hbSubmitted.errors).toEqual([]);
    expect(hbSubmitted.data?.submitUnitReport).toMatchObject({ status: 'SUBMITTED', late: false });
    const merged = await gqlOk<{ mergeOrgUnits: { successors: Array<{ id: string }> } }>(
      stack.url,
      'mutation($a: ID!, $b: ID!, $p: ID!) { mergeOrgUnits(input: { unitIds: [$a, $b], newUnit: { code: "TEST-HOA-BINH-YEN", name: "UBND phường Hòa Bình Yên (thử)", kind: WARD_PC, parentId: $p }, effectiveDate: "2024-12-01" }) { successors { id } } }',
      { a: hoaBinh, b: hoaYen, p: presetId('OrgUnit', 'BMT') },
      homeAffairs,
    );
    const successor = merged.mergeOrgUnits.successors[0]?.id as string;
    const after = await gqlOk<{ orgUnit: { reportingRecord: { submitted: boolean; onTime: boolean } }; campaign: { reportingProgress: { rates: Array<Record<string, unknown>>; missingUnits: Array<{ id: string }> } } }>(
      stack.url,
      'query($u: ID!, $c: ID!) { orgUnit(id: $u) { reportingRecord(campaignId: $c, year: 2024) { submitted onTime } } campaign(code: "BMT-CDS-2023-2025") { reportingProgress(year: 2024) { rates { unitKind expected submitted onTime late } missingUnits { id } } } }',
      { u: successor, c: BMT },
      lead,
    );
    expect(after.orgUnit.reportingRecord).toEqual({ submitted: true, onTime: true });
    expect(after.campaign.reportingProgress.missingUnits.map((u) => u.id)).not.toContain(successor);
    expect(after.campaign.reportingProgress.rates.find((r) => r.unitKind === 'WARD_PC')).toEqual({ unitKind: 'WARD_PC', expected: wards + 1, submitted: 3, onTime: 2, late: 1 });

    // Anonymous users see neither progress nor records.
    expect(errorCodes(await gql(stack.url, '{ campaign(code: "BMT-CDS-2023-2025") { reportingProgress(year: 2024) { deadline } } }'))).toEqual(['UNAUTHENTICATED']);
  });

  it('counts the same year as the units were and rolled up to their successors: a merged ward counts once, sent if one of its parts sent', async () => {
    // After the 2024 deadline, the ward formed above (its report sent on time) merges on 1/3/2025 with a ward that sent nothing.
    const homeAffairs = await stack.token('HOME_AFFAIRS');
    const khanh = (
      await gqlOk<{ createOrgUnit: { id: string } }>(
        stack.url,
        'mutation($p: ID!) { createOrgUnit(input: { code: "TEST-KHANH", name: "UBND phường Khánh (thử)", kind: WARD_PC, parentId: $p, validFrom: "2024-01-01" }) { id } }',
        { p: presetId('OrgUnit', 'BMT') },
        homeAffairs,
      )
    ).createOrgUnit.id;
    const hoaBinhYen = (await gqlOk<{ orgUnit: { id: string } }>(stack.url, '{ orgUnit(code: "TEST-HOA-BINH-YEN") { id } }')).orgUnit.id;
    const merged = await gqlOk<{ mergeOrgUnits: { successors: Array<{ id: string }> } }>(
      stack.url,
      'mutation($a: ID!, $b: ID!, $p: ID!) { mergeOrgUnits(input: { unitIds: [$a, $b], newUnit: { code: "TEST-KHANH-BINH", name: "UBND phường Khánh Bình (thử)", kind: WARD_PC, parentId: $p }, effectiveDate: "2025-03-01" }) { successors { id } } }',
      { a: hoaBinhYen, b: khanh, p: presetId('OrgUnit', 'BMT') },
      homeAffairs,
    );
    const successor = merged.mergeOrgUnits.successors[0]?.id as string;
    type Progress = { boundary: string; asOf: string | null; rates: Array<{ unitKind: string | null; expected: number; submitted: number; onTime: number; late: number }>; missingUnits: Array<{ id: string }> };
    const progress = async (boundary: string, asOf: string | null) =>
      (
        await gqlOk<{ campaign: { reportingProgress: Progress } }>(
          stack.url,
          'query($b: ResultBoundary, $d: Date) { campaign(code: "BMT-CDS-2023-2025") { reportingProgress(year: 2024, boundary: $b, asOf: $d) { boundary asOf rates { unitKind expected submitted onTime late } missingUnits { id } } } }',
          { b: boundary, d: asOf },
          lead,
        )
      ).campaign.reportingProgress;
    const asWas = await progress('AS_WAS', null);
    const rolled = await progress('SUCCESSORS', '2025-06-30');
    expect([asWas.boundary, asWas.asOf, rolled.boundary, rolled.asOf]).toEqual(['AS_WAS', null, 'SUCCESSORS', '2025-06-30']);
    const wardsOf = (p: Progress) => p.rates.find((r) => r.unitKind === 'WARD_PC');
    // As they were on the deadline: both wards expected, one sent on time, the other missing.
    expect(asWas.missingUnits.map((u) => u.id)).toContain(khanh);
    expect(asWas.missingUnits.map((u) => u.id)).not.toContain(successor);
    // Rolled up to 30/6/2025: the two are one ward, which sent (its part's report, on time).
    expect(wardsOf(rolled)).toEqual({ ...wardsOf(asWas), expected: (wardsOf(asWas)?.expected ?? 0) - 1 });
    expect(rolled.missingUnits.map((u) => u.id)).not.toContain(khanh);
    expect(rolled.missingUnits.map((u) => u.id)).not.toContain(successor);
    expect(rolled.missingUnits).toHaveLength(asWas.missingUnits.length - 1);
    const record = await gqlOk<{ orgUnit: { reportingRecord: { submitted: boolean; onTime: boolean } } }>(
      stack.url,
      'query($u: ID!, $c: ID!) { orgUnit(id: $u) { reportingRecord(campaignId: $c, year: 2024) { submitted onTime } } }',
      { u: successor, c: BMT },
      lead,
    );
    expect(record.orgUnit.reportingRecord).toEqual({ submitted: true, onTime: true });
  });
});
