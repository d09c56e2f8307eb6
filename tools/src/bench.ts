import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { constants as zlibConstants, gzipSync } from 'node:zlib';
import { Kind, print, visit, type ASTNode, type DocumentNode, type SelectionSetNode } from 'graphql';
import type * as Playwright from 'playwright-core';
import { startAwards } from '../../apps/awards/src';
import { loadGatewayConfig, startGateway } from '../../apps/gateway/src';
import { startParticipants } from '../../apps/participants/src';
import { startReporting } from '../../apps/reporting/src';
import { frameworkToWorkbook, startScoring, type FrameworkSpec } from '../../apps/scoring/src';
import { RankingPageDocument } from '../../apps/web/src/gql/graphql';
import { todayInVietnam } from '../../libs/platform/src';
import { gql, gqlOk, startStack, type DatabaseKind, type GqlResponse, type TestStack } from '../../libs/testing/src';
import { provinceFigures } from './bench/province';
import { writeFigures } from './bench/writes';

/**
 * `npm run bench`: the graph in-process on a fresh database, measured through the gateway's HTTP endpoint, and the web
 * app the gateway serves, measured in Debian's Chromium. Prints figures side by side; asserts nothing.
 *
 * BENCH_DB=sqlite|mysql (default sqlite; mysql = TEST_MYSQL_URL), BENCH_UNITS (default 1000,10000: the province's sizes;
 * the other sections take the first), BENCH_ONLY=graph|web|first-page|ranking|province|writes (comma-separated; default:
 * every section), CHROMIUM_PATH (/usr/bin/chromium); for writes BENCH_WRITE_RATES (default 5,20), BENCH_WRITE_RATE (the
 * goal's rate, 20), BENCH_WRITE_SECONDS (30) and BENCH_WRITE_PROCESSES=one (the graph in this process); BENCH_PROFILE=1
 * adds to the ranking one more cold load under Chromium's JavaScript profiler: where the page's main thread spent its
 * time, per script and per function.
 *
 * Sections:
 * - graph — participants: writes and reads of the participants subgraph;
 * - web — first page: the JavaScript and CSS a browser downloads before the first page renders (goal ≤ 300 kB of
 *   JavaScript, gzip), from index.html and as Chromium actually transfers it;
 * - web — ranking of N units: published results for every ward, then the public ranking page in Chromium, timed until
 *   its first rows and footer are visible (goal ≤ 1 s for 1,000 units), next to the same ranking fetched by a plain
 *   HTTP client through the gateway.
 * - province — the issue's table (tools/src/bench/province.ts): a synthetic province of each size, written through the
 *   services' own code, ranked by one SQL query (L0), by the scoring subgraph (L1) and through the gateway (L2), side by
 *   side; statements per request, an open loop at 20 req/s, the city summary end to end, memory, `npm start` to ready.
 * - writes — the common mutations mixed (tools/src/bench/writes.ts), always on MariaDB, the subgraphs and the gateway
 *   each in its own process as in production: an open loop through the gateway at 5 and 20 writes/s, per mutation and
 *   overall: answered, errors by code, p50 / p95 / p99 / max (goal at 20/s: p99 ≤ 500 ms), each process's CPU.
 */
const db = (process.env.BENCH_DB ?? 'sqlite') as DatabaseKind;
const SIZES = (process.env.BENCH_UNITS ?? '1000,10000')
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isInteger(n) && n > 0);
if (!SIZES.length) throw new Error('BENCH_UNITS: one or more unit counts, comma-separated (e.g. 1000,10000)');
const UNITS = SIZES[0] as number;
const ROOT = resolve(__dirname, '../..');
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** How many writes the seeding runs at once, and how many page loads each browser figure takes. */
const CONCURRENCY = 4;
const RUNS = 5;
/** The machine's load: timings mean little while something else keeps the cores busy. */
const load = () => `load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (1 / 5 / 15 min) on ${cpus().length} cores`;
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const ms = (t: number) => `${t.toFixed(0)} ms`;

type Section = 'participants' | 'first-page' | 'ranking' | 'province' | 'writes';
const SECTION_NAMES: Record<string, Section[]> = {
  graph: ['participants'],
  participants: ['participants'],
  web: ['first-page', 'ranking'],
  'first-page': ['first-page'],
  ranking: ['ranking'],
  province: ['province'],
  writes: ['writes'],
};

function sectionsToRun(): Set<Section> {
  const only = (process.env.BENCH_ONLY ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  if (!only.length) return new Set<Section>(['participants', 'first-page', 'ranking', 'province', 'writes']);
  const run = new Set<Section>();
  for (const name of only) {
    const sections = SECTION_NAMES[name];
    if (!sections) throw new Error(`BENCH_ONLY: unknown section «${name}»; use ${Object.keys(SECTION_NAMES).join(', ')} (comma-separated)`);
    for (const s of sections) run.add(s);
  }
  return run;
}

function heading(title: string): void {
  console.log(`\n── ${title} ${'─'.repeat(Math.max(3, 110 - title.length))}`);
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const sortedCopy = (xs: number[]) => [...xs].sort((a, b) => a - b);

async function measure(label: string, n: number, run: (i: number) => Promise<unknown>): Promise<void> {
  const times: number[] = [];
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await run(i);
    times.push(performance.now() - t);
  }
  const total = performance.now() - started;
  times.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(58)} n=${String(n).padStart(5)}  p50 ${pct(times, 50).toFixed(1).padStart(7)} ms  p95 ${pct(times, 95).toFixed(1).padStart(7)} ms  ${(
      (n / total) *
      1000
    ).toFixed(0).padStart(6)} req/s`,
  );
}

/** Run `work` for every index below n, at most `concurrency` at a time. */
async function pool(n: number, concurrency: number, work: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < n) await work(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, worker));
}

// ─── graph — participants ────────────────────────────────────────────────────────────────────────────────────────────

interface Wards {
  city: string;
  campaign: string;
  wards: string[];
}

const CREATE_WARD =
  'mutation($c: String!, $n: String!, $p: ID!) { createOrgUnit(input: { code: $c, name: $n, kind: WARD_PC, parentId: $p, validFrom: "2020-01-01" }) { id } }';

/**
 * A city with UNITS wards and the campaign BENCH-CAMPAIGN expecting wards. Timed one write at a time when the
 * participants figures are measured; otherwise created CONCURRENCY at a time as setup for the ranking.
 */
async function createWards(stack: TestStack, admin: string, measured: boolean): Promise<Wards> {
  const dlk = (await gqlOk<{ orgUnit: { id: string } }>(stack.url, '{ orgUnit(code: "DLK") { id } }')).orgUnit.id;
  const city = (
    await gqlOk<{ createOrgUnit: { id: string } }>(
      stack.url,
      'mutation($p: ID!) { createOrgUnit(input: { code: "BENCH-CITY", name: "UBND thành phố Thử Nghiệm", kind: CITY_PC, parentId: $p, validFrom: "2020-01-01" }) { id } }',
      { p: dlk },
      admin,
    )
  ).createOrgUnit.id;
  const wards: string[] = [];
  const create = async (i: number) => {
    const r = await gqlOk<{ createOrgUnit: { id: string } }>(stack.url, CREATE_WARD, { c: `BENCH-W-${i}`, n: `UBND phường Thử Nghiệm số ${i}`, p: city }, admin);
    wards[i] = r.createOrgUnit.id;
  };
  if (measured) {
    await measure(`createOrgUnit (write + version + change + audit)`, UNITS, create);
  } else {
    const t = performance.now();
    await pool(UNITS, CONCURRENCY, create);
    console.log(`setup: ${UNITS} wards created through the gateway (${CONCURRENCY} at a time) in ${ms(performance.now() - t)}`);
  }
  const campaign = (
    await gqlOk<{ createCampaign: { id: string } }>(
      stack.url,
      `mutation($j: ID!) { createCampaign(input: { code: "BENCH-CAMPAIGN", name: "Phong trào thử nghiệm", issuerTitle: "UBND thành phố Thử Nghiệm",
        jurisdictionId: $j, startDate: "2024-01-01", endDate: "2030-12-31", leadAgencyId: $j, appraisingAgencyId: $j, expectedUnitKinds: [WARD_PC] }) { id } }`,
      { j: city },
      admin,
    )
  ).createCampaign.id;
  await gqlOk(stack.url, 'mutation($c: ID!) { addMilestone(campaignId: $c, input: { kind: UNIT_PLAN_DUE, title: "Gửi kế hoạch", dueDate: "2024-03-31" }) { id } }', { c: campaign }, admin);
  return { city, campaign, wards };
}

async function participantsFigures(stack: TestStack, admin: string, w: Wards): Promise<void> {
  await measure('campaigns with phases and milestones (anonymous)', 300, () =>
    gqlOk(stack.url, '{ campaigns { code name phases { name } milestones { kind dueDate title recipient { name } } } }'),
  );
  await measure(`orgUnits page of 100 of ${UNITS} wards, as of today`, 200, (i) =>
    gqlOk(stack.url, 'query($p: ID!, $a: String) { orgUnits(parentId: $p, first: 100, after: $a) { totalCount edges { node { name parent { name } } } } }', {
      p: w.city,
      a: i % 5 === 0 ? null : Buffer.from(`o:${(i % 5) * 100 - 1}`).toString('base64url'),
    }),
  );
  await measure('orgUnits search by name, as of 2024-12-31', 200, (i) =>
    gqlOk(stack.url, 'query($q: String!) { orgUnits(asOf: "2024-12-31", search: $q, first: 20) { totalCount edges { node { name } } } }', { q: `số ${i % 50}` }),
  );
  await measure(`expectedUnits of a campaign (${UNITS} units)`, 50, () =>
    gqlOk(stack.url, 'query($c: ID!) { campaign(id: $c) { expectedUnits { id name } } }', { c: w.campaign }, admin),
  );
  await measure(`unitPlanCoverage of a campaign (${UNITS} units)`, 50, () =>
    gqlOk(stack.url, 'query($c: ID!) { campaign(id: $c) { unitPlanCoverage { kind expected submitted percent } } }', { c: w.campaign }, admin),
  );
  await measure('refused write (other unit, validation) — nothing written', 300, () =>
    gql(stack.url, 'mutation($p: ID!) { createOrgUnit(input: { code: "x y", name: "", kind: WARD_PC, parentId: $p }) { id } }', { p: w.city }, admin),
  );
}

// ─── the browser ─────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * playwright-core is apps/web's devDependency, hoisted to the root node_modules. esbuild leaves only the root
 * package.json's dependencies external and would bundle a static import (playwright-core reads its own files at run
 * time), so it is required from node_modules when a web section runs.
 */
function playwright(): typeof Playwright {
  return createRequire(__filename)('playwright-core') as typeof Playwright;
}

async function launchChromium(): Promise<Playwright.Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`the web figures need Chromium: ${CHROMIUM_PATH} is missing (apt-get install -y chromium, or set CHROMIUM_PATH)`);
  return playwright().chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
}

/** A fresh browser context: empty HTTP cache, no cookies (an anonymous visitor). */
function freshContext(browser: Playwright.Browser, baseURL: string, extraHTTPHeaders?: Record<string, string>): Promise<Playwright.BrowserContext> {
  return browser.newContext({ baseURL, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1366, height: 900 }, extraHTTPHeaders });
}

/** What a response cost on the wire: its body as transferred (after content-encoding) and its headers. */
interface Transfer {
  url: string;
  kind: 'js' | 'css' | 'graphql' | 'other';
  body: number;
  headers: number;
  encoding: string;
  at: number;
}

function kindOf(r: Playwright.Request): Transfer['kind'] {
  const path = new URL(r.url()).pathname;
  if (r.resourceType() === 'script' || path.endsWith('.js')) return 'js';
  if (r.resourceType() === 'stylesheet' || path.endsWith('.css')) return 'css';
  if (path === '/graphql') return 'graphql';
  return 'other';
}

/** Record every finished request of a page until done(): transferred sizes and when it finished (ms after t0()). */
function recordTransfers(page: Playwright.Page, t0: () => number): { done(): Promise<Transfer[]> } {
  const pending: Array<Promise<Transfer | null>> = [];
  const onFinished = (r: Playwright.Request) => {
    const at = performance.now() - t0();
    pending.push(
      (async () => {
        const [sizes, response] = await Promise.all([r.sizes(), r.response()]);
        const encoding = (await response?.allHeaders())?.['content-encoding'] ?? 'identity';
        return { url: r.url(), kind: kindOf(r), body: sizes.responseBodySize, headers: sizes.responseHeadersSize, encoding, at };
      })().catch(() => null),
    );
  };
  page.on('requestfinished', onFinished);
  return {
    done: async () => {
      page.off('requestfinished', onFinished);
      return (await Promise.all(pending)).filter((t): t is Transfer => t !== null);
    },
  };
}

/** Track a page's requests in flight, to wait until none has been for a while (Playwright's networkidle fires once per navigation). */
function networkOf(page: Playwright.Page): { quiet(quietMs?: number, timeoutMs?: number): Promise<void> } {
  let inFlight = 0;
  let last = performance.now();
  const start = () => {
    inFlight += 1;
    last = performance.now();
  };
  const end = () => {
    inFlight = Math.max(0, inFlight - 1);
    last = performance.now();
  };
  page.on('request', start);
  page.on('requestfinished', end);
  page.on('requestfailed', end);
  return {
    async quiet(quietMs = 500, timeoutMs = 30_000) {
      const until = performance.now() + timeoutMs;
      while (performance.now() < until && (inFlight > 0 || performance.now() - last < quietMs)) await new Promise((r) => setTimeout(r, 25));
      page.off('request', start);
      page.off('requestfinished', end);
      page.off('requestfailed', end);
    },
  };
}

/** The home page has rendered its campaigns: its title is there and no spinner is left. */
const HOME_RENDERED = `(() => {
  const h = [...document.querySelectorAll('h1, h2')].some((e) => e.textContent.normalize('NFC').includes(${JSON.stringify('Phong trào thi đua chuyển đổi số'.normalize('NFC'))}));
  return h && !document.querySelector('.ant-spin-spinning');
})()`;

// ─── web — first page ────────────────────────────────────────────────────────────────────────────────────────────────

/** Build the web app (skipped when dist/apps/web is newer than its sources) and copy it, so a rebuild during the run changes nothing. */
function webSnapshot(): string {
  const t = performance.now();
  const r = spawnSync(process.execPath, ['tools/build.mjs', 'web'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('the web app did not build');
  const dir = join(ROOT, 'tmp/bench/web');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(join(ROOT, 'dist/apps/web'), dir, { recursive: true });
  console.log(`web app: node tools/build.mjs web, then a copy in tmp/bench/web (${ms(performance.now() - t)})`);
  return dir;
}

/** The attributes of every <script> and <link> tag of an HTML page. */
function tagsOf(html: string): Array<{ tag: string; attrs: Record<string, string> }> {
  const tags: Array<{ tag: string; attrs: Record<string, string> }> = [];
  for (const m of html.matchAll(/<(script|link)\b([^>]*)>/gi)) {
    const attrs: Record<string, string> = {};
    for (const a of (m[2] ?? '').matchAll(/([\w:-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) attrs[(a[1] ?? '').toLowerCase()] = a[2] ?? a[3] ?? a[4] ?? '';
    tags.push({ tag: (m[1] ?? '').toLowerCase(), attrs });
  }
  return tags;
}

interface Asset {
  path: string;
  raw: number;
  gzip9: number;
  gzip6: number;
}

function assetOf(webDir: string, path: string): Asset {
  if (!path.startsWith('/') || path.startsWith('//')) throw new Error(`index.html refers to ${path}, not a file of this origin`);
  const buf = readFileSync(join(webDir, path));
  return {
    path,
    raw: buf.length,
    gzip9: gzipSync(buf, { level: zlibConstants.Z_BEST_COMPRESSION }).length,
    gzip6: gzipSync(buf, { level: 6 }).length,
  };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** What index.html makes the browser fetch before anything renders: the module entry, its preloaded imports, the styles. */
function firstPageAssets(webDir: string): { js: string[]; css: string[] } {
  const tags = tagsOf(readFileSync(join(webDir, 'index.html'), 'utf8'));
  const rels = (t: { attrs: Record<string, string> }) => (t.attrs.rel ?? '').toLowerCase().split(/\s+/);
  const js = [
    ...tags.filter((t) => t.tag === 'script' && t.attrs.type === 'module' && t.attrs.src).map((t) => t.attrs.src as string),
    ...tags.filter((t) => t.tag === 'link' && rels(t).includes('modulepreload') && t.attrs.href).map((t) => t.attrs.href as string),
  ];
  const css = tags.filter((t) => t.tag === 'link' && rels(t).includes('stylesheet') && t.attrs.href).map((t) => t.attrs.href as string);
  return { js: [...new Set(js)], css: [...new Set(css)] };
}

async function firstPageFigures(webDir: string, origin: string, browser: Playwright.Browser): Promise<void> {
  const paths = firstPageAssets(webDir);
  const js = paths.js.map((p) => assetOf(webDir, p));
  const css = paths.css.map((p) => assetOf(webDir, p));
  const line = (label: string, assets: Asset[]) =>
    console.log(
      `${label.padEnd(46)} ${String(assets.length).padStart(2)} files  raw ${kB(sum(assets.map((a) => a.raw))).padStart(10)}  gzip -9 ${kB(sum(assets.map((a) => a.gzip9))).padStart(9)}  (gzip -6, as the gateway sends it: ${kB(sum(assets.map((a) => a.gzip6)))})`,
    );
  console.log('index.html, followed as a browser does (kB = 1000 bytes; gzip by zlib, level 9 and level 6):');
  line('  JavaScript (module entry + modulepreload)', js);
  line('  CSS (<link rel="stylesheet">)', css);
  console.log('  biggest JavaScript chunks:');
  for (const a of [...js].sort((x, y) => y.gzip9 - x.gzip9).slice(0, 6)) {
    console.log(`    ${a.path.padEnd(44)} raw ${kB(a.raw).padStart(10)}  gzip -9 ${kB(a.gzip9).padStart(9)}`);
  }
  const jsGzip = sum(js.map((a) => a.gzip9));
  console.log(`  goal: JavaScript ≤ 300 kB gzip → ${kB(jsGzip)} (${jsGzip <= 300_000 ? 'met' : `missed by ${kB(jsGzip - 300_000)}`})`);

  // The honest way: what Chromium loaded for / before the network went idle, as transferred. The gateway's compression
  // middleware answers Chromium's "accept-encoding: gzip, deflate, br, zstd" with brotli; the goal is stated in gzip, so
  // the load is repeated with a browser that accepts gzip only.
  for (const acceptEncoding of [undefined, 'gzip, deflate']) {
    const context = await freshContext(browser, origin, acceptEncoding ? { 'accept-encoding': acceptEncoding } : undefined);
    try {
      const page = await context.newPage();
      let started = 0;
      const transfers = recordTransfers(page, () => started);
      const network = networkOf(page);
      started = performance.now();
      await page.goto('/', { waitUntil: 'commit', timeout: 60_000 });
      await waitInPage(page, HOME_RENDERED);
      const rendered = performance.now() - started;
      await network.quiet();
      const timing = (await page.evaluate(
        "(() => { const n = performance.getEntriesByType('navigation')[0]; return { dcl: n.domContentLoadedEventEnd }; })()",
      )) as { dcl: number };
      const all = await transfers.done();
      const of = (kind: Transfer['kind']) => all.filter((t) => t.kind === kind);
      const loadedJs = of('js');
      const loadedCss = of('css');
      const encodings = [...new Set([...loadedJs, ...loadedCss].map((t) => t.encoding))].join(', ');
      console.log(
        `Chromium, cold load of / in a fresh context${acceptEncoding ? `, accept-encoding: ${acceptEncoding}` : ''} (content-encoding: ${encodings || 'none'}), ` +
          `until the page has rendered (${ms(rendered)} after page.goto; DOMContentLoaded ${ms(timing.dcl)}) and no request has been in flight for 500 ms:`,
      );
      console.log(`  JavaScript transferred: ${kB(sum(loadedJs.map((t) => t.body)))} in ${loadedJs.length} responses, + ${kB(sum(loadedJs.map((t) => t.headers)))} of headers`);
      console.log(`  CSS transferred: ${kB(sum(loadedCss.map((t) => t.body)))} in ${loadedCss.length} responses`);
      const extra = loadedJs.filter((t) => !js.some((a) => t.url.endsWith(a.path)));
      if (extra.length) console.log(`  loaded after the entry (lazy chunks of the page): ${extra.map((t) => `${new URL(t.url).pathname} ${kB(t.body)}`).join(', ')}`);
      const missing = js.filter((a) => !loadedJs.some((t) => t.url.endsWith(a.path)));
      if (missing.length) console.log(`  listed in index.html but not loaded: ${missing.map((a) => a.path).join(', ')}`);
      console.log(
        `  everything the page transferred: ${kB(sum(all.map((t) => t.body + t.headers)))} in ${all.length} responses (${of('graphql').length} GraphQL requests, ${kB(sum(of('graphql').map((t) => t.body)))})`,
      );
    } finally {
      await context.close();
    }
  }
}

// ─── web — ranking of N units ────────────────────────────────────────────────────────────────────────────────────────

/**
 * The web app's ranking operation as the browser sends it: the client preset's generated document (fragments
 * included, page size as the app asks) with the `__typename` Apollo Client's cache adds to every selection set below
 * the operation's root. The plain HTTP client thus asks the graph exactly what the page asks.
 */
function rankingQuery(): string {
  if (!RankingPageDocument) throw new Error('apps/web/src/gql/graphql.ts has no RankingPageDocument (the ranking page\'s query was renamed?)');
  const withTypename = visit(RankingPageDocument as DocumentNode, {
    SelectionSet: {
      leave(node: SelectionSetNode, _key, parent) {
        if (parent && !Array.isArray(parent) && (parent as ASTNode).kind === Kind.OPERATION_DEFINITION) return node;
        if (node.selections.some((x) => x.kind === Kind.FIELD && x.name.value === '__typename')) return node;
        return { ...node, selections: [...node.selections, { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } }] };
      },
    },
  });
  return print(withTypename);
}

type A = { id: string; version: number };

/**
 * A published assessment of `year` for every ward, with distinct totals: a one-indicator framework (points typed by
 * hand, 0–100) imported from its Excel workbook and published, the year's scoring period, then per ward start →
 * self-assess → submit (its officer) → complete verification → publish (the lead agency), CONCURRENCY wards at a time.
 */
async function publishResults(stack: TestStack, w: Wards, year: number): Promise<void> {
  const admin = await stack.token('ADMIN');
  const lead = await stack.token('LEAD_AGENCY', undefined, { subject: 'bench-lead' });
  await gqlOk(stack.url, 'mutation($id: ID!) { publishCampaign(id: $id) { id } }', { id: w.campaign }, admin);
  const spec: FrameworkSpec = {
    code: `BENCH-KHUNG-${year}`,
    name: `Bộ chỉ số thử nghiệm năm ${year}`,
    year,
    jurisdiction: 'Thành phố Thử Nghiệm',
    targetLevel: 'COMMUNE',
    appliesToKinds: ['WARD_PC'],
    legalBasis: null,
    isSample: false,
    groups: [
      {
        code: '1',
        name: 'Chuyển đổi số',
        kind: 'NORMAL',
        groups: [],
        indicators: [{ code: '1.1', name: 'Điểm chuyển đổi số tổng hợp', maxPoints: 100, ruleType: 'MANUAL', ruleConfig: {}, evidence: null, dataSource: null, verifyingUnit: null, appliesToKinds: null }],
      },
    ],
  };
  const imported = (
    await gqlOk<{ importFramework: { ok: boolean; errors: unknown[]; framework: { id: string } | null } }>(
      stack.url,
      'mutation($b: String!) { importFramework(base64: $b) { ok errors { row message } framework { id } } }',
      { b: (await frameworkToWorkbook(spec)).toString('base64') },
      lead,
    )
  ).importFramework;
  if (!imported.ok || !imported.framework) throw new Error(`importFramework: ${JSON.stringify(imported.errors)}`);
  const frameworkId = imported.framework.id;
  await gqlOk(stack.url, 'mutation($id: ID!) { publishFramework(id: $id) { id } }', { id: frameworkId }, lead);
  await gqlOk(
    stack.url,
    'mutation($c: ID!, $r: ClassificationRuleInput!) { setClassificationRule(campaignId: $c, rule: $r) { basis } }',
    {
      c: w.campaign,
      r: { basis: 'PERCENT', bands: [{ min: 70, inclusive: false, label: 'Đạt (trên 70% điểm)', passes: true }], otherwiseLabel: 'Chưa đạt (từ 70% điểm trở xuống)', otherwisePasses: false },
    },
    lead,
  );
  await gqlOk(
    stack.url,
    'mutation($c: ID!, $y: Int!, $o: Date!, $e: Date!) { openScoringPeriod(campaignId: $c, year: $y, selfAssessmentOpens: $o, selfAssessmentCloses: $e) { id } }',
    { c: w.campaign, y: year, o: `${year}-01-01`, e: `${year}-12-31` },
    lead,
  );
  const t = performance.now();
  await pool(w.wards.length, CONCURRENCY, async (i) => {
    const unitId = w.wards[i] as string;
    const officer = await stack.token('UNIT_OFFICER', unitId, { subject: `bench-officer-${i}` });
    // Distinct totals: 100 points for the first ward down to 100/UNITS for the last (two decimals).
    const points = Math.round((10_000 * (w.wards.length - i)) / w.wards.length) / 100;
    let a = (
      await gqlOk<{ startAssessment: A }>(
        stack.url,
        'mutation($c: ID!, $y: Int!, $u: ID!, $f: ID!) { startAssessment(campaignId: $c, year: $y, unitId: $u, frameworkId: $f) { id version } }',
        { c: w.campaign, y: year, u: unitId, f: frameworkId },
        officer,
      )
    ).startAssessment;
    a = (
      await gqlOk<{ selfAssess: A }>(
        stack.url,
        'mutation($id: ID!, $v: Int!, $val: ScoreValueInput!) { selfAssess(assessmentId: $id, expectedVersion: $v, indicatorCode: "1.1", value: $val) { id version } }',
        { id: a.id, v: a.version, val: { points } },
        officer,
      )
    ).selfAssess;
    a = (await gqlOk<{ submitAssessment: A }>(stack.url, 'mutation($id: ID!, $v: Int!) { submitAssessment(id: $id, expectedVersion: $v) { id version } }', { id: a.id, v: a.version }, officer))
      .submitAssessment;
    a = (await gqlOk<{ completeVerification: A }>(stack.url, 'mutation($id: ID!, $v: Int!) { completeVerification(id: $id, expectedVersion: $v) { id version } }', { id: a.id, v: a.version }, lead))
      .completeVerification;
    await gqlOk(stack.url, 'mutation($id: ID!, $v: Int!) { publishAssessment(id: $id, expectedVersion: $v) { id } }', { id: a.id, v: a.version }, lead);
  });
  const took = performance.now() - t;
  const writes = 5 * w.wards.length;
  console.log(
    `seeding: ${w.wards.length} published assessments of ${year} (framework imported from Excel, period opened, then per ward start → selfAssess → submit → ` +
      `completeVerification → publish: ${writes} writes through the gateway, ${CONCURRENCY} wards at a time) in ${(took / 1000).toFixed(1)} s (${((writes / took) * 1000).toFixed(0)} writes/s)`,
  );
}

type RankingData = { campaign: { rankings: { hasNextPage: boolean; endCursor: string | null; entries: unknown[] } } };

/** The same ranking as the page, every page of it, through the gateway by a plain HTTP client (anonymous). */
async function fetchRanking(stack: TestStack, year: number): Promise<{ first: number; firstRows: number; all: number; pages: number; rows: number; bytes: number }> {
  const query = rankingQuery();
  const t = performance.now();
  let first = 0;
  let firstRows = 0;
  let after: string | null = null;
  let pages = 0;
  let rows = 0;
  let bytes = 0;
  const maxPages = UNITS + 1;
  do {
    const r: GqlResponse<RankingData> = await gql<RankingData>(stack.url, query, {
      code: 'BENCH-CAMPAIGN',
      year,
      kind: null,
      clusterId: null,
      after,
    });
    if (r.errors.length || !r.data) throw new PageError(r.errors.map((e) => e.message).join('; ') || `HTTP ${r.status}`);
    const d = r.data;
    pages += 1;
    if (pages === 1) {
      first = performance.now() - t;
      firstRows = d.campaign.rankings.entries.length;
    }
    rows += d.campaign.rankings.entries.length;
    bytes += JSON.stringify(d).length;
    after = d.campaign.rankings.hasNextPage ? d.campaign.rankings.endCursor : null;
  } while (after && pages < maxPages);
  return { first, firstRows, all: performance.now() - t, pages, rows, bytes };
}

/** True once the table's footer says how many units have published results and its first row shows rank 1. */
const FIRST_ROWS_VISIBLE = (n: number) => `(() => {
  const shown = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const footer = document.querySelector('.ant-table-footer');
  if (!shown(footer) || !footer.textContent.normalize('NFC').includes(${JSON.stringify(`${n} đơn vị có kết quả được công bố`.normalize('NFC'))})) return false;
  const rank = document.querySelector('.ant-table-tbody tr.ant-table-row td');
  return shown(rank) && rank.textContent.trim() === '1';
})()`;

/** True once every row is in the table: the pagination counts them all and the table's spinner is gone. */
const ALL_ROWS_LOADED = (n: number) => `(() => {
  const total = document.querySelector('.ant-pagination-total-text');
  return !!total && total.textContent.trim().normalize('NFC') === ${JSON.stringify(`${n} đơn vị`.normalize('NFC'))} && !document.querySelector('.ant-table-wrapper .ant-spin-spinning');
})()`;

/** The text of an error the page shows (QueryErrors renders an antd error alert), or null. */
const PAGE_ERROR = `(() => { const a = document.querySelector('.ant-alert-error'); return a ? a.textContent : null; })()`;

/**
 * Wait until a condition (a JavaScript expression) holds in the page, checked at every animation frame; fail as soon as
 * the page shows an error instead. The app's CSP forbids eval, which page.waitForFunction uses for a string;
 * page.evaluate goes through the DevTools protocol instead.
 */
async function waitInPage(page: Playwright.Page, condition: string, timeoutMs = 60_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const check = page.evaluate(`new Promise((resolve) => {
    const tick = () => {
      let ok = false;
      try { ok = ${condition}; } catch { ok = false; }
      const error = ok ? null : ${PAGE_ERROR};
      if (ok || error) resolve(error); else requestAnimationFrame(tick);
    };
    tick();
  })`) as Promise<string | null>;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`not true after ${timeoutMs} ms: ${condition}`)), timeoutMs);
  });
  try {
    const error = await Promise.race([check, timeout]);
    if (error) throw new PageError(error);
  } finally {
    clearTimeout(timer);
  }
}

/** The page showed an error message to the user. */
class PageError extends Error {}

interface Load {
  visible: number;
  allRows: number;
  /** When the page's HTML had arrived, and when the app had taken the page over (it answers clicks from then on). */
  htmlDone: number;
  started: number;
  /** The gateway sent the page rendered, with its first rows (apps/web/src/server.tsx). */
  rendered: boolean;
  /** When the last script of index.html (module entry, modulepreload) and the last script of all finished. */
  entryScriptsDone: number;
  scriptsDone: number;
  firstRankingSent: number;
  firstRankingAnswered: number;
  lastRankingAnswered: number;
  rankingRequests: number;
  graphqlRequests: number;
  /** JavaScript bytes over the wire, and how many scripts came from the browser's cache instead. */
  jsBytes: number;
  jsCached: number;
}

/** One load of the ranking page in `page`, timed from page.goto. */
async function loadRanking(page: Playwright.Page, url: string, entryScripts: Set<string>): Promise<Load> {
  let started = 0;
  const rankingSent: number[] = [];
  const rankingEnds: number[] = [];
  const isRanking = (r: Playwright.Request) => new URL(r.url()).pathname === '/graphql' && (r.postData() ?? '').includes('RankingPage');
  const onRequest = (r: Playwright.Request) => {
    if (isRanking(r)) rankingSent.push(performance.now() - started);
  };
  const onFinished = (r: Playwright.Request) => {
    if (isRanking(r)) rankingEnds.push(performance.now() - started);
  };
  page.on('request', onRequest);
  page.on('requestfinished', onFinished);
  const transfers = recordTransfers(page, () => started);
  const network = networkOf(page);
  try {
    started = performance.now();
    const response = await page.goto(url, { waitUntil: 'commit', timeout: 60_000 });
    if (!response?.ok()) throw new Error(`the page answered ${response?.status()}: ${(await response?.text().catch(() => ''))?.slice(0, 500)}`);
    const htmlDone = response.finished().then(() => performance.now() - started);
    await waitInPage(page, FIRST_ROWS_VISIBLE(UNITS));
    const visible = performance.now() - started;
    await waitInPage(page, ALL_ROWS_LOADED(UNITS));
    const allRows = performance.now() - started;
    await waitInPage(page, `!!document.querySelector('#root[data-started]')`);
    const appStarted = performance.now() - started;
    const rendered = (await page.evaluate(`!!document.getElementById('thidua-state')`)) as boolean;
    // Let requests still in flight report (none should be: the last ranking page is in the table).
    await network.quiet(200, 10_000);
    const all = await transfers.done();
    const js = all.filter((t) => t.kind === 'js');
    return {
      visible,
      allRows,
      htmlDone: await htmlDone,
      started: appStarted,
      rendered,
      entryScriptsDone: Math.max(0, ...js.filter((t) => entryScripts.has(new URL(t.url).pathname)).map((t) => t.at)),
      scriptsDone: Math.max(0, ...js.map((t) => t.at)),
      firstRankingSent: rankingSent[0] ?? NaN,
      firstRankingAnswered: rankingEnds[0] ?? NaN,
      lastRankingAnswered: rankingEnds[rankingEnds.length - 1] ?? NaN,
      rankingRequests: rankingEnds.length,
      graphqlRequests: all.filter((t) => t.kind === 'graphql').length,
      jsBytes: sum(js.filter((t) => t.body > 0).map((t) => t.body)),
      jsCached: js.filter((t) => t.body <= 0).length,
    };
  } catch (err) {
    if (err instanceof PageError) throw err;
    const shot = join(ROOT, 'tmp/bench/ranking-timeout.png');
    await page.screenshot({ path: shot, fullPage: true }).catch(() => undefined);
    const text = await page.evaluate('document.body.innerText').catch(() => '');
    throw new Error(
      `the ranking page did not show ${UNITS} units (screenshot: ${shot}; TEST_LOG_LEVEL=error shows the graph's errors); it read:\n${String(text).slice(0, 1500)}`,
      { cause: err },
    );
  } finally {
    page.off('request', onRequest);
    page.off('requestfinished', onFinished);
  }
}

function summarise(label: string, loads: Load[]): void {
  const stat = (xs: number[]) => {
    const s = sortedCopy(xs);
    return `p50 ${ms(pct(s, 50)).padStart(7)}  max ${ms(s[s.length - 1] ?? 0).padStart(7)}`;
  };
  const p50 = (f: (l: Load) => number) => ms(pct(sortedCopy(loads.map(f)), 50));
  console.log(`${label.padEnd(40)} n=${loads.length}  first rows visible ${stat(loads.map((l) => l.visible))}   all ${UNITS} rows in the table ${stat(loads.map((l) => l.allRows))}`);
  const l0 = loads[0] as Load;
  // A page the gateway rendered holds its first ranking page: the browser asks only for the pages after it.
  const asked = l0.rendered
    ? ` · first ranking page in the HTML (rendered by the gateway)${l0.rankingRequests ? `, ${l0.rankingRequests} more asked, last answered ${p50((l) => l.lastRankingAnswered)}` : ''}`
    : ` · first ranking page asked ${p50((l) => l.firstRankingSent)}, answered ${p50((l) => l.firstRankingAnswered)}`;
  console.log(
    `  p50 timeline: HTML ${p50((l) => l.htmlDone)}${l0.rendered ? asked : ''} · first rows visible ${p50((l) => l.visible)} · index.html's scripts loaded ${p50((l) => l.entryScriptsDone)}` +
      ` · all scripts (with the page's lazy chunks) ${p50((l) => l.scriptsDone)}${l0.rendered ? '' : asked}` +
      `${l0.rendered ? '' : ` · last of ${l0.rankingRequests} ranking pages answered ${p50((l) => l.lastRankingAnswered)}`} · all rows ${p50((l) => l.allRows)} · the app has taken the page over (answers clicks) ${p50((l) => l.started)}`,
  );
  console.log(
    `  each load: ${l0.graphqlRequests} GraphQL requests; JavaScript ${l0.jsBytes > 0 ? `transferred ${kB(pct(sortedCopy(loads.map((l) => l.jsBytes)), 50))}` : 'none transferred'}` +
      `${l0.jsCached ? `, ${l0.jsCached} scripts from the browser's cache` : ''}`,
  );
}

async function rankingFigures(stack: TestStack, w: Wards, browser: Playwright.Browser, webDir: string): Promise<void> {
  const entryScripts = new Set(firstPageAssets(webDir).js);
  const year = Number(todayInVietnam().slice(0, 4));
  await publishResults(stack, w, year);

  const graph: Array<Awaited<ReturnType<typeof fetchRanking>>> = [];
  const label = 'plain HTTP client through the gateway';
  try {
    await fetchRanking(stack, year); // warm-up: the first read of the year's rows
    for (let i = 0; i < RUNS; i++) graph.push(await fetchRanking(stack, year));
    const g0 = graph[0] as (typeof graph)[number];
    const g = (xs: number[]) => {
      const s = sortedCopy(xs);
      return `p50 ${ms(pct(s, 50)).padStart(7)}  max ${ms(s[s.length - 1] ?? 0).padStart(7)}`;
    };
    console.log(
      `${label.padEnd(40)} n=${RUNS}  first page (${g0.firstRows} rows) ${g(graph.map((x) => x.first))}   all ${g0.pages} pages (${g0.rows} rows, ${kB(g0.bytes)} JSON) ${g(graph.map((x) => x.all))}`,
    );
  } catch (err) {
    if (!(err instanceof PageError)) throw err;
    console.log(`${label.padEnd(40)} the graph refused the web app's ranking query: «${err.message}»`);
  }

  const url = `/xep-hang?phongTrao=BENCH-CAMPAIGN&nam=${year}`;
  console.log(`Chromium: ${url}, from page.goto until the footer «${UNITS} đơn vị có kết quả được công bố» is visible and the first row shows rank 1`);
  // A page that shows an error instead of the ranking is a finding, not a crash: say so and go on.
  const series = async (label: string, loads: () => Promise<Load[]>): Promise<Load[]> => {
    try {
      const result = await loads();
      summarise(label, result);
      return result;
    } catch (err) {
      if (!(err instanceof PageError)) throw err;
      console.log(`${label.padEnd(40)} the page showed an error instead of the ranking: «${err.message}»`);
      return [];
    }
  };
  const cold = await series('cold (fresh context, empty cache)', async () => {
    const loads: Load[] = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await freshContext(browser, stack.origin);
      try {
        loads.push(await loadRanking(await context.newPage(), url, entryScripts));
      } finally {
        await context.close();
      }
    }
    return loads;
  });
  await series('warm (same context, assets cached)', async () => {
    const loads: Load[] = [];
    const context = await freshContext(browser, stack.origin);
    try {
      const page = await context.newPage();
      await loadRanking(page, url, entryScripts); // fills the HTTP cache (hashed assets are immutable for a year)
      for (let i = 0; i < RUNS; i++) {
        await page.goto('about:blank');
        loads.push(await loadRanking(page, url, entryScripts));
      }
    } finally {
      await context.close();
    }
    return loads;
  });
  if (process.env.BENCH_PROFILE) {
    const context = await freshContext(browser, stack.origin);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    const l = await loadRanking(page, url, entryScripts);
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }>; samples: number[]; timeDeltas: number[] } };
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map<string, number>();
    const byUrl = new Map<string, number>();
    profile.samples.forEach((id, i) => {
      const n = byId.get(id);
      const dt = (profile.timeDeltas[i] ?? 0) / 1000;
      if (!n) return;
      const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/^.*\//, '')}:${n.callFrame.lineNumber}`;
      self.set(k, (self.get(k) ?? 0) + dt);
      const u = n.callFrame.url.replace(/^.*\//, '') || n.callFrame.functionName;
      byUrl.set(u, (byUrl.get(u) ?? 0) + dt);
    });
    console.log(`profile of one more cold load (visible ${ms(l.visible)}), main thread's time per script, then per function:`);
    for (const [k, v] of [...byUrl].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${ms(v).padStart(7)} ${k}`);
    for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${ms(v).padStart(7)} ${k}`);
    await context.close();
  }
  if (!cold.length) {
    console.log(`goal: ranking of 1,000 units visible ≤ 1 s → not measured: the page did not show the ranking`);
    return;
  }
  const visible = pct(sortedCopy(cold.map((l) => l.visible)), 50);
  console.log(`goal: ranking of 1,000 units visible ≤ 1 s → cold p50 ${ms(visible)} for ${UNITS} units (${visible <= 1000 ? 'met' : `missed by ${ms(visible - 1000)}`})`);
}

// ─── main ────────────────────────────────────────────────────────────────────────────────────────────────────────────

async function main(): Promise<void> {
  const run = sectionsToRun();
  // Its own graph, always on MariaDB, whatever BENCH_DB says.
  if (run.has('writes')) {
    heading('writes — the common mutations, open loop through the gateway, on MariaDB');
    console.log(load());
    await writeFigures();
    console.log(`\n${load()}`);
    run.delete('writes');
    if (!run.size) return;
  }
  if (run.has('province') && run.size === 1) {
    heading(`province — ${SIZES.join(', ')} units on ${db}`);
    console.log(load());
    await provinceFigures(db, SIZES);
    console.log(`\n${load()}`);
    return;
  }
  const web = run.has('first-page') || run.has('ranking');
  const webDir = web ? webSnapshot() : undefined;
  const t0 = performance.now();
  // The web sections need the whole graph (the pages read scoring too) and the built app on the gateway's origin.
  const stack = await startStack({
    db,
    subgraphs: web ? { participants: startParticipants, scoring: startScoring, awards: startAwards, reporting: startReporting } : { participants: startParticipants },
    gateway: (env) => startGateway(loadGatewayConfig(webDir ? { ...env, WEB_DIR: webDir } : env)),
    env: { REDIS_URL: '' },
  });
  console.log(
    `thidua bench on ${db}, ${UNITS} wards, sections: ${[...run].join(', ')}; ${web ? 'participants, scoring, awards, reporting' : 'participants'} and the gateway ` +
      `with both presets ready in ${ms(performance.now() - t0)}; ${load()}`,
  );
  let browser: Playwright.Browser | undefined;
  try {
    const admin = await stack.token('ADMIN');
    let wards: Wards | undefined;
    if (run.has('participants')) {
      heading('graph — participants');
      wards = await createWards(stack, admin, true);
      await participantsFigures(stack, admin, wards);
    }
    if (web) browser = await launchChromium();
    if (run.has('first-page') && browser && webDir) {
      heading('web — first page');
      await firstPageFigures(webDir, stack.origin, browser);
    }
    if (run.has('ranking') && browser && webDir) {
      heading(`web — ranking of ${UNITS} units`);
      wards ??= await createWards(stack, admin, false);
      await rankingFigures(stack, wards, browser, webDir);
    }
    if (run.has('province')) {
      heading(`province — ${SIZES.join(', ')} units on ${db}`);
      await provinceFigures(db, SIZES);
    }
    const mem = process.memoryUsage();
    console.log(`\nmemory of this process (gateway + subgraphs + client): rss ${(mem.rss / 1048576).toFixed(0)} MiB, heap used ${(mem.heapUsed / 1048576).toFixed(0)} MiB; ${load()}`);
  } finally {
    await browser?.close();
    await stack.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
