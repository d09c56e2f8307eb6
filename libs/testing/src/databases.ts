import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type DatabaseKind = 'sqlite' | 'mysql';

/** The MySQL/MariaDB server tests use (root, empty password on the CI machine). */
export const TEST_MYSQL_URL = process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/';

/** Database kinds every database test runs on; decided once by the global setup. */
export function testDatabaseKinds(): DatabaseKind[] {
  const kinds = (process.env.THIDUA_TEST_DB_KINDS ?? 'sqlite').split(',').filter(Boolean);
  return kinds as DatabaseKind[];
}

/** Run a describe block once per database kind: `describeEachDatabase('x', (db) => { … })`. */
export function describeEachDatabase(name: string, fn: (kind: DatabaseKind) => void): void {
  for (const kind of testDatabaseKinds()) describe(`${name} [${kind}]`, () => fn(kind));
}

/** A fresh, empty database environment for one service (and how to throw it away). */
export interface FreshDatabase {
  env: Record<string, string>;
  dataDir: string;
  drop(): Promise<void>;
}

/** Fresh database per test file: a temp SQLite file, or a new MySQL database with a random name. */
export async function freshDatabase(kind: DatabaseKind, service: string): Promise<FreshDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), `thidua-${service}-`));
  if (kind === 'sqlite') {
    return { env: { DATA_DIR: dataDir }, dataDir, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `t_${service.replace(/-/g, '_')}_${randomBytes(5).toString('hex')}`;
  const url = new URL(TEST_MYSQL_URL);
  url.pathname = `/${name}`;
  return {
    env: { DATA_DIR: dataDir, DATABASE_URL: url.toString() },
    dataDir,
    drop: async () => {
      const { createConnection } = await import('mysql2/promise');
      const server = new URL(TEST_MYSQL_URL);
      server.pathname = '/';
      const conn = await createConnection({ uri: server.toString() });
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
