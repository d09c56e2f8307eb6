import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { GraphClient } from '@thidua/graph-client';
import { REPORTING_JOBS, type JobContext, type JobRunner, type OpenWork } from '@thidua/jobs';
import { FileStore, isUniqueViolation, platformError, recordAudit, todayInVietnam, type Database } from '@thidua/platform';
import { fileSlug } from '@thidua/documents';
import { CronExpressionParser } from 'cron-parser';
import { Kind, parse, print, type OperationDefinitionNode } from 'graphql';
import type { Logger } from 'pino';
import { In, type EntityManager } from 'typeorm';
import { CampaignYearsDocument } from '../generated/graph';
import { ReportDefinition, ReportDocument, ReportRun, ReportSchedule } from './report.entity';
import { reportError } from './report.errors';
import { appendPage, inOrderPool, nextCursor, pageInfoOf } from './report.rules';
import { DOCX_MIME, renderDocx, renderXlsx, XLSX_MIME } from './report.render';
import { TEMPLATES } from './report.templates';

/** Plain objects are merged key by key; anything else: the later answer wins. */
function merge(a: unknown, b: unknown): unknown {
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const out: Record<string, unknown> = { ...(a as Record<string, unknown>) };
    for (const [k, v] of Object.entries(b as Record<string, unknown>)) out[k] = k in out ? merge(out[k], v) : v;
    return out;
  }
  return b ?? a;
}

/** How many of a definition's operations are asked at the same time, unless configured (REPORT_OPERATIONS_CONCURRENCY). */
export const DEFAULT_OPERATIONS_CONCURRENCY = 4;

export interface RunOperationsOptions {
  /** How many operations are asked at the same time; the pages of one operation follow each other. */
  concurrency?: number;
  /** After each operation's answer is complete (every page): how many of how many; called one at a time, `done` rising. */
  onAnswered?: (done: number, total: number) => Promise<void> | void;
}

/** One operation's answer: asked once, or, when it declares `$after`, page after page while its connection has more. */
async function askOperation(graph: GraphClient, op: OperationDefinitionNode, variables: Record<string, unknown>): Promise<unknown> {
  const declared = new Set((op.variableDefinitions ?? []).map((v) => v.variable.name.value));
  const own = Object.fromEntries(Object.entries(variables).filter(([k]) => declared.has(k)));
  const query = print(op);
  if (!declared.has('after')) return graph.query(query, own);
  let answer: unknown = undefined;
  let after: string | null = null;
  do {
    const page: unknown = await graph.query(query, { ...own, after });
    answer = answer === undefined ? page : appendPage(answer, page);
    after = nextCursor(pageInfoOf(page), after);
  } while (after);
  return answer;
}

/**
 * Run every operation of a definition's document (each within the gateway's limits) and merge the answers. The
 * operations do not depend on each other: up to `concurrency` are asked at the same time, and their answers are merged
 * in the document's order whatever order they arrive in, so the same data gives the same report. An operation
 * declaring `$after` is paged: it is asked again after each page's `endCursor` while its connection `hasNextPage`, and
 * its pages' lists are appended, so a report reads every row whatever the page size. A failing operation fails the
 * run with its error (the earliest in the document, as when they were asked one by one); no further one is started.
 */
export async function runOperations(graph: GraphClient, document: string, variables: Record<string, unknown>, opts: RunOperationsOptions = {}): Promise<unknown> {
  const ops = parse(document).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  let done = 0;
  let reported: Promise<void> = Promise.resolve();
  const answers = await inOrderPool(ops, opts.concurrency ?? DEFAULT_OPERATIONS_CONCURRENCY, async (op) => {
    const answer = await askOperation(graph, op, variables);
    // Reported in the order the answers complete, one call after the other: the count only rises.
    const n = ++done;
    reported = reported.then(() => opts.onAnswered?.(n, ops.length));
    await reported;
    return answer;
  });
  return answers.reduce<unknown>((data, answer) => merge(data, answer), {});
}

/** Report definitions, their schedules and runs (R16), and the documents runs produce (R17). */
export class ReportService {
  /** Set once jobs are wired (the runner needs the handlers, which need this service). */
  jobs: JobRunner | null = null;
  logger: Logger | null = null;
  /** How many of a definition's operations are asked at the same time (REPORT_OPERATIONS_CONCURRENCY). */
  operationsConcurrency = DEFAULT_OPERATIONS_CONCURRENCY;
  /** Check scheduled periods against the campaign's years (off only where no graph is around, in unit tests). */
  periodCheck = true;
  /** Deliveries to the province, written in the transaction that finishes a run and sent after it. */
  outbox: { createFor(m: EntityManager, runId: string): Promise<void>; enqueuePending(runId?: string): Promise<number> } | null = null;

  constructor(
    private readonly db: Database,
    private readonly graph: GraphClient,
    private readonly store: FileStore,
  ) {}

  async definitions(campaignIds?: readonly string[]): Promise<ReportDefinition[]> {
    return this.db.manager.find(ReportDefinition, { where: campaignIds ? { campaignId: In([...campaignIds]) } : {}, order: { code: 'ASC' } });
  }

  async definitionsByIds(ids: readonly string[]): Promise<ReportDefinition[]> {
    return ids.length ? this.db.manager.find(ReportDefinition, { where: { id: In([...ids]) } }) : [];
  }

  async definition(id: string): Promise<ReportDefinition> {
    const d = await this.db.manager.findOne(ReportDefinition, { where: { id } });
    if (!d) throw reportError('REPORT_DEFINITION_NOT_FOUND', { id });
    return d;
  }

  async schedulesOf(definitionIds: readonly string[]): Promise<ReportSchedule[]> {
    return definitionIds.length ? this.db.manager.find(ReportSchedule, { where: { definitionId: In([...definitionIds]) } }) : [];
  }

  async runsOf(definitionIds: readonly string[]): Promise<ReportRun[]> {
    return definitionIds.length ? this.db.manager.find(ReportRun, { where: { definitionId: In([...definitionIds]) }, order: { createdAt: 'DESC' } }) : [];
  }

  async runsByIds(ids: readonly string[]): Promise<ReportRun[]> {
    return ids.length ? this.db.manager.find(ReportRun, { where: { id: In([...ids]) } }) : [];
  }

  async documentsOf(runIds: readonly string[]): Promise<ReportDocument[]> {
    return runIds.length ? this.db.manager.find(ReportDocument, { where: { runId: In([...runIds]) }, order: { format: 'ASC' } }) : [];
  }

  async content(doc: ReportDocument): Promise<Buffer> {
    return readFile(this.store.pathOf(doc.sha256));
  }

  /** Create a definition (presets, or the lead agency); idempotent by code. */
  async upsertDefinition(fields: Omit<ReportDefinition, 'id' | 'version'> & { id?: string }): Promise<ReportDefinition> {
    return this.db.transaction(async (m) => {
      const before = await m.findOne(ReportDefinition, { where: { code: fields.code } });
      const row = before ? { ...before, ...fields, id: before.id } : m.create(ReportDefinition, { ...fields, id: fields.id ?? randomUUID() });
      const saved = await m.save(ReportDefinition, row);
      await recordAudit(m, { entityType: 'ReportDefinition', entityId: saved.id, action: before ? 'update' : 'create', before, after: saved });
      return saved;
    });
  }

  /** Set a definition's schedule (one per definition) and make it a job scheduler at once. */
  async setSchedule(definitionId: string, pattern: string, tz: string, enabled: boolean): Promise<ReportSchedule> {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      CronExpressionParser.parse(pattern, { tz }).next();
    } catch {
      throw reportError('REPORT_SCHEDULE_INVALID', { pattern, tz });
    }
    await this.definition(definitionId);
    const write = () =>
      this.db.transaction(async (m) => {
        const before = await m.findOne(ReportSchedule, { where: { definitionId } });
        const row = before ? { ...before, pattern, tz, enabled } : m.create(ReportSchedule, { id: randomUUID(), definitionId, pattern, tz, enabled });
        const s = await m.save(ReportSchedule, row);
        await recordAudit(m, { entityType: 'ReportSchedule', entityId: s.id, action: before ? 'update' : 'create', before, after: s });
        return s;
      });
    // One schedule per definition (unique): a concurrent first write loses the race and updates instead.
    const saved = await write().catch((err: unknown) => {
      if (isUniqueViolation(err)) return write();
      throw err;
    });
    await this.syncSchedule(saved);
    return saved;
  }

  /** Make a ReportSchedule row a job scheduler (upsert), or remove it when disabled. */
  async syncSchedule(s: ReportSchedule): Promise<void> {
    if (!this.jobs) return;
    if (s.enabled) await this.jobs.upsertSchedule(`schedule.${s.id}`, { pattern: s.pattern, tz: s.tz }, REPORTING_JOBS.scheduled, { scheduleId: s.id });
    else await this.jobs.removeSchedule(`schedule.${s.id}`);
  }

  /** Upsert every schedule row (worker start): idempotent, however often it runs. */
  async syncAllSchedules(): Promise<number> {
    const all = await this.db.manager.find(ReportSchedule);
    let synced = 0;
    for (const s of all) {
      // One broken row must not keep the others (or the worker) from starting.
      try {
        await this.syncSchedule(s);
        synced++;
      } catch (err) {
        this.logger?.error({ err, scheduleId: s.id, pattern: s.pattern, tz: s.tz }, 'schedule could not be registered');
      }
    }
    return synced;
  }

  /**
   * A firing missed while nothing was running (the embedded process was down at 8:00 on 13/12) is not lost: at start,
   * each enabled schedule whose last firing is recent is fired again as a job for that firing (idempotent by its id).
   */
  async catchUp(now = new Date(), withinDays = 35): Promise<number> {
    let fired = 0;
    for (const s of await this.db.manager.find(ReportSchedule, { where: { enabled: true } })) {
      const prev = CronExpressionParser.parse(s.pattern, { tz: s.tz, currentDate: now }).prev().toDate();
      if (now.getTime() - prev.getTime() > withinDays * 86_400_000) continue;
      await this.jobs?.enqueue(REPORTING_JOBS.scheduled, { scheduleId: s.id, firedAt: prev.toISOString() }, { jobId: `catchup.${s.id}.${prev.getTime()}` });
      fired++;
    }
    return fired;
  }

  /**
   * Ask for the run of a definition for a period: there is one per (definition, period). An existing run is
   * returned as it is; a failed one is started again. The job id carries the run's generation, so enqueueing twice
   * runs it once.
   */
  async requestRun(definitionId: string, period: string, trigger: 'SCHEDULE' | 'MANUAL', by: string, rolledUpTo: string | null = null): Promise<ReportRun> {
    await this.definition(definitionId);
    const which = { definitionId, period, rolledUpTo: rolledUpTo ?? '' };
    let run: ReportRun;
    try {
      run = await this.db.transaction(async (m) => {
        const existing = await m.findOne(ReportRun, { where: which });
        if (existing && existing.status !== 'FAILED') return existing;
        if (existing) {
          const again = await m.save(ReportRun, { ...existing, status: 'QUEUED', progress: 0, error: null, generation: existing.generation + 1, trigger, requestedBy: by });
          await recordAudit(m, { entityType: 'ReportRun', entityId: existing.id, action: 'restart', before: existing, after: again });
          return again;
        }
        const created = m.create(ReportRun, { id: randomUUID(), ...which, status: 'QUEUED', progress: 0, trigger, requestedBy: by, generation: 1, error: null, createdAt: new Date(), startedAt: null, finishedAt: null });
        await m.save(created);
        await recordAudit(m, { entityType: 'ReportRun', entityId: created.id, action: 'create', after: created });
        return created;
      });
    } catch (err) {
      // Two triggers at the same moment: the other one created it.
      if (!isUniqueViolation(err)) throw err;
      run = (await this.db.manager.findOne(ReportRun, { where: which })) as ReportRun;
    }
    // A queued or running run is handed to the queue again: its job id makes that a no-op unless the job was lost or
    // failed (a worker killed twice), in which case it runs again.
    if (run.status === 'QUEUED' || run.status === 'RUNNING') await this.enqueue(run);
    return run;
  }

  /**
   * The run's job failed for good (`jobId`, kept by the queue): the run is queued again under the same job, which
   * the queue then runs again from its first try. A run that was requested again since (a newer job) is left alone.
   */
  async retryFailedRun(runId: string, jobId: string, by: string): Promise<void> {
    const run = await this.db.manager.findOne(ReportRun, { where: { id: runId } });
    if (!run) throw platformError('NOT_FOUND', { entity: 'ReportRun', id: runId });
    if (`run.${run.id}.${run.generation}` !== jobId) return;
    if (run.status === 'FAILED') {
      await this.db.transaction(async (m) => {
        const again = await m.save(ReportRun, { ...run, status: 'QUEUED', progress: 0, error: null, finishedAt: null, requestedBy: by });
        await recordAudit(m, { entityType: 'ReportRun', entityId: run.id, action: 'retry', before: run, after: again });
      });
    }
    await this.jobs?.enqueue(REPORTING_JOBS.run, { runId: run.id }, { jobId });
  }

  private async enqueue(run: ReportRun): Promise<void> {
    await this.jobs?.enqueue(REPORTING_JOBS.run, { runId: run.id }, { jobId: `run.${run.id}.${run.generation}` });
  }

  /** The run's job gave up (tries used, or stalled too often): the run is FAILED and can be requested again. */
  async markFailed(runId: string, error: string): Promise<void> {
    await this.db.manager
      .createQueryBuilder()
      .update(ReportRun)
      .set({ status: 'FAILED', error: error.slice(0, 4000), finishedAt: new Date() })
      .where('id = :id AND status IN (:...open)', { id: runId, open: ['QUEUED', 'RUNNING'] })
      .execute();
  }

  /** The years a campaign covers, from the graph. */
  async campaignYears(campaignId: string): Promise<{ from: number; to: number } | null> {
    const { campaign } = await this.graph.query(CampaignYearsDocument, { campaignId });
    return campaign ? { from: Number(campaign.startDate.slice(0, 4)), to: Number(campaign.endDate.slice(0, 4)) } : null;
  }

  /** Runs still queued or running, with their jobs: queued again when Redis has lost them. */
  openWork(): OpenWork<{ runId: string }> {
    return {
      job: REPORTING_JOBS.run,
      open: async () =>
        (await this.db.manager.find(ReportRun, { where: { status: In(['QUEUED', 'RUNNING']) } })).map((r) => ({ jobId: `run.${r.id}.${r.generation}`, payload: { runId: r.id } })),
    };
  }

  /** After a restart: runs that were queued or running are handed to the queue again (same job ids). */
  async recover(): Promise<number> {
    const open = await this.db.manager.find(ReportRun, { where: { status: In(['QUEUED', 'RUNNING']) } });
    for (const r of open) await this.enqueue(r);
    return open.length + ((await this.outbox?.enqueuePending()) ?? 0);
  }

  /** A schedule fired: the run of its definition for the year of the firing (in the schedule's time zone). */
  async onScheduled(scheduleId: string, firedAt?: string): Promise<void> {
    const s = await this.db.manager.findOne(ReportSchedule, { where: { id: scheduleId } });
    if (!s || !s.enabled) return;
    const year = firedAt ? new Intl.DateTimeFormat('en-CA', { timeZone: s.tz, year: 'numeric' }).format(new Date(firedAt)) : todayInVietnam().slice(0, 4);
    const def = await this.definition(s.definitionId);
    // A campaign that has ended (or not begun) gets no report for this year.
    if (this.periodCheck) {
      const years = await this.campaignYears(def.campaignId);
      if (!years || Number(year) < years.from || Number(year) > years.to) return;
    }
    await this.requestRun(s.definitionId, year, 'SCHEDULE', 'system:schedule');
  }

  private async progress(runId: string, patch: Partial<ReportRun>, ctx?: JobContext): Promise<void> {
    await this.db.manager.update(ReportRun, { id: runId }, patch);
    if (patch.progress !== undefined) await ctx?.progress(patch.progress);
  }

  /**
   * Build a run: the definition's operation through the gateway with the service token, its template, the Excel and
   * Word files stored and recorded. Safe to repeat after a crash: documents are replaced, the run ends once.
   */
  async build(runId: string, ctx?: JobContext): Promise<ReportRun> {
    const run = await this.db.manager.findOne(ReportRun, { where: { id: runId } });
    if (!run) throw reportError('REPORT_RUN_NOT_FOUND', { id: runId });
    if (run.status === 'SUCCEEDED') {
      await this.outbox?.enqueuePending(run.id);
      return run;
    }
    const def = await this.definition(run.definitionId);
    await this.progress(runId, { status: 'RUNNING', startedAt: new Date(), progress: 10 }, ctx);
    try {
      const year = Number(run.period);
      const template = TEMPLATES[def.template];
      if (!template) throw new Error(`Không có mẫu trình bày «${def.template}».`);
      // Reading the graph is 10 to 50%: each operation answered moves it on (one at a time, so it only rises).
      const asked = Date.now();
      // The document's date: its heading names the lead agency in force that day (`$issuedOn`).
      const date = todayInVietnam();
      const data = await runOperations(
        this.graph,
        def.operation,
        // `$boundary`, when an operation declares it, chooses its units as the run does (R25): as they were (`$asOf` the
        // year's end), or rolled up to the units in force on `$asOf`.
        { campaignId: def.campaignId, year, asOf: run.rolledUpTo || `${year}-12-31`, boundary: run.rolledUpTo ? 'SUCCESSORS' : 'AS_WAS', issuedOn: date },
        { concurrency: this.operationsConcurrency, onAnswered: (done, total) => this.progress(runId, { progress: 10 + Math.floor((40 * done) / total) }, ctx) },
      );
      this.logger?.info({ runId, definition: def.code, ms: Date.now() - asked, concurrency: this.operationsConcurrency }, 'report data read');
      const model = (template as (d: unknown, c: { year: number; recipient: string; reportName: string }) => ReturnType<typeof template>)(data, { year, recipient: def.recipient, reportName: def.name });
      const files = [
        { format: 'XLSX' as const, mimeType: XLSX_MIME, bytes: await renderXlsx(model, date), ext: 'xlsx' },
        { format: 'DOCX' as const, mimeType: DOCX_MIME, bytes: await renderDocx(model, date), ext: 'docx' },
      ];
      await this.progress(runId, { progress: 80 }, ctx);
      const stored = await Promise.all(files.map(async (f) => ({ ...f, sha256: await this.store.put(f.bytes) })));
      const finished = await this.db.transaction(async (m) => {
        await m.delete(ReportDocument, { runId });
        for (const f of stored) {
          await m.save(m.create(ReportDocument, { id: randomUUID(), runId, format: f.format, name: `${fileSlug(def.name)}-${run.period}${run.rolledUpTo ? `-quy-ve-don-vi-ngay-${run.rolledUpTo}` : ''}.${f.ext}`, mimeType: f.mimeType, sha256: f.sha256, size: f.bytes.length, createdAt: new Date() }));
        }
        await m.update(ReportRun, { id: runId }, { status: 'SUCCEEDED', progress: 100, error: null, finishedAt: new Date() });
        const done = await m.findOneOrFail(ReportRun, { where: { id: runId } });
        await recordAudit(m, { entityType: 'ReportRun', entityId: runId, action: 'succeed', before: run, after: { ...done, documents: stored.map((f) => f.sha256) } });
        if (def.deliverToProvince) await this.outbox?.createFor(m, runId);
        return done;
      });
      await this.outbox?.enqueuePending(runId);
      return finished;
    } catch (err) {
      // The error is shown on the run while it is retried; the job's failure hook marks it FAILED at the end.
      const reason = (err as { details?: { reason?: string } }).details?.reason;
      const message = `${err instanceof Error ? err.message : String(err)}${reason ? ` (${reason})` : ''}`.slice(0, 4000);
      await this.progress(runId, { error: message });
      throw err;
    }
  }
}
