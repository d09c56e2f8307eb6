import { randomUUID } from 'node:crypto';
import { REPORTING_JOBS, type JobContext, type JobRunner, type OpenWork } from '@thidua/jobs';
import { platformError, recordAudit, type Database } from '@thidua/platform';
import nodemailer from 'nodemailer';
import { In, type EntityManager } from 'typeorm';
import type { DeliverySettings } from '../config';
import { ReportDefinition, ReportRun } from '../report/report.entity';
import type { ReportService } from '../report/report.service';
import { Delivery, DeliveryAttempt, type DeliveryChannel } from './delivery.entity';
import { IDEMPOTENCY_HEADER, SENDER_HEADER, sign, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './delivery.rules';

/**
 * Delivery of finished reports to the province: an HMAC-signed HTTP POST and an e-mail with the files attached.
 * Every attempt is recorded. A delivery is marked SENT once; the idempotency key (HTTP) and the Message-ID (mail)
 * are the delivery's id, so a retry after a crash is recognised by the receiver as the same delivery.
 */
export class DeliveryService {
  jobs: JobRunner | null = null;

  constructor(
    private readonly db: Database,
    private readonly settings: DeliverySettings,
    private readonly reports: ReportService,
  ) {}

  /** The delivery job with the configured number of tries. */
  get job(): typeof REPORTING_JOBS.deliver {
    return this.settings.attempts ? { ...REPORTING_JOBS.deliver, attempts: this.settings.attempts } : REPORTING_JOBS.deliver;
  }

  /** The channels configured, as (channel, target). */
  channels(): Array<{ channel: DeliveryChannel; target: string }> {
    return [
      ...(this.settings.http ? [{ channel: 'HTTP' as const, target: this.settings.http.endpoint }] : []),
      ...(this.settings.email ? [{ channel: 'EMAIL' as const, target: this.settings.email.to }] : []),
    ];
  }

  /** Inside the transaction that finishes a run: one pending delivery per configured channel (once). */
  async createFor(m: EntityManager, runId: string): Promise<void> {
    for (const c of this.channels()) {
      if (await m.findOne(Delivery, { where: { runId, channel: c.channel } })) continue;
      await m.save(m.create(Delivery, { id: randomUUID(), runId, channel: c.channel, target: c.target, status: 'PENDING', attempts: 0, lastError: null, sentAt: null, createdAt: new Date() }));
    }
  }

  async ofRuns(runIds: readonly string[]): Promise<Delivery[]> {
    return runIds.length ? this.db.manager.find(Delivery, { where: { runId: In([...runIds]) }, order: { channel: 'ASC' } }) : [];
  }

  async byIds(ids: readonly string[]): Promise<Delivery[]> {
    return ids.length ? this.db.manager.find(Delivery, { where: { id: In([...ids]) } }) : [];
  }

  async attemptsOf(deliveryIds: readonly string[]): Promise<DeliveryAttempt[]> {
    return deliveryIds.length ? this.db.manager.find(DeliveryAttempt, { where: { deliveryId: In([...deliveryIds]) }, order: { at: 'ASC' } }) : [];
  }

  /** Hand a run's pending deliveries to the queue (after it finished, and after a restart). */
  async enqueuePending(runId?: string): Promise<number> {
    const pending = await this.db.manager.find(Delivery, { where: { status: 'PENDING', ...(runId ? { runId } : {}) } });
    for (const d of pending) await this.jobs?.enqueue(this.job, { deliveryId: d.id }, { jobId: `delivery.${d.id}` });
    return pending.length;
  }

  /** Pending deliveries, with their jobs: queued again when Redis has lost them. */
  openWork(): OpenWork<{ deliveryId: string }> {
    return {
      job: this.job,
      open: async () => (await this.db.manager.find(Delivery, { where: { status: 'PENDING' } })).map((d) => ({ jobId: `delivery.${d.id}`, payload: { deliveryId: d.id } })),
    };
  }

  /** The delivery's job gave up: FAILED until someone asks for it again (`retryDelivery`). */
  async markFailed(deliveryId: string, error: string): Promise<void> {
    await this.db.manager.update(Delivery, { id: deliveryId, status: 'PENDING' }, { status: 'FAILED', lastError: error.slice(0, 2000) });
  }

  /** The campaign a delivery's report belongs to (its run's definition's); NOT_FOUND for an unknown delivery. */
  async campaignOf(deliveryId: string): Promise<string | null> {
    const d = await this.db.manager.findOne(Delivery, { where: { id: deliveryId } });
    if (!d) throw platformError('NOT_FOUND', { entity: 'Delivery', id: deliveryId });
    const run = await this.db.manager.findOne(ReportRun, { where: { id: d.runId } });
    const def = run ? await this.db.manager.findOne(ReportDefinition, { where: { id: run.definitionId } }) : null;
    return def?.campaignId ?? null;
  }

  /** Try a FAILED delivery again (same idempotency key: the receiver still files it once). */
  async retry(deliveryId: string): Promise<Delivery> {
    const d = await this.db.manager.findOne(Delivery, { where: { id: deliveryId } });
    if (!d) throw platformError('NOT_FOUND', { entity: 'Delivery', id: deliveryId });
    if (d.status === 'FAILED') {
      await this.db.transaction(async (m) => {
        await m.update(Delivery, { id: deliveryId, status: 'FAILED' }, { status: 'PENDING' });
        await recordAudit(m, { entityType: 'Delivery', entityId: deliveryId, action: 'retry', before: d });
      });
    }
    if (d.status !== 'SENT') await this.jobs?.enqueue(this.job, { deliveryId }, { jobId: `delivery.${deliveryId}` });
    return (await this.db.manager.findOne(Delivery, { where: { id: deliveryId } })) as Delivery;
  }

  /** Send one delivery (a job): nothing if already sent; otherwise try, record the attempt, and throw to retry. */
  async send(deliveryId: string, _ctx?: JobContext): Promise<void> {
    const d = await this.db.manager.findOne(Delivery, { where: { id: deliveryId } });
    if (!d || d.status === 'SENT') return;
    const run = (await this.db.manager.findOne(ReportRun, { where: { id: d.runId } })) as ReportRun;
    const def = (await this.db.manager.findOne(ReportDefinition, { where: { id: run.definitionId } })) as ReportDefinition;
    const docs = await this.reports.documentsOf([run.id]);
    const files = await Promise.all(docs.map(async (doc) => ({ name: doc.name, mimeType: doc.mimeType, content: await this.reports.content(doc) })));
    // The attempt is on record before anything is sent: a worker killed while it waits for the answer leaves it
    // there, saying no answer came (the job then tries again, under the same idempotency key).
    const attempt = pendingAttempt(d.id);
    await this.db.transaction(async (m) => {
      await m.save(m.create(DeliveryAttempt, attempt));
      await m.update(Delivery, { id: d.id }, { attempts: d.attempts + 1 });
    });
    let detail: string;
    try {
      if (d.channel === 'HTTP') {
        const http = this.settings.http;
        if (!http) throw new Error('PROVINCE_ENDPOINT không còn được cấu hình');
        const sender = this.settings.senderCode;
        const body = JSON.stringify({
          deliveryId: d.id,
          ...(sender ? { sender } : {}),
          report: { code: def.code, name: def.name, kind: def.kind, period: run.period, recipient: def.recipient },
          documents: files.map((f) => ({ name: f.name, mimeType: f.mimeType, base64: f.content.toString('base64') })),
        });
        const timestamp = String(Math.floor(Date.now() / 1000));
        const res = await fetch(http.endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: sign(http.secret, timestamp, body), [TIMESTAMP_HEADER]: timestamp, [IDEMPOTENCY_HEADER]: d.id, ...(sender ? { [SENDER_HEADER]: sender } : {}) },
          body,
          signal: AbortSignal.timeout(60_000),
        });
        const text = (await res.text()).slice(0, 500);
        detail = `HTTP ${res.status} ${text}`;
        if (!res.ok) throw new Error(detail);
      } else {
        const email = this.settings.email;
        if (!email) throw new Error('SMTP_URL không còn được cấu hình');
        const transport = nodemailer.createTransport(email.smtpUrl);
        try {
          const info = await transport.sendMail({
            from: email.from,
            to: d.target,
            subject: `[Thi đua chuyển đổi số] ${def.name} năm ${run.period}`,
            text: `Kính gửi: ${def.recipient}.\n\nĐính kèm báo cáo "${def.name}" năm ${run.period} (Excel và Word).\n\nHệ thống thi đua chuyển đổi số.`,
            messageId: `<${d.id}@thidua>`,
            attachments: files.map((f) => ({ filename: f.name, content: f.content, contentType: f.mimeType })),
          });
          detail = `SMTP ${info.response}`;
        } finally {
          transport.close();
        }
      }
    } catch (err) {
      // Recorded, then retried by the queue; the job's failure hook marks the delivery FAILED when it gives up.
      const message = (err instanceof Error ? err.message : String(err)).slice(0, 2000);
      await this.db.transaction(async (m) => {
        await m.update(DeliveryAttempt, { id: attempt.id }, { ok: false, detail: message });
        await m.update(Delivery, { id: d.id }, { lastError: message });
      });
      throw err;
    }
    await this.db.transaction(async (m) => {
      await m.update(DeliveryAttempt, { id: attempt.id }, { ok: true, detail });
      await m.update(Delivery, { id: d.id }, { status: 'SENT', sentAt: new Date(), lastError: null });
      await recordAudit(m, { entityType: 'Delivery', entityId: d.id, action: 'sent', after: { ...d, status: 'SENT', detail } });
    });
  }
}

/** What an attempt says until its answer comes, and forever if the sender stops before it does. */
export const NO_ANSWER_YET = 'Chưa có trả lời của bên nhận: lần gửi đang diễn ra hoặc đã bị ngắt giữa chừng.';

function pendingAttempt(deliveryId: string): DeliveryAttempt {
  return Object.assign(new DeliveryAttempt(), { id: randomUUID(), deliveryId, at: new Date(), ok: false, detail: NO_ANSWER_YET });
}
