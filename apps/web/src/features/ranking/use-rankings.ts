import type { ErrorLike } from '@apollo/client';
import { useApolloClient } from '@apollo/client/react';
import { useEffect, useMemo, useState } from 'react';
import { useNavigation } from 'react-router';
import { fetchRankingPage, type RankingConnection, type RankingRow, type RankingsLoaderData } from './rankings-query';

export type { RankingPartRow, RankingRow } from './rankings-query';

/** What the ranking page shows of a ranking. */
export interface RankingState {
  rows: RankingRow[];
  total: number;
  /** Rolled up: the date of the units the rows are. */
  asOf: string | null;
  /** A changed filter's ranking is on its way (the rows shown stay until then). */
  loading: boolean;
  /** The rows after those shown are on their way (the first rows are there to read meanwhile). */
  more: boolean;
  error?: unknown;
}

/** No ranking to show (no campaign has a year yet). */
export const NO_RANKING: RankingState = { rows: [], total: 0, asOf: null, loading: false, more: false };

const NO_PAGES: RankingConnection[] = [];

/**
 * The ranking the route's loader brought (its first page), and the pages after it, asked for one after another while
 * the first is shown (a page that did not load keeps the rows already shown, and says why). A changed filter is a new
 * address: the loader brings its first page and the rows shown stay, with the spinner, until then.
 */
export function useLoadedRanking(loaded: NonNullable<RankingsLoaderData>): RankingState {
  const client = useApolloClient();
  const navigating = useNavigation().state === 'loading';
  const [more, setMore] = useState<{ of: typeof loaded; pages: RankingConnection[]; error?: ErrorLike }>({ of: loaded, pages: [] });
  const current = more.of === loaded ? more : { of: loaded, pages: NO_PAGES, error: undefined };
  const first = loaded.first;
  const last = current.pages.at(-1) ?? first;
  const next = !current.error && last?.hasNextPage ? (last.endCursor ?? null) : null;
  useEffect(() => {
    if (!next) return undefined;
    let live = true;
    void fetchRankingPage(client, loaded.choice, next).then(({ page, error }) => {
      if (!live) return;
      setMore((m) => {
        const pages = m.of === loaded ? m.pages : [];
        return page ? { of: loaded, pages: [...pages, page] } : { of: loaded, pages, error: error ?? { name: 'Error', message: 'Không tải được trang tiếp theo của bảng xếp hạng.' } };
      });
    });
    return () => {
      live = false;
    };
  }, [client, loaded, next]);
  const rows = useMemo<RankingRow[]>(
    () =>
      [first, ...current.pages].flatMap((p) =>
        ((p?.entries ?? []) as ReadonlyArray<Omit<RankingRow, 'parts'> & { parts?: RankingRow['parts'] }>).map((e) => ({ ...e, parts: e.parts ?? [] })),
      ),
    [first, current.pages],
  );
  const asOf = first && 'asOf' in first ? ((first.asOf as string | null | undefined) ?? null) : null;
  return { rows, total: first?.totalCount ?? 0, asOf, loading: navigating, more: !!next, error: loaded.error ?? current.error };
}
