import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { startAwards } from '@thidua/awards';
import { loadGatewayConfig, startGateway } from '@thidua/gateway';
import { startParticipants } from '@thidua/participants';
import { loadPlatformConfig, presetId } from '@thidua/platform';
import { startScoring } from '@thidua/scoring';
import { describeEachDatabase, docxText, dropRedisPrefix, freePort, gqlOk, startOwnRedis, startProvinceReceiver, startSmtpSink, startStack, testJobDrivers, TEST_REDIS_URL, type OwnRedis, type TestStack } from '@thidua/testing';
import { startReporting, startReportWorker } from '../src';
import { verifySignature } from '../src/delivery/delivery.rules';
import { NO_ANSWER_YET } from '../src/delivery/delivery.service';

const ROOT = join(__dirname, '../../..');
const SECRET = 'khoa-bi-mat-chung-voi-thanh-pho-da-nang-2026';
const DN_SUMMARY = presetId('ReportDefinition', 'DN-BC-TONG-HOP');
type Run = { id: string; status: string; period: string; documents: Array<{ name: string; base64: string }>; deliveries: Array<{ channel: string; status: string; attempts: number; history: Array<{ ok: boolean; detail: string }> }> };

async function until<T>(get: () => Promise<T>, ok: (v: T) => boolean, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await get();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`condition not met in time: ${JSON.stringify(v).slice(0, 400)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

// The report worker against real Redis: with CI=true Redis is mandatory (the global setup fails the run without it).
const onBullmq = testJobDrivers().includes('bullmq');

describe('the report worker without Redis', () => {
  it('refuses to start, saying why: without REDIS_URL the reporting subgraph runs the jobs itself', async () => {
    const config = loadPlatformConfig('report-worker', 0, { DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent' }, { databaseOf: 'reporting' });
    await expect(startReportWorker(config, { REDIS_URL: '' })).rejects.toThrow('REDIS_URL: bắt buộc cho report-worker');
  });
});

(onBullmq ? describeEachDatabase : () => undefined)('the report worker on BullMQ: a schedule fires, the summary is delivered once across a SIGKILL', (db) => {
  let stack: TestStack;
  let lead: string;
  let province: Awaited<ReturnType<typeof startProvinceReceiver>>;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let worker: ChildProcess | null = null;
  let workerPort: number;
  const prefix = `t-${randomBytes(4).toString('hex')}`;

  const startWorker = async () => {
    const child = spawn(process.execPath, [join(ROOT, 'dist/apps/report-worker/main.js')], {
      env: { ...stack.subgraphEnvs.reporting, REPORT_WORKER_PORT: String(workerPort), LOAD_PRESETS: 'false' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await until(
      () => fetch(`http://127.0.0.1:${workerPort}/health/ready`).then((r) => r.ok).catch(() => false),
      (ok) => ok,
    );
    return child;
  };

  beforeAll(async () => {
    execFileSync(process.execPath, [join(ROOT, 'tools/build.mjs'), 'report-worker'], { cwd: ROOT, stdio: 'ignore' });
    // The province answers slowly: the worker is killed while it waits, after the POST has arrived.
    province = await startProvinceReceiver({ delayMs: 4_000, verify: (h, body) => verifySignature(SECRET, String(h['x-thidua-timestamp']), body, String(h['x-thidua-signature'])) });
    smtp = await startSmtpSink();
    workerPort = await freePort();
    stack = await startStack({
      db,
      subgraphs: { participants: startParticipants, scoring: startScoring, awards: startAwards, reporting: startReporting },
      gateway: (env) => startGateway(loadGatewayConfig(env)),
      env: { REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix, QUEUE_LOCK_MS: '2000', PROVINCE_ENDPOINT: province.url, PROVINCE_HMAC_SECRET: SECRET, SMTP_URL: smtp.url, PROVINCE_EMAIL: 'vanthu@danang.gov.vn' },
    });
    lead = await stack.token('LEAD_AGENCY', undefined, { subject: 'sotttt' });
  });
  afterAll(async () => {
    worker?.kill('SIGKILL');
    await stack?.close();
    await province?.close();
    await smtp?.close();
    await dropRedisPrefix(prefix);
  });

  it('runs the scheduled summary once, and after SIGKILL mid-delivery the province still has exactly one', async () => {
    worker = await startWorker();
    const dashboard = await fetch(`http://127.0.0.1:${workerPort}/queues`);
    expect(dashboard.status).toBe(401);
    const admin = await fetch(`http://127.0.0.1:${workerPort}/queues/api/queues`, { headers: { authorization: `Bearer ${await stack.token('ADMIN')}` } });
    expect(admin.status).toBe(200);

    // The test sets the schedule's time: every second. However often it fires, there is one run for the year.
    await gqlOk(stack.url, 'mutation($d: ID!) { setReportSchedule(definitionId: $d, pattern: "* * * * * *") { id } }', { d: DN_SUMMARY }, lead);
    await until(async () => province.stats().posts, (n) => n >= 1);
    // The POST has arrived and the worker waits for the answer: kill it now.
    worker.kill('SIGKILL');
    await new Promise((r) => worker?.once('exit', r));
    await gqlOk(stack.url, 'mutation($d: ID!) { setReportSchedule(definitionId: $d, pattern: "0 8 15 12 *") { id } }', { d: DN_SUMMARY }, lead);
    worker = await startWorker();

    const runs = await until(
      async () =>
        (
          await gqlOk<{ campaign: { reportDefinitions: Array<{ code: string; runs: Run[] }> } }>(
            stack.url,
            '{ campaign(code: "DN-CDS-2021-2030") { reportDefinitions { code runs { id status period documents { name base64 } deliveries { channel status attempts history { ok detail } } } } } }',
            {},
            lead,
          )
        ).campaign.reportDefinitions.find((d) => d.code === 'DN-BC-TONG-HOP')?.runs ?? [],
      (r) => r.length > 0 && r.every((x) => x.deliveries.length === 2 && x.deliveries.every((d) => d.status === 'SENT')),
    );
    expect(runs).toHaveLength(1);
    const run = runs[0] as Run;
    expect(run.status).toBe('SUCCEEDED');
    expect(run.period).toBe(new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 4));
    // The HTTP delivery was tried again after the kill, under the same idempotency key: one delivery.
    expect(province.stats()).toMatchObject({ refused: 0, unique: 1 });
    expect(province.stats().posts).toBeGreaterThanOrEqual(2);
    // SMTP has no idempotency key: a mail accepted just before the kill may be sent again, with the same Message-ID,
    // which mail clients treat as one message. One message, however many times it crossed the wire.
    expect(new Set(smtp.mails.map((m) => m.messageId)).size).toBe(1);
    const http = run.deliveries.find((d) => d.channel === 'HTTP');
    expect(http?.history.at(-1)?.ok).toBe(true);
    // The attempt the kill interrupted is on record, saying no answer came.
    expect(http?.history[0]).toMatchObject({ ok: false, detail: 'Chưa có trả lời của bên nhận: lần gửi đang diễn ra hoặc đã bị ngắt giữa chừng.' });
    expect(http?.history.length).toBe(province.stats().posts);

    // What the province received parses back with the right figures.
    const posted = [...province.accepted.values()][0]?.body;
    expect(posted?.report).toMatchObject({ code: 'DN-BC-TONG-HOP', period: run.period });
    const docx = await docxText(posted?.documents.find((d) => d.name.endsWith('.docx'))?.base64 ?? '');
    expect(docx).toContain('Kính gửi: Ủy ban nhân dân thành phố Đà Nẵng.');
    expect(docx).toContain(`Kết quả thực hiện thi đua chuyển đổi số năm ${run.period}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(posted?.documents.find((d) => d.name.endsWith('.xlsx'))?.base64 ?? '', 'base64') as unknown as ArrayBuffer);
    const total = wb.getWorksheet('Báo cáo đơn vị')?.getRows(2, 50)?.find((r) => r.getCell(1).value === 'Tổng cộng');
    expect(typeof total?.getCell(2).value).toBe('number');
    expect(smtp.mails[0]?.attachments.map((a) => a.filename).sort()).toEqual(posted?.documents.map((d) => d.name).sort());
  });
});

// Redis without persistence restarted under a running worker: its own Redis, on a free port, restarted empty.
describe('the report worker when Redis restarts empty', () => {
  let stack: TestStack;
  let redis: OwnRedis;
  let province: Awaited<ReturnType<typeof startProvinceReceiver>>;
  let worker: ChildProcess | null = null;

  beforeAll(async () => {
    execFileSync(process.execPath, [join(ROOT, 'tools/build.mjs'), 'report-worker'], { cwd: ROOT, stdio: 'ignore' });
    redis = await startOwnRedis();
    // The province's server is down for the first POST: the delivery waits 30 s for its retry, in Redis.
    province = await startProvinceReceiver({ unavailableFirst: 1, verify: (h, body) => verifySignature(SECRET, String(h['x-thidua-timestamp']), body, String(h['x-thidua-signature'])) });
    stack = await startStack({
      db: 'sqlite',
      subgraphs: { participants: startParticipants, scoring: startScoring, awards: startAwards, reporting: startReporting },
      gateway: (env) => startGateway(loadGatewayConfig(env)),
      env: { REDIS_URL: redis.url, QUEUE_PREFIX: 'thidua', PROVINCE_ENDPOINT: province.url, PROVINCE_HMAC_SECRET: SECRET },
    });
  });
  afterAll(async () => {
    worker?.kill('SIGKILL');
    await stack?.close();
    await province?.close();
    await redis?.stop();
  });

  it('delivers the report without a restart of the worker: the delivery whose job Redis lost is queued again', async () => {
    const port = await freePort();
    worker = spawn(process.execPath, [join(ROOT, 'dist/apps/report-worker/main.js')], {
      env: { ...stack.subgraphEnvs.reporting, REPORT_WORKER_PORT: String(port), LOAD_PRESETS: 'false', JOBS_RECOVER_INTERVAL_MS: '500' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const pid = worker.pid;
    await until(
      () => fetch(`http://127.0.0.1:${port}/health/ready`).then((r) => r.ok).catch(() => false),
      (ok) => ok,
    );
    const lead = await stack.token('LEAD_AGENCY', undefined, { subject: 'sotttt' });
    const year = new Date().getUTCFullYear();
    const { requestReportRun: run } = await gqlOk<{ requestReportRun: { id: string } }>(stack.url, 'mutation($d: ID!, $y: Int!) { requestReportRun(definitionId: $d, year: $y) { id } }', { d: DN_SUMMARY, y: year }, lead);
    const runOf = () =>
      gqlOk<{ reportRun: { status: string; deliveries: Array<{ channel: string; status: string; history: Array<{ ok: boolean; detail: string }> }> } }>(
        stack.url,
        'query($id: ID!) { reportRun(id: $id) { status deliveries { channel status history { ok detail } } } }',
        { id: run.id },
        lead,
      ).then((d) => d.reportRun);
    // The first POST was answered 503: the delivery's retry now waits in Redis. (The attempt is on record before it is
    // sent, saying no answer has come yet: wait for the answer.)
    await until(runOf, (r) => r.deliveries.some((d) => d.channel === 'HTTP' && d.history.length === 1 && !d.history[0]?.ok && d.history[0]?.detail !== NO_ANSWER_YET));
    expect(province.stats().posts).toBe(1);
    await redis.restartEmpty();

    const done = await until(runOf, (r) => r.deliveries.find((d) => d.channel === 'HTTP')?.status === 'SENT', 30_000);
    expect(done.status).toBe('SUCCEEDED');
    expect(done.deliveries.find((d) => d.channel === 'HTTP')?.history.map((h) => h.ok)).toEqual([false, true]);
    expect(province.stats()).toMatchObject({ unique: 1, refused: 0 });
    // The same worker process did it.
    expect(worker.exitCode).toBeNull();
    expect(worker.pid).toBe(pid);
  });
});
