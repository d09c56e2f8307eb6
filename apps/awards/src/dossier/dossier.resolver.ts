import { entityId, isoDate, present, requireRole, requireUnitWriter, validate } from '@thidua/platform';
import { z } from 'zod';
import type { Resolvers } from '../generated/resolvers';
import { canReadNomination } from '../nomination/nomination.rules';
import { REPORT_CONFIRMERS } from '../award-rules/award-rules.rules';
import { confirmationsOf, DOCUMENT_KINDS } from './dossier.rules';
import { requireAgencyOf, requireProposerAgency } from '../jurisdiction';

/** The documents of a nomination's dossier: attached, removed, and seen by whoever sees the nomination. */
export const dossierResolvers: Resolvers = {
  DossierDocument: {
    __resolveReference: async (ref, ctx) => {
      const d = await ctx.loaders.dossierDocument.load(ref.id);
      const n = d ? await ctx.loaders.nomination.load(d.nominationId) : null;
      return d && n && canReadNomination(ctx.viewer, n) ? d : null;
    },
    confirmations: (d) => confirmationsOf(d),
    confirmedByProposingLevel: (d) => confirmationsOf(d).includes('PROPOSING_LEVEL'),
    checked: (d) => !!d.checkedAt,
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
          confirmations: z.array(z.enum(REPORT_CONFIRMERS)).max(REPORT_CONFIRMERS.length).nullish(),
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
    confirmDossierItem: async (_, args, ctx) => {
      requireRole(ctx.viewer, 'HOME_AFFAIRS');
      const a = validate(z.object({ nominationId: entityId, kind: z.enum(DOCUMENT_KINDS) }), args);
      // Only the campaign's Nội vụ in force confirms its dossiers (R26).
      await requireAgencyOf(ctx.viewer, ctx.loaders, [(await ctx.services.nominations.get(a.nominationId)).campaignId], 'HOME_AFFAIRS');
      return ctx.services.nominations.confirmItems(a.nominationId, [a.kind]);
    },
  },
};
