// What `graphql()` from src/gql is in the built app (vite.config.ts aliases it here): the typed document of the
// generated code, built at run time from the operation's own text. Operations are self-contained (no fragments).
import { gql } from '@apollo/client';
import type { DocumentNode } from 'graphql';

export function graphql(source: string): DocumentNode {
  return gql(source);
}
