/** Where a paged answer stands: the first connection (an object with `hasNextPage`) found in it. */
export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** The page info of an answer (depth first), or null when it holds no connection. */
export function pageInfoOf(data: unknown): PageInfo | null {
  if (!isObject(data)) return null;
  if ('hasNextPage' in data) return { hasNextPage: data.hasNextPage === true, endCursor: typeof data.endCursor === 'string' ? data.endCursor : null };
  for (const v of Object.values(data)) {
    const found = pageInfoOf(v);
    if (found) return found;
  }
  return null;
}

/** Two pages of one operation as one answer: lists are appended, objects merged key by key, other values from the later page. */
export function appendPage(a: unknown, b: unknown): unknown {
  if (Array.isArray(a) && Array.isArray(b)) return [...a, ...b];
  if (isObject(a) && isObject(b)) {
    const out: Record<string, unknown> = { ...a };
    for (const [k, v] of Object.entries(b)) out[k] = k in out ? appendPage(out[k], v) : v;
    return out;
  }
  return b ?? a;
}

/** The cursor to ask the next page after, null when the last page was read; a cursor that does not move is an error. */
export function nextCursor(info: PageInfo | null, previous: string | null): string | null {
  if (!info?.hasNextPage) return null;
  if (!info.endCursor || info.endCursor === previous) throw new Error('a paged answer says it has a next page but gives no new cursor');
  return info.endCursor;
}
