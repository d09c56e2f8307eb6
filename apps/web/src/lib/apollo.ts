import { ApolloClient, HttpLink, InMemoryCache, type FieldPolicy } from '@apollo/client';

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
      const before = (existing[listField] as unknown[] | undefined) ?? [];
      const added = (incoming[listField] as unknown[] | undefined) ?? [];
      return { ...incoming, [listField]: [...before, ...added] };
    },
  };
}

/**
 * The one client of the graph. The session cookie rides along (same origin); Apollo Server's CSRF rule is met by the
 * JSON content type. Entities are normalised by id, so an update shows everywhere it is read.
 */
export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri: '/graphql', credentials: 'same-origin' }),
    cache: new InMemoryCache({
      typePolicies: {
        // Cursor-paged lists: pages fetched with `after` are appended to the list of the same filter.
        Query: { fields: { orgUnits: appendPages(['asOf', 'kind', 'parentId', 'ids', 'search', 'includeInactive'], 'edges') } },
        Campaign: { fields: { rankings: appendPages(['year', 'kind', 'clusterId'], 'entries') } },
      },
    }),
    defaultOptions: {
      watchQuery: { fetchPolicy: 'cache-and-network', errorPolicy: 'all' },
      query: { errorPolicy: 'all' },
    },
  });
}
