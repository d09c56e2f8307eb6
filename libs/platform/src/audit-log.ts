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
  /** Changes at or after / at or before these times. */
  from: z.date().nullish(),
  to: z.date().nullish(),
  /** Words found in the record's id, the action, or the before / after snapshots (a decision's number, a name). */
  search: z.string().trim().max(200).nullish(),
});

/** LIKE with '!' as the escape character (one character in every database's string syntax). */
const likePattern = (s: string) => `%${s.replace(/[!%_]/g, (c) => `!${c}`)}%`;

/**
 * The `<service>AuditLog` query every subgraph offers: its own audit rows, newest first, for ADMIN only; narrowed by
 * record, actor, time range and words in the snapshots.
 */
export async function queryAuditLog(db: Database, viewer: Viewer, args: unknown): Promise<AuditEntry[]> {
  requireRole(viewer, 'ADMIN');
  const a = validate(auditLogArgs, args);
  const qb = db.manager.createQueryBuilder(AuditEntry, 'e');
  if (a.entityType) qb.andWhere('e.entityType = :entityType', { entityType: a.entityType });
  if (a.entityId) qb.andWhere('e.entityId = :entityId', { entityId: a.entityId });
  if (a.actorId) qb.andWhere('e.actorId = :actorId', { actorId: a.actorId });
  if (a.from) qb.andWhere('e.at >= :from', { from: a.from });
  if (a.to) qb.andWhere('e.at <= :to', { to: a.to });
  if (a.search) {
    const col = (c: string) => `e.${qb.escape(c)}`;
    qb.andWhere(
      `(${col('entity_id')} LIKE :q ESCAPE '!' OR ${col('action')} LIKE :q ESCAPE '!' OR ${col('before')} LIKE :q ESCAPE '!' OR ${col('after')} LIKE :q ESCAPE '!')`,
      { q: likePattern(a.search) },
    );
  }
  return qb.orderBy('e.at', 'DESC').take(a.first ?? 50).getMany();
}

/** Field resolvers of the shared AuditEntry type: roles as a list, snapshots as JSON text. */
export const auditEntryResolvers = {
  actorRoles: (e: AuditEntry) => e.actorRoles.split(',').filter(Boolean),
  before: (e: AuditEntry) => (e.before === null || e.before === undefined ? null : JSON.stringify(e.before)),
  after: (e: AuditEntry) => (e.after === null || e.after === undefined ? null : JSON.stringify(e.after)),
};
