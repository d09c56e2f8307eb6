import { entityCode, entityId, isoDate, present, requireRole, validate, vnText } from '@thidua/platform';
import { z } from 'zod';
import { AUTHORITIES, FORM_KINDS } from '../award-form/award-form.entity';
import type { Resolvers } from '../generated/resolvers';
import { requireAgencyOf } from '../jurisdiction';
import { toAward } from './decision.service';

const decisionInput = z.object({
  number: vnText(64),
  date: isoDate,
  signer: vnText(255),
  signerTitle: vnText(255),
  nominationIds: z.array(entityId).min(1).max(500),
});

/** Award decisions, the awards they confer (public), base salaries and bonus rates. */
export const decisionResolvers: Resolvers = {
  Query: {
    awardDecision: (_, args, ctx) => ctx.loaders.decision.load(validate(entityId, args.id)),
    baseSalaries: (_, __, ctx) => ctx.services.decisions.baseSalaries(),
    bonusRates: (_, __, ctx) => ctx.services.decisions.bonusRates(),
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
      // A decision spans no campaign of its own: its nominations' (the service requires them to share one; unknown
      // ones are its DECISION_NOMINATIONS_INVALID). Only that campaign's Nội vụ in force records it (R26).
      const noms = await ctx.loaders.nomination.loadMany(input.nominationIds);
      await requireAgencyOf(ctx.viewer, ctx.loaders, noms.flatMap((n) => (n && !(n instanceof Error) ? [n.campaignId] : [])), 'HOME_AFFAIRS');
      return ctx.services.decisions.record(input, ctx.viewer.userId ?? 'unknown');
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
