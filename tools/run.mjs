#!/usr/bin/env node
// Build what a command needs, then run it: `node tools/run.mjs seed|token|compose [args…]`.
// The build is skipped while the bundle is newer than every source it is made from.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildApps } from './build.mjs';

const COMMANDS = {
  seed: { app: 'participants', script: 'dist/apps/participants/seed.js', sources: ['apps/participants/src', 'apps/participants/schema.graphql', 'libs/platform/src'] },
  token: { app: 'gateway', script: 'dist/apps/gateway/token.js', sources: ['apps/gateway/src', 'libs/platform/src'] },
  compose: { app: 'gateway', script: 'dist/apps/gateway/compose-cli.js', sources: ['apps/gateway/src', 'libs/platform/src'] },
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
if (!upToDate(cmd)) await buildApps([cmd.app]);
const r = spawnSync(process.execPath, ['--enable-source-maps', cmd.script, ...args], { stdio: 'inherit', env: { DATA_DIR: './data', ...process.env } });
process.exit(r.status ?? 1);
