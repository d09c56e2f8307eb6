// The production-mode smoke test: the built apps run as compose.yaml runs them (its commands and environment,
// NODE_ENV=production, two report workers), on this machine's MariaDB and Redis instead of the containers: the seed,
// the ADMIN's sign-in, a query through the gateway, a report run delivered once to a local "province", and the
// observability of real processes (OpenTelemetry patches modules through Node's require hooks, which jest bypasses):
// traces across processes to a local OTLP/HTTP receiver, and each process's Prometheus /metrics.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { dropRedisPrefix, freePort, TEST_MYSQL_URL, TEST_REDIS_URL, testDatabaseKinds } from '@thidua/testing';
import { APPS, interpolate, parseDotenv, parseYaml, read, ROOT, SEED_APPS } from './deployment';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Service = Record<string, any>;
type Env = Record<string, string>;

/** MariaDB and Redis are always there in CI (the global setup fails the run otherwise); locally the test needs both. */
const AVAILABLE = testDatabaseKinds().includes('mysql') && process.env.THIDUA_TEST_REDIS === '1';

const RUN_ID = randomBytes(4).toString('hex');
/** Every database of this run: <prefix>_<service> (the apps take the name from DATABASE_URL's path). */
const DB_PREFIX = `t_smoke_${RUN_ID}`;
const QUEUE_PREFIX = `t-smoke-${RUN_ID}`;
const ADMIN_PASSWORD = `Smoke-${randomBytes(12).toString('hex')}`;
const HMAC_SECRET = randomBytes(32).toString('hex');
const CAMPAIGN = 'BMT-CDS-2023-2025';
/** A preset report definition of that campaign delivered to the province (deliverToProvince). */
const REPORT = 'BMT-BC-TONG-HOP';
const YEAR = 2024;

// ─── local stand-ins: the province's endpoint and an OTLP/HTTP collector ─────────────────────────────────────────────

interface Post {
  key: string;
  signed: boolean;
  body: { deliveryId: string; report: { code: string; period: string }; documents: Array<{ name: string }> };
}

async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Every POST, signature checked as the province would (HMAC-SHA256 over "<timestamp>.<body>"). */
async function startProvince() {
  const posts: Post[] = [];
  const server = http.createServer((req, res) => {
    void readBody(req).then((raw) => {
      const body = raw.toString('utf8');
      const ts = String(req.headers['x-thidua-timestamp'] ?? '');
      const expected = `sha256=${createHmac('sha256', HMAC_SECRET).update(`${ts}.${body}`).digest('hex')}`;
      posts.push({ key: String(req.headers['idempotency-key'] ?? ''), signed: req.headers['x-thidua-signature'] === expected, body: JSON.parse(body) as Post['body'] });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return { url: `${await listen(server)}/reports`, posts, close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))) };
}

interface Span {
  service: string;
  traceId: string;
  name: string;
}

/** OTLP/HTTP with JSON (ExportTraceServiceRequest) on /v1/traces: the spans, flattened with their service.name. */
async function startCollector() {
  const spans: Span[] = [];
  const server = http.createServer((req, res) => {
    void readBody(req).then((raw) => {
      if (req.method === 'POST' && req.url === '/v1/traces') {
        const text = (req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
        const data = JSON.parse(text) as { resourceSpans?: Array<{ resource?: { attributes?: Array<{ key: string; value: { stringValue?: string } }> }; scopeSpans?: Array<{ spans?: Array<{ traceId: string; name: string }> }> }> };
        for (const rs of data.resourceSpans ?? []) {
          const service = rs.resource?.attributes?.find((a) => a.key === 'service.name')?.value.stringValue ?? '';
          for (const ss of rs.scopeSpans ?? []) for (const s of ss.spans ?? []) spans.push({ service, traceId: s.traceId, name: s.name });
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return { url: await listen(server), spans, close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))) };
}

// ─── the apps as compose runs them ───────────────────────────────────────────────────────────────────────────────────

/** The runtime image's own ENV (docker/Dockerfile's last stage), its /app being this checkout. */
function imageEnv(): Env {
  const runtime = read('docker/Dockerfile').split(/^FROM .* AS runtime$/m)[1] ?? '';
  const block = /^ENV ((?:.*\\\n)*.*)$/m.exec(runtime)?.[1] ?? '';
  const env: Env = {};
  for (const m of block.matchAll(/([A-Z_]+)=(\S+)/g)) env[m[1]] = m[2].replace(/^\/app(?=\/|$)/, ROOT);
  return env;
}

/** docker/seed.sh's loop: the apps in its order and the command run for each. */
function seedCommands(): Array<{ app: string; argv: string[] }> {
  const script = read('docker/seed.sh');
  const loop = /for app in ([a-z\- ]+); do\s+(node [^\n]+)\s+done/.exec(script);
  if (!loop) throw new Error('docker/seed.sh: no `for app in …; do node …; done` loop');
  return loop[1].trim().split(/\s+/).map((app) => ({ app, argv: loop[2].trim().split(/\s+/).map((w) => w.replace(/"/g, '').replace('$app', app)) }));
}

interface Running {
  name: string;
  child: ChildProcess;
  log: string[];
  exited: Promise<number | null>;
}

function run(name: string, argv: string[], env: Env): Running {
  const child = spawn(argv[0] === 'node' ? process.execPath : argv[0], argv.slice(1), { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const log: string[] = [];
  const keep = (d: Buffer) => {
    log.push(...d.toString('utf8').split('\n').filter(Boolean));
    if (log.length > 300) log.splice(0, log.length - 300);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { name, child, log, exited };
}

const tail = (p: Running) => `--- ${p.name} ---\n${p.log.slice(-40).join('\n')}`;

async function waitReady(p: Running, port: number, ms = 60_000): Promise<void> {
  let exitCode: number | null | undefined;
  void p.exited.then((c) => (exitCode = c));
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (exitCode !== undefined) throw new Error(`${p.name} exited (${exitCode}) before it was ready\n${tail(p)}`);
    const ok = await fetch(`http://127.0.0.1:${port}/health/ready`, { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${p.name}: not ready within ${ms} ms\n${tail(p)}`);
}

async function until<T>(what: string, ms: number, probe: () => Promise<T | undefined | null | false>): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * SIGTERM, SIGKILL after the grace period; false when it did not stop by itself with exit code 0 (runService closes
 * the servers, the database, the queues and flushes the traces first; Apollo Server does not handle the signal itself).
 */
async function stop(p: Running, graceMs = 5000): Promise<boolean> {
  const clean = () => p.child.exitCode === 0;
  if (p.child.exitCode !== null || p.child.signalCode !== null) return clean();
  p.child.kill('SIGTERM');
  const timer = setTimeout(() => p.child.kill('SIGKILL'), graceMs);
  await p.exited;
  clearTimeout(timer);
  return clean();
}

async function dropDatabases(): Promise<void> {
  const { createConnection } = await import('mysql2/promise');
  const server = new URL(TEST_MYSQL_URL);
  server.pathname = '/';
  const conn = await createConnection({ uri: server.toString() });
  try {
    const [rows] = await conn.query(`SHOW DATABASES LIKE '${DB_PREFIX}\\_%'`);
    for (const row of rows as Array<Record<string, string>>) await conn.query(`DROP DATABASE IF EXISTS \`${Object.values(row)[0]}\``);
  } finally {
    await conn.end();
  }
}

// MariaDB and Redis are always there in CI (the global setup fails without them); elsewhere the block needs both.
if (AVAILABLE) describe('production smoke test: the built apps as compose runs them', () => {
  jest.setTimeout(180_000);

  const processes: Running[] = [];
  const tmp = mkdtempSync(join(tmpdir(), 'thidua-smoke-'));
  let province: Awaited<ReturnType<typeof startProvince>>;
  let collector: Awaited<ReturnType<typeof startCollector>>;
  /** The port and metrics port of each process (the workers as report-worker-1 and -2). */
  const ports: Record<string, { port: number; metrics: number }> = {};
  let gateway: string;
  let cookie: string;

  /** compose.yaml's service, with the variables .env would give it. */
  function composeServices(): Record<string, Service> {
    const vars: Env = {
      ...parseDotenv(read('.env.example')),
      DB_ROOT_PASSWORD: randomBytes(16).toString('hex'),
      DB_PASSWORD: randomBytes(16).toString('hex'),
      REDIS_PASSWORD: randomBytes(16).toString('hex'),
      AUTH_JWT_SECRET: randomBytes(32).toString('base64'),
      GATEWAY_SECRET: randomBytes(32).toString('base64'),
      ADMIN_PASSWORD,
      PROVINCE_ENDPOINT: province.url,
      PROVINCE_HMAC_SECRET: HMAC_SECRET,
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
      LOG_LEVEL: 'info',
    };
    return (parseYaml(interpolate(read('compose.yaml'), vars)) as { services: Record<string, Service> }).services;
  }

  /**
   * One container's environment on this machine: the image's ENV and the service's `environment:`, with only the
   * hosts replaced (MariaDB, Redis, the other services), its own ports, its own data directory holding its volumes.
   */
  function containerEnv(services: Record<string, Service>, service: string, instance: string, database: string): Env {
    const s = services[service];
    const env: Env = { PATH: process.env.PATH ?? '/usr/bin:/bin', ...imageEnv() };
    for (const [k, v] of Object.entries(s.environment as Record<string, unknown>)) if (v !== null) env[k] = String(v);
    expect({ service, NODE_ENV: env.NODE_ENV }).toEqual({ service, NODE_ENV: 'production' });

    const db = new URL(env.DATABASE_URL);
    expect({ service, host: db.host, path: db.pathname }).toEqual({ service, host: 'mariadb:3306', path: '/' });
    const local = new URL(TEST_MYSQL_URL);
    local.pathname = `/${DB_PREFIX}_${database.replace(/-/g, '_')}`;
    env.DATABASE_URL = local.toString();

    expect(new URL(env.REDIS_URL).host).toBe('redis:6379');
    env.REDIS_URL = TEST_REDIS_URL;
    env.QUEUE_PREFIX = QUEUE_PREFIX;

    // http://<service>:<its port>/… → 127.0.0.1 and the port that instance got here (a worker: the first one).
    for (const [k, v] of Object.entries(env)) {
      env[k] = v.replace(/^http:\/\/([a-z-]+):(\d+)/, (whole, host: string, port: string) => {
        if (!(host in services)) return whole;
        expect({ [k]: Number(port) }).toEqual({ [k]: APPS.find((a) => a.name === host)?.port });
        return `http://127.0.0.1:${ports[host === 'report-worker' ? 'report-worker-1' : host].port}`;
      });
    }
    expect(env.HOST).toBe('0.0.0.0');
    env.HOST = '127.0.0.1';
    env.PORT = String(ports[instance].port);
    expect(env.METRICS_PORT).toBe('9464');
    env.METRICS_PORT = String(ports[instance].metrics);

    // Its /data, with each named volume a directory shared by the services that mount it.
    expect(env.DATA_DIR).toBe('/data');
    const dataDir = join(tmp, 'containers', instance);
    mkdirSync(dataDir, { recursive: true });
    for (const v of (s.volumes ?? []) as string[]) {
      const [volume, target] = v.split(':');
      expect(target.startsWith('/data/')).toBe(true);
      mkdirSync(join(tmp, 'volumes', volume), { recursive: true });
      symlinkSync(join(tmp, 'volumes', volume), join(dataDir, target.slice('/data/'.length)));
    }
    env.DATA_DIR = dataDir;
    return env;
  }

  beforeAll(async () => {
    // The bundles and the web app, rebuilt only when their sources changed (as `npm start` does).
    const build = spawnSync(process.execPath, ['--input-type=module', '-e', "const { buildApps } = await import('./tools/build.mjs'); await buildApps(undefined, { onlyStale: true });"], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);

    province = await startProvince();
    collector = await startCollector();
    const instances = ['participants', 'scoring', 'awards', 'reporting', 'gateway', 'report-worker-1', 'report-worker-2', ...SEED_APPS.map((a) => `seed-${a}`)];
    for (const i of instances) ports[i] = { port: await freePort(), metrics: await freePort() };
    const services = composeServices();

    // migrate-and-seed: docker/seed.sh's commands with the service's environment, each app on its own database.
    const seed = services['migrate-and-seed'];
    expect(seed.command).toEqual(['sh', 'docker/seed.sh']);
    const steps = seedCommands();
    expect(steps.map((s) => s.app)).toEqual(SEED_APPS);
    for (const step of steps) {
      const p = run(`seed ${step.app}`, step.argv, containerEnv(services, 'migrate-and-seed', `seed-${step.app}`, step.app));
      processes.push(p);
      const code = await p.exited;
      if (code !== 0) throw new Error(`seed of ${step.app} failed (${code})\n${tail(p)}`);
    }

    // The subgraphs and the two report workers, then the gateway once the subgraphs are healthy (compose's depends_on).
    const start = (instance: string, service: string) => {
      const s = services[service];
      const env = containerEnv(services, service, instance, service === 'report-worker' ? 'reporting' : service);
      const p = run(instance, s.command as string[], env);
      processes.push(p);
      return waitReady(p, ports[instance].port);
    };
    expect(services['report-worker'].deploy.replicas).toBe(2);
    await Promise.all([...['participants', 'scoring', 'awards', 'reporting'].map((s) => start(s, s)), start('report-worker-1', 'report-worker'), start('report-worker-2', 'report-worker')]);
    await start('gateway', 'gateway');
    gateway = `http://127.0.0.1:${ports.gateway.port}`;
  }, 180_000);

  afterAll(async () => {
    const stopped = await Promise.all(processes.map((p) => stop(p)));
    const unclean = processes.filter((_, i) => !stopped[i]);
    if (unclean.length) console.warn(`did not stop cleanly on SIGTERM:\n${unclean.map((p) => `${tail(p)}\n(exit ${p.child.exitCode ?? p.child.signalCode})`).join('\n')}`);
    await province?.close();
    await collector?.close();
    if (AVAILABLE) {
      await dropDatabases();
      await dropRedisPrefix(QUEUE_PREFIX);
    }
    rmSync(tmp, { recursive: true, force: true });
  }, 60_000);

  /** A GraphQL request through the gateway with the session cookie, continuing the given trace (W3C traceparent). */
  async function graph<T>(query: string, variables: Record<string, unknown>, traceId: string): Promise<T> {
    const res = await fetch(`${gateway}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: T; errors?: unknown[] };
    if (res.status !== 200 || body.errors || !body.data) throw new Error(`${res.status} ${JSON.stringify(body)}`);
    return body.data;
  }

  const newTraceId = () => randomBytes(16).toString('hex');
  const servicesOf = (traceId: string) => new Set(collector.spans.filter((s) => s.traceId === traceId).map((s) => s.service));

  async function scrape(instance: string): Promise<string> {
    const res = await fetch(`http://127.0.0.1:${ports[instance].metrics}/metrics`);
    expect(res.status).toBe(200);
    return res.text();
  }

  let definitionId: string;
  const queryTrace = newTraceId();

  it("signs the ADMIN in at the gateway and answers a query across subgraphs with the session's cookie", async () => {
    // No cookie yet: anonymous.
    const anonymous = (await (await fetch(`${gateway}/auth/session`)).json()) as { authenticated: boolean };
    expect(anonymous.authenticated).toBe(false);
    const login = await fetch(`${gateway}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }) });
    expect(login.status).toBe(200);
    const set = login.headers.getSetCookie().find((c) => c.startsWith('thidua_session=') && !c.startsWith('thidua_session=;'));
    // Production: the cookie is HttpOnly and Secure (compose's COOKIE_SECURE default).
    expect(set).toMatch(/HttpOnly/i);
    expect(set).toMatch(/Secure/i);
    cookie = set!.split(';')[0];
    const session = (await (await fetch(`${gateway}/auth/session`, { headers: { cookie } })).json()) as { authenticated: boolean; account: { username: string; roles: string[] } };
    expect(session).toEqual(expect.objectContaining({ authenticated: true, account: expect.objectContaining({ username: 'admin', roles: ['ADMIN'] }) }));

    const data = await graph<{ campaign: { code: string; reportDefinitions: Array<{ id: string; code: string; deliverToProvince: boolean }> } }>(
      `query SmokeCampaign($code: String!) { campaign(code: $code) { code name reportDefinitions { id code deliverToProvince } } }`,
      { code: CAMPAIGN },
      queryTrace,
    );
    expect(data.campaign.code).toBe(CAMPAIGN);
    const def = data.campaign.reportDefinitions.find((d) => d.code === REPORT);
    expect(def?.deliverToProvince).toBe(true);
    definitionId = def!.id;
  });

  it("sends the public ranking rendered by the built gateway (the web build's renderer) to a visitor not signed in", async () => {
    const page = async (headers: Record<string, string> = {}) => (await fetch(`${gateway}/xep-hang?phongTrao=${CAMPAIGN}`, { headers: { accept: 'text/html', ...headers } })).text();
    const rendered = await page();
    expect(rendered).toContain('id="thidua-state"');
    expect(rendered).toMatch(/<div id="root">.*Xếp hạng chuyển đổi số.*Chưa có kết quả được công bố cho năm \d{4}\./s);
    // Signed in: the browser renders it, with the session.
    expect(await page({ cookie })).toContain('<div id="root"></div>');
  });

  let runTrace: string;
  let deliveryId: string;

  it('runs a report on a worker and delivers it to the province once, signed', async () => {
    runTrace = newTraceId();
    const { requestReportRun: run } = await graph<{ requestReportRun: { id: string; status: string } }>(
      'mutation SmokeRequestRun($d: ID!, $y: Int!) { requestReportRun(definitionId: $d, year: $y) { id status } }',
      { d: definitionId, y: YEAR },
      runTrace,
    );
    type RunState = { reportRun: { status: string; error: string | null; documents: Array<{ name: string }>; deliveries: Array<{ id: string; channel: string; status: string; target: string }> } };
    const done = await until('the run delivered', 60_000, async () => {
      const r = await graph<RunState>('query SmokeRun($id: ID!) { reportRun(id: $id) { status error documents { name } deliveries { id channel status target } } }', { id: run.id }, newTraceId());
      if (r.reportRun.status === 'FAILED') throw new Error(`run failed: ${r.reportRun.error}`);
      return r.reportRun.status === 'SUCCEEDED' && r.reportRun.deliveries.length > 0 && r.reportRun.deliveries.every((d) => d.status === 'SENT') && r.reportRun;
    });
    expect(done.documents.map((d) => d.name.replace(/^.*\./, '')).sort()).toEqual(['docx', 'xlsx']);
    expect(done.deliveries).toEqual([expect.objectContaining({ channel: 'HTTP', status: 'SENT', target: province.url })]);
    deliveryId = done.deliveries[0].id;
    // Two workers on one queue: still one POST for this delivery, a little later too.
    await new Promise((r) => setTimeout(r, 1500));
    const mine = province.posts.filter((p) => p.key === deliveryId);
    expect(mine).toHaveLength(1);
    expect(mine[0].signed).toBe(true);
    expect(mine[0].body.deliveryId).toBe(deliveryId);
    expect(mine[0].body.report).toEqual(expect.objectContaining({ code: REPORT, period: String(YEAR) }));
    expect(mine[0].body.documents).toHaveLength(2);
  });

  it('traces a query from the gateway into the subgraphs, and the report run from the request into a worker', async () => {
    await until('spans of the query from the gateway and participants', 20_000, async () => {
      const s = servicesOf(queryTrace);
      return s.has('thidua-gateway') && s.has('thidua-participants');
    });
    expect([...servicesOf(queryTrace)]).toEqual(expect.arrayContaining(['thidua-gateway', 'thidua-participants', 'thidua-reporting']));
    await until('the report job span in the trace of the request that asked for it', 20_000, async () =>
      collector.spans.some((s) => s.traceId === runTrace && s.service === 'thidua-report-worker' && s.name === 'job report.run'),
    );
    expect([...servicesOf(runTrace)]).toEqual(expect.arrayContaining(['thidua-gateway', 'thidua-reporting', 'thidua-report-worker']));
  });

  it('serves Prometheus metrics on each process: GraphQL operations at the gateway, the queue depth at the workers', async () => {
    const gw = await scrape('gateway');
    expect(gw).toMatch(/^thidua_graphql_operations_total\{[^}]*service="gateway"[^}]*operation="SmokeCampaign"[^}]*\} [1-9]/m);
    const workers = await Promise.all(['report-worker-1', 'report-worker-2'].map(scrape));
    expect(workers.some((w) => /^thidua_queue_jobs\{[^}]*queue="reports"[^}]*\} \d+/m.test(w))).toBe(true);
    for (const s of ['participants', 'scoring', 'awards', 'reporting']) expect(await scrape(s)).toMatch(/^process_cpu_user_seconds_total /m);
  });

  it('stops every process cleanly on SIGTERM, as compose and Kubernetes stop them (exit code 0)', async () => {
    const stopped = await Promise.all(processes.map((p) => stop(p)));
    expect(processes.map((p, i) => ({ process: p.name, clean: stopped[i] }))).toEqual(processes.map((p) => ({ process: p.name, clean: true })));
  });
});
