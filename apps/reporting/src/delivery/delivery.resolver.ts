import { entityId, requireRole, validate } from '@thidua/platform';
import type { Resolvers } from '../generated/resolvers';

export const deliveryResolvers: Resolvers = {
  Delivery: {
    history: (d, _, ctx) => ctx.loaders.attempts.load(d.id),
  },
  Mutation: {
    retryDelivery: (_, args, ctx) => {
      requireRole(ctx.viewer, 'LEAD_AGENCY');
      return ctx.services.deliveries.retry(validate(entityId, args.id));
    },
  },
};
