import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { createConnection } from 'mysql2/promise';
import { participantsEntities } from '../../apps/participants/src/service';
import { mysqlMigrations, sqliteMigrations } from '../../apps/participants/src/migrations';
import { mysqlMigrations as scoringMysql, sqliteMigrations as scoringSqlite } from '../../apps/scoring/src/migrations';
import { scoringEntities } from '../../apps/scoring/src/service';
import { mysqlMigrations as awardsMysql, sqliteMigrations as awardsSqlite } from '../../apps/awards/src/migrations';
import { awardsEntities } from '../../apps/awards/src/service';
import { mysqlMigrations as reportingMysql, sqliteMigrations as reportingSqlite } from '../../apps/reporting/src/migrations';
import { reportingEntities } from '../../apps/reporting/src/service';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
const APPS: Record<string, { entities: Function[]; mysql: Function[]; sqlite: Function[] }> = {
  participants: { entities: participantsEntities, mysql: mysqlMigrations, sqlite: sqliteMigrations },
  scoring: { entities: scoringEntities, mysql: scoringMysql, sqlite: scoringSqlite },
  awards: { entities: awardsEntities, mysql: awardsMysql, sqlite: awardsSqlite },
  reporting: { entities: reportingEntities, mysql: reportingMysql, sqlite: reportingSqlite },
};

function render(className: string, up: string[], down: string[]): string {
  const q = (s: string) => `    await queryRunner.query(${JSON.stringify(s)});`;
  return `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${up.map(q).join('\n')}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${down.map(q).join('\n')}
  }
}
`;
}

async function generate(app: string, name: string): Promise<void> {
  const def = APPS[app];
  if (!def) throw new Error(`unknown app ${app}`);
  const stamp = Date.now();
  const mysqlUrl = process.env.MIGRATION_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/';
  const tmpDb = `thidua_migration_gen_${stamp}`;
  const admin = await createConnection({ uri: mysqlUrl });
  await admin.query(`CREATE DATABASE \`${tmpDb}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_uca1400_vietnamese_as_ci`);
  try {
    const kinds = [
      { kind: 'sqlite', ds: new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: def.entities, migrations: def.sqlite }) },
      {
        kind: 'mysql',
        ds: new DataSource({ type: 'mysql', url: `${mysqlUrl.replace(/\/$/, '')}/${tmpDb}`, charset: 'utf8mb4', entities: def.entities, migrations: def.mysql }),
      },
    ];
    for (const { kind, ds } of kinds) {
      await ds.initialize();
      await ds.runMigrations();
      const sql = await ds.driver.createSchemaBuilder().log();
      await ds.destroy();
      if (!sql.upQueries.length) {
        console.log(`${app}/${kind}: no changes`);
        continue;
      }
      const className = `${name}${stamp}${kind === 'mysql' ? 'Mysql' : 'Sqlite'}`;
      const dir = `apps/${app}/src/migrations/${kind}`;
      mkdirSync(dir, { recursive: true });
      const file = `${dir}/${stamp}-${name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}.ts`;
      writeFileSync(
        file,
        render(
          className,
          sql.upQueries.map((q) => q.query),
          sql.downQueries.map((q) => q.query).reverse(),
        ),
      );
      console.log(`wrote ${file} (${className}); add it to apps/${app}/src/migrations/index.ts`);
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS \`${tmpDb}\``);
    await admin.end();
  }
}

const [app, name] = process.argv.slice(2);
generate(app as string, name as string).catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
