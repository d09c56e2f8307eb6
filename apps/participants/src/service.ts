import { join } from 'node:path';
import {
  AuditEntry,
  IdempotencyKey,
  createFileRoutes,
  createLogger,
  FileStore,
  openDatabase,
  startSubgraph,
  StoredFile,
  type PlatformConfig,
  type RunningSubgraph,
} from '@thidua/platform';
import { parse } from 'graphql';
import schemaText from '../schema.graphql';
import { Campaign, CampaignPhase, Milestone } from './campaign/campaign.entity';
import { createLoaders, createServices, type ParticipantsContext, type Services } from './context';
import { DirectoryImport, DirectoryImportError } from './directory-import/directory-import.entity';
import { startParticipantsJobs } from './directory-import/directory-import.jobs';
import { Initiative, InitiativeAuthor } from './initiative/initiative.entity';
import { mysqlMigrations, sqliteMigrations } from './migrations';
import { ClusterMember, EmulationCluster, OrgUnit, OrgUnitChange, OrgUnitChangeLink, OrgUnitVersion } from './org-unit/org-unit.entity';
import { Person } from './person/person.entity';
import { loadAllPresets } from './preset/preset.service';
import { Registration } from './registration/registration.entity';
import { resolvers } from './resolvers';
import { UnitPlan } from './unit-plan/unit-plan.entity';

/** Every entity of the participants database, listed explicitly. */
export const participantsEntities = [
  AuditEntry,
  IdempotencyKey,
  StoredFile,
  OrgUnit,
  OrgUnitVersion,
  OrgUnitChange,
  OrgUnitChangeLink,
  EmulationCluster,
  ClusterMember,
  Campaign,
  CampaignPhase,
  Milestone,
  Person,
  Registration,
  UnitPlan,
  Initiative,
  InitiativeAuthor,
  DirectoryImport,
  DirectoryImportError,
];

/** The subgraph's contract, as composed into the supergraph. */
export const participantsSchema = schemaText;

export interface RunningParticipants extends RunningSubgraph {
  services: Services;
}

/** Boot the participants subgraph: database and migrations, presets when configured, files, GraphQL. */
export async function startParticipants(config: PlatformConfig, env: NodeJS.ProcessEnv = process.env): Promise<RunningParticipants> {
  const logger = createLogger(config.service, config.logLevel);
  const db = await openDatabase({
    config,
    logger,
    entities: participantsEntities,
    migrations: { mysql: mysqlMigrations, sqlite: sqliteMigrations },
  });
  const store = new FileStore(join(config.dataDir, 'files'));
  const services = createServices(db, store, logger);
  if (config.loadPresets) {
    const created = await loadAllPresets(services, logger);
    if (created.length) logger.info({ presets: created }, 'presets loaded');
  }
  const jobs = await startParticipantsJobs(services.directoryImports, logger, env);
  const running = await startSubgraph<ParticipantsContext>({
    config,
    logger,
    typeDefs: parse(schemaText),
    resolvers,
    ready: () => db.ping(),
    db,
    buildContext: (base) => ({ ...base, services, loaders: createLoaders(services) }),
    routes: (app, verify) => {
      app.use(
        createFileRoutes({
          db,
          store,
          maxBytes: config.fileMaxBytes,
          importMaxBytes: config.importFileMaxBytes,
          verify,
          contextFor: (req, viewer) => ({ requestId: req.requestId, logger: req.log, viewer }),
        }),
      );
    },
    onStop: async () => {
      await jobs.close();
      await db.close();
    },
  });
  return { ...running, services };
}
