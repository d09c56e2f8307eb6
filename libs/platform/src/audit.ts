import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AuditEntry } from './audit.entity';
import { currentContext } from './context';
import { recordIdempotencyKey } from './idempotency';

export interface AuditChange {
  entityType: string;
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
}

/** Plain JSON copy of an entity for the audit trail (dates as ISO strings). */
export function snapshot(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return JSON.parse(JSON.stringify(value)) as unknown;
}

/** Write audit rows inside the caller's transaction, attributed to the current request's viewer. */
export async function recordAudit(manager: EntityManager, ...changes: AuditChange[]): Promise<void> {
  const ctx = currentContext();
  const viewer = ctx?.viewer;
  const rows = changes.map((c) =>
    manager.create(AuditEntry, {
      id: randomUUID(),
      at: new Date(),
      actorId: viewer?.userId ?? 'system',
      actorRoles: viewer?.roles.join(',') ?? 'SYSTEM',
      actorUnitId: viewer?.orgUnitId ?? null,
      requestId: ctx?.requestId ?? null,
      entityType: c.entityType,
      entityId: c.entityId,
      action: c.action,
      before: snapshot(c.before),
      after: snapshot(c.after),
    }),
  );
  await manager.save(AuditEntry, rows);
  // A mutation sent with an Idempotency-Key keeps the key in the same transaction as its first change.
  await recordIdempotencyKey(manager, ctx);
}
