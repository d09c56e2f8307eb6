import { AppError, platformError } from './errors';
import { QueryFailedError, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';

/** Did the database refuse a row because of a unique index? (MySQL/MariaDB and SQLite.) */
export function isUniqueViolation(err: unknown): boolean {
  if (!(err instanceof QueryFailedError)) return false;
  const e = err as QueryFailedError & { code?: string; driverError?: { code?: string } };
  const code = e.driverError?.code ?? e.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/.test(e.message);
}

/** Turn a unique-index violation into the given domain error; rethrow anything else. */
export function rethrowUnique(err: unknown, domainError: AppError): never {
  if (isUniqueViolation(err)) throw domainError;
  throw err;
}

/**
 * Update a row only if nobody changed it since the client read `expectedVersion`:
 * one conditional UPDATE, so two concurrent edits cannot both win.
 */
export async function updateVersioned<T extends ObjectLiteral & { id: string; version: number }>(
  manager: EntityManager,
  target: EntityTarget<T>,
  id: string,
  expectedVersion: number,
  patch: Partial<T>,
  notFound: AppError,
): Promise<T> {
  const result = await manager
    .createQueryBuilder()
    .update(target)
    .set(patch as never)
    .where('id = :id AND version = :v', { id, v: expectedVersion })
    .execute();
  const row = await manager.findOne(target, { where: { id } as never });
  if (!row) throw notFound;
  if (!result.affected) throw platformError('VERSION_CONFLICT', { expectedVersion, currentVersion: row.version });
  return row;
}

/** A row another row points to must exist; a missing one is a broken reference, reported as NOT_FOUND. */
export function present<T>(value: T | null | undefined, entity: string, id: string): T {
  if (value === null || value === undefined) throw platformError('NOT_FOUND', { entity, id });
  return value;
}
