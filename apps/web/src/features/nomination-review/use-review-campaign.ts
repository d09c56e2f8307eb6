import { useQuery } from '@apollo/client/react';
import { useCampaignChoices } from '../campaign/use-campaigns';
import { useFilters } from '../../lib/use-filters';
import { ReviewCampaignQuery } from './review-data';

const KEY = 'thidua.khenThuong.phongTrao';

/** The campaign last chosen on Nội vụ's awards pages, kept for the tab so the next page opens on it. */
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
    // storage unavailable (private mode): the address still carries the choice
  }
}

/**
 * The campaign and occasion a Nội vụ awards page works on, kept in the address (?phongTrao=<code>&dot=…) so a link
 * or a reload shows the same list. By default the campaign last chosen in this tab (the other awards pages open on
 * it), else the first published one, and all its occasions.
 */
export function useReviewCampaign() {
  const [params, set] = useFilters();
  const choices = useCampaignChoices();
  const code = params.get('phongTrao') ?? remembered();
  const campaign = choices.campaigns.find((c) => c.code === code) ?? choices.campaigns.find((c) => c.status === 'PUBLISHED') ?? choices.campaigns[0];
  const details = useQuery(ReviewCampaignQuery, { variables: { id: campaign?.id ?? '' }, skip: !campaign });
  const occasions = [...(details.data?.campaign?.occasions ?? [])].sort((a, b) => b.year - a.year || a.name.localeCompare(b.name, 'vi'));
  const occasionId = params.get('dot');
  const occasion = occasions.find((o) => o.id === occasionId) ?? null;
  return {
    params,
    set,
    campaigns: choices.campaigns,
    campaign,
    rules: details.data?.campaign?.awardRules,
    occasions,
    occasion,
    forms: details.data?.campaign?.awardForms ?? [],
    loading: choices.loading || details.loading,
    error: choices.error ?? details.error,
    setCampaign: (c: string) => {
      remember(c);
      set({ phongTrao: c, dot: null, hinhThuc: null, donVi: null, nhom: null, trangThai: null, lanCongKhai: null });
    },
    setOccasion: (id: string | null) => set({ dot: id }),
  };
}

export type ReviewCampaign = ReturnType<typeof useReviewCampaign>;
