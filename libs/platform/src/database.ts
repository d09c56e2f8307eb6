import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource, type EntityManager, type Logger as TypeOrmLogger } from 'typeorm';
import type { Logger } from 'pino';
import type { PlatformConfig } from './config';

/**
 * Collations tried in order when a MySQL/MariaDB database is created. Vietnamese names must keep
 * their tones apart ("Mã" ≠ "Mạ"), which utf8mb4_vietnamese_ci does not do; the accent-sensitive,
 * case-insensitive Vietnamese collations do (MariaDB ≥ 10.10, MySQL ≥ 8.0.30). Uniqueness and sort
 * order are also decided in the application (nameKey / vietnameseSortKey) so SQLite agrees.
 */
export const VIETNAMESE_COLLATIONS = [
  'utf8mb4_uca1400_vietnamese_as_ci',
  'utf8mb4_vi_0900_as_cs',
  'utf8mb4_unicode_520_ci',
] as const;

/** Entity or migration classes, listed explicitly (never path globs). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type ClassList = Function[];

export interface DatabaseOptions {
  config: PlatformConfig;
  entities: ClassList;
  migrations: { mysql: ClassList; sqlite: ClassList };
  logger: Logger;
}

async function ensureMysqlDatabase(url: string, name: string, logger: Logger): Promise<string> {
  const { createConnection } = await import('mysql2/promise');
  const server = new URL(url);
  server.pathname = '/';
  const conn = await createConnection({ uri: server.toString(), charset: 'utf8mb4' });
  try {
    // MariaDB lists its UCA 14.0 collations without a charset, so each candidate is tried rather than looked up.
    let collation = 'utf8mb4_bin';
    for (const candidate of VIETNAMESE_COLLATIONS) {
      try {
        await conn.query(`SELECT _utf8mb4'a' COLLATE ${candidate}`);
        collation = candidate;
        break;
      } catch {
        // not supported by this server
      }
    }
    await conn.query(`CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE ${collation}`);
    const [dbRows] = await conn.query(
      'SELECT DEFAULT_CHARACTER_SET_NAME AS cs, DEFAULT_COLLATION_NAME AS co FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?',
      [name],
    );
    const db = (dbRows as Array<{ cs: string; co: string }>)[0];
    if (!db || db.cs !== 'utf8mb4') {
      throw new Error(`Cơ sở dữ liệu ${name} phải dùng bộ mã utf8mb4 (đang là ${db?.cs ?? 'không rõ'})`);
    }
    logger.info({ database: name, collation: db.co }, 'database ready');
    return db.co;
  } finally {
    await conn.end();
  }
}

/** Counts the SQL statements a DataSource runs (for tests and benchmarks that prove a constant number of queries). */
export class QueryCounter implements TypeOrmLogger {
  count = 0;
  logQuery(): void {
    this.count++;
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

/** One service's database: a TypeORM DataSource plus transactions that are safe on SQLite too. */
export class Database {
  private sqliteQueue: Promise<unknown> = Promise.resolve();

  constructor(
    public readonly dataSource: DataSource,
    public readonly kind: 'mysql' | 'sqlite',
    private readonly counter: QueryCounter = new QueryCounter(),
  ) {}

  /** How many SQL statements fn ran (on this database, including concurrent work). */
  async countQueries<T>(fn: () => Promise<T>): Promise<{ result: T; queries: number }> {
    const before = this.counter.count;
    const result = await fn();
    return { result, queries: this.counter.count - before };
  }

  /**
   * Run fn in one transaction. SQLite has one connection, so transactions are queued rather than
   * nested by accident; MySQL runs them concurrently.
   */
  transaction<T>(fn: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.kind === 'mysql') return this.dataSource.transaction(fn);
    const run = this.sqliteQueue.then(() => this.dataSource.transaction(fn));
    this.sqliteQueue = run.catch(() => undefined);
    return run;
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  /** Is the database reachable right now? */
  async ping(): Promise<boolean> {
    try {
      await this.dataSource.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/**
 * Run pending migrations. On MySQL under a named lock, so that several processes on one database (replicas, the
 * reporting subgraph and its worker) booting together migrate once, one after the other.
 */
async function migrate(dataSource: DataSource, mysqlDatabase: string | null) {
  if (!mysqlDatabase) return dataSource.runMigrations({ transaction: 'each' });
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  const lock = `thidua_migrations_${mysqlDatabase}`.slice(0, 64);
  try {
    const [got] = (await runner.query('SELECT GET_LOCK(?, 120) AS got', [lock])) as Array<{ got: number | string | null }>;
    if (Number(got?.got) !== 1) throw new Error(`could not take the migration lock ${lock}`);
    return await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT RELEASE_LOCK(?)', [lock]).catch(() => undefined);
    await runner.release();
  }
}

/** Open the service's database and run its pending migrations (never `synchronize`). */
export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  const { config, logger } = opts;
  const counter = new QueryCounter();
  let dataSource: DataSource;
  if (config.database.kind === 'mysql') {
    await ensureMysqlDatabase(config.database.url, config.database.name, logger);
    dataSource = new DataSource({
      type: 'mysql',
      url: config.database.url,
      charset: 'utf8mb4',
      timezone: 'Z',
      dateStrings: ['DATE'],
      entities: opts.entities,
      migrations: opts.migrations.mysql,
      migrationsRun: false,
      synchronize: false,
      extra: { connectionLimit: 10 },
      logging: ['query'],
      logger: counter,
    });
  } else {
    if (config.database.path !== ':memory:') mkdirSync(dirname(config.database.path), { recursive: true });
    dataSource = new DataSource({
      type: 'better-sqlite3',
      database: config.database.path,
      entities: opts.entities,
      migrations: opts.migrations.sqlite,
      migrationsRun: false,
      synchronize: false,
      enableWAL: config.database.path !== ':memory:',
      timeout: 5000,
      logging: ['query'],
      logger: counter,
    });
  }
  await dataSource.initialize();
  const applied = await migrate(dataSource, config.database.kind === 'mysql' ? config.database.name : null);
  if (applied.length) logger.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
  return new Database(dataSource, config.database.kind, counter);
}
