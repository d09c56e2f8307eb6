import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { startAwards } from '../../../apps/awards/src';
import { loadGatewayConfig, startGateway } from '../../../apps/gateway/src';
import { startParticipants } from '../../../apps/participants/src';
import { startReporting } from '../../../apps/reporting/src';
import { startScoring } from '../../../apps/scoring/src';
import { load, pct, pool, publishManualFramework, sorted } from './common';
import { gqlOk, startStack, TEST_MYSQL_URL, type GqlResponse, type TestStack } from '../../../libs/testing/src';
import { countSql, installSqlCounter } from './sql-count';

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
 * The graph, the client and the timers all run in this one Node process (as every bench section): a busy event loop
 * delays the client's sends and the servers alike; its delay during the loop is printed.
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

interface Setup {
  stack: TestStack;
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
async function framework(stack: TestStack, campaignId: string, lead: string): Promise<string> {
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
  const stack = await startStack({
    db: 'mysql',
    subgraphs: { participants: startParticipants, scoring: startScoring, awards: startAwards, reporting: startReporting },
    gateway: (env) => startGateway(loadGatewayConfig(env)),
    env: { REDIS_URL: '' },
  });
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

/**
 * How long each server of the graph (the gateway, each subgraph) took over the HTTP requests it answered while `run`
 * ran, from Node's own HTTP diagnostics channels: request received → response finished. The gateway's time includes
 * its waits for the subgraphs, and it also answers the subgraphs' own calls to the graph (e.g. reporting asking
 * participants for the campaign's deadline through it).
 */
function serverTimes(stack: TestStack): { stop(): Map<string, number[]> } {
  const names = new Map<number, string>([[Number(new URL(stack.url).port), 'gateway']]);
  for (const [name, url] of Object.entries(stack.subgraphUrls)) names.set(Number(new URL(url).port), name);
  const started = new WeakMap<ServerResponse, number>();
  const times = new Map<string, number[]>();
  type Message = { request: IncomingMessage; response: ServerResponse; server: Server };
  const onStart = (m: unknown) => started.set((m as Message).response, performance.now());
  const onFinish = (m: unknown) => {
    const { response, server } = m as Message;
    const t = started.get(response);
    const address = server.address();
    const name = address && typeof address === 'object' ? names.get(address.port) : undefined;
    if (t === undefined || !name) return;
    times.set(name, [...(times.get(name) ?? []), performance.now() - t]);
  };
  subscribe('http.server.request.start', onStart);
  subscribe('http.server.response.finish', onFinish);
  return {
    stop: () => {
      unsubscribe('http.server.request.start', onStart);
      unsubscribe('http.server.response.finish', onFinish);
      return times;
    },
  };
}

/** BENCH_CPU_PROF=1: a CPU profile of this process (gateway, subgraphs, client) while `run` runs, into tmp/bench/. */
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
  servers: Map<string, number[]>;
  /** CPU time of this process (all servers, the client) during the loop, ms. */
  cpuMs: number;
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
  const servers = serverTimes(s.stack);
  const cpu = process.cpuUsage();
  const { outcomes, took } = await profiled(`writes-${rate}`, () => openLoop(s, rate, seconds));
  const used = process.cpuUsage(cpu);
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
    servers: servers.stop(),
    cpuMs: (used.user + used.system) / 1000,
    tookMs: took,
    loadBefore,
    loadAfter: load(),
  };
}

/** Each kind alone, one request at a time: its latency with nothing else running and the SQL statements it sends. */
async function alone(s: Setup, times: number): Promise<Map<Kind, { p50: number; statements: string }>> {
  const res = new Map<Kind, { lat: number[]; statements: string }>();
  for (let i = 0; i < times; i++) {
    const sends = round(s);
    for (const [k, sendAt] of sends.entries()) {
      const kind = KINDS[k] as Kind;
      const { result, statements } = await countSql(() => sendAt(performance.now()));
      if (result.error) throw new Error(`${kind} alone failed: ${result.error} (the setup is wrong, or a subgraph is broken)`);
      const e = res.get(kind) ?? { lat: [], statements: '' };
      e.lat.push(result.ms);
      e.statements = `${[...statements.values()].reduce((a, b) => a + b, 0)} (${[...statements.entries()]
        .sort()
        .map(([svc, c]) => `${svc} ${c}`)
        .join(', ')})`;
      res.set(kind, e);
    }
  }
  return new Map([...res].map(([k, v]) => [k, { p50: pct(sorted(v.lat), 50), statements: v.statements }]));
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
  installSqlCounter();
  // Every round takes a fresh (ward, year) report and a ward without a registration: enough wards for all of them.
  const ALONE = 5;
  const rounds = ALONE + rates.reduce((a, r) => a + Math.ceil((r * (seconds + WARM_UP_SECONDS)) / KINDS.length), 0);
  const wardCount = rounds + 5;
  const assessmentCount = Math.min(wardCount, 100);
  const t0 = performance.now();
  const s = await setUp(wardCount, assessmentCount);
  console.log(
    `writes: participants, scoring, awards, reporting and the gateway in this process on MariaDB (${new URL(TEST_MYSQL_URL).host}, fresh databases), ` +
      `${wardCount} wards and ${assessmentCount} started assessments of ${YEAR} set up in ${((performance.now() - t0) / 1000).toFixed(1)} s; load ${load()}`,
  );
  const figures: RateFigures[] = [];
  try {
    const single = await alone(s, ALONE);
    for (const rate of rates) {
      figures.push(await measureRate(s, rate, seconds));
      console.log(`  ${rate}/s for ${seconds} s measured; load ${load()}`);
    }
    const header = ['figure (ok/sent, ok per s; p50 / p95 / p99 / max from the instant due)', ...figures.map((f) => `${f.rate}/s offered, ${f.seconds} s`), 'alone (p50; SQL statements)', 'goal'];
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
          cells: [...figures.map((f) => cell(f.byKind.get(k) ?? [], f.seconds)), `${msf(single.get(k)?.p50 ?? NaN)}; ${single.get(k)?.statements ?? '—'}`, ''],
        })),
        { label: 'achieved (answered OK per second)', cells: [...figures.map((f) => `${f.achieved.toFixed(1)}/s of ${f.rate}/s`), '', `${goalRate}/s`] },
        { label: `goal at ${goalRate}/s`, cells: [...figures.map((f) => (f.rate === goalRate ? goal(f) : '')), '', ''] },
        ...['gateway', ...Object.keys(s.stack.subgraphUrls)].filter((name) => figures.some((f) => f.servers.has(name))).map((name) => ({
          label: `${name}: HTTP requests it answered per write; p50 / p99`,
          cells: [
            ...figures.map((f) => {
              const t = sorted(f.servers.get(name) ?? []);
              return t.length ? `${(t.length / f.sent).toFixed(2)}; ${msf(pct(t, 50))} / ${msf(pct(t, 99))}` : '—';
            }),
            '',
            '',
          ],
        })),
        {
          label: 'CPU of this process: share of one core; per write',
          cells: [...figures.map((f) => `${((100 * f.cpuMs) / f.tookMs).toFixed(0)} %; ${msf(f.cpuMs / f.sent)}`), '', ''],
        },
        { label: 'event-loop delay of this process (p99 / max)', cells: [...figures.map((f) => `${msf(f.loopDelayP99)} / ${msf(f.loopDelayMax)}`), '', ''] },
        { label: 'load average (1 / 5 / 15 min) before → after', cells: [...figures.map((f) => `${f.loadBefore} → ${f.loadAfter}`), '', ''] },
      ],
      header,
    );
    console.log(
      `  alone: each kind sent one at a time, ${ALONE} times before the loops (p50), and the SQL statements of one request, per service's database; ` +
        'a submitUnitReport is sent at its instant or, if its save has not answered yet, when it has.',
    );
  } finally {
    await s.stack.close();
  }
}
