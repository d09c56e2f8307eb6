import { loadPlatformConfig, mintToken, type PlatformConfig, type Role, type RunningServer } from '@thidua/platform';
import { freshDatabase, type DatabaseKind, type FreshDatabase } from './databases';

/** How to boot one subgraph from a validated config (each app passes its own start function). */
export type SubgraphStarter = (config: PlatformConfig) => Promise<RunningServer>;

/** How to boot the gateway from env (the gateway app passes its own). */
export type GatewayStarter = (env: NodeJS.ProcessEnv) => Promise<RunningServer>;

export interface StackOptions {
  db: DatabaseKind;
  subgraphs: Record<string, SubgraphStarter>;
  gateway: GatewayStarter;
  presets?: boolean;
  env?: Record<string, string>;
}

/** The whole graph running in this process on free ports, as a client sees it. */
export interface TestStack {
  url: string;
  origin: string;
  subgraphUrls: Record<string, string>;
  env: NodeJS.ProcessEnv;
  token(role: Role, unitId?: string, opts?: { subject?: string; ttlSeconds?: number }): Promise<string>;
  close(): Promise<void>;
}

const BASE_ENV = { NODE_ENV: 'test', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', HOST: '127.0.0.1' };

/** Start every given subgraph on a fresh database and a free port, then the gateway in front of them. */
export async function startStack(opts: StackOptions): Promise<TestStack> {
  const dbs: FreshDatabase[] = [];
  const servers: RunningServer[] = [];
  const subgraphUrls: Record<string, string> = {};
  try {
    for (const [name, start] of Object.entries(opts.subgraphs)) {
      const db = await freshDatabase(opts.db, name);
      dbs.push(db);
      const env = { ...process.env, ...BASE_ENV, ...db.env, LOAD_PRESETS: opts.presets === false ? 'false' : 'true', ...opts.env, PORT: '0' };
      const running = await start(loadPlatformConfig(name, 0, env));
      servers.push(running);
      subgraphUrls[name] = `${running.url}/graphql`;
    }
    const gatewayEnv: NodeJS.ProcessEnv = { ...process.env, ...BASE_ENV, ...opts.env, PORT: '0' };
    for (const [name, url] of Object.entries(subgraphUrls)) gatewayEnv[`${name.toUpperCase()}_URL`] = url;
    const gateway = await opts.gateway(gatewayEnv);
    servers.push(gateway);
    const auth = loadPlatformConfig('gateway', 0, gatewayEnv).auth;
    return {
      url: `${gateway.url}/graphql`,
      origin: gateway.url,
      subgraphUrls,
      env: gatewayEnv,
      token: (role, unitId, o) => mintToken(auth, { roles: [role], unitId, subject: o?.subject, ttlSeconds: o?.ttlSeconds }),
      close: async () => {
        for (const s of servers.reverse()) await s.close();
        for (const d of dbs) await d.drop();
      },
    };
  } catch (err) {
    for (const s of servers.reverse()) await s.close().catch(() => undefined);
    for (const d of dbs) await d.drop().catch(() => undefined);
    throw err;
  }
}
