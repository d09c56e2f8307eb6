import { randomBytes } from 'node:crypto';
import { startParticipants } from '@thidua/participants';
import { loadPlatformConfig, type RunningServer } from '@thidua/platform';
import { startReporting, startReportWorker } from '@thidua/reporting';
import { describeEachDatabase, dropRedisPrefix, freePort, startStack, testJobDrivers, TEST_REDIS_URL, type TestStack } from '@thidua/testing';
import { loadGatewayConfig, startGateway } from '../src';

// The real report worker and its bull-board dashboard need Redis (mandatory in CI).
const onBullmq = testJobDrivers().includes('bullmq');

(onBullmq ? describeEachDatabase : () => undefined)('the queue dashboard through the gateway', (db) => {
  let stack: TestStack;
  let worker: RunningServer;
  const prefix = `t-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    const workerPort = await freePort();
    stack = await startStack({
      db,
      presets: false,
      subgraphs: { participants: startParticipants, reporting: startReporting },
      gateway: (env) => startGateway(loadGatewayConfig(env)),
      env: { REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix, REPORT_WORKER_URL: `http://127.0.0.1:${workerPort}` },
    });
    const env = { ...stack.subgraphEnvs.reporting, REPORT_WORKER_PORT: String(workerPort) };
    worker = await startReportWorker(loadPlatformConfig('report-worker', workerPort, env, { databaseOf: 'reporting' }), env);
  });
  afterAll(async () => {
    await worker?.close();
    await stack?.close();
    await dropRedisPrefix(prefix);
  });

  it("shows bull-board's page and API to a signed-in ADMIN under /queues", async () => {
    const cookie = await stack.signIn();
    const page = await fetch(`${stack.origin}/queues`, { headers: { cookie, accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toMatch(/<html/i);
    // bull-board serves itself under its base path, the same through the gateway.
    expect(html).toContain('<base href="/queues/" />');
    const script = /src="(static\/js\/main[^"]+)"/.exec(html)?.[1];
    expect(script).toBeTruthy();
    const asset = await fetch(`${stack.origin}/queues/${script}`, { headers: { cookie } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    const api = await fetch(`${stack.origin}/queues/api/queues`, { headers: { cookie, accept: 'application/json' } });
    expect(api.status).toBe(200);
    const body = (await api.json()) as { queues: Array<{ name: string }> };
    expect(body.queues.length).toBeGreaterThan(0);
  });
});
