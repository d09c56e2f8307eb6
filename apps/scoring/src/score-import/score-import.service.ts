import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { AuditEntry, recordAudit, snapshot, todayInVietnam, type Database, type FileStore, type Viewer } from '@thidua/platform';
import { SCORING_JOBS, type JobRunner, type OpenWork } from '@thidua/jobs';
import { In, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { Assessment, IndicatorScore, ScoringPeriod } from '../assessment/assessment.entity';
import { assessmentError } from '../assessment/assessment.errors';
import { scopeOf, selfAssessingRefusal, verifiedPointsRefusal, type AssessmentService, type Scope } from '../assessment/assessment.service';
import { totals, type RuledIndicator } from '../assessment/scoring.rules';
import { looseKey } from '../framework/framework.excel';
import type { FrameworkService } from '../framework/framework.service';
import { bulkTemplate, readBulk, type BulkIssue, type BulkRow, type TemplateRow, type UnitKey } from './score-import.excel';
import { ScoreImport, ScoreImportError, type ScoreImportKind } from './score-import.entity';
import { scoreImportError } from './score-import.errors';
import { yieldToEventLoop } from './xlsx-lite';

/**
 * Units written per transaction: big enough to amortise the commit, small enough to keep a lock short and, on SQLite
 * (whose driver never waits on I/O), to let the service answer other requests between batches within a fraction of a
 * second: 200 units × 50 indicators take about 0.4 s here (10,000 × 50 in process, SQLite: batches of 100 wrote in
 * 19.3 s, of 200 in 18.8 s, of 400 in 16.4 s).
 */
const UNITS_PER_BATCH = 200;
/** Rows per INSERT statement (SQLite allows 32,766 parameters per statement). */
const ROWS_PER_INSERT = 500;
/** Errors kept per import: beyond that the list would help nobody; the count stays exact. */
const MAX_STORED_ERRORS = 50_000;
/** An audit row's JSON stays well under MariaDB's TEXT (64 KB): a unit's changes are split when larger. */
const AUDIT_CHUNK_CHARS = 24_000;

/** A unit of the file: its assessment, its rows and what is wrong with them. */
interface UnitWork {
  assessment: Assessment;
  rows: BulkRow[];
  issues: BulkIssue[];
}

/** A file to import: a campaign's year, which scores, the bytes (.xlsx bulk workbook or .zip of per-unit sheets). */
export interface ScoreImportInput {
  campaignId: string;
  year: number;
  kind: ScoreImportKind;
  fileName: string;
  bytes: Buffer;
}

/** One error as stored and shown. */
type Issue = Omit<ScoreImportError, 'id' | 'importId' | 'seq'>;

/** Parameters per statement (SQLite allows 32,766). */
const PARAMS_PER_STATEMENT = 10_000;

/**
 * INSERT many rows in few statements, values prepared by the driver as TypeORM would (JSON, dates); built here
 * because TypeORM's insert builder spends most of the import's time naming parameters.
 */
async function insertRows(m: EntityManager, target: EntityTarget<ObjectLiteral>, rows: ObjectLiteral[]): Promise<void> {
  if (!rows.length) return;
  const meta = m.connection.getMetadata(target);
  const driver = m.connection.driver;
  const columns = meta.columns;
  const head = `INSERT INTO ${driver.escape(meta.tableName)} (${columns.map((c) => driver.escape(c.databaseName)).join(', ')}) VALUES `;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  // Plain values go as they are, JSON is written as TypeORM writes simple-json; the driver prepares the rest (dates).
  const prepare = columns.map((c): ((v: unknown) => unknown) => {
    if (c.transformer || c.embeddedMetadata) return (v) => driver.preparePersistentValue(v, c);
    if (c.type === 'simple-json') return (v) => (v === null || v === undefined ? null : JSON.stringify(v));
    if (c.type === 'varchar' || c.type === 'text' || c.type === 'int' || c.type === 'double') return (v) => v ?? null;
    return (v) => driver.preparePersistentValue(v, c);
  });
  const props = columns.map((c) => c.propertyName);
  for (const part of chunks(rows, Math.max(1, Math.floor(PARAMS_PER_STATEMENT / columns.length)))) {
    const params: unknown[] = [];
    for (const row of part) for (let i = 0; i < props.length; i++) params.push((prepare[i] as (v: unknown) => unknown)(row[props[i] as string]));
    await m.query(head + part.map(() => tuple).join(', '), params);
  }
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The lead agency's bulk import of every unit's scores of a campaign's year (R24), as a background job: the same
 * checks as the per-unit paths (AssessmentService.checkRows, the self-assessment window, the verification rules), all
 * or nothing per unit, batched writes (no statement per score), one audit row per unit's change.
 */
export class ScoreImportService {
  /** Set at boot (in-process or BullMQ); without it imports run only when `run` is called. */
  jobs: JobRunner | null = null;

  constructor(
    private readonly db: Database,
    private readonly frameworks: FrameworkService,
    private readonly assessments: AssessmentService,
    private readonly store: FileStore,
  ) {}

  async byIds(ids: readonly string[]): Promise<ScoreImport[]> {
    return ids.length ? this.db.manager.find(ScoreImport, { where: { id: In([...ids]) } }) : [];
  }

  async list(campaignId: string, year?: number | null): Promise<ScoreImport[]> {
    return this.db.manager.find(ScoreImport, { where: { campaignId, ...(year ? { year } : {}) }, order: { createdAt: 'DESC' }, take: 50 });
  }

  async errorsOf(importId: string, first: number, offset: number): Promise<ScoreImportError[]> {
    return this.db.manager.find(ScoreImportError, { where: { importId }, order: { seq: 'ASC' }, take: first, skip: offset });
  }

  /** Store the file, record the import and queue it; the job does the rest. */
  async start(input: ScoreImportInput, viewer: Viewer): Promise<ScoreImport> {
    const created = await this.create(input, viewer);
    await this.jobs?.enqueue(SCORING_JOBS.importScores, { importId: created.id }, { jobId: `score-import.${created.id}` });
    return created;
  }

  /** Record and run an import in this call, without the queue (benchmarks, scripts): the finished import. */
  async importNow(input: ScoreImportInput, viewer: Viewer, progress?: (percent: number) => Promise<void>): Promise<ScoreImport> {
    return this.run((await this.create(input, viewer)).id, progress);
  }

  private async create(input: ScoreImportInput, viewer: Viewer): Promise<ScoreImport> {
    if (!input.bytes.length) throw scoreImportError('SCORE_IMPORT_FILE_EMPTY');
    const sha256 = await this.store.put(input.bytes);
    return this.db.transaction(async (m) => {
      const row = m.create(ScoreImport, {
        id: randomUUID(),
        campaignId: input.campaignId,
        year: input.year,
        kind: input.kind,
        fileName: input.fileName.slice(0, 255),
        fileSha256: sha256,
        status: 'QUEUED',
        progress: 0,
        unitsTotal: 0,
        unitsImported: 0,
        unitsRejected: 0,
        rowsTotal: 0,
        rowsImported: 0,
        errorCount: 0,
        failure: null,
        actorId: viewer.userId ?? 'unknown',
        actorRoles: viewer.roles.join(','),
        actorUnitId: viewer.orgUnitId ?? null,
        createdAt: new Date(),
        finishedAt: null,
      });
      await m.save(row);
      await recordAudit(m, { entityType: 'ScoreImport', entityId: row.id, action: 'create', after: row });
      return row;
    });
  }

  /** Imports still queued or running, with their jobs: queued again after a restart, or when Redis has lost them. */
  openWork(): OpenWork<{ importId: string }> {
    return {
      job: SCORING_JOBS.importScores,
      open: async () =>
        (await this.db.manager.find(ScoreImport, { where: { status: In(['QUEUED', 'RUNNING']) }, select: { id: true } })).map((i) => ({ jobId: `score-import.${i.id}`, payload: { importId: i.id } })),
    };
  }

  async markFailed(importId: string, error: string): Promise<void> {
    await this.db.manager.update(ScoreImport, { id: importId, status: In(['QUEUED', 'RUNNING']) }, { status: 'FAILED', failure: error.slice(0, 2000), finishedAt: new Date() });
  }

  private async setProgress(id: string, patch: Partial<ScoreImport>, progress?: (p: number) => Promise<void>): Promise<void> {
    await this.db.manager.update(ScoreImport, { id }, patch);
    if (patch.progress !== undefined) await progress?.(patch.progress);
  }

  /**
   * Run an import: read the file, check every unit as the per-unit paths do, write the good units in batches.
   * Safe to run again (a retry): units already written are written again with the same values, or skipped.
   */
  async run(importId: string, progress?: (percent: number) => Promise<void>): Promise<ScoreImport> {
    const imp = await this.db.manager.findOne(ScoreImport, { where: { id: importId } });
    if (!imp) throw scoreImportError('SCORE_IMPORT_NOT_FOUND', { id: importId });
    if (imp.status === 'DONE' || imp.status === 'FAILED') return imp;
    await this.db.manager.delete(ScoreImportError, { importId });
    await this.setProgress(importId, { status: 'RUNNING', progress: 1 }, progress);

    // Reading is the first 30%; the event loop runs between chunks, so the service keeps answering meanwhile.
    let shown = 1;
    const parsed = await readBulk(imp.kind, await readFile(this.store.pathOf(imp.fileSha256)), undefined, async (fraction) => {
      const next = Math.min(29, 1 + Math.floor(fraction * 29));
      if (next > shown) await this.setProgress(importId, { progress: (shown = next) }, progress);
    });
    await this.setProgress(importId, { progress: 30 }, progress);

    const assessments = await this.db.manager.find(Assessment, { where: { campaignId: imp.campaignId, year: imp.year } });
    const byId = new Map(assessments.map((a) => [a.id, a]));
    const byName = new Map<string, Assessment[]>();
    for (const a of assessments) byName.set(looseKey(a.unitName), [...(byName.get(looseKey(a.unitName)) ?? []), a]);
    const periodIds = [...new Set(assessments.map((a) => a.periodId))];
    const periods = new Map((periodIds.length ? await this.db.manager.find(ScoringPeriod, { where: { id: In(periodIds) } }) : []).map((p) => [p.id, p]));
    const trees = new Map(await Promise.all([...new Set(assessments.map((a) => a.frameworkId))].map(async (id) => [id, await this.frameworks.tree(id)] as const)));
    const scopes = new Map<string, Scope>();
    const scope = (a: Assessment): Scope => {
      const key = `${a.frameworkId}|${a.unitKind}`;
      let s = scopes.get(key);
      if (!s) scopes.set(key, (s = scopeOf(trees.get(a.frameworkId) as NonNullable<ReturnType<typeof trees.get>>, a)));
      return { ...s, assessment: a };
    };

    // Which unit each row is about; rows of a unit not in the campaign's year are reported and go nowhere.
    const fileIssues: Issue[] = [];
    const units = new Map<string, UnitWork>();
    const unitOf = (key: UnitKey, where: { sheet: string | null; row: number | null }): Assessment | null => {
      if (key.assessmentId) {
        const a = byId.get(key.assessmentId);
        if (a) return a;
        fileIssues.push(issue(null, key.unitName, where, 'Mã phiếu', 'UNIT_NOT_FOUND', `"Mã phiếu" ${key.assessmentId} không phải phiếu đánh giá nào của phong trào trong năm ${imp.year}.`));
        return null;
      }
      const found = byName.get(looseKey(key.unitName ?? '')) ?? [];
      if (found.length === 1) return found[0] as Assessment;
      fileIssues.push(
        found.length
          ? issue(null, key.unitName, where, 'Đơn vị', 'UNIT_AMBIGUOUS', `có ${found.length} đơn vị tên "${key.unitName}"; hãy ghi "Mã phiếu" của đơn vị.`)
          : issue(null, key.unitName, where, 'Đơn vị', 'UNIT_NOT_FOUND', `không có đơn vị "${key.unitName}" trong các phiếu đánh giá năm ${imp.year} của phong trào.`),
      );
      return null;
    };
    const work = (a: Assessment): UnitWork => {
      let w = units.get(a.id);
      if (!w) units.set(a.id, (w = { assessment: a, rows: [], issues: [] }));
      return w;
    };
    for (const i of parsed.issues) {
      if (!i.assessmentId && !i.unitName) {
        fileIssues.push({ unitId: null, unitName: null, sheet: i.sheet, row: i.row, column: i.column, code: i.code, message: i.message });
        continue;
      }
      const a = unitOf(i, i);
      if (a) work(a).issues.push(i);
    }
    for (const r of parsed.rows) {
      const a = unitOf(r, r);
      if (a) work(a).rows.push(r);
    }

    const today = todayInVietnam();
    const actor = { actorId: imp.actorId, actorRoles: imp.actorRoles, actorUnitId: imp.actorUnitId };
    const unitIssues: Issue[] = [];
    let imported = 0;
    let rejected = 0;
    let rowsImported = 0;
    const all = [...units.values()];
    let done = 0;
    for (const batch of chunks(all, UNITS_PER_BATCH)) {
      const ids = batch.map((u) => u.assessment.id);
      const existing = new Map<string, Map<string, IndicatorScore>>();
      for (const part of chunks(ids, ROWS_PER_INSERT)) {
        for (const s of await this.db.manager.find(IndicatorScore, { where: { assessmentId: In(part) } })) {
          let m = existing.get(s.assessmentId);
          if (!m) existing.set(s.assessmentId, (m = new Map()));
          m.set(s.indicatorId, s);
        }
      }
      const ready: Array<{ u: UnitWork; scores: IndicatorScore[]; changed: IndicatorScore[]; before: Map<string, IndicatorScore>; total: number; scope: Scope }> = [];
      for (const u of batch) {
        const a = u.assessment;
        const problems: Issue[] = u.issues.map((i) => ({ unitId: a.unitId, unitName: a.unitName, sheet: i.sheet, row: i.row, column: i.column, code: i.code, message: i.message }));
        const s = scope(a);
        const before = existing.get(a.id) ?? new Map<string, IndicatorScore>();
        const refusal = imp.kind === 'SELF_ASSESSMENT' ? selfAssessingRefusal(a, periods.get(a.periodId), today) : a.status !== 'SUBMITTED' ? assessmentError('ASSESSMENT_NOT_EDITABLE', { status: a.status }) : null;
        if (refusal) problems.push({ unitId: a.unitId, unitName: a.unitName, sheet: u.rows[0]?.sheet ?? null, row: null, column: null, code: refusal.code, message: `${a.unitName}: ${refusal.message}` });
        const sheetVersion = parsed.versions.get(a.id);
        if (sheetVersion !== undefined && sheetVersion !== a.version) {
          problems.push({ unitId: a.unitId, unitName: a.unitName, sheet: u.rows[0]?.sheet ?? null, row: null, column: 'Phiên bản', code: 'SHEET_OUTDATED', message: `${a.unitName}: ${assessmentError('SHEET_OUTDATED').message}` });
        }
        const after = new Map(before);
        const changed: IndicatorScore[] = [];
        // The unit's rows checked as the per-unit paths check them (one call per unit).
        const checked = imp.kind === 'SELF_ASSESSMENT' ? this.assessments.checkRows(s, u.rows.map((r) => ({ code: r.code, value: r.value, note: r.note, rowNumber: r.row }))) : null;
        const rowErrors = new Map((checked?.errors ?? []).map((e) => [`${e.row}|${e.code}`, e]));
        for (const r of u.rows) {
          const where = { sheet: r.sheet, row: r.row };
          let next: IndicatorScore | null = null;
          const prev = after.get(s.byCode.get(r.code)?.id ?? '');
          if (imp.kind === 'SELF_ASSESSMENT') {
            const e = rowErrors.get(`${r.row}|${r.code}`);
            if (e) {
              problems.push(issue(a, null, where, e.errorCode === 'INDICATOR_NOT_FOUND' || e.errorCode === 'INDICATOR_NOT_APPLICABLE' ? 'Mã chỉ số' : null, e.errorCode ?? 'SCORE_INVALID', e.message));
              continue;
            }
            const ind = s.byCode.get(r.code) as RuledIndicator;
            next = {
              id: prev?.id ?? randomUUID(),
              assessmentId: a.id,
              indicatorId: ind.id,
              selfValue: r.value,
              selfPoints: checked?.points.get(ind.id) ?? 0,
              evidenceFileIds: prev?.evidenceFileIds ?? [],
              note: r.note,
              verifiedPoints: prev?.verifiedPoints ?? null,
              adjustmentReason: prev?.adjustmentReason ?? null,
              verifiedBy: prev?.verifiedBy ?? null,
            };
            if (prev && sameJson(prev.selfValue, next.selfValue) && prev.selfPoints === next.selfPoints && prev.note === next.note) next = null;
          } else {
            const ind = s.byCode.get(r.code);
            if (!ind || !ind.applicable) {
              const code = ind ? 'INDICATOR_NOT_APPLICABLE' : 'INDICATOR_NOT_FOUND';
              problems.push(issue(a, null, where, 'Mã chỉ số', code, `chỉ số ${r.code} ${ind ? 'không áp dụng cho đơn vị' : 'không có trong bộ chỉ số'}.`));
              continue;
            }
            const points = r.verifiedPoints as number;
            const refused = verifiedPointsRefusal(ind, points, prev?.selfPoints, r.reason);
            if (refused) {
              problems.push(issue(a, null, where, refused.code === 'ADJUSTMENT_REASON_REQUIRED' ? 'Lý do điều chỉnh' : 'Điểm thẩm định', refused.code, refused.code === 'ADJUSTMENT_REASON_REQUIRED' ? `${refused.message} (điểm tự chấm ${prev?.selfPoints ?? 0}, điểm thẩm định ${points}).` : refused.message));
              continue;
            }
            next = {
              ...(prev ?? { id: randomUUID(), assessmentId: a.id, indicatorId: ind.id, selfValue: null, selfPoints: null, evidenceFileIds: [], note: null }),
              verifiedPoints: points,
              adjustmentReason: r.reason,
              verifiedBy: imp.actorId,
            } as IndicatorScore;
            if (prev && prev.verifiedPoints === next.verifiedPoints && prev.adjustmentReason === next.adjustmentReason) next = null;
          }
          if (next) {
            after.set(next.indicatorId, next);
            changed.push(next);
          }
        }
        if (problems.length) {
          unitIssues.push(...problems);
          rejected++;
          continue;
        }
        if (!changed.length) {
          // Nothing differs from what is recorded (a file imported twice): the unit is in, nothing is written.
          imported++;
          rowsImported += u.rows.length;
          continue;
        }
        const points = new Map([...after.values()].map((x) => [x.indicatorId, imp.kind === 'SELF_ASSESSMENT' ? x.selfPoints : (x.verifiedPoints ?? x.selfPoints)]));
        ready.push({ u, scores: [...after.values()], changed, before, total: totals(s.indicators, points).total, scope: s });
      }

      if (ready.length) {
        const conflicts = await this.db.transaction(async (m) => {
          const lost = new Set<string>();
          const q = (name: string) => m.connection.driver.escape(name);
          const total = q(imp.kind === 'SELF_ASSESSMENT' ? 'self_total' : 'verified_total');
          const claim = `UPDATE ${q('assessment')} SET ${total} = ?, ${q('version')} = ${q('version')} + 1 WHERE ${q('id')} = ? AND ${q('version')} = ?`;
          for (const x of ready) {
            const a = x.u.assessment;
            // The version read at the start: a unit changed meanwhile (through the API or another import) is not overwritten.
            const res = await (m.queryRunner as NonNullable<EntityManager['queryRunner']>).query(claim, [x.total, a.id, a.version], true);
            if (!res.affected) lost.add(a.id);
          }
          const written = ready.filter((x) => !lost.has(x.u.assessment.id));
          const replaced = written.flatMap((x) => x.changed.filter((c) => x.before.has(c.indicatorId)).map((c) => c.id));
          for (const part of chunks(replaced, ROWS_PER_INSERT)) await m.query(`DELETE FROM ${q('indicator_score')} WHERE ${q('id')} IN (${part.map(() => '?').join(', ')})`, part);
          await insertRows(m, IndicatorScore, written.flatMap((x) => x.changed));
          await insertRows(m, AuditEntry, written.flatMap((x) => auditRows(imp, x.u.assessment, x.scope, x.before, x.changed, x.total, actor)));
          return lost;
        });
        for (const x of ready) {
          const a = x.u.assessment;
          if (conflicts.has(a.id)) {
            rejected++;
            unitIssues.push({ unitId: a.unitId, unitName: a.unitName, sheet: x.u.rows[0]?.sheet ?? null, row: null, column: null, code: 'ASSESSMENT_CHANGED', message: `${a.unitName}: phiếu đánh giá vừa được thay đổi trong khi nhập; đơn vị này chưa được nhập, hãy nhập lại.` });
          } else {
            imported++;
            rowsImported += x.u.rows.length;
          }
        }
      }
      done += batch.length;
      await this.setProgress(importId, { progress: Math.min(99, 30 + Math.floor((done / Math.max(1, all.length)) * 69)), unitsImported: imported, unitsRejected: rejected }, progress);
      // An embedded database answers without I/O: without this the service would answer nobody until the import ends.
      await yieldToEventLoop();
    }

    const issues = [...unitIssues, ...fileIssues];
    const ordered = issues
      .map((i, n) => ({ i, n }))
      .sort((x, y) => (x.i.unitName ?? '\uffff').localeCompare(y.i.unitName ?? '\uffff', 'vi') || (x.i.sheet ?? '').localeCompare(y.i.sheet ?? '') || (x.i.row ?? 0) - (y.i.row ?? 0) || x.n - y.n)
      .slice(0, MAX_STORED_ERRORS)
      .map(({ i }, seq) => ({ id: randomUUID(), importId, seq, ...i, message: i.message.slice(0, 2000) }));
    const finished = await this.db.transaction(async (m) => {
      await insertRows(m, ScoreImportError, ordered);
      await m.update(ScoreImport, { id: importId }, {
        status: 'DONE',
        progress: 100,
        unitsTotal: units.size,
        unitsImported: imported,
        unitsRejected: rejected,
        rowsTotal: parsed.rows.length + parsed.issues.filter((i) => i.row !== null).length,
        rowsImported,
        errorCount: issues.length,
        finishedAt: new Date(),
      });
      const after = (await m.findOne(ScoreImport, { where: { id: importId } })) as ScoreImport;
      await insertRows(m, AuditEntry, [{ id: randomUUID(), at: new Date(), ...actor, requestId: null, entityType: 'ScoreImport', entityId: importId, action: 'finish', before: snapshot(imp), after: snapshot(after) }]);
      return after;
    });
    await progress?.(100);
    return finished;
  }

  /** The workbook the lead agency fills: every unit expected (assessments open for that kind of score) × its indicators. */
  async template(campaignId: string, year: number, kind: ScoreImportKind): Promise<Buffer> {
    const status = kind === 'SELF_ASSESSMENT' ? 'SELF_ASSESSING' : 'SUBMITTED';
    const assessments = await this.db.manager.find(Assessment, { where: { campaignId, year, status }, order: { unitName: 'ASC' } });
    const trees = new Map(await Promise.all([...new Set(assessments.map((a) => a.frameworkId))].map(async (id) => [id, await this.frameworks.tree(id)] as const)));
    const db = this.db;
    // The indicators that apply are the same for every unit of a kind under a framework.
    const scopes = new Map<string, Scope>();
    async function* rows(): AsyncGenerator<TemplateRow> {
      let units = 0;
      for (const part of chunks(assessments, 500)) {
        const scores = new Map<string, IndicatorScore>();
        for (const s of await db.manager.find(IndicatorScore, { where: { assessmentId: In(part.map((a) => a.id)) } })) scores.set(`${s.assessmentId}|${s.indicatorId}`, s);
        for (const a of part) {
          // A province's template takes seconds: the service keeps answering meanwhile.
          if (++units % 100 === 0) await yieldToEventLoop();
          const key = `${a.frameworkId}|${a.unitKind}`;
          let s = scopes.get(key);
          if (!s) scopes.set(key, (s = scopeOf(trees.get(a.frameworkId) as NonNullable<ReturnType<typeof trees.get>>, a)));
          for (const ind of s.indicators) {
            const sc = scores.get(`${a.id}|${ind.id}`);
            const full = ind as RuledIndicator & { name?: string };
            yield {
              assessmentId: a.id,
              unitName: a.unitName,
              code: ind.code,
              name: full.name ?? '',
              maxPoints: ind.maxPoints,
              ruleType: ind.ruleType,
              ruleConfig: ind.ruleConfig,
              value: sc?.selfValue ?? null,
              note: sc?.note ?? null,
              selfPoints: sc?.selfPoints ?? null,
              verifiedPoints: sc?.verifiedPoints ?? null,
              reason: sc?.adjustmentReason ?? null,
            };
          }
        }
      }
    }
    return bulkTemplate(kind, year, rows());
  }
}

function issue(a: Assessment | null, unitName: string | null, where: { sheet: string | null; row: number | null }, column: string | null, code: string, message: string): Issue {
  const place = [where.sheet ? `Trang "${where.sheet}"` : null, where.row ? `dòng ${where.row}` : null, column ? `cột "${column}"` : null].filter(Boolean).join(', ');
  // Messages of the shared checks already name the row ("Dòng 7 (chỉ số 1.1): …"); only the sheet is added then.
  const text = /^Dòng \d+/.test(message) ? `${where.sheet ? `Trang "${where.sheet}", ` : ''}${message.charAt(0).toLowerCase()}${message.slice(1)}` : `${place ? `${place}: ` : ''}${message}`;
  return { unitId: a?.unitId ?? null, unitName: a?.unitName ?? unitName, sheet: where.sheet, row: where.row, column, code, message: text };
}

/** One unit's change as audit rows (split so each stays small), attributed to whoever started the import. */
function auditRows(imp: ScoreImport, a: Assessment, scope: Scope, before: Map<string, IndicatorScore>, changed: IndicatorScore[], total: number, actor: { actorId: string; actorRoles: string; actorUnitId: string | null }): Array<Partial<AuditEntry>> {
  const codeOf = new Map(scope.indicators.map((i) => [i.id, i.code]));
  const view = (s: IndicatorScore | undefined) =>
    s ? (imp.kind === 'SELF_ASSESSMENT' ? { selfValue: s.selfValue, selfPoints: s.selfPoints, note: s.note } : { verifiedPoints: s.verifiedPoints, adjustmentReason: s.adjustmentReason, verifiedBy: s.verifiedBy }) : null;
  const action = imp.kind === 'SELF_ASSESSMENT' ? 'import self-assess' : 'import verify';
  const totalKey = imp.kind === 'SELF_ASSESSMENT' ? 'selfTotal' : 'verifiedTotal';
  const out: Array<Partial<AuditEntry>> = [];
  let b: Record<string, unknown> = {};
  let f: Record<string, unknown> = {};
  let size = 0;
  const flush = (last: boolean) => {
    out.push({
      id: randomUUID(),
      at: new Date(),
      ...actor,
      requestId: null,
      entityType: 'Assessment',
      entityId: a.id,
      action,
      before: { importId: imp.id, version: a.version, [totalKey]: a[totalKey], scores: b },
      after: { importId: imp.id, ...(last ? { version: a.version + 1, [totalKey]: total } : {}), scores: f },
    });
    b = {};
    f = {};
    size = 0;
  };
  for (const c of changed) {
    const code = codeOf.get(c.indicatorId) ?? c.indicatorId;
    const pair = [view(before.get(c.indicatorId)), view(c)] as const;
    // Roughly the JSON's length: the fixed part, and the texts a user typed.
    const len = 240 + JSON.stringify(c.selfValue ?? null).length + (c.note?.length ?? 0) + (c.adjustmentReason?.length ?? 0) + (before.get(c.indicatorId)?.note?.length ?? 0) + (before.get(c.indicatorId)?.adjustmentReason?.length ?? 0);
    if (size && size + len > AUDIT_CHUNK_CHARS) flush(false);
    b[code] = pair[0];
    f[code] = pair[1];
    size += len;
  }
  flush(true);
  return out;
}

