import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generateResolverTypes } from './codegen';
import { composeSupergraph, SUPERGRAPH_PATH } from './compose';
import { SUBGRAPHS } from './subgraphs';

/** `npm run compose`: write the supergraph and every subgraph's generated resolver types. */
const root = process.cwd();
writeFileSync(join(root, SUPERGRAPH_PATH), composeSupergraph(root));
console.log(`wrote ${SUPERGRAPH_PATH}`);
(async () => {
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
