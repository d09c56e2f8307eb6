import { auditEntryResolvers, queryAuditLog } from '@thidua/platform';
import type { Resolvers } from '../generated/resolvers';

export const auditResolvers: Resolvers = {
  Query: {
    reportingAuditLog: (_, args, ctx) => queryAuditLog(ctx.services.db, ctx.viewer, args),
  },
  AuditEntry: auditEntryResolvers,
};
