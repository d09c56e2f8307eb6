import { join } from 'node:path';
import DataLoader from 'dataloader';
import { byIdLoader, createLogger, FileStore, groupedLoader, type BaseContext, type Database, type PlatformConfig } from '@thidua/platform';
import { ReportService } from './report/report.service';
import { DeliveryService } from './delivery/delivery.service';
import { ReminderService } from './reminder/reminder.service';
import type { Notification } from './reminder/reminder.entity';
import type { Delivery, DeliveryAttempt } from './delivery/delivery.entity';
import type { ReportingSettings } from './config';
import type { ReportDefinition, ReportDocument, ReportRun, ReportSchedule } from './report/report.entity';
import { campaignAgenciesLoader, createGraphClient, predecessorsLoader, type GraphClient } from '@thidua/graph-client';
import { UnitReport, UnitReportTemplate } from './unit-report/unit-report.entity';
import { UnitReportService } from './unit-report/unit-report.service';
import { InboxService } from './inbox/inbox.service';
import type { ReceivedDocument } from './inbox/inbox.entity';

/** An entity another subgraph owns, as reporting knows it: its id. */
export interface EntityRef {
  id: string;
}

export interface Services {
  db: Database;
  graph: GraphClient;
  unitReports: UnitReportService;
  reports: ReportService;
  deliveries: DeliveryService;
  reminders: ReminderService;
  /** Reports received from cities (the province's inbox). */
  inbox: InboxService;
}

export function createServices(db: Database, config: PlatformConfig, settings: ReportingSettings): Services {
  const graph = createGraphClient({ url: config.gatewayUrl, auth: config.auth, service: 'reporting', serviceToken: config.serviceToken });
  const store = new FileStore(join(config.dataDir, 'reports'));
  const reports = new ReportService(db, graph, store);
  const logger = createLogger(config.service, config.logLevel);
  reports.logger = logger;
  reports.operationsConcurrency = settings.operationsConcurrency;
  return {
    db,
    graph,
    unitReports: new UnitReportService(db, graph),
    reports,
    deliveries: new DeliveryService(db, settings.delivery, reports),
    reminders: new ReminderService(db, graph, settings.delivery.email, settings.reminderDays, logger),
    inbox: new InboxService(db, store, settings.inboxSenders),
  };
}

/** Per-request batch loaders. */
export function createLoaders(s: Services) {
  return {
    report: byIdLoader<UnitReport>((ids) => s.unitReports.byIds(ids)),
    template: groupedLoader<UnitReportTemplate>((t) => t.campaignId, (ids) => s.unitReports.templatesOf(ids)),
    unitReports: groupedLoader<UnitReport>((r) => r.unitId, (ids) => s.unitReports.ofUnits(ids)),
    definitions: groupedLoader<ReportDefinition>((d) => d.campaignId, (ids) => s.reports.definitions(ids)),
    schedules: groupedLoader<ReportSchedule>((x) => x.definitionId, (ids) => s.reports.schedulesOf(ids)),
    runs: groupedLoader<ReportRun>((r) => r.definitionId, (ids) => s.reports.runsOf(ids)),
    run: byIdLoader<ReportRun>((ids) => s.reports.runsByIds(ids)),
    definition: byIdLoader<ReportDefinition>((ids) => s.reports.definitionsByIds(ids)),
    documents: groupedLoader<ReportDocument>((d) => d.runId, (ids) => s.reports.documentsOf(ids)),
    deliveries: groupedLoader<Delivery>((d) => d.runId, (ids) => s.deliveries.ofRuns(ids)),
    receivedDocuments: groupedLoader<ReceivedDocument>((d) => d.receivedId, (ids) => s.inbox.documentsOf(ids)),
    attempts: groupedLoader<DeliveryAttempt>((a) => a.deliveryId, (ids) => s.deliveries.attemptsOf(ids)),
    notifications: groupedLoader<Notification>((n) => n.recipientUnitId, (ids) => s.reminders.ofUnits(ids)),
    /** A unit's predecessors through every reorganisation: a merged unit's reporting record stays reachable. */
    predecessors: predecessorsLoader(s.graph),
    /** A campaign's lead and appraising agencies in force today: jurisdiction of unit-bound accounts (R26). */
    campaignAgencies: campaignAgenciesLoader(s.graph),
    /** A campaign's unit-report deadline of a year ("campaignId:year"), asked once per request however many units. */
    deadline: new DataLoader<string, { deadline: string | null; inCampaign: boolean }>((keys) =>
      Promise.all(keys.map((k) => s.unitReports.deadline(k.slice(0, k.lastIndexOf(':')), Number(k.slice(k.lastIndexOf(':') + 1))))),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

export interface ReportingContext extends BaseContext {
  services: Services;
  loaders: Loaders;
}
