import { createJobRunner, DEFAULT_TZ, handler, REPORTING_JOBS, type JobHandler, type JobRunner, type JobSpec } from '@thidua/jobs';
import type { Logger } from 'pino';
import { todayInVietnam } from '@thidua/platform';
import type { DeliveryService } from '../delivery/delivery.service';
import type { ReminderService } from '../reminder/reminder.service';
import type { ReportService } from './report.service';

/** Every reporting job, and its one handler. */
export function reportingHandlers(reports: ReportService, deliveries: DeliveryService, reminders: ReminderService): JobHandler[] {
  return [
    handler(REPORTING_JOBS.reminders, async (p) => void (await reminders.run(p.day ?? todayInVietnam()))),
    handler(REPORTING_JOBS.scheduled, (p) => reports.onScheduled(p.scheduleId, p.firedAt)),
    handler(
      REPORTING_JOBS.run,
      async (p, ctx) => void (await reports.build(p.runId, ctx)),
      (p, error) => reports.markFailed(p.runId, error),
    ),
    handler(
      REPORTING_JOBS.deliver,
      (p, ctx) => deliveries.send(p.deliveryId, ctx),
      (p, error) => deliveries.markFailed(p.deliveryId, error),
    ),
  ] as JobHandler[];
}

export const REPORTING_JOB_SPECS = Object.values(REPORTING_JOBS) as JobSpec[];

/**
 * Wire the reporting jobs: BullMQ when REDIS_URL is set (the subgraph only produces; the report worker processes),
 * in-process otherwise (the subgraph runs the handlers and the schedules itself). The worker, and the embedded
 * subgraph, upsert every schedule and re-enqueue unfinished runs at start.
 */
export async function startReportingJobs(
  services: { reports: ReportService; deliveries: DeliveryService; reminders: ReminderService },
  opts: { redisUrl: string | null; prefix: string; lockMs?: number; reminderCron: string; logger: Logger; role: 'subgraph' | 'worker' },
): Promise<JobRunner> {
  const { reports, deliveries, reminders } = services;
  const processes = opts.role === 'worker' || !opts.redisUrl;
  const runner = createJobRunner({ redisUrl: opts.redisUrl, prefix: opts.prefix, lockMs: opts.lockMs, jobs: REPORTING_JOB_SPECS, handlers: reportingHandlers(reports, deliveries, reminders), logger: opts.logger, produceOnly: !processes });
  reports.jobs = runner;
  deliveries.jobs = runner;
  reports.outbox = deliveries;
  if (processes) {
    await runner.start();
    await runner.upsertSchedule('reminders.daily', { pattern: opts.reminderCron, tz: DEFAULT_TZ }, REPORTING_JOBS.reminders, {});
    const schedules = await reports.syncAllSchedules();
    const recovered = await reports.recover();
    const caughtUp = await reports.catchUp();
    opts.logger.info({ driver: runner.kind, schedules, recovered, caughtUp }, 'report jobs started');
  }
  return runner;
}
