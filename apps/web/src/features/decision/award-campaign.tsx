import { useQuery } from '@apollo/client/react';
import { Select } from 'antd';
import { useEffect } from 'react';
import { useCampaignChoices } from '../campaign/use-campaigns';
import type { HomeAffairsAwardSetupQuery } from '../../gql/graphql';
import { occasionKindLabels } from '../../i18n/labels';
import { useFilters } from '../../lib/use-filters';
import { AwardSetupQuery } from './decision-data';

export type AwardOccasion = NonNullable<NonNullable<HomeAffairsAwardSetupQuery['campaign']>['occasions']>[number];
export type AwardFormChoice = NonNullable<NonNullable<HomeAffairsAwardSetupQuery['campaign']>['awardForms']>[number];

/** "Khen thưởng hằng năm 2024 (hằng năm, 2024)" → the occasion as Nội vụ names it in a picker. */
export function occasionLabel(o: { name: string; kind: keyof typeof occasionKindLabels; year: number }): string {
  return `${o.name} (${occasionKindLabels[o.kind].toLowerCase()}, ${o.year})`;
}

// The same key as Nội vụ's dossier pages (features/nomination-review/use-review-campaign.ts): every awards page of
// the tab opens on the campaign last chosen.
const KEY = 'thidua.khenThuong.phongTrao';

function remembered(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

function remember(code: string): void {
  try {
    sessionStorage.setItem(KEY, code);
  } catch {
    // storage unavailable: the address still carries the choice
  }
}

/**
 * The campaign (and occasion) an awards page is about, kept in the address (?phongTrao=<code>&dot=<id>), with the
 * campaign's occasions and award forms.
 */
export function useAwardCampaign() {
  const [params, set] = useFilters();
  const { campaigns, loading: loadingCampaigns, error: campaignsError } = useCampaignChoices();
  const code = params.get('phongTrao') ?? remembered();
  const campaign = campaigns.find((c) => c.code === code) ?? campaigns.find((c) => c.status === 'PUBLISHED') ?? campaigns[0];
  // A campaign named in the address (a link, a bookmark) is the one the next awards page opens on.
  const named = params.get('phongTrao');
  useEffect(() => {
    if (named && campaign?.code === named) remember(named);
  }, [named, campaign?.code]);
  const { data, loading, error } = useQuery(AwardSetupQuery, { variables: { campaignId: campaign?.id ?? '' }, skip: !campaign });
  const occasions = [...(data?.campaign?.occasions ?? [])].sort((a, b) => b.year - a.year || a.name.localeCompare(b.name, 'vi'));
  const forms = data?.campaign?.awardForms ?? [];
  const occasionId = params.get('dot');
  const occasion = occasions.find((o) => o.id === occasionId);
  const setCampaign = (c: string) => {
    remember(c);
    set({ phongTrao: c, dot: null });
  };
  return { params, set, setCampaign, campaigns, campaign, occasions, occasion, forms, loading: loadingCampaigns || loading, error: campaignsError ?? error };
}

export type AwardCampaign = ReturnType<typeof useAwardCampaign>;

/** The campaign picker, and the occasion picker when the page filters by occasion. */
export function AwardCampaignPicker({ award, occasion = 'optional' }: { award: AwardCampaign; occasion?: 'none' | 'optional' | 'required' }) {
  return (
    <>
      <Select
        aria-label="Phong trào"
        showSearch={{ optionFilterProp: 'label' }}
        style={{ minWidth: 340 }}
        value={award.campaign?.code}
        loading={award.loading}
        onChange={(v) => award.setCampaign(v)}
        options={award.campaigns.map((c) => ({ value: c.code, label: c.name }))}
      />
      {occasion !== 'none' && (
        <Select
          aria-label="Đợt khen thưởng"
          showSearch={{ optionFilterProp: 'label' }}
          style={{ minWidth: 300 }}
          allowClear={occasion === 'optional'}
          placeholder={occasion === 'optional' ? 'Mọi đợt khen thưởng' : 'Chọn đợt khen thưởng'}
          value={award.occasion?.id}
          onChange={(v) => award.set({ dot: v })}
          options={award.occasions.map((o) => ({ value: o.id, label: occasionLabel(o) }))}
        />
      )}
    </>
  );
}
