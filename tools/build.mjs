#!/usr/bin/env node
// Build the apps into dist/apps/<app>/ (one bundle per entry point). `node tools/build.mjs [app…]`.
import { existsSync } from 'node:fs';
import { bundle } from './esbuild.mjs';

export const APPS = {
  participants: ['main', 'seed'],
  scoring: ['main'],
  awards: ['main'],
  reporting: ['main'],
  'report-worker': ['main'],
  gateway: ['main', 'token', 'compose-cli'],
};

export async function buildApps(names = Object.keys(APPS)) {
  for (const app of names.map((n) => n.replace(/^@thidua\//, ''))) {
    const entries = (APPS[app] ?? []).map((e) => `apps/${app}/src/${e}.ts`).filter((p) => existsSync(p));
    if (!entries.length) throw new Error(`unknown app ${app}`);
    await bundle(entries, `dist/apps/${app}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = Date.now();
  const names = process.argv.slice(2);
  await buildApps(names.length ? names : undefined);
  console.log(`built ${names.length ? names.join(', ') : Object.keys(APPS).join(', ')} in ${Date.now() - started} ms`);
}
