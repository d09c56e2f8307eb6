import { z } from 'zod';
import { AppError, platformErrors, type FieldProblem } from './errors';
import { hasForbiddenCharacters, normalizeText } from './vietnamese';

/** Vietnamese messages for zod's issue kinds. */
function messageFor(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_big':
      return issue.origin === 'string' ? `Quá dài (tối đa ${issue.maximum} ký tự).` : `Quá lớn (tối đa ${issue.maximum}).`;
    case 'too_small':
      return issue.origin === 'string'
        ? Number(issue.minimum) <= 1
          ? 'Không được để trống.'
          : `Quá ngắn (tối thiểu ${issue.minimum} ký tự).`
        : `Quá nhỏ (tối thiểu ${issue.minimum}).`;
    case 'invalid_type':
      return 'Thiếu hoặc sai kiểu dữ liệu.';
    case 'invalid_value':
      return 'Giá trị không thuộc danh sách cho phép.';
    case 'invalid_format':
      return 'Sai định dạng.';
    case 'custom':
      return issue.message;
    default:
      return issue.message || 'Không hợp lệ.';
  }
}

/** Parse input against a schema, or throw VALIDATION_FAILED listing each field in Vietnamese. Writes nothing. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields: FieldProblem[] = parsed.error.issues.map((i) => ({
    field: i.path.map(String).join('.') || '(input)',
    message: messageFor(i),
  }));
  const summary = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
  throw new AppError('VALIDATION_FAILED', `${platformErrors.VALIDATION_FAILED} ${summary}`, { fields });
}

/** A user-typed text: NFC, trimmed, bounded, without control or bidi characters. */
export function vnText(max = 255, min = 1) {
  return z
    .string()
    .max(max * 4)
    .refine((s) => !hasForbiddenCharacters(s), { message: 'Chứa ký tự điều khiển không hợp lệ.' })
    .transform(normalizeText)
    .pipe(z.string().min(min).max(max));
}

/** A calendar date as YYYY-MM-DD that exists. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD.')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'Ngày không tồn tại.');

/** An entity id (UUID). */
export const entityId = z.uuid({ message: 'Mã định danh không hợp lệ.' });


/** Codes (mã) are typed by officials but used as stable identifiers. */
export const entityCode = z
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
