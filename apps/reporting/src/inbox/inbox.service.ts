import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { FileStore, isUniqueViolation, recordAudit, type Database } from '@thidua/platform';
import { In } from 'typeorm';
import { z } from 'zod';
import type { InboxSender } from '../config';
import { IDEMPOTENCY_HEADER, SENDER_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, verifySignature } from '../delivery/delivery.rules';
import { ReceivedDocument, ReceivedReport } from './inbox.entity';

/** What a sender's delivery carries (the body delivery.service.ts posts). */
const deliveryBody = z.object({
  deliveryId: z.string().min(1).max(128),
  sender: z.string().max(64).optional(),
  report: z.object({
    code: z.string().min(1).max(64),
    name: z.string().min(1).max(500),
    kind: z.string().min(1).max(32),
    period: z.string().min(1).max(32),
    recipient: z.string().max(255),
  }),
  documents: z
    .array(z.object({ name: z.string().min(1).max(255), mimeType: z.string().min(1).max(127), base64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/) }))
    .max(20),
});

/** Stable codes and Vietnamese messages of the inbox's refusals. */
export const INBOX_ERRORS = {
  INBOX_SENDER_UNKNOWN: 'Bên gửi không có trong danh sách được phép gửi báo cáo đến hệ thống này.',
  INBOX_SIGNATURE_INVALID: 'Chữ ký của báo cáo không hợp lệ hoặc đã quá hạn (thời điểm ký lệch quá 10 phút).',
  INBOX_BODY_INVALID: 'Nội dung báo cáo gửi đến không đúng định dạng.',
} as const;
export type InboxErrorCode = keyof typeof INBOX_ERRORS;

export type ReceiveOutcome = { ok: true; id: string; repeated: boolean } | { ok: false; status: 400 | 401; code: InboxErrorCode; detail?: string };

/**
 * The receiving side (the province): a city's signed delivery is checked — a known sender, a fresh timestamp, an
 * HMAC over the raw body with that sender's secret — and stored once per (sender, idempotency key).
 */
export class InboxService {
  constructor(
    private readonly db: Database,
    private readonly store: FileStore,
    private readonly senders: InboxSender[],
  ) {}

  /** Check and store one delivery as it came over the wire (headers lower-cased, the body's exact bytes). */
  async receive(headers: Record<string, string | string[] | undefined>, raw: Buffer, now = new Date()): Promise<ReceiveOutcome> {
    const header = (name: string) => {
      const v = headers[name];
      return Array.isArray(v) ? v[0] : v;
    };
    const sender = this.senders.find((s) => s.code === header(SENDER_HEADER));
    if (!sender) return { ok: false, status: 401, code: 'INBOX_SENDER_UNKNOWN' };
    const signature = header(SIGNATURE_HEADER) ?? '';
    const timestamp = header(TIMESTAMP_HEADER) ?? '';
    const body = raw.toString('utf8');
    if (!/^\d{1,15}$/.test(timestamp) || !verifySignature(sender.secret, timestamp, body, signature, Math.floor(now.getTime() / 1000))) {
      return { ok: false, status: 401, code: 'INBOX_SIGNATURE_INVALID' };
    }
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return { ok: false, status: 400, code: 'INBOX_BODY_INVALID', detail: 'không phải JSON' };
    }
    const parsed = deliveryBody.safeParse(json);
    if (!parsed.success) return { ok: false, status: 400, code: 'INBOX_BODY_INVALID', detail: parsed.error.issues.map((i) => i.path.join('.')).join(', ') };
    const d = parsed.data;
    // The signed body names its sender too: it must be the one whose secret verified it.
    if (d.sender !== undefined && d.sender !== sender.code) return { ok: false, status: 401, code: 'INBOX_SENDER_UNKNOWN' };
    const key = header(IDEMPOTENCY_HEADER) || d.deliveryId;
    if (key !== d.deliveryId) return { ok: false, status: 400, code: 'INBOX_BODY_INVALID', detail: 'idempotency-key khác deliveryId' };

    const earlier = await this.db.manager.findOne(ReceivedReport, { where: { senderCode: sender.code, deliveryId: key } });
    if (earlier) return { ok: true, id: earlier.id, repeated: true };
    const files = await Promise.all(
      d.documents.map(async (f) => {
        const bytes = Buffer.from(f.base64, 'base64');
        return { ...f, size: bytes.length, sha256: await this.store.put(bytes) };
      }),
    );
    const row: ReceivedReport = Object.assign(new ReceivedReport(), {
      id: randomUUID(),
      senderCode: sender.code,
      senderName: sender.name,
      deliveryId: key,
      reportCode: d.report.code,
      reportName: d.report.name,
      reportKind: d.report.kind,
      period: d.report.period,
      recipient: d.report.recipient,
      receivedAt: now,
      signatureVerified: true,
      signature,
      signedAt: timestamp,
    });
    try {
      await this.db.transaction(async (m) => {
        await m.save(ReceivedReport, row);
        for (const [position, f] of files.entries()) {
          await m.save(ReceivedDocument, Object.assign(new ReceivedDocument(), { id: randomUUID(), receivedId: row.id, position, name: f.name, mimeType: f.mimeType, sha256: f.sha256, size: f.size }));
        }
        await recordAudit(m, { entityType: 'ReceivedReport', entityId: row.id, action: 'receive', after: row });
      });
    } catch (err) {
      // The same delivery arriving twice at once: the first stored it, the second answers with its id.
      if (!isUniqueViolation(err)) throw err;
      const first = await this.db.manager.findOne(ReceivedReport, { where: { senderCode: sender.code, deliveryId: key } });
      if (!first) throw err;
      return { ok: true, id: first.id, repeated: true };
    }
    return { ok: true, id: row.id, repeated: false };
  }

  /** Received reports, newest first; of a year (the period's year) and of a sender when given. */
  async list(filter: { year?: number | null; sender?: string | null }): Promise<ReceivedReport[]> {
    const rows = await this.db.manager.find(ReceivedReport, { where: filter.sender ? { senderCode: filter.sender } : {}, order: { receivedAt: 'DESC', id: 'ASC' } });
    return filter.year ? rows.filter((r) => r.period.slice(0, 4) === String(filter.year)) : rows;
  }

  async byId(id: string): Promise<ReceivedReport | null> {
    return this.db.manager.findOne(ReceivedReport, { where: { id } });
  }

  async documentsOf(ids: readonly string[]): Promise<ReceivedDocument[]> {
    return ids.length ? this.db.manager.find(ReceivedDocument, { where: { receivedId: In([...ids]) }, order: { position: 'ASC' } }) : [];
  }

  async content(doc: ReceivedDocument): Promise<Buffer> {
    return readFile(this.store.pathOf(doc.sha256));
  }

  /** The configured sender of a code (its name as configured now), for display. */
  senderName(code: string): string | null {
    return this.senders.find((s) => s.code === code)?.name ?? null;
  }
}
