import { AuditEntry, requireRole, validate } from '@thidua/platform';
import type { FindOptionsWhere } from 'typeorm';
import { z } from 'zod';
import type { ParticipantsContext } from '../context';
import type { Resolvers } from '../generated/resolvers';

type Ctx = ParticipantsContext;

export const auditResolvers: Resolvers = {
  Query: {
    participantsAuditLog: async (_: unknown, args: unknown, ctx: Ctx) => {
      requireRole(ctx.viewer, 'ADMIN');
      const a = validate(
        z.object({
          entityType: z.string().max(64).nullish(),
          entityId: z.string().max(64).nullish(),
          actorId: z.string().max(191).nullish(),
          first: z.number().int().min(1).max(500).nullish(),
        }),
        args,
      );
      const where: FindOptionsWhere<AuditEntry> = {};
      if (a.entityType) where.entityType = a.entityType;
      if (a.entityId) where.entityId = a.entityId;
      if (a.actorId) where.actorId = a.actorId;
      return ctx.services.db.manager.find(AuditEntry, { where, order: { at: 'DESC' }, take: a.first ?? 50 });
    },
  },
  AuditEntry: {
    actorRoles: (e: AuditEntry) => e.actorRoles.split(',').filter(Boolean),
    before: (e: AuditEntry) => (e.before === null || e.before === undefined ? null : JSON.stringify(e.before)),
    after: (e: AuditEntry) => (e.after === null || e.after === undefined ? null : JSON.stringify(e.after)),
  },
};
