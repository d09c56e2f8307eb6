import { entityId, isoDate, present, requireUnitWriter, validate } from '@thidua/platform';
import { z } from 'zod';
import type { Resolvers } from '../generated/resolvers';
import { canReadNomination } from '../nomination/nomination.rules';
import { DOCUMENT_KINDS } from './dossier.rules';
import { requireProposerAgency } from '../jurisdiction';

/** The documents of a nomination's dossier: attached, removed, and seen by whoever sees the nomination. */
export const dossierResolvers: Resolvers = {
  DossierDocument: {
    __resolveReference: async (ref, ctx) => {
      const d = await ctx.loaders.dossierDocument.load(ref.id);
      const n = d ? await ctx.loaders.nomination.load(d.nominationId) : null;
      return d && n && canReadNomination(ctx.viewer, n) ? d : null;
    },
  },
  Mutation: {
    attachDossierDocument: async (_, args, ctx) => {
      const a = validate(
        z.object({
          nominationId: entityId,
          kind: z.enum(DOCUMENT_KINDS),
          fileId: entityId,
          issuedDate: isoDate.nullish(),
          validUntil: isoDate.nullish(),
          confirmedByProposingLevel: z.boolean().nullish(),
        }),
        args,
      );
      const n = await ctx.services.nominations.get(a.nominationId);
      requireUnitWriter(ctx.viewer, n.proposingUnitId, 'LEAD_AGENCY', 'HOME_AFFAIRS');
      await requireProposerAgency(ctx.viewer, ctx.loaders, n.proposingUnitId, n.campaignId, 'LEAD_AGENCY', 'HOME_AFFAIRS');
      return ctx.services.nominations.attach(a.nominationId, a, ctx.viewer.userId ?? 'unknown');
    },
    removeDossierDocument: async (_, args, ctx) => {
      const id = validate(entityId, args.id);
      const d = present(await ctx.loaders.dossierDocument.load(id), 'DossierDocument', id);
      const n = await ctx.services.nominations.get(d.nominationId);
      requireUnitWriter(ctx.viewer, n.proposingUnitId, 'LEAD_AGENCY');
      await requireProposerAgency(ctx.viewer, ctx.loaders, n.proposingUnitId, n.campaignId, 'LEAD_AGENCY');
      return ctx.services.nominations.detach(id);
    },
  },
};
