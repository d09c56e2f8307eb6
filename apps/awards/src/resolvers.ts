import { canReadUnit, DateScalar, DateTimeScalar, entityCode, entityId, isoDate, legalDocument, platformError, requireRole, requireUnitWriter, validate, vnText, type Viewer } from '@thidua/platform';
import { z } from 'zod';
import { AUTHORITIES, FORM_KINDS, OCCASION_KINDS } from './award-form/award-form.entity';
import { formAvailableOn } from './award-form/award-form.rules';
import type { Resolvers } from './generated/resolvers';
import { DOCUMENT_KINDS } from './dossier/dossier.rules';
import type { Nomination } from './nomination/nomination.entity';

/** A nomination is seen by its proposing unit, its candidate unit and the roles that read every unit. */
function canReadNomination(viewer: Viewer, n: Nomination): boolean {
  return canReadUnit(viewer, n.proposingUnitId) || (!!n.candidateUnitId && canReadUnit(viewer, n.candidateUnitId));
}


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

const nominationInput = z.object({
  campaignId: entityId,
  occasionId: entityId,
  formId: entityId,
  proposingUnitId: entityId,
  candidateUnitId: entityId.nullish(),
  candidatePersonId: entityId.nullish(),
  achievementSummary: vnText(20_000),
  initiativeIds: z.array(entityId).max(50).nullish(),
  nominationDate: isoDate.nullish(),
  pendingProceedings: z.boolean().nullish(),
});

export const resolvers: Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Query: {
    legalInstruments: async (_, args, ctx) => {
      const asOf = validate(isoDate.nullish(), args.asOf);
      const all = await ctx.services.forms.instruments();
      return asOf ? all.filter((i) => i.validFrom <= asOf && (i.validTo === null || asOf <= i.validTo)) : all;
    },
    awardForm: (_, args, ctx) => ctx.loaders.form.load(validate(entityId, args.id)),
    occasion: (_, args, ctx) => ctx.loaders.occasion.load(validate(entityId, args.id)),
    nomination: async (_, args, ctx) => {
      const n = await ctx.loaders.nomination.load(validate(entityId, args.id));
      return n && canReadNomination(ctx.viewer, n) ? n : null;
    },
    nominations: async (_, args, ctx) => {
      if (ctx.viewer.anonymous) throw platformError('UNAUTHENTICATED');
      const a = validate(z.object({ campaignId: entityId, occasionId: entityId.nullish() }), args);
      return (await ctx.services.nominations.list(a.campaignId, a.occasionId)).filter((n) => canReadNomination(ctx.viewer, n));
    },
  },
  OrgUnit: {
    __resolveReference: (ref) => ({ id: ref.id }),
    nominations: async (u, _, ctx) => {
      const lineage = [u.id, ...(await ctx.loaders.predecessors.load(u.id))];
      const lists = await ctx.loaders.unitNominations.loadMany(lineage);
      return lists.flatMap((l) => (l instanceof Error ? [] : l)).filter((n) => canReadNomination(ctx.viewer, n));
    },
  },
  Person: {
    __resolveReference: (ref) => ({ id: ref.id }),
    nominations: async (p, _, ctx) => (await ctx.loaders.personNominations.load(p.id)).filter((n) => canReadNomination(ctx.viewer, n)),
  },
  Nomination: {
    __resolveReference: async (ref, ctx) => {
      const n = await ctx.loaders.nomination.load(ref.id);
      return n && canReadNomination(ctx.viewer, n) ? n : null;
    },
    campaign: (n) => ({ id: n.campaignId }),
    occasion: async (n, _, ctx) => {
      const o = await ctx.loaders.occasion.load(n.occasionId);
      if (!o) throw platformError('NOT_FOUND', { entity: 'Occasion', id: n.occasionId });
      return o;
    },
    form: async (n, _, ctx) => {
      const f = await ctx.loaders.form.load(n.formId);
      if (!f) throw platformError('NOT_FOUND', { entity: 'AwardForm', id: n.formId });
      return f;
    },
    proposingUnit: (n) => ({ id: n.proposingUnitId }),
    candidateUnit: (n) => (n.candidateUnitId ? { id: n.candidateUnitId } : null),
    candidatePerson: (n) => (n.candidatePersonId ? { id: n.candidatePersonId } : null),
    eligibility: (n, _, ctx) => ctx.services.nominations.eligibility(n),
    draft: async (n, args, ctx) => {
      const { name, buffer } = await ctx.services.nominations.draft(n, args.kind);
      return { name, mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', base64: buffer.toString('base64') };
    },
    dossier: async (n, _, ctx) => ({ ...(await ctx.services.nominations.dossier(n)), documents: await ctx.services.nominations.documents(n.id) }),
  },
  DossierDocument: {
    __resolveReference: async (ref, ctx) => {
      const d = await ctx.loaders.dossierDocument.load(ref.id);
      const n = d ? await ctx.loaders.nomination.load(d.nominationId) : null;
      return d && n && canReadNomination(ctx.viewer, n) ? d : null;
    },
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
    createAwardForm: (_, args, ctx) => {
      requireRole(ctx.viewer, 'LEAD_AGENCY', 'HOME_AFFAIRS');
      return ctx.services.forms.createForm(validate(formInput, args.input));
    },
    createNomination: (_, args, ctx) => {
      const input = validate(nominationInput, args.input);
      requireUnitWriter(ctx.viewer, input.proposingUnitId, 'LEAD_AGENCY', 'HOME_AFFAIRS');
      return ctx.services.nominations.create(input);
    },
    submitNomination: async (_, args, ctx) => {
      const a = validate(z.object({ id: entityId, expectedVersion: z.number().int() }), args);
      const n = await ctx.services.nominations.get(a.id);
      requireUnitWriter(ctx.viewer, n.proposingUnitId, 'LEAD_AGENCY', 'HOME_AFFAIRS');
      return ctx.services.nominations.submit(a.id, a.expectedVersion);
    },
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
      return ctx.services.nominations.attach(a.nominationId, a, ctx.viewer.userId ?? 'unknown');
    },
    createOccasion: (_, args, ctx) => {
      requireRole(ctx.viewer, 'LEAD_AGENCY', 'HOME_AFFAIRS');
      return ctx.services.forms.createOccasion(validate(occasionInput, args.input));
    },
  },
};
