// Shared esbuild settings: one CommonJS bundle per entry point, dependencies left in node_modules
// except ESM-only ones, which are bundled so the output runs on Node 20 without require(esm).
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
// openid-client brings oauth4webapi (not a direct dependency, so bundled anyway); both are ESM-only.
const ESM_ONLY = new Set(['jose', 'openid-client']);
export const external = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })
  .filter((d) => !ESM_ONLY.has(d))
  .flatMap((d) => [d, `${d}/*`]);

/**
 * Bundle entry points (paths relative to the repo root) into outdir. Returns the files the bundles were made from
 * (relative to the repo root, node_modules left out: package-lock.json stands for them), for up-to-date checks.
 */
export async function bundle(entryPoints, outdir) {
  const result = await build({
    absWorkingDir: root,
    entryPoints,
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    keepNames: true,
    external,
    loader: { '.graphql': 'text' },
    tsconfig: `${root}tsconfig.base.json`,
    logLevel: 'warning',
    metafile: true,
  });
  return Object.keys(result.metafile.inputs).filter((f) => !f.includes('node_modules/'));
}
