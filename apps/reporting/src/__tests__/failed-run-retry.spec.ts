import pino from 'pino';
import type { GraphClient } from '@thidua/graph-client';
import type { JobRunner } from '@thidua/jobs';
import { AuditEntry, FileStore, loadPlatformConfig, openDatabase, type Database } from '@thidua/platform';
import { freshDatabase, type FreshDatabase } from '@thidua/testing';
import { mysqlMigrations, sqliteMigrations } from '../migrations';
import { ReportRun } from '../report/report.entity';
import { ReportService } from '../report/report.service';
import { reportingEntities } from '../service';

describe('the administrator retries a run whose job failed for good (service)', () => {
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

  it('queues the run again under the failed job (which the queue then runs again), audited; a stale job leaves a newer run alone', async () => {
    const def = await reports.upsertDefinition({ code: 'BMT-BC-TINH', campaignId: '00000000-0000-4000-8000-000000000001', name: 'Kết quả', kind: 'PROVINCE_REPORT', operation: '{ campaigns { id } }', template: 'city-summary', recipient: 'UBND tỉnh', deliverToProvince: false });
    const run = await reports.requestRun(def.id, '2024', 'MANUAL', 'vhtt');
    await reports.markFailed(run.id, 'Không lấy được dữ liệu');
    enqueued.length = 0;

    await reports.retryFailedRun(run.id, `run.${run.id}.1`, 'quan-tri');
    const again = await db.manager.findOneOrFail(ReportRun, { where: { id: run.id } });
    expect([again.status, again.error, again.generation, again.progress, again.finishedAt]).toEqual(['QUEUED', null, 1, 0, null]);
    expect(enqueued).toEqual([{ name: 'report.run', payload: { runId: run.id }, jobId: `run.${run.id}.1` }]);
    const audit = await db.manager.find(AuditEntry, { where: { entityType: 'ReportRun', entityId: run.id }, order: { at: 'ASC' } });
    expect(audit.map((a) => a.action)).toEqual(['create', 'retry']);

    // Requested again since (a second generation): the first generation's failed job does not touch it.
    await reports.markFailed(run.id, 'Lỗi lần hai');
    const second = await reports.requestRun(def.id, '2024', 'MANUAL', 'vhtt');
    expect(second.generation).toBe(2);
    enqueued.length = 0;
    await reports.retryFailedRun(run.id, `run.${run.id}.1`, 'quan-tri');
    expect(enqueued).toEqual([]);
    await expect(reports.retryFailedRun('00000000-0000-4000-8000-00000000dead', 'run.x.1', 'quan-tri')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
