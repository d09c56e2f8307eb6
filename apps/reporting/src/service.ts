import { AuditEntry, createLogger, IdempotencyKey, openDatabase, startSubgraph, type PlatformConfig, type RunningSubgraph } from '@thidua/platform';
import { loadReportingSettings } from './config';
import { ReportDefinition, ReportDocument, ReportRun, ReportSchedule } from './report/report.entity';
import { startReportingJobs } from './report/report.jobs';
import { Delivery, DeliveryAttempt } from './delivery/delivery.entity';
import { Digest, Notification } from './reminder/reminder.entity';
import { parse } from 'graphql';
import schemaText from '../schema.graphql';
import { createLoaders, createServices, type ReportingContext, type Services } from './context';
import { mysqlMigrations, sqliteMigrations } from './migrations';
import { loadPresets } from './preset/preset.service';
import { resolvers } from './resolvers';
import { UnitReport, UnitReportTemplate } from './unit-report/unit-report.entity';
import { ReceivedDocument, ReceivedReport } from './inbox/inbox.entity';
import { mountInbox } from './inbox/inbox.routes';

/** Every entity of the reporting database, listed explicitly. */
export const reportingEntities = [AuditEntry, IdempotencyKey, UnitReportTemplate, UnitReport, ReportDefinition, ReportSchedule, ReportRun, ReportDocument, Delivery, DeliveryAttempt, Notification, Digest, ReceivedReport, ReceivedDocument];

export interface RunningReporting extends RunningSubgraph {
  services: Services;
}

/** Boot the reporting subgraph: database and migrations, presets when configured, the report jobs, GraphQL. */
export async function startReporting(config: PlatformConfig, env: NodeJS.ProcessEnv = process.env): Promise<RunningReporting> {
  const settings = loadReportingSettings(env);
  const logger = createLogger(config.service, config.logLevel);
  const db = await openDatabase({ config, logger, entities: reportingEntities, migrations: { mysql: mysqlMigrations, sqlite: sqliteMigrations } });
  const services = createServices(db, config, settings);
  // With REDIS_URL the subgraph only enqueues (the report worker processes); without, it runs the jobs itself.
  const jobs = await startReportingJobs(services, { redisUrl: settings.redisUrl, prefix: settings.queuePrefix, lockMs: settings.queueLockMs, reminderCron: settings.reminderCron, logger, role: 'subgraph' });
  // After the jobs are wired, so that preset schedules become job schedulers as they are written.
  if (config.loadPresets) await loadPresets(services, logger);
  const running = await startSubgraph<ReportingContext>({
    config,
    logger,
    typeDefs: parse(schemaText),
    resolvers,
    ready: () => db.ping(),
    db,
    buildContext: (base) => ({ ...base, services, loaders: createLoaders(services) }),
    // The province's inbox: cities' signed reports, authenticated by their signature (no sign-in).
    routes: (app) => mountInbox(app, services.inbox, logger),
    onStop: async () => {
      await jobs.close();
      await db.close();
    },
  });
  return { ...running, services };
}
