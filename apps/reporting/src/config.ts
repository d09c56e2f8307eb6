import { ConfigError, parseEnv } from '@thidua/platform';
import { z } from 'zod';

const blank = (v: unknown) => (v === '' ? undefined : v);

const reportingEnv = z.object({
  /** BullMQ on this Redis; without it (or empty) jobs run in-process (embedded default). */
  REDIS_URL: z.preprocess(blank, z.url().optional()),
  /** Key prefix of the queues in Redis. */
  QUEUE_PREFIX: z.string().min(1).default('thidua'),
  /** How long a worker holds a job before it counts as stalled and is run again (a killed worker's job). */
  QUEUE_LOCK_MS: z.coerce.number().int().min(1_000).default(30_000),
  /** How often the report worker looks for open runs and deliveries whose job Redis no longer holds, and queues them again. */
  JOBS_RECOVER_INTERVAL_MS: z.coerce.number().int().min(200).default(60_000),
  /** Where finished reports are POSTed (the province's receiving endpoint), signed with PROVINCE_HMAC_SECRET. */
  PROVINCE_ENDPOINT: z.preprocess(blank, z.url().optional()),
  PROVINCE_HMAC_SECRET: z.preprocess(blank, z.string().min(32).optional()),
  /** SMTP server (smtp://user:pass@host:587) and the province's address for the e-mailed copy. */
  SMTP_URL: z.preprocess(blank, z.url().optional()),
  PROVINCE_EMAIL: z.preprocess(blank, z.email().optional()),
  MAIL_FROM: z.string().min(3).default('Thi đua chuyển đổi số <no-reply@thidua.local>'),
  /** How many of a report definition's operations (its parts) are asked of the graph at the same time. */
  REPORT_OPERATIONS_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(4),
  /** Days before a deadline when units that have not delivered are reminded. */
  REMINDER_DAYS: z.string().regex(/^\d{1,3}(,\d{1,3})*$/).default('7,3,1'),
  /** When the daily reminder scan and digest run (Asia/Ho_Chi_Minh). */
  REMINDER_CRON: z.string().min(9).default('0 7 * * *'),
});

export interface DeliverySettings {
  http: { endpoint: string; secret: string } | null;
  email: { smtpUrl: string; to: string; from: string } | null;
}

export interface ReportingSettings {
  redisUrl: string | null;
  queuePrefix: string;
  queueLockMs: number;
  /** How often the worker queues again the open work whose job was lost (Redis restarted empty, a key evicted). */
  recoverIntervalMs: number;
  delivery: DeliverySettings;
  reminderDays: number[];
  reminderCron: string;
  /** How many of a report definition's operations are asked at the same time. */
  operationsConcurrency: number;
}

/** Reporting's own settings beside the platform's (read by the subgraph and by the report worker). */
export function loadReportingSettings(env: NodeJS.ProcessEnv = process.env): ReportingSettings {
  const e = parseEnv(reportingEnv, env);
  if (e.PROVINCE_ENDPOINT && !e.PROVINCE_HMAC_SECRET) throw new ConfigError(['PROVINCE_HMAC_SECRET: bắt buộc (≥ 32 ký tự) khi có PROVINCE_ENDPOINT']);
  if (e.SMTP_URL && !e.PROVINCE_EMAIL) throw new ConfigError(['PROVINCE_EMAIL: bắt buộc khi có SMTP_URL']);
  return {
    redisUrl: e.REDIS_URL ?? null,
    queuePrefix: e.QUEUE_PREFIX,
    queueLockMs: e.QUEUE_LOCK_MS,
    recoverIntervalMs: e.JOBS_RECOVER_INTERVAL_MS,
    reminderDays: e.REMINDER_DAYS.split(',').map(Number),
    reminderCron: e.REMINDER_CRON,
    operationsConcurrency: e.REPORT_OPERATIONS_CONCURRENCY,
    delivery: {
      http: e.PROVINCE_ENDPOINT && e.PROVINCE_HMAC_SECRET ? { endpoint: e.PROVINCE_ENDPOINT, secret: e.PROVINCE_HMAC_SECRET } : null,
      email: e.SMTP_URL && e.PROVINCE_EMAIL ? { smtpUrl: e.SMTP_URL, to: e.PROVINCE_EMAIL, from: e.MAIL_FROM } : null,
    },
  };
}
