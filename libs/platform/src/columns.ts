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
