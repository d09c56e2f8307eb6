import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { AppError, mintToken, type PlatformConfig } from '@thidua/platform';
import { print } from 'graphql';

/**
 * Asks the federated graph, through the gateway, with a service token: the graph is the integration layer. A service's
 * questions live in `.graphql` documents beside the module that asks them; `npm run compose` types them into
 * `src/generated/graph.ts` (result and variables) against the supergraph. A string query is for operations built at
 * run time (the report definitions' own queries).
 */
export interface GraphClient {
  query<R, V extends Record<string, unknown>>(document: TypedDocumentNode<R, V>, variables: V): Promise<R>;
  query<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

/** Each document printed once. */
const printed = new WeakMap<object, string>();
function source(document: string | TypedDocumentNode<unknown, never>): string {
  if (typeof document === 'string') return document;
  let text = printed.get(document);
  if (text === undefined) printed.set(document, (text = print(document)));
  return text;
}

export interface GraphClientOptions {
  /** The gateway's GraphQL endpoint. */
  url: string;
  auth: PlatformConfig['auth'];
  /** Name of the calling service, the token's subject ("service:scoring"). */
  service: string;
  /** A token from the identity provider (OIDC setups); otherwise one is minted with the shared secret. */
  serviceToken?: string;
  timeoutMs?: number;
}

/** A graph client that mints (and renews) its SERVICE token and turns every failure into SERVICE_UNAVAILABLE. */
export function createGraphClient(opts: GraphClientOptions): GraphClient {
  let cached: { token: string; until: number } | null = null;
  const token = async (): Promise<string> => {
    if (opts.serviceToken) return opts.serviceToken;
    if (cached && cached.until > Date.now()) return cached.token;
    const ttl = 15 * 60;
    cached = { token: await mintToken(opts.auth, { roles: ['SERVICE'], subject: `service:${opts.service}`, ttlSeconds: ttl }), until: Date.now() + (ttl - 60) * 1000 };
    return cached.token;
  };
  const unavailable = (reason: string) =>
    new AppError('SERVICE_UNAVAILABLE', 'Không lấy được dữ liệu từ dịch vụ khác trong hệ thống, vui lòng thử lại sau.', { reason }, 503);
  return {
    async query<T>(document: string | TypedDocumentNode<T, never>, variables: Record<string, unknown> = {}): Promise<T> {
      const query = source(document);
      let res: Response;
      try {
        res = await fetch(opts.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${await token()}` },
          body: JSON.stringify({ query, variables }),
          signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
        });
      } catch (err) {
        throw unavailable(String(err));
      }
      const body = (await res.json().catch(() => ({}))) as { data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> };
      if (!res.ok || body.errors?.length || !body.data) {
        throw unavailable(body.errors?.map((e) => `${e.extensions?.code ?? ''} ${e.message}`).join('; ') || `HTTP ${res.status}`);
      }
      return body.data;
    },
  };
}
