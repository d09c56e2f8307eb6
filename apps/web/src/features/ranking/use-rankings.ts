import { useQueryRefHandlers, useReadQuery } from '@apollo/client/react';
import { useEffect, useMemo } from 'react';
import { useNavigation } from 'react-router';
import type { RankingData, RankingRow, RankingsLoaderData } from './rankings-query';

export type { RankingPartRow, RankingRow } from './rankings-query';

/** A ranking with its next page after it (a page that did not load keeps the rows already shown). */
function appendPage(previous: RankingData, { fetchMoreResult }: { fetchMoreResult: RankingData }): RankingData {
  const before = previous?.campaign?.rankings;
  const added = fetchMoreResult?.campaign?.rankings;
  if (!before || !added || !fetchMoreResult.campaign) return previous;
  return { ...fetchMoreResult, campaign: { ...fetchMoreResult.campaign, rankings: { ...added, entries: [...before.entries, ...added.entries] } } } as RankingData;
}

/** What the ranking page shows of a ranking. */
export interface RankingState {
  rows: RankingRow[];
  total: number;
  /** Rolled up: the date of the units the rows are. */
  asOf: string | null;
  /** A next page or a changed filter's ranking is on its way (the rows shown stay until then). */
  loading: boolean;
  error?: unknown;
}

/** No ranking to show (no campaign has a year yet). */
export const NO_RANKING: RankingState = { rows: [], total: 0, asOf: null, loading: false };

/**
 * Every row of the ranking the route's loader asked for (features/ranking/rankings-query.ts): the graph pages it, and
 * a table and its Excel file need them all, so the next pages are asked for as soon as one has come.
 */
export function useLoadedRanking({ ranking }: NonNullable<RankingsLoaderData>): RankingState {
  const navigating = useNavigation().state === 'loading';
  const { data, error } = useReadQuery(ranking);
  const { fetchMore } = useQueryRefHandlers(ranking);
  const page = data?.campaign?.rankings;
  const next = page?.hasNextPage ? page.endCursor : null;
  useEffect(() => {
    if (next) void fetchMore({ variables: { after: next }, updateQuery: appendPage });
  }, [next, fetchMore]);
  const rows = useMemo<RankingRow[]>(
    () => ((page?.entries ?? []) as ReadonlyArray<Omit<RankingRow, 'parts'> & { parts?: RankingRow['parts'] }>).map((e) => ({ ...e, parts: e.parts ?? [] })),
    [page],
  );
  const asOf = page && 'asOf' in page ? ((page.asOf as string | null | undefined) ?? null) : null;
  return { rows, total: page?.totalCount ?? 0, asOf, loading: navigating || !!next, error };
}
