import { startAwards } from '@thidua/awards';
import { loadGatewayConfig, startGateway } from '@thidua/gateway';
import { startParticipants } from '@thidua/participants';
import { presetId } from '@thidua/platform';
import { startScoring } from '@thidua/scoring';
import { describeEachDatabase, docxText, gql, gqlOk, startStack, type TestStack } from '@thidua/testing';
import { startReporting } from '../src';

const DN = presetId('Campaign', 'DN-CDS-2021-2030');
const DN_SUMMARY = presetId('ReportDefinition', 'DN-BC-TONG-HOP');
const DN_ROLLUP = presetId('ReportDefinition', 'DN-BC-DON-VI');
const STTTT = presetId('OrgUnit', 'DNG-STTTT');
const SKHCN = presetId('OrgUnit', 'DNG-SKHCN');
type Run = { id: string; status: string; error: string | null; documents: Array<{ name: string; base64: string }> };
type Note = { kind: string; deadline: string; dueDate: string; text: string };

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

describeEachDatabase("Đà Nẵng's documents and escalations name the lead agency in force on their date", (db) => {
  let stack: TestStack;
  let admin: string;
  beforeAll(async () => {
    stack = await startStack({
      db,
      subgraphs: { participants: startParticipants, scoring: startScoring, awards: startAwards, reporting: startReporting },
      gateway: (env) => startGateway(loadGatewayConfig(env)),
      env: { REDIS_URL: '' },
    });
    admin = await stack.token('ADMIN');
  });
  afterAll(async () => {
    await stack?.close();
  });

  const notes = async (unitId: string) =>
    (await gqlOk<{ orgUnit: { notifications: Note[] } }>(stack.url, 'query($u: ID!) { orgUnit(id: $u) { notifications { kind deadline dueDate text } } }', { u: unitId }, admin)).orgUnit.notifications;

  it('heads the 2026 city summary and addresses the roll-up with Sở Khoa học và Công nghệ, never with Sở Thông tin và Truyền thông, which merged into it on 1/3/2025', async () => {
    const lead = await stack.token('LEAD_AGENCY', SKHCN, { subject: 'so-khcn-da-nang' });
    const requested = await gqlOk<{ requestReportRun: { id: string } }>(stack.url, 'mutation($d: ID!) { requestReportRun(definitionId: $d, year: 2026) { id } }', { d: DN_SUMMARY }, lead);
    const run = await until(
      async () => (await gqlOk<{ reportRun: Run }>(stack.url, 'query($id: ID!) { reportRun(id: $id) { id status error documents { name base64 } } }', { id: requested.requestReportRun.id }, lead)).reportRun,
      (r) => r.status === 'SUCCEEDED' || r.status === 'FAILED',
    );
    expect(run).toMatchObject({ status: 'SUCCEEDED', error: null });
    const text = await docxText(run.documents.find((d) => d.name.endsWith('.docx'))?.base64 ?? '');
    expect(text).toContain('SỞ KHOA HỌC VÀ CÔNG NGHỆ THÀNH PHỐ ĐÀ NẴNG');
    expect(text).toContain('UBND THÀNH PHỐ ĐÀ NẴNG');
    expect(text).toContain('Kết quả thực hiện thi đua chuyển đổi số năm 2026');
    expect(text).not.toMatch(/THÔNG TIN VÀ TRUYỀN THÔNG|Thông tin và Truyền thông/);

    // The roll-up of the units' reports goes to the leadership of the same agency, named.
    const rollup = await gqlOk<{ requestReportRun: { id: string } }>(stack.url, 'mutation($d: ID!) { requestReportRun(definitionId: $d, year: 2026) { id } }', { d: DN_ROLLUP }, lead);
    const rolled = await until(
      async () => (await gqlOk<{ reportRun: Run }>(stack.url, 'query($id: ID!) { reportRun(id: $id) { id status error documents { name base64 } } }', { id: rollup.requestReportRun.id }, lead)).reportRun,
      (r) => r.status === 'SUCCEEDED' || r.status === 'FAILED',
    );
    expect(rolled).toMatchObject({ status: 'SUCCEEDED', error: null });
    const rollupText = await docxText(rolled.documents.find((d) => d.name.endsWith('.docx'))?.base64 ?? '');
    expect(rollupText).toContain('Kính gửi: Lãnh đạo Sở Khoa học và Công nghệ thành phố Đà Nẵng');
    expect(rollupText).not.toMatch(/THÔNG TIN VÀ TRUYỀN THÔNG|Thông tin và Truyền thông/);
  });

  it('escalates a deadline missed before 1/3/2025 to Sở TT-TT, and one missed after it to Sở KH&CN', async () => {
    const add = (dueDate: string) =>
      gqlOk(stack.url, 'mutation($c: ID!, $i: MilestoneInput!) { addMilestone(campaignId: $c, input: $i) { id } }', { c: DN, i: { kind: 'UNIT_REPORT_DUE', title: `Các đơn vị gửi báo cáo (hạn ${dueDate})`, dueDate } }, admin);
    await add('2025-02-10');
    await add('2025-12-10');
    const run = (date: string) => gql<{ runReminders: { created: number } }>(stack.url, 'mutation($d: Date) { runReminders(date: $d) { created } }', { d: date }, admin);
    expect((await run('2025-02-11')).errors ?? []).toEqual([]);
    expect((await run('2025-12-11')).errors ?? []).toEqual([]);
    const escalations = async (unitId: string) => (await notes(unitId)).filter((n) => n.kind === 'ESCALATION' && n.deadline === 'UNIT_REPORT_DUE').map((n) => n.dueDate);
    expect(await escalations(STTTT)).toEqual(['2025-02-10']);
    expect(await escalations(SKHCN)).toEqual(['2025-12-10']);
    const [note] = (await notes(SKHCN)).filter((n) => n.kind === 'ESCALATION');
    expect(note?.text).toMatch(/^Báo cáo cơ quan thường trực: \d+ đơn vị chưa gửi báo cáo kết quả thực hiện phong trào hằng năm \(hạn 10\/12\/2025\)/);
  });
});
