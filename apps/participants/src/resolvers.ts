import { DateScalar, DateTimeScalar, mergeResolvers } from '@thidua/platform';
import { auditResolvers } from './audit/audit.resolver';
import { campaignResolvers } from './campaign/campaign.resolver';
import type { ParticipantsContext } from './context';
import { directoryImportResolvers } from './directory-import/directory-import.resolver';
import type { Resolvers } from './generated/resolvers';
import { orgUnitResolvers } from './org-unit/org-unit.resolver';
import { personResolvers } from './person/person.resolver';
import { registrationResolvers } from './registration/registration.resolver';

/** All resolvers of the participants subgraph. */
export const resolvers: Resolvers = {
  ...mergeResolvers<Resolvers>(orgUnitResolvers, campaignResolvers, registrationResolvers, personResolvers, auditResolvers, directoryImportResolvers, {
    Query: {
      viewer: async (_: unknown, __: unknown, ctx: ParticipantsContext) => ({
        userId: ctx.viewer.userId,
        roles: ctx.viewer.roles,
        anonymous: ctx.viewer.anonymous,
        unit: ctx.viewer.orgUnitId ? await ctx.loaders.orgUnit.load(ctx.viewer.orgUnitId) : null,
      }),
    },
  }),
  Date: DateScalar,
  DateTime: DateTimeScalar,
};
