import type { FindOptionsWhere } from 'typeorm';
import { z } from 'zod';
import { AuditEntry } from './audit.entity';
import { requireRole } from './auth';
import type { Database } from './database';
import type { Viewer } from './auth';
import { validate } from './validation';

const auditLogArgs = z.object({
  entityType: z.string().max(64).nullish(),
  entityId: z.string().max(64).nullish(),
  actorId: z.string().max(191).nullish(),
  first: z.number().int().min(1).max(500).nullish(),
});

/** The `<service>AuditLog` query every subgraph offers: its own audit rows, newest first, for ADMIN only. */
export async function queryAuditLog(db: Database, viewer: Viewer, args: unknown): Promise<AuditEntry[]> {
  requireRole(viewer, 'ADMIN');
  const a = validate(auditLogArgs, args);
  const where: FindOptionsWhere<AuditEntry> = {};
  if (a.entityType) where.entityType = a.entityType;
  if (a.entityId) where.entityId = a.entityId;
  if (a.actorId) where.actorId = a.actorId;
  return db.manager.find(AuditEntry, { where, order: { at: 'DESC' }, take: a.first ?? 50 });
}

/** Field resolvers of the shared AuditEntry type: roles as a list, snapshots as JSON text. */
export const auditEntryResolvers = {
  actorRoles: (e: AuditEntry) => e.actorRoles.split(',').filter(Boolean),
  before: (e: AuditEntry) => (e.before === null || e.before === undefined ? null : JSON.stringify(e.before)),
  after: (e: AuditEntry) => (e.after === null || e.after === undefined ? null : JSON.stringify(e.after)),
};
