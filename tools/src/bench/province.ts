import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startAwards } from '../../../apps/awards/src';
import { loadGatewayConfig, startGateway } from '../../../apps/gateway/src';
import { startParticipants, type RunningParticipants } from '../../../apps/participants/src';
import { startReporting, startReportWorker } from '../../../apps/reporting/src';
import { bulkTemplate, startScoring, type RunningScoring, type TemplateRow } from '../../../apps/scoring/src';
import { load, pct, pool, publishManualFramework, sorted } from './common';
import {
  createLogger,
  GATEWAY_SECRET_HEADER,
  loadPlatformConfig,
  runWithContext,
  type PlatformConfig,
  type RequestContext,
  type Role,
  type RunningServer,
} from '../../../libs/platform/src';
import { dropRedisPrefix, freePort, gql, gqlOk, startStack, TEST_REDIS_URL, type DatabaseKind, type TestStack } from '../../../libs/testing/src';
import { countSql, installSqlCounter } from './sql-count';

/**
 * BENCH_ONLY=province: a synthetic province (BENCH_UNITS, default 1000,10000) ranked three ways, side by side, lanes
 * alternating request by request:
 *   L0 one hand-written SQL query for the same ranking rows, on scoring's database (the physical limit);
 *   L1 the scoring subgraph directly (the gateway's own _entities request, with the gateway secret);
 *   L2 through the gateway, with unit names (the web app's RankingPage operation).
 * Each lane asks the first page of 1,000 rows of the campaign's year. Then: SQL statements per request, L2 at a fixed
 * offered rate (open loop), every page of the ranking through the gateway, the city summary end to end (in-process
 * jobs and BullMQ), the lead agency's bulk score import end to end (on a year of its own, after the rest) and peak
 * memory. One table; asserts nothing.
 *
 * The province: wards under Đắk Lắk, each with a published assessment of the Buôn Ma Thuột campaign's year 2025 and of
 * 2024 (its last year: a change from last year on every row), on a framework of 50 indicators. Written through the
 * services' own write code in this process (OrgUnitService.create; AssessmentService.start → importSheet → submit →
 * completeVerification → publish, as the resolvers call them), not through HTTP one request at a time.
 */

type Row = { label: string; cells: string[]; note?: string };

const CAMPAIGN = 'BMT-CDS-2023-2025';
const YEAR = 2025;
/**
 * The bulk score import's year: the campaign's first, which the province has no result of. Its self-assessments are
 * imported, so the rankings of YEAR (and YEAR - 1 beside them) are the same before and after.
 */
const IMPORT_YEAR = 2023;
const INDICATORS = 50;
const PAGE = 1000;
const CONCURRENCY = 4;

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '—');
const msf = (n: number) => (Number.isFinite(n) ? `${n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0)} ms` : '—');
const pStats = (xs: number[]) => {
  const s = sorted(xs);
  return { p50: pct(s, 50), p95: pct(s, 95), p99: pct(s, 99), n: s.length };
};
interface Province {
  stack: TestStack;
  participants: RunningParticipants;
  scoring: RunningScoring;
  campaignId: string;
  parentId: string;
  frameworks: Map<number, string>;
  units: string[];
}

/** Capture what startStack starts, so the bench can reach the services' own write code. */
async function startProvince(db: DatabaseKind): Promise<Province> {
  let participants: RunningParticipants | undefined;
  let scoring: RunningScoring | undefined;
  const stack = await startStack({
    db,
    subgraphs: {
      participants: async (c: PlatformConfig) => (participants = await startParticipants(c)),
      scoring: async (c: PlatformConfig, env: NodeJS.ProcessEnv) => (scoring = await (startScoring as (c: PlatformConfig, e: NodeJS.ProcessEnv) => Promise<RunningScoring>)(c, env)),
      awards: startAwards,
      reporting: startReporting,
    },
    gateway: (env) => startGateway(loadGatewayConfig(env)),
    env: { REDIS_URL: '' },
  });
  if (!participants || !scoring) throw new Error('the stack did not start participants and scoring');
  const admin = await stack.token('ADMIN');
  const c = (await gqlOk<{ campaign: { id: string } }>(stack.url, `{ campaign(code: "${CAMPAIGN}") { id } }`, {}, admin)).campaign;
  const parentId = (await gqlOk<{ orgUnit: { id: string } }>(stack.url, '{ orgUnit(code: "DLK") { id } }')).orgUnit.id;
  return { stack, participants, scoring, campaignId: c.id, parentId, frameworks: new Map(), units: [] };
}

/** A published framework of 50 indicators (5 groups of 10, 2 points each, typed by hand) for a year, imported from its workbook. */
async function framework(p: Province, year: number, lead: string): Promise<string> {
  const id = await publishManualFramework(p.stack.url, lead, { code: `BENCH-TINH-${year}`, name: `Bộ chỉ số chuyển đổi số cấp xã (thử nghiệm) năm ${year}`, year, jurisdiction: 'Tỉnh Thử Nghiệm', groups: INDICATORS / 10, perGroup: 10 });
  // The campaign's scoring period of that year, its self-assessment window still open today (the province's results
  // of 2024 and 2025 are written now).
  const opened = await gql(
    p.stack.url,
    'mutation($c: ID!, $y: Int!, $o: Date!, $e: Date!) { openScoringPeriod(campaignId: $c, year: $y, selfAssessmentOpens: $o, selfAssessmentCloses: $e) { id } }',
    { c: p.campaignId, y: year, o: `${year}-01-01`, e: `${new Date().getUTCFullYear() + 1}-12-31` },
    lead,
  );
  if (opened.errors.length) throw new Error(`openScoringPeriod ${year}: ${opened.errors.map((e) => e.message).join('; ')}`);
  return id;
}

/**
 * BENCH_FILL=copy: grow the province past its first size faster than the services write (about 30 writes/s on the
 * loaded 2-core machine, some 50 minutes for 10,000 units): the wards are still created by OrgUnitService.create, but
 * their assessments (both years, every indicator score) are copies of the first size's, unit by unit, inserted in
 * bulk with SQL (ids, unit and name changed; audit rows not copied). The rankings read the same columns either way.
 */
async function copyFill(p: Province, size: number, template: number): Promise<{ units: number; ms: number; writes: number }> {
  const t = performance.now();
  const from = p.units.length;
  const { orgUnits } = p.participants.services;
  const logger = createLogger('bench', 'silent');
  const ctx: RequestContext = { requestId: 'bench', logger, viewer: { userId: 'bench', roles: ['HOME_AFFAIRS'], orgUnitId: null, anonymous: false } };
  const names = new Map<string, string>();
  await pool(size - from, CONCURRENCY, async (k) => {
    const i = from + k;
    const name = `UBND phường Thử Nghiệm số ${i}`;
    const unit = await runWithContext(ctx, () => orgUnits.create({ code: `BENCH-P-${i}`, name, kind: 'WARD_PC', parentId: p.parentId, validFrom: '2020-01-01' }));
    p.units[i] = unit.id;
    names.set(unit.id, unit.name);
  });
  const m = p.scoring.services.db.manager;
  const { randomUUID } = await import('node:crypto');
  const templates = p.units.slice(0, template);
  const rowsOf = async (table: string, column: string, ids: string[]) =>
    (await m.query(`SELECT * FROM ${table} WHERE ${column} IN (${ids.map(() => '?').join(', ')})`, ids)) as Array<Record<string, unknown>>;
  const insert = async (table: string, rows: Array<Record<string, unknown>>) => {
    if (!rows.length) return;
    const cols = Object.keys(rows[0] as object);
    const per = Math.max(1, Math.floor(900 / cols.length));
    for (let i = 0; i < rows.length; i += per) {
      const chunk = rows.slice(i, i + per);
      await m.query(
        `INSERT INTO ${table} (${cols.join(', ')}) VALUES ${chunk.map(() => `(${cols.map(() => '?').join(', ')})`).join(', ')}`,
        chunk.flatMap((r) => cols.map((c) => r[c])),
      );
    }
  };
  let writes = size - from;
  for (let start = from; start < size; start += 200) {
    const batch = p.units.slice(start, Math.min(size, start + 200));
    const srcUnits = batch.map((_, j) => templates[(start + j) % templates.length] as string);
    // The ranked years only: the bulk import's year gets its own assessments (importAssessments).
    const srcAssessments = (await rowsOf('assessment', 'unit_id', [...new Set(srcUnits)])).filter((a) => Number(a.year) !== IMPORT_YEAR);
    const srcScores = await rowsOf('indicator_score', 'assessment_id', srcAssessments.map((a) => a.id as string));
    const scoresOf = new Map<string, Array<Record<string, unknown>>>();
    for (const sc of srcScores) scoresOf.set(sc.assessment_id as string, [...(scoresOf.get(sc.assessment_id as string) ?? []), sc]);
    const newAssessments: Array<Record<string, unknown>> = [];
    const newScores: Array<Record<string, unknown>> = [];
    for (const [j, unitId] of batch.entries()) {
      for (const a of srcAssessments.filter((x) => x.unit_id === srcUnits[j])) {
        const id = randomUUID();
        newAssessments.push({ ...a, id, unit_id: unitId, unit_name: names.get(unitId as string) ?? a.unit_name });
        for (const sc of scoresOf.get(a.id as string) ?? []) newScores.push({ ...sc, id: randomUUID(), assessment_id: id });
      }
    }
    await p.scoring.services.db.transaction(async () => {
      await insert('assessment', newAssessments);
      await insert('indicator_score', newScores);
    });
    writes += newAssessments.length + newScores.length;
  }
  return { units: size - from, ms: performance.now() - t, writes };
}

/**
 * Grow the province to `size` wards, each with published assessments of YEAR and YEAR - 1, through the services. The
 * officer's and the lead agency's steps run as they do behind the resolvers (the audit rows name a bench viewer).
 */
async function grow(p: Province, size: number): Promise<{ units: number; ms: number; writes: number }> {
  const t = performance.now();
  const from = p.units.length;
  const { orgUnits } = p.participants.services;
  const { assessments } = p.scoring.services;
  let writes = 0;
  const logger = createLogger('bench', 'silent');
  const viewer = (roles: Role[], unitId?: string): RequestContext => ({ requestId: 'bench', logger, viewer: { userId: 'bench', roles, orgUnitId: unitId ?? null, anonymous: false } });
  await pool(size - from, CONCURRENCY, async (k) => {
    const i = from + k;
    const unit = await runWithContext(viewer(['HOME_AFFAIRS']) , () =>
      orgUnits.create({ code: `BENCH-P-${i}`, name: `UBND phường Thử Nghiệm số ${i}`, kind: 'WARD_PC', parentId: p.parentId, validFrom: '2020-01-01' }),
    );
    p.units[i] = unit.id;
    writes += 1;
    for (const year of [YEAR - 1, YEAR]) {
      // Distinct-ish totals (ties happen: RANK() shares them), last year's a little lower.
      const points = (ind: number) => ((i * 7 + ind * 13 + year) % 5) / 2;
      const a0 = await runWithContext(viewer(['UNIT_OFFICER'], unit.id), async () => {
        const a = await assessments.start(p.campaignId, year, unit.id, p.frameworks.get(year) as string);
        const rows = Array.from({ length: INDICATORS }, (_, n) => ({
          rowNumber: n + 2,
          code: `${Math.floor(n / 10) + 1}.${(n % 10) + 1}`,
          value: { points: points(n) },
          note: null,
        }));
        const r = await assessments.importSheet(a.id, { assessmentId: a.id, version: a.version, rows, errors: [] } as never);
        if (!r.ok || !r.assessment) throw new Error(`importSheet: ${JSON.stringify(r.errors).slice(0, 300)}`);
        return assessments.submit(a.id, r.assessment.version);
      });
      await runWithContext(viewer(['LEAD_AGENCY']), async () => {
        const v = await assessments.completeVerification(a0.id, a0.version);
        await assessments.publish(v.id, v.version);
      });
      writes += 5;
    }
  });
  return { units: size - from, ms: performance.now() - t, writes };
}

// ─── the three lanes ─────────────────────────────────────────────────────────────────────────────────────────────────

const ROW_FIELDS = 'rank unitKind total maxPoints percent classification passes previousTotal change';
const L2_QUERY = `query RankingPage($code: String!, $year: Int!, $after: String) { campaign(code: $code) { id rankings(year: $year, first: ${PAGE}, after: $after) {
  totalCount hasNextPage endCursor entries { ${ROW_FIELDS} unit { id code name } } } } }`;
/** What the gateway asks scoring for the same page (unit names come from participants in a second fetch). */
const L1_QUERY = `query($r: [_Any!]!, $year: Int!) { _entities(representations: $r) { ... on Campaign { rankings(year: $year, first: ${PAGE}) {
  totalCount hasNextPage endCursor entries { ${ROW_FIELDS} unit { id } } } } } }`;

/** The same rows in one statement: ranked per unit kind, last year's total beside, the first page. */
function l0Sql(): string {
  return (
    `SELECT r.* FROM (SELECT a.unit_id, a.unit_kind, COALESCE(a.verified_total, 0) AS total, a.max_points, p.verified_total AS previous_total, ` +
    `RANK() OVER (PARTITION BY a.unit_kind ORDER BY COALESCE(a.verified_total, 0) DESC) AS rnk, COUNT(*) OVER () AS total_count ` +
    `FROM assessment a LEFT JOIN assessment p ON p.unit_id = a.unit_id AND p.campaign_id = a.campaign_id AND p.year = ? AND p.status = 'PUBLISHED' ` +
    `WHERE a.campaign_id = ? AND a.year = ? AND a.status = 'PUBLISHED') r ORDER BY r.unit_kind, r.rnk, r.unit_id LIMIT ${PAGE}`
  );
}

interface Lanes {
  l0: () => Promise<number>;
  l1: () => Promise<number>;
  l2: (after?: string | null) => Promise<{ rows: number; next: string | null }>;
}

function lanes(p: Province, subgraphToken: string): Lanes {
  const sql = l0Sql();
  const scoringUrl = p.stack.subgraphUrls.scoring as string;
  const secret = loadPlatformConfig('scoring', 0, p.stack.subgraphEnvs.scoring).gatewaySecret;
  return {
    l0: async () => ((await p.scoring.services.db.manager.query(sql, [YEAR - 1, p.campaignId, YEAR])) as unknown[]).length,
    l1: async () => {
      const res = await fetch(scoringUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [GATEWAY_SECRET_HEADER]: secret, authorization: `Bearer ${subgraphToken}` },
        body: JSON.stringify({ query: L1_QUERY, variables: { r: [{ __typename: 'Campaign', id: p.campaignId }], year: YEAR } }),
      });
      const body = (await res.json()) as { data?: { _entities: Array<{ rankings: { entries: unknown[] } }> }; errors?: unknown[] };
      if (body.errors?.length || !body.data) throw new Error(`L1: ${JSON.stringify(body.errors).slice(0, 300)}`);
      return body.data._entities[0]?.rankings.entries.length ?? 0;
    },
    l2: async (after = null) => {
      const r = await gql<{ campaign: { rankings: { entries: unknown[]; hasNextPage: boolean; endCursor: string | null } } }>(p.stack.url, L2_QUERY, {
        code: CAMPAIGN,
        year: YEAR,
        after,
      });
      if (r.errors.length || !r.data) throw new Error(`L2: ${r.errors.map((e) => e.message).join('; ')}`);
      const k = r.data.campaign.rankings;
      return { rows: k.entries.length, next: k.hasNextPage ? k.endCursor : null };
    },
  };
}

/** BENCH_CPU_PROF=1: a CPU profile of this process (gateway and subgraphs in it) while `run` runs, into tmp/bench/. */
async function profile(name: string, run: () => Promise<void>): Promise<void> {
  const { Session } = await import('node:inspector');
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) => session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
  try {
    await run();
  } finally {
    const { profile: prof } = (await post('Profiler.stop')) as { profile: unknown };
    const dir = join(__dirname, '../../tmp/bench');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(prof));
    session.disconnect();
    console.log(`CPU profile of 20 L2 requests: tmp/bench/${name}.cpuprofile`);
  }
}

interface SizeFigures {
  size: number;
  rows: number;
  l0: ReturnType<typeof pStats>;
  l1: ReturnType<typeof pStats>;
  l2: ReturnType<typeof pStats>;
  sqlL1: Map<string, number>;
  sqlL2: Map<string, number>;
  open: { rate: number; seconds: number; stats: ReturnType<typeof pStats>; achieved: number; errors: number };
  all: { pages: number; rows: number; stats: ReturnType<typeof pStats> };
  loadBefore: string;
  loadAfter: string;
  seeding?: string;
  reports?: ReportFigure[];
  bulkImport?: ImportFigure;
  /** Peak resident memory of this process once the size was measured (MiB). */
  rss?: number;
}

/** Alternate L0, L1, L2 (rotating which goes first), then count statements, then the open loop and the full walk. */
async function measureSize(p: Province, size: number, rounds: number, openSeconds: number, walks: number): Promise<SizeFigures> {
  const loadBefore = load();
  const token = await p.stack.token('SERVICE');
  const L = lanes(p, token);
  // Warm-up: one of each (first reads of the rows, plans, JIT).
  const rows = await L.l0();
  await L.l1();
  await L.l2();
  const times: Record<'l0' | 'l1' | 'l2', number[]> = { l0: [], l1: [], l2: [] };
  const order: Array<'l0' | 'l1' | 'l2'> = ['l0', 'l1', 'l2'];
  for (let r = 0; r < rounds; r++) {
    for (let j = 0; j < 3; j++) {
      const lane = order[(r + j) % 3] as 'l0' | 'l1' | 'l2';
      const t = performance.now();
      await (lane === 'l2' ? L.l2() : L[lane]());
      times[lane].push(performance.now() - t);
    }
  }
  if (process.env.BENCH_CPU_PROF) await profile(`province-${size}`, async () => {
    for (let i = 0; i < 20; i++) await L.l2();
  });
  const sqlL1 = (await countSql(() => L.l1())).statements;
  const sqlL2 = (await countSql(() => L.l2())).statements;

  // Open loop: requests sent at fixed instants, whatever the answers; latency from the instant it was due.
  const rate = 20;
  const n = rate * openSeconds;
  const lat: number[] = [];
  let errors = 0;
  const t0 = performance.now() + 50;
  await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const due = t0 + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      try {
        await L.l2();
      } catch {
        errors += 1;
      }
      lat.push(performance.now() - due);
    }),
  );
  const achieved = (n / (performance.now() - t0)) * 1000;

  // Every page of the ranking through the gateway, as the web app asks them.
  const walk: number[] = [];
  let pages = 0;
  let all = 0;
  for (let w = 0; w < walks; w++) {
    const t = performance.now();
    let after: string | null = null;
    pages = 0;
    all = 0;
    do {
      const r: { rows: number; next: string | null } = await L.l2(after);
      pages += 1;
      all += r.rows;
      after = r.next;
    } while (after && pages <= size);
    walk.push(performance.now() - t);
  }
  return {
    size,
    rows,
    l0: pStats(times.l0),
    l1: pStats(times.l1),
    l2: pStats(times.l2),
    sqlL1,
    sqlL2,
    open: { rate, seconds: openSeconds, stats: pStats(lat), achieved, errors },
    all: { pages, rows: all, stats: pStats(walk) },
    loadBefore,
    loadAfter: load(),
  };
}

// ─── the bulk score import, end to end ───────────────────────────────────────────────────────────────────────────────

interface ImportFigure {
  ms: number;
  /** Parts of `ms`: the upload to /files, startScoreImport's answer, then the job until DONE. */
  uploadMs: number;
  startMs: number;
  jobMs: number;
  /** Building the filled workbook (not part of `ms`: the lead agency's own work). */
  buildMs: number;
  bytes: number;
  rows: number;
  status: string;
  unitsImported: number;
  unitsRejected: number;
  errorCount: number;
  firstError?: string;
  /** Polls of scoreImport the gateway answered with an error (a subgraph deadline) while the import ran. */
  polls?: string;
}

/**
 * Every ward of the province gets a self-assessment of IMPORT_YEAR still being self-assessed (SQL, like BENCH_FILL
 * copy: the fields of its YEAR assessment, a new id, that year's period and framework, no scores yet), unless it has
 * one. Setup, not measured.
 */
async function importAssessments(p: Province): Promise<Array<{ id: string; unitName: string }>> {
  const m = p.scoring.services.db.manager;
  const { randomUUID } = await import('node:crypto');
  const period = (await m.query('SELECT id FROM scoring_period WHERE campaign_id = ? AND year = ?', [p.campaignId, IMPORT_YEAR])) as Array<{ id: string }>;
  if (!period[0]) throw new Error(`no scoring period of ${IMPORT_YEAR}`);
  const have = new Set(((await m.query('SELECT unit_id FROM assessment WHERE campaign_id = ? AND year = ?', [p.campaignId, IMPORT_YEAR])) as Array<{ unit_id: string }>).map((r) => r.unit_id));
  const missing = p.units.filter((u) => !have.has(u));
  for (let i = 0; i < missing.length; i += 500) {
    const ids = missing.slice(i, i + 500);
    const src = (await m.query(`SELECT * FROM assessment WHERE campaign_id = ? AND year = ? AND unit_id IN (${ids.map(() => '?').join(', ')})`, [p.campaignId, YEAR, ...ids])) as Array<Record<string, unknown>>;
    const rows = src.map((a) => ({
      ...a,
      id: randomUUID(),
      period_id: period[0]?.id,
      framework_id: p.frameworks.get(IMPORT_YEAR),
      year: IMPORT_YEAR,
      status: 'SELF_ASSESSING',
      reopened_until: null,
      self_total: 0,
      verified_total: null,
      submitted_at: null,
      verified_at: null,
      published_at: null,
      version: 1,
    }));
    if (!rows.length) continue;
    const cols = Object.keys(rows[0] as object);
    const per = Math.max(1, Math.floor(900 / cols.length));
    await p.scoring.services.db.transaction(async (t) => {
      for (let j = 0; j < rows.length; j += per) {
        const chunk = rows.slice(j, j + per);
        await t.query(`INSERT INTO assessment (${cols.join(', ')}) VALUES ${chunk.map(() => `(${cols.map(() => '?').join(', ')})`).join(', ')}`, chunk.flatMap((r) => cols.map((c) => (r as Record<string, unknown>)[c])));
      }
    });
  }
  const all = (await m.query('SELECT id, unit_name FROM assessment WHERE campaign_id = ? AND year = ? ORDER BY unit_name', [p.campaignId, IMPORT_YEAR])) as Array<{ id: string; unit_name: string }>;
  return all.map((a) => ({ id: a.id, unitName: a.unit_name }));
}

/**
 * The lead agency's bulk import of every ward's self-assessment of IMPORT_YEAR, as it does it: the workbook in the
 * template's layout with a value in every row (50 per ward; `round` changes the values, so a second size writes every
 * row again), uploaded to the gateway's /files, startScoreImport through the gateway, then scoreImport polled every
 * 250 ms until the job is done. Timed from the upload's first byte to DONE.
 */
async function bulkImport(p: Province, lead: string, round: number): Promise<ImportFigure> {
  const assessments = await importAssessments(p);
  const codes = Array.from({ length: INDICATORS }, (_, n) => `${Math.floor(n / 10) + 1}.${(n % 10) + 1}`);
  function* filled(): Generator<TemplateRow> {
    for (const [i, a] of assessments.entries()) {
      for (const [n, code] of codes.entries()) {
        yield {
          assessmentId: a.id,
          unitName: a.unitName,
          code,
          name: `Chỉ số ${code}`,
          maxPoints: 2,
          ruleType: 'MANUAL',
          ruleConfig: {},
          value: { points: ((i * 7 + n * 13 + round) % 5) / 2 },
          note: null,
          selfPoints: null,
          verifiedPoints: null,
          reason: null,
        };
      }
    }
  }
  let t = performance.now();
  const workbook = await bulkTemplate('SELF_ASSESSMENT', IMPORT_YEAR, filled());
  const buildMs = performance.now() - t;
  const rows = assessments.length * INDICATORS;

  t = performance.now();
  const form = new FormData();
  form.append('file', new Blob([workbook]), `Nhap-diem-tu-danh-gia-${IMPORT_YEAR}.xlsx`);
  const res = await fetch(`${p.stack.origin}/files`, { method: 'POST', body: form, headers: { authorization: `Bearer ${lead}` } });
  const up = (await res.json()) as { id?: string; errors?: Array<{ message: string }> };
  const uploadMs = performance.now() - t;
  const failed = (status: string, error: string): ImportFigure => ({ ms: NaN, uploadMs, startMs: NaN, jobMs: NaN, buildMs, bytes: workbook.length, rows, status, unitsImported: 0, unitsRejected: 0, errorCount: 0, firstError: error });
  if (!up.id) return failed(`upload refused (HTTP ${res.status})`, up.errors?.map((e) => e.message).join('; ') ?? '');
  const t1 = performance.now();
  const started = await gql<{ startScoreImport: { id: string } }>(
    p.stack.url,
    'mutation($c: ID!, $y: Int!, $f: ID!) { startScoreImport(campaignId: $c, year: $y, kind: SELF_ASSESSMENT, fileId: $f) { id status } }',
    { c: p.campaignId, y: IMPORT_YEAR, f: up.id },
    lead,
  );
  const startMs = performance.now() - t1;
  if (!started.data?.startScoreImport) return failed('not started', started.errors.map((e) => e.message).join('; '));
  const id = started.data.startScoreImport.id;
  const until = performance.now() + 15 * 60_000;
  // A poll the gateway could not answer in time (the scoring service busy with the import) is counted and repeated.
  let unanswered = 0;
  for (;;) {
    const r = await gql<{ scoreImport: { status: string; unitsImported: number; unitsRejected: number; rowsImported: number; errorCount: number; errors: Array<{ message: string }> } | null }>(
      p.stack.url,
      'query($id: ID!) { scoreImport(id: $id) { status unitsImported unitsRejected rowsImported errorCount errors(first: 1) { message } } }',
      { id },
      lead,
    );
    const s = r.data?.scoreImport;
    if (!s) unanswered += 1;
    if ((s && (s.status === 'DONE' || s.status === 'FAILED')) || performance.now() > until) {
      const ms = performance.now() - t;
      const polls = unanswered ? `${unanswered} polls unanswered (${r.errors[0]?.message ?? 'no answer'})` : undefined;
      if (!s) return { ...failed('no answer', polls ?? ''), ms };
      return { ms, uploadMs, startMs, jobMs: ms - uploadMs - startMs, buildMs, bytes: workbook.length, rows: s.rowsImported, status: s.status, unitsImported: s.unitsImported, unitsRejected: s.unitsRejected, errorCount: s.errorCount, firstError: s.errors[0]?.message, polls };
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

function importCell(f: ImportFigure | undefined): string {
  if (!f) return '—';
  if (!Number.isFinite(f.ms) || f.status !== 'DONE') return `${f.status}${f.firstError ? `: ${f.firstError}` : ''}`;
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const rejected = f.unitsRejected || f.errorCount ? `, ${f.unitsRejected} units rejected, ${f.errorCount} errors${f.firstError ? ` (${f.firstError})` : ''}` : '';
  return (
    `${s(f.ms)}, ${Math.round((f.rows / f.ms) * 1000).toLocaleString('en')} rows/s (${f.unitsImported.toLocaleString('en')} units × ${INDICATORS} = ${f.rows.toLocaleString('en')} rows; ` +
    `workbook ${(f.bytes / 1e6).toFixed(1)} MB; upload ${s(f.uploadMs)}, start ${s(f.startMs)}, job ${s(f.jobMs)}${rejected}${f.polls ? `; ${f.polls}` : ''})`
  );
}

// ─── the city summary, end to end ────────────────────────────────────────────────────────────────────────────────────

interface ReportFigure {
  label: string;
  ms: number;
  status: string;
  documents: string;
  error?: string;
}

async function definitionId(p: Province, code: string, admin: string): Promise<string> {
  const d = await gqlOk<{ campaign: { reportDefinitions: Array<{ id: string; code: string }> } }>(
    p.stack.url,
    `{ campaign(code: "${CAMPAIGN}") { reportDefinitions { id code } } }`,
    {},
    admin,
  );
  const def = d.campaign.reportDefinitions.find((x) => x.code === code);
  if (!def) throw new Error(`no report definition ${code}`);
  return def.id;
}

/** Request a run (through `url`: the gateway, or a subgraph with the gateway secret) and wait until it ends. */
async function runReport(p: Province, label: string, url: string, headers: Record<string, string>, defId: string, admin: string): Promise<ReportFigure> {
  const t = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}`, ...headers },
    body: JSON.stringify({ query: 'mutation($d: ID!, $y: Int!) { requestReportRun(definitionId: $d, year: $y) { id status } }', variables: { d: defId, y: YEAR } }),
  });
  const body = (await res.json()) as { data?: { requestReportRun: { id: string } }; errors?: Array<{ message: string }> };
  if (!body.data) return { label, ms: NaN, status: 'not started', documents: '', error: body.errors?.map((e) => e.message).join('; ') };
  const id = body.data.requestReportRun.id;
  const until = performance.now() + 10 * 60_000;
  for (;;) {
    const r = await gqlOk<{ reportRun: { status: string; progress: number; error: string | null; documents: Array<{ name: string; base64: string }> | null } }>(
      p.stack.url,
      'query($id: ID!) { reportRun(id: $id) { status progress error } }',
      { id },
      admin,
    );
    const s = r.reportRun;
    if (s.status === 'SUCCEEDED' || s.status === 'FAILED' || performance.now() > until) {
      const ms = performance.now() - t;
      let documents = '';
      if (s.status === 'SUCCEEDED') {
        const d = await gqlOk<{ reportRun: { documents: Array<{ name: string; base64: string }> } }>(p.stack.url, 'query($id: ID!) { reportRun(id: $id) { documents { name base64 } } }', { id }, admin);
        documents = d.reportRun.documents.map((x) => `${x.name.replace(/^.*\./, '')} ${(Buffer.from(x.base64, 'base64').length / 1000).toFixed(0)} kB`).join(', ');
      }
      return { label, ms, status: s.status, documents, error: s.error ?? undefined };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The city summary of the province as it is now, once with each job driver. A run exists once per (definition, year),
 * so each size uses its own pair of the Buôn Ma Thuột presets with the city-summary template and operation.
 */
const REPORT_PAIRS: Array<[string, string]> = [
  ['BMT-SO-KET', 'BMT-TONG-KET'],
  ['BMT-BC-TONG-HOP', 'BMT-BC-TINH'],
];

async function reports(p: Province, pair: [string, string]): Promise<ReportFigure[]> {
  const admin = await p.stack.token('ADMIN');
  const out: ReportFigure[] = [];
  out.push(await runReport(p, `in-process jobs (${pair[0]})`, p.stack.url, {}, await definitionId(p, pair[0], admin), admin));
  // BullMQ: a second reporting subgraph in this process on the same database with REDIS_URL, and a report worker
  // (also on reporting's database), as npm start runs them with Redis; the run is requested from that subgraph.
  const started: RunningServer[] = [];
  const prefix = `bench-${process.pid}-${pair[1].toLowerCase()}`;
  const label = `BullMQ, report worker (${pair[1]})`;
  try {
    const port = await freePort();
    const env = { ...p.stack.subgraphEnvs.reporting, REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix, LOAD_PRESETS: 'false', PORT: String(port) };
    const reporting = await startReporting(loadPlatformConfig('reporting', 0, env), env);
    started.push(reporting);
    const wenv = { ...env, PORT: String(await freePort()) };
    started.push(await startReportWorker(loadPlatformConfig('report-worker', 0, wenv, { databaseOf: 'reporting' }), wenv));
    const secret = loadPlatformConfig('reporting', 0, env).gatewaySecret;
    out.push(await runReport(p, label, `${reporting.url}/graphql`, { [GATEWAY_SECRET_HEADER]: secret }, await definitionId(p, pair[1], admin), admin));
  } catch (err) {
    out.push({ label, ms: NaN, status: 'not measured', documents: '', error: err instanceof Error ? err.message : String(err) });
  } finally {
    for (const s of started.reverse()) await s.close().catch(() => undefined);
    await dropRedisPrefix(prefix).catch(() => undefined);
  }
  return out;
}

// ─── npm start to ready ──────────────────────────────────────────────────────────────────────────────────────────────

interface StartFigure {
  label: string;
  ms: number;
  peaks: string;
}

/** `npm start` on its own ports and a fresh data directory: time until the gateway's /health/ready answers 200. */
async function npmStart(label: string, dataDir: string, base: number): Promise<StartFigure> {
  const { spawn, execSync } = await import('node:child_process');
  const root = join(__dirname, '../..');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LOG_LEVEL: 'info',
    DATA_DIR: dataDir,
    GATEWAY_PORT: String(base),
    PARTICIPANTS_PORT: String(base + 1),
    SCORING_PORT: String(base + 2),
    AWARDS_PORT: String(base + 3),
    REPORTING_PORT: String(base + 4),
    REDIS_URL: '',
  };
  delete env.PORT;
  const t = performance.now();
  const child = spawn('npm', ['start'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  child.stdout?.on('data', (d) => (out += String(d)));
  child.stderr?.on('data', (d) => (out += String(d)));
  let exited = false;
  child.on('exit', () => (exited = true));
  let ms = NaN;
  while (!exited && performance.now() - t < 180_000) {
    try {
      if ((await fetch(`http://127.0.0.1:${base}/health/ready`)).status === 200) {
        ms = performance.now() - t;
        break;
      }
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  // Wait for the banner (every service ready), then read each service's peak resident memory.
  while (!exited && !out.includes('thidua đang chạy') && performance.now() - t < 180_000) await new Promise((r) => setTimeout(r, 50));
  let peaks = '';
  try {
    peaks = execSync(
      `for p in $(pgrep -g ${child.pid} -f 'dist/apps/'); do n=$(tr '\\0' ' ' < /proc/$p/cmdline | sed 's|.*dist/apps/\\([a-z-]*\\)/.*|\\1|'); echo "$n $(awk '/VmHWM/{printf "%d", $2/1024}' /proc/$p/status)"; done`,
      { shell: '/bin/bash' },
    )
      .toString()
      .trim()
      .split('\n')
      .map((l) => `${l} MiB`)
      .join(', ');
  } catch {
    peaks = '';
  }
  try {
    process.kill(-(child.pid as number), 'SIGINT');
  } catch {
    // gone
  }
  await new Promise((r) => (exited ? r(null) : child.on('exit', r)));
  if (!Number.isFinite(ms)) peaks = `did not get ready: ${out.slice(-500)}`;
  // npm start bundles what is stale first: say so, the figure then includes a build.
  const built = /Đã build ([^(]+)\(/.exec(out)?.[1]?.trim();
  return { label: built ? `${label}, with a build` : label, ms, peaks: built ? `built first: ${built}; ${peaks}` : peaks };
}

async function startFigures(): Promise<StartFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-start-'));
  try {
    // npm start builds what is stale first; the figures below are for a built tree.
    return [await npmStart('first start (fresh data: migrations, presets, admin)', dir, 4100), await npmStart('next start (data there)', dir, 4100)];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ─── the table ───────────────────────────────────────────────────────────────────────────────────────────────────────

function printTable(rows: Row[], header: string[]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (i === 0 ? r.label : (r.cells[i - 1] ?? '')).length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line([r.label, ...r.cells]));
  for (const r of rows) if (r.note) console.log(`  ${r.label}: ${r.note}`);
}

const sqlText = (m: Map<string, number>) =>
  `${[...m.values()].reduce((a, b) => a + b, 0)} (${[...m.entries()]
    .sort()
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')})`;

export async function provinceFigures(db: DatabaseKind, sizes: number[]): Promise<void> {
  installSqlCounter();
  // npm start first, while nothing else of the bench runs.
  // BENCH_NPM_START=0 leaves it out (a run about the rest of the table).
  const start = process.env.BENCH_SEED_ONLY || process.env.BENCH_NPM_START === '0' ? [] : await startFigures();
  for (const st of start) console.log(`npm start to ready, ${st.label}: ${Number.isFinite(st.ms) ? `${(st.ms / 1000).toFixed(1)} s` : 'not ready'}; ${st.peaks}`);
  const t0 = performance.now();
  const p = await startProvince(db);
  console.log(`province: participants, scoring, awards, reporting and the gateway in this process on ${db}, presets loaded, in ${msf(performance.now() - t0)}; load ${load()}`);
  const bySize: SizeFigures[] = [];
  try {
    const lead = await p.stack.token('LEAD_AGENCY', undefined, { subject: 'bench-lead' });
    for (const y of [YEAR - 1, YEAR, IMPORT_YEAR]) p.frameworks.set(y, await framework(p, y, lead));
    for (const [i, size] of sizes.entries()) {
      const copy = i > 0 && process.env.BENCH_FILL === 'copy';
      const g = copy ? await copyFill(p, size, sizes[0] as number) : await grow(p, size);
      const seeding = copy
        ? `+${g.units} wards through OrgUnitService, their 2 × ${g.units} assessments copied from the first ${sizes[0]} in SQL (BENCH_FILL=copy), ${(g.ms / 1000).toFixed(1)} s`
        : `${g.units} wards + ${2 * g.units} published assessments through the services in ${(g.ms / 1000).toFixed(1)} s, ${((g.writes / g.ms) * 1000).toFixed(0)} writes/s`;
      console.log(`seeded to ${size} units: ${seeding}; load ${load()}`);
      if (process.env.BENCH_SEED_ONLY) continue; // profiling the seeding alone
      const big = size >= 5000;
      const f = await measureSize(p, size, big ? 30 : 60, 10, big ? 10 : 20);
      f.seeding = seeding;
      const pair = REPORT_PAIRS[Math.min(i, REPORT_PAIRS.length - 1)] as [string, string];
      // Only two pairs of definitions: the sizes between the first and the last share none.
      if (i === 0 || i === sizes.length - 1) f.reports = await reports(p, pair);
      // Last: it writes only IMPORT_YEAR, which nothing above reads.
      f.bulkImport = await bulkImport(p, lead, i);
      f.rss = process.resourceUsage().maxRSS / 1024;
      bySize.push(f);
      // The table so far: a long run shows its first size's figures before the next size is written.
      printTable(tableRows(bySize, start), ['figure', ...bySize.map((x) => `${x.size.toLocaleString('en')} units`), 'goal']);
    }
  } finally {
    await p.stack.close();
  }
}

function tableRows(bySize: SizeFigures[], start: StartFigure[]): Row[] {
  const per = (fn: (f: SizeFigures) => string) => bySize.map(fn);
  const lane = (s: ReturnType<typeof pStats>) => `${msf(s.p50)} / ${msf(s.p95)} / ${msf(s.p99)}`;
  const report = (k: number) =>
    per((f) => {
      const r = f.reports?.[k];
      if (!r) return '—';
      return Number.isFinite(r.ms) && r.status === 'SUCCEEDED' ? `${(r.ms / 1000).toFixed(1)} s (${r.documents})` : `${r.status}${r.error ? `: ${r.error}` : ''}`;
    });
  return [
    { label: `L0 one SQL query, page of ${PAGE} (p50 / p95 / p99)`, cells: [...per((f) => lane(f.l0)), 'the physical limit'] },
    { label: 'L1 scoring subgraph directly', cells: [...per((f) => lane(f.l1)), ''] },
    { label: 'L2 through the gateway, with unit names', cells: [...per((f) => lane(f.l2)), ''] },
    { label: 'L2 / L0 (p50)', cells: [...per((f) => `${f1(f.l2.p50 / f.l0.p50)}×`), '≤ 3× at 1,000'] },
    { label: 'L2 / L1 (p50)', cells: [...per((f) => `${(f.l2.p50 / f.l1.p50).toFixed(2)}×`), '≤ 1.3×'] },
    { label: 'SQL statements per request, L1', cells: [...per((f) => sqlText(f.sqlL1)), 'same at every size'] },
    { label: 'SQL statements per request, L2', cells: [...per((f) => sqlText(f.sqlL2)), 'same at every size'] },
    {
      label: 'L2 at 20 req/s offered, open loop (p50 / p95 / p99)',
      cells: [...per((f) => `${lane(f.open.stats)} (${f.open.achieved.toFixed(1)} req/s served${f.open.errors ? `, ${f.open.errors} errors` : ''})`), 'p99 ≤ 80 ms'],
    },
    { label: 'every page through the gateway (p50 / p95 / p99)', cells: [...per((f) => `${lane(f.all.stats)} (${f.all.pages} pages)`), 'all 10,000: p99 ≤ 500 ms'] },
    {
      label: 'bulk import of the scores, end to end',
      cells: [...per((f) => importCell(f.bulkImport)), '10,000 units × 50 indicators ≤ 60 s'],
      note: `every ward's self-assessment of ${IMPORT_YEAR} from one workbook (a row per ward × indicator, the template's layout, a value in every row), uploaded to the gateway's /files, startScoreImport through the gateway, scoreImport polled every 250 ms until DONE; timed from the upload to DONE (building the workbook: ${per((f) => (f.bulkImport ? `${(f.bulkImport.buildMs / 1000).toFixed(1)} s` : '—')).join(', ')})`,
    },
    { label: 'seeding through the services (setup)', cells: [...per((f) => f.seeding ?? ''), ''] },
    { label: 'city summary end to end, in-process jobs', cells: [...report(0), '10,000 units ≤ 15 s'] },
    { label: 'city summary end to end, BullMQ', cells: [...report(1), '10,000 units ≤ 15 s'] },
    { label: 'peak RSS, the bench process (all services)', cells: [...per((f) => `${(f.rss ?? 0).toFixed(0)} MiB`), ''] },
    ...start.map((st) => ({
      label: `npm start to ready, ${st.label}`,
      cells: [...bySize.map((_, i) => (i === 0 ? (Number.isFinite(st.ms) ? `${(st.ms / 1000).toFixed(1)} s` : 'not ready') : '')), '≤ 10 s'],
      note: st.peaks ? `peak RSS per process at ready (VmHWM): ${st.peaks}` : undefined,
    })),
    { label: 'load average (1 / 5 / 15 min) before → after', cells: [...per((f) => `${f.loadBefore} → ${f.loadAfter}`), ''] },
  ];
}
