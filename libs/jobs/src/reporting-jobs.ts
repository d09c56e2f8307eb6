import { z } from 'zod';
import { defineJob, QueueName } from './jobs';

const id = z.string().min(1).max(64);

// Retries back off exponentially from 30 s: a run keeps trying for about an hour, a delivery for about two days
// (an endpoint down over a weekend). After that the run or delivery is marked FAILED and can be started again.

/** The reporting jobs and their payloads; apps/reporting owns the handlers. */
export const REPORTING_JOBS = {
  /** A ReportSchedule fired (or, at start, a firing missed while down): create (once) its run for that firing's year. */
  scheduled: defineJob({ name: 'report.scheduled', queue: QueueName.Reports, payload: z.object({ scheduleId: id, firedAt: z.iso.datetime().optional() }), attempts: 8, backoffMs: 30_000 }),
  /** Build a run: ask the graph, render Excel and Word, store them, hand them to delivery. */
  run: defineJob({ name: 'report.run', queue: QueueName.Reports, payload: z.object({ runId: id }), attempts: 8, backoffMs: 30_000 }),
  /** Send a finished run to the province over one channel (HTTP or e-mail). */
  deliver: defineJob({ name: 'delivery.send', queue: QueueName.Deliveries, payload: z.object({ deliveryId: id }), attempts: 14, backoffMs: 30_000 }),
  /** The day's reminder scan (notices before and after deadlines) and the digest e-mails. */
  reminders: defineJob({ name: 'reminders.daily', queue: QueueName.Reminders, payload: z.object({ day: z.iso.date().optional() }), attempts: 3, backoffMs: 60_000 }),
} as const;
