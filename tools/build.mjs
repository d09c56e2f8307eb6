#!/usr/bin/env node
// Build the apps into dist/apps/<app>/: one esbuild bundle per entry point of each service, and the web app with Vite.
// `node tools/build.mjs [app…]` always bundles the services; `npm start` (buildApps with onlyStale) bundles only those
// whose sources changed since their last build, and the web app is built only when its sources are newer than it.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
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
  // Written last: an interrupted build is built again.
  const out = join(root, 'dist/apps/web/server/render.cjs');
  const sources = [...['src', 'index.html', 'explorer.html', 'vite.config.ts', 'package.json'].map((p) => join(web, p)), join(root, 'package-lock.json')];
  if (existsSync(out) && statSync(out).mtimeMs > newestMtime(sources)) return false;
  const vite = join(createRequire(join(web, 'package.json')).resolve('vite/package.json'), '../bin/vite.js');
  // Always the production build (React and antd without their development checks), even when called from the tests.
  // The app, then the renderer of its public pages (src/server.tsx: server/render.cjs, which the gateway loads).
  for (const args of [[], ['--ssr', 'src/server.tsx']]) {
    const r = spawnSync(process.execPath, [vite, 'build', ...args, '--logLevel', 'warn'], { cwd: web, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production', VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' } });
    if (r.status !== 0) throw new Error('web build failed');
  }
  return true;
}

/** Beside each service's bundles: when its last build started and the files (outside node_modules) it was made from. */
const STAMP = '.build-inputs.json';
/** Files every bundle depends on besides its own inputs: dependencies and the bundler's settings. */
const SHARED_INPUTS = ['package.json', 'package-lock.json', 'tsconfig.base.json', 'tools/esbuild.mjs', 'tools/build.mjs'];

/**
 * Is dist/apps/<app> up to date? Its bundles exist and none of the files its last build read (esbuild's metafile) nor
 * the shared ones changed or vanished since that build started. A few hundred stat calls, no hashing: a new source
 * file matters only once an existing one imports it, and that one's time changes.
 */
function serviceUpToDate(app, entries) {
  const outdir = join(root, 'dist/apps', app);
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(join(outdir, STAMP), 'utf8'));
  } catch {
    return false;
  }
  if (!Array.isArray(stamp.inputs) || typeof stamp.startedAt !== 'number') return false;
  if (entries.some((e) => !existsSync(join(outdir, `${e.replace(/^.*\//, '').replace(/\.ts$/, '')}.js`)))) return false;
  for (const f of [...stamp.inputs, ...SHARED_INPUTS]) {
    const p = join(root, f);
    if (!existsSync(p) || statSync(p).mtimeMs >= stamp.startedAt) return false;
  }
  return true;
}

async function buildService(app, entries) {
  const startedAt = Date.now();
  const inputs = await bundle(entries, `dist/apps/${app}`);
  writeFileSync(join(root, 'dist/apps', app, STAMP), `${JSON.stringify({ startedAt, inputs })}\n`);
}

/**
 * Build the named apps (default: all), the services' bundles concurrently. With onlyStale, a service whose bundles are
 * up to date is left alone. Returns the apps actually built.
 */
export async function buildApps(names = Object.keys(APPS), { onlyStale = false } = {}) {
  const built = [];
  const services = [];
  const apps = names.map((n) => n.replace(/^@thidua\//, ''));
  for (const app of apps) {
    if (APPS[app] === 'vite') continue;
    const entries = (APPS[app] ?? []).map((e) => `apps/${app}/src/${e}.ts`).filter((p) => existsSync(p));
    if (!entries.length) throw new Error(`unknown app ${app}`);
    if (onlyStale && serviceUpToDate(app, entries)) continue;
    built.push(app);
    services.push(buildService(app, entries));
  }
  await Promise.all(services);
  // Vite after esbuild: the web build runs synchronously and would hold up esbuild's answers meanwhile.
  if (apps.some((app) => APPS[app] === 'vite') && buildWeb()) built.push('web');
  return built;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = Date.now();
  const names = process.argv.slice(2);
  await buildApps(names.length ? names : undefined);
  console.log(`built ${names.length ? names.join(', ') : Object.keys(APPS).join(', ')} in ${Date.now() - started} ms`);
}
