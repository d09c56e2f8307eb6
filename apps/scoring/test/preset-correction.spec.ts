import { randomUUID } from 'node:crypto';
import { createLogger, loadPlatformConfig, presetId, type PlatformConfig } from '@thidua/platform';
import { describeEachDatabase, freshDatabase, type FreshDatabase } from '@thidua/testing';
import { In } from 'typeorm';
import { Assessment } from '../src/assessment/assessment.entity';
import { CampaignFramework, Indicator } from '../src/framework/framework.entity';
import { openScoringDatabase, seedScoring } from '../src/preset/seed';

const COMMUNE_SAMPLE = presetId('IndexFramework', 'DTI-MAU-CAP-XA');

describeEachDatabase('scoring presets on a database loaded by an earlier version', (kind) => {
  let fresh: FreshDatabase;
  let config: PlatformConfig;
  const logger = createLogger('test', 'silent');

  beforeAll(async () => {
    fresh = await freshDatabase(kind, 'scoring');
    config = loadPlatformConfig('scoring', 0, { NODE_ENV: 'test', LOG_LEVEL: 'silent', LOAD_PRESETS: 'false', GATEWAY_URL: 'http://127.0.0.1:9/graphql', ...fresh.env });
  });
  afterAll(() => fresh?.drop());

  /** Put the commune sample back as an earlier version shipped it: no commune counterpart of 2.4, no ward one of 4.4. */
  const asShippedBefore = async () => {
    const db = await openScoringDatabase(config, logger);
    try {
      await db.manager.delete(Indicator, { frameworkId: COMMUNE_SAMPLE, code: In(['2.5', '4.5']) });
    } finally {
      await db.close();
    }
  };
  const communeCodes = async () => {
    const db = await openScoringDatabase(config, logger);
    try {
      return (await db.manager.find(Indicator, { where: { frameworkId: COMMUNE_SAMPLE } })).map((i) => i.code).sort();
    } finally {
      await db.close();
    }
  };

  it('loads the new indices and campaign lists, corrects the commune sample while nobody was assessed on it, then changes nothing', async () => {
    const first = await seedScoring(config);
    expect(first).toEqual(
      expect.arrayContaining(['DTI-405-TINH', 'DANANG-2386', 'DAKLAK-2534-SO-NGANH', 'frameworks:BMT-CDS-2023-2025', 'frameworks:DN-CDS-2021-2030']),
    );
    expect(await seedScoring(config)).toEqual([]);

    await asShippedBefore();
    expect(await communeCodes()).not.toContain('2.5');
    expect(await seedScoring(config)).toEqual(['corrected:DTI-MAU-CAP-XA']);
    expect(await communeCodes()).toEqual(expect.arrayContaining(['2.4', '2.5', '4.4', '4.5']));
    expect(await seedScoring(config)).toEqual([]);

    // Once a unit was assessed on it, the index is what the unit was assessed on: it is never changed again.
    const db = await openScoringDatabase(config, logger);
    try {
      await db.manager.save(
        db.manager.create(Assessment, {
          id: randomUUID(),
          campaignId: presetId('Campaign', 'BMT-CDS-2023-2025'),
          periodId: randomUUID(),
          unitId: randomUUID(),
          unitKind: 'WARD_PC',
          unitName: 'UBND phường Tân An',
          frameworkId: COMMUNE_SAMPLE,
          year: 2024,
          status: 'SELF_ASSESSING',
          reopenedUntil: null,
          maxPoints: 95,
          selfTotal: 0,
          verifiedTotal: null,
          submittedAt: null,
          verifiedAt: null,
          publishedAt: null,
        }),
      );
      // A lead agency's own choice of indices is kept as well.
      await db.manager.delete(CampaignFramework, { campaignId: presetId('Campaign', 'DN-CDS-2021-2030'), frameworkId: COMMUNE_SAMPLE });
    } finally {
      await db.close();
    }
    await asShippedBefore();
    expect(await seedScoring(config)).toEqual([]);
    expect(await communeCodes()).not.toContain('2.5');
  });
});
