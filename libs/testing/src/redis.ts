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
