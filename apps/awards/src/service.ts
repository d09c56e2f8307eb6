import { AuditEntry, createLogger, IdempotencyKey, openDatabase, startSubgraph, type PlatformConfig, type RunningSubgraph } from '@thidua/platform';
import { parse } from 'graphql';
import schemaText from '../schema.graphql';
import { AwardForm, LegalInstrument, Occasion } from './award-form/award-form.entity';
import { CampaignAwardRules } from './award-rules/award-rules.entity';
import { Consultation, ConsultationComment, ConsultationNominee } from './consultation/consultation.entity';
import { createLoaders, createServices, type AwardsContext, type Services } from './context';
import { mysqlMigrations, sqliteMigrations } from './migrations';
import { DossierDocument } from './dossier/dossier.entity';
import { Nomination, NominationStep, Quota } from './nomination/nomination.entity';
import { CouncilRecusal, CouncilReview, CouncilVote } from './council/council.entity';
import { AwardCertificate, AwardDecision, BaseSalary, BonusRate, RewardFund } from './decision/decision.entity';
import { loadPresets } from './preset/preset.service';
import { resolvers } from './resolvers';

/** Every entity of the awards database, listed explicitly. */
export const awardsEntities = [
  AuditEntry,
  IdempotencyKey,
  LegalInstrument,
  AwardForm,
  Occasion,
  CampaignAwardRules,
  Nomination,
  NominationStep,
  Quota,
  DossierDocument,
  CouncilReview,
  CouncilVote,
  CouncilRecusal,
  AwardDecision,
  BaseSalary,
  BonusRate,
  RewardFund,
  AwardCertificate,
  Consultation,
  ConsultationNominee,
  ConsultationComment,
];

export interface RunningAwards extends RunningSubgraph {
  services: Services;
}

/** Boot the awards subgraph: database and migrations, presets when configured, GraphQL. */
export async function startAwards(config: PlatformConfig): Promise<RunningAwards> {
  const logger = createLogger(config.service, config.logLevel);
  const db = await openDatabase({ config, logger, entities: awardsEntities, migrations: { mysql: mysqlMigrations, sqlite: sqliteMigrations } });
  const services = createServices(db, config);
  if (config.loadPresets) await loadPresets(services, logger);
  const running = await startSubgraph<AwardsContext>({
    config,
    logger,
    typeDefs: parse(schemaText),
    resolvers,
    ready: () => db.ping(),
    db,
    buildContext: (base) => ({ ...base, services, loaders: createLoaders(services) }),
    onStop: () => db.close(),
  });
  return { ...running, services };
}
