// compose.yaml, .env.example and docker/: what `docker compose up` would run, checked without a container engine.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { APPS, exists, interpolate, parseDotenv, parseYaml, read, ROOT, SEED_APPS, validateAppEnv } from './deployment';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Service = Record<string, any>;

const exampleVars = parseDotenv(read('.env.example'));
const missing = new Set<string>();
const compose = parseYaml(interpolate(read('compose.yaml'), exampleVars, missing)) as { services: Record<string, Service>; volumes: Record<string, unknown> };
const services = compose.services;

describe('compose.yaml', () => {
  it('documents every variable it reads in .env.example', () => {
    const used = [...read('compose.yaml').matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]);
    expect([...new Set(used)].filter((v) => !(v in exampleVars))).toEqual([]);
    expect([...missing]).toEqual([]);
    // Only placeholders are committed.
    for (const [k, v] of Object.entries(exampleVars)) if (/PASSWORD|SECRET/.test(k) && v) expect({ [k]: v }).toEqual({ [k]: expect.stringMatching(/^change-me/) });
  });

  it('refuses to start while a required secret is missing from .env', () => {
    const { DB_PASSWORD: _omitted, ...rest } = exampleVars;
    expect(() => interpolate(read('compose.yaml'), rest)).toThrow(/DB_PASSWORD/);
  });

  it('runs MariaDB (utf8mb4, Vietnamese collation, volume, healthcheck) and Redis (AOF, noeviction, volume, healthcheck)', () => {
    const db = services.mariadb;
    expect(db.command).toEqual(expect.arrayContaining(['--character-set-server=utf8mb4', '--collation-server=utf8mb4_uca1400_vietnamese_as_ci']));
    expect(db.volumes).toEqual(expect.arrayContaining(['mariadb:/var/lib/mysql']));
    // The application user (MARIADB_USER) is granted the databases the services create.
    expect(db.environment.MARIADB_USER).toBe('thidua');
    expect(services.participants.environment.DATABASE_URL).toMatch(/^mysql:\/\/thidua:/);
    expect(read('docker/mariadb-init.sql')).toContain("GRANT ALL PRIVILEGES ON `thidua\\_%`.* TO 'thidua'@'%';");
    expect(db.healthcheck.test).toBeTruthy();
    for (const v of db.volumes as string[]) {
      const source = v.split(':')[0];
      if (source.startsWith('./')) expect(exists(source)).toBe(true);
    }
    const redis = services.redis;
    expect(redis.command.join(' ')).toMatch(/--appendonly yes.*--maxmemory-policy noeviction/);
    expect(redis.volumes).toEqual(['redis:/data']);
    expect(redis.healthcheck.test).toBeTruthy();
  });

  it('runs every app from one image with its command, after migrate-and-seed and healthy MariaDB and Redis', () => {
    const image = services['migrate-and-seed'].image;
    expect(services['migrate-and-seed'].command).toEqual(['sh', 'docker/seed.sh']);
    expect(services['migrate-and-seed'].depends_on).toEqual({ mariadb: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' } });
    for (const app of APPS) {
      const s = services[app.name];
      expect({ app: app.name, image: s.image }).toEqual({ app: app.name, image });
      expect(s.build).toEqual({ context: '.', dockerfile: 'docker/Dockerfile' });
      expect(s.command).toEqual(['node', '--enable-source-maps', `dist/apps/${app.name}/main.js`]);
      expect(s.depends_on).toEqual(
        expect.objectContaining({
          'migrate-and-seed': { condition: 'service_completed_successfully' },
          mariadb: { condition: 'service_healthy' },
          redis: { condition: 'service_healthy' },
        }),
      );
      expect(s.healthcheck).toBeUndefined(); // the image's HEALTHCHECK (docker/healthcheck.cjs, APP's port)
      expect(s.environment.APP).toBe(app.name);
    }
    for (const subgraph of APPS.filter((a) => a.kind === 'subgraph')) expect(services.gateway.depends_on[subgraph.name]).toEqual({ condition: 'service_healthy' });
    expect(services.gateway.ports).toEqual(['4000:4000']);
    expect(services['report-worker'].deploy.replicas).toBe(2);
    expect(Object.keys(services).sort()).toEqual([...APPS.map((a) => a.name), 'mariadb', 'migrate-and-seed', 'redis'].sort());
  });

  it("gives every app (and the seed) the environment its config requires in production (the apps' own loaders accept it)", () => {
    for (const name of [...APPS.map((a) => a.name), 'migrate-and-seed']) {
      // As compose passes them: numbers and booleans as strings, a null value not at all.
      const env = Object.fromEntries(Object.entries(services[name].environment as Record<string, unknown>).filter(([, v]) => v !== null).map(([k, v]) => [k, String(v)]));
      const app = name === 'migrate-and-seed' ? SEED_APPS : [name];
      for (const a of app) {
        const s = validateAppEnv(a, env);
        expect({ app: a, production: s.production, host: s.host, database: s.database.kind }).toEqual({ app: a, production: true, host: '0.0.0.0', database: 'mysql' });
        expect(s.gatewayUrl).toBe('http://gateway:4000/graphql');
        if (a === 'reporting' || a === 'report-worker') expect(s.redisUrl).toMatch(/^redis:\/\/:[^@]+@redis:6379$/);
        if (a === 'gateway' && 'subgraphUrls' in s) {
          expect(s.subgraphUrls).toEqual(Object.fromEntries(APPS.filter((x) => x.kind === 'subgraph').map((x) => [x.name, `http://${x.name}:${x.port}/graphql`])));
          expect(s.reportWorkerUrl).toBe('http://report-worker:4005');
        }
      }
      expect(env.LOAD_PRESETS).toBe('false');
      expect(env.DATABASE_URL).toMatch(/@mariadb:3306\/$/);
    }
  });

  it('keeps uploaded files (participants) and report documents (reporting and the workers) on volumes', () => {
    expect(services.participants.volumes).toEqual(['files:/data/files']);
    expect(services.reporting.volumes).toEqual(['reports:/data/reports']);
    expect(services['report-worker'].volumes).toEqual(['reports:/data/reports']);
    expect(Object.keys(compose.volumes).sort()).toEqual(['files', 'mariadb', 'redis', 'reports']);
    for (const app of APPS) expect(services[app.name].environment.DATA_DIR).toBe('/data');
  });
});

describe('docker/Dockerfile', () => {
  const dockerfile = read('docker/Dockerfile');
  // Instructions with their continuation lines joined, comments dropped.
  const instructions = dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const stages: Array<{ name: string; lines: string[] }> = [];
  for (const line of instructions) {
    const from = /^FROM\s+(\S+)(?:\s+AS\s+(\S+))?/i.exec(line);
    if (from) stages.push({ name: from[2] ?? '', lines: [] });
    else stages.at(-1)?.lines.push(line);
  }
  const stage = (name: string) => stages.find((s) => s.name === name)!;

  it('builds in one stage, installs production dependencies in another, and runs slim Node LTS as a non-root user', () => {
    expect(stages.map((s) => s.name)).toEqual(['build', 'deps', 'runtime']);
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:(2[2-9])-[a-z]+-slim$/m);
    expect(instructions.filter((l) => l.startsWith('FROM')).every((l) => l.startsWith('FROM ${NODE_IMAGE}'))).toBe(true);
    expect(stage('build').lines).toEqual(expect.arrayContaining(['RUN npm ci', 'RUN npm run build']));
    expect(stage('deps').lines.some((l) => /^RUN npm ci --omit=dev\b/.test(l))).toBe(true);
    const runtime = stage('runtime').lines;
    const users = runtime.filter((l) => l.startsWith('USER '));
    expect(users).toEqual(['USER node']);
    expect(runtime.some((l) => /^RUN .*npm (ci|install)/.test(l))).toBe(false);
    expect(runtime.find((l) => l.startsWith('HEALTHCHECK'))).toMatch(/CMD \["node", "docker\/healthcheck\.cjs"\]$/);
    expect(read('docker/healthcheck.cjs')).toContain('/health/ready');
    expect(runtime.at(-1)).toBe('CMD ["sh", "-c", "exec node --enable-source-maps dist/apps/${APP}/main.js"]');
    expect(runtime.find((l) => l.startsWith('ENV '))).toMatch(/NODE_ENV=production.*HOST=0\.0\.0\.0.*WEB_DIR=\/app\/dist\/apps\/web/);
  });

  it('copies only paths that exist and that .dockerignore lets through, and every workspace manifest npm ci needs', () => {
    const ignored = read('.dockerignore')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#') && !l.startsWith('!'));
    for (const line of instructions.filter((l) => /^COPY\s/.test(l) && !/--from=/.test(l))) {
      const parts = line.split(/\s+/).slice(1).filter((p) => !p.startsWith('--'));
      for (const source of parts.slice(0, -1)) {
        expect({ source, exists: exists(source) }).toEqual({ source, exists: true });
        const top = source.replace(/\/$/, '').split('/')[0];
        expect({ source, ignored: ignored.includes(top) || ignored.includes(source) }).toEqual({ source, ignored: false });
      }
    }
    const workspaces = ['apps', 'libs'].flatMap((dir) => readdirSync(join(ROOT, dir)).filter((p) => exists(`${dir}/${p}/package.json`)).map((p) => `${dir}/${p}/package.json`));
    for (const name of ['build', 'deps']) {
      const copied = stage(name).lines.filter((l) => l.startsWith('COPY ')).map((l) => l.split(/\s+/)[1]);
      expect(workspaces.filter((w) => !copied.includes(w))).toEqual([]);
    }
  });

  it('seeds every subgraph in order, each from a seed entry point the build produces', () => {
    const seed = read('docker/seed.sh');
    expect(/for app in ([a-z -]+); do/.exec(seed)?.[1].trim().split(/\s+/)).toEqual(SEED_APPS);
    expect(seed).toContain('node --enable-source-maps "dist/apps/$app/seed.js"');
    for (const app of SEED_APPS) expect(exists(`apps/${app}/src/seed.ts`)).toBe(true);
    expect(read('tools/build.mjs')).toMatch(new RegExp(`${SEED_APPS.map((a) => `${a}: \\['main', 'seed'`).join('[\\s\\S]*')}`));
  });

  it('knows the port of every app for its health check', () => {
    for (const app of APPS) expect(read('docker/healthcheck.cjs')).toMatch(new RegExp(`'?${app.name}'?: ${app.port}\\b`));
  });
});

describe('production dependencies', () => {
  // The bundles keep every package of the root package.json external (tools/esbuild.mjs): what the apps' runtime code
  // imports must be in "dependencies", which is all the image's `npm ci --omit=dev` installs.
  const pkg = JSON.parse(read('package.json')) as { dependencies: Record<string, string> };
  const BUNDLED = new Set(['jose', 'openid-client']); // ESM-only, bundled by tools/esbuild.mjs
  // Development tools that are built beside the apps but never run in the image (npm run compose).
  const DEV_ONLY = new Set(['apps/gateway/src/codegen.ts', 'apps/gateway/src/compose-cli.ts']);

  function runtimeSources(dir: string): string[] {
    return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
      const path = `${dir}/${e.name}`;
      if (e.isDirectory()) return e.name === '__tests__' || e.name === 'generated' ? [] : runtimeSources(path);
      return /\.ts$/.test(e.name) && !/\.(spec|d)\.ts$/.test(e.name) && !DEV_ONLY.has(path) ? [path] : [];
    });
  }

  it('are all in the root "dependencies"', () => {
    const roots = [...APPS.map((a) => `apps/${a.name}/src`), 'libs/platform/src', 'libs/jobs/src', 'libs/graph-client/src', 'libs/documents/src'];
    const problems: string[] = [];
    for (const file of roots.flatMap(runtimeSources)) {
      const text = read(file);
      const specifiers = [...text.matchAll(/^import (?!type\b)[^;]*?from '([^']+)'|\bimport\('([^']+)'\)|\brequire\('([^']+)'\)/gm)].map((m) => m[1] ?? m[2] ?? m[3]);
      for (const s of specifiers) {
        if (s.startsWith('.') || s.startsWith('node:') || s.startsWith('@thidua/')) continue;
        const name = s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0];
        if (!(name in pkg.dependencies) && !BUNDLED.has(name)) problems.push(`${file}: ${name}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
