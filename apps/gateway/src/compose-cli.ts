import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generateOperationTypes, generateResolverTypes, graphClientProjects } from './codegen';
import { composeSupergraph, SUPERGRAPH_PATH } from './compose';
import { SUBGRAPHS } from './subgraphs';

/** `npm run compose`: write the supergraph, every subgraph's generated resolver types and every service's typed graph operations. */
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
  for (const project of graphClientProjects(root)) {
    const { path, content } = await generateOperationTypes(root, project);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    console.log(`wrote ${path.slice(root.length + 1)}`);
  }
})().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
