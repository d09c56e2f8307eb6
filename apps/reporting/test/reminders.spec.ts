import { startAwards } from '@thidua/awards';
import { loadGatewayConfig, startGateway } from '@thidua/gateway';
import { startParticipants } from '@thidua/participants';
import { presetId } from '@thidua/platform';
import { startScoring } from '@thidua/scoring';
import { describeEachDatabase, errorCodes, gql, gqlOk, startSmtpSink, startStack, type TestStack } from '@thidua/testing';
import { startReporting } from '../src';

const BMT = presetId('Campaign', 'BMT-CDS-2023-2025');
const TAN_AN = presetId('OrgUnit', 'BMT-P-TAN-AN');
const EA_TAM = presetId('OrgUnit', 'BMT-P-EA-TAM');
const VHTT = presetId('OrgUnit', 'BMT-VHTT');
const TAN_LOI = presetId('OrgUnit', 'BMT-P-TAN-LOI');
type Note = { kind: string; deadline: string; dueDate: string; text: string; mailed: boolean };

describeEachDatabase('reminders before and after the unit-report deadline, one digest per recipient and day', (db) => {
  let stack: TestStack;
  let lead: string;
  let admin: string;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  beforeAll(async () => {
    smtp = await startSmtpSink();
    stack = await startStack({
      db,
      subgraphs: { participants: startParticipants, scoring: startScoring, awards: startAwards, reporting: startReporting },
      gateway: (env) => startGateway(loadGatewayConfig(env)),
      env: { REDIS_URL: '', SMTP_URL: smtp.url, PROVINCE_EMAIL: 'vanthu@daklak.gov.vn' },
    });
    lead = await stack.token('LEAD_AGENCY', undefined, { subject: 'vhtt' });
    admin = await stack.token('ADMIN');
  });
  afterAll(async () => {
    await stack?.close();
    await smtp?.close();
  });

  const notes = async (unitId: string, token = lead) => (await gqlOk<{ orgUnit: { notifications: Note[] } }>(stack.url, 'query($u: ID!) { orgUnit(id: $u) { notifications { kind deadline dueDate text mailed } } }', { u: unitId }, token)).orgUnit.notifications;
  const run = (date: string, token = admin) => gql<{ runReminders: { created: number; digests: number } }>(stack.url, 'mutation($d: Date) { runReminders(date: $d) { created digests } }', { d: date }, token);

  it('reminds the units that have not reported, then gives overdue notices and escalates to the lead agency', async () => {
    const homeAffairs = await stack.token('HOME_AFFAIRS');
    for (const [id, email] of [
      [EA_TAM, 'eatam@buonmathuot.gov.vn'],
      [VHTT, 'vhtt@buonmathuot.gov.vn'],
    ] as const) {
      const u = await gqlOk<{ orgUnit: { version: number } }>(stack.url, 'query($u: ID!) { orgUnit(id: $u) { version } }', { u: id }, homeAffairs);
      await gqlOk(stack.url, 'mutation($u: ID!, $v: Int!, $e: String!) { updateOrgUnit(id: $u, expectedVersion: $v, patch: { email: $e }) { id } }', { u: id, v: u.orgUnit.version, e: email }, homeAffairs);
    }
    // Tân An reported on 5/12/2024, before the 10/12 deadline.
    const saved = await gqlOk<{ saveUnitReport: { id: string; version: number } }>(
      stack.url,
      'mutation($i: UnitReportInput!) { saveUnitReport(input: $i) { id version } }',
      { i: { campaignId: BMT, year: 2024, unitId: TAN_AN, values: [{ code: 'KE_HOACH_PHAT_DONG', value: 'có' }, { code: 'VAN_BAN_KY_SO', value: '95' }, { code: 'SANG_KIEN', value: '2' }, { code: 'KET_QUA_NOI_BAT', value: 'Tổ công nghệ số cộng đồng.' }] } },
      lead,
    );
    await gqlOk(stack.url, 'mutation($id: ID!, $v: Int!) { submitUnitReport(id: $id, expectedVersion: $v, receivedOn: "2024-12-05") { id } }', { id: saved.saveUnitReport.id, v: saved.saveUnitReport.version }, lead);

    // Only an administrator runs another day's scan.
    expect(errorCodes(await run('2024-12-07', lead))).toEqual(['FORBIDDEN']);
    // 7/12: three days before the deadline.
    const first = (await run('2024-12-07')).data?.runReminders;
    expect(first?.created).toBeGreaterThan(1);
    expect(await notes(TAN_AN)).toEqual([]);
    const eaTam = await notes(EA_TAM);
    expect(eaTam).toEqual([
      {
        kind: 'REMINDER',
        deadline: 'UNIT_REPORT_DUE',
        dueDate: '2024-12-10',
        text: expect.stringMatching(/^Nhắc việc: hạn gửi báo cáo kết quả thực hiện phong trào hằng năm là ngày 10\/12\/2024 \(còn 3 ngày\)/),
        mailed: true,
      },
    ]);
    // The same day again: nothing new, no second mail.
    expect((await run('2024-12-07')).data?.runReminders).toEqual({ created: 0, digests: 0 });
    // 8/12 is still inside the 3-day window: no second reminder; 9/12 crosses the 1-day window: one more.
    expect((await run('2024-12-08')).data?.runReminders.created).toBe(0);
    expect((await run('2024-12-09')).data?.runReminders.created).toBeGreaterThan(0);

    // 11/12: overdue notices to the units, and one escalation to the lead agency naming them.
    await run('2024-12-11');
    expect((await notes(EA_TAM)).map((n) => n.kind)).toEqual(['OVERDUE', 'REMINDER', 'REMINDER']);
    const escalation = (await notes(VHTT)).filter((n) => n.kind === 'ESCALATION');
    expect(escalation).toHaveLength(1);
    expect(escalation[0]?.text).toMatch(/^Báo cáo cơ quan thường trực: \d+ đơn vị chưa gửi báo cáo kết quả thực hiện phong trào hằng năm \(hạn 10\/12\/2024\): /);
    expect(escalation[0]?.text).toContain('UBND phường Ea Tam');
    expect(escalation[0]?.text).not.toContain('UBND phường Tân An');

    // One digest per recipient and day: Ea Tam got one mail on each of 7/12, 9/12 and 11/12.
    const toEaTam = smtp.mails.filter((m) => m.to === 'eatam@buonmathuot.gov.vn');
    expect(toEaTam.map((m) => m.subject)).toEqual([
      '[Thi đua chuyển đổi số] Nhắc việc ngày 07/12/2024 (1 việc)',
      '[Thi đua chuyển đổi số] Nhắc việc ngày 09/12/2024 (1 việc)',
      '[Thi đua chuyển đổi số] Nhắc việc ngày 11/12/2024 (1 việc)',
    ]);
    expect(toEaTam[2]?.text).toContain('Quá hạn: đơn vị chưa gửi báo cáo kết quả thực hiện phong trào hằng năm');

    // A unit reads and marks its own notices only.
    const tanAnOfficer = await stack.token('UNIT_OFFICER', TAN_AN);
    expect(await notes(EA_TAM, tanAnOfficer)).toEqual([]);
    const ids = (await gqlOk<{ orgUnit: { notifications: Array<{ id: string }> } }>(stack.url, 'query($u: ID!) { orgUnit(id: $u) { notifications { id } } }', { u: EA_TAM }, lead)).orgUnit.notifications.map((n) => n.id);
    const mark = (token: string) => gql(stack.url, 'mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) { readAt } }', { ids }, token);
    expect(errorCodes(await mark(tanAnOfficer))).toEqual(['FORBIDDEN_OTHER_UNIT']);
    expect(errorCodes(await mark(await stack.token('UNIT_OFFICER', EA_TAM)))).toEqual([]);
    const unread = await gqlOk<{ orgUnit: { notifications: unknown[] } }>(stack.url, 'query($u: ID!) { orgUnit(id: $u) { notifications(unreadOnly: true) { id } } }', { u: EA_TAM }, lead);
    expect(unread.orgUnit.notifications).toEqual([]);
  });

  // Both wrote without an audit row, so kept no Idempotency-Key: a repeat ran again. The gateway does not pass the
  // subgraph's `idempotent-replayed` header on, so the key shows in the first answer given again, and in the same key
  // refused for other variables.
  const audit = async (entityType: string, entityId: string) =>
    (await gqlOk<{ reportingAuditLog: Array<{ action: string }> }>(stack.url, 'query($t: String!, $id: ID!) { reportingAuditLog(entityType: $t, entityId: $id) { action } }', { t: entityType, id: entityId }, admin)).reportingAuditLog.map((a) => a.action);

  it('marks notices read once per Idempotency-Key, audited', async () => {
    const officer = await stack.token('UNIT_OFFICER', VHTT);
    const ids = (await gqlOk<{ orgUnit: { notifications: Array<{ id: string }> } }>(stack.url, 'query($u: ID!) { orgUnit(id: $u) { notifications(unreadOnly: true) { id } } }', { u: VHTT }, officer)).orgUnit.notifications.map((n) => n.id);
    expect(ids.length).toBeGreaterThan(1);
    const mark = (some: string[]) => gql<{ markNotificationsRead: Array<{ id: string; readAt: string }> }>(stack.url, 'mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) { id readAt } }', { ids: some }, officer, { 'idempotency-key': 'doc-thong-bao-0001' });
    const first = await mark(ids);
    expect(errorCodes(first)).toEqual([]);
    expect(first.data?.markNotificationsRead.every((n) => n.readAt)).toBe(true);
    const again = await mark(ids);
    expect(again.data).toEqual(first.data);
    expect(errorCodes(await mark(ids.slice(1)))).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    for (const id of ids) expect((await audit('Notification', id)).filter((a) => a === 'read')).toEqual(['read']);
  });

  it("runs a day's reminders once per Idempotency-Key when all the run writes is a digest, audited", async () => {
    // Tân Lợi's notices wait unmailed (no address); with an address, a rerun of 11/12 writes only its digest.
    expect((await notes(TAN_LOI)).some((n) => n.dueDate === '2024-12-10' && !n.mailed)).toBe(true);
    const homeAffairs = await stack.token('HOME_AFFAIRS');
    const u = await gqlOk<{ orgUnit: { version: number } }>(stack.url, 'query($u: ID!) { orgUnit(id: $u) { version } }', { u: TAN_LOI }, homeAffairs);
    await gqlOk(stack.url, 'mutation($u: ID!, $v: Int!) { updateOrgUnit(id: $u, expectedVersion: $v, patch: { email: "tanloi@buonmathuot.gov.vn" }) { id } }', { u: TAN_LOI, v: u.orgUnit.version }, homeAffairs);
    const rerun = () => gql<{ runReminders: { created: number; digests: number } }>(stack.url, 'mutation($d: Date) { runReminders(date: $d) { created digests } }', { d: '2024-12-11' }, admin, { 'idempotency-key': 'nhac-viec-2024-12-11' });
    const first = await rerun();
    expect(first.data?.runReminders).toEqual({ created: 0, digests: 1 });
    // Run again, the day would have nothing left to mail ({ created: 0, digests: 0 }): the first answer is given again.
    expect((await rerun()).data).toEqual(first.data);
    expect(smtp.mails.filter((m) => m.to === 'tanloi@buonmathuot.gov.vn')).toHaveLength(1);
    const digests = await gqlOk<{ reportingAuditLog: Array<{ entityId: string; action: string }> }>(stack.url, '{ reportingAuditLog(entityType: "Digest") { entityId action } }', {}, admin);
    expect(digests.reportingAuditLog.filter((a) => a.action === 'create').length).toBeGreaterThan(1);
    const last = digests.reportingAuditLog[0]?.entityId as string;
    expect((await audit('Digest', last)).sort()).toEqual(['create', 'sent']);
  });
});
