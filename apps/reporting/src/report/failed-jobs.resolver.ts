import { QUEUE_ORDER, REPORTING_JOBS, type FailedJob, type JobSpec } from '@thidua/jobs';
import { platformError, requireRole, validate } from '@thidua/platform';
import { z } from 'zod';
import type { ReportingContext } from '../context';
import type { Resolvers } from '../generated/resolvers';
import { REPORTING_JOB_SPECS } from './report.jobs';

const jobId = z.string().trim().min(1).max(200);
const payloadOf = (f: FailedJob) => (f.payload ?? {}) as { runId?: string; deliveryId?: string };

async function failedJobs(ctx: ReportingContext): Promise<FailedJob[]> {
  return ((await ctx.services.reports.jobs?.failed()) ?? []).sort((a, b) => (b.failedAt ?? 0) - (a.failedAt ?? 0));
}

/** A URL as the administrator may read it: without a user name or password in it. */
function withoutCredentials(target: string): string {
  try {
    const u = new URL(target);
    u.username = '';
    u.password = '';
    return u.toString();
  } catch {
    return target;
  }
}

/**
 * The administrator's view of the report jobs that used up their tries, and the retry of one, done the way each
 * kind of job needs: a run is queued again (its record back to QUEUED), a delivery is retried as `retryDelivery`
 * does (same idempotency key), any other job runs again with its own payload under its id.
 */
export const failedJobResolvers: Resolvers = {
  Query: {
    failedJobs: async (_, __, ctx) => {
      requireRole(ctx.viewer, 'ADMIN');
      return failedJobs(ctx);
    },
    jobQueues: async (_, __, ctx) => {
      requireRole(ctx.viewer, 'ADMIN');
      // On Redis every queue of the system is counted (the other services' imports included); in process, only ours.
      return (await ctx.services.reports.jobs?.queueCounts(QUEUE_ORDER)) ?? [];
    },
    deliveryChannels: (_, __, ctx) => {
      requireRole(ctx.viewer, 'ADMIN');
      const attempts = ctx.services.deliveries.job.attempts ?? 5;
      return ctx.services.deliveries.channels().map((c) => ({ channel: c.channel, target: c.channel === 'HTTP' ? withoutCredentials(c.target) : c.target, signed: c.channel === 'HTTP', attempts }));
    },
  },
  Mutation: {
    retryFailedJob: async (_, args, ctx) => {
      requireRole(ctx.viewer, 'ADMIN');
      const id = validate(jobId, args.id);
      const jobs = ctx.services.reports.jobs;
      const f = (await failedJobs(ctx)).find((j) => j.id === id);
      if (!jobs || !f) throw platformError('NOT_FOUND', { entity: 'FailedJob', id });
      const p = payloadOf(f);
      if (f.name === REPORTING_JOBS.deliver.name && p.deliveryId) await ctx.services.deliveries.retry(p.deliveryId);
      else if (f.name === REPORTING_JOBS.run.name && p.runId) await ctx.services.reports.retryFailedRun(p.runId, f.id, ctx.viewer.userId ?? 'unknown');
      else {
        const spec = REPORTING_JOB_SPECS.find((s) => s.name === f.name) as JobSpec | undefined;
        if (!spec) throw platformError('NOT_FOUND', { entity: 'FailedJob', id });
        await jobs.enqueue(spec, f.payload, { jobId: f.id });
      }
      return (await failedJobs(ctx)).filter((j) => j.id !== id);
    },
  },
  JobQueue: {
    name: (q) => q.queue,
  },
  FailedJob: {
    failedAt: (f) => (f.failedAt === null ? null : new Date(f.failedAt)),
    reportRun: async (f, _, ctx) => {
      const p = payloadOf(f);
      if (p.runId) return ctx.loaders.run.load(p.runId);
      if (p.deliveryId) {
        const [d] = await ctx.services.deliveries.byIds([p.deliveryId]);
        return d ? ctx.loaders.run.load(d.runId) : null;
      }
      return null;
    },
    delivery: async (f, _, ctx) => {
      const p = payloadOf(f);
      return p.deliveryId ? ((await ctx.services.deliveries.byIds([p.deliveryId]))[0] ?? null) : null;
    },
  },
};
