// Helpers of the deployment tests: the apps as deployed, YAML parsing, rendering the kustomize overlays, compose
// interpolation, and checking an app's environment against the apps' own config loaders.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { loadGatewayConfig } from '@thidua/gateway';
import { loadPlatformConfig } from '@thidua/platform';
import { loadReportingSettings } from '@thidua/reporting';

export const ROOT = join(__dirname, '../../..');
export const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');
export const exists = (path: string): boolean => existsSync(join(ROOT, path));

/**
 * js-yaml is in node_modules through the dev tooling (eslint, graphql-codegen) but is not a direct dependency of the
 * root package.json; no YAML parser is, and kustomize only prints YAML.
 */
const yaml = createRequire(__filename)('js-yaml') as { load(text: string): unknown; loadAll(text: string): unknown[] };
export const parseYaml = (text: string): unknown => yaml.load(text);

/** Every app of the system, its port (the config's default, which the deployment keeps) and its role. */
export const APPS = [
  { name: 'gateway', port: 4000, kind: 'gateway' },
  { name: 'participants', port: 4001, kind: 'subgraph' },
  { name: 'scoring', port: 4002, kind: 'subgraph' },
  { name: 'awards', port: 4003, kind: 'subgraph' },
  { name: 'reporting', port: 4004, kind: 'subgraph' },
  { name: 'report-worker', port: 4005, kind: 'worker' },
] as const;
export const SUBGRAPH_NAMES = APPS.filter((a) => a.kind === 'subgraph').map((a) => a.name);
/** The order of `npm run seed` and of docker/seed.sh. */
export const SEED_APPS = ['participants', 'scoring', 'awards', 'reporting'];

/** A Kubernetes object, loosely typed: the tests read fields by path. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type K8sObject = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> }; [key: string]: any };

const KUBECTL = process.env.KUBECTL ?? (existsSync('/usr/bin/kubectl') ? '/usr/bin/kubectl' : 'kubectl');

/** `kubectl kustomize k8s/overlays/<name>` (offline), parsed. */
export function renderOverlay(name: string): K8sObject[] {
  const out = execFileSync(KUBECTL, ['kustomize', join(ROOT, 'k8s/overlays', name)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return yaml.loadAll(out).filter(Boolean) as K8sObject[];
}

/** Compose's interpolation: ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error}, ${VAR?error}, and $$ for $. */
export function interpolate(text: string, vars: Record<string, string>, missing: Set<string> = new Set()): string {
  return text.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}/g, (whole, name: string | undefined, op: string | undefined, arg: string | undefined) => {
    if (whole === '$$') return '$';
    const value = vars[name!];
    const unset = value === undefined || (op?.startsWith(':') && value === '');
    if (!unset) return value;
    if (op?.endsWith('-')) return arg ?? '';
    if (op?.endsWith('?')) throw new Error(`${name}: ${arg}`);
    missing.add(name!);
    return '';
  });
}

/** Variables of a dotenv file (KEY=value lines; comments and blank lines skipped). */
export function parseDotenv(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line.trim());
    if (m) vars[m[1]] = m[2];
  }
  return vars;
}

/**
 * Boot-time validation of an app with this environment, exactly as its main.ts does (zod schemas and the production
 * rules): throws the app's ConfigError listing every problem, else returns the resolved settings worth checking.
 */
export function validateAppEnv(app: string, env: Record<string, string>) {
  switch (app) {
    case 'gateway': {
      const c = loadGatewayConfig(env);
      return { production: c.production, host: c.host, port: c.port, database: c.database, gatewayUrl: c.gatewayUrl, subgraphUrls: c.subgraphUrls as Record<string, string>, reportWorkerUrl: c.reportWorkerUrl, supergraphPath: c.supergraphPath, redisUrl: null as string | null };
    }
    case 'reporting':
    case 'report-worker': {
      const c = loadPlatformConfig(app, app === 'reporting' ? 4004 : 4005, env, app === 'report-worker' ? { databaseOf: 'reporting' } : {});
      const s = loadReportingSettings(env);
      return { production: c.production, host: c.host, port: c.port, database: c.database, gatewayUrl: c.gatewayUrl, redisUrl: s.redisUrl };
    }
    default: {
      const port = APPS.find((a) => a.name === app)?.port;
      if (!port) throw new Error(`unknown app ${app}`);
      const c = loadPlatformConfig(app, port, env);
      return { production: c.production, host: c.host, port: c.port, database: c.database, gatewayUrl: c.gatewayUrl, redisUrl: null as string | null };
    }
  }
}
