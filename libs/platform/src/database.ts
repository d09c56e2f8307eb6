import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource, MigrationExecutor, type EntityManager, type Logger as TypeOrmLogger } from 'typeorm';
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

/** What the server is, for the settings that differ: MariaDB caps any statement's time, MySQL a SELECT's. */
type MysqlFlavour = 'mariadb' | 'mysql';

async function ensureMysqlDatabase(url: string, name: string, logger: Logger): Promise<MysqlFlavour> {
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
    const [versionRows] = await conn.query('SELECT VERSION() AS v');
    const version = String((versionRows as Array<{ v: string }>)[0]?.v ?? '');
    logger.info({ database: name, collation: db.co, version }, 'database ready');
    return /mariadb/i.test(version) ? 'mariadb' : 'mysql';
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
async function migrate(dataSource: DataSource, mysql: { database: string; flavour: MysqlFlavour; timeoutMs: number } | null) {
  if (!mysql) return dataSource.runMigrations({ transaction: 'each' });
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  const lock = `thidua_migrations_${mysql.database}`.slice(0, 64);
  try {
    // A migration may rebuild a large table: its session has no statement time limit, then gets the pool's back.
    if (mysql.timeoutMs) await runner.query(statementTimeoutSql(mysql.flavour, 0));
    const [got] = (await runner.query('SELECT GET_LOCK(?, 120) AS got', [lock])) as Array<{ got: number | string | null }>;
    if (Number(got?.got) !== 1) throw new Error(`could not take the migration lock ${lock}`);
    const executor = new MigrationExecutor(dataSource, runner);
    executor.transaction = 'each';
    return await executor.executePendingMigrations();
  } finally {
    await runner.query('SELECT RELEASE_LOCK(?)', [lock]).catch(() => undefined);
    if (mysql.timeoutMs) await runner.query(statementTimeoutSql(mysql.flavour, mysql.timeoutMs)).catch(() => undefined);
    await runner.release();
  }
}

/** The session setting that stops a statement past ms (0: never): MariaDB's max_statement_time (seconds, any statement), MySQL's max_execution_time (ms, SELECTs). */
function statementTimeoutSql(flavour: MysqlFlavour, ms: number): string {
  return flavour === 'mariadb' ? `SET SESSION max_statement_time = ${ms / 1000}` : `SET SESSION max_execution_time = ${ms}`;
}

/**
 * mysql2 as TypeORM's driver, with every pooled connection's statements limited to timeoutMs: work whose caller has
 * gone (the gateway's deadline passed) is stopped by the server rather than left running. The setting is the
 * connection's first statement, queued before any other (mysql2 runs a connection's statements in order).
 */
async function mysqlDriverWithStatementTimeout(flavour: MysqlFlavour, timeoutMs: number, logger: Logger): Promise<unknown> {
  const mysql2 = (await import('mysql2')).default;
  if (!timeoutMs) return mysql2;
  const sql = statementTimeoutSql(flavour, timeoutMs);
  return {
    ...mysql2,
    createPool(options: Parameters<typeof mysql2.createPool>[0]) {
      const pool = mysql2.createPool(options);
      pool.on('connection', (connection) => {
        connection.query(sql, (err) => {
          if (err) logger.warn({ err: String(err) }, 'could not limit the time of a database connection\'s statements');
        });
      });
      return pool;
    },
  };
}

/** Open the service's database and run its pending migrations (never `synchronize`). */
export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  const { config, logger } = opts;
  const counter = new QueryCounter();
  let dataSource: DataSource;
  let mysql: { database: string; flavour: MysqlFlavour; timeoutMs: number } | null = null;
  if (config.database.kind === 'mysql') {
    const flavour = await ensureMysqlDatabase(config.database.url, config.database.name, logger);
    mysql = { database: config.database.name, flavour, timeoutMs: config.database.statementTimeoutMs };
    dataSource = new DataSource({
      type: 'mysql',
      driver: await mysqlDriverWithStatementTimeout(flavour, mysql.timeoutMs, logger),
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
  const applied = await migrate(dataSource, mysql);
  if (applied.length) logger.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
  return new Database(dataSource, config.database.kind, counter);
}
