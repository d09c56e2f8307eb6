import DataLoader from 'dataloader';

/** A per-request loader of rows by id: one query for every id asked in the same tick. */
export function byIdLoader<T extends { id: string }>(load: (ids: readonly string[]) => Promise<T[]>, options?: { maxBatchSize?: number }) {
  return new DataLoader<string, T | null>(async (ids) => {
    const map = new Map((await load(ids)).map((r) => [r.id, r]));
    return ids.map((id) => map.get(id) ?? null);
  }, options);
}

/** A per-request loader of row lists by a key (e.g. a parent id): one query for every key asked in the same tick. */
export function groupedLoader<T>(key: (row: T) => string, load: (keys: readonly string[]) => Promise<T[]>, options?: { maxBatchSize?: number }) {
  return new DataLoader<string, T[]>(async (keys) => {
    const map = new Map<string, T[]>();
    for (const r of await load(keys)) {
      const k = key(r);
      const list = map.get(k);
      if (list) list.push(r);
      else map.set(k, [r]);
    }
    return keys.map((k) => map.get(k) ?? []);
  }, options);
}
