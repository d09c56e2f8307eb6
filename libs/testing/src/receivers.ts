import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedPost {
  idempotencyKey: string;
  body: { deliveryId: string; report: Record<string, unknown>; documents: Array<{ name: string; mimeType: string; base64: string }> };
}

/**
 * A stand-in for the province's endpoint: checks each POST's signature (refusing bad ones with 401), and counts
 * deliveries by idempotency key, as a receiver that must not file the same report twice would.
 */
export async function startProvinceReceiver(opts: {
  verify: (headers: http.IncomingHttpHeaders, body: string) => boolean;
  delayMs?: number;
  /** Answer the first N posts with 503 (the province's server briefly down): the sender must try again. */
  unavailableFirst?: number;
}) {
  const accepted = new Map<string, ReceivedPost>();
  let posts = 0;
  let refused = 0;
  let unavailable = opts.unavailableFirst ?? 0;
  /** Answers still waiting for their delay: dropped on close, so that nothing of the receiver outlives its test. */
  const answers = new Set<NodeJS.Timeout>();
  const server = http.createServer((req, res) => {
    // A sender killed mid-request resets the connection: that is expected here, not an error.
    req.on('error', () => undefined);
    res.on('error', () => undefined);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      posts++;
      const body = Buffer.concat(chunks).toString('utf8');
      if (unavailable > 0) {
        unavailable--;
        res.writeHead(503).end('tạm ngừng phục vụ');
        return;
      }
      if (!opts.verify(req.headers, body)) {
        refused++;
        res.writeHead(401).end('chữ ký không hợp lệ');
        return;
      }
      const key = String(req.headers['idempotency-key'] ?? '');
      // Record on arrival, answer after the delay: a sender killed while waiting has still delivered.
      if (!accepted.has(key)) accepted.set(key, { idempotencyKey: key, body: JSON.parse(body) as ReceivedPost['body'] });
      const answer = setTimeout(() => {
        answers.delete(answer);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ received: key }));
      }, opts.delayMs ?? 0);
      answers.add(answer);
    });
  });
  server.on('clientError', (_err, socket) => socket.destroy());
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/reports`,
    accepted,
    stats: () => ({ posts, refused, unique: accepted.size }),
    close: () =>
      new Promise<void>((r) => {
        for (const a of answers) clearTimeout(a);
        answers.clear();
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export interface ReceivedMail {
  messageId: string;
  to: string;
  subject: string;
  text: string;
  attachments: Array<{ filename: string; contentType: string; content: Buffer }>;
}

/** A local SMTP server that keeps every message it accepts, parsed. */
export async function startSmtpSink() {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((m) => {
          mails.push({
            messageId: m.messageId ?? '',
            to: Array.isArray(m.to) ? m.to.map((t) => t.text).join(', ') : (m.to?.text ?? ''),
            subject: m.subject ?? '',
            text: m.text ?? '',
            attachments: m.attachments.map((a) => ({ filename: a.filename ?? '', contentType: a.contentType, content: a.content })),
          });
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
  // A client killed mid-session resets the connection: expected in these tests.
  server.on('error', () => undefined);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise<void>((r) => server.close(() => r())) };
}
