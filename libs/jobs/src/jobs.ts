import type { Logger } from 'pino';
import type { z } from 'zod';

/** Every queue of the system: one enum, so producers and workers cannot disagree on a name. */
export enum QueueName {
  /** Report runs: a schedule fires, a run is built. */
  Reports = 'reports',
  /** Deliveries of finished reports to the province (HTTP, e-mail). */
  Deliveries = 'deliveries',
  /** Reminders before deadlines, overdue notices, the daily digest. */
  Reminders = 'reminders',
  /** Scoring's bulk imports of every unit's scores (run by the scoring service). */
  Scoring = 'scoring',
  /** Participants' bulk imports of the unit directory (run by the participants service). */
  Participants = 'participants',
}

/** A kind of job: its name, its queue, its payload's schema and how it is retried. */
export interface JobSpec<P = unknown> {
  name: string;
  queue: QueueName;
  payload: z.ZodType<P>;
  /** Tries before the job is kept as failed (default 5). */
  attempts?: number;
  /** First retry delay in ms, doubled each time (default 2,000). */
  backoffMs?: number;
}

export function defineJob<P>(spec: JobSpec<P>): JobSpec<P> {
  return spec;
}

/** What a handler gets besides its payload. */
export interface JobContext {
  jobId: string;
  /** 1 for the first try. */
  attempt: number;
  logger: Logger;
  /** Report progress (0–100), visible to whoever watches the job. */
  progress(percent: number): Promise<void>;
}

/** The one handler of one kind of job. */
export interface JobHandler<P = unknown> {
  job: JobSpec<P>;
  handle(payload: P, ctx: JobContext): Promise<void>;
  /** Called once the job has used up its tries (or stalled too often): record the failure where users see it. */
  failed?(payload: P, error: string): Promise<void>;
}

export function handler<P>(job: JobSpec<P>, handle: (payload: P, ctx: JobContext) => Promise<void>, failed?: (payload: P, error: string) => Promise<void>): JobHandler<P> {
  return { job, handle, failed };
}

/**
 * Boot check: every job has exactly one handler and every handler a known job. A missing or a second handler
 * is a programming error found at start, not when the first job of that kind arrives.
 */
export function checkHandlers(jobs: readonly JobSpec<never>[] | readonly JobSpec[], handlers: readonly JobHandler<never>[] | readonly JobHandler[]): Map<string, JobHandler> {
  const problems: string[] = [];
  const byName = new Map<string, JobHandler>();
  const names = new Set((jobs as JobSpec[]).map((j) => j.name));
  for (const h of handlers as JobHandler[]) {
    if (!names.has(h.job.name)) problems.push(`handler for unknown job "${h.job.name}"`);
    if (byName.has(h.job.name)) problems.push(`job "${h.job.name}" has two handlers`);
    byName.set(h.job.name, h);
  }
  for (const j of jobs as JobSpec[]) if (!byName.has(j.name)) problems.push(`job "${j.name}" has no handler`);
  if (new Set((jobs as JobSpec[]).map((j) => j.name)).size !== jobs.length) problems.push('two jobs share a name');
  if (problems.length) throw new Error(`job handlers: ${problems.join('; ')}`);
  return byName;
}

export interface EnqueueOptions {
  /** Idempotency: a second job with the same id is ignored while the first waits, runs or has completed; a failed one is retried. */
  jobId?: string;
  delayMs?: number;
}

export interface ScheduleInfo {
  id: string;
  pattern: string;
  tz: string;
  jobName: string;
  /** Next fire time (ms since epoch), when known. */
  next: number | null;
}

export interface FailedJob {
  id: string;
  name: string;
  error: string;
  attempts: number;
  failedAt: number | null;
  /** What the job was given: enqueued again under its id with it, the failed job runs again (a retry). */
  payload: unknown;
}

/** How many jobs one queue holds in each state. */
export interface QueueJobCounts {
  queue: QueueName;
  /** Ready to run, waiting for a free worker. */
  waiting: number;
  /** Running now. */
  active: number;
  /** Waiting for their retry (backoff) or for a later time. */
  delayed: number;
  /** Kept after using up their tries. */
  failed: number;
  /** Completed and still kept (BullMQ: the last 30 days, at most 10,000; in process: since the process started). */
  completed: number;
}

/** The queues in the order of `QueueName`. */
export const QUEUE_ORDER: readonly QueueName[] = Object.values(QueueName);

/** Runs jobs: BullMQ on Redis in production, in-process in the embedded default. Same handlers, same schedules. */
export interface JobRunner {
  readonly kind: 'bullmq' | 'in-process';
  enqueue<P>(job: JobSpec<P>, payload: P, opts?: EnqueueOptions): Promise<void>;
  /** Create or update a cron schedule (idempotent by id). */
  upsertSchedule<P>(id: string, cron: { pattern: string; tz: string }, job: JobSpec<P>, payload: P): Promise<void>;
  removeSchedule(id: string): Promise<void>;
  schedules(): Promise<ScheduleInfo[]>;
  /** Jobs that used up their tries, kept for inspection. */
  failed(): Promise<FailedJob[]>;
  /**
   * Of these job ids, those the queue no longer holds as waiting, delayed, running or failed: lost (Redis restarted
   * empty, a key evicted) or already completed. An owner whose record of the work is still open re-queues them.
   * Jobs running in this process are never reported.
   */
  missing<P>(job: JobSpec<P>, jobIds: readonly string[]): Promise<string[]>;
  /** Queue a job again under its id, even if a completed or failed one with that id is kept (for work found missing). */
  requeue<P>(job: JobSpec<P>, payload: P, jobId: string): Promise<void>;
  /**
   * The counts of each queue this runner works or produces to (in the order of `QueueName`). `also`: other queues to
   * count too, where the runner can see them (BullMQ: the same Redis and prefix); the in-process runner sees only its own.
   */
  queueCounts(also?: readonly QueueName[]): Promise<QueueJobCounts[]>;
  /** Start processing (producers need not call it). */
  start(): Promise<void>;
  close(): Promise<void>;
}

/** A Vietnamese time zone for every schedule unless said otherwise. */
export const DEFAULT_TZ = 'Asia/Ho_Chi_Minh';

/** BullMQ refuses custom ids with ':'; keep ids readable and safe everywhere. */
export function safeJobId(id: string): string {
  return id.replace(/:/g, '.');
}

/** Work an owner keeps open in its database, each with the job that carries it. */
export interface OpenWork<P> {
  job: JobSpec<P>;
  /** The open items (queued or running in the owner's records), with their job ids and payloads. */
  open(): Promise<Array<{ jobId: string; payload: P }>>;
}

/** Queue again the open items whose job the runner no longer holds (Redis restarted empty, a key evicted). */
export async function requeueLost<P>(runner: JobRunner, work: OpenWork<P>): Promise<number> {
  const items = await work.open();
  if (!items.length) return 0;
  const lost = new Set(await runner.missing(work.job, items.map((i) => i.jobId)));
  for (const i of items) if (lost.has(i.jobId)) await runner.requeue(work.job, i.payload, i.jobId);
  return lost.size;
}

/**
 * While the process runs, look every `everyMs` for open work whose job was lost and queue it again (the start of the
 * process does the same once). Returns the function that stops looking.
 */
export function watchLostJobs(runner: JobRunner, works: ReadonlyArray<OpenWork<unknown>>, everyMs: number, logger: Logger): () => void {
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    void (async () => {
      let n = 0;
      for (const w of works) n += await requeueLost(runner, w);
      if (n) logger.warn({ requeued: n }, 'open work had lost its job: queued again');
    })()
      .catch((err: unknown) => logger.warn({ err: String(err) }, 'looking for lost jobs failed'))
      .finally(() => {
        busy = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
