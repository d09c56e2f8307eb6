import express, { type Express, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { INBOX_ERRORS, type InboxService } from './inbox.service';

/** Largest delivery accepted: a report's Excel and Word files, base64 in JSON. */
const INBOX_MAX_BYTES = 64 * 1024 * 1024;

/**
 * POST /inbox/reports: a city's signed report arrives (through the gateway, without sign-in: the signature is the
 * authentication). 200 {received, id}; 401 for an unknown sender or a bad signature; 400 for a malformed body.
 * The body is read raw: the signature covers its exact bytes.
 */
export function mountInbox(app: Express, inbox: InboxService, logger: Logger): void {
  app.post('/inbox/reports', express.raw({ type: () => true, limit: INBOX_MAX_BYTES }), async (req: Request, res: Response) => {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    try {
      const out = await inbox.receive(req.headers, raw);
      if (!out.ok) {
        logger.warn({ code: out.code, sender: req.header('x-thidua-sender') ?? null }, 'inbox refused a delivery');
        res.status(out.status).json({ received: false, errors: [{ message: INBOX_ERRORS[out.code], extensions: { code: out.code, lang: 'vi', ...(out.detail ? { detail: out.detail } : {}) } }] });
        return;
      }
      res.status(200).json({ received: true, id: out.id });
    } catch (err) {
      logger.error({ err }, 'inbox failed to store a delivery');
      res.status(503).json({ received: false, errors: [{ message: 'Hệ thống tạm thời không lưu được báo cáo, vui lòng gửi lại sau.', extensions: { code: 'SERVICE_UNAVAILABLE', lang: 'vi' } }] });
    }
  });
}
