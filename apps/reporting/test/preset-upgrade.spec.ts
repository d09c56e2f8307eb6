import { createLogger, loadPlatformConfig, presetId } from '@thidua/platform';
import { describeEachDatabase, freshDatabase, type FreshDatabase } from '@thidua/testing';
import { CITY_SUMMARY_OPERATION, SUPERSEDED_OPERATIONS } from '../src/preset/definitions.preset';
import { openReportingDatabase, seedReporting } from '../src/preset/seed';

describeEachDatabase('preset definitions stored by an earlier version', (kind) => {
  let fresh: FreshDatabase;
  beforeAll(async () => {
    fresh = await freshDatabase(kind, 'reporting');
  });
  afterAll(async () => {
    await fresh?.drop();
  });

  it('pages the city summary of a definition never edited, and leaves an edited one as it is', async () => {
    const config = loadPlatformConfig('reporting', 0, { NODE_ENV: 'test', LOG_LEVEL: 'silent', ...fresh.env });
    await seedReporting(config, {});
    const old = SUPERSEDED_OPERATIONS[0]?.was ?? '';
    const edited = old.replace('first: 400', 'first: 300');
    const [bmt, dn] = [presetId('ReportDefinition', 'BMT-BC-TONG-HOP'), presetId('ReportDefinition', 'DN-BC-TONG-HOP')];
    const db = await openReportingDatabase(config, createLogger('test', 'silent'));
    const operationOf = async (id: string) => ((await db.manager.query('SELECT operation FROM report_definition WHERE id = ?', [id])) as Array<{ operation: string }>)[0]?.operation;
    try {
      await db.manager.query('UPDATE report_definition SET operation = ? WHERE id = ?', [old, bmt]);
      await db.manager.query('UPDATE report_definition SET operation = ? WHERE id = ?', [edited, dn]);
      await seedReporting(config, {});
      expect(await operationOf(bmt)).toBe(CITY_SUMMARY_OPERATION);
      expect(await operationOf(dn)).toBe(edited);
    } finally {
      await db.close();
    }
  });
});
