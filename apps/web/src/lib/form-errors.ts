import type { FormInstance } from 'antd';
import { toUserErrors } from './errors';

/**
 * Show a server refusal where it belongs: each field problem beside its field (when the form has it), the rest as
 * one sentence returned for an alert. `fieldMap` renames the server's input names to the form's field names.
 */
export function applyServerErrors(form: FormInstance, error: unknown, fieldMap: Record<string, string> = {}): string | null {
  const errors = toUserErrors(error);
  const known = new Set(Object.keys(form.getFieldsValue(true) ?? {}));
  const leftovers: string[] = [];
  const fields: { name: string; errors: string[] }[] = [];
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
