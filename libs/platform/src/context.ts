import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from 'pino';
import type { Viewer } from './auth';
import type { IdempotencyState } from './idempotency';

/** What every piece of code may know about the request it is serving. */
export interface RequestContext {
  requestId: string;
  logger: Logger;
  viewer: Viewer;
  /** The Idempotency-Key the request carries (mutations keep their answer under it). */
  idempotency?: IdempotencyState;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Run fn with a request context bound to everything it awaits. */
export function runWithContext<T>(ctx: RequestContext, fn: () => T): T {
  return storage.run(ctx, fn);
}

/** The current request's context, if any (jobs and boot code have none). */
export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}
