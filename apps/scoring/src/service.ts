import { AuditEntry, createLogger, openDatabase, startSubgraph, type PlatformConfig, type RunningSubgraph } from '@thidua/platform';
import { parse } from 'graphql';
import schemaText from '../schema.graphql';
import { Assessment, CampaignScoring, IndicatorScore, ScoringPeriod } from './assessment/assessment.entity';
import { createLoaders, createServices, type ScoringContext, type Services } from './context';
import { IndexFramework, Indicator, IndicatorGroup } from './framework/framework.entity';
import { mysqlMigrations, sqliteMigrations } from './migrations';
import { loadPresets } from './preset/preset.service';
import { resolvers } from './resolvers';
import { AssignedTask, TaskProgress } from './task/task.entity';

/** Every entity of the scoring database, listed explicitly. */
export const scoringEntities = [AuditEntry, IndexFramework, IndicatorGroup, Indicator, CampaignScoring, ScoringPeriod, Assessment, IndicatorScore, AssignedTask, TaskProgress];

export interface RunningScoring extends RunningSubgraph {
  services: Services;
}

/** Boot the scoring subgraph: database and migrations, presets when configured, GraphQL. */
export async function startScoring(config: PlatformConfig): Promise<RunningScoring> {
  const logger = createLogger(config.service, config.logLevel);
  const db = await openDatabase({ config, logger, entities: scoringEntities, migrations: { mysql: mysqlMigrations, sqlite: sqliteMigrations } });
  const services = createServices(db, config);
  if (config.loadPresets) await loadPresets(services, logger);
  const running = await startSubgraph<ScoringContext>({
    config,
    logger,
    typeDefs: parse(schemaText),
    resolvers,
    ready: () => db.ping(),
    buildContext: (base) => ({ ...base, services, loaders: createLoaders(services) }),
    onStop: () => db.close(),
  });
  return { ...running, services };
}
