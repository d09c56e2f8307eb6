import { canReadUnit, entityCode as code, entityId, isoDate, legalDocument, optionalText, present, requireRole, todayInVietnam, validate, vnText } from '@thidua/platform';
import { z } from 'zod';
import type { ParticipantsContext } from '../context';
import type { Resolvers } from '../generated/resolvers';
import { ORG_UNIT_KINDS, type OrgUnitKind } from '../org-unit/org-unit.entity';
import { predecessorsOf, viewUnit } from '../org-unit/org-unit.resolver';
import { countsAsRegistered } from '../registration/registration.rules';
import { planCoverage, planOnTime, rollUpPlans } from '../unit-plan/unit-plan.rules';
import { agencyDate, agencyView, requireLeadAgencyOf } from './agency';
import { MILESTONE_KINDS, type Campaign, type CampaignPhase, type Milestone } from './campaign.entity';
import { defaultAsOf, dueDateIn } from './campaign.rules';

type Ctx = ParticipantsContext;

const kind = z.enum(ORG_UNIT_KINDS);
const contentArea = z.object({ code: vnText(16), title: vnText(2000) });
const prioritySector = z.object({
  code: vnText(32),
  name: vnText(255),
  actions: z.array(vnText(2000)).max(100).nullish().transform((v) => v ?? []),
});

const campaignFields = {
  name: vnText(500),
  issuerTitle: vnText(255),
  document: legalDocument.nullish(),
  legalBasis: z.array(legalDocument).max(100).nullish(),
  startDate: isoDate,
  endDate: isoDate,
  contentAreas: z.array(contentArea).max(100).nullish(),
  prioritySectors: z.array(prioritySector).max(50).nullish(),
  leadAgencyId: entityId,
  appraisingAgencyId: entityId,
  expectedUnitKinds: z.array(kind).max(ORG_UNIT_KINDS.length),
};

const campaignInput = z.object({ ...campaignFields, code, issuerId: entityId.nullish(), jurisdictionId: entityId });
const campaignPatch = z.object(campaignFields).partial();

const milestoneInput = z.object({
  kind: z.enum(MILESTONE_KINDS),
  title: vnText(500),
  startDate: isoDate.nullish(),
  dueDate: isoDate,
  recurrence: z.enum(['ONCE', 'YEARLY']).nullish(),
  phaseId: entityId.nullish(),
  sourceClause: optionalText(64),
  recipientId: entityId.nullish(),
});

function visible(ctx: Ctx, c: Campaign | null): Campaign | null {
  if (!c) return null;
  return c.status === 'DRAFT' && ctx.viewer.anonymous ? null : c;
}

/** The units expected on a date: those of the campaign's area that exist then, following successors once the jurisdiction ended. */
async function expectedUnits(ctx: Ctx, c: Campaign, asOf: string | null | undefined, only?: OrgUnitKind | null) {
  const d = asOf ?? defaultAsOf(c, todayInVietnam());
  const kinds = only ? c.expectedUnitKinds.filter((k) => k === only) : c.expectedUnitKinds;
  return { d, units: await ctx.services.orgUnits.areaOn(c.jurisdictionId, d, kinds) };
}

function requireReader(ctx: Ctx): void {
  requireRole(ctx.viewer, 'LEAD_AGENCY', 'HOME_AFFAIRS', 'COUNCIL', 'PROVINCE', 'SERVICE', 'UNIT_OFFICER');
}

export const campaignResolvers: Resolvers = {
  Query: {
    campaigns: async (_: unknown, args: { status?: string | null }, ctx: Ctx) => {
      const status = validate(z.enum(['DRAFT', 'PUBLISHED', 'CLOSED']).nullish(), args.status);
      const allowed = ctx.viewer.anonymous ? (['PUBLISHED', 'CLOSED'] as const) : (['DRAFT', 'PUBLISHED', 'CLOSED'] as const);
      const statuses = status ? allowed.filter((s) => s === status) : [...allowed];
      return ctx.services.campaigns.list([...statuses]);
    },
    campaign: async (_: unknown, args: { id?: string | null; code?: string | null }, ctx: Ctx) => {
      if (args.id) return z.uuid().safeParse(args.id).success ? visible(ctx, await ctx.loaders.campaign.load(args.id)) : null;
      if (args.code) return visible(ctx, await ctx.services.campaigns.byCode(args.code.trim().toUpperCase()));
      return null;
    },
  },
  Campaign: {
    __resolveReference: async (ref: { id: string }, ctx: Ctx) => visible(ctx, await ctx.loaders.campaign.load(ref.id)),
    issuer: (c: Campaign, args: { asOf?: string | null }, ctx: Ctx) =>
      c.issuerId ? (args.asOf ? agencyView(ctx, c.issuerId, agencyDate(args.asOf)) : ctx.loaders.orgUnit.load(c.issuerId)) : null,
    // The jurisdiction is shown as it was when the campaign started (names change, units merge).
    jurisdiction: async (c: Campaign, _: unknown, ctx: Ctx) =>
      present(await viewUnit(ctx, await ctx.loaders.orgUnit.load(c.jurisdictionId), c.startDate), 'OrgUnit', c.jurisdictionId),
    // The agencies in force on the date asked (today by default), following their successors.
    leadAgency: async (c: Campaign, args: { asOf?: string | null }, ctx: Ctx) => present(await agencyView(ctx, c.leadAgencyId, agencyDate(args.asOf)), 'OrgUnit', c.leadAgencyId),
    appraisingAgency: async (c: Campaign, args: { asOf?: string | null }, ctx: Ctx) =>
      present(await agencyView(ctx, c.appraisingAgencyId, agencyDate(args.asOf)), 'OrgUnit', c.appraisingAgencyId),
    phases: (c: Campaign, _: unknown, ctx: Ctx) => ctx.loaders.campaignPhases.load(c.id),
    milestones: async (c: Campaign, args: { kind?: string | null }, ctx: Ctx) => {
      const all = await ctx.loaders.campaignMilestones.load(c.id);
      return args.kind ? all.filter((m) => m.kind === args.kind) : all;
    },
    expectedUnits: async (c: Campaign, args: { asOf?: string | null; kind?: string | null }, ctx: Ctx) => {
      const a = validate(z.object({ asOf: isoDate.nullish(), kind: kind.nullish() }), args);
      return (await expectedUnits(ctx, c, a.asOf, a.kind)).units;
    },
    registrations: async (c: Campaign, args: { status?: string | null }, ctx: Ctx) => {
      if (ctx.viewer.anonymous) return [];
      const status = validate(z.enum(['DRAFT', 'SUBMITTED', 'ACCEPTED', 'RETURNED']).nullish(), args.status);
      const rows = await ctx.services.registrations.forCampaign(c.id, status);
      return rows.filter((r) => canReadUnit(ctx.viewer, r.unitId) || (r.personId && canReadUnit(ctx.viewer, null)));
    },
    unregisteredUnits: async (c: Campaign, args: { asOf?: string | null; kind?: string | null }, ctx: Ctx) => {
      requireReader(ctx);
      const a = validate(z.object({ asOf: isoDate.nullish(), kind: kind.nullish() }), args);
      const { units } = await expectedUnits(ctx, c, a.asOf, a.kind);
      const regs = await ctx.services.registrations.forCampaign(c.id);
      const registered = new Set(regs.filter((r) => r.unitId && countsAsRegistered(r.status)).map((r) => r.unitId));
      return units.filter((u) => !registered.has(u.id));
    },
    unitPlans: async (c: Campaign, _: unknown, ctx: Ctx) => {
      if (ctx.viewer.anonymous) return [];
      return (await ctx.loaders.campaignPlans.load(c.id)).filter((p) => canReadUnit(ctx.viewer, p.unitId));
    },
    // Who has and has not sent a plan is shown to every signed-in participant on purpose: the plans name
    // laggards publicly to push them (BMT IV.1 tracks 100% coverage). The plans themselves stay per unit.
    unitPlanCoverage: async (c: Campaign, args: { asOf?: string | null; boundary?: string | null }, ctx: Ctx) => {
      requireReader(ctx);
      const a = validate(z.object({ asOf: isoDate.nullish(), boundary: z.enum(['AS_WAS', 'SUCCESSORS']).nullish() }), args);
      const rolledUp = a.boundary === 'SUCCESSORS';
      const due = await ctx.services.unitPlans.dueDateOf(c.id);
      // As the units were: those expected on `asOf` (default the due date). Rolled up (R25): those expected on the due
      // date, counted under the units that carry them on on `asOf` (default today).
      const { d, units } = await expectedUnits(ctx, c, rolledUp ? (due ?? null) : (a.asOf ?? (due && due <= todayInVietnam() ? due : null)));
      const plans = await ctx.loaders.campaignPlans.load(c.id);
      const byUnit = new Map(plans.map((p) => [p.unitId, { onTime: planOnTime(p.receivedDate, due) }]));
      // A unit formed by a merger after its predecessors sent their plans has them (R2), as its reports do: sent if
      // one of them sent one, on time if every one that sent did. Only predecessors merged into it by the day counted:
      // a ward that absorbs another a year later did not have that one's plan then.
      await Promise.all(
        units
          .filter((u) => !byUnit.has(u.id))
          .map(async (u) => {
            const inherited = (await predecessorsOf(ctx, u.id)).filter((p) => p.validTo !== null && p.validTo <= d).flatMap((p) => byUnit.get(p.id) ?? []);
            if (inherited.length) byUnit.set(u.id, { onTime: due === null ? null : inherited.every((p) => p.onTime === true) });
          }),
      );
      if (rolledUp) {
        const on = a.asOf ?? todayInVietnam();
        const { carriers } = await ctx.services.orgUnits.carriersOn(units.map((u) => u.id), on);
        const rolled = rollUpPlans(units.map((u) => u.id), carriers, byUnit);
        const ids = [...rolled.keys()];
        const today = ids.length ? (await ctx.services.orgUnits.list({ asOf: on, ids, offset: 0, limit: ids.length })).nodes : [];
        const byId = new Map(today.map((u) => [u.id, u]));
        return planCoverage(today, new Map([...rolled].flatMap(([id, r]) => (r ? [[id, r]] : [])))).map((row) => ({
          ...row,
          missing: row.missingIds.flatMap((id) => byId.get(id) ?? []),
        }));
      }
      const byId = new Map(units.map((u) => [u.id, u]));
      return planCoverage(units, byUnit).map((row) => ({
        ...row,
        missing: row.missingIds.flatMap((id) => byId.get(id) ?? []),
      }));
    },
    initiatives: (c: Campaign, _: unknown, ctx: Ctx) => (ctx.viewer.anonymous ? [] : ctx.loaders.campaignInitiatives.load(c.id)),
  },
  CampaignPhase: {
    __resolveReference: async (ref: { id: string }, ctx: Ctx) => {
      const p = await ctx.loaders.phase.load(ref.id);
      return p && visible(ctx, await ctx.loaders.campaign.load(p.campaignId)) ? p : null;
    },
    campaign: async (p: CampaignPhase, _: unknown, ctx: Ctx) => present(await ctx.loaders.campaign.load(p.campaignId), 'Campaign', p.campaignId),
  },
  Milestone: {
    __resolveReference: async (ref: { id: string }, ctx: Ctx) => {
      const m = await ctx.loaders.milestone.load(ref.id);
      return m && visible(ctx, await ctx.loaders.campaign.load(m.campaignId)) ? m : null;
    },
    campaign: async (m: Milestone, _: unknown, ctx: Ctx) => present(await ctx.loaders.campaign.load(m.campaignId), 'Campaign', m.campaignId),
    phase: (m: Milestone, _: unknown, ctx: Ctx) => (m.phaseId ? ctx.loaders.phase.load(m.phaseId) : null),
    recipient: (m: Milestone, args: { asOf?: string | null }, ctx: Ctx) => (m.recipientId ? agencyView(ctx, m.recipientId, agencyDate(args.asOf)) : null),
    dueDateIn: async (m: Milestone, args: { year: number }, ctx: Ctx) => {
      const year = validate(z.number().int().min(1900).max(2200), args.year);
      const c = await ctx.loaders.campaign.load(m.campaignId);
      return c ? dueDateIn(m, c, year) : null;
    },
  },
  Mutation: {
    createCampaign: (_: unknown, args: { input: unknown }, ctx: Ctx) => {
      requireRole(ctx.viewer, 'LEAD_AGENCY');
      return ctx.services.campaigns.create(validate(campaignInput, args.input));
    },
    updateCampaign: async (_: unknown, args: { id: unknown; expectedVersion: unknown; patch: unknown }, ctx: Ctx) => {
      requireRole(ctx.viewer, 'LEAD_AGENCY');
      const a = validate(z.object({ id: entityId, expectedVersion: z.number().int(), patch: campaignPatch }), args);
      await requireLeadAgencyOf(ctx, { campaignId: a.id });
      return ctx.services.campaigns.update(a.id, a.expectedVersion, a.patch);
    },
    publishCampaign: async (_: unknown, args: { id: unknown }, ctx: Ctx) => {
      requireRole(ctx.viewer, 'LEAD_AGENCY');
      const id = validate(entityId, args.id);
      await requireLeadAgencyOf(ctx, { campaignId: id });
      return ctx.services.campaigns.publish(id);
    },
    addCampaignPhase: async (_: unknown, args: unknown, ctx: Ctx) => {
      requireRole(ctx.viewer, 'LEAD_AGENCY');
      const a = validate(z.object({ campaignId: entityId, input: z.object({ name: vnText(255), startDate: isoDate, endDate: isoDate }) }), args);
      await requireLeadAgencyOf(ctx, { campaignId: a.campaignId });
      return ctx.services.campaigns.addPhase(a.campaignId, a.input);
    },
    addMilestone: async (_: unknown, args: unknown, ctx: Ctx) => {
      requireRole(ctx.viewer, 'LEAD_AGENCY');
      const a = validate(z.object({ campaignId: entityId, input: milestoneInput }), args);
      await requireLeadAgencyOf(ctx, { campaignId: a.campaignId });
      return ctx.services.campaigns.addMilestone(a.campaignId, a.input);
    },
    updateMilestone: async (_: unknown, args: unknown, ctx: Ctx) => {
      requireRole(ctx.viewer, 'LEAD_AGENCY');
      const a = validate(z.object({ id: entityId, input: milestoneInput }), args);
      await requireLeadAgencyOf(ctx, { milestoneId: a.id });
      return ctx.services.campaigns.updateMilestone(a.id, a.input);
    },
    removeMilestone: async (_: unknown, args: { id: unknown }, ctx: Ctx) => {
      requireRole(ctx.viewer, 'LEAD_AGENCY');
      const id = validate(entityId, args.id);
      await requireLeadAgencyOf(ctx, { milestoneId: id });
      return ctx.services.campaigns.removeMilestone(id);
    },
  },
};

