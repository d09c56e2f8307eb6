#!/usr/bin/env node
// Build what a command needs, then run it: `node tools/run.mjs seed|token|compose [args…]`.
import { spawnSync } from 'node:child_process';
import { buildApps } from './build.mjs';

const COMMANDS = {
  seed: { app: 'participants', script: 'dist/apps/participants/seed.js' },
  token: { app: 'gateway', script: 'dist/apps/gateway/token.js' },
  compose: { app: 'gateway', script: 'dist/apps/gateway/compose-cli.js' },
};

const [name, ...args] = process.argv.slice(2);
const cmd = COMMANDS[name];
if (!cmd) {
  console.error(`usage: node tools/run.mjs ${Object.keys(COMMANDS).join('|')} [args…]`);
  process.exit(2);
}
await buildApps([cmd.app]);
const r = spawnSync(process.execPath, ['--enable-source-maps', cmd.script, ...args], { stdio: 'inherit', env: { DATA_DIR: './data', ...process.env } });
process.exit(r.status ?? 1);
