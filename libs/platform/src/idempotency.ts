import { createHash } from 'node:crypto';
import type { ApolloServerPlugin, GraphQLRequestContext, GraphQLResponse } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import { Column, Entity, Index, LessThan, PrimaryColumn, type EntityManager } from 'typeorm';
import { currentContext, type RequestContext } from './context';
import type { Database } from './database';
import { AppError } from './errors';

/**
 * Idempotency keys for mutations (issue 15: "writes whose outcome the client knows").
 *
 * A client that may have to repeat a mutation (a timeout answered OUTCOME_UNKNOWN, a dropped connection) sends
 * `Idempotency-Key: <its own unique string>`; the gateway forwards it to the subgraph that owns the mutation. There
 * the key is written in the mutation's own transaction, with the audit rows every change writes: the key exists if and
 * only if the change was committed. Once the answer is known it is kept with the key, so that the same key, from the
 * same account, within `IDEMPOTENCY_TTL_HOURS`, gets the first answer again and changes nothing; the same key with a
 * different mutation or different variables is refused. A failed mutation commits nothing and keeps no key: repeating
 * it runs it again.
 */
export const IDEMPOTENCY_HEADER = 'idempotency-key';

/** Set (`true`) on an answer that is the kept first answer of its key, not a new run of the mutation. */
export const IDEMPOTENT_REPLAYED_HEADER = 'idempotent-replayed';

/** How long an answer is kept for its key (the issue asks at least 24 hours). */
export const IDEMPOTENCY_TTL_HOURS = 48;

/** Answers larger than this are not kept (a repeat is then told that the change was made). */
const MAX_STORED_RESPONSE = 1_000_000;

export const idempotencyErrors = {
  IDEMPOTENCY_KEY_INVALID: 'Khoá chống gửi trùng (Idempotency-Key) phải có từ 8 đến 128 ký tự chữ, số, dấu gạch ngang, gạch dưới, chấm hoặc hai chấm.',
  IDEMPOTENCY_KEY_REUSED: 'Khoá chống gửi trùng này đã được dùng cho một thao tác khác; mỗi thao tác mới cần một khoá mới.',
  IDEMPOTENCY_IN_PROGRESS: 'Thao tác với khoá chống gửi trùng này đã được ghi nhận và đang được xử lý; vui lòng tải lại để xem kết quả, không cần gửi lại.',
} as const;

/** One key an account used for a mutation, with the mutation's fingerprint and, once known, its answer. */
@Entity('idempotency_key')
@Index('idx_idempotency_created', ['createdAt'])
export class IdempotencyKey {
  @PrimaryColumn({ name: 'actor_id', type: 'varchar', length: 191 })
  actorId!: string;

  @PrimaryColumn({ name: 'idem_key', type: 'varchar', length: 128 })
  key!: string;

  /** sha256 of the operation sent to this subgraph and its variables. */
  @Column({ name: 'request_hash', type: 'varchar', length: 64 })
  requestHash!: string;

  /** The answer as JSON (null until known, or when too large to keep). */
  @Column({ type: 'text', nullable: true })
  response!: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;
}

/** The key a request carries, as the request context holds it while the mutation runs. */
export interface IdempotencyState {
  key: string;
  /** Set once the operation is known to be a mutation (queries ignore the key). */
  hash?: string;
  /** The key was written in a transaction of this request. */
  recorded?: boolean;
}

const KEY_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;

/** The key of a request's header, or undefined; a malformed key is refused before anything runs. */
export function readIdempotencyKey(header: string | undefined): IdempotencyState | undefined {
  if (header === undefined || header === '') return undefined;
  if (!KEY_PATTERN.test(header)) throw new AppError('IDEMPOTENCY_KEY_INVALID', idempotencyErrors.IDEMPOTENCY_KEY_INVALID, undefined, 400);
  return { key: header };
}

/**
 * Called by recordAudit inside the change's transaction: the first change of a mutation that carries a key writes
 * the key beside it, so that both commit or neither does. Two requests racing with one key: the second one's insert
 * meets the first one's row and its transaction rolls back.
 */
export async function recordIdempotencyKey(manager: EntityManager, ctx: RequestContext | undefined = currentContext()): Promise<void> {
  const state = ctx?.idempotency;
  if (!ctx || !state?.hash || state.recorded) return;
  const actorId = ctx.viewer.userId;
  if (!actorId) return;
  try {
    await manager.insert(IdempotencyKey, { actorId, key: state.key, requestHash: state.hash, response: null, createdAt: new Date() });
  } catch (err) {
    if (isDuplicate(err)) throw new AppError('IDEMPOTENCY_IN_PROGRESS', idempotencyErrors.IDEMPOTENCY_IN_PROGRESS, undefined, 409);
    throw err;
  }
  state.recorded = true;
}

function isDuplicate(err: unknown): boolean {
  const e = err as { code?: string; errno?: number; driverError?: { code?: string } } | undefined;
  const code = e?.code ?? e?.driverError?.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT' || e?.errno === 1062;
}

function fingerprint(request: GraphQLRequestContext<object>['request']): string {
  return createHash('sha256')
    .update(JSON.stringify([request.operationName ?? null, request.query ?? '', request.variables ?? {}]))
    .digest('hex');
}

function errorResponse(ctx: GraphQLRequestContext<object>, code: keyof typeof idempotencyErrors, status: number, service: string): GraphQLResponse {
  ctx.response.http.status = status;
  const singleResult: FormattedExecutionResult = { errors: [{ message: idempotencyErrors[code], extensions: { code, lang: 'vi', service } }] };
  return { http: ctx.response.http, body: { kind: 'single', singleResult } };
}

/**
 * The subgraph's side: a mutation with a key already answered gets that answer again without running; a key used for
 * another operation is refused; the answer of a mutation that wrote its key is kept with it.
 */
export function idempotencyPlugin<TContext extends object>(db: Database, service: string): ApolloServerPlugin<TContext> {
  let lastPurge = 0;
  return {
    async requestDidStart() {
      return {
        async responseForOperation(ctx) {
          const request = currentContext();
          const state = request?.idempotency;
          if (!state || ctx.operation?.operation !== 'mutation' || !request.viewer.userId) return null;
          state.hash = fingerprint(ctx.request);
          const now = Date.now();
          if (now - lastPurge > 3_600_000) {
            lastPurge = now;
            await db.manager.delete(IdempotencyKey, { createdAt: LessThan(new Date(now - IDEMPOTENCY_TTL_HOURS * 3_600_000)) });
          }
          const row = await db.manager.findOneBy(IdempotencyKey, { actorId: request.viewer.userId, key: state.key });
          if (!row || row.createdAt.getTime() < now - IDEMPOTENCY_TTL_HOURS * 3_600_000) return null;
          if (row.requestHash !== state.hash) return errorResponse(ctx, 'IDEMPOTENCY_KEY_REUSED', 422, service);
          if (row.response === null) return errorResponse(ctx, 'IDEMPOTENCY_IN_PROGRESS', 409, service);
          ctx.response.http.headers.set(IDEMPOTENT_REPLAYED_HEADER, 'true');
          return { http: ctx.response.http, body: { kind: 'single', singleResult: JSON.parse(row.response) as FormattedExecutionResult } };
        },
        async willSendResponse(ctx) {
          const request = currentContext();
          const state = request?.idempotency;
          if (!request || !state?.recorded || ctx.response.body.kind !== 'single') return;
          const text = JSON.stringify(ctx.response.body.singleResult);
          if (text.length > MAX_STORED_RESPONSE) return;
          // Best effort: should this fail, a repeat is told the change was made (IDEMPOTENCY_IN_PROGRESS), never redone.
          await db.manager
            .update(IdempotencyKey, { actorId: request.viewer.userId, key: state.key }, { response: text })
            .catch((err: unknown) => request.logger.warn({ err: String(err) }, 'could not keep the answer of an idempotent mutation'));
        },
      };
    },
  };
}
