import DataLoader from 'dataloader';
import { hasRole, platformError, type Viewer } from '@thidua/platform';
import { CampaignAgenciesDocument } from './generated/graph';
import type { GraphClient } from './graph-client';

/** The agencies that act for a campaign today, as participants resolves them (following successors); null: no such campaign. */
export interface CampaignAgencies {
  id: string;
  leadAgency: { id: string; name: string; active: boolean };
  appraisingAgency: { id: string; name: string; active: boolean };
  /** The campaign's area and the units above it (a city's province). */
  jurisdiction: { id: string; parent: { id: string; parent: { id: string; parent: { id: string } | null } | null } | null };
}

/** A per-request loader of campaigns' agencies in force today: one graph call per campaign asked. */
export function campaignAgenciesLoader(graph: GraphClient): DataLoader<string, CampaignAgencies | null> {
  return new DataLoader<string, CampaignAgencies | null>(async (ids) =>
    Promise.all(ids.map(async (id) => ((await graph.query(CampaignAgenciesDocument, { id })).campaign as CampaignAgencies | null) ?? null)),
  );
}

const AGENCY_OF: Record<'LEAD_AGENCY' | 'HOME_AFFAIRS', { field: 'leadAgency' | 'appraisingAgency'; what: string }> = {
  LEAD_AGENCY: { field: 'leadAgency', what: 'cơ quan chủ trì phong trào' },
  HOME_AFFAIRS: { field: 'appraisingAgency', what: 'cơ quan thẩm định khen thưởng của phong trào' },
};

/**
 * Jurisdiction (R26): an account acting as a campaign's lead agency (or Nội vụ) and bound to a unit acts on that
 * campaign only while its unit is the campaign's lead (appraising) agency in force today — the successor's account from
 * the succession on, another city's never (FORBIDDEN_OTHER_UNIT, naming the agency in force). ADMIN, a service, and an
 * account bound to no unit act as before; an unknown campaign is left to the caller.
 */
export async function requireCampaignAgency(viewer: Viewer, agencies: DataLoader<string, CampaignAgencies | null>, campaignId: string, role: 'LEAD_AGENCY' | 'HOME_AFFAIRS' = 'LEAD_AGENCY'): Promise<void> {
  if (hasRole(viewer, 'ADMIN', 'SERVICE') || !viewer.orgUnitId) return;
  const c = await agencies.load(campaignId);
  if (!c) return;
  const { field, what } = AGENCY_OF[role];
  const agency = c[field];
  if (agency.id === viewer.orgUnitId && agency.active) return;
  throw platformError(
    'FORBIDDEN_OTHER_UNIT',
    { campaignId, agencyId: agency.id },
    agency.active ? `Chỉ ${what} (${agency.name}) được làm việc này trong phong trào.` : `Chỉ ${what} được làm việc này; hôm nay phong trào chưa có ${what} được ghi nhận.`,
  );
}

/** The units a campaign's area lies within: its jurisdiction and the units above it. */
export function areaUnits(c: CampaignAgencies): string[] {
  const out: string[] = [];
  for (let u: { id: string; parent?: unknown } | null = c.jurisdiction; u; u = (u.parent as { id: string; parent?: unknown } | null) ?? null) out.push(u.id);
  return out;
}

/**
 * The province's jurisdiction (R26): an account acting only as a province (no other reading role) and bound to a unit
 * reads a campaign's reports only when the campaign's area lies within its unit (the city's province; a province's
 * own campaign). Whether it does, for lists to leave the others out.
 */
export async function provinceReads(viewer: Viewer, agencies: DataLoader<string, CampaignAgencies | null>, campaignId: string): Promise<boolean> {
  if (!hasRole(viewer, 'PROVINCE') || hasRole(viewer, 'ADMIN', 'SERVICE', 'LEAD_AGENCY', 'HOME_AFFAIRS', 'COUNCIL') || !viewer.orgUnitId) return true;
  const c = await agencies.load(campaignId);
  return !!c && areaUnits(c).includes(viewer.orgUnitId);
}

/** `provinceReads`, refused with FORBIDDEN_OTHER_UNIT when not. */
export async function requireProvinceReads(viewer: Viewer, agencies: DataLoader<string, CampaignAgencies | null>, campaignId: string): Promise<void> {
  if (await provinceReads(viewer, agencies, campaignId)) return;
  throw platformError('FORBIDDEN_OTHER_UNIT', { campaignId }, 'Tỉnh chỉ xem báo cáo của các phong trào trên địa bàn của tỉnh.');
}
