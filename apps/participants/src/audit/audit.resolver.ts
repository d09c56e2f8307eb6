import { auditEntryResolvers, queryAuditLog } from '@thidua/platform';
import type { ParticipantsContext } from '../context';
import type { Resolvers } from '../generated/resolvers';

export const auditResolvers: Resolvers = {
  Query: {
    participantsAuditLog: (_: unknown, args: unknown, ctx: ParticipantsContext) => queryAuditLog(ctx.services.db, ctx.viewer, args),
  },
  AuditEntry: auditEntryResolvers,
};
