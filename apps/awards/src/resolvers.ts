import { auditEntryResolvers, mergeResolvers, queryAuditLog, DateScalar, DateTimeScalar } from '@thidua/platform';
import { awardFormResolvers } from './award-form/award-form.resolver';
import { awardRulesResolvers } from './award-rules/award-rules.resolver';
import { consultationResolvers } from './consultation/consultation.resolver';
import { councilResolvers } from './council/council.resolver';
import { decisionResolvers } from './decision/decision.resolver';
import { dossierResolvers } from './dossier/dossier.resolver';
import type { Resolvers } from './generated/resolvers';
import { nominationResolvers } from './nomination/nomination.resolver';

/** All resolvers of the awards subgraph: each module resolves its own fields of Query, Mutation and the shared types. */
export const resolvers: Resolvers = {
  ...mergeResolvers<Resolvers>(awardFormResolvers, awardRulesResolvers, nominationResolvers, dossierResolvers, councilResolvers, decisionResolvers, consultationResolvers, {
    Query: {
      awardsAuditLog: (_, args, ctx) => queryAuditLog(ctx.services.db, ctx.viewer, args),
    },
    AuditEntry: auditEntryResolvers,
  }),
  Date: DateScalar,
  DateTime: DateTimeScalar,
};
