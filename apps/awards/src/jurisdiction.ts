import { requireCampaignAgency } from '@thidua/graph-client';
import { hasRole, type Viewer } from '@thidua/platform';
import type { Loaders } from './context';

type AgencyRole = 'LEAD_AGENCY' | 'HOME_AFFAIRS';

/**
 * Jurisdiction (R26) of an action the lead agency or Nội vụ takes on campaigns' dossiers: checked for each campaign
 * (duplicates once) as the agency of every role among `roles` the viewer holds — an account holding both acts when its
 * unit is either agency in force; the first refusal is the answer. A viewer holding none of them (ADMIN, COUNCIL, a
 * unit) passes here: its rights are the callers' role checks. ADMIN, SERVICE and unbound accounts pass in the helper.
 */
export async function requireAgencyOf(viewer: Viewer, loaders: Pick<Loaders, 'campaignAgencies'>, campaignIds: Iterable<string>, ...roles: AgencyRole[]): Promise<void> {
  const held = roles.filter((r) => hasRole(viewer, r));
  if (!held.length) return;
  for (const campaignId of new Set(campaignIds)) {
    let refusal: unknown = null;
    for (const role of held) {
      try {
        await requireCampaignAgency(viewer, loaders.campaignAgencies, campaignId, role);
        refusal = null;
        break;
      } catch (err) {
        refusal ??= err;
      }
    }
    if (refusal) throw refusal;
  }
}

/**
 * A nomination written for the proposing unit: a unit officer on its own unit writes as the unit (no jurisdiction);
 * anyone else allowed writes as the campaign's lead agency (or Nội vụ), checked against the campaign.
 */
export async function requireProposerAgency(viewer: Viewer, loaders: Pick<Loaders, 'campaignAgencies'>, proposingUnitId: string, campaignId: string, ...roles: AgencyRole[]): Promise<void> {
  if (hasRole(viewer, 'UNIT_OFFICER') && viewer.orgUnitId === proposingUnitId) return;
  await requireAgencyOf(viewer, loaders, [campaignId], ...roles);
}
