import { canReadUnit, email, entityId, hasRole, isoDate, optionalText, platformError, present, READ_ALL_ROLES, requireRole, requireUnitWriter, todayInVietnam, validate, vnText } from '@thidua/platform';
import { z } from 'zod';
import type { ParticipantsContext } from '../context';
import type { Resolvers } from '../generated/resolvers';
import type { Initiative } from '../initiative/initiative.entity';
import { GENDERS, PERSON_KINDS, type Person } from './person.entity';
import { personError } from './person.errors';

type Ctx = ParticipantsContext;

/** What createPerson takes (the bulk import checks its rows with it too). */
export const personInput = z.object({
  fullName: vnText(255),
  kind: z.enum(PERSON_KINDS),
  unitId: entityId.nullish(),
  position: optionalText(255),
  email,
  residence: optionalText(255),
  // Absent: kept as recorded (a form that does not show them); null: cleared.
  dateOfBirth: isoDate.refine((d) => d >= '1900-01-01' && d <= todayInVietnam(), 'Ngày sinh phải từ năm 1900 đến hôm nay.').nullish(),
  gender: z.enum(GENDERS).nullish(),
  homeTown: vnText(255, 0)
    .nullish()
    .transform((v) => (v === undefined ? undefined : v || null)),
});

const initiativeInput = z.object({
  title: vnText(500),
  authorIds: z.array(entityId).min(1).max(50),
  unitId: entityId,
  campaignId: entityId.nullish(),
  field: vnText(255),
  recognitionLevel: z.enum(['UNIT', 'DISTRICT', 'PROVINCE', 'NATIONAL']),
  recognizedDate: isoDate.nullish(),
  decisionNumber: optionalText(64),
  replicated: z.boolean().nullish(),
});

function canReadPerson(ctx: Ctx, p: Person | null): boolean {
  if (!p || ctx.viewer.anonymous) return false;
  if (p.unitId) return canReadUnit(ctx.viewer, p.unitId);
  // A person outside every unit: the roles that read every unit, and the unit that recorded them to nominate them.
  return hasRole(ctx.viewer, ...READ_ALL_ROLES) || (!!p.recordedByUnitId && canReadUnit(ctx.viewer, p.recordedByUnitId));
}

/** A unit officer names only people of their own unit as authors; the lead agency and Nội vụ name anyone. */
async function requireAuthorsWritable(ctx: Ctx, authorIds: string[]): Promise<void> {
  if (hasRole(ctx.viewer, 'ADMIN', 'LEAD_AGENCY', 'HOME_AFFAIRS')) return;
  const people = await ctx.loaders.person.loadMany(authorIds);
  const foreign = people.filter((p) => !(p instanceof Error) && p && p.unitId !== ctx.viewer.orgUnitId);
  if (foreign.length) throw platformError('FORBIDDEN_OTHER_UNIT', { authors: foreign.map((p) => (p as Person).id) });
}

/**
 * Who records a person: for a person of a unit, that unit's officer (and Nội vụ); for a person outside every unit (a
 * citizen, a business person, a scientist, an overseas Vietnamese…), the lead agency and Nội vụ, and a unit officer,
 * who records them to nominate them (the record is then that unit's to read and correct: `recordedBy`).
 */
function requirePersonWriter(ctx: Ctx, unitId: string | null | undefined, recordedBy?: string | null): void {
  if (unitId) return requireUnitWriter(ctx.viewer, unitId, 'HOME_AFFAIRS');
  if (hasRole(ctx.viewer, 'ADMIN', 'LEAD_AGENCY', 'HOME_AFFAIRS')) return;
  if (hasRole(ctx.viewer, 'UNIT_OFFICER') && ctx.viewer.orgUnitId && (recordedBy === undefined || recordedBy === ctx.viewer.orgUnitId)) return;
  requireRole(ctx.viewer, 'LEAD_AGENCY', 'HOME_AFFAIRS');
}

/** The unit that records a person outside every unit: the officer's own (the other roles record for nobody). */
function recordingUnit(ctx: Ctx, unitId: string | null | undefined): string | null {
  return !unitId && !hasRole(ctx.viewer, 'ADMIN', 'LEAD_AGENCY', 'HOME_AFFAIRS') && hasRole(ctx.viewer, 'UNIT_OFFICER') ? (ctx.viewer.orgUnitId ?? null) : null;
}

export const personResolvers: Resolvers = {
  Query: {
    people: async (_: unknown, args: unknown, ctx: Ctx) => {
      if (ctx.viewer.anonymous) throw platformError('UNAUTHENTICATED');
      const a = validate(
        z.object({
          unitId: entityId.nullish(),
          ids: z.array(entityId).max(500).nullish(),
          kind: z.enum(PERSON_KINDS).nullish(),
          search: vnText(255, 0).nullish(),
          first: z.number().int().min(1).max(500).nullish(),
        }),
        args,
      );
      const readsAll = hasRole(ctx.viewer, ...READ_ALL_ROLES);
      const unitId = readsAll ? a.unitId : ctx.viewer.orgUnitId;
      // A unit officer's list: the unit's people and those outside every unit it recorded to nominate.
      const rows = await ctx.services.people.list({ unitId, orRecordedBy: !readsAll, ids: a.ids, kind: a.kind, search: a.search, limit: a.first ?? 50 });
      return rows.filter((p) => canReadPerson(ctx, p));
    },
    person: async (_: unknown, args: { id: unknown }, ctx: Ctx) => {
      const id = validate(entityId, args.id);
      const p = await ctx.loaders.person.load(id);
      return canReadPerson(ctx, p) ? p : null;
    },
    initiatives: async (_: unknown, args: unknown, ctx: Ctx) => {
      if (ctx.viewer.anonymous) throw platformError('UNAUTHENTICATED');
      const a = validate(z.object({ campaignId: entityId.nullish(), unitId: entityId.nullish() }), args);
      return ctx.services.people.initiatives({
        campaignIds: a.campaignId ? [a.campaignId] : undefined,
        unitIds: a.unitId ? [a.unitId] : undefined,
      });
    },
  },
  Person: {
    __resolveReference: async (ref: { id: string }, ctx: Ctx) => {
      const p = await ctx.loaders.person.load(ref.id);
      return canReadPerson(ctx, p) ? p : null;
    },
    unit: (p: Person, _: unknown, ctx: Ctx) => (p.unitId ? ctx.loaders.orgUnit.load(p.unitId) : null),
    initiatives: async (p: Person, _: unknown, ctx: Ctx) => {
      const links = await ctx.loaders.personAuthorships.load(p.id);
      const rows = await ctx.loaders.initiative.loadMany(links.map((l) => l.initiativeId));
      return rows.filter((r): r is Initiative => !!r && !(r instanceof Error));
    },
    // A person's registrations are as private as the person (their unit, or the roles that read every unit).
    registrations: (p: Person, _: unknown, ctx: Ctx) => (canReadPerson(ctx, p) ? ctx.loaders.personRegistrations.load(p.id) : []),
  },
  Initiative: {
    __resolveReference: (ref: { id: string }, ctx: Ctx) => (ctx.viewer.anonymous ? null : ctx.loaders.initiative.load(ref.id)),
    unit: async (i: Initiative, _: unknown, ctx: Ctx) => present(await ctx.loaders.orgUnit.load(i.unitId), 'OrgUnit', i.unitId),
    campaign: (i: Initiative, _: unknown, ctx: Ctx) => (i.campaignId ? ctx.loaders.campaign.load(i.campaignId) : null),
    authors: async (i: Initiative, _: unknown, ctx: Ctx) => {
      const links = await ctx.loaders.initiativeAuthors.load(i.id);
      const rows = await ctx.loaders.person.loadMany(links.map((l) => l.personId));
      // Authors from other units stay hidden: a person's record is readable by their unit and the roles that read every unit.
      return rows.filter((r): r is Person => !!r && !(r instanceof Error) && canReadPerson(ctx, r));
    },
  },
  Mutation: {
    createPerson: (_: unknown, args: { input: unknown }, ctx: Ctx) => {
      const input = validate(personInput, args.input);
      requirePersonWriter(ctx, input.unitId);
      return ctx.services.people.create(input, recordingUnit(ctx, input.unitId));
    },
    updatePerson: async (_: unknown, args: unknown, ctx: Ctx) => {
      const a = validate(z.object({ id: entityId, expectedVersion: z.number().int(), input: personInput }), args);
      const current = await ctx.loaders.person.load(a.id);
      if (!current) throw personError('PERSON_NOT_FOUND', { id: a.id });
      requirePersonWriter(ctx, current.unitId, current.recordedByUnitId);
      requirePersonWriter(ctx, a.input.unitId, current.recordedByUnitId);
      return ctx.services.people.update(a.id, a.expectedVersion, a.input);
    },
    createInitiative: async (_: unknown, args: { input: unknown }, ctx: Ctx) => {
      const input = validate(initiativeInput, args.input);
      requireUnitWriter(ctx.viewer, input.unitId, 'LEAD_AGENCY', 'HOME_AFFAIRS');
      await requireAuthorsWritable(ctx, input.authorIds);
      return ctx.services.people.saveInitiative(null, null, input);
    },
    updateInitiative: async (_: unknown, args: unknown, ctx: Ctx) => {
      const a = validate(z.object({ id: entityId, expectedVersion: z.number().int(), input: initiativeInput }), args);
      const current = await ctx.loaders.initiative.load(a.id);
      if (!current) throw personError('INITIATIVE_NOT_FOUND', { id: a.id });
      requireUnitWriter(ctx.viewer, current.unitId, 'LEAD_AGENCY', 'HOME_AFFAIRS');
      requireUnitWriter(ctx.viewer, a.input.unitId, 'LEAD_AGENCY', 'HOME_AFFAIRS');
      await requireAuthorsWritable(ctx, a.input.authorIds);
      return ctx.services.people.saveInitiative(a.id, a.expectedVersion, a.input);
    },
  },
};
