import { loadPlatformConfig, mintToken, type PlatformConfig, type Role, type RunningServer } from '@thidua/platform';
import { freshDatabase, type DatabaseKind, type FreshDatabase } from './databases';

/** How to boot one subgraph from a validated config (each app passes its own start function). */
export type SubgraphStarter = (config: PlatformConfig, env: NodeJS.ProcessEnv) => Promise<RunningServer>;

/** How to boot the gateway from env (the gateway app passes its own). */
export type GatewayStarter = (env: NodeJS.ProcessEnv) => Promise<RunningServer>;

export interface StackOptions {
  db: DatabaseKind;
  subgraphs: Record<string, SubgraphStarter>;
  gateway: GatewayStarter;
  presets?: boolean;
  env?: Record<string, string>;
  /** Rewrite a subgraph's DATABASE_URL (MariaDB), e.g. to reach it through a proxy the test can cut. */
  databaseUrl?: (url: string, subgraph: string) => string;
}

/** The whole graph running in this process on free ports, as a client sees it. */
export interface TestStack {
  url: string;
  origin: string;
  subgraphUrls: Record<string, string>;
  env: NodeJS.ProcessEnv;
  /** Each subgraph's environment (its fresh database, data directory), e.g. to start a worker on it. */
  subgraphEnvs: Record<string, NodeJS.ProcessEnv>;
  token(role: Role, unitId?: string, opts?: { subject?: string; ttlSeconds?: number }): Promise<string>;
  /** Sign in at the gateway (default: the first ADMIN) and return the `Cookie` header value of the session. */
  signIn(username?: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/** The first ADMIN's password on every test stack (ADMIN_PASSWORD), so nothing is printed at boot. */
export const TEST_ADMIN_PASSWORD = 'mat-khau-quan-tri-thu-nghiem';

// Rate limits are off in test stacks (the tests drive thousands of requests from one client); their own test turns them on.
// A query's subgraph deadline is 10 s: a test stack runs every service and the client in one process, beside other
// suites, on CI's two cores, where a nested question (awards asking scoring, which asks participants) has passed 3 s.
// The production default of 3 s and its partial answers are the gateway's own deadline tests (they unset this).
const BASE_ENV = {
  NODE_ENV: 'test',
  LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
  HOST: '127.0.0.1',
  RATE_LIMIT_ACCOUNT_PER_MINUTE: '0',
  RATE_LIMIT_ANONYMOUS_PER_MINUTE: '0',
  RATE_LIMIT_COMMENTS_PER_HOUR: '0',
  SUBGRAPH_TIMEOUT_MS: '10000',
};

/** A free TCP port on 127.0.0.1 (the OS picks it; it is released before use). */
/** Ports this process has handed out: never handed out twice. */
const handedOut = new Set<number>();

async function canListen(port: number): Promise<boolean> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/**
 * A port to listen on later. Chosen below Linux's ephemeral range (32768–60999), from which the OS takes the local
 * port of every outgoing connection: a port the OS handed out for listening and closed again can be taken by a
 * connection to MariaDB or Redis before the server listens on it (EADDRINUSE under load). Random, checked free, and
 * never the same twice in one process.
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (handedOut.has(port) || !(await canListen(port))) continue;
    handedOut.add(port);
    return port;
  }
  throw new Error('no free port between 20000 and 32000');
}

/**
 * Start every given subgraph on a fresh database, then the gateway in front of them. Ports are chosen first,
 * so each subgraph knows the gateway's URL (for its service calls to the graph) before anything starts.
 */
export async function startStack(opts: StackOptions): Promise<TestStack> {
  // Ports are checked free when chosen, but a suite running in another process can take one in between: start again
  // on new ports (everything started is closed first).
  for (let attempt = 1; ; attempt++) {
    try {
      return await startStackOnce(opts);
    } catch (err) {
      const inUse = (err as NodeJS.ErrnoException).code === 'EADDRINUSE' || /EADDRINUSE/.test(String((err as Error).message));
      if (!inUse || attempt === 3) throw err;
    }
  }
}

async function startStackOnce(opts: StackOptions): Promise<TestStack> {
  const dbs: FreshDatabase[] = [];
  const servers: RunningServer[] = [];
  const subgraphEnvs: Record<string, NodeJS.ProcessEnv> = {};
  const names = Object.keys(opts.subgraphs);
  const ports = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await freePort()] as const)));
  const gatewayPort = await freePort();
  const subgraphUrls: Record<string, string> = Object.fromEntries(names.map((n) => [n, `http://127.0.0.1:${ports[n]}/graphql`]));
  const shared: NodeJS.ProcessEnv = { ...process.env, ...BASE_ENV, ...opts.env, GATEWAY_URL: `http://127.0.0.1:${gatewayPort}/graphql` };
  for (const [name, url] of Object.entries(subgraphUrls)) shared[`${name.toUpperCase()}_URL`] = url;
  try {
    for (const [name, start] of Object.entries(opts.subgraphs)) {
      const db = await freshDatabase(opts.db, name);
      dbs.push(db);
      const env: NodeJS.ProcessEnv = { ...shared, ...db.env, LOAD_PRESETS: opts.presets === false ? 'false' : 'true', PORT: String(ports[name]) };
      if (opts.databaseUrl && env.DATABASE_URL) env.DATABASE_URL = opts.databaseUrl(env.DATABASE_URL, name);
      subgraphEnvs[name] = env;
      servers.push(await start(loadPlatformConfig(name, 0, env), env));
    }
    // The gateway has its own database too (accounts and sessions), thrown away with the others.
    const gatewayDb = await freshDatabase(opts.db, 'gateway');
    dbs.push(gatewayDb);
    const gatewayEnv: NodeJS.ProcessEnv = { ...shared, ...gatewayDb.env, ADMIN_PASSWORD: shared.ADMIN_PASSWORD ?? TEST_ADMIN_PASSWORD, PORT: String(gatewayPort) };
    const gateway = await opts.gateway(gatewayEnv);
    servers.push(gateway);
    const auth = loadPlatformConfig('gateway', 0, gatewayEnv).auth;
    return {
      url: `${gateway.url}/graphql`,
      origin: gateway.url,
      subgraphUrls,
      env: gatewayEnv,
      subgraphEnvs,
      token: (role, unitId, o) => mintToken(auth, { roles: [role], unitId, subject: o?.subject, ttlSeconds: o?.ttlSeconds }),
      signIn: async (username = 'admin', password = gatewayEnv.ADMIN_PASSWORD ?? TEST_ADMIN_PASSWORD) => {
        const res = await fetch(`${gateway.url}/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username, password }),
        });
        const cookie = res.headers.getSetCookie().find((c) => c.startsWith('thidua_session=') && !c.startsWith('thidua_session=;'));
        if (res.status !== 200 || !cookie) throw new Error(`sign-in as ${username} failed (${res.status}): ${await res.text()}`);
        return cookie.split(';')[0] as string;
      },
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
