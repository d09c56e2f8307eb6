import { canDownload, canReadUnit, entityId, hasRole, isoDate, platformError, present, requireRole, requireUnitWriter, todayInVietnam, validate, vnText, type StoredFile } from '@thidua/platform';
import { z } from 'zod';
import { requireLeadAgencyOf } from '../campaign/agency';
import type { ParticipantsContext } from '../context';
import type { Resolvers } from '../generated/resolvers';
import type { UnitPlan } from '../unit-plan/unit-plan.entity';
import { unitPlanError } from '../unit-plan/unit-plan.errors';
import { planOnTime } from '../unit-plan/unit-plan.rules';
import type { Registration } from './registration.entity';
import { registrationError } from './registration.errors';

type Ctx = ParticipantsContext;

/** A registration's commitments (the bulk import checks its rows with it too). */
export const commitments = z.array(vnText(2000)).max(50);

/** Who may act for a participant: officers of its unit; people without a unit are registered by the lead agency. */
async function requireParticipantWriter(ctx: Ctx, unitId: string | null, personId: string | null): Promise<void> {
  const unit = await ctx.services.registrations.participantUnit(unitId, personId);
  if (unit) requireUnitWriter(ctx.viewer, unit, 'LEAD_AGENCY');
  else requireRole(ctx.viewer, 'LEAD_AGENCY', 'HOME_AFFAIRS');
}

/**
 * The lead agency acting for a participant other than its own unit (recording a paper registration or plan, accepting,
 * returning) acts only in the campaigns its unit leads today (R26); a unit acting for itself is not concerned.
 */
async function requireLeadFor(ctx: Ctx, campaignId: string, unitId: string | null): Promise<void> {
  if ((unitId && ctx.viewer.orgUnitId === unitId) || !hasRole(ctx.viewer, 'LEAD_AGENCY')) return;
  await requireLeadAgencyOf(ctx, { campaignId });
}

async function readable(ctx: Ctx, r: Registration | null): Promise<Registration | null> {
  if (!r || ctx.viewer.anonymous) return null;
  const unit = await ctx.services.registrations.participantUnit(r.unitId, r.personId);
  return canReadUnit(ctx.viewer, unit) ? r : null;
}

export const registrationResolvers: Resolvers = {
  Query: {
    storedFiles: async (_: unknown, args: { ids: unknown }, ctx: Ctx) => {
      if (ctx.viewer.anonymous) throw platformError('UNAUTHENTICATED');
      const ids = validate(z.array(entityId).max(100), args.ids);
      const files = await ctx.loaders.file.loadMany(ids);
      return files.filter((f): f is StoredFile => !!f && !(f instanceof Error) && canDownload(ctx.viewer, f));
    },
    registrations: async (_: unknown, args: { campaignId: unknown; status?: unknown }, ctx: Ctx) => {
      if (ctx.viewer.anonymous) throw platformError('UNAUTHENTICATED');
      const a = validate(z.object({ campaignId: entityId, status: z.enum(['DRAFT', 'SUBMITTED', 'ACCEPTED', 'RETURNED']).nullish() }), args);
      const rows = await ctx.services.registrations.forCampaign(a.campaignId, a.status);
      const checked = await Promise.all(rows.map((r) => readable(ctx, r)));
      return checked.filter((r): r is Registration => !!r);
    },
  },
  Registration: {
    __resolveReference: async (ref: { id: string }, ctx: Ctx) => readable(ctx, await ctx.loaders.registration.load(ref.id)),
    campaign: async (r: Registration, _: unknown, ctx: Ctx) => present(await ctx.loaders.campaign.load(r.campaignId), 'Campaign', r.campaignId),
    unit: (r: Registration, _: unknown, ctx: Ctx) => (r.unitId ? ctx.loaders.orgUnit.load(r.unitId) : null),
    person: (r: Registration, _: unknown, ctx: Ctx) => (r.personId ? ctx.loaders.person.load(r.personId) : null),
  },
  UnitPlan: {
    __resolveReference: async (ref: { id: string }, ctx: Ctx) => {
      const p = await ctx.loaders.unitPlan.load(ref.id);
      return p && canReadUnit(ctx.viewer, p.unitId) ? p : null;
    },
    campaign: async (p: UnitPlan, _: unknown, ctx: Ctx) => present(await ctx.loaders.campaign.load(p.campaignId), 'Campaign', p.campaignId),
    unit: async (p: UnitPlan, _: unknown, ctx: Ctx) => present(await ctx.loaders.orgUnit.load(p.unitId), 'OrgUnit', p.unitId),
    file: (p: UnitPlan, _: unknown, ctx: Ctx) => (p.fileId ? ctx.loaders.file.load(p.fileId) : null),
    dueDate: (p: UnitPlan, _: unknown, ctx: Ctx) => ctx.services.unitPlans.dueDateOf(p.campaignId),
    onTime: async (p: UnitPlan, _: unknown, ctx: Ctx) => planOnTime(p.receivedDate, await ctx.services.unitPlans.dueDateOf(p.campaignId)),
  },
  StoredFile: {
    downloadUrl: (f: { id: string }) => `/files/${f.id}`,
    ownerUnit: (f, _: unknown, ctx: Ctx) => (f.ownerUnitId ? ctx.loaders.orgUnit.load(f.ownerUnitId) : null),
  },
  Mutation: {
    createRegistration: async (_: unknown, args: unknown, ctx: Ctx) => {
      const a = validate(
        z.object({ campaignId: entityId, unitId: entityId.nullish(), personId: entityId.nullish(), commitments, submit: z.boolean().nullish() }),
        args,
      );
      if (!!a.unitId === !!a.personId) throw registrationError('REGISTRATION_PARTICIPANT_INVALID');
      await requireParticipantWriter(ctx, a.unitId ?? null, a.personId ?? null);
      await requireLeadFor(ctx, a.campaignId, a.unitId ?? null);
      // The lead agency may enter registrations received on paper, also after the campaign closed.
      const recordingPaper = hasRole(ctx.viewer, 'ADMIN', 'LEAD_AGENCY');
      return ctx.services.registrations.create(a.campaignId, a.unitId ?? null, a.personId ?? null, a.commitments, a.submit ?? false, recordingPaper);
    },
    updateRegistration: async (_: unknown, args: unknown, ctx: Ctx) => {
      const a = validate(z.object({ id: entityId, expectedVersion: z.number().int(), commitments }), args);
      const r = await ctx.services.registrations.get(a.id);
      await requireParticipantWriter(ctx, r.unitId, r.personId);
      return ctx.services.registrations.transition(a.id, 'edit', { commitments: a.commitments }, a.expectedVersion);
    },
    submitRegistration: async (_: unknown, args: { id: unknown }, ctx: Ctx) => {
      const id = validate(entityId, args.id);
      const r = await ctx.services.registrations.get(id);
      await requireParticipantWriter(ctx, r.unitId, r.personId);
      return ctx.services.registrations.transition(id, 'submit');
    },
    acceptRegistration: async (_: unknown, args: { id: unknown }, ctx: Ctx) => {
      requireRole(ctx.viewer, 'LEAD_AGENCY');
      const id = validate(entityId, args.id);
      await requireLeadFor(ctx, (await ctx.services.registrations.get(id)).campaignId, null);
      return ctx.services.registrations.transition(id, 'accept');
    },
    returnRegistration: async (_: unknown, args: { id: unknown; reason: unknown }, ctx: Ctx) => {
      requireRole(ctx.viewer, 'LEAD_AGENCY');
      const a = validate(z.object({ id: entityId, reason: vnText(2000) }), args);
      await requireLeadFor(ctx, (await ctx.services.registrations.get(a.id)).campaignId, null);
      return ctx.services.registrations.transition(a.id, 'return', { returnReason: a.reason });
    },
    submitUnitPlan: async (_: unknown, args: { input: unknown }, ctx: Ctx) => {
      const a = validate(
        z.object({
          campaignId: entityId,
          unitId: entityId,
          number: vnText(64),
          issuedDate: isoDate,
          receivedDate: isoDate.nullish(),
          fileId: entityId.nullish(),
        }),
        args.input,
      );
      requireUnitWriter(ctx.viewer, a.unitId, 'LEAD_AGENCY', 'HOME_AFFAIRS');
      await requireLeadFor(ctx, a.campaignId, a.unitId);
      const today = todayInVietnam();
      if (a.receivedDate && a.receivedDate !== today && !hasRole(ctx.viewer, 'ADMIN', 'LEAD_AGENCY', 'HOME_AFFAIRS')) {
        throw unitPlanError('UNIT_PLAN_RECEIVED_DATE_FORBIDDEN');
      }
      return ctx.services.unitPlans.submit({ ...a, receivedDate: a.receivedDate ?? today });
    },
  },
};
