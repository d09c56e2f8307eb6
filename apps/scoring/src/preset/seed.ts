import { createLogger, openDatabase, type Database, type PlatformConfig } from '@thidua/platform';
import type { Logger } from 'pino';
import { createServices } from '../context';
import { mysqlMigrations, sqliteMigrations } from '../migrations';
import { scoringEntities } from '../service';
import { loadPresets } from './preset.service';

/** Open (and migrate) the scoring database, as the service does at boot. */
export function openScoringDatabase(config: PlatformConfig, logger: Logger): Promise<Database> {
  return openDatabase({ config, logger, entities: scoringEntities, migrations: { mysql: mysqlMigrations, sqlite: sqliteMigrations } });
}

/** Migrate the scoring database and load the sample frameworks and classification rules (idempotent; no call to the graph). */
export async function seedScoring(config: PlatformConfig): Promise<string[]> {
  const logger = createLogger(`${config.service}:seed`, config.logLevel);
  const db = await openScoringDatabase(config, logger);
  try {
    return await loadPresets(createServices(db, config), logger);
  } finally {
    await db.close();
  }
}
