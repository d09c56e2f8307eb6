import { startAwards } from '@thidua/awards';
import { loadGatewayConfig, startGateway } from '@thidua/gateway';
import { startParticipants } from '@thidua/participants';
import { loadPlatformConfig, presetId, type RunningServer } from '@thidua/platform';
import { startScoring } from '@thidua/scoring';
import { describeEachDatabase, dropRedisPrefix, errorCodes, freePort, gql, gqlOk, startProvinceReceiver, startStack, testJobDrivers, TEST_REDIS_URL, type TestStack } from '@thidua/testing';
import { randomBytes } from 'node:crypto';
import { startReporting, startReportWorker } from '../src';
import { verifySignature } from '../src/delivery/delivery.rules';

const SECRET = 'khoa-bi-mat-chung-voi-tinh-dak-lak-2024';
const PROVINCE_REPORT = presetId('ReportDefinition', 'BMT-BC-TINH');

type Failed = { id: string; name: string; error: string; attempts: number; failedAt: string | null; reportRun: { id: string; period: string } | null; delivery: { id: string; status: string } | null };
const FAILED = 'id name error attempts failedAt reportRun { id period } delivery { id status }';
type Run = { id: string; status: string; deliveries: Array<{ id: string; channel: string; status: string; attempts: number; history: Array<{ ok: boolean; detail: string }> }> };
const RUN = 'id status deliveries { id channel status attempts history { ok detail } }';

/** Wait until a condition holds (polling; never a timing assertion). */
async function until<T>(get: () => Promise<T>, ok: (v: T) => boolean, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await get();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`condition not met in time: ${JSON.stringify(v).slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

for (const driver of testJobDrivers()) {
  describeEachDatabase(`failed jobs, retried by the administrator [${driver}]`, (db) => {
    let stack: TestStack;
    let lead: string;
    let admin: string;
    let worker: RunningServer | null = null;
    const prefix = `t-${randomBytes(4).toString('hex')}`;
    let province: Awaited<ReturnType<typeof startProvinceReceiver>>;
    beforeAll(async () => {
      // The province's server is down for the first post; a delivery tries once: it fails for good at once.
      province = await startProvinceReceiver({ unavailableFirst: 1, verify: (h, body) => verifySignature(SECRET, String(h['x-thidua-timestamp']), body, String(h['x-thidua-signature'])) });
      stack = await startStack({
        db,
        subgraphs: { participants: startParticipants, scoring: startScoring, awards: startAwards, reporting: startReporting },
        gateway: (env) => startGateway(loadGatewayConfig(env)),
        env: { REDIS_URL: driver === 'bullmq' ? TEST_REDIS_URL : '', QUEUE_PREFIX: prefix, PROVINCE_ENDPOINT: province.url, PROVINCE_HMAC_SECRET: SECRET, DELIVERY_ATTEMPTS: '1' },
      });
      if (driver === 'bullmq') {
        // On BullMQ the subgraph only queues: the report worker builds and sends (here in this process).
        const env = { ...stack.subgraphEnvs.reporting, LOAD_PRESETS: 'false', REPORT_WORKER_PORT: String(await freePort()) };
        worker = await startReportWorker(loadPlatformConfig('report-worker', 0, env, { databaseOf: 'reporting' }), env);
      }
      lead = await stack.token('LEAD_AGENCY', undefined, { subject: 'vhtt' });
      admin = await stack.token('ADMIN');
    });
    afterAll(async () => {
      await worker?.close();
      await stack?.close();
      await province?.close();
      if (driver === 'bullmq') await dropRedisPrefix(prefix);
    });

    it('lists a delivery that used up its tries with its report, and sends it again on retryFailedJob (ADMIN only)', async () => {
      // The channels configured: read-only, without the shared secret.
      const channels = await gqlOk<{ deliveryChannels: Array<{ channel: string; target: string; signed: boolean; attempts: number }> }>(stack.url, '{ deliveryChannels { channel target signed attempts } }', {}, admin);
      expect(channels.deliveryChannels).toEqual([{ channel: 'HTTP', target: province.url, signed: true, attempts: 1 }]);
      expect(JSON.stringify(channels)).not.toContain(SECRET);
      expect(errorCodes(await gql(stack.url, '{ deliveryChannels { target } }', {}, lead))).toEqual(['FORBIDDEN']);

      const requested = await gqlOk<{ requestReportRun: { id: string } }>(stack.url, 'mutation($d: ID!) { requestReportRun(definitionId: $d, year: 2024) { id } }', { d: PROVINCE_REPORT }, lead);
      const runId = requested.requestReportRun.id;
      const run = await until(
        async () => (await gqlOk<{ reportRun: Run }>(stack.url, `query($id: ID!) { reportRun(id: $id) { ${RUN} } }`, { id: runId }, lead)).reportRun,
        (r) => r.status === 'FAILED' || (r.status === 'SUCCEEDED' && r.deliveries.length === 1 && r.deliveries[0]?.status === 'FAILED'),
      );
      expect(run.status).toBe('SUCCEEDED');
      const delivery = run.deliveries[0];
      expect(delivery).toMatchObject({ channel: 'HTTP', status: 'FAILED', attempts: 1 });
      expect(delivery?.history.map((h) => [h.ok, h.detail.slice(0, 8)])).toEqual([[false, 'HTTP 503']]);

      const failed = await until(
        async () => (await gqlOk<{ failedJobs: Failed[] }>(stack.url, `{ failedJobs { ${FAILED} } }`, {}, admin)).failedJobs,
        (f) => f.length > 0,
      );
      expect(failed).toEqual([expect.objectContaining({ id: `delivery.${delivery?.id}`, name: 'delivery.send', attempts: 1, reportRun: { id: runId, period: '2024' }, delivery: { id: delivery?.id, status: 'FAILED' } })]);
      expect(failed[0]?.error).toMatch(/^HTTP 503/);
      expect(typeof failed[0]?.failedAt).toBe('string');

      // Only the administrator retries, and only a job that is kept as failed.
      expect(errorCodes(await gql(stack.url, 'mutation($id: ID!) { retryFailedJob(id: $id) { id } }', { id: failed[0]?.id }, lead))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await gql(stack.url, 'mutation { retryFailedJob(id: "delivery.khong-co") { id } }', {}, admin))).toEqual(['NOT_FOUND']);

      const left = await gqlOk<{ retryFailedJob: Failed[] }>(stack.url, `mutation($id: ID!) { retryFailedJob(id: $id) { ${FAILED} } }`, { id: failed[0]?.id }, admin);
      expect(left.retryFailedJob).toEqual([]);
      const sent = await until(
        async () => (await gqlOk<{ reportRun: Run }>(stack.url, `query($id: ID!) { reportRun(id: $id) { ${RUN} } }`, { id: runId }, lead)).reportRun,
        (r) => r.deliveries[0]?.status === 'SENT',
      );
      expect(sent.deliveries[0]?.history.map((h) => h.ok)).toEqual([false, true]);
      // The receiver checked the signature and filed the report once.
      expect(province.stats()).toMatchObject({ refused: 0, unique: 1 });
      expect((await gqlOk<{ failedJobs: Failed[] }>(stack.url, `{ failedJobs { ${FAILED} } }`, {}, admin)).failedJobs).toEqual([]);
      // The retry is on the record of the delivery.
      const audit = await gqlOk<{ reportingAuditLog: Array<{ action: string }> }>(stack.url, 'query($id: ID!) { reportingAuditLog(entityType: "Delivery", entityId: $id) { action } }', { id: delivery?.id }, admin);
      expect(audit.reportingAuditLog.map((a) => a.action)).toEqual(['sent', 'retry']);
    });

    it('finds audit entries by the words of their snapshots and by time (ADMIN only)', async () => {
      type E = { entityType: string; action: string; at: string; after: string | null };
      const log = async (args: string) => (await gqlOk<{ reportingAuditLog: E[] }>(stack.url, `{ reportingAuditLog(${args}) { entityType action at after } }`, {}, admin)).reportingAuditLog;
      const all = await log('first: 500');
      expect(all.length).toBeGreaterThan(2);
      // The words of a snapshot: the delivery's answer recorded when it was sent ("HTTP 200 …").
      const sent = await log('search: "HTTP 200"');
      expect(sent.map((e) => [e.entityType, e.action])).toEqual([['Delivery', 'sent']]);
      // Case and wildcards: "%" and "_" are searched as themselves.
      expect(await log('search: "http 200"')).toHaveLength(sent.length);
      expect(await log('search: "100%"')).toEqual([]);
      // A time range: nothing after now, everything since the first entry.
      const oldest = all[all.length - 1]?.at ?? '';
      expect(await log(`from: "${new Date(Date.now() + 60_000).toISOString()}"`)).toEqual([]);
      expect(await log(`from: "${oldest}", first: 500`)).toHaveLength(all.length);
      expect(await log(`to: "${oldest}", first: 500`)).toEqual(all.filter((e) => e.at === oldest));
      expect(errorCodes(await gql(stack.url, '{ reportingAuditLog(search: "HTTP") { id } }', {}, lead))).toEqual(['FORBIDDEN']);
    });

    it('counts the jobs of each queue (ADMIN only): on Redis every queue of the system, in process reporting’s own', async () => {
      type Q = { name: string; waiting: number; active: number; delayed: number; failed: number; completed: number };
      const queues = async () => (await gqlOk<{ jobQueues: Q[] }>(stack.url, '{ jobQueues { name waiting active delayed failed completed } }', {}, admin)).jobQueues;
      const byName = async () => Object.fromEntries((await queues()).map(({ name, ...c }) => [name, c]));
      const names = (await queues()).map((q) => q.name);
      // The scoring and participants services work their own queues: seen in the same Redis, not in another process.
      expect(names).toEqual(driver === 'bullmq' ? ['reports', 'deliveries', 'reminders', 'scoring', 'participants'] : ['reports', 'deliveries', 'reminders']);
      // The first test: the run was built, its delivery failed for good, was retried and sent. Nothing is left failed.
      const counts = await until(byName, (c) => (c.deliveries?.completed ?? 0) >= 1 && c.deliveries?.active === 0);
      expect(counts.deliveries).toEqual({ waiting: 0, active: 0, delayed: 0, failed: 0, completed: 1 });
      expect(counts.reports).toMatchObject({ failed: 0 });
      expect(counts.reports?.completed).toBeGreaterThanOrEqual(1);
      // A new run is counted in the reports queue until it is built, then among the completed.
      const before = counts.reports?.completed ?? 0;
      await gqlOk(stack.url, 'mutation($d: ID!) { requestReportRun(definitionId: $d, year: 2023) { id } }', { d: PROVINCE_REPORT }, lead);
      const after = await until(byName, (c) => (c.reports?.completed ?? 0) > before && c.reports?.waiting === 0 && c.reports?.active === 0);
      expect(after.reports).toMatchObject({ waiting: 0, active: 0, failed: 0 });
      // Its delivery is sent in its turn.
      await until(byName, (c) => c.deliveries?.completed === 2 && c.deliveries?.waiting === 0 && c.deliveries?.active === 0);
      for (const q of Object.values(after)) for (const n of Object.values(q)) expect(Number.isInteger(n) && n >= 0).toBe(true);
      expect(errorCodes(await gql(stack.url, '{ jobQueues { name } }', {}, lead))).toEqual(['FORBIDDEN']);
    });
  });
}
