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

/**
 * Run a task over items, at most `limit` at a time, started in the items' order; the results in the items' order.
 * Once a task has failed no further item is started, those running are awaited, and the error of the earliest failed
 * item is thrown: every earlier item had started, so it is the error a run one by one would have met first.
 */
export async function inOrderPool<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  const failures: Array<{ index: number; error: unknown }> = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length && !failures.length) {
      const i = next++;
      try {
        results[i] = await task(items[i] as T, i);
      } catch (error) {
        failures.push({ index: i, error });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(Math.floor(limit) || 1, items.length)) }, worker));
  const first = failures.reduce<{ index: number; error: unknown } | null>((a, b) => (a && a.index < b.index ? a : b), null);
  if (first) throw first.error;
  return results;
}
