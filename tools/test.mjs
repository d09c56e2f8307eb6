#!/usr/bin/env node
// `npm test`: typecheck and lint every project (Nx), then run every test (jest). With CI=true the
// database tests also run on MariaDB/MySQL and fail, never skip, when it is unreachable.
import { spawnSync } from 'node:child_process';

const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', FORCE_COLOR: process.env.FORCE_COLOR ?? '0' };
const bin = (name) => `node_modules/.bin/${name}`;

function step(title, cmd, args) {
  console.log(`\n▶ ${title}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.status !== 0) {
    console.error(`✖ ${title} failed`);
    process.exit(r.status ?? 1);
  }
}

step('typecheck + lint (nx)', bin('nx'), ['run-many', '-t', 'typecheck', 'lint', '--outputStyle=static', ...(process.env.CI ? ['--skipNxCache'] : [])]);
step('tests (jest)', bin('jest'), ['--maxWorkers=2', ...process.argv.slice(2)]);
