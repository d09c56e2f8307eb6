import { auditEntryResolvers, queryAuditLog } from '@thidua/platform';
import type { ScoringContext } from '../context';
import type { Resolvers } from '../generated/resolvers';

/** The scoring subgraph's change log (ADMIN): frameworks, periods, assessments and every score with its before and after. */
export const auditResolvers: Resolvers = {
  Query: {
    scoringAuditLog: (_: unknown, args: unknown, ctx: ScoringContext) => queryAuditLog(ctx.services.db, ctx.viewer, args),
  },
  AuditEntry: auditEntryResolvers,
};
