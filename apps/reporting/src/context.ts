import { byIdLoader, groupedLoader, type BaseContext, type Database, type PlatformConfig } from '@thidua/platform';
import { createGraphClient, predecessorsOf, type GraphClient } from '@thidua/graph-client';
import DataLoader from 'dataloader';
import { UnitReport, UnitReportTemplate } from './unit-report/unit-report.entity';
import { UnitReportService } from './unit-report/unit-report.service';

/** An entity another subgraph owns, as reporting knows it: its id. */
export interface EntityRef {
  id: string;
}

export interface Services {
  db: Database;
  graph: GraphClient;
  unitReports: UnitReportService;
}

export function createServices(db: Database, config: PlatformConfig): Services {
  const graph = createGraphClient({ url: config.gatewayUrl, auth: config.auth, service: 'reporting', serviceToken: config.serviceToken });
  return { db, graph, unitReports: new UnitReportService(db, graph) };
}

/** Per-request batch loaders. */
export function createLoaders(s: Services) {
  return {
    report: byIdLoader<UnitReport>((ids) => s.unitReports.byIds(ids)),
    template: groupedLoader<UnitReportTemplate>((t) => t.campaignId, (ids) => s.unitReports.templatesOf(ids)),
    unitReports: groupedLoader<UnitReport>((r) => r.unitId, (ids) => s.unitReports.ofUnits(ids)),
    /** A unit's predecessors through every reorganisation: a merged unit's reporting record stays reachable. */
    predecessors: new DataLoader<string, string[]>(
      async (ids) => {
        const map = await predecessorsOf(s.graph, ids);
        return ids.map((id) => map.get(id) ?? []);
      },
      { maxBatchSize: 500 },
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

export interface ReportingContext extends BaseContext {
  services: Services;
  loaders: Loaders;
}
