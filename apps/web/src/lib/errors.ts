// Turn whatever went wrong into what a civil servant can read: one Vietnamese sentence, plus the field it concerns.
import { CombinedGraphQLErrors, ServerError } from '@apollo/client';
import { errorMessages } from '../i18n/labels';

export interface FieldError {
  field: string;
  message: string;
}

export interface UserError {
  code: string;
  message: string;
  fields: FieldError[];
}

interface ErrorShape {
  message?: string;
  extensions?: { code?: unknown; field?: unknown; fields?: unknown; details?: { fields?: unknown } | null } | null;
}

function fromShape(e: ErrorShape): UserError {
  const code = typeof e.extensions?.code === 'string' ? e.extensions.code : 'INTERNAL_SERVER_ERROR';
  const fields: FieldError[] = [];
  // The subgraphs list field problems under extensions.details.fields, the gateway's /auth under extensions.fields.
  const listed = e.extensions?.fields ?? e.extensions?.details?.fields;
  if (Array.isArray(listed)) {
    for (const f of listed as Array<{ field?: unknown; message?: unknown }>) {
      if (typeof f.field === 'string' && typeof f.message === 'string') fields.push({ field: f.field, message: f.message });
    }
  }
  const serverMessage = typeof e.message === 'string' && e.message ? e.message : undefined;
  if (typeof e.extensions?.field === 'string' && serverMessage) fields.push({ field: e.extensions.field, message: serverMessage });
  // The server's message is already Vietnamese and specific (it names the unit, the date, the clause); a code we know
  // only replaces it when the server has none, or when it is a validation summary that would show field names.
  const known = errorMessages[code];
  const message = code === 'VALIDATION_FAILED' && fields.length ? (known ?? serverMessage ?? '') : (serverMessage ?? known ?? errorMessages.INTERNAL_SERVER_ERROR);
  return { code, message, fields };
}

/** The errors of a GraphQL or HTTP failure, each as a sentence. */
export function toUserErrors(error: unknown): UserError[] {
  if (!error) return [];
  if (CombinedGraphQLErrors.is(error)) return error.errors.map((e) => fromShape(e as ErrorShape));
  if (ServerError.is(error)) {
    try {
      const body = JSON.parse(error.bodyText) as { errors?: ErrorShape[] };
      if (body.errors?.length) return body.errors.map(fromShape);
    } catch {
      // not JSON: fall through
    }
    return [{ code: 'SERVICE_UNAVAILABLE', message: errorMessages.SERVICE_UNAVAILABLE, fields: [] }];
  }
  if (error instanceof RestError) return error.userErrors;
  if (error instanceof TypeError) return [{ code: 'NETWORK', message: errorMessages.NETWORK, fields: [] }];
  return [{ code: 'INTERNAL_SERVER_ERROR', message: errorMessages.INTERNAL_SERVER_ERROR, fields: [] }];
}

/** The first error as one sentence (for a notification or an alert). */
export function toUserMessage(error: unknown): string {
  return toUserErrors(error)[0]?.message ?? errorMessages.INTERNAL_SERVER_ERROR;
}

/** An error answered by one of the gateway's HTTP endpoints (/auth, /files). */
export class RestError extends Error {
  readonly userErrors: UserError[];
  constructor(
    public readonly status: number,
    errors: UserError | UserError[],
  ) {
    const list = Array.isArray(errors) ? errors : [errors];
    super(list[0]?.message ?? '');
    this.name = 'RestError';
    this.userErrors = list;
  }

  /** The first error's code (e.g. VERSION_CONFLICT). */
  get code(): string {
    return this.userErrors[0]?.code ?? '';
  }
}

/** Call a JSON endpoint of the gateway (same origin, cookie session). Errors become RestError in Vietnamese. */
export async function restJson<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(path, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    credentials: 'same-origin',
    headers: init.body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json', accept: 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  let body: unknown = undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!res.ok) {
    // A refused form answers one error per field: keep them all so each shows beside its field.
    const errors = (body as { errors?: ErrorShape[] } | undefined)?.errors ?? [];
    throw new RestError(res.status, errors.length ? errors.map(fromShape) : { code: `HTTP_${res.status}`, message: errorMessages.SERVICE_UNAVAILABLE, fields: [] });
  }
  return body as T;
}
