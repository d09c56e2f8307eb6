#!/usr/bin/env node
// Make package-lock.json usable by `npm ci` on every platform. A lock written on this machine lists only the
// native packages of linux-x64: the registry it reaches has no others (@swc/core-darwin-arm64, @esbuild/win32-x64, …),
// and npm 11's `npm ci` then refuses the lock as out of sync. For each optional dependency missing from the lock,
// this adds an entry with the os / cpu / libc its name declares, so npm skips it where it does not belong and fetches
// it where it does. Run it after every `npm install` that changes package-lock.json.
import { readFileSync, writeFileSync } from 'node:fs';

const OS = ['darwin', 'win32', 'linux', 'android', 'freebsd', 'openbsd', 'netbsd', 'sunos', 'aix', 'openharmony'];
const CPU = [
  [/(^|[-_])(arm64|aarch64)([-_]|$)/, 'arm64'],
  [/(^|[-_])(x64|x86_64|amd64)([-_]|$)/, 'x64'],
  [/(^|[-_])ia32([-_]|$)/, 'ia32'],
  [/(^|[-_])(arm|armv7|arm-gnueabihf|arm-musleabihf|arm-eabi)([-_]|$)/, 'arm'],
  [/(^|[-_])ppc64(le)?([-_]|$)/, 'ppc64'],
  [/(^|[-_])s390x([-_]|$)/, 's390x'],
  [/(^|[-_])riscv64([-_]|$)/, 'riscv64'],
  [/(^|[-_])loong64([-_]|$)/, 'loong64'],
  [/(^|[-_])mips64el([-_]|$)/, 'mips64el'],
  [/(^|[-_])wasm32([-_]|$)/, 'wasm32'],
];

/** os / cpu / libc declared by a platform package's name, e.g. @swc/core-linux-x64-musl. */
export function platformOf(name) {
  const base = name.split('/').pop();
  const os = OS.find((o) => new RegExp(`(^|[-_])${o}([-_]|$)`).test(base));
  const cpu = CPU.find(([re]) => re.test(base))?.[1];
  const libc = /musl/.test(base) ? 'musl' : /gnu/.test(base) && os === 'linux' ? 'glibc' : undefined;
  return { ...(os ? { os: [os] } : {}), ...(cpu ? { cpu: [cpu] } : {}), ...(libc ? { libc: [libc] } : {}) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = new URL('../package-lock.json', import.meta.url);
  const lock = JSON.parse(readFileSync(path, 'utf8'));
  const pkgs = lock.packages;
  const added = [];
  for (const [where, meta] of Object.entries(pkgs)) {
    for (const [dep, version] of Object.entries(meta.optionalDependencies ?? {})) {
      const nested = `${where ? `${where}/` : ''}node_modules/${dep}`;
      if (pkgs[nested] || pkgs[`node_modules/${dep}`]) continue;
      const platform = platformOf(dep);
      if (!platform.os && !platform.cpu) continue;
      pkgs[`node_modules/${dep}`] = { version, optional: true, ...platform };
      added.push(`${dep}@${version}`);
    }
  }
  lock.packages = Object.fromEntries(Object.entries(pkgs).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)));
  writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(added.length ? `added ${added.length} platform entries` : 'lock already lists every platform package');
}
