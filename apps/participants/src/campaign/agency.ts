import { dayBefore, hasRole, isoDate, platformError, todayInVietnam, validate, validOn } from '@thidua/platform';
import DataLoader from 'dataloader';
import type { ParticipantsContext } from '../context';
import type { OrgUnit, OrgUnitChange } from '../org-unit/org-unit.entity';
import type { UnitView } from '../org-unit/org-unit.service';
import { viewUnit } from '../org-unit/org-unit.resolver';
import { endingOf, successionStep, type Ending } from './agency.rules';

type Ctx = ParticipantsContext;

/** Where the walk from a unit ended: the unit in force on the date, or the last unit reached when none is. */
export interface AgencyOnDate {
  unit: OrgUnit;
  inForce: boolean;
}

/** The change that ended `unit` and the units it names as successors, through the request's loaders. */
async function ending(ctx: Ctx, unit: OrgUnit): Promise<{ ending: Ending | null; successors: OrgUnit[] }> {
  const links = (await ctx.loaders.unitLinks.load(unit.id)).filter((l) => l.role === 'PREDECESSOR');
  if (!links.length) return { ending: null, successors: [] };
  const changes = (await ctx.loaders.change.loadMany([...new Set(links.map((l) => l.changeId))])).filter((c): c is OrgUnitChange => !!c && !(c instanceof Error));
  const endings = await Promise.all(
    changes.map(async (c) => ({
      id: c.id,
      kind: c.kind,
      effectiveDate: c.effectiveDate,
      successorIds: (await ctx.loaders.changeLinks.load(c.id)).filter((l) => l.role === 'SUCCESSOR').map((l) => l.unitId),
    })),
  );
  const chosen = endingOf(unit, endings);
  if (!chosen) return { ending: null, successors: [] };
  const successors = (await ctx.loaders.orgUnit.loadMany(chosen.successorIds)).filter((u): u is OrgUnit => !!u && !(u instanceof Error));
  return { ending: chosen, successors };
}

/** The walk of agencyRule, one unit at a time; every read goes through the request's batched loaders. */
async function walk(ctx: Ctx, unitId: string, d: string): Promise<AgencyOnDate | null> {
  const seen = new Set<string>();
  let unit = await ctx.loaders.orgUnit.load(unitId);
  let last: OrgUnit | null = null;
  while (unit && !seen.has(unit.id)) {
    seen.add(unit.id);
    last = unit;
    if (validOn(unit, d)) return { unit, inForce: true };
    const e = await ending(ctx, unit);
    const step = successionStep(unit, d, e.ending, e.successors);
    if (step.kind === 'IN_FORCE') return { unit, inForce: true };
    if (step.kind === 'NONE') break;
    unit = e.successors.find((s) => s.id === step.id) ?? null;
  }
  return last ? { unit: last, inForce: false } : null;
}

// One loader per request (keyed by the request's loaders): the same unit and date are walked once per request, and
// the campaigns of a list are walked together, level by level.
const loaders = new WeakMap<object, DataLoader<string, AgencyOnDate | null>>();

function agencyLoader(ctx: Ctx): DataLoader<string, AgencyOnDate | null> {
  let l = loaders.get(ctx.loaders);
  if (!l) {
    l = new DataLoader<string, AgencyOnDate | null>((keys) =>
      Promise.all(
        keys.map((k) => {
          const [id, d] = k.split('|') as [string, string];
          return walk(ctx, id, d);
        }),
      ),
    );
    loaders.set(ctx.loaders, l);
  }
  return l;
}

/**
 * The unit in force on `d` for `unitId`, following successors through mergers, splits and dissolutions that name
 * one (see agency.rules); `inForce: false` with the last unit reached when no unit is in force for it on `d`.
 */
export function agencyOn(ctx: Ctx, unitId: string, d: string): Promise<AgencyOnDate | null> {
  return agencyLoader(ctx).load(`${unitId}|${d}`);
}

/**
 * An agency as a document or a page shows it on `d`: the unit in force then, with its name of that day. When none
 * is in force (ended without a recorded successor, or not yet created), the last unit reached, under the name it had
 * while it existed and dated `d`, so that `active` says false.
 */
export async function agencyView(ctx: Ctx, unitId: string, d: string): Promise<UnitView | null> {
  const found = await agencyOn(ctx, unitId, d);
  if (!found) return null;
  if (found.inForce) return viewUnit(ctx, found.unit, d);
  const u = found.unit;
  const seenOn = u.validTo && d >= u.validTo ? dayBefore(u.validTo) : (u.validFrom ?? d);
  const view = await viewUnit(ctx, u, seenOn);
  return view ? { ...view, asOf: d } : null;
}

/** Is the viewer's unit the given agency, as in force today (the successor's account from the succession on)? */
export async function actsAsAgency(ctx: Ctx, agencyId: string, today: string = todayInVietnam()): Promise<boolean> {
  const unitId = ctx.viewer.orgUnitId;
  if (!unitId) return false;
  const found = await agencyOn(ctx, agencyId, today);
  return !!found?.inForce && found.unit.id === unitId;
}

/** The date an agency is asked for: the argument (checked), else today in Vietnam. */
export function agencyDate(asOf: string | null | undefined): string {
  return validate(isoDate.nullish(), asOf) ?? todayInVietnam();
}

/**
 * A lead-agency account bound to a unit changes a campaign only while its unit is the campaign's lead agency in
 * force today: the successor's account from the succession on, the ended agency's no more (FORBIDDEN_OTHER_UNIT).
 * ADMIN, and accounts bound to no unit, act as before; an unknown campaign or milestone is left to the service.
 */
export async function requireLeadAgencyOf(ctx: Ctx, of: { campaignId: string } | { milestoneId: string }): Promise<void> {
  if (hasRole(ctx.viewer, 'ADMIN') || !ctx.viewer.orgUnitId) return;
  const campaignId = 'campaignId' in of ? of.campaignId : (await ctx.loaders.milestone.load(of.milestoneId))?.campaignId;
  const c = campaignId ? await ctx.loaders.campaign.load(campaignId) : null;
  if (!c) return;
  const today = todayInVietnam();
  if (await actsAsAgency(ctx, c.leadAgencyId, today)) return;
  const lead = await agencyView(ctx, c.leadAgencyId, today);
  throw platformError(
    'FORBIDDEN_OTHER_UNIT',
    { campaignId: c.id, leadAgencyId: lead?.id ?? c.leadAgencyId },
    lead && validOn(lead, today)
      ? `Chỉ cơ quan chủ trì phong trào (${lead.name}) được thay đổi phong trào này.`
      : 'Chỉ cơ quan chủ trì phong trào được thay đổi phong trào này; hôm nay phong trào chưa có cơ quan chủ trì được ghi nhận.',
  );
}
