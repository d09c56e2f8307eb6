/*
 * How long the lead agency's bulk import takes at province scale: 10,000 units × 50 indicators (500,000 rows) on the
 * embedded SQLite database. Not part of the test suite; run it with
 *   BENCH_UNITS=10000 npx jest -c apps/scoring/jest.config.js --testMatch '<rootDir>/bench/*.bench.ts' --testTimeout 900000
 * It prints the figures (workbook size, template time, import time) and checks the import is complete.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPlatformConfig, type Viewer } from '@thidua/platform';
import { bulkTemplate, startScoring, type RunningScoring, type TemplateRow } from '../src';
import { Assessment } from '../src/assessment/assessment.entity';
import type { FrameworkSpec, RuleType } from '../src/framework/framework.types';

const UNITS = Number(process.env.BENCH_UNITS ?? 10_000);
const GROUPS = 10;
const PER_GROUP = 5;
const YEAR = 2026;
const RULES: RuleType[] = ['YES_NO', 'COUNT_BANDS', 'RATIO', 'MANUAL', 'YES_NO'];

const spec: FrameworkSpec = {
  code: 'BENCH-50',
  name: 'Bộ chỉ số 50 chỉ số (đo hiệu năng)',
  year: YEAR,
  jurisdiction: 'Tỉnh',
  targetLevel: 'COMMUNE',
  appliesToKinds: ['WARD_PC', 'COMMUNE_PC'],
  legalBasis: null,
  isSample: false,
  groups: Array.from({ length: GROUPS }, (_, g) => ({
    code: String(g + 1),
    name: `Nhóm ${g + 1}`,
    kind: 'NORMAL' as const,
    groups: [],
    indicators: RULES.map((ruleType, i) => ({
      code: `${g + 1}.${i + 1}`,
      name: `Chỉ số ${g + 1}.${i + 1}`,
      maxPoints: 20,
      ruleType,
      ruleConfig: ruleType === 'COUNT_BANDS' ? { bands: [{ min: 1, points: 10 }, { min: 3, points: 20 }] } : {},
      evidence: null,
      dataSource: null,
      verifyingUnit: null,
      appliesToKinds: null,
    })),
  })),
};

describe('bulk score import at province scale', () => {
  let scoring: RunningScoring;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'thidua-bench-'));
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dataDir, LOAD_PRESETS: 'false', REDIS_URL: '', HOST: '127.0.0.1' };
    delete env.DATABASE_URL;
    scoring = await startScoring(loadPlatformConfig('scoring', 0, env), env);
  });
  afterAll(async () => {
    await scoring?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(`imports ${UNITS} units × ${GROUPS * PER_GROUP} indicators`, async () => {
    const s = scoring.services;
    const framework = await s.frameworks.create(spec);
    await s.frameworks.publish(framework.id);
    const campaignId = randomUUID();
    const period = await s.assessments.openPeriod(campaignId, YEAR, '2000-01-01', '2100-12-31');
    const units = Array.from({ length: UNITS }, (_, n) => ({ id: randomUUID(), unitId: randomUUID(), name: `UBND xã Số ${String(n + 1).padStart(5, '0')}` }));
    for (let i = 0; i < units.length; i += 500) {
      await s.db.manager
        .createQueryBuilder()
        .insert()
        .into(Assessment)
        .values(
          units.slice(i, i + 500).map((u) => ({
            id: u.id,
            campaignId,
            periodId: period.id,
            unitId: u.unitId,
            unitKind: 'COMMUNE_PC' as const,
            unitName: u.name,
            frameworkId: framework.id,
            year: YEAR,
            status: 'SELF_ASSESSING' as const,
            reopenedUntil: null,
            maxPoints: 1000,
            selfTotal: 0,
            verifiedTotal: null,
            submittedAt: null,
            verifiedAt: null,
            publishedAt: null,
            version: 1,
          })),
        )
        .updateEntity(false)
        .execute();
    }

    // The template the lead agency downloads (every unit × indicator, nothing filled yet).
    let t0 = Date.now();
    const template = await s.scoreImports.template(campaignId, YEAR, 'SELF_ASSESSMENT');
    const templateMs = Date.now() - t0;

    // The filled workbook: the same layout, a value in every row (as bulkTemplate writes it).
    const indicators = spec.groups.flatMap((g) => g.indicators);
    function* filled(): Generator<TemplateRow> {
      for (const [n, u] of units.entries()) {
        for (const ind of indicators) {
          const value = ind.ruleType === 'YES_NO' ? { yes: n % 2 === 0 } : ind.ruleType === 'COUNT_BANDS' ? { count: n % 5 } : ind.ruleType === 'RATIO' ? { numerator: n % 7, denominator: 7 } : { points: n % 21 };
          yield { assessmentId: u.id, unitName: u.name, code: ind.code, name: ind.name, maxPoints: ind.maxPoints, ruleType: ind.ruleType, ruleConfig: ind.ruleConfig, value, note: null, selfPoints: null, verifiedPoints: null, reason: null };
        }
      }
    }
    t0 = Date.now();
    const workbook = await bulkTemplate('SELF_ASSESSMENT', YEAR, filled());
    const writeMs = Date.now() - t0;

    const viewer = { userId: 'bench', roles: ['LEAD_AGENCY'], orgUnitId: null, anonymous: false } as unknown as Viewer;
    const marks: string[] = [];
    // CPU time beside wall time: on a machine shared with other work the wall time says more about the neighbours.
    const cpu0 = process.cpuUsage();
    t0 = Date.now();
    const done = await s.scoreImports.importNow({ campaignId, year: YEAR, kind: 'SELF_ASSESSMENT', fileName: 'bench.xlsx', bytes: workbook }, viewer, async (p) => {
      marks.push(`${p}%@${((Date.now() - t0) / 1000).toFixed(1)}s`);
    });
    const importMs = Date.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    process.stdout.write(
      `\nbulk score import: ${UNITS} units × ${indicators.length} indicators = ${UNITS * indicators.length} rows\n` +
        `  template ${(template.length / 1e6).toFixed(1)} MB in ${(templateMs / 1000).toFixed(1)} s; filled workbook ${(workbook.length / 1e6).toFixed(1)} MB written in ${(writeMs / 1000).toFixed(1)} s\n` +
        `  import ${(importMs / 1000).toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU (${done.unitsImported} units, ${done.rowsImported} rows, ${done.errorCount} errors)\n` +
        `  progress ${marks.join(' ')}\n`,
    );
    expect(done).toMatchObject({ status: 'DONE', unitsImported: UNITS, unitsRejected: 0, errorCount: 0, rowsImported: UNITS * indicators.length });
  });
});
