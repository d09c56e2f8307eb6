import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';

/** A campaign as its lists and pickers name it: code, name, state and the years it spans. */
export const CampaignFields = graphql(`
  fragment CampaignFields on Campaign {
    id
    code
    name
    status
    startDate
    endDate
  }
`);

/** A campaign as the ward officer's pages head it: its years and the lead agency the unit reports to. */
export const UnitCampaignHeaderFields = graphql(`
  fragment UnitCampaignHeaderFields on Campaign {
    id
    code
    name
    startDate
    endDate
    leadAgency {
      id
      name
    }
  }
`);

/** A milestone of a campaign, enough to find a kind of work's deadline (pages/unit/deadlines.tsx). */
export const MilestoneFields = graphql(`
  fragment MilestoneFields on Milestone {
    id
    kind
    title
    dueDate
    recurrence
  }
`);

/** A year's scoring period: when units may assess themselves. */
export const ScoringPeriodFields = graphql(`
  fragment ScoringPeriodFields on ScoringPeriod {
    id
    year
    selfAssessmentOpens
    selfAssessmentCloses
  }
`);

/** How a campaign classifies a total (bands from the top, and what is below them). */
export const ClassificationRuleFields = graphql(`
  fragment ClassificationRuleFields on ClassificationRule {
    basis
    otherwiseLabel
    otherwisePasses
    bands {
      min
      inclusive
      label
      passes
    }
  }
`);

export const CampaignChoicesQuery = graphql(`
  query CampaignChoices {
    campaigns {
      ...CampaignFields
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
