import { auditResolvers } from './audit/audit.resolver';
import { campaignResolvers } from './campaign/campaign.resolver';
import type { ParticipantsContext } from './context';
import { orgUnitResolvers } from './org-unit/org-unit.resolver';
import { personResolvers } from './person/person.resolver';
import { registrationResolvers } from './registration/registration.resolver';
import { DateScalar, DateTimeScalar } from './shared/scalars';

type ResolverGroup = Record<string, Record<string, unknown>>;

function merge(...groups: ResolverGroup[]): ResolverGroup {
  const out: ResolverGroup = {};
  for (const g of groups) {
    for (const [type, fields] of Object.entries(g)) out[type] = { ...(out[type] ?? {}), ...fields };
  }
  return out;
}

/** All resolvers of the participants subgraph. */
export const resolvers = {
  ...merge(orgUnitResolvers, campaignResolvers, registrationResolvers, personResolvers, auditResolvers, {
    Query: {
      viewer: (_: unknown, __: unknown, ctx: ParticipantsContext) => ({
        userId: ctx.viewer.userId,
        roles: ctx.viewer.roles,
        anonymous: ctx.viewer.anonymous,
        unit: ctx.viewer.orgUnitId ? ctx.loaders.orgUnit.load(ctx.viewer.orgUnitId) : null,
      }),
    },
  }),
  Date: DateScalar,
  DateTime: DateTimeScalar,
};
