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
  /** Who this deployment is when it sends (header x-thidua-sender and the body's sender): the code the province knows it by. */
  PROVINCE_SENDER_CODE: z.preprocess(blank, z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'mã bên gửi: chữ, số, - hoặc _ (tối đa 64 ký tự)').optional()),
  /** The senders this deployment receives reports from (POST /inbox/reports): JSON {"<code>": {"name", "secret"}}. */
  INBOX_SENDERS: z.preprocess(blank, z.string().optional()),
  /** SMTP server (smtp://user:pass@host:587) and the province's address for the e-mailed copy. */
  SMTP_URL: z.preprocess(blank, z.url().optional()),
  PROVINCE_EMAIL: z.preprocess(blank, z.email().optional()),
  MAIL_FROM: z.string().min(3).default('Thi đua chuyển đổi số <no-reply@thidua.local>'),
  /** Tries of a delivery before it is kept as a failed job (backing off from 30 s: 14 ≈ two days). */
  DELIVERY_ATTEMPTS: z.coerce.number().int().min(1).max(30).default(14),
  /** How many of a report definition's operations (its parts) are asked of the graph at the same time. */
  REPORT_OPERATIONS_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(4),
  /** Days before a deadline when units that have not delivered are reminded. */
  REMINDER_DAYS: z.string().regex(/^\d{1,3}(,\d{1,3})*$/).default('7,3,1'),
  /** When the daily reminder scan and digest run (Asia/Ho_Chi_Minh). */
  REMINDER_CRON: z.string().min(9).default('0 7 * * *'),
});

/** A sender this deployment accepts reports from, and the shared secret of its signatures. */
export interface InboxSender {
  code: string;
  name: string;
  secret: string;
}

const SENDER_CODE_MESSAGE = 'mã bên gửi: chữ, số, - hoặc _ (tối đa 64 ký tự)';
const inboxSenders = z.record(
  z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, SENDER_CODE_MESSAGE),
  z
    .object(
      {
        name: z.string({ error: 'tên bên gửi: bắt buộc' }).trim().min(1, 'tên bên gửi: bắt buộc').max(255, 'tên bên gửi: tối đa 255 ký tự'),
        secret: z.string({ error: 'khóa bí mật: bắt buộc' }).min(32, 'khóa bí mật: ít nhất 32 ký tự'),
      },
      { error: 'mỗi bên gửi: {"name": "…", "secret": "…"}' },
    )
    .strict(),
  { error: 'phải là một đối tượng JSON {"<mã>": {"name", "secret"}}' },
);

/** A zod issue of INBOX_SENDERS in Vietnamese (zod's own messages for a bad key or an unknown field are English). */
function inboxIssue(i: z.core.$ZodIssue): string {
  const where = `INBOX_SENDERS${i.path.length ? `.${i.path.join('.')}` : ''}`;
  if (i.code === 'invalid_key') return `${where}: ${SENDER_CODE_MESSAGE}`;
  if (i.code === 'unrecognized_keys') return `${where}: không dùng ${i.keys.join(', ')} (chỉ name và secret)`;
  return `${where}: ${i.message}`;
}

/** INBOX_SENDERS read and checked: an unreadable value stops the service with a Vietnamese message. */
function parseInboxSenders(raw: string | undefined): InboxSender[] {
  if (!raw) return [];
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new ConfigError(['INBOX_SENDERS: không phải JSON hợp lệ (dạng {"BMT": {"name": "…", "secret": "…"}})']);
  }
  const parsed = inboxSenders.safeParse(json);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map(inboxIssue));
  return Object.entries(parsed.data).map(([code, v]) => ({ code, name: v.name, secret: v.secret }));
}

export interface DeliverySettings {
  /** Who this deployment is when it sends (x-thidua-sender); absent: the header and the body's sender are left out. */
  senderCode?: string;
  /** Tries of one delivery's job before it is FAILED (and listed among the failed jobs). */
  attempts?: number;
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
  /** The senders whose signed reports POST /inbox/reports accepts (none: every post is refused). */
  inboxSenders: InboxSender[];
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
    inboxSenders: parseInboxSenders(e.INBOX_SENDERS),
    delivery: {
      ...(e.PROVINCE_SENDER_CODE ? { senderCode: e.PROVINCE_SENDER_CODE } : {}),
      attempts: e.DELIVERY_ATTEMPTS,
      http: e.PROVINCE_ENDPOINT && e.PROVINCE_HMAC_SECRET ? { endpoint: e.PROVINCE_ENDPOINT, secret: e.PROVINCE_HMAC_SECRET } : null,
      email: e.SMTP_URL && e.PROVINCE_EMAIL ? { smtpUrl: e.SMTP_URL, to: e.PROVINCE_EMAIL, from: e.MAIL_FROM } : null,
    },
  };
}
