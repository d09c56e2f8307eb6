import { createLogger, openDatabase, type Database, type PlatformConfig } from '@thidua/platform';
import type { Logger } from 'pino';
import { loadReportingSettings } from '../config';
import { createServices } from '../context';
import { mysqlMigrations, sqliteMigrations } from '../migrations';
import { startReportingJobs } from '../report/report.jobs';
import { reportingEntities } from '../service';
import { loadPresets } from './preset.service';

/** Open (and migrate) the reporting database, as the service does at boot. */
export function openReportingDatabase(config: PlatformConfig, logger: Logger): Promise<Database> {
  return openDatabase({ config, logger, entities: reportingEntities, migrations: { mysql: mysqlMigrations, sqlite: sqliteMigrations } });
}

/**
 * Migrate the reporting database and load the unit-report templates, report definitions and schedules (idempotent; no
 * call to the graph). With REDIS_URL the schedules also become BullMQ job schedulers at once (produce-only: the seed
 * runs no job); without it the process that runs the jobs registers them from the rows when it starts.
 */
export async function seedReporting(config: PlatformConfig, env: NodeJS.ProcessEnv = process.env): Promise<string[]> {
  const settings = loadReportingSettings(env);
  const logger = createLogger(`${config.service}:seed`, config.logLevel);
  const db = await openReportingDatabase(config, logger);
  const services = createServices(db, config, settings);
  const jobs = settings.redisUrl
    ? await startReportingJobs(services, { redisUrl: settings.redisUrl, prefix: settings.queuePrefix, lockMs: settings.queueLockMs, reminderCron: settings.reminderCron, logger, role: 'subgraph' })
    : null;
  try {
    const created = await loadPresets(services, logger);
    if (jobs) await services.reports.syncAllSchedules();
    return created;
  } finally {
    await jobs?.close();
    await db.close();
  }
}
