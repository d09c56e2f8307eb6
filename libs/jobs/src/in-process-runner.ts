import { CronExpressionParser } from 'cron-parser';
import type { Logger } from 'pino';
import { checkHandlers, QUEUE_ORDER, safeJobId, type EnqueueOptions, type FailedJob, type JobHandler, type JobRunner, type JobSpec, type QueueJobCounts, type QueueName, type ScheduleInfo } from './jobs';
import { countFailedJob, reportQueueDepth, traceCarrier, withJobSpan } from '@thidua/platform';

interface Pending {
  id: string;
  job: JobSpec;
  payload: unknown;
  attempt: number;
  runAt: number;
  /** The trace context of the request that enqueued it. */
  trace?: Record<string, string>;
}

export interface InProcessOptions {
  jobs: readonly JobSpec[];
  handlers: readonly JobHandler[];
  logger: Logger;
  /** The clock schedules read (tests move it). */
  now?: () => number;
}

/**
 * The embedded driver: the same handlers, retries with backoff and cron schedules, in this process. Jobs live in
 * memory; what must survive a restart is the caller's state in its database, re-enqueued at boot.
 */
export function createInProcessRunner(opts: InProcessOptions): JobRunner {
  const handlers = checkHandlers(opts.jobs, opts.handlers);
  const now = opts.now ?? Date.now;
  const pending: Pending[] = [];
  const known = new Set<string>();
  const failed: FailedJob[] = [];
  const schedules = new Map<string, { info: ScheduleInfo; job: JobSpec; payload: unknown; timer: NodeJS.Timeout | null }>();
  let started = false;
  let closed = false;
  let active: Promise<void> | null = null;
  let activeId: string | null = null;
  let activeQueue: QueueName | null = null;
  /** Jobs completed since the process started, by queue. */
  const completed = new Map<QueueName, number>();
  let wake: NodeJS.Timeout | null = null;
  let seq = 0;
  let stopDepth: (() => void) | null = null;
  const specs = new Map(opts.jobs.map((j) => [j.name, j]));
  const queues = QUEUE_ORDER.filter((q) => opts.jobs.some((j) => j.queue === q));

  const kick = () => {
    if (!started || closed || active) return;
    if (wake) clearTimeout(wake);
    wake = null;
    const due = pending.filter((p) => p.runAt <= now()).sort((a, b) => a.runAt - b.runAt)[0];
    if (!due) {
      const next = Math.min(...pending.map((p) => p.runAt));
      if (Number.isFinite(next)) wake = setTimeout(kick, Math.max(10, next - now()));
      return;
    }
    pending.splice(pending.indexOf(due), 1);
    activeId = due.id;
    activeQueue = due.job.queue;
    active = run(due).finally(() => {
      active = null;
      activeId = null;
      activeQueue = null;
      setImmediate(kick);
    });
  };

  async function run(p: Pending): Promise<void> {
    const h = handlers.get(p.job.name) as JobHandler;
    const logger = opts.logger.child({ job: p.job.name, jobId: p.id, attempt: p.attempt });
    try {
      await withJobSpan(p.job.name, p.trace, () => h.handle(p.job.payload.parse(p.payload), { jobId: p.id, attempt: p.attempt, logger, progress: async () => undefined }));
      completed.set(p.job.queue, (completed.get(p.job.queue) ?? 0) + 1);
    } catch (err) {
      const attempts = p.job.attempts ?? 5;
      if (p.attempt < attempts) {
        const delay = (p.job.backoffMs ?? 2_000) * 2 ** (p.attempt - 1);
        logger.warn({ err, retryInMs: delay }, 'job failed, will retry');
        pending.push({ ...p, attempt: p.attempt + 1, runAt: now() + delay });
      } else {
        const error = err instanceof Error ? err.message : String(err);
        logger.error({ err }, 'job failed for good');
        countFailedJob(p.job.name);
        failed.push({ id: p.id, name: p.job.name, error, attempts: p.attempt, failedAt: now(), payload: p.payload });
        await h.failed?.(p.payload, error).catch((e: unknown) => logger.error({ err: e }, 'failure hook failed'));
      }
    }
  }

  // setTimeout takes at most 2^31-1 ms (~24.8 days); a yearly schedule waits in steps and fires only when due.
  const MAX_DELAY = 2 ** 31 - 1;
  function arm(id: string, next?: number): void {
    const s = schedules.get(id);
    if (!s || closed) return;
    const at = next ?? CronExpressionParser.parse(s.info.pattern, { tz: s.info.tz, currentDate: new Date(now()) }).next().getTime();
    s.info.next = at;
    s.timer = setTimeout(
      () => {
        if (now() < at) return arm(id, at);
        void runner.enqueue(s.job, s.payload, { jobId: `${id}.${at}` });
        arm(id);
      },
      Math.min(MAX_DELAY, Math.max(0, at - now())),
    );
  }

  const runner: JobRunner = {
    kind: 'in-process',
    async enqueue(job, payload, o: EnqueueOptions = {}) {
      if (!handlers.has(job.name)) throw new Error(`unknown job "${job.name}"`);
      const parsed = job.payload.parse(payload);
      const id = o.jobId ? safeJobId(o.jobId) : `${job.name}.${++seq}`;
      // A job that failed for good runs again when enqueued again; any other known job is not run twice.
      const failedAt = failed.findIndex((f) => f.id === id);
      if (failedAt >= 0) failed.splice(failedAt, 1);
      else if (known.has(id)) return;
      known.add(id);
      pending.push({ id, job: job as JobSpec, payload: parsed, attempt: 1, runAt: now() + (o.delayMs ?? 0), trace: traceCarrier() });
      kick();
    },
    async upsertSchedule(id, cron, job, payload) {
      CronExpressionParser.parse(cron.pattern, { tz: cron.tz });
      const old = schedules.get(id);
      if (old?.timer) clearTimeout(old.timer);
      schedules.set(id, { info: { id, pattern: cron.pattern, tz: cron.tz, jobName: job.name, next: null }, job: job as JobSpec, payload: job.payload.parse(payload), timer: null });
      arm(id);
    },
    async removeSchedule(id) {
      const s = schedules.get(id);
      if (s?.timer) clearTimeout(s.timer);
      schedules.delete(id);
    },
    async schedules() {
      return [...schedules.values()].map((s) => ({ ...s.info }));
    },
    async failed() {
      return [...failed];
    },
    async missing(_job, jobIds) {
      // Jobs live as long as this process: only a completed one (or one never queued here) is missing.
      return jobIds.map(safeJobId).filter((id) => id !== activeId && !pending.some((p) => p.id === id) && !failed.some((f) => f.id === id));
    },
    async requeue(job, payload, jobId) {
      const id = safeJobId(jobId);
      if (id === activeId || pending.some((p) => p.id === id)) return;
      known.delete(id);
      await runner.enqueue(job, payload, { jobId: id });
    },
    async queueCounts() {
      // Only this runner's own queues: another process's jobs live in that process.
      const counts = new Map(queues.map((queue) => [queue, { queue, waiting: 0, active: 0, delayed: 0, failed: 0, completed: completed.get(queue) ?? 0 }]));
      const at = now();
      for (const p of pending) {
        const q = counts.get(p.job.queue) as QueueJobCounts;
        if (p.runAt > at) q.delayed++;
        else q.waiting++;
      }
      if (activeQueue) (counts.get(activeQueue) as QueueJobCounts).active++;
      for (const f of failed) {
        const q = counts.get(specs.get(f.name)?.queue as QueueName);
        if (q) q.failed++;
      }
      return [...counts.values()];
    },
    async start() {
      started = true;
      stopDepth ??= reportQueueDepth(async () =>
        Object.fromEntries((await runner.queueCounts()).map(({ queue, completed: _done, ...depth }) => [queue, depth])),
      );
      kick();
    },
    async close() {
      stopDepth?.();
      closed = true;
      if (wake) clearTimeout(wake);
      for (const s of schedules.values()) if (s.timer) clearTimeout(s.timer);
      await active;
    },
  };
  return runner;
}
