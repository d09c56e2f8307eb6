import { createLogger, openDatabase, type Database, type PlatformConfig } from '@thidua/platform';
import type { Logger } from 'pino';
import { createServices } from '../context';
import { mysqlMigrations, sqliteMigrations } from '../migrations';
import { awardsEntities } from '../service';
import { loadPresets } from './preset.service';

/** Open (and migrate) the awards database, as the service does at boot. */
export function openAwardsDatabase(config: PlatformConfig, logger: Logger): Promise<Database> {
  return openDatabase({ config, logger, entities: awardsEntities, migrations: { mysql: mysqlMigrations, sqlite: sqliteMigrations } });
}

/** Migrate the awards database and load legal instruments, base salaries, bonus tables, forms and occasions (idempotent; no call to the graph). */
export async function seedAwards(config: PlatformConfig): Promise<string[]> {
  const logger = createLogger(`${config.service}:seed`, config.logLevel);
  const db = await openAwardsDatabase(config, logger);
  try {
    return await loadPresets(createServices(db, config), logger);
  } finally {
    await db.close();
  }
}
