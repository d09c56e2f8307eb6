import { canReadUnit, email, entityCode as code, entityId, isoDate, legalDocument, optionalText, platformError, requireRole, requireUnitWriter, todayInVietnam, validate, validOn, vnText } from '@thidua/platform';
import { z } from 'zod';
import type { ParticipantsContext } from '../context';
import type { Resolvers } from '../generated/resolvers';
import { ORG_UNIT_KINDS, type ClusterMember, type EmulationCluster, type OrgUnit, type OrgUnitChange } from './org-unit.entity';
import { walkLineage } from './org-unit.rules';
import type { UnitView } from './org-unit.service';

type Ctx = ParticipantsContext;

const kind = z.enum(ORG_UNIT_KINDS);

const newUnit = z.object({
  code,
  name: vnText(255),
  kind,
  parentId: entityId.nullish(),
  field: optionalText(255),
  email,
});

/** What createOrgUnit takes (the bulk import checks its rows with it too). */
export const orgUnitInput = newUnit.extend({
  validFrom: isoDate.nullish(),
  taxCode: optionalText(20),
  basis: legalDocument.nullish(),
});

/** A unit as seen on `asOf` (name and parent of that day), or its current state without a date. */
export async function viewUnit(ctx: Ctx, unit: OrgUnit | null, asOf?: string | null): Promise<UnitView | null> {
  if (!unit) return null;
  if (!asOf) return unit;
  const versions = await ctx.loaders.unitVersions.load(unit.id);
  return ctx.services.orgUnits.viewOn(unit, versions, asOf) ?? { ...unit, asOf };
}

export async function loadUnits(ctx: Ctx, ids: Array<string | null>): Promise<OrgUnit[]> {
  const rows = await ctx.loaders.orgUnit.loadMany(ids.filter((x): x is string => !!x));
  return rows.filter((r): r is OrgUnit => !!r && !(r instanceof Error));
}

/** A unit's predecessors through every reorganisation (batched per level by the request's loaders). */
export async function predecessorsOf(ctx: Ctx, unitId: string): Promise<OrgUnit[]> {
  return lineage(ctx, unitId, 'SUCCESSOR', true);
}

async function lineage(ctx: Ctx, unitId: string, from: 'PREDECESSOR' | 'SUCCESSOR', transitive: boolean): Promise<OrgUnit[]> {
  const to = from === 'PREDECESSOR' ? 'SUCCESSOR' : 'PREDECESSOR';
  const step = async (ids: string[]): Promise<Map<string, string[]>> => {
    const result = new Map<string, string[]>();
    const linkLists = await Promise.all(ids.map((id) => ctx.loaders.unitLinks.load(id)));
    await Promise.all(
      ids.map(async (id, i) => {
        const changeIds = (linkLists[i] ?? []).filter((l) => l.role === from).map((l) => l.changeId);
        const others = await Promise.all(changeIds.map((c) => ctx.loaders.changeLinks.load(c)));
        result.set(id, others.flat().filter((l) => l.role === to && l.unitId !== id).map((l) => l.unitId));
      }),
    );
    return result;
  };
  let ids: string[];
  if (!transitive) {
    ids = (await step([unitId])).get(unitId) ?? [];
  } else {
    // Level by level so each level is one batch.
    const next = new Map<string, string[]>();
    let frontier = [unitId];
    while (frontier.length) {
      const m = await step(frontier);
      for (const [k, v] of m) next.set(k, v);
      frontier = [...new Set([...m.values()].flat())].filter((x) => !next.has(x));
    }
    ids = walkLineage([unitId], (id) => next.get(id) ?? []);
  }
  return loadUnits(ctx, [...new Set(ids)]);
}

function requireOrgAdmin(ctx: Ctx): void {
  requireRole(ctx.viewer, 'HOME_AFFAIRS');
}

export const orgUnitResolvers: Resolvers = {
  Query: {
    orgUnits: async (_: unknown, args: Record<string, unknown>, ctx: Ctx) => {
      const a = validate(
        z.object({
          asOf: isoDate.nullish(),
          kind: kind.nullish(),
          parentId: entityId.nullish(),
          ids: z.array(entityId).max(500).nullish(),
          search: vnText(255, 0).nullish(),
          includeInactive: z.boolean().nullish(),
          first: z.number().int().min(1).max(500).nullish(),
          after: z.string().max(64).nullish(),
        }),
        args,
      );
      const offset = a.after ? Number(Buffer.from(a.after, 'base64url').toString('utf8').replace(/^o:/, '')) + 1 : 0;
      if (!Number.isInteger(offset) || offset < 0) throw platformError('BAD_USER_INPUT', { after: a.after });
      const limit = a.first ?? 50;
      const asOf = a.asOf ?? todayInVietnam();
      const { nodes, total } = await ctx.services.orgUnits.list({
        asOf,
        kind: a.kind,
        parentId: a.parentId,
        ids: a.ids,
        search: a.search,
        includeInactive: a.includeInactive ?? false,
        offset,
        limit,
      });
      const edges = nodes.map((node, i) => ({ node, cursor: Buffer.from(`o:${offset + i}`).toString('base64url') }));
      return { edges, totalCount: total, pageInfo: { hasNextPage: offset + nodes.length < total, endCursor: edges.at(-1)?.cursor ?? null } };
    },
    orgUnit: async (_: unknown, args: { id?: string | null; code?: string | null }, ctx: Ctx) => {
      if (args.id) return z.uuid().safeParse(args.id).success ? ctx.loaders.orgUnit.load(args.id) : null;
      if (args.code) return ctx.services.orgUnits.byCode(args.code.trim().toUpperCase());
      throw platformError('BAD_USER_INPUT', { fields: [{ field: 'id', message: 'Cần id hoặc code.' }] });
    },
    clusters: (_: unknown, __: unknown, ctx: Ctx) => ctx.services.orgUnits.clusters(),
  },
  OrgUnit: {
    __resolveReference: (ref: { id: string }, ctx: Ctx) => ctx.loaders.orgUnit.load(ref.id),
    parent: async (u: UnitView, _: unknown, ctx: Ctx) => {
      if (!u.parentId) return null;
      return viewUnit(ctx, await ctx.loaders.orgUnit.load(u.parentId), u.asOf);
    },
    children: async (u: UnitView, args: { asOf?: string | null; kind?: string | null }, ctx: Ctx) => {
      const a = validate(z.object({ asOf: isoDate.nullish(), kind: kind.nullish() }), args);
      const { nodes } = await ctx.services.orgUnits.list({
        asOf: a.asOf ?? u.asOf ?? todayInVietnam(),
        parentId: u.id,
        kind: a.kind,
        offset: 0,
        limit: 5000,
      });
      return nodes;
    },
    active: (u: UnitView, args: { asOf?: string | null }) => validOn(u, validate(isoDate.nullish(), args.asOf) ?? u.asOf ?? todayInVietnam()),
    clusters: async (u: UnitView, args: { asOf?: string | null }, ctx: Ctx) => {
      const d = validate(isoDate.nullish(), args.asOf) ?? u.asOf ?? todayInVietnam();
      const memberships = (await ctx.loaders.unitMemberships.load(u.id)).filter((m: ClusterMember) => validOn(m, d));
      const rows = await ctx.loaders.cluster.loadMany(memberships.map((m) => m.clusterId));
      return rows.filter((r): r is EmulationCluster => !!r && !(r instanceof Error));
    },
    successors: (u: UnitView, args: { transitive?: boolean | null }, ctx: Ctx) => lineage(ctx, u.id, 'PREDECESSOR', !!args.transitive),
    predecessors: (u: UnitView, args: { transitive?: boolean | null }, ctx: Ctx) => lineage(ctx, u.id, 'SUCCESSOR', !!args.transitive),
    changes: async (u: UnitView, _: unknown, ctx: Ctx) => {
      const links = await ctx.loaders.unitLinks.load(u.id);
      const rows = await ctx.loaders.change.loadMany([...new Set(links.map((l) => l.changeId))]);
      return rows
        .filter((r): r is OrgUnitChange => !!r && !(r instanceof Error))
        .sort((a, b) => (a.effectiveDate < b.effectiveDate ? -1 : a.effectiveDate > b.effectiveDate ? 1 : 0));
    },
    people: (u: UnitView, _: unknown, ctx: Ctx) => (canReadUnit(ctx.viewer, u.id) ? ctx.loaders.unitPeople.load(u.id) : []),
    registrations: (u: UnitView, _: unknown, ctx: Ctx) => (canReadUnit(ctx.viewer, u.id) ? ctx.loaders.unitRegistrations.load(u.id) : []),
    unitPlans: (u: UnitView, _: unknown, ctx: Ctx) => (canReadUnit(ctx.viewer, u.id) ? ctx.loaders.unitPlansOfUnit.load(u.id) : []),
    initiatives: (u: UnitView, _: unknown, ctx: Ctx) => (ctx.viewer.anonymous ? [] : ctx.loaders.unitInitiatives.load(u.id)),
  },
  OrgUnitChange: {
    predecessors: async (c: OrgUnitChange, _: unknown, ctx: Ctx) =>
      loadUnits(ctx, (await ctx.loaders.changeLinks.load(c.id)).filter((l) => l.role === 'PREDECESSOR').map((l) => l.unitId)),
    successors: async (c: OrgUnitChange, _: unknown, ctx: Ctx) =>
      loadUnits(ctx, (await ctx.loaders.changeLinks.load(c.id)).filter((l) => l.role === 'SUCCESSOR').map((l) => l.unitId)),
    subjects: async (c: OrgUnitChange, _: unknown, ctx: Ctx) =>
      loadUnits(ctx, (await ctx.loaders.changeLinks.load(c.id)).filter((l) => l.role === 'SUBJECT').map((l) => l.unitId)),
  },
  EmulationCluster: {
    __resolveReference: (ref: { id: string }, ctx: Ctx) => ctx.loaders.cluster.load(ref.id),
    members: async (c: EmulationCluster, args: { asOf?: string | null }, ctx: Ctx) => {
      const d = validate(isoDate.nullish(), args.asOf) ?? todayInVietnam();
      const ms = (await ctx.loaders.clusterMembers.load(c.id)).filter((m) => validOn(m, d));
      const units = await loadUnits(ctx, ms.map((m) => m.unitId));
      const views = await Promise.all(units.map((u) => viewUnit(ctx, u, d)));
      return views.filter((v): v is UnitView => !!v);
    },
  },
  Mutation: {
    createOrgUnit: (_: unknown, args: { input: unknown }, ctx: Ctx) => {
      requireOrgAdmin(ctx);
      return ctx.services.orgUnits.create(validate(orgUnitInput, args.input));
    },
    updateOrgUnit: (_: unknown, args: unknown, ctx: Ctx) => {
      const a = validate(
        z.object({ id: entityId, expectedVersion: z.number().int(), patch: z.object({ field: optionalText(255), taxCode: optionalText(20), email }) }),
        args,
      );
      requireUnitWriter(ctx.viewer, a.id, 'HOME_AFFAIRS');
      return ctx.services.orgUnits.updateDetails(a.id, a.expectedVersion, a.patch);
    },
    renameOrgUnit: (_: unknown, args: unknown, ctx: Ctx) => {
      requireOrgAdmin(ctx);
      const a = validate(z.object({ id: entityId, name: vnText(255), effectiveDate: isoDate, basis: legalDocument.nullish() }), args);
      return ctx.services.orgUnits.rename(a.id, a.name, a.effectiveDate, a.basis);
    },
    moveOrgUnit: (_: unknown, args: unknown, ctx: Ctx) => {
      requireOrgAdmin(ctx);
      const a = validate(z.object({ id: entityId, parentId: entityId, effectiveDate: isoDate, basis: legalDocument.nullish() }), args);
      return ctx.services.orgUnits.move(a.id, a.parentId, a.effectiveDate, a.basis);
    },
    mergeOrgUnits: (_: unknown, args: { input: unknown }, ctx: Ctx) => {
      requireOrgAdmin(ctx);
      const a = validate(
        z.object({
          unitIds: z.array(entityId).min(1).max(100),
          intoUnitId: entityId.nullish(),
          newUnit: newUnit.nullish(),
          effectiveDate: isoDate,
          basis: legalDocument.nullish(),
          note: optionalText(2000),
        }),
        args.input,
      );
      return ctx.services.orgUnits.merge(a);
    },
    splitOrgUnit: (_: unknown, args: { input: unknown }, ctx: Ctx) => {
      requireOrgAdmin(ctx);
      const a = validate(
        z.object({
          unitId: entityId,
          into: z.array(newUnit).min(1).max(50),
          effectiveDate: isoDate,
          basis: legalDocument.nullish(),
          note: optionalText(2000),
        }),
        args.input,
      );
      return ctx.services.orgUnits.split(a);
    },
    dissolveOrgUnit: (_: unknown, args: unknown, ctx: Ctx) => {
      requireOrgAdmin(ctx);
      const a = validate(
        z.object({
          id: entityId,
          effectiveDate: isoDate,
          basis: legalDocument.nullish(),
          transferChildrenTo: entityId.nullish(),
          note: optionalText(2000),
          successorId: entityId.nullish(),
        }),
        args,
      );
      return ctx.services.orgUnits.dissolve(a.id, a.effectiveDate, a.basis, a.transferChildrenTo, a.note, a.successorId);
    },
    createCluster: (_: unknown, args: unknown, ctx: Ctx) => {
      requireRole(ctx.viewer, 'HOME_AFFAIRS', 'LEAD_AGENCY');
      const a = validate(z.object({ code, name: vnText(255), description: optionalText(2000) }), args);
      return ctx.services.orgUnits.createCluster(a.code, a.name, a.description);
    },
    addClusterMember: (_: unknown, args: unknown, ctx: Ctx) => {
      requireRole(ctx.viewer, 'HOME_AFFAIRS', 'LEAD_AGENCY');
      const a = validate(z.object({ clusterId: entityId, unitId: entityId, validFrom: isoDate.nullish() }), args);
      return ctx.services.orgUnits.addMember(a.clusterId, a.unitId, a.validFrom ?? null);
    },
    removeClusterMember: (_: unknown, args: unknown, ctx: Ctx) => {
      requireRole(ctx.viewer, 'HOME_AFFAIRS', 'LEAD_AGENCY');
      const a = validate(z.object({ clusterId: entityId, unitId: entityId, validTo: isoDate.nullish() }), args);
      return ctx.services.orgUnits.removeMember(a.clusterId, a.unitId, a.validTo ?? todayInVietnam());
    },
  },
};

