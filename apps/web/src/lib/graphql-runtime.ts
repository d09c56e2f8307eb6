// What `graphql()` from src/gql is in the built app (vite.config.ts aliases it here): the typed document of the
// generated code, built at run time from the operation's own text, so each page carries only its own operations.
// A fragment is registered with the cache when its module loads; an operation that spreads it gets its definition
// from the registry (Apollo Client's fragment registry), as the generated documents would have carried it.
import { gql } from '@apollo/client';
import { createFragmentRegistry } from '@apollo/client/cache';
import type { DocumentNode } from 'graphql';

export const fragmentRegistry = createFragmentRegistry();

export function graphql(source: string): DocumentNode {
  const doc = gql(source);
  if (doc.definitions.some((d) => d.kind === 'FragmentDefinition')) fragmentRegistry.register(doc);
  return doc;
}

/**
 * Name the fragments a module's operations spread (defined in other modules). Taking their documents as values keeps
 * the import at run time (a type-only use would be erased), so the fragments are registered before the operations
 * run; registering one again is harmless.
 */
export function spreads(...fragments: DocumentNode[]): void {
  fragmentRegistry.register(...fragments);
}
