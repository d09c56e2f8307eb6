import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';

const CampaignChoicesQuery = graphql(`
  query CampaignChoices {
    campaigns {
      id
      code
      name
      status
      startDate
      endDate
      expectedUnitKinds
    }
  }
`);

/** The campaigns the viewer can see (the public sees published ones), for pickers. */
export function useCampaignChoices() {
  const { data, loading, error } = useQuery(CampaignChoicesQuery);
  return { campaigns: data?.campaigns ?? [], loading, error };
}

/** The years a campaign spans, newest first. */
export function campaignYears(c: { startDate: string; endDate: string } | undefined): number[] {
  if (!c) return [];
  const from = Number(c.startDate.slice(0, 4));
  const to = Math.min(Number(c.endDate.slice(0, 4)), new Date().getFullYear());
  const years: number[] = [];
  for (let y = to; y >= from; y--) years.push(y);
  return years;
}
