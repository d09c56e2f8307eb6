import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { SUBGRAPHS } from './subgraphs';

export const SUPERGRAPH_PATH = 'apps/gateway/supergraph.graphql';

/** Compose the subgraphs' SDL files (relative to the repo root) into a supergraph SDL, or throw the composition errors. */
export function composeSupergraph(root: string): string {
  const result = composeServices(
    SUBGRAPHS.map((s) => ({
      name: s.name,
      url: `http://127.0.0.1:${s.defaultPort}/graphql`,
      typeDefs: parse(readFileSync(join(root, s.schemaPath), 'utf8')),
    })),
  );
  if (result.errors?.length || !result.supergraphSdl) {
    throw new Error(`Composition failed:\n${(result.errors ?? []).map((e) => ` - ${e.message}`).join('\n')}`);
  }
  return `${result.supergraphSdl.trim()}\n`;
}
