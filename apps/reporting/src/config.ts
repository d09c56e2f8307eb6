import { parseEnv } from '@thidua/platform';
import { z } from 'zod';

const reportingEnv = z.object({
  /** BullMQ on this Redis; without it (or empty) jobs run in-process (embedded default). */
  REDIS_URL: z.preprocess((v) => (v === '' ? undefined : v), z.url().optional()),
  /** Key prefix of the queues in Redis. */
  QUEUE_PREFIX: z.string().min(1).default('thidua'),
});

export interface ReportingSettings {
  redisUrl: string | null;
  queuePrefix: string;
}

/** Reporting's own settings beside the platform's (read by the subgraph and by the report worker). */
export function loadReportingSettings(env: NodeJS.ProcessEnv = process.env): ReportingSettings {
  const e = parseEnv(reportingEnv, env);
  return { redisUrl: e.REDIS_URL ?? null, queuePrefix: e.QUEUE_PREFIX };
}
