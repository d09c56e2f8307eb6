import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { watchLostJobs, type BullmqRunner } from '@thidua/jobs';
import { ConfigError, createLogger, createServiceApp, createTokenVerifier, errorHandler, hasRole, listen, openDatabase, type PlatformConfig, type RunningServer } from '@thidua/platform';
import type { NextFunction, Request, Response } from 'express';
import { loadReportingSettings } from './config';
import { createServices } from './context';
import { mysqlMigrations, sqliteMigrations } from './migrations';
import { startReportingJobs } from './report/report.jobs';
import { reportingEntities } from './service';

/**
 * The report worker: reporting's background process on BullMQ. It upserts every schedule, re-enqueues unfinished
 * runs and deliveries (at start, and whenever Redis has lost their job), processes the jobs, and serves only health
 * and the queue dashboard (/queues, ADMIN).
 */
export async function startReportWorker(config: PlatformConfig, env: NodeJS.ProcessEnv = process.env): Promise<RunningServer> {
  const settings = loadReportingSettings(env);
  if (!settings.redisUrl) throw new ConfigError(['REDIS_URL: bắt buộc cho report-worker (không có Redis, reporting tự chạy việc nền trong tiến trình)']);
  const logger = createLogger(config.service, config.logLevel);
  const db = await openDatabase({ config, logger, entities: reportingEntities, migrations: { mysql: mysqlMigrations, sqlite: sqliteMigrations } });
  const services = createServices(db, config, settings);
  const jobs = (await startReportingJobs(services, { redisUrl: settings.redisUrl, prefix: settings.queuePrefix, lockMs: settings.queueLockMs, reminderCron: settings.reminderCron, logger, role: 'worker' })) as BullmqRunner;

  // Schedules changed while Redis was unreachable, or written before this worker existed, reach BullMQ here too.
  const resync = setInterval(() => void services.reports.syncAllSchedules().catch((err: unknown) => logger.warn({ err }, 'schedule re-sync failed')), 5 * 60_000);
  resync.unref();
  // Redis restarted empty (or evicted a key) while this worker runs: the runs and deliveries still open in the
  // database whose job is gone are queued again, without waiting for the next start.
  const stopRecovering = watchLostJobs(jobs, [services.reports.openWork(), services.deliveries.openWork()], settings.recoverIntervalMs, logger);
  const app = createServiceApp({ logger, ready: async () => (await db.ping()) && (await jobs.ping()), service: 'report-worker' });
  const board = new ExpressAdapter();
  board.setBasePath('/queues');
  createBullBoard({ queues: jobs.queues.map((q) => new BullMQAdapter(q, { readOnlyMode: false })), serverAdapter: board });
  const verify = createTokenVerifier(config.auth);
  app.use('/queues', async (req: Request, res: Response, next: NextFunction) => {
    const viewer = await verify(req.header('authorization')).catch(() => null);
    if (!viewer || viewer.anonymous || !hasRole(viewer, 'ADMIN')) {
      res.status(!viewer || viewer.anonymous ? 401 : 403).json({ error: 'Chỉ quản trị viên (ADMIN) xem bảng điều khiển hàng đợi.' });
      return;
    }
    next();
  });
  app.use('/queues', board.getRouter());
  app.use(errorHandler());
  const server = await listen(app, config.host, config.port);
  logger.info({ url: server.url }, 'report worker listening');
  return {
    ...server,
    close: async () => {
      clearInterval(resync);
      stopRecovering();
      await server.close();
      await jobs.close();
      await db.close();
    },
  };
}
