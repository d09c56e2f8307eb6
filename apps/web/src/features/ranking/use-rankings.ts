import { useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { graphql } from '../../gql';
import type { ResultBoundary } from '../../gql/enums';
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

/** The same rolled up to today's units (R25): each row with the units it is made of; smaller pages, as each row carries a list. */
const RolledUpRankingPage = graphql(`
  query RolledUpRankingPage($code: String!, $year: Int!, $kind: OrgUnitKind, $clusterId: ID, $after: String) {
    campaign(code: $code) {
      id
      rankings(year: $year, kind: $kind, clusterId: $clusterId, boundary: SUCCESSORS, first: 250, after: $after) {
        asOf
        totalCount
        hasNextPage
        endCursor
        entries {
          ...RankingRowFields
          parts {
            unitKind
            total
            maxPoints
            percent
            unit {
              id
              code
              name
            }
          }
        }
      }
    }
  }
`);

/** A row of either ranking; `parts` is empty as the units were. */
export type RankingRow = RankingRowFieldsFragment & { parts: RankingPartRow[] };
export type RankingPartRow = { unitKind: OrgUnitKind; total: number; maxPoints: number; percent: number; unit: { id: string; code: string; name: string } };

/** A ranking with its next page after it (a page that did not load keeps the rows already shown). */
function appendPage<T extends { campaign?: { rankings?: { entries: readonly unknown[] } | null } | null }>(previous: T, { fetchMoreResult }: { fetchMoreResult: T }): T {
  const before = previous?.campaign?.rankings;
  const added = fetchMoreResult?.campaign?.rankings;
  if (!before || !added || !fetchMoreResult.campaign) return previous;
  return { ...fetchMoreResult, campaign: { ...fetchMoreResult.campaign, rankings: { ...added, entries: [...before.entries, ...added.entries] } } } as T;
}

/**
 * Every row of a ranking: the graph pages it, and a table and its Excel file need them all. `boundary`: the units as
 * they were when assessed, or rolled up to the units in force today (R25).
 *
 * The rows are not kept in Apollo's normalised cache (`no-cache`): nothing else changes them while the page is open,
 * and writing 1,000 rows and their units into the cache and reading them back took longer than the graph took to
 * answer (npm run bench: from the answer to the rows on screen 146 ms without, 383 ms with). A ranking opened again is
 * asked for again, with the spinner meanwhile, instead of showing the rows read before while it is asked for.
 */
export function useRankings(args: { code?: string; year?: number; kind?: OrgUnitKind | null; clusterId?: string | null; boundary?: ResultBoundary }) {
  const { code, year, kind, clusterId, boundary } = args;
  const rolledUp = boundary === 'SUCCESSORS';
  const variables = { code: code ?? '', year: year ?? 0, kind: kind ?? null, clusterId: clusterId ?? null, after: null };
  const asWas = useQuery(RankingPage, { variables, skip: !code || !year || rolledUp, fetchPolicy: 'no-cache' });
  const today = useQuery(RolledUpRankingPage, { variables, skip: !code || !year || !rolledUp, fetchPolicy: 'no-cache' });
  const rolledPage = today.data?.campaign?.rankings;
  const page = rolledUp ? rolledPage : asWas.data?.campaign?.rankings;
  const next = page?.hasNextPage ? page.endCursor : null;
  const { fetchMore: moreAsWas } = asWas;
  const { fetchMore: moreToday } = today;
  useEffect(() => {
    if (!next) return;
    if (rolledUp) void moreToday({ variables: { after: next }, updateQuery: appendPage });
    else void moreAsWas({ variables: { after: next }, updateQuery: appendPage });
  }, [next, rolledUp, moreAsWas, moreToday]);
  const rows: RankingRow[] = rolledUp ? (rolledPage?.entries ?? []) : (asWas.data?.campaign?.rankings?.entries ?? []).map((e) => ({ ...e, parts: [] }));
  const asOf = rolledUp ? ((rolledPage?.asOf as string | null | undefined) ?? null) : null;
  const { loading, error } = rolledUp ? today : asWas;
  return { rows, total: page?.totalCount ?? 0, asOf, loading: loading || !!next, error };
}
