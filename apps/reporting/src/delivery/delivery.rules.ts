import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-thidua-signature';
export const TIMESTAMP_HEADER = 'x-thidua-timestamp';
export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** Who sends (the code the receiving province knows the city by). */
export const SENDER_HEADER = 'x-thidua-sender';

/** HMAC-SHA256 over "<timestamp>.<body>", hex, as "sha256=<hex>": the receiver recomputes it with the shared secret. */
export function sign(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Check a signature in constant time; a timestamp older than the tolerance is refused (replays). */
export function verifySignature(secret: string, timestamp: string, body: string, signature: string, nowSeconds = Math.floor(Date.now() / 1000), toleranceSeconds = 600): boolean {
  const expected = Buffer.from(sign(secret, timestamp, body));
  const given = Buffer.from(signature);
  const fresh = Math.abs(nowSeconds - Number(timestamp)) <= toleranceSeconds;
  return fresh && expected.length === given.length && timingSafeEqual(expected, given);
}
