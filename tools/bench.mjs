#!/usr/bin/env node
// `npm run bench`: bundle the benchmark and run it. BENCH_DB=sqlite|mysql, BENCH_UNITS=1000,10000 (the province
// section's sizes; the other sections take the first), BENCH_ONLY=graph|web|first-page|ranking|province|writes
// (comma-separated; default all; writes always runs on MariaDB). The web sections build apps/web and drive Chromium through playwright-core, which
// the bundle requires from node_modules at run time (tools/src/bench.ts).
import { execFileSync } from 'node:child_process';
import { bundle } from './esbuild.mjs';

await bundle(['tools/src/bench.ts'], 'tmp/tools');
execFileSync(process.execPath, ['--enable-source-maps', 'tmp/tools/bench.js'], { stdio: 'inherit', env: { LOG_LEVEL: 'silent', ...process.env } });
