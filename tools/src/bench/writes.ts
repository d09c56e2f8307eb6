import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { createConnection, type Connection, type RowDataPacket } from 'mysql2/promise';
import { startAwards } from '../../../apps/awards/src';
import { loadGatewayConfig, startGateway } from '../../../apps/gateway/src';
import { startParticipants } from '../../../apps/participants/src';
import { startReporting } from '../../../apps/reporting/src';
import { startScoring } from '../../../apps/scoring/src';
import { loadPlatformConfig, mintToken } from '../../../libs/platform/src';
import { load, pct, pool, publishManualFramework, sorted } from './common';
import {
  freePort,
  freshDatabase,
  gqlOk,
  startStack,
  TEST_ADMIN_PASSWORD,
  TEST_MYSQL_URL,
  type FreshDatabase,
  type GqlResponse,
  type TestStack,
} from '../../../libs/testing/src';

/**
 * BENCH_ONLY=writes: the common mutations, mixed, through the gateway's HTTP endpoint at a fixed offered rate (an open
 * loop: each request is sent at its instant whether or not the earlier ones have answered; latency counted from that
 * instant), always on MariaDB (TEST_MYSQL_URL, fresh databases) whatever BENCH_DB says: issue 15's "20 writes/s of the
 * common mutations with p99 under 500 ms on this machine". Rates BENCH_WRITE_RATES (default 5,20; BENCH_WRITE_RATE
 * sets the goal's rate, default 20), each for BENCH_WRITE_SECONDS (default 30) after a 3 s warm-up at the same rate.
 *
 * The mix, in rounds of five requests sent one after the other at the rate: createOrgUnit (a ward under Buôn Ma Thuột,
 * ADMIN and HOME_AFFAIRS tokens alternating), saveUnitReport of a ward's yearly report (its unit officer), selfAssess of
 * one indicator of a ward's started assessment (its unit officer; the assessments taken in turn, each with its last
 * known version), createRegistration of a ward for the campaign (the lead agency, recording a paper registration: the
 * campaign has closed), submitUnitReport of the report saved in the same round (sent at its instant, or as soon as
 * the save answered if it had not). Asserts nothing.
 *
 * The graph runs as in production (and `npm start`): the four subgraphs and the gateway each in its own process, from
 * their bundles (dist/apps/<name>/main.js, built first if stale), each on its own fresh MariaDB database, with the
 * production deadlines. This process is the client: it mints its tokens with the secret it gave the services. Printed
 * for the loop: each service process's CPU (from /proc), MariaDB's, the client's, and the client's event-loop delay.
 * BENCH_WRITE_PROCESSES=one runs the graph in this process instead (libs/testing's stack: a query's subgraph deadline
 * 10 s there), as this section did before.
 */

const CAMPAIGN = 'BMT-CDS-2023-2025';
/** The assessments' year, and the years of the unit reports (the campaign's). */
const YEAR = 2025;
const REPORT_YEARS = [2023, 2024, 2025];
const INDICATORS = 20;
const WARM_UP_SECONDS = 3;
const SETUP_CONCURRENCY = 4;
/** The client gives up on an answer after this long (the gateway's own mutation deadline is 30 s). */
const CLIENT_TIMEOUT_MS = 60_000;
const KINDS = ['createOrgUnit', 'saveUnitReport', 'selfAssess', 'createRegistration', 'submitUnitReport'] as const;
type Kind = (typeof KINDS)[number];

type Row = { label: string; cells: string[]; note?: string };

const msf = (n: number) => (Number.isFinite(n) ? `${n < 10 ? n.toFixed(1) : n.toFixed(0)} ms` : '—');
const Q = {
  createOrgUnit: 'mutation($c: String!, $n: String!, $p: ID!) { createOrgUnit(input: { code: $c, name: $n, kind: WARD_PC, parentId: $p, validFrom: "2020-01-01" }) { id } }',
  saveUnitReport: 'mutation($in: UnitReportInput!) { saveUnitReport(input: $in) { id version } }',
  submitUnitReport: 'mutation($id: ID!, $v: Int!) { submitUnitReport(id: $id, expectedVersion: $v) { id status } }',
  selfAssess:
    'mutation($id: ID!, $v: Int!, $c: String!, $val: ScoreValueInput!) { selfAssess(assessmentId: $id, expectedVersion: $v, indicatorCode: $c, value: $val) { id version } }',
  createRegistration:
    'mutation($c: ID!, $u: ID!, $t: [String!]!) { createRegistration(campaignId: $c, unitId: $u, commitments: $t, submit: true) { id } }',
};

interface Ward {
  id: string;
  officer: string;
}

interface Assessment {
  id: string;
  version: number;
  officer: string;
}

/** The graph the loop writes to: its URL, tokens it accepts, and its processes (none when it runs in this one). */
interface Graph extends Pick<TestStack, 'url' | 'token' | 'close'> {
  pids: Map<string, number>;
  described: string;
}

interface Setup {
  stack: Graph;
  campaignId: string;
  cityId: string;
  admin: string;
  homeAffairs: string;
  lead: string;
  wards: Ward[];
  assessments: Assessment[];
  /** Next unused (ward, year) of the unit reports, and next ward without a registration. */
  nextReport: number;
  nextRegistration: number;
  nextAssessment: number;
  nextUnit: number;
}

/** A published framework of INDICATORS manual indicators for wards, the campaign's scoring period of YEAR open until next year. */
async function framework(stack: Graph, campaignId: string, lead: string): Promise<string> {
  const id = await publishManualFramework(stack.url, lead, { code: `BENCH-GHI-${YEAR}`, name: `Bộ chỉ số thử nghiệm ghi dữ liệu năm ${YEAR}`, year: YEAR, jurisdiction: 'Thành phố Buôn Ma Thuột', groups: 1, perGroup: INDICATORS });
  await gqlOk(
    stack.url,
    'mutation($c: ID!, $y: Int!, $o: Date!, $e: Date!) { openScoringPeriod(campaignId: $c, year: $y, selfAssessmentOpens: $o, selfAssessmentCloses: $e) { id } }',
    { c: campaignId, y: YEAR, o: `${YEAR}-01-01`, e: `${new Date().getUTCFullYear() + 1}-12-31` },
    lead,
  );
  return id;
}

/** The whole graph on fresh MariaDB databases, the wards and started assessments the loop writes to. */
async function setUp(wardCount: number, assessmentCount: number): Promise<Setup> {
  const stack: Graph =
    process.env.BENCH_WRITE_PROCESSES === 'one'
      ? {
          ...(await startStack({
            db: 'mysql',
            subgraphs: { participants: startParticipants, scoring: startScoring, awards: startAwards, reporting: startReporting },
            gateway: (env) => startGateway(loadGatewayConfig(env)),
            env: { REDIS_URL: '' },
          })),
          pids: new Map(),
          described: 'participants, scoring, awards, reporting and the gateway in this process',
        }
      : await startProcesses();
  try {
    const admin = await stack.token('ADMIN');
    const homeAffairs = await stack.token('HOME_AFFAIRS', undefined, { subject: 'bench-noi-vu' });
    const lead = await stack.token('LEAD_AGENCY', undefined, { subject: 'bench-lead' });
    const campaignId = (await gqlOk<{ campaign: { id: string } }>(stack.url, `{ campaign(code: "${CAMPAIGN}") { id } }`, {}, admin)).campaign.id;
    const cityId = (await gqlOk<{ orgUnit: { id: string } }>(stack.url, '{ orgUnit(code: "BMT") { id } }')).orgUnit.id;
    const frameworkId = await framework(stack, campaignId, lead);
    const wards: Ward[] = [];
    await pool(wardCount, SETUP_CONCURRENCY, async (i) => {
      const r = await gqlOk<{ createOrgUnit: { id: string } }>(stack.url, Q.createOrgUnit, { c: `BENCH-GHI-W-${i}`, n: `UBND phường Ghi Thử số ${i}`, p: cityId }, admin);
      const id = r.createOrgUnit.id;
      wards[i] = { id, officer: await stack.token('UNIT_OFFICER', id, { subject: `bench-ghi-${i}` }) };
    });
    const assessments: Assessment[] = [];
    await pool(assessmentCount, SETUP_CONCURRENCY, async (i) => {
      const w = wards[i] as Ward;
      const a = (
        await gqlOk<{ startAssessment: { id: string; version: number } }>(
          stack.url,
          'mutation($c: ID!, $y: Int!, $u: ID!, $f: ID!) { startAssessment(campaignId: $c, year: $y, unitId: $u, frameworkId: $f) { id version } }',
          { c: campaignId, y: YEAR, u: w.id, f: frameworkId },
          w.officer,
        )
      ).startAssessment;
      assessments[i] = { id: a.id, version: a.version, officer: w.officer };
    });
    return { stack, campaignId, cityId, admin, homeAffairs, lead, wards, assessments, nextReport: 0, nextRegistration: 0, nextAssessment: 0, nextUnit: 0 };
  } catch (err) {
    await stack.close();
    throw err;
  }
}

const ROOT = resolve(__dirname, '../..');
const LOG_DIR = join(ROOT, 'tmp/bench/writes');

/** tools/services.mjs (shared with `npm start`), imported at run time as the ES module it is. */
interface Services {
  SUBGRAPHS: Array<{ name: string }>;
  withServiceUrls(env: NodeJS.ProcessEnv, gatewayPort: number): NodeJS.ProcessEnv;
  services(env: NodeJS.ProcessEnv): Array<{ name: string; script: string; ready: string }>;
  waitReady(name: string, url: string, o?: { stopped?: () => boolean }): Promise<void>;
  stopChildren(children: ChildProcess[], graceMs?: number): Promise<void>;
}
const toolModule = <T>(path: string) => import(pathToFileURL(join(ROOT, path)).href) as Promise<T>;

/**
 * The subgraphs and the gateway as `npm start` runs them (tools/start.mjs): each bundle built if stale, then run as its
 * own process on free ports and its own fresh MariaDB database (dropped by close), presets loaded, rate limits off,
 * the production deadlines (SUBGRAPH_TIMEOUT_MS and SUBGRAPH_MUTATION_TIMEOUT_MS unset), REDIS_URL empty, a secret of
 * this run for tokens and one for the gateway. Their output (LOG_LEVEL warn, or BENCH_WRITE_LOG_LEVEL) goes to
 * tmp/bench/writes/<service>.log. BENCH_CPU_PROF=1: each writes a CPU profile of its whole life (setup included) into
 * tmp/bench/writes/ when stopped.
 */
async function startProcesses(): Promise<Graph> {
  const { buildApps } = await toolModule<{ buildApps(names: string[], o: { onlyStale: boolean }): Promise<string[]> }>('tools/build.mjs');
  const svc = await toolModule<Services>('tools/services.mjs');
  const names = [...svc.SUBGRAPHS.map((s) => s.name), 'gateway'];
  const t0 = performance.now();
  const built = await buildApps(names, { onlyStale: true });
  if (built.length) console.log(`writes: built ${built.join(', ')} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['PORT', 'DATABASE_URL', 'SUBGRAPH_TIMEOUT_MS', 'SUBGRAPH_MUTATION_TIMEOUT_MS', ...names.flatMap((n) => [`${n.toUpperCase()}_PORT`, `${n.toUpperCase()}_URL`])]) delete env[k];
  Object.assign(env, {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.BENCH_WRITE_LOG_LEVEL ?? 'warn',
    HOST: '127.0.0.1',
    REDIS_URL: '',
    LOAD_PRESETS: 'true',
    AUTH_JWT_SECRET: randomBytes(24).toString('hex'),
    GATEWAY_SECRET: randomBytes(24).toString('hex'),
    ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
    RATE_LIMIT_ACCOUNT_PER_MINUTE: '0',
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: '0',
    RATE_LIMIT_COMMENTS_PER_HOUR: '0',
  });
  for (const n of names) env[`${n.toUpperCase()}_PORT`] = String(await freePort());
  svc.withServiceUrls(env, Number(env.GATEWAY_PORT));
  mkdirSync(LOG_DIR, { recursive: true });
  const dbs: FreshDatabase[] = [];
  const children: ChildProcess[] = [];
  const pids = new Map<string, number>();
  let stopping = false;
  const close = async () => {
    stopping = true;
    await svc.stopChildren(children);
    for (const d of dbs) await d.drop().catch((err: unknown) => console.error(`writes: dropping a database failed: ${String(err)}`));
  };
  try {
    const all = svc.services(env);
    for (const s of all) {
      const db = await freshDatabase('mysql', s.name);
      dbs.push(db);
      const log = openSync(join(LOG_DIR, `${s.name}.log`), 'w');
      const flags = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${LOG_DIR}`, `--cpu-prof-name=${s.name}.cpuprofile`] : [];
      const child = spawn(process.execPath, ['--enable-source-maps', ...flags, s.script], { cwd: ROOT, env: { ...env, ...db.env }, stdio: ['ignore', log, log] });
      closeSync(log); // the child has its own copy
      child.on('exit', (code, signal) => {
        if (!stopping) console.error(`writes: ${s.name} stopped (${signal ?? `code ${code}`}); its output: tmp/bench/writes/${s.name}.log`);
      });
      children.push(child);
      pids.set(s.name, child.pid as number);
    }
    const stopped = () => children.some((c) => c.exitCode !== null || c.signalCode !== null);
    await Promise.all(all.map((s) => svc.waitReady(s.name, s.ready, { stopped })));
  } catch (err) {
    await close();
    throw err;
  }
  const auth = loadPlatformConfig('gateway', 0, env).auth;
  return {
    url: `${env.GATEWAY_URL}`,
    token: (role, unitId, o) => mintToken(auth, { roles: [role], unitId, subject: o?.subject, ttlSeconds: o?.ttlSeconds }),
    close,
    pids,
    described: `participants, scoring, awards, reporting and the gateway each in its own process (NODE_ENV ${env.NODE_ENV}, output in tmp/bench/writes/)`,
  };
}

/** What one request came to: its kind, latency from its instant, and the error code if it failed. */
interface Outcome {
  kind: Kind;
  ms: number;
  error?: string;
}

/** POST an operation like libs/testing's gql, giving up after CLIENT_TIMEOUT_MS. */
async function post<T>(url: string, query: string, variables: Record<string, unknown>, token: string): Promise<GqlResponse<T>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
  });
  const text = await res.text();
  let body: { data?: T | null; errors?: GqlResponse<T>['errors'] } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    body = { errors: [{ message: text }] };
  }
  return { status: res.status, data: body.data ?? null, errors: body.errors ?? [], headers: res.headers };
}

/** One round's requests, each returning a promise of its outcome once sent at its instant. */
function round(s: Setup): Array<(due: number) => Promise<Outcome>> {
  const unit = s.nextUnit++;
  const reportIndex = s.nextReport++;
  const ward = s.wards[reportIndex % s.wards.length] as Ward;
  const reportYear = REPORT_YEARS[Math.floor(reportIndex / s.wards.length) % REPORT_YEARS.length] as number;
  const registered = s.wards[s.nextRegistration++ % s.wards.length] as Ward;
  const assessment = s.assessments[s.nextAssessment++ % s.assessments.length] as Assessment;
  const indicator = `1.${(unit % INDICATORS) + 1}`;
  let saved: Promise<{ id: string; version: number } | null> = Promise.resolve(null);
  const send = async <T>(kind: Kind, due: number, query: string, variables: Record<string, unknown>, token: string): Promise<Outcome & { data?: T }> => {
    let r: GqlResponse<T>;
    try {
      r = await post<T>(s.stack.url, query, variables, token);
    } catch (err) {
      const name = (err as { name?: string }).name;
      return { kind, ms: performance.now() - due, error: name === 'TimeoutError' ? 'CLIENT_TIMEOUT' : 'FETCH_FAILED' };
    }
    const ms = performance.now() - due;
    if (r.errors.length || !r.data) return { kind, ms, error: String(r.errors[0]?.extensions?.code ?? `HTTP_${r.status}`) };
    return { kind, ms, data: r.data };
  };
  return [
    (due) =>
      send('createOrgUnit', due, Q.createOrgUnit, { c: `BENCH-GHI-U-${unit}`, n: `UBND phường Ghi Thử mới số ${unit}`, p: s.cityId }, unit % 2 ? s.homeAffairs : s.admin),
    (due) => {
      const p = send<{ saveUnitReport: { id: string; version: number } }>(
        'saveUnitReport',
        due,
        Q.saveUnitReport,
        {
          in: {
            campaignId: s.campaignId,
            year: reportYear,
            unitId: ward.id,
            values: [
              { code: 'KE_HOACH_PHAT_DONG', value: 'true' },
              { code: 'VAN_BAN_KY_SO', value: String(80 + (unit % 20)) },
              { code: 'SANG_KIEN', value: String(1 + (unit % 3)) },
              { code: 'KET_QUA_NOI_BAT', value: 'Triển khai tổ công nghệ số cộng đồng ở tất cả khu phố.' },
            ],
          },
        },
        ward.officer,
      );
      saved = p.then((o) => o.data?.saveUnitReport ?? null);
      return p;
    },
    async (due) => {
      const o = await send<{ selfAssess: { version: number } }>(
        'selfAssess',
        due,
        Q.selfAssess,
        { id: assessment.id, v: assessment.version, c: indicator, val: { points: unit % 3 } },
        assessment.officer,
      );
      if (o.data) assessment.version = o.data.selfAssess.version;
      return o;
    },
    (due) =>
      send('createRegistration', due, Q.createRegistration, { c: s.campaignId, u: registered.id, t: ['Ban hành kế hoạch chuyển đổi số của đơn vị', '100% văn bản đi được ký số'] }, s.lead),
    async (due) => {
      const r = await saved;
      if (!r) return { kind: 'submitUnitReport', ms: performance.now() - due, error: 'NOT_SENT (its save failed)' };
      return send('submitUnitReport', due, Q.submitUnitReport, { id: r.id, v: r.version }, ward.officer);
    },
  ];
}

/** Clock ticks per second of /proc's CPU times (getconf CLK_TCK; 100 on Linux as a rule). */
const TICKS = Number(execSync('getconf CLK_TCK').toString().trim()) || 100;

/** CPU time (user + system) a process has used so far, ms, from /proc/<pid>/stat; NaN when it cannot be read. */
function cpuMsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // from field 3 (state): utime is 14, stime 15
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS;
  } catch {
    return NaN;
  }
}

/** The MariaDB server's process when it runs on this machine (TEST_MYSQL_URL on 127.0.0.1 or localhost), to read its CPU. */
function mariadbPid(): number | undefined {
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(new URL(TEST_MYSQL_URL).hostname)) return undefined;
  try {
    return Number(execSync('pgrep -x mariadbd || pgrep -x mysqld').toString().trim().split('\n')[0]) || undefined;
  } catch {
    return undefined;
  }
}

/** BENCH_CPU_PROF=1: a CPU profile of this process (the client; with BENCH_WRITE_PROCESSES=one the graph too) while `run` runs, into tmp/bench/. */
async function profiled<T>(name: string, run: () => Promise<T>): Promise<T> {
  if (!process.env.BENCH_CPU_PROF) return run();
  const { Session } = await import('node:inspector');
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) => session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 500 });
  await post('Profiler.start');
  try {
    return await run();
  } finally {
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    const dir = join(__dirname, '../../tmp/bench');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
    console.log(`  CPU profile of the loop: tmp/bench/${name}.cpuprofile`);
  }
}

interface RateFigures {
  rate: number;
  seconds: number;
  sent: number;
  achieved: number;
  byKind: Map<Kind | 'all', Outcome[]>;
  loopDelayP99: number;
  loopDelayMax: number;
  /** CPU time during the loop, ms: each service process's, MariaDB's (the whole server), this process's (the client). */
  cpuMs: Map<string, number>;
  tookMs: number;
  loadBefore: string;
  loadAfter: string;
}

/** Send rounds at `rate` requests per second for `seconds`; returns every outcome (the warm-up's are dropped by the caller). */
async function openLoop(s: Setup, rate: number, seconds: number): Promise<{ outcomes: Outcome[]; took: number }> {
  const n = Math.round(rate * seconds);
  const rounds = Math.ceil(n / KINDS.length);
  const sends = Array.from({ length: rounds }, () => round(s)).flat().slice(0, n);
  const t0 = performance.now() + 50;
  const outcomes = await Promise.all(
    sends.map(async (sendAt, i) => {
      const due = t0 + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      return sendAt(due);
    }),
  );
  return { outcomes, took: performance.now() - t0 };
}

async function measureRate(s: Setup, rate: number, seconds: number): Promise<RateFigures> {
  await openLoop(s, rate, WARM_UP_SECONDS);
  const loadBefore = load();
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const pids = new Map(s.stack.pids);
  const db = mariadbPid();
  if (db) pids.set('MariaDB server', db);
  const before = new Map([...pids].map(([name, pid]) => [name, cpuMsOf(pid)]));
  const cpu = process.cpuUsage();
  const { outcomes, took } = await profiled(`writes-${rate}`, () => openLoop(s, rate, seconds));
  const used = process.cpuUsage(cpu);
  const cpuMs = new Map([...pids].map(([name, pid]) => [name, cpuMsOf(pid) - (before.get(name) as number)]));
  cpuMs.set(s.stack.pids.size ? 'bench process (the client)' : 'bench process (graph and client)', (used.user + used.system) / 1000);
  delay.disable();
  const byKind = new Map<Kind | 'all', Outcome[]>([['all', outcomes]]);
  for (const k of KINDS) byKind.set(k, outcomes.filter((o) => o.kind === k));
  return {
    rate,
    seconds,
    sent: outcomes.length,
    achieved: (outcomes.filter((o) => !o.error).length / took) * 1000,
    byKind,
    loopDelayP99: delay.percentile(99) / 1e6,
    loopDelayMax: delay.max / 1e6,
    cpuMs,
    tookMs: took,
    loadBefore,
    loadAfter: load(),
  };
}

/** MariaDB's count of statements clients have sent it (the whole server's), this SHOW included. */
async function questions(conn: Connection): Promise<number> {
  const [rows] = await conn.query<RowDataPacket[]>("SHOW GLOBAL STATUS LIKE 'Questions'");
  return Number(rows[0]?.Value);
}

/**
 * Each kind alone, one request at a time: its latency with nothing else running, and about how many SQL statements it
 * sent: the difference of MariaDB's Questions counter around it, less the second SHOW, the fewest of `times`. The
 * counter is the whole server's: anything else using it meanwhile (another engineer's tests, a service's own timers)
 * adds to it, so it is also read over 2 s with nothing sent (`background`, statements per second).
 */
async function alone(s: Setup, times: number): Promise<{ kinds: Map<Kind, { p50: number; statements: number }>; background: number }> {
  const server = new URL(TEST_MYSQL_URL);
  server.pathname = '/';
  const conn = await createConnection({ uri: server.toString() });
  const res = new Map<Kind, { lat: number[]; statements: number[] }>();
  let background = NaN;
  try {
    const q0 = await questions(conn);
    await new Promise((r) => setTimeout(r, 2000));
    background = ((await questions(conn)) - q0 - 1) / 2;
    for (let i = 0; i < times; i++) {
      const sends = round(s);
      for (const [k, sendAt] of sends.entries()) {
        const kind = KINDS[k] as Kind;
        const q = await questions(conn);
        const result = await sendAt(performance.now());
        const statements = (await questions(conn)) - q - 1;
        if (result.error) throw new Error(`${kind} alone failed: ${result.error} (the setup is wrong, or a subgraph is broken)`);
        const e = res.get(kind) ?? { lat: [], statements: [] };
        e.lat.push(result.ms);
        e.statements.push(statements);
        res.set(kind, e);
      }
    }
  } finally {
    await conn.end();
  }
  return { kinds: new Map([...res].map(([k, v]) => [k, { p50: pct(sorted(v.lat), 50), statements: Math.min(...v.statements) }])), background };
}

function printTable(rows: Row[], header: string[]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (i === 0 ? r.label : (r.cells[i - 1] ?? '')).length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line([r.label, ...r.cells]));
  for (const r of rows) if (r.note) console.log(`  ${r.label}: ${r.note}`);
}

function cell(outcomes: Outcome[], seconds: number): string {
  if (!outcomes.length) return '—';
  const ok = outcomes.filter((o) => !o.error);
  const s = sorted(outcomes.map((o) => o.ms));
  const errors = new Map<string, number>();
  for (const o of outcomes) if (o.error) errors.set(o.error, (errors.get(o.error) ?? 0) + 1);
  const err = errors.size ? `; ${[...errors].map(([c, n]) => `${n} ${c}`).join(', ')}` : '';
  return `${ok.length}/${outcomes.length} ok, ${(ok.length / seconds).toFixed(1)}/s; ${msf(pct(s, 50))} / ${msf(pct(s, 95))} / ${msf(pct(s, 99))} / ${msf(s[s.length - 1] ?? NaN)}${err}`;
}

export async function writeFigures(): Promise<void> {
  const goalRate = Number(process.env.BENCH_WRITE_RATE ?? 20);
  const rates = (process.env.BENCH_WRITE_RATES ?? `5,${goalRate}`)
    .split(',')
    .map((x) => Number(x.trim()))
    .filter((x) => Number.isFinite(x) && x > 0);
  const seconds = Number(process.env.BENCH_WRITE_SECONDS ?? 30);
  if (!rates.length || !(seconds > 0)) throw new Error('BENCH_WRITE_RATES: rates per second, comma-separated (e.g. 5,20); BENCH_WRITE_SECONDS: seconds > 0');
  // Every round takes a fresh (ward, year) report and a ward without a registration: enough wards for all of them.
  const ALONE = 5;
  const rounds = ALONE + rates.reduce((a, r) => a + Math.ceil((r * (seconds + WARM_UP_SECONDS)) / KINDS.length), 0);
  const wardCount = rounds + 5;
  const assessmentCount = Math.min(wardCount, 100);
  const t0 = performance.now();
  const s = await setUp(wardCount, assessmentCount);
  console.log(
    `writes: ${s.stack.described}, on MariaDB (${new URL(TEST_MYSQL_URL).host}, fresh databases), ` +
      `${wardCount} wards and ${assessmentCount} started assessments of ${YEAR} set up in ${((performance.now() - t0) / 1000).toFixed(1)} s; load ${load()}`,
  );
  const figures: RateFigures[] = [];
  try {
    const { kinds: single, background } = await alone(s, ALONE);
    for (const rate of rates) {
      figures.push(await measureRate(s, rate, seconds));
      console.log(`  ${rate}/s for ${seconds} s measured; load ${load()}`);
    }
    const header = ['figure (ok/sent, ok per s; p50 / p95 / p99 / max from the instant due)', ...figures.map((f) => `${f.rate}/s offered, ${f.seconds} s`), 'alone (p50; SQL statements)', 'goal'];
    const cpuNames = [...new Set(figures.flatMap((f) => [...f.cpuMs.keys()]))];
    const goal = (f: RateFigures) => {
      const all = sorted((f.byKind.get('all') ?? []).map((o) => o.ms));
      const p99 = pct(all, 99);
      const errors = (f.byKind.get('all') ?? []).filter((o) => o.error).length;
      return `p99 ${msf(p99)}${errors ? `, ${errors} errors` : ''}: ${p99 <= 500 && !errors ? 'met' : 'missed'}`;
    };
    printTable(
      [
        { label: 'all writes, mixed', cells: [...figures.map((f) => cell(f.byKind.get('all') ?? [], f.seconds)), '', `p99 ≤ 500 ms at ${goalRate}/s, no errors`] },
        ...KINDS.map((k) => ({
          label: k,
          cells: [...figures.map((f) => cell(f.byKind.get(k) ?? [], f.seconds)), `${msf(single.get(k)?.p50 ?? NaN)}; about ${single.get(k)?.statements ?? '—'}`, ''],
        })),
        { label: 'achieved (answered OK per second)', cells: [...figures.map((f) => `${f.achieved.toFixed(1)}/s of ${f.rate}/s`), '', `${goalRate}/s`] },
        { label: `goal at ${goalRate}/s`, cells: [...figures.map((f) => (f.rate === goalRate ? goal(f) : '')), '', ''] },
        ...cpuNames.map((name) => ({
          label: `CPU of ${name}: share of one core; per write`,
          cells: [
            ...figures.map((f) => {
              const used = f.cpuMs.get(name) ?? NaN;
              return Number.isFinite(used) ? `${((100 * used) / f.tookMs).toFixed(0)} %; ${msf(used / f.sent)}` : '—';
            }),
            '',
            '',
          ],
        })),
        { label: `event-loop delay of the bench process (p99 / max)`, cells: [...figures.map((f) => `${msf(f.loopDelayP99)} / ${msf(f.loopDelayMax)}`), '', ''] },
        { label: 'load average (1 / 5 / 15 min) before → after', cells: [...figures.map((f) => `${f.loadBefore} → ${f.loadAfter}`), '', ''] },
      ],
      header,
    );
    console.log(
      `  alone: each kind sent one at a time, ${ALONE} times before the loops (p50), and about how many SQL statements one request sent ` +
        `(the fewest of the ${ALONE} differences of MariaDB's Questions counter around it: the whole server's, so anything else using it adds to it; ` +
        `with nothing sent it moved ${background.toFixed(1)} statements/s${background >= 1 ? ': other clients are using the server, these counts are too high' : ''}); ` +
        'a submitUnitReport is sent at its instant or, if its save has not answered yet, when it has.',
    );
  } finally {
    await s.stack.close();
  }
}
