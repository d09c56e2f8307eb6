import type { Logger } from 'pino';
import { createBullmqRunner } from './bullmq-runner';
import { createInProcessRunner } from './in-process-runner';
import type { JobHandler, JobRunner, JobSpec } from './jobs';

/** BullMQ when REDIS_URL is set, the in-process driver otherwise: the same handlers either way. */
export function createJobRunner(opts: { redisUrl?: string | null; jobs: readonly JobSpec[]; handlers: readonly JobHandler[]; logger: Logger; prefix?: string; produceOnly?: boolean; lockMs?: number }): JobRunner {
  return opts.redisUrl ? createBullmqRunner({ ...opts, redisUrl: opts.redisUrl }) : createInProcessRunner(opts);
}
