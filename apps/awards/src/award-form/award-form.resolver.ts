import { entityCode, entityId, isoDate, legalDocument, requireRole, validate, vnText } from '@thidua/platform';
import { z } from 'zod';
import type { Resolvers } from '../generated/resolvers';
import { requireAgencyOf } from '../jurisdiction';
import { AUTHORITIES, FORM_KINDS, OCCASION_KINDS } from './award-form.entity';
import { formAvailableOn } from './award-form.rules';

const formInput = z.object({
  campaignId: entityId,
  code: entityCode,
  name: vnText(500),
  kind: z.enum(FORM_KINDS),
  authority: z.enum(AUTHORITIES),
  authorityTitle: vnText(255),
  forCollectives: z.boolean(),
  forIndividuals: z.boolean(),
  legalBasis: legalDocument.nullish(),
  validFrom: isoDate.nullish(),
  validTo: isoDate.nullish(),
});

const occasionInput = z.object({
  campaignId: entityId,
  kind: z.enum(OCCASION_KINDS),
  name: vnText(255),
  year: z.number().int().min(2000).max(2100),
  startDate: isoDate.nullish(),
  endDate: isoDate,
});

/** Award forms, occasions and the legal instruments they are judged by. */
export const awardFormResolvers: Resolvers = {
  Query: {
    legalInstruments: async (_, args, ctx) => {
      const asOf = validate(isoDate.nullish(), args.asOf);
      const all = await ctx.services.forms.instruments();
      return asOf ? all.filter((i) => i.validFrom <= asOf && (i.validTo === null || asOf <= i.validTo)) : all;
    },
    awardForm: (_, args, ctx) => ctx.loaders.form.load(validate(entityId, args.id)),
    occasion: (_, args, ctx) => ctx.loaders.occasion.load(validate(entityId, args.id)),
  },
  AwardForm: {
    __resolveReference: (ref, ctx) => ctx.loaders.form.load(ref.id),
    campaign: (f) => ({ id: f.campaignId }),
    availableOn: (f, args) => formAvailableOn(f, validate(isoDate, args.date)),
  },
  Occasion: {
    __resolveReference: (ref, ctx) => ctx.loaders.occasion.load(ref.id),
    campaign: (o) => ({ id: o.campaignId }),
  },
  Campaign: {
    __resolveReference: (ref) => ({ id: ref.id }),
    awardForms: async (c, args, ctx) => {
      const on = validate(isoDate.nullish(), args.availableOn);
      const forms = await ctx.loaders.campaignForms.load(c.id);
      return on ? forms.filter((f) => formAvailableOn(f, on)) : forms;
    },
    occasions: async (c, args, ctx) => (await ctx.loaders.campaignOccasions.load(c.id)).filter((o) => !args.kind || o.kind === args.kind),
  },
  Mutation: {
    createAwardForm: async (_, args, ctx) => {
      requireRole(ctx.viewer, 'LEAD_AGENCY', 'HOME_AFFAIRS');
      const input = validate(formInput, args.input);
      await requireAgencyOf(ctx.viewer, ctx.loaders, [input.campaignId], 'LEAD_AGENCY', 'HOME_AFFAIRS');
      return ctx.services.forms.createForm(input);
    },
    createOccasion: async (_, args, ctx) => {
      requireRole(ctx.viewer, 'LEAD_AGENCY', 'HOME_AFFAIRS');
      const input = validate(occasionInput, args.input);
      await requireAgencyOf(ctx.viewer, ctx.loaders, [input.campaignId], 'LEAD_AGENCY', 'HOME_AFFAIRS');
      return ctx.services.forms.createOccasion(input);
    },
  },
};
