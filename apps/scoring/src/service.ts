import { AuditEntry, createLogger, IdempotencyKey, openDatabase, startSubgraph, type PlatformConfig, type RunningSubgraph } from '@thidua/platform';
import { parse } from 'graphql';
import schemaText from '../schema.graphql';
import { Assessment, CampaignScoring, IndicatorScore, ScoringPeriod } from './assessment/assessment.entity';
import { createLoaders, createServices, type ScoringContext, type Services } from './context';
import { CampaignFramework, IndexFramework, Indicator, IndicatorGroup } from './framework/framework.entity';
import { mysqlMigrations, sqliteMigrations } from './migrations';
import { loadPresets } from './preset/preset.service';
import { resolvers } from './resolvers';
import { ScoreImport, ScoreImportError } from './score-import/score-import.entity';
import { startScoringJobs } from './score-import/score-import.jobs';
import { scoreImportRoutes } from './score-import/score-import.routes';
import { AssignedTask, TaskProgress } from './task/task.entity';

/** Every entity of the scoring database, listed explicitly. */
export const scoringEntities = [AuditEntry, IdempotencyKey, IndexFramework, IndicatorGroup, Indicator, CampaignFramework, CampaignScoring, ScoringPeriod, Assessment, IndicatorScore, AssignedTask, TaskProgress, ScoreImport, ScoreImportError];

export interface RunningScoring extends RunningSubgraph {
  services: Services;
}

/** Boot the scoring subgraph: database and migrations, presets when configured, GraphQL. */
export async function startScoring(config: PlatformConfig, env: NodeJS.ProcessEnv = process.env): Promise<RunningScoring> {
  const logger = createLogger(config.service, config.logLevel);
  const db = await openDatabase({ config, logger, entities: scoringEntities, migrations: { mysql: mysqlMigrations, sqlite: sqliteMigrations } });
  const services = createServices(db, config);
  if (config.loadPresets) await loadPresets(services, logger);
  const jobs = await startScoringJobs(services.scoreImports, logger, env);
  const running = await startSubgraph<ScoringContext>({
    config,
    logger,
    typeDefs: parse(schemaText),
    resolvers,
    ready: () => db.ping(),
    db,
    buildContext: (base) => ({ ...base, services, loaders: createLoaders(services) }),
    routes: (app, verify) => {
      app.use(scoreImportRoutes(services.scoreImports, verify));
    },
    onStop: async () => {
      await jobs.close();
      await db.close();
    },
  });
  return { ...running, services };
}
