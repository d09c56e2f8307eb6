import { randomBytes } from 'node:crypto';
import { metricsRegistry } from '@thidua/platform';
import pino from 'pino';
import { describeEachJobDriver, dropRedisPrefix, testJobDrivers, TEST_REDIS_URL } from '@thidua/testing';
import { z } from 'zod';
import { checkHandlers, createBullmqRunner, createInProcessRunner, defineJob, handler, QueueName, startServiceJobs, type JobHandler, type JobRunner, type JobSpec, type OpenWork } from '..';

const logger = pino({ level: 'silent' });
const ping = defineJob({ name: 'test.ping', queue: QueueName.Reports, payload: z.object({ n: z.number() }), attempts: 3, backoffMs: 50 });
const flaky = defineJob({ name: 'test.flaky', queue: QueueName.Reports, payload: z.object({ key: z.string() }), attempts: 3, backoffMs: 50 });
const doomed = defineJob({ name: 'test.doomed', queue: QueueName.Deliveries, payload: z.object({}), attempts: 2, backoffMs: 50 });
const JOBS: JobSpec[] = [ping, flaky, doomed] as JobSpec[];

async function failedJobsMetric(job: string): Promise<number> {
  const m = await metricsRegistry.getSingleMetric('thidua_jobs_failed_total')?.get();
  return m?.values.find((v) => v.labels.job === job)?.value ?? 0;
}

/** Wait until a condition holds (polling; never a timing assertion). */
async function until(cond: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('job handler registry', () => {
  const noop = async () => undefined;
  it('refuses to boot with a job that has no handler, or two', () => {
    expect(() => checkHandlers(JOBS, [handler(ping, noop), handler(flaky, noop)] as JobHandler[])).toThrow('job "test.doomed" has no handler');
    expect(() => checkHandlers(JOBS, [handler(ping, noop), handler(ping, noop), handler(flaky, noop), handler(doomed, noop)] as JobHandler[])).toThrow('job "test.ping" has two handlers');
    expect(checkHandlers(JOBS, [handler(ping, noop), handler(flaky, noop), handler(doomed, noop)] as JobHandler[]).size).toBe(3);
  });
});

describeEachJobDriver('job runner', (driver) => {
  let runner: JobRunner;
  const prefix = `t-${randomBytes(4).toString('hex')}`;
  const seen: number[] = [];
  const tries = new Map<string, number>();
  const gaveUp: string[] = [];
  beforeAll(async () => {
    const handlers = [
      handler(ping, async (p) => void seen.push(p.n)),
      handler(flaky, async (p) => {
        const n = (tries.get(p.key) ?? 0) + 1;
        tries.set(p.key, n);
        if (n < 3) throw new Error(`try ${n} failed`);
      }),
      handler(
        doomed,
        async () => {
          throw new Error('Máy chủ tỉnh từ chối');
        },
        async (_p, error) => void gaveUp.push(error),
      ),
    ] as JobHandler[];
    runner = driver === 'bullmq' ? createBullmqRunner({ redisUrl: TEST_REDIS_URL, jobs: JOBS, handlers, logger, prefix }) : createInProcessRunner({ jobs: JOBS, handlers, logger });
    await runner.start();
  });
  afterAll(async () => {
    await runner?.close();
    if (driver === 'bullmq') await dropRedisPrefix(prefix);
  });

  it('runs a job once per id, however often it is enqueued, and checks the payload', async () => {
    await runner.enqueue(ping, { n: 1 }, { jobId: 'run:2024:city-summary' });
    await runner.enqueue(ping, { n: 1 }, { jobId: 'run:2024:city-summary' });
    await runner.enqueue(ping, { n: 2 });
    await until(() => seen.includes(1) && seen.includes(2));
    await new Promise((r) => setTimeout(r, 300));
    expect(seen.filter((n) => n === 1)).toHaveLength(1);
    await expect(runner.enqueue(ping, { n: 'x' } as unknown as { n: number })).rejects.toThrow();
  });

  it('retries with backoff until the job succeeds, and keeps a job that used up its tries', async () => {
    const failedBefore = await failedJobsMetric('test.doomed');
    await runner.enqueue(flaky, { key: 'a' });
    await until(() => tries.get('a') === 3);
    await runner.enqueue(doomed, {}, { jobId: 'doomed-1' });
    await until(async () => (await runner.failed()).some((f) => f.id === 'doomed-1'));
    expect((await runner.failed()).find((f) => f.id === 'doomed-1')).toMatchObject({ name: 'test.doomed', error: 'Máy chủ tỉnh từ chối', attempts: 2 });
    // The owner hears once that the job gave up; enqueued again under the same id, the failed job runs again.
    await until(() => gaveUp.length === 1);
    expect(gaveUp).toEqual(['Máy chủ tỉnh từ chối']);
    // Prometheus sees it: one more job failed for good, and the deliveries queue holds a failed job.
    expect(await failedJobsMetric('test.doomed')).toBe(failedBefore + 1);
    const depth = (await metricsRegistry.getSingleMetric('thidua_queue_jobs')?.get())?.values ?? [];
    expect(depth.find((v) => v.labels.queue === QueueName.Deliveries && v.labels.state === 'failed')?.value).toBeGreaterThanOrEqual(1);
    await runner.enqueue(doomed, {}, { jobId: 'doomed-1' });
    await until(() => gaveUp.length === 2);
  });

  it('tells which jobs it no longer holds (completed, never queued, lost with Redis) and queues them again', async () => {
    await runner.enqueue(ping, { n: 41 }, { jobId: 'keep-41', delayMs: 600_000 });
    await runner.enqueue(ping, { n: 42 }, { jobId: 'done-42' });
    await until(() => seen.includes(42));
    await until(async () => (await runner.missing(ping, ['done-42'])).length === 1);
    expect(await runner.missing(ping, ['keep-41', 'done-42', 'never-43'])).toEqual(['done-42', 'never-43']);
    // Queued again under the same id although a completed job with that id is kept.
    await runner.requeue(ping, { n: 420 }, 'done-42');
    await until(() => seen.includes(420));
    if (driver === 'bullmq') {
      // Redis restarted empty: the delayed job is gone, the worker goes on, and the owner queues it again.
      await dropRedisPrefix(prefix);
      expect(await runner.missing(ping, ['keep-41'])).toEqual(['keep-41']);
      await runner.requeue(ping, { n: 410 }, 'keep-41');
      await until(() => seen.includes(410));
    } else {
      // A job still waiting is never queued twice.
      await runner.requeue(ping, { n: 410 }, 'keep-41');
      await new Promise((r) => setTimeout(r, 200));
      expect(seen).not.toContain(410);
    }
  });

  it('counts each queue’s jobs: waiting, running, delayed, failed for good, completed', async () => {
    // A runner of its own, so that the other tests' jobs are not counted; one job at a time.
    const own = `t-${randomBytes(4).toString('hex')}`;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const handlers = [
      handler(ping, async () => gate),
      handler(flaky, async () => undefined),
      handler(doomed, async () => {
        throw new Error('Máy chủ tỉnh từ chối');
      }),
    ] as JobHandler[];
    const counting = driver === 'bullmq' ? createBullmqRunner({ redisUrl: TEST_REDIS_URL, jobs: JOBS, handlers, logger, prefix: own, concurrency: 1 }) : createInProcessRunner({ jobs: JOBS, handlers, logger });
    const scoringJob = defineJob({ name: 'test.import', queue: QueueName.Scoring, payload: z.object({}) });
    const scoring = driver === 'bullmq' ? createBullmqRunner({ redisUrl: TEST_REDIS_URL, jobs: [scoringJob] as JobSpec[], handlers: [handler(scoringJob, async () => undefined)] as JobHandler[], logger, prefix: own, produceOnly: true }) : null;
    const counts = async () => Object.fromEntries((await counting.queueCounts()).map(({ queue, ...c }) => [queue, c]));
    const zero = { waiting: 0, active: 0, delayed: 0, failed: 0, completed: 0 };
    try {
      // Not started yet: two jobs wait, one waits for its time.
      await counting.enqueue(ping, { n: 1 });
      await counting.enqueue(ping, { n: 2 });
      await counting.enqueue(ping, { n: 3 }, { delayMs: 600_000 });
      expect(await counts()).toEqual({ [QueueName.Reports]: { ...zero, waiting: 2, delayed: 1 }, [QueueName.Deliveries]: zero });
      await counting.start();
      // One runs (held by its handler), the other waits for it.
      await until(async () => (await counts())[QueueName.Reports]?.active === 1);
      expect((await counts())[QueueName.Reports]).toEqual({ ...zero, waiting: 1, active: 1, delayed: 1 });
      release();
      await until(async () => (await counts())[QueueName.Reports]?.completed === 2);
      // A job that uses up its tries is counted as failed once it gave up, not while it waits for its retry.
      await counting.enqueue(doomed, {}, { jobId: 'doomed-counted' });
      await until(async () => (await counts())[QueueName.Deliveries]?.failed === 1);
      expect(await counts()).toEqual({ [QueueName.Reports]: { ...zero, delayed: 1, completed: 2 }, [QueueName.Deliveries]: { ...zero, failed: 1 } });
      if (scoring) {
        // Another service's queue in the same Redis is counted when asked for.
        await scoring.enqueue(scoringJob, {});
        const all = await counting.queueCounts([QueueName.Scoring, QueueName.Participants]);
        expect(all.map((c) => c.queue)).toEqual([QueueName.Reports, QueueName.Deliveries, QueueName.Scoring, QueueName.Participants]);
        expect(all.slice(2)).toEqual([
          { queue: QueueName.Scoring, ...zero, waiting: 1 },
          { queue: QueueName.Participants, ...zero },
        ]);
      } else {
        // In process, a runner holds only its own queues' jobs: it names no other queue.
        expect((await counting.queueCounts([QueueName.Scoring])).map((c) => c.queue)).toEqual([QueueName.Reports, QueueName.Deliveries]);
      }
    } finally {
      release();
      await scoring?.close();
      await counting.close();
      if (driver === 'bullmq') await dropRedisPrefix(own);
    }
  });

  it('does not fire a schedule before its time, however far away it is', async () => {
    await runner.upsertSchedule('yearly', { pattern: '0 8 13 12 *', tz: 'Asia/Ho_Chi_Minh' }, ping, { n: 99 });
    await new Promise((r) => setTimeout(r, 500));
    expect(seen).not.toContain(99);
    const next = (await runner.schedules()).find((s) => s.id === 'yearly')?.next ?? 0;
    expect(new Date(next).toISOString()).toMatch(/-12-13T01:00:00\.000Z$/);
    await runner.removeSchedule('yearly');
  });

  it('upserts a cron schedule idempotently in Asia/Ho_Chi_Minh and fires it', async () => {
    await runner.upsertSchedule('every-second', { pattern: '* * * * * *', tz: 'Asia/Ho_Chi_Minh' }, ping, { n: 7 });
    await runner.upsertSchedule('every-second', { pattern: '* * * * * *', tz: 'Asia/Ho_Chi_Minh' }, ping, { n: 7 });
    const list = await runner.schedules();
    expect(list.filter((s) => s.id === 'every-second')).toEqual([expect.objectContaining({ pattern: '* * * * * *', tz: 'Asia/Ho_Chi_Minh', jobName: 'test.ping' })]);
    await until(() => seen.includes(7));
    await runner.removeSchedule('every-second');
    expect((await runner.schedules()).map((s) => s.id)).not.toContain('every-second');
  });
});

// On BullMQ a service's open work whose job Redis does not hold is found and queued again while the service runs.
(testJobDrivers().includes('bullmq') ? describe : () => undefined)('a service running its own jobs on BullMQ', () => {
  const prefix = `t-${randomBytes(4).toString('hex')}`;
  afterAll(() => dropRedisPrefix(prefix));

  it('queues its open work at start, and again whenever the queue has lost an item’s job', async () => {
    const open = new Map<string, { n: number }>([['a', { n: 1 }]]);
    const handled: number[] = [];
    const work: OpenWork<{ n: number }> = { job: ping, open: async () => [...open].map(([id, payload]) => ({ jobId: `ping.${id}`, payload })) };
    const handlers = [
      handler(ping, async (p) => {
        handled.push(p.n);
        for (const [id, v] of open) if (v.n === p.n) open.delete(id);
      }),
      handler(flaky, async () => undefined),
      handler(doomed, async () => undefined),
    ] as JobHandler[];
    const runner = await startServiceJobs({ jobs: JOBS, handlers, attach: () => undefined, work: [work], logger, env: { REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix, JOBS_RECOVER_INTERVAL_MS: '200' } });
    try {
      await until(() => handled.includes(1));
      // An item recorded as open whose job never reached Redis (or was lost with it): nobody enqueues it.
      open.set('b', { n: 2 });
      await until(() => handled.includes(2));
      expect(handled).toEqual([1, 2]);
    } finally {
      await runner.close();
    }
  });
});
