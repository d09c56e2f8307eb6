import { useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { graphql } from '../../gql';
import type { OrgUnitKind, RankingRowFieldsFragment } from '../../gql/graphql';

/** What a ranking row shows (the public page and its Excel file). */
export const RankingRowFields = graphql(`
  fragment RankingRowFields on RankingEntry {
    rank
    unitKind
    total
    maxPoints
    percent
    classification
    passes
    previousTotal
    change
    unit {
      id
      code
      name
    }
  }
`);

const RankingPage = graphql(`
  query RankingPage($code: String!, $year: Int!, $kind: OrgUnitKind, $clusterId: ID, $after: String) {
    campaign(code: $code) {
      id
      rankings(year: $year, kind: $kind, clusterId: $clusterId, first: 1000, after: $after) {
        totalCount
        hasNextPage
        endCursor
        entries {
          ...RankingRowFields
        }
      }
    }
  }
`);

export type RankingRow = RankingRowFieldsFragment;

/** Every row of a ranking: the graph pages it, and a table and its Excel file need them all. */
export function useRankings(args: { code?: string; year?: number; kind?: OrgUnitKind | null; clusterId?: string | null }) {
  const { code, year, kind, clusterId } = args;
  const { data, loading, error, fetchMore } = useQuery(RankingPage, {
    variables: { code: code ?? '', year: year ?? 0, kind: kind ?? null, clusterId: clusterId ?? null, after: null },
    skip: !code || !year,
  });
  const page = data?.campaign?.rankings;
  const next = page?.hasNextPage ? page.endCursor : null;
  useEffect(() => {
    if (next) void fetchMore({ variables: { after: next } });
  }, [next, fetchMore]);
  return { rows: page?.entries ?? [], total: page?.totalCount ?? 0, loading: loading || !!next, error };
}
