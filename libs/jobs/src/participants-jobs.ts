import { z } from 'zod';
import { defineJob, QueueName } from './jobs';

/** The participants jobs and their payloads; apps/participants owns the handlers (the participants service runs them). */
export const PARTICIPANTS_JOBS = {
  /** Import a workbook of units, people and registrations (DirectoryImport row): all or nothing for the workbook. */
  importDirectory: defineJob({ name: 'directory.import', queue: QueueName.Participants, payload: z.object({ importId: z.string().min(1).max(64) }), attempts: 3, backoffMs: 5_000 }),
} as const;
