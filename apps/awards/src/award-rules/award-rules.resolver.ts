import { entityId, platformError, requireRole, validate } from '@thidua/platform';
import { z } from 'zod';
import type { Resolvers } from '../generated/resolvers';
import { requireAgencyOf } from '../jurisdiction';
import { CONSULTATION_STAGES, copiesText, REPORT_CONFIRMERS } from './award-rules.rules';
import type { AwardRulesView } from './award-rules.service';

const rulesInput = z.object({
  dossierCopies: z.number().int().min(1).max(20),
  leadReviewRequired: z.boolean(),
  reportConfirmations: z.array(z.enum(REPORT_CONFIRMERS)).min(1).max(REPORT_CONFIRMERS.length),
  consultationDays: z.number().int().min(0).max(60),
  consultationStage: z.enum(CONSULTATION_STAGES),
});

/** The rules as the graph shows them, with the copies as the plans write them ("01 bộ"). */
const shown = (r: AwardRulesView) => ({
  ...r,
  copiesText: copiesText(r.dossierCopies),
});

/** Each campaign's rules on award dossiers: read by everyone who reads the campaign, set by its Nội vụ (or ADMIN). */
export const awardRulesResolvers: Resolvers = {
  Campaign: {
    awardRules: async (c, _, ctx) => shown(await ctx.loaders.awardRules.load(c.id)),
  },
  Mutation: {
    setCampaignAwardRules: async (_, args, ctx) => {
      requireRole(ctx.viewer, 'HOME_AFFAIRS', 'ADMIN');
      const a = validate(
        z.object({
          campaignId: entityId,
          expectedVersion: z.number().int().min(0).nullish(),
          input: rulesInput,
        }),
        args,
      );
      // Only the campaign's Nội vụ in force sets them (R26); ADMIN and unbound accounts pass.
      if (!(await ctx.loaders.campaignAgencies.load(a.campaignId)))
        throw platformError('NOT_FOUND', {
          entity: 'Campaign',
          id: a.campaignId,
        });
      await requireAgencyOf(ctx.viewer, ctx.loaders, [a.campaignId], 'HOME_AFFAIRS');
      return shown(await ctx.services.awardRules.set(a.campaignId, a.expectedVersion, a.input));
    },
  },
};
