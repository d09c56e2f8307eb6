#!/usr/bin/env node
// Build the apps into dist/apps/<app>/: one esbuild bundle per entry point of each service, and the web app with Vite.
// `node tools/build.mjs [app…]`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { bundle } from './esbuild.mjs';

const root = new URL('..', import.meta.url).pathname;

export const APPS = {
  participants: ['main', 'seed'],
  scoring: ['main', 'seed'],
  awards: ['main', 'seed'],
  reporting: ['main', 'seed'],
  'report-worker': ['main'],
  gateway: ['main', 'token', 'compose-cli'],
  web: 'vite',
};

/** Newest modification time of the files under the given paths (0 when none exist). */
export function newestMtime(paths) {
  let newest = 0;
  const visit = (p) => {
    if (!existsSync(p)) return;
    const s = statSync(p);
    if (s.isDirectory()) {
      for (const e of readdirSync(p)) if (e !== 'node_modules') visit(join(p, e));
    } else newest = Math.max(newest, s.mtimeMs);
  };
  for (const p of paths) visit(p);
  return newest;
}

/** The web app (apps/web) with Vite into dist/apps/web, unless the build is newer than its sources. */
function buildWeb() {
  const web = join(root, 'apps/web');
  const out = join(root, 'dist/apps/web/index.html');
  const sources = ['src', 'index.html', 'explorer.html', 'vite.config.ts', 'package.json'].map((p) => join(web, p));
  if (existsSync(out) && statSync(out).mtimeMs > newestMtime(sources)) return;
  const vite = join(createRequire(join(web, 'package.json')).resolve('vite/package.json'), '../bin/vite.js');
  // Always the production build (React and antd without their development checks), even when called from the tests.
  const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: web, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production', VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' } });
  if (r.status !== 0) throw new Error('web build failed');
}

export async function buildApps(names = Object.keys(APPS)) {
  for (const app of names.map((n) => n.replace(/^@thidua\//, ''))) {
    if (APPS[app] === 'vite') {
      buildWeb();
      continue;
    }
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
