import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache, ServerError, type FieldPolicy, type NormalizedCacheObject } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { catchError, defer, map, of, retry, throwError, timer } from 'rxjs';
import { fragmentRegistry } from './graphql-runtime';

/** Codes meaning the session the page was working in has ended (expired, signed out elsewhere, account disabled). */
const SESSION_LOST = new Set(['UNAUTHENTICATED', 'TOKEN_EXPIRED', 'TOKEN_INVALID']);
const sessionLostListeners = new Set<() => void>();

/** Be told when the graph answers as if nobody were signed in (the session provider re-reads the session then). */
export function onSessionLost(listener: () => void): () => void {
  sessionLostListeners.add(listener);
  return () => sessionLostListeners.delete(listener);
}

function sessionLost(): void {
  for (const l of sessionLostListeners) l();
}

/** Every answer of the graph says, in a header, when the session cookie it received had ended. */
const watchedFetch: typeof fetch = async (input, init) => {
  const res = await fetch(input, init);
  if (res.headers.get('x-thidua-session') === 'ended') sessionLost();
  return res;
};

const sessionWatch = new ErrorLink(({ error }) => {
  const codes = CombinedGraphQLErrors.is(error)
    ? error.errors.map((e) => String(e.extensions?.code ?? ''))
    : ServerError.is(error) && error.statusCode === 401
      ? ['UNAUTHENTICATED']
      : [];
  if (codes.some((c) => SESSION_LOST.has(c))) sessionLost();
});

/**
 * Answers that say a mutation may not have been made, or a service was briefly away, or the first sending is still
 * being made (its answer comes to a later repeat): safe to repeat under one key.
 */
const REPEATABLE = new Set(['OUTCOME_UNKNOWN', 'SERVICE_UNAVAILABLE', 'SUBGRAPH_TIMEOUT', 'IDEMPOTENCY_IN_PROGRESS']);

class RepeatableAnswer extends Error {
  constructor(readonly result: ApolloLink.Result) {
    super('repeatable answer');
  }
}

/**
 * Every mutation carries its own Idempotency-Key (a new one per user action, kept across its repeats): the graph makes
 * it once however often it arrives. A mutation whose outcome the graph could not tell (a timeout, a service briefly
 * away, a dropped connection, or its first sending still at work) is sent again under the same key, after 1, 2 and 4 s;
 * the last answer is shown as it is.
 */
const idempotentMutations = new ApolloLink((operation, forward) => {
  if (operation.operationType !== 'mutation') return forward(operation);
  const key = crypto.randomUUID();
  operation.setContext(({ headers }: { headers?: Record<string, string> }) => ({ headers: { ...headers, 'idempotency-key': key } }));
  return defer(() => forward(operation)).pipe(
    map((result) => {
      if (result.errors?.some((e) => REPEATABLE.has(String(e.extensions?.code ?? '')))) throw new RepeatableAnswer(result);
      return result;
    }),
    retry({
      count: 3,
      delay: (error: unknown, attempt: number) =>
        error instanceof RepeatableAnswer || (error instanceof TypeError && !ServerError.is(error)) ? timer(1000 * 2 ** (attempt - 1)) : throwError(() => error),
    }),
    catchError((error: unknown) => (error instanceof RepeatableAnswer ? of(error.result) : throwError(() => error))),
  );
});

// Partial answers are worth showing: when one part of the graph is slow or down, the rest of a page still reads.
// Apollo Client 4 takes its default-option types by module augmentation, which needs namespaces.
/* eslint-disable @typescript-eslint/no-namespace */
declare module '@apollo/client' {
  export namespace ApolloClient {
    export namespace DeclareDefaultOptions {
      interface WatchQuery {
        errorPolicy: 'all';
      }
      interface Query {
        errorPolicy: 'all';
      }
    }
  }
}
/* eslint-enable @typescript-eslint/no-namespace */

/** A field policy for a cursor-paged connection whose items are in `listField`. */
function appendPages(keyArgs: string[], listField: string): FieldPolicy<Record<string, unknown>> {
  return {
    keyArgs,
    merge(existing, incoming, { args }) {
      if (!existing || !args?.after) return incoming;
      // A next page that did not load (its service late or down: null) keeps the pages already shown.
      if (!incoming) return existing;
      const before = (existing[listField] as unknown[] | undefined) ?? [];
      const added = (incoming[listField] as unknown[] | undefined) ?? [];
      return { ...incoming, [listField]: [...before, ...added] };
    },
  };
}

/** Where a client of the graph runs: the browser (the default), or the gateway rendering a public page (web/server.tsx). */
export interface ApolloClientOptions {
  /** How operations reach the graph: over HTTP from the page (the default), or run in the gateway's own process. */
  transport?: ApolloLink;
  /** Rendering in the gateway: queries answer from the cache the route's loader filled, without asking again. */
  ssrMode?: boolean;
  /** The cache the gateway's rendering left in the page: the page is hydrated with the answers it was rendered from. */
  state?: NormalizedCacheObject;
}

/**
 * The one client of the graph. The session cookie rides along (same origin); Apollo Server's CSRF rule is met by the
 * JSON content type. Entities are normalised by id, so an update shows everywhere it is read.
 */
export function createApolloClient(options: ApolloClientOptions = {}): ApolloClient {
  const cache = new InMemoryCache({
    fragments: fragmentRegistry,
    typePolicies: {
      // Cursor-paged lists: pages fetched with `after` are appended to the list of the same filter. (Rankings are not
      // kept in the cache: features/ranking/rankings-query.ts.)
      Query: { fields: { orgUnits: appendPages(['asOf', 'kind', 'parentId', 'ids', 'search', 'includeInactive'], 'edges') } },
    },
  });
  if (options.state) cache.restore(options.state);
  return new ApolloClient({
    link: ApolloLink.from([sessionWatch, idempotentMutations, options.transport ?? new HttpLink({ uri: '/graphql', credentials: 'same-origin', fetch: watchedFetch })]),
    cache,
    ssrMode: options.ssrMode,
    // A page rendered by the gateway is hydrated from the answers it was rendered with: for its first moment, the
    // queries that would ask again (cache-and-network) read the cache only, so the page renders as the gateway did.
    ssrForceFetchDelay: options.state ? 1000 : undefined,
    defaultOptions: {
      watchQuery: { fetchPolicy: 'cache-and-network', errorPolicy: 'all' },
      query: { errorPolicy: 'all' },
    },
  });
}
