import { createJobRunner, handler, PARTICIPANTS_JOBS, type JobHandler, type JobRunner, type JobSpec } from '@thidua/jobs';
import { parseEnv } from '@thidua/platform';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { DirectoryImportService } from './directory-import.service';

const blank = (v: unknown) => (v === '' ? undefined : v);

const participantsJobsEnv = z.object({
  /** BullMQ on this Redis; without it (or empty) imports run in-process (embedded default). */
  REDIS_URL: z.preprocess(blank, z.url().optional()),
  /** Key prefix of the queues in Redis. */
  QUEUE_PREFIX: z.string().min(1).default('thidua'),
  QUEUE_LOCK_MS: z.coerce.number().int().min(1_000).default(60_000),
});

/** Every participants job, and its one handler. */
export function participantsHandlers(imports: DirectoryImportService): JobHandler[] {
  return [
    handler(
      PARTICIPANTS_JOBS.importDirectory,
      async (p, ctx) => void (await imports.run(p.importId, (percent) => ctx.progress(percent))),
      (p, error) => imports.markFailed(p.importId, error),
    ),
  ] as JobHandler[];
}

export const PARTICIPANTS_JOB_SPECS = Object.values(PARTICIPANTS_JOBS) as JobSpec[];

/**
 * Wire the participants jobs: the participants service runs the handlers itself, on BullMQ when REDIS_URL is set and
 * in process otherwise; imports left queued or running by a restart are queued again.
 */
export async function startParticipantsJobs(imports: DirectoryImportService, logger: Logger, env: NodeJS.ProcessEnv): Promise<JobRunner> {
  const e = parseEnv(participantsJobsEnv, env);
  const runner = createJobRunner({ redisUrl: e.REDIS_URL ?? null, prefix: e.QUEUE_PREFIX, lockMs: e.QUEUE_LOCK_MS, jobs: PARTICIPANTS_JOB_SPECS, handlers: participantsHandlers(imports), logger });
  imports.jobs = runner;
  await runner.start();
  const recovered = await imports.recover();
  logger.info({ driver: runner.kind, recovered }, 'participants jobs started');
  return runner;
}
