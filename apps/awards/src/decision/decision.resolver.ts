import { entityCode, entityId, isoDate, present, requireRole, validate, vnText } from '@thidua/platform';
import { z } from 'zod';
import { AUTHORITIES, FORM_KINDS } from '../award-form/award-form.entity';
import type { AwardsContext } from '../context';
import { DOCX } from '../dossier/dossier.rules';
import type { Resolvers } from '../generated/resolvers';
import { requireAgencyOf } from '../jurisdiction';
import type { AwardDecision } from './decision.entity';
import { decisionError } from './decision.errors';
import { toAward } from './decision.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A decision being previewed: its number and signer may still be blank. */
const decisionInput = z.object({
  number: vnText(64).nullish(),
  date: isoDate,
  signer: vnText(255).nullish(),
  signerTitle: vnText(255).nullish(),
  nominationIds: z.array(entityId).min(1).max(500),
  exceedFund: z.boolean().nullish(),
});

/** Đồng: whole, not negative, below what a Float carries exactly. */
const money = z.number().int().min(0).max(1e15);

/**
 * Only that campaign's Nội vụ in force previews and records a decision (R26): a decision spans no campaign of its own but
 * its nominations' (the service requires them to share one; unknown ones are its DECISION_NOMINATIONS_INVALID).
 */
async function requireDecisionAgency(ctx: AwardsContext, nominationIds: string[]): Promise<void> {
  requireRole(ctx.viewer, 'HOME_AFFAIRS');
  const noms = await ctx.loaders.nomination.loadMany(nominationIds);
  await requireAgencyOf(ctx.viewer, ctx.loaders, noms.flatMap((n) => (n && !(n instanceof Error) ? [n.campaignId] : [])), 'HOME_AFFAIRS');
}

/** A decision's documents are for Nội vụ and the campaign's lead agency (the awardees themselves are public). */
async function requireDecisionReader(ctx: AwardsContext, d: AwardDecision): Promise<void> {
  requireRole(ctx.viewer, 'HOME_AFFAIRS', 'LEAD_AGENCY');
  await requireAgencyOf(ctx.viewer, ctx.loaders, [d.campaignId], 'HOME_AFFAIRS', 'LEAD_AGENCY');
}

/** Award decisions, the awards they confer (public), base salaries and bonus rates. */
export const decisionResolvers: Resolvers = {
  Query: {
    awardDecision: (_, args, ctx) => ctx.loaders.decision.load(validate(entityId, args.id)),
    baseSalaries: (_, __, ctx) => ctx.services.decisions.baseSalaries(),
    bonusRates: (_, __, ctx) => ctx.services.decisions.bonusRates(),
    awardDecisionPreview: async (_, args, ctx) => {
      const input = validate(decisionInput, args.input);
      await requireDecisionAgency(ctx, input.nominationIds);
      return ctx.services.decisions.preview(input);
    },
    rewardFunds: async (_, args, ctx) => {
      requireRole(ctx.viewer, 'HOME_AFFAIRS', 'LEAD_AGENCY');
      const a = validate(z.object({ campaignId: entityId, year: z.number().int().min(2000).max(2100).nullish() }), args);
      await requireAgencyOf(ctx.viewer, ctx.loaders, [a.campaignId], 'HOME_AFFAIRS', 'LEAD_AGENCY');
      return ctx.services.decisions.fundsOf(a.campaignId, a.year);
    },
  },
  RewardFund: {
    campaign: (f) => ({ id: f.campaignId }),
    occasion: async (f, _, ctx) => (f.occasionId ? present(await ctx.loaders.occasion.load(f.occasionId), 'Occasion', f.occasionId) : null),
  },
  AwardDecisionPreview: {
    document: (p) => ({ name: p.document.name, mimeType: DOCX, base64: p.document.buffer.toString('base64') }),
  },
  OrgUnit: {
    awards: async (u, _, ctx) => {
      const lineage = [u.id, ...(await ctx.loaders.predecessors.load(u.id)).predecessors.map((p) => p.id)];
      const lists = await ctx.loaders.unitAwards.loadMany(lineage);
      return lists.flatMap((l) => (l instanceof Error ? [] : l)).map(toAward);
    },
  },
  Person: {
    awards: async (p, _, ctx) => (await ctx.loaders.personAwards.load(p.id)).map(toAward),
  },
  Award: {
    form: async (a, _, ctx) => present(await ctx.loaders.form.load(a.formId), 'AwardForm', a.formId),
    occasion: async (a, _, ctx) => present(await ctx.loaders.occasion.load(a.occasionId), 'Occasion', a.occasionId),
    decision: async (a, _, ctx) => present(await ctx.loaders.decision.load(a.decisionId), 'AwardDecision', a.decisionId),
  },
  AwardDecision: {
    __resolveReference: (ref, ctx) => ctx.loaders.decision.load(ref.id),
    awards: async (d, _, ctx) => (await ctx.loaders.decisionAwards.load(d.id)).map(toAward),
    form: (d, _, ctx) => (d.formId ? ctx.loaders.form.load(d.formId) : null),
    occasion: (d, _, ctx) => (d.occasionId ? ctx.loaders.occasion.load(d.occasionId) : null),
    document: async (d, _, ctx) => {
      await requireDecisionReader(ctx, d);
      const { name, buffer } = await ctx.services.decisions.document(d);
      return { name, mimeType: DOCX, base64: buffer.toString('base64') };
    },
    certificateList: async (d, _, ctx) => {
      await requireDecisionReader(ctx, d);
      const { name, buffer } = await ctx.services.decisions.certificateList(d);
      return { name, mimeType: XLSX, base64: buffer.toString('base64') };
    },
  },
  Campaign: {
    awardees: async (c, args, ctx) => {
      const a = validate(z.object({ occasionId: entityId.nullish(), year: z.number().int().min(2000).max(2100).nullish() }), args);
      const rows = await ctx.loaders.campaignAwards.load(c.id);
      const occasions = a.year ? new Map((await ctx.loaders.campaignOccasions.load(c.id)).map((o) => [o.id, o.year])) : null;
      return rows.filter((n) => (!a.occasionId || n.occasionId === a.occasionId) && (!occasions || occasions.get(n.occasionId) === a.year)).map(toAward);
    },
  },
  Mutation: {
    recordAwardDecision: async (_, args, ctx) => {
      requireRole(ctx.viewer, 'HOME_AFFAIRS');
      const input = validate(decisionInput, args.input);
      await requireDecisionAgency(ctx, input.nominationIds);
      const { number, signer, signerTitle } = input;
      if (!number || !signer || !signerTitle) throw decisionError('DECISION_DETAILS_REQUIRED');
      return ctx.services.decisions.record({ ...input, number, signer, signerTitle }, ctx.viewer.userId ?? 'unknown');
    },
    setRewardFund: async (_, args, ctx) => {
      requireRole(ctx.viewer, 'HOME_AFFAIRS');
      const a = validate(
        z.object({ campaignId: entityId, year: z.number().int().min(2000).max(2100), occasionId: entityId.nullish(), amount: money, source: vnText(2_000), expectedVersion: z.number().int().nullish() }),
        args,
      );
      await requireAgencyOf(ctx.viewer, ctx.loaders, [a.campaignId], 'HOME_AFFAIRS');
      return ctx.services.decisions.setFund(a, ctx.viewer.userId ?? 'unknown');
    },
    // Base salary and bonus multipliers are national tables, no campaign's: no jurisdiction check (R26).
    setBaseSalary: (_, args, ctx) => {
      requireRole(ctx.viewer, 'HOME_AFFAIRS');
      return ctx.services.decisions.setBaseSalary(validate(z.object({ validFrom: isoDate, amount: z.number().int().min(1).max(40_000_000), legalBasis: vnText(255) }), args));
    },
    setBonusRate: (_, args, ctx) => {
      requireRole(ctx.viewer, 'HOME_AFFAIRS');
      const a = validate(
        z.object({
          instrumentCode: entityCode,
          formKind: z.enum(FORM_KINDS),
          authority: z.enum(AUTHORITIES),
          candidateKind: z.enum(['COLLECTIVE', 'INDIVIDUAL']),
          multiplier: z.number().min(0).max(50),
          note: vnText(2_000).nullish(),
        }),
        args,
      );
      return ctx.services.decisions.setBonusRate(a);
    },
  },
};
