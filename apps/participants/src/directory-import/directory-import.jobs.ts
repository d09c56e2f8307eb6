import { handler, startServiceJobs, PARTICIPANTS_JOBS, type JobHandler, type JobRunner, type JobSpec } from '@thidua/jobs';
import type { Logger } from 'pino';
import type { DirectoryImportService } from './directory-import.service';

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
 * Wire the participants jobs: the participants service runs the handlers itself, on BullMQ when REDIS_URL is set and in process
 * otherwise; imports left queued or running by a restart, or whose job Redis lost, are queued again.
 */
export async function startParticipantsJobs(imports: DirectoryImportService, logger: Logger, env: NodeJS.ProcessEnv): Promise<JobRunner> {
  return startServiceJobs({ jobs: PARTICIPANTS_JOB_SPECS, handlers: participantsHandlers(imports), attach: (runner) => (imports.jobs = runner), work: [imports.openWork()], logger, env });
}
