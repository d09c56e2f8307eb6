import { createLogger, openDatabase, type Database, type PlatformConfig } from '@thidua/platform';
import type { Logger } from 'pino';
import { createServices } from '../context';
import { mysqlMigrations, sqliteMigrations } from '../migrations';
import { participantsEntities } from '../service';
import { loadAllPresets } from './preset.service';

/** Open (and migrate) the participants database, as the service does at boot. */
export function openParticipantsDatabase(config: PlatformConfig, logger: Logger): Promise<Database> {
  return openDatabase({ config, logger, entities: participantsEntities, migrations: { mysql: mysqlMigrations, sqlite: sqliteMigrations } });
}

/** Migrate the participants database and load both seed plans (idempotent); the codes of what was created. */
export async function seedParticipants(config: PlatformConfig): Promise<string[]> {
  const logger = createLogger(`${config.service}:seed`, config.logLevel);
  const db = await openParticipantsDatabase(config, logger);
  try {
    return await loadAllPresets(createServices(db), logger);
  } finally {
    await db.close();
  }
}
