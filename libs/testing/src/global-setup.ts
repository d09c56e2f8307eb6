import { TEST_MYSQL_URL } from './databases';
import { TEST_REDIS_URL } from './redis';

/**
 * Decide which databases and job drivers the tests run on. SQLite always; MySQL/MariaDB too when reachable, and
 * with CI=true it is mandatory: an unreachable server fails the run instead of skipping tests.
 */
export default async function globalSetup(): Promise<void> {
  const ci = process.env.CI === 'true' || process.env.CI === '1';
  let mysql = false;
  try {
    const { createConnection } = await import('mysql2/promise');
    const server = new URL(TEST_MYSQL_URL);
    server.pathname = '/';
    const conn = await createConnection({ uri: server.toString(), connectTimeout: 3000 });
    await conn.query('SELECT 1');
    await conn.end();
    mysql = true;
  } catch (err) {
    if (ci) throw new Error(`CI=true: MariaDB/MySQL at ${TEST_MYSQL_URL} is required for the database tests: ${String(err)}`);
    console.warn(`\n[thidua] MariaDB/MySQL not reachable at ${TEST_MYSQL_URL}: database tests run on SQLite only (CI runs both).\n`);
  }
  process.env.THIDUA_TEST_DB_KINDS = mysql ? 'sqlite,mysql' : 'sqlite';

  // Queue tests run in-process always, and on BullMQ when Redis answers; with CI=true Redis is mandatory.
  let redis = false;
  try {
    const { Redis } = await import('ioredis');
    const client = new Redis(TEST_REDIS_URL, { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 1, retryStrategy: () => null });
    await client.connect();
    await client.ping();
    client.disconnect();
    redis = true;
  } catch (err) {
    if (ci) throw new Error(`CI=true: Redis at ${TEST_REDIS_URL} is required for the queue tests: ${String(err)}`);
    console.warn(`\n[thidua] Redis not reachable at ${TEST_REDIS_URL}: queue tests run in-process only (CI runs both).\n`);
  }
  process.env.THIDUA_TEST_REDIS = redis ? '1' : '0';
}
