import { isoDate, vnText } from '@thidua/platform';
import { z } from 'zod';

/** Codes are typed by officials but used as stable identifiers. */
export const code = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'Mã chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới (tối đa 64 ký tự).')
  // One spelling per code, so SQLite (case-sensitive) and MySQL (case-insensitive) agree.
  .transform((s) => s.toUpperCase());

/** A LIKE pattern matching `text` anywhere; use with `ESCAPE '!'` (one escape character both databases accept). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[!%_]/g, '!$&')}%`;
}

export const legalDocument = z.object({
  number: vnText(64),
  date: isoDate.nullish().transform((v) => v ?? null),
  issuer: vnText(255),
  title: vnText(1000).nullish().transform((v) => v ?? null),
});

export const optionalText = (max: number) =>
  vnText(max, 0)
    .nullish()
    .transform((v) => (v ? v : null));

export const email = z
  .email({ message: 'Địa chỉ thư điện tử không hợp lệ.' })
  .max(255)
  .nullish()
  .transform((v) => v ?? null);

export const pageSize = (max: number) =>
  z
    .number()
    .int()
    .min(1)
    .max(max)
    .nullish()
    .transform((v) => v ?? 50);
