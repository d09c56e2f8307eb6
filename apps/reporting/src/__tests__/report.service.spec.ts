import pino from 'pino';
import type { GraphClient } from '@thidua/graph-client';
import type { JobRunner } from '@thidua/jobs';
import { FileStore, loadPlatformConfig, openDatabase, type Database } from '@thidua/platform';
import { freshDatabase, type FreshDatabase } from '@thidua/testing';
import { mysqlMigrations, sqliteMigrations } from '../migrations';
import { ReportRun } from '../report/report.entity';
import { ReportService } from '../report/report.service';
import { reportingEntities } from '../service';

describe('report runs and schedules (service)', () => {
  let fresh: FreshDatabase;
  let db: Database;
  let reports: ReportService;
  const enqueued: Array<{ name: string; payload: unknown; jobId?: string }> = [];
  beforeAll(async () => {
    fresh = await freshDatabase('sqlite', 'reporting');
    const config = loadPlatformConfig('reporting', 0, { ...fresh.env, LOG_LEVEL: 'silent' });
    db = await openDatabase({ config, logger: pino({ level: 'silent' }), entities: reportingEntities, migrations: { mysql: mysqlMigrations, sqlite: sqliteMigrations } });
    reports = new ReportService(db, {} as GraphClient, new FileStore(`${fresh.dataDir}/reports`));
    reports.periodCheck = false;
    reports.jobs = { enqueue: async (job: { name: string }, payload: unknown, o?: { jobId?: string }) => void enqueued.push({ name: job.name, payload, jobId: o?.jobId }), upsertSchedule: async () => undefined } as unknown as JobRunner;
  });
  afterAll(async () => {
    await db?.close();
    await fresh?.drop();
  });

  it('fires, at start, a recent firing that was missed, for that firing’s year, once', async () => {
    const def = await reports.upsertDefinition({ code: 'BMT-BC-TONG-HOP', campaignId: '00000000-0000-4000-8000-000000000001', name: 'Kết quả', kind: 'CITY_SUMMARY', operation: '{ campaigns { id } }', template: 'city-summary', recipient: 'UBND', deliverToProvince: false });
    await reports.setSchedule(def.id, '0 8 13 12 *', 'Asia/Ho_Chi_Minh', true);
    // Down from 12/12 to 20/12/2025: the 13/12 firing (8:00 in Vietnam) was missed; started twice, the same job.
    expect(await reports.catchUp(new Date('2025-12-20T03:00:00Z'))).toBe(1);
    expect(await reports.catchUp(new Date('2025-12-21T03:00:00Z'))).toBe(1);
    // A start long after the last firing fires nothing.
    expect(await reports.catchUp(new Date('2026-06-01T03:00:00Z'))).toBe(0);
    expect(enqueued).toHaveLength(2);
    expect(enqueued[0]?.jobId).toBe(enqueued[1]?.jobId);
    expect(enqueued[0]).toMatchObject({ name: 'report.scheduled', payload: { firedAt: '2025-12-13T01:00:00.000Z' } });
    // The job makes the run of that firing's year, even when it runs in January.
    const payload = enqueued[0]?.payload as { scheduleId: string; firedAt: string };
    await reports.onScheduled(payload.scheduleId, payload.firedAt);
    await reports.onScheduled(payload.scheduleId, payload.firedAt);
    const runs = await db.manager.find(ReportRun);
    expect(runs.map((r) => [r.period, r.status, r.trigger])).toEqual([['2025', 'QUEUED', 'SCHEDULE']]);
  });

  it('marks a run whose job gave up FAILED, and runs it again, under a new job id, when requested', async () => {
    const def = await reports.upsertDefinition({ code: 'DN-BC-TONG-HOP', campaignId: '00000000-0000-4000-8000-000000000002', name: 'Kết quả', kind: 'CITY_SUMMARY', operation: '{ campaigns { id } }', template: 'city-summary', recipient: 'UBND', deliverToProvince: false });
    enqueued.length = 0;
    const run = await reports.requestRun(def.id, '2026', 'MANUAL', 'vhtt');
    await reports.markFailed(run.id, 'Không lấy được dữ liệu');
    const failed = await db.manager.findOneOrFail(ReportRun, { where: { id: run.id } });
    expect([failed.status, failed.error]).toEqual(['FAILED', 'Không lấy được dữ liệu']);
    const again = await reports.requestRun(def.id, '2026', 'MANUAL', 'vhtt');
    expect([again.id, again.status, again.generation]).toEqual([run.id, 'QUEUED', 2]);
    expect(enqueued.map((e) => e.jobId)).toEqual([`run.${run.id}.1`, `run.${run.id}.2`]);
  });

  it('refuses a schedule with a time zone that does not exist, and keeps the old one', async () => {
    const def = await reports.upsertDefinition({ code: 'X-TZ', campaignId: '00000000-0000-4000-8000-000000000003', name: 'Kết quả', kind: 'CITY_SUMMARY', operation: '{ campaigns { id } }', template: 'city-summary', recipient: 'UBND', deliverToProvince: false });
    await reports.setSchedule(def.id, '0 8 13 12 *', 'Asia/Ho_Chi_Minh', true);
    await expect(reports.setSchedule(def.id, '0 8 13 12 *', 'Asia/Saigon ', true)).rejects.toMatchObject({ code: 'REPORT_SCHEDULE_INVALID' });
    await expect(reports.setSchedule(def.id, '61 8 13 12 *', 'Asia/Ho_Chi_Minh', true)).rejects.toMatchObject({ code: 'REPORT_SCHEDULE_INVALID' });
    expect((await reports.schedulesOf([def.id])).map((x) => x.tz)).toEqual(['Asia/Ho_Chi_Minh']);
  });
});
