import { requireCampaignAgency } from '@thidua/graph-client';
import { entityId, requireRole, validate } from '@thidua/platform';
import type { Resolvers } from '../generated/resolvers';

export const deliveryResolvers: Resolvers = {
  Delivery: {
    history: (d, _, ctx) => ctx.loaders.attempts.load(d.id),
  },
  Mutation: {
    retryDelivery: async (_, args, ctx) => {
      requireRole(ctx.viewer, 'LEAD_AGENCY');
      const id = validate(entityId, args.id);
      // A delivery is its report's: only the campaign's lead agency in force retries it (R26).
      const campaignId = await ctx.services.deliveries.campaignOf(id);
      if (campaignId) await requireCampaignAgency(ctx.viewer, ctx.loaders.campaignAgencies, campaignId);
      return ctx.services.deliveries.retry(id);
    },
  },
};
