import { handler, startServiceJobs, SCORING_JOBS, type JobHandler, type JobRunner, type JobSpec } from '@thidua/jobs';
import type { Logger } from 'pino';
import type { ScoreImportService } from './score-import.service';

/** Every scoring job, and its one handler. */
export function scoringHandlers(imports: ScoreImportService): JobHandler[] {
  return [
    handler(
      SCORING_JOBS.importScores,
      async (p, ctx) => void (await imports.run(p.importId, (percent) => ctx.progress(percent))),
      (p, error) => imports.markFailed(p.importId, error),
    ),
  ] as JobHandler[];
}

export const SCORING_JOB_SPECS = Object.values(SCORING_JOBS) as JobSpec[];

/**
 * Wire the scoring jobs: the scoring service runs the handlers itself, on BullMQ when REDIS_URL is set and in process
 * otherwise; imports left queued or running by a restart, or whose job Redis lost, are queued again.
 */
export async function startScoringJobs(imports: ScoreImportService, logger: Logger, env: NodeJS.ProcessEnv): Promise<JobRunner> {
  return startServiceJobs({ jobs: SCORING_JOB_SPECS, handlers: scoringHandlers(imports), attach: (runner) => (imports.jobs = runner), work: [imports.openWork()], logger, env });
}
