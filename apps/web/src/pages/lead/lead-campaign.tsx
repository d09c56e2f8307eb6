import { useQuery } from '@apollo/client/react';
import { Select, Space } from 'antd';
import { CampaignFields, ScoringPeriodFields } from '../../features/campaign/use-campaigns';
import { graphql } from '../../gql';
import type { LeadCampaignsQuery } from '../../gql/graphql';
import { dayjs, todayIso } from '../../lib/format';
import { spreads } from '../../lib/graphql-runtime';
import { useSession } from '../../lib/session';
import { useFilters } from '../../lib/use-filters';

spreads(CampaignFields, ScoringPeriodFields);

const CampaignsQuery = graphql(`
  query LeadCampaigns {
    campaigns {
      ...CampaignFields
      expectedUnitKinds
      leadAgency {
        id
        name
      }
      jurisdiction {
        id
        name
        validTo
      }
      scoringPeriods {
        ...ScoringPeriodFields
      }
    }
  }
`);

export type LeadCampaign = LeadCampaignsQuery['campaigns'][number];

/** The years a campaign spans, newest first (never past this year). */
export function yearsOf(c: LeadCampaign | undefined): number[] {
  if (!c) return [];
  const from = Number(c.startDate.slice(0, 4));
  const to = Math.min(Number(c.endDate.slice(0, 4)), dayjs().year());
  const years: number[] = [];
  for (let y = to; y >= from; y--) years.push(y);
  return years;
}

/**
 * The day whose organisation a year's figures are counted on: the year's last day, but not after today and not after
 * the jurisdiction itself ended (Buôn Ma Thuột stopped being a district-level city on 1/7/2025, so its 2025 units
 * are those of 30/6/2025).
 */
export function asOfFor(c: LeadCampaign | undefined, year: number | undefined): string | undefined {
  if (!c || !year) return undefined;
  let d = `${year}-12-31`;
  const today = todayIso();
  if (d > today) d = today;
  const ended = c.jurisdiction.validTo ? dayjs(c.jurisdiction.validTo).subtract(1, 'day').format('YYYY-MM-DD') : null;
  if (ended && d > ended) d = ended;
  if (d > c.endDate) d = c.endDate;
  return d;
}

/**
 * The campaign and year a lead-agency page works on, kept in the address (?phongTrao=…&nam=…) so a link or a reload
 * shows the same figures. By default: the campaign the viewer's agency leads, and its latest scoring year.
 */
export function useLeadCampaign() {
  const { session } = useSession();
  const [params, set] = useFilters();
  const { data, loading, error } = useQuery(CampaignsQuery);
  const campaigns = data?.campaigns ?? [];
  const own = campaigns.find((c) => c.leadAgency.id === session?.account?.orgUnitId);
  const code = params.get('phongTrao');
  const campaign = campaigns.find((c) => c.code === code) ?? own ?? campaigns.find((c) => c.status === 'PUBLISHED') ?? campaigns[0];
  const years = yearsOf(campaign);
  const opened = (campaign?.scoringPeriods ?? []).map((p) => p.year).filter((y) => years.includes(y));
  const asked = Number(params.get('nam'));
  const year = years.includes(asked) ? asked : opened.length ? Math.max(...opened) : years[0];


  return {
    campaigns,
    campaign,
    year,
    years,
    asOf: asOfFor(campaign, year),
    loading: loading && !data,
    error,
    params,
    set,
    setCampaign: (c: string) => set({ phongTrao: c, nam: null }),
    setYear: (y: number) => set({ nam: y }),
  };
}

/** The campaign and year pickers at the top of every lead-agency page. */
export function CampaignYearPicker({ lead, withYear = true }: { lead: ReturnType<typeof useLeadCampaign>; withYear?: boolean }) {
  return (
    <Space wrap>
      <Select
        aria-label="Phong trào"
        style={{ width: 'min(760px, calc(100vw - 200px))' }}
        loading={lead.loading}
        value={lead.campaign?.code}
        onChange={lead.setCampaign}
        options={lead.campaigns.map((c) => ({ value: c.code, label: c.name }))}
        placeholder="Chọn phong trào"
      />
      {withYear && (
        <Select
          aria-label="Năm"
          style={{ width: 120 }}
          value={lead.year}
          onChange={lead.setYear}
          options={lead.years.map((y) => ({ value: y, label: `Năm ${y}` }))}
        />
      )}
    </Space>
  );
}
