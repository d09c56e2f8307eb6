import { createLogger, loadPlatformConfig, openDatabase } from '@thidua/platform';
import { createServices } from './context';
import { mysqlMigrations, sqliteMigrations } from './migrations';
import { loadAllPresets } from './preset/preset.service';
import { participantsEntities } from './service';

/** `npm run seed`: migrate the participants database and load both seed plans (idempotent). */
async function main(): Promise<void> {
  const config = loadPlatformConfig('participants', 4001);
  const logger = createLogger('seed', config.logLevel);
  const db = await openDatabase({ config, logger, entities: participantsEntities, migrations: { mysql: mysqlMigrations, sqlite: sqliteMigrations } });
  try {
    const created = await loadAllPresets(createServices(db), logger);
    console.log(created.length ? `Đã nạp dữ liệu mẫu: ${created.join(', ')}` : 'Dữ liệu mẫu đã có sẵn, không nạp lại.');
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
