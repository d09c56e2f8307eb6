import { existsSync } from 'node:fs';
import { createConnection } from 'mysql2/promise';
import { freshDatabase, TEST_MYSQL_URL, testDatabaseKinds } from '../databases';

describe('fresh databases for tests', () => {
  it('runs on MariaDB as well whenever CI=true', () => {
    if (process.env.CI === 'true') expect(testDatabaseKinds()).toEqual(['sqlite', 'mysql']);
    expect(testDatabaseKinds()).toContain('sqlite');
  });

  it('gives each test file its own SQLite directory and removes it afterwards', async () => {
    const a = await freshDatabase('sqlite', 'participants');
    const b = await freshDatabase('sqlite', 'participants');
    expect(a.dataDir).not.toEqual(b.dataDir);
    expect(existsSync(a.dataDir)).toBe(true);
    await a.drop();
    await b.drop();
    expect(existsSync(a.dataDir)).toBe(false);
  });

  if (testDatabaseKinds().includes('mysql')) {
    it('gives each test file its own MySQL database and drops it afterwards', async () => {
      const db = await freshDatabase('mysql', 'participants');
      const name = new URL(db.env.DATABASE_URL as string).pathname.slice(1);
      expect(name).toMatch(/^t_participants_[0-9a-f]{10}$/);
      const server = new URL(TEST_MYSQL_URL);
      server.pathname = '/';
      const conn = await createConnection({ uri: server.toString() });
      await conn.query(`CREATE DATABASE \`${name}\``);
      await db.drop();
      const [rows] = await conn.query('SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?', [name]);
      await conn.end();
      expect(rows).toEqual([]);
    });
  }
});
