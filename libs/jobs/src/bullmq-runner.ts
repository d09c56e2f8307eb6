import { Queue, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { checkHandlers, QUEUE_ORDER, safeJobId, type EnqueueOptions, type FailedJob, type JobHandler, type JobRunner, type JobSpec, type QueueJobCounts, type QueueName } from './jobs';
import { countFailedJob, reportQueueDepth, traceCarrier, withJobSpan } from '@thidua/platform';

export interface BullmqOptions {
  redisUrl: string;
  jobs: readonly JobSpec[];
  handlers: readonly JobHandler[];
  logger: Logger;
  /** Key prefix in Redis (tests use their own). */
  prefix?: string;
  /** Jobs processed at once per queue. */
  concurrency?: number;
  /** Producers only (the subgraph): no workers in this process. */
  produceOnly?: boolean;
  /** Job lock: a job whose worker died is run again once it expires (BullMQ stalled-job check). */
  lockMs?: number;
}

const DAY = 24 * 3600;

/**
 * BullMQ on Redis: one Queue per queue name, one Worker per queue that dispatches by job name to its one handler.
 * Retries use exponential backoff; failed jobs are kept; a job id makes enqueueing idempotent.
 */
export interface BullmqRunner extends JobRunner {
  readonly kind: 'bullmq';
  /** The BullMQ queues, for the dashboard. */
  readonly queues: Queue[];
  /** Is Redis answering? */
  ping(): Promise<boolean>;
}

/** Where a job's data carries the trace context of the request that enqueued it (payload schemas strip it). */
const TRACE_KEY = '__trace';

/**
 * Queued work must survive a Redis restart and must never be evicted: the workers warn at start when Redis keeps
 * nothing on disk (no append-only file) or may evict keys. The owners' records re-queue what is lost anyway.
 */
async function warnUnlessDurable(connection: Redis, logger: Logger): Promise<void> {
  try {
    const [, appendonly] = (await connection.config('GET', 'appendonly')) as [string, string];
    const [, policy] = (await connection.config('GET', 'maxmemory-policy')) as [string, string];
    if (appendonly !== 'yes') logger.warn({ appendonly }, 'Redis keeps no append-only file: queued jobs are lost when it restarts (set appendonly yes)');
    if (policy !== 'noeviction') logger.warn({ policy }, 'Redis may evict keys: queued jobs can disappear (set maxmemory-policy noeviction)');
  } catch (err) {
    logger.warn({ err: String(err) }, 'could not read the Redis settings (CONFIG GET); make sure it runs with appendonly yes and maxmemory-policy noeviction');
  }
}

export function createBullmqRunner(opts: BullmqOptions): BullmqRunner {
  const handlers = checkHandlers(opts.jobs, opts.handlers);
  const connection = new Redis(opts.redisUrl, { maxRetriesPerRequest: null });
  connection.on('error', (err) => opts.logger.warn({ err }, 'redis connection error'));
  const prefix = opts.prefix ?? 'thidua';
  const queueNames = [...new Set(opts.jobs.map((j) => j.queue))];
  const queues = new Map<QueueName, Queue>(
    queueNames.map((name) => {
      const q = new Queue(name, { connection, prefix });
      // Redis down or restarting: said once in the log, never an unhandled 'error' event.
      q.on('error', (err) => opts.logger.warn({ queue: name, err: String(err) }, 'queue: Redis error'));
      return [name, q];
    }),
  );
  /** Queues of the same Redis this process neither works nor produces to, opened to count their jobs. */
  const watched = new Map<QueueName, Queue>();
  const queueFor = (name: QueueName): Queue => {
    const own = queues.get(name) ?? watched.get(name);
    if (own) return own;
    const q = new Queue(name, { connection, prefix });
    q.on('error', (err) => opts.logger.warn({ queue: name, err: String(err) }, 'queue: Redis error'));
    watched.set(name, q);
    return q;
  };
  /** A queue's jobs by BullMQ state: the dashboard and Prometheus read the same numbers. */
  const countJobs = (q: Queue) => q.getJobCounts('waiting', 'prioritized', 'waiting-children', 'active', 'delayed', 'failed', 'completed');
  const workers: Worker[] = [];
  const specs = new Map(opts.jobs.map((j) => [j.name, j]));

  const queueOf = (job: JobSpec) => queues.get(job.queue) as Queue;
  const jobOptions = (job: JobSpec) => ({
    attempts: job.attempts ?? 5,
    backoff: { type: 'exponential' as const, delay: job.backoffMs ?? 2_000 },
    removeOnComplete: { age: 30 * DAY, count: 10_000 },
    removeOnFail: false,
  });

  /** Jobs being handled in this process (never reported missing, never queued twice from here). */
  const running = new Set<string>();

  async function process(job: Job): Promise<void> {
    const h = handlers.get(job.name);
    if (!h) throw new Error(`no handler for job "${job.name}"`);
    const logger = opts.logger.child({ job: job.name, jobId: job.id, attempt: job.attemptsMade + 1 });
    // The span continues the trace of the request that enqueued the job (its W3C context travels in the job's data).
    const carrier = (job.data as { [TRACE_KEY]?: Record<string, string> })[TRACE_KEY];
    // Progress in Redis is only a view of the owner's own record: losing it (Redis restarted empty under a running
    // job: "Missing key for job") must not fail the work.
    const progress = (p: number) =>
      job.updateProgress(p).catch((err: unknown) => logger.warn({ err: String(err) }, 'job progress not recorded in Redis'));
    running.add(String(job.id));
    try {
      await withJobSpan(job.name, carrier, () => h.handle(h.job.payload.parse(job.data), { jobId: String(job.id), attempt: job.attemptsMade + 1, logger, progress }));
    } finally {
      running.delete(String(job.id));
    }
  }
  let stopDepth: (() => void) | null = null;

  return {
    kind: 'bullmq',
    queues: [...queues.values()],
    async ping() {
      return (await connection.ping().catch(() => '')) === 'PONG';
    },
    async enqueue(job, payload, o: EnqueueOptions = {}) {
      if (!specs.has(job.name)) throw new Error(`unknown job "${job.name}"`);
      const data = job.payload.parse(payload);
      const jobId = o.jobId ? safeJobId(o.jobId) : undefined;
      // A job kept as failed is retried: adding its id again would be ignored.
      const existing = jobId ? await queueOf(job as JobSpec).getJob(jobId) : undefined;
      if (existing && (await existing.isFailed())) {
        await existing.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
        return;
      }
      const trace = traceCarrier();
      await queueOf(job as JobSpec).add(job.name, trace ? { ...(data as object), [TRACE_KEY]: trace } : data, { ...jobOptions(job as JobSpec), jobId, delay: o.delayMs });
    },
    async upsertSchedule(id, cron, job, payload) {
      await queueOf(job as JobSpec).upsertJobScheduler(id, { pattern: cron.pattern, tz: cron.tz }, { name: job.name, data: job.payload.parse(payload), opts: jobOptions(job as JobSpec) });
    },
    async removeSchedule(id) {
      for (const q of queues.values()) await q.removeJobScheduler(id);
    },
    async schedules() {
      const out = [];
      for (const q of queues.values()) {
        for (const s of await q.getJobSchedulers()) out.push({ id: s.key, pattern: s.pattern ?? '', tz: s.tz ?? '', jobName: s.name, next: s.next ?? null });
      }
      return out;
    },
    async failed() {
      const out: FailedJob[] = [];
      for (const q of queues.values()) {
        for (const j of await q.getFailed()) {
          const { [TRACE_KEY]: _trace, ...payload } = (j.data ?? {}) as Record<string, unknown>;
          out.push({ id: String(j.id), name: j.name, error: j.failedReason, attempts: j.attemptsMade, failedAt: j.finishedOn ?? null, payload });
        }
      }
      return out;
    },
    async missing(job, jobIds) {
      const out: string[] = [];
      for (const id of jobIds) {
        const safe = safeJobId(id);
        if (running.has(safe)) continue;
        const found = await queueOf(job as JobSpec).getJob(safe);
        const state = found ? await found.getState() : 'unknown';
        if (state === 'unknown' || state === 'completed') out.push(id);
      }
      return out;
    },
    async requeue(job, payload, jobId) {
      const safe = safeJobId(jobId);
      if (running.has(safe)) return;
      const found = await queueOf(job as JobSpec).getJob(safe);
      const state = found ? await found.getState() : 'unknown';
      if (found && (state === 'completed' || state === 'failed')) await found.remove();
      else if (found && state !== 'unknown') return;
      const data = job.payload.parse(payload);
      await queueOf(job as JobSpec).add(job.name, data as object, { ...jobOptions(job as JobSpec), jobId: safe });
    },
    async queueCounts(also = []) {
      const names = QUEUE_ORDER.filter((name) => queues.has(name) || also.includes(name));
      const out: QueueJobCounts[] = [];
      for (const queue of names) {
        const c = await countJobs(queueFor(queue));
        // Prioritized jobs and parents waiting for their children wait too.
        out.push({ queue, waiting: (c.waiting ?? 0) + (c.prioritized ?? 0) + (c['waiting-children'] ?? 0), active: c.active ?? 0, delayed: c.delayed ?? 0, failed: c.failed ?? 0, completed: c.completed ?? 0 });
      }
      return out;
    },
    async start() {
      if (opts.produceOnly || workers.length) return;
      await warnUnlessDurable(connection, opts.logger);
      for (const name of queueNames) {
        const w = new Worker(name, process, { connection, prefix, concurrency: opts.concurrency ?? 2, lockDuration: opts.lockMs ?? 30_000, stalledInterval: opts.lockMs ?? 30_000 });
        w.on('failed', (job, err) => {
          opts.logger.warn({ job: job?.name, jobId: job?.id, err: err.message, attemptsMade: job?.attemptsMade }, 'job failed');
          // Used up its tries, or stalled more often than allowed: let the owner record it.
          const h = job ? handlers.get(job.name) : undefined;
          const forGood = !!job && (job.attemptsMade >= (job.opts.attempts ?? 1) || /stalled/i.test(err.message));
          if (job && forGood) countFailedJob(job.name);
          if (job && h?.failed && forGood) {
            void h.failed(h.job.payload.parse(job.data), err.message).catch((e: unknown) => opts.logger.error({ err: e }, 'failure hook failed'));
          }
        });
        w.on('error', (err) => opts.logger.warn({ err }, 'worker error'));
        workers.push(w);
      }
      await Promise.all(workers.map((w) => w.waitUntilReady()));
      // The processes that work the queues report their depth to Prometheus.
      stopDepth = reportQueueDepth(async () => {
        const out: Record<string, Record<string, number>> = {};
        for (const [name, q] of queues) {
          const { completed: _done, ...depth } = await countJobs(q);
          out[name] = depth;
        }
        return out;
      });
    },
    async close() {
      stopDepth?.();
      await Promise.all(workers.map((w) => w.close()));
      await Promise.all([...queues.values(), ...watched.values()].map((q) => q.close()));
      await connection.quit().catch(() => undefined);
    },
  };
}
