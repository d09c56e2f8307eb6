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

// A workspace missing from package-lock.json makes `npm ci` (and so CI) fail on a clean machine.
{
  const { readFileSync, readdirSync, existsSync } = await import('node:fs');
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
  const missing = ['apps', 'libs'].flatMap((dir) =>
    readdirSync(dir).filter((p) => existsSync(`${dir}/${p}/package.json`) && !lock.packages[`${dir}/${p}`]).map((p) => `${dir}/${p}`),
  );
  if (missing.length) {
    console.error(`✖ package-lock.json lacks ${missing.join(', ')}: run npm install, then node tools/lock-platforms.mjs`);
    process.exit(1);
  }
}

step('typecheck + lint (nx)', bin('nx'), ['run-many', '-t', 'typecheck', 'lint', '--outputStyle=static', ...(process.env.CI ? ['--skipNxCache'] : [])]);
const args = process.argv.slice(2);
if (args.length) {
  step('tests (jest)', bin('jest'), ['--maxWorkers=2', ...args]);
} else {
  // The browser journeys run after the rest, one at a time: each drives Chromium against the whole graph, and beside
  // LibreOffice's conversions and the 1,150-unit reports on two cores a step waited past its minute for an answer.
  step('tests (jest)', bin('jest'), ['--maxWorkers=2', '--ignoreProjects', 'web']);
  step('browser journeys (jest, one at a time)', bin('jest'), ['--maxWorkers=1', '--selectProjects', 'web']);
}
