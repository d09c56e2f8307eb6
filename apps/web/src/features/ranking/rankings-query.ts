import type { ApolloClient, ErrorLike } from '@apollo/client';
import type { LoaderFunctionArgs } from 'react-router';
import { graphql } from '../../gql';
import type { OrgUnitKind, RankingConnectionFieldsFragment, RankingRowFieldsFragment, RolledUpConnectionFieldsFragment } from '../../gql/graphql';
import { CampaignChoicesQuery, campaignYears } from '../campaign/use-campaigns';

// The ranking's operations and the route loader that asks for them. This module is small and imports no component:
// the router runs the loader as soon as it is created, beside the download of the page's code, so a ranking opened
// by its address is asked for while the browser is still compiling the page (features/ranking/use-rankings.ts reads it).
// For a visitor who is not signed in, the gateway runs the same loader and sends the page already rendered with its
// answer (src/server.tsx).

/** The clusters the page's filter offers. */
export const RankingClustersQuery = graphql(`
  query RankingClusters {
    clusters {
      id
      code
      name
    }
  }
`);

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

/** A page of the ranking as the units were. */
export const RankingConnectionFields = graphql(`
  fragment RankingConnectionFields on RankingConnection {
    totalCount
    hasNextPage
    endCursor
    entries {
      ...RankingRowFields
    }
  }
`);

/** A page rolled up to today's units (R25): each row with the units it is made of and their own results. */
export const RolledUpConnectionFields = graphql(`
  fragment RolledUpConnectionFields on RankingConnection {
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
`);

// The first rows the table shows (its first page of 50) come alone, so that they are shown at once (and rendered by
// the gateway with little to carry); the rest follow in pages of 1,000 (250 rolled up, as each row carries a list).
// The sizes are written in the operations, where the gateway's cost limit reads them.

const RankingFirstRows = graphql(`
  query RankingFirstRows($code: String!, $year: Int!, $kind: OrgUnitKind, $clusterId: ID) {
    campaign(code: $code) {
      id
      rankings(year: $year, kind: $kind, clusterId: $clusterId, first: 50) {
        ...RankingConnectionFields
      }
    }
  }
`);

const RankingPage = graphql(`
  query RankingPage($code: String!, $year: Int!, $kind: OrgUnitKind, $clusterId: ID, $after: String) {
    campaign(code: $code) {
      id
      rankings(year: $year, kind: $kind, clusterId: $clusterId, first: 1000, after: $after) {
        ...RankingConnectionFields
      }
    }
  }
`);

const RolledUpFirstRows = graphql(`
  query RolledUpFirstRows($code: String!, $year: Int!, $kind: OrgUnitKind, $clusterId: ID) {
    campaign(code: $code) {
      id
      rankings(year: $year, kind: $kind, clusterId: $clusterId, boundary: SUCCESSORS, first: 50) {
        ...RolledUpConnectionFields
      }
    }
  }
`);

const RolledUpRankingPage = graphql(`
  query RolledUpRankingPage($code: String!, $year: Int!, $kind: OrgUnitKind, $clusterId: ID, $after: String) {
    campaign(code: $code) {
      id
      rankings(year: $year, kind: $kind, clusterId: $clusterId, boundary: SUCCESSORS, first: 250, after: $after) {
        ...RolledUpConnectionFields
      }
    }
  }
`);

/** A row of either ranking; `parts` is empty as the units were. */
export type RankingRow = RankingRowFieldsFragment & { parts: RankingPartRow[] };
export type RankingPartRow = { unitKind: OrgUnitKind; total: number; maxPoints: number; percent: number; unit: { id: string; code: string; name: string } };

/** A page of either ranking: the rolled-up one adds `asOf` and each row's parts. */
export type RankingConnection = RankingConnectionFieldsFragment | RolledUpConnectionFieldsFragment;

/** The ranking the page shows, as its address chooses it (campaign, year, unit kind, cluster, which units). */
export interface RankingChoice {
  code: string;
  year: number;
  kind: OrgUnitKind | null;
  clusterId: string | null;
  rolledUp: boolean;
}

/**
 * A page of the ranking chosen: its first rows (`after` null), or the page after the cursor `after`. Rows stay out of
 * Apollo's normalised cache.
 */
export async function fetchRankingPage(client: ApolloClient, choice: RankingChoice, after: string | null): Promise<{ page?: RankingConnection; error?: ErrorLike }> {
  const first = { code: choice.code, year: choice.year, kind: choice.kind, clusterId: choice.clusterId };
  const next = { ...first, after };
  const options = { fetchPolicy: 'no-cache' } as const;
  try {
    const { data, error } = choice.rolledUp
      ? after
        ? await client.query({ query: RolledUpRankingPage, variables: next, ...options })
        : await client.query({ query: RolledUpFirstRows, variables: first, ...options })
      : after
        ? await client.query({ query: RankingPage, variables: next, ...options })
        : await client.query({ query: RankingFirstRows, variables: first, ...options });
    return { page: (data?.campaign?.rankings ?? undefined) as RankingConnection | undefined, error };
  } catch (error) {
    // No answer at all (the connection dropped): said on the page like an answer with an error.
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }
}

/** What the route's loader gives the page: the choice and its first page (none while no campaign has a year to show). */
export type RankingsLoaderData = { choice: RankingChoice; first?: RankingConnection; error?: ErrorLike } | null;

/**
 * The ranking's route loader: reads the choice from the address (`phongTrao`, `nam`, `loai`, `cum`, `donVi`), taking
 * the first campaign and its latest year when the address names none, and asks for its first page, with the campaigns
 * and clusters the page's filters offer. It resolves once the answers are there, so the page appears with its rows,
 * and a changed filter keeps the rows shown (with the table's spinner) until the new ones have come. The rows stay out
 * of Apollo's normalised cache (`no-cache`): nothing else changes them while the page is open, and writing 1,000 rows
 * and their units into the cache and reading them back took longer than the graph took to answer.
 */
export async function rankingsLoader({ request }: LoaderFunctionArgs, client: ApolloClient): Promise<RankingsLoaderData> {
  const params = new URL(request.url).searchParams;
  const campaigns = client.query({ query: CampaignChoicesQuery });
  const clusters = client.query({ query: RankingClustersQuery });
  let code = params.get('phongTrao');
  let year = Number(params.get('nam')) || null;
  if (!code || !year) {
    const choices = (await campaigns).data?.campaigns ?? [];
    code ??= choices[0]?.code ?? null;
    year ??= campaignYears(choices.find((c) => c.code === code))[0] ?? null;
  }
  if (!code || !year) return null;
  const choice: RankingChoice = { code, year, kind: (params.get('loai') as OrgUnitKind | null) ?? null, clusterId: params.get('cum'), rolledUp: params.get('donVi') === 'hien-nay' };
  const [{ page, error }] = await Promise.all([fetchRankingPage(client, choice, null), campaigns, clusters]);
  return { choice, first: page, error };
}
