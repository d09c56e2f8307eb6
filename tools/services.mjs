// Running the services as production does, one process each from its bundle (dist/apps/<name>/main.js, built by
// tools/build.mjs): what `npm start` (tools/start.mjs) and the writes benchmark (tools/src/bench/writes.ts) share.

/** The subgraphs and their default ports; the gateway (default 4000) fronts them. */
export const SUBGRAPHS = [
  { name: 'participants', port: 4001 },
  { name: 'scoring', port: 4002 },
  { name: 'awards', port: 4003 },
  { name: 'reporting', port: 4004 },
];

/**
 * `env` with every subgraph's port and URL (<NAME>_PORT, <NAME>_URL: the default port unless set) and the gateway's
 * (GATEWAY_PORT, and GATEWAY_URL: subgraphs ask the graph through it for facts other subgraphs own). Changes `env`.
 */
export function withServiceUrls(env, gatewayPort) {
  for (const s of SUBGRAPHS) {
    env[`${s.name.toUpperCase()}_PORT`] ??= String(s.port);
    env[`${s.name.toUpperCase()}_URL`] ??= `http://127.0.0.1:${env[`${s.name.toUpperCase()}_PORT`]}/graphql`;
  }
  env.GATEWAY_PORT = String(gatewayPort);
  env.GATEWAY_URL ??= `http://127.0.0.1:${gatewayPort}/graphql`;
  return env;
}

/** The subgraphs and then the gateway: their bundles and /health/ready URLs in `env` (from withServiceUrls). */
export function services(env) {
  return [...SUBGRAPHS.map((s) => s.name), 'gateway'].map((name) => ({
    name,
    script: `dist/apps/${name}/main.js`,
    ready: `http://127.0.0.1:${env[`${name.toUpperCase()}_PORT`]}/health/ready`,
  }));
}

/** Poll a service's /health/ready until it answers 200 (every 100 ms); give up once `stopped()` is true. */
export async function waitReady(name, url, { limitSeconds = 180, stopped = () => false } = {}) {
  const until = Date.now() + limitSeconds * 1000;
  while (Date.now() < until) {
    if (stopped()) throw new Error(`${name} stopped`);
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${name} không sẵn sàng sau ${limitSeconds} giây (${url})`);
}

/**
 * Stop child processes: SIGTERM (each service closes its server and database), SIGKILL for whatever still runs after
 * `graceMs`. Resolves once every one has exited.
 */
export function stopChildren(children, graceMs = 5000) {
  const running = children.filter((c) => c.exitCode === null && c.signalCode === null);
  if (!running.length) return Promise.resolve();
  for (const c of running) c.kill('SIGTERM');
  const exited = running.map((c) => new Promise((resolve) => c.once('exit', resolve)));
  const timer = setTimeout(() => {
    for (const c of running) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  }, graceMs);
  return Promise.all(exited).then(() => clearTimeout(timer));
}
