import { entityId, requireRole, validate } from '@thidua/platform';
import { z } from 'zod';
import type { Resolvers } from '../generated/resolvers';

const filter = z.object({ year: z.number().int().min(2000).max(2100).nullish(), sender: z.string().min(1).max(64).nullish() });

/** The province reads what cities sent it (R16, R19): received, verified, downloadable. */
export const inboxResolvers: Resolvers = {
  Query: {
    receivedReports: async (_, args, ctx) => {
      requireRole(ctx.viewer, 'PROVINCE');
      return ctx.services.inbox.list(validate(filter, args));
    },
    receivedReport: async (_, args, ctx) => {
      requireRole(ctx.viewer, 'PROVINCE');
      return ctx.services.inbox.byId(validate(entityId, args.id));
    },
  },
  ReceivedReport: {
    sender: (r, _, ctx) => ({ code: r.senderCode, name: ctx.services.inbox.senderName(r.senderCode) ?? r.senderName }),
    signedAt: (r) => new Date(Number(r.signedAt) * 1000),
    documents: async (r, _, ctx) => {
      const docs = await ctx.loaders.receivedDocuments.load(r.id);
      // The bytes are read only when base64 is asked for (graphql-js calls a function-valued field): a list of
      // names and types does not load every file.
      return docs.map((d) => ({ name: d.name, mimeType: d.mimeType, base64: (async () => (await ctx.services.inbox.content(d)).toString('base64')) as unknown as string }));
    },
  },
};
