import { awardsEntities, openAwardsDatabase, seedAwards } from '@thidua/awards';
import { openParticipantsDatabase, participantsEntities, seedParticipants } from '@thidua/participants';
import { createLogger, loadPlatformConfig, type Database, type PlatformConfig } from '@thidua/platform';
import { openReportingDatabase, reportingEntities, seedReporting } from '@thidua/reporting';
import { openScoringDatabase, scoringEntities, seedScoring } from '@thidua/scoring';
import { QueueName } from '@thidua/jobs';
import { describeEachDatabase, dropRedisPrefix, freshDatabase, TEST_REDIS_URL, type FreshDatabase } from '@thidua/testing';
import { Queue } from 'bullmq';

type Entities = Array<new () => object>;
type Logger = ReturnType<typeof createLogger>;

/** What `npm run seed` runs, in its order: participants first (the others refer to its campaigns by preset id). */
const STEPS: Array<{ service: string; seed: (c: PlatformConfig) => Promise<string[]>; entities: Entities; open: (c: PlatformConfig, l: Logger) => Promise<Database>; expect: string[] }> = [
  { service: 'participants', seed: seedParticipants, entities: participantsEntities as Entities, open: openParticipantsDatabase, expect: ['BMT-CDS-2023-2025', 'DN-CDS-2021-2030'] },
  { service: 'scoring', seed: seedScoring, entities: scoringEntities as Entities, open: openScoringDatabase, expect: ['DTI-922-MAU-TINH', 'DTI-MAU-CAP-XA', 'DTI-405-TINH', 'DANANG-2386', 'DAKLAK-2534-SO-NGANH', 'frameworks:BMT-CDS-2023-2025', 'rule:BMT-CDS-2023-2025', 'rule:DN-CDS-2021-2030'] },
  { service: 'awards', seed: seedAwards, entities: awardsEntities as Entities, open: openAwardsDatabase, expect: ['LUAT-TDKT-2022', 'BMT-CDS-2023-2025:BK-CT-UBND-TINH', 'DN-CDS-2021-2030:KT-NHA-NUOC'] },
  { service: 'reporting', seed: seedReporting, entities: reportingEntities as Entities, open: openReportingDatabase, expect: ['BMT-CDS-2023-2025', 'DN-CDS-2021-2030', 'BMT-BC-TONG-HOP', 'DN-TONG-KET'] },
];

/** The seed must not need the gateway: nothing listens on this port (discard), so any call to the graph would fail. */
const NO_GATEWAY = 'http://127.0.0.1:9/graphql';

describeEachDatabase('npm run seed', (kind) => {
  const fresh: FreshDatabase[] = [];
  const configs = new Map<string, PlatformConfig>();

  beforeAll(async () => {
    for (const step of STEPS) {
      const db = await freshDatabase(kind, step.service);
      fresh.push(db);
      // As in production: presets are not loaded at boot, only by the seed.
      configs.set(step.service, loadPlatformConfig(step.service, 0, { NODE_ENV: 'test', LOG_LEVEL: 'silent', LOAD_PRESETS: 'false', GATEWAY_URL: NO_GATEWAY, ...db.env }));
    }
  });
  afterAll(async () => {
    for (const db of fresh) await db.drop();
  });

  /** Rows per table of a service's database. */
  async function counts(step: (typeof STEPS)[number]): Promise<Record<string, number>> {
    const db = await step.open(configs.get(step.service)!, createLogger('test', 'silent'));
    try {
      const out: Record<string, number> = {};
      for (const e of step.entities) out[e.name] = await db.manager.count(e);
      return out;
    } finally {
      await db.close();
    }
  }

  it("migrates every service's fresh database and loads all its presets, then a second run changes nothing", async () => {
    const first: Record<string, Record<string, number>> = {};
    for (const step of STEPS) {
      const created = await step.seed(configs.get(step.service)!);
      expect(created).toEqual(expect.arrayContaining(step.expect));
      first[step.service] = await counts(step);
    }
    expect(first.participants).toEqual(expect.objectContaining({ Campaign: 2 }));
    expect(first.participants.OrgUnit).toBeGreaterThan(10);
    expect(first.scoring).toEqual(expect.objectContaining({ IndexFramework: 5, CampaignFramework: 4, CampaignScoring: 2 }));
    expect(first.scoring.Indicator).toBeGreaterThan(10);
    expect(first.awards.AwardForm).toBeGreaterThanOrEqual(5);
    expect(first.awards.Occasion).toBeGreaterThan(0);
    expect(first.awards.LegalInstrument).toBeGreaterThan(0);
    expect(first.awards.BonusRate).toBeGreaterThan(0);
    expect(first.awards.BaseSalary).toBeGreaterThan(0);
    expect(first.reporting).toEqual(expect.objectContaining({ UnitReportTemplate: 2, ReportDefinition: 8 }));
    expect(first.reporting.ReportSchedule).toBeGreaterThan(0);

    for (const step of STEPS) {
      expect(await step.seed(configs.get(step.service)!)).toEqual([]);
      expect(await counts(step)).toEqual(first[step.service]);
    }
  });
});

// With REDIS_URL, reporting's seed also makes its schedules BullMQ job schedulers (produce-only: it runs no job).
// Redis is always there in CI (the global setup fails without it).
if (process.env.THIDUA_TEST_REDIS === '1') describe('npm run seed with Redis', () => {
  const prefix = `t-seed-${Date.now().toString(36)}`;
  let fresh: FreshDatabase;

  afterAll(async () => {
    await fresh?.drop();
    await dropRedisPrefix(prefix);
  });

  it("registers reporting's enabled schedules once, however often it runs", async () => {
    fresh = await freshDatabase('sqlite', 'reporting');
    const env = { NODE_ENV: 'test', LOG_LEVEL: 'silent', GATEWAY_URL: NO_GATEWAY, REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix, ...fresh.env } as const;
    const config = loadPlatformConfig('reporting', 0, env);
    const schedulers = async () => {
      const queue = new Queue(QueueName.Reports, { connection: { url: TEST_REDIS_URL }, prefix });
      try {
        return (await queue.getJobSchedulers()).map((s) => s.key).sort();
      } finally {
        await queue.close();
      }
    };
    expect(await seedReporting(config, env)).not.toEqual([]);
    const db = await openReportingDatabase(config, createLogger('test', 'silent'));
    const rows = await db.manager.find<{ id: string; enabled: boolean }>('ReportSchedule', { where: { enabled: true } });
    await db.close();
    expect(rows.length).toBeGreaterThan(0);
    const first = await schedulers();
    expect(first).toEqual(rows.map((r) => `schedule.${r.id}`).sort());
    expect(await seedReporting(config, env)).toEqual([]);
    expect(await schedulers()).toEqual(first);
  });
});
