// What a refusal says about particular inputs. The graph puts them under `extensions.details` (field problems, a
// report's values, the required fields still missing); the form shows each beside its own input.
import { CombinedGraphQLErrors } from '@apollo/client';

export interface ServerProblem {
  /** The input it concerns: a form field's name or a report field's code. */
  field: string;
  message: string;
}

interface Details {
  fields?: Array<{ field?: unknown; message?: unknown }>;
  problems?: Array<{ code?: unknown; message?: unknown }>;
  missing?: unknown[];
}

/** Problems per input found in the details of a GraphQL refusal; `missingMessage` words a required input left empty. */
export function serverProblems(error: unknown, missingMessage = 'Chỉ tiêu bắt buộc: cần nhập trước khi gửi.'): ServerProblem[] {
  if (!CombinedGraphQLErrors.is(error)) return [];
  const out: ServerProblem[] = [];
  for (const e of error.errors) {
    const details = (e.extensions?.details ?? {}) as Details;
    for (const f of details.fields ?? []) {
      if (typeof f.field === 'string' && typeof f.message === 'string') out.push({ field: f.field.split('.').pop() ?? f.field, message: f.message });
    }
    for (const p of details.problems ?? []) {
      if (typeof p.code === 'string' && typeof p.message === 'string') out.push({ field: p.code, message: p.message });
    }
    for (const m of details.missing ?? []) if (typeof m === 'string') out.push({ field: m, message: missingMessage });
  }
  return out;
}

/** The stable code of the first refusal (VERSION_CONFLICT, …), or null. */
export function errorCode(error: unknown): string | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  const code = error.errors[0]?.extensions?.code;
  return typeof code === 'string' ? code : null;
}
