import { createHash } from 'node:crypto';

/** Column options reused by every entity of this service. */
export const idColumn = { type: 'varchar', length: 36 } as const;
export const refColumn = { type: 'varchar', length: 36 } as const;
export const dateColumn = { type: 'date' } as const;
export const timestampColumn = { type: 'datetime', precision: 3 } as const;

/** A legal document as stored in JSON columns. */
export interface LegalDocumentValue {
  number: string;
  date: string | null;
  issuer: string;
  title: string | null;
}

/**
 * A stable id for an entity a preset creates (an RFC 4122 version-5-style UUID from its kind and code), so other
 * services' presets can refer to it without asking: the BMT campaign has the same id on every installation.
 */
export function presetId(kind: string, code: string): string {
  const hash = createHash('sha1').update(`thidua:${kind}:${code.toUpperCase()}`).digest('hex');
  const variant = ((parseInt(hash.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${hash.slice(0, 8)}-${hash.slice(8, 12)}-5${hash.slice(13, 16)}-${variant}${hash.slice(18, 20)}-${hash.slice(20, 32)}`;
}
