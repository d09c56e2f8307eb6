import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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

if (require.main === module) {
  const root = process.cwd();
  writeFileSync(join(root, SUPERGRAPH_PATH), composeSupergraph(root));
  console.log(`wrote ${SUPERGRAPH_PATH}`);
  (async () => {
    // Code generation is a development tool: loaded only by this command, never by the running gateway.
    const { generateResolverTypes } = await import('./codegen.js');
    for (const s of SUBGRAPHS) {
      const { path, content } = await generateResolverTypes(root, s);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
      console.log(`wrote ${path.slice(root.length + 1)}`);
    }
  })().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
