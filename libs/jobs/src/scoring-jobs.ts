import { z } from 'zod';
import { defineJob, QueueName } from './jobs';

/** The scoring jobs and their payloads; apps/scoring owns the handlers (the scoring service runs them). */
export const SCORING_JOBS = {
  /** Import a workbook of every unit's scores for a campaign's year (ScoreImport row): all or nothing per unit. */
  importScores: defineJob({ name: 'scores.import', queue: QueueName.Scoring, payload: z.object({ importId: z.string().min(1).max(64) }), attempts: 3, backoffMs: 5_000 }),
} as const;
