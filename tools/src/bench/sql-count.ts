import { createRequire } from 'node:module';

/**
 * Counts the SQL statements every TypeORM query runner in this process sends, per database (the bench runs the
 * subgraphs and the gateway in-process, each on its own database). typeorm is external to the bench bundle, so the
 * query runner classes patched here are the very ones the services use.
 */
const counts = new Map<string, number>();
let installed = false;

/** Which service a database belongs to: its SQLite file's directory (thidua-<service>-…) or MySQL name (t_<service>_…). */
function serviceOf(database: unknown): string {
  const s = String(database ?? '');
  const m = /thidua-([a-z-]+?)-[A-Za-z0-9]+\//.exec(s) ?? /t_([a-z_]+?)_[0-9a-f]{10}/.exec(s);
  return m?.[1]?.replace(/_/g, '-') ?? (s || 'unknown');
}

export function installSqlCounter(): void {
  if (installed) return;
  installed = true;
  const req = createRequire(__filename);
  for (const path of ['typeorm/driver/better-sqlite3/BetterSqlite3QueryRunner', 'typeorm/driver/mysql/MysqlQueryRunner']) {
    type Runner = { prototype: { query: (...args: unknown[]) => Promise<unknown> } };
    let mod: Record<string, unknown>;
    try {
      mod = req(path) as Record<string, unknown>;
    } catch {
      continue;
    }
    const cls = Object.values(mod).find((v): v is Runner => typeof v === 'function' && typeof (v as Partial<Runner>).prototype?.query === 'function');
    if (!cls) continue;
    const original = cls.prototype.query;
    cls.prototype.query = function (this: { driver?: { options?: { database?: unknown }; database?: unknown } }, ...args: unknown[]) {
      // MySQL's options name no database when it is in the URL; the driver has it parsed.
      const key = serviceOf(this.driver?.options?.database ?? this.driver?.database);
      counts.set(key, (counts.get(key) ?? 0) + 1);
      return original.apply(this, args);
    };
  }
}

/** Statements counted so far, per service. */
export function sqlCounts(): Map<string, number> {
  return new Map(counts);
}

/** The statements sent while `run` ran, per service (meaningful when nothing else runs meanwhile). */
export async function countSql<T>(run: () => Promise<T>): Promise<{ result: T; statements: Map<string, number> }> {
  const before = sqlCounts();
  const result = await run();
  const statements = new Map<string, number>();
  for (const [k, v] of sqlCounts()) {
    const d = v - (before.get(k) ?? 0);
    if (d) statements.set(k, d);
  }
  return { result, statements };
}
