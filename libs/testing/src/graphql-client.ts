/** What a GraphQL call over HTTP returned. */
export interface GqlResponse<T = Record<string, unknown>> {
  status: number;
  data: T | null;
  errors: Array<{ message: string; path?: unknown[]; extensions?: { code?: string; [k: string]: unknown } }>;
  headers: Headers;
}

/** POST a GraphQL operation like a client would. */
export async function gql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
  extraHeaders: Record<string, string> = {},
): Promise<GqlResponse<T>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...extraHeaders },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  let body: { data?: T | null; errors?: GqlResponse<T>['errors'] } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    body = { errors: [{ message: text }] };
  }
  return { status: res.status, data: body.data ?? null, errors: body.errors ?? [], headers: res.headers };
}

/** The data of a call that must succeed; throws with the errors otherwise. */
export async function gqlOk<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const r = await gql<T>(url, query, variables, token);
  if (r.errors.length || !r.data) throw new Error(`GraphQL errors (${r.status}): ${JSON.stringify(r.errors)}`);
  return r.data;
}

/** The codes of the errors in a response. */
export function errorCodes(r: GqlResponse<unknown>): string[] {
  return r.errors.map((e) => String(e.extensions?.code));
}
