import type { FormInstance } from 'antd';
import { toUserErrors } from './errors';

/** A form field: its name, or its path inside a list (['commitments', 2]). */
type FieldName = string | (string | number)[];

/**
 * Show a server refusal where it belongs: each field problem beside its field (when the form has it), the rest as
 * one sentence returned for an alert. `fieldMap` renames the server's input names to the form's field names (a
 * path names an item of a list: { 'commitments.0': ['commitments', 1] } when the form sent its items without blanks).
 */
export function applyServerErrors(form: FormInstance, error: unknown, fieldMap: Record<string, FieldName> = {}): string | null {
  const errors = toUserErrors(error);
  const names = new Set(Object.keys(form.getFieldsValue(true) ?? {}));
  const known = { has: (name: FieldName) => (typeof name === 'string' ? names.has(name) : names.has(String(name[0])) && form.getFieldValue(name) !== undefined) };
  const leftovers: string[] = [];
  const fields: { name: FieldName; errors: string[] }[] = [];
  for (const e of errors) {
    let placed = false;
    for (const f of e.fields) {
      const name = fieldMap[f.field] ?? f.field.split('.').pop() ?? f.field;
      if (known.has(name)) {
        fields.push({ name, errors: [f.message] });
        placed = true;
      }
    }
    const codeField = fieldMap[e.code];
    if (!placed && codeField && known.has(codeField)) {
      fields.push({ name: codeField, errors: [e.message] });
      placed = true;
    }
    if (!placed) leftovers.push(e.message);
  }
  if (fields.length) form.setFields(fields);
  return leftovers.length ? [...new Set(leftovers)].join(' ') : null;
}
