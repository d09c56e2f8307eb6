import { parseEnv } from '@thidua/platform';
import type { Logger } from 'pino';
import { z } from 'zod';
import { createJobRunner } from './create';
import { watchLostJobs, type JobHandler, type JobRunner, type JobSpec, type OpenWork } from './jobs';

const blank = (v: unknown) => (v === '' ? undefined : v);

const serviceJobsEnv = z.object({
  /** BullMQ on this Redis; without it (or empty) the jobs run in this process (embedded default). */
  REDIS_URL: z.preprocess(blank, z.url().optional()),
  /** Key prefix of the queues in Redis. */
  QUEUE_PREFIX: z.string().min(1).default('thidua'),
  /** How long a job stays locked to a process that stopped answering before it is run again. */
  QUEUE_LOCK_MS: z.coerce.number().int().min(1_000).default(60_000),
  /** How often open work whose job Redis lost (restarted empty, a key evicted) is looked for and queued again. */
  JOBS_RECOVER_INTERVAL_MS: z.coerce.number().int().min(200).default(60_000),
});

/**
 * A service that runs its own jobs (scoring's and participants' imports): BullMQ when REDIS_URL is set, in process
 * otherwise. Its open work is queued again at start (a restart) and, on BullMQ, whenever Redis has lost its job.
 */
export async function startServiceJobs(opts: {
  jobs: readonly JobSpec[];
  handlers: readonly JobHandler[];
  /** Give the service its runner before any job runs. */
  attach(runner: JobRunner): void;
  /** What the service keeps open in its database, each with its job. */
  work: ReadonlyArray<OpenWork<unknown>>;
  logger: Logger;
  env: NodeJS.ProcessEnv;
}): Promise<JobRunner> {
  const e = parseEnv(serviceJobsEnv, opts.env);
  const runner = createJobRunner({ redisUrl: e.REDIS_URL ?? null, prefix: e.QUEUE_PREFIX, lockMs: e.QUEUE_LOCK_MS, jobs: opts.jobs, handlers: opts.handlers, logger: opts.logger });
  opts.attach(runner);
  await runner.start();
  let recovered = 0;
  for (const w of opts.work) {
    for (const item of await w.open()) {
      await runner.enqueue(w.job, item.payload, { jobId: item.jobId });
      recovered++;
    }
  }
  opts.logger.info({ driver: runner.kind, recovered }, 'jobs started');
  // In process, jobs live as long as the process: only Redis can lose them.
  const stop = runner.kind === 'bullmq' ? watchLostJobs(runner, opts.work, e.JOBS_RECOVER_INTERVAL_MS, opts.logger) : () => undefined;
  const close = runner.close.bind(runner);
  runner.close = async () => {
    stop();
    await close();
  };
  return runner;
}
