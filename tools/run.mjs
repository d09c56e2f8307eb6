#!/usr/bin/env node
// Build what a command needs, then run it: `node tools/run.mjs seed|token|compose [args…]`.
// The build is skipped while the bundle is newer than every source it is made from.
// `seed` migrates and loads the presets of every subgraph, one after the other (participants first: the others refer
// to its campaigns by their stable preset ids); each step is idempotent and none needs the gateway running.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildApps } from './build.mjs';

const seedStep = (app) => ({ app, script: `dist/apps/${app}/seed.js`, sources: [`apps/${app}/src`, `apps/${app}/schema.graphql`, 'libs/platform/src', 'libs/jobs/src', 'libs/graph-client/src', 'libs/documents/src'] });
const SEED_APPS = ['participants', 'scoring', 'awards', 'reporting'];

const COMMANDS = {
  seed: { steps: SEED_APPS.map(seedStep) },
  token: { app: 'gateway', script: 'dist/apps/gateway/token.js', sources: ['apps/gateway/src', 'libs/platform/src'] },
  compose: {
    app: 'gateway',
    script: 'dist/apps/gateway/compose-cli.js',
    sources: ['apps/gateway/src', 'libs/platform/src'],
    // kustomize reads no file outside k8s/base: its ConfigMap is generated from this copy (a test checks they are equal).
    after: () => copyFileSync('apps/gateway/supergraph.graphql', 'k8s/base/supergraph.graphql'),
  },
};

/** The newest modification time under a file or directory (0 when it does not exist). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let latest = s.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

/** Does the bundle exist and postdate its sources (and the bundler settings)? */
function upToDate(cmd) {
  if (!existsSync(cmd.script)) return false;
  const built = statSync(cmd.script).mtimeMs;
  return [...cmd.sources, 'tools/esbuild.mjs'].every((p) => newest(p) <= built);
}

const [name, ...args] = process.argv.slice(2);
const cmd = COMMANDS[name];
if (!cmd) {
  console.error(`usage: node tools/run.mjs ${Object.keys(COMMANDS).join('|')} [args…]`);
  process.exit(2);
}
for (const step of cmd.steps ?? [cmd]) {
  if (!upToDate(step)) await buildApps([step.app]);
  const r = spawnSync(process.execPath, ['--enable-source-maps', step.script, ...args], { stdio: 'inherit', env: { DATA_DIR: './data', ...process.env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
  step.after?.();
}
