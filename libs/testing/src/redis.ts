import { freePort } from './stack';

/** The Redis server tests use (CI machine: 127.0.0.1:6379, nothing kept on disk). */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export type JobDriverKind = 'in-process' | 'bullmq';

/** Job drivers every queue test runs on; decided once by the global setup (BullMQ when Redis answers, always in CI). */
export function testJobDrivers(): JobDriverKind[] {
  return process.env.THIDUA_TEST_REDIS === '1' ? ['in-process', 'bullmq'] : ['in-process'];
}

/** Run a describe block once per job driver: `describeEachJobDriver('x', (driver) => { … })`. */
export function describeEachJobDriver(name: string, fn: (driver: JobDriverKind) => void): void {
  for (const kind of testJobDrivers()) describe(`${name} [${kind}]`, () => fn(kind));
}

export interface OwnRedis {
  url: string;
  /** SIGKILL and start again on the same port, empty (as a Redis without persistence comes back). */
  restartEmpty(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A Redis server of the test's own, on a free port and a fresh directory, keeping nothing on disk: for tests that
 * restart it (never the machine's shared one). Needs `redis-server` on the PATH (REDIS_SERVER to name another).
 */
export async function startOwnRedis(): Promise<OwnRedis> {
  const { spawn } = await import('node:child_process');
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { Redis } = await import('ioredis');
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'thidua-redis-'));
  const url = `redis://127.0.0.1:${port}`;
  let child: import('node:child_process').ChildProcess | null = null;
  const start = async () => {
    child = spawn(process.env.REDIS_SERVER ?? 'redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
    const end = Date.now() + 10_000;
    for (;;) {
      const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      const ok = await probe
        .connect()
        .then(() => probe.ping())
        .then(() => true)
        .catch(() => false);
      probe.disconnect();
      if (ok) return;
      if (Date.now() > end) throw new Error(`redis-server did not start on port ${port}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const kill = async () => {
    const c = child;
    child = null;
    if (!c || c.exitCode !== null) return;
    await new Promise<void>((r) => {
      c.once('exit', () => r());
      c.kill('SIGKILL');
    });
  };
  await start();
  return {
    url,
    restartEmpty: async () => {
      await kill();
      await start();
    },
    stop: async () => {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Delete every Redis key under a test's prefix. */
export async function dropRedisPrefix(prefix: string): Promise<void> {
  const { Redis } = await import('ioredis');
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
