import { canReadUnit, entityId, hasRole, isoDate, platformError, present, requireRole, requireUnitWriter, todayInVietnam, validate, vnText } from '@thidua/platform';
import { z } from 'zod';
import { DOCUMENT_KINDS, DOCX } from '../dossier/dossier.rules';
import { copiesText } from '../award-rules/award-rules.rules';
import type { Resolvers } from '../generated/resolvers';
import { requireAgencyOf, requireProposerAgency } from '../jurisdiction';
import { NOMINATION_STATUSES } from './nomination.entity';
import { canReadNomination, quotaUsed } from './nomination.rules';

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

const reason = vnText(2_000);

/** Nominations, their explained eligibility and workflow, and the proposing units' quotas. */
export const nominationResolvers: Resolvers = {
  Query: {
    nomination: async (_, args, ctx) => {
      const n = await ctx.loaders.nomination.load(validate(entityId, args.id));
      return n && canReadNomination(ctx.viewer, n) ? n : null;
    },
    nominations: async (_, args, ctx) => {
      if (ctx.viewer.anonymous) throw platformError('UNAUTHENTICATED');
      const a = validate(z.object({ campaignId: entityId, occasionId: entityId.nullish(), status: z.enum(NOMINATION_STATUSES).nullish() }), args);
      return (await ctx.services.nominations.list(a.campaignId, a.occasionId)).filter((n) => (!a.status || n.status === a.status) && canReadNomination(ctx.viewer, n));
    },
    quotas: async (_, args, ctx) => {
      if (ctx.viewer.anonymous) throw platformError('UNAUTHENTICATED');
      return (await ctx.loaders.occasionQuotas.load(validate(entityId, args.occasionId))).filter((q) => canReadUnit(ctx.viewer, q.proposingUnitId));
    },
  },
  OrgUnit: {
    __resolveReference: (ref) => ({ id: ref.id }),
    nominations: async (u, _, ctx) => {
      const lineage = [u.id, ...(await ctx.loaders.predecessors.load(u.id)).predecessors.map((p) => p.id)];
      const lists = await ctx.loaders.unitNominations.loadMany(lineage);
      return lists.flatMap((l) => (l instanceof Error ? [] : l)).filter((n) => canReadNomination(ctx.viewer, n));
    },
  },
  Person: {
    __resolveReference: (ref) => ({ id: ref.id }),
    nominations: async (p, _, ctx) => (await ctx.loaders.personNominations.load(p.id)).filter((n) => canReadNomination(ctx.viewer, n)),
  },
  Quota: {
    occasion: async (q, _, ctx) => present(await ctx.loaders.occasion.load(q.occasionId), 'Occasion', q.occasionId),
    proposingUnit: (q) => ({ id: q.proposingUnitId }),
    form: (q, _, ctx) => (q.formKey ? ctx.loaders.form.load(q.formKey) : null),
    used: async (q, _, ctx) => quotaUsed(q, await ctx.loaders.occasionNominations.load(q.occasionId)),
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
    eligibility: (n, _, ctx) => ctx.services.nominations.eligibility(n, ctx.loaders),
    draft: async (n, args, ctx) => {
      const { name, buffer } = await ctx.services.nominations.draft(n, args.kind, ctx.loaders);
      return { name, mimeType: DOCX, base64: buffer.toString('base64') };
    },
    history: (n, _, ctx) => ctx.loaders.steps.load(n.id),
    returnReason: async (n, _, ctx) => (n.status === 'RETURNED' ? ((await ctx.loaders.steps.load(n.id)).filter((st) => st.action === 'return').at(-1)?.reason ?? null) : null),
    rejectionReason: async (n, _, ctx) => (n.status === 'REJECTED' ? ((await ctx.loaders.steps.load(n.id)).filter((st) => st.toStatus === 'REJECTED').at(-1)?.reason ?? null) : null),
    // The meeting's record (members, votes, other nominations) is the council's, not the units'.
    councilReview: (n, _, ctx) => (n.councilReviewId && hasRole(ctx.viewer, 'ADMIN', 'HOME_AFFAIRS', 'LEAD_AGENCY', 'COUNCIL') ? ctx.loaders.councilReview.load(n.councilReviewId) : null),
    decision: (n, _, ctx) => (n.decisionId ? ctx.loaders.decision.load(n.decisionId) : null),
    bonus: async (n, _, ctx) => {
      if (n.status === 'DECIDED') return n.bonusAmount === null ? null : { amount: n.bonusAmount, basis: n.bonusBasis ?? '', final: true };
      if (n.status === 'REJECTED') return null;
      const b = (await ctx.services.decisions.bonus(n, todayInVietnam(), await ctx.loaders.bonusTables.load('all'))).bonus;
      return b ? { amount: b.amount, basis: b.basis, final: false } : null;
    },
    dossier: async (n, _, ctx) => {
      const rules = await ctx.loaders.awardRules.load(n.campaignId);
      return {
        ...(await ctx.services.nominations.dossier(n, ctx.loaders, rules)),
        documents: await ctx.services.nominations.documents(n.id),
        copies: rules.dossierCopies,
        copiesText: copiesText(rules.dossierCopies),
      };
    },
  },
  Mutation: {
    createNomination: async (_, args, ctx) => {
      const input = validate(nominationInput, args.input);
      requireUnitWriter(ctx.viewer, input.proposingUnitId, 'LEAD_AGENCY', 'HOME_AFFAIRS');
      await requireProposerAgency(ctx.viewer, ctx.loaders, input.proposingUnitId, input.campaignId, 'LEAD_AGENCY', 'HOME_AFFAIRS');
      return ctx.services.nominations.create(input);
    },
    updateNomination: async (_, args, ctx) => {
      const a = validate(
        z.object({
          id: entityId,
          expectedVersion: z.number().int(),
          input: z.object({ achievementSummary: vnText(20_000).nullish(), initiativeIds: z.array(entityId).max(50).nullish(), nominationDate: isoDate.nullish(), pendingProceedings: z.boolean().nullish() }),
        }),
        args,
      );
      const n = await ctx.services.nominations.get(a.id);
      requireUnitWriter(ctx.viewer, n.proposingUnitId, 'LEAD_AGENCY');
      await requireProposerAgency(ctx.viewer, ctx.loaders, n.proposingUnitId, n.campaignId, 'LEAD_AGENCY');
      return ctx.services.nominations.update(a.id, a.expectedVersion, a.input);
    },
    submitNomination: async (_, args, ctx) => {
      const a = validate(z.object({ id: entityId, expectedVersion: z.number().int() }), args);
      const n = await ctx.services.nominations.get(a.id);
      requireUnitWriter(ctx.viewer, n.proposingUnitId, 'LEAD_AGENCY', 'HOME_AFFAIRS');
      await requireProposerAgency(ctx.viewer, ctx.loaders, n.proposingUnitId, n.campaignId, 'LEAD_AGENCY', 'HOME_AFFAIRS');
      return ctx.services.nominations.submit(a.id, a.expectedVersion);
    },
    appraiseNomination: async (_, args, ctx) => {
      requireRole(ctx.viewer, 'HOME_AFFAIRS');
      const a = validate(
        z.object({ id: entityId, expectedVersion: z.number().int(), accept: z.boolean(), reason: reason.nullish(), confirmedItems: z.array(z.enum(DOCUMENT_KINDS)).max(DOCUMENT_KINDS.length).nullish() }),
        args,
      );
      // Only the campaign's Nội vụ in force appraises or returns its dossiers (R26).
      await requireAgencyOf(ctx.viewer, ctx.loaders, [(await ctx.services.nominations.get(a.id)).campaignId], 'HOME_AFFAIRS');
      return ctx.services.nominations.appraise(a.id, a.expectedVersion, a.accept, a.reason ?? null, a.confirmedItems ?? []);
    },
    leadReviewNomination: async (_, args, ctx) => {
      requireRole(ctx.viewer, 'LEAD_AGENCY');
      const a = validate(z.object({ id: entityId, expectedVersion: z.number().int(), forward: z.boolean(), reason: reason.nullish() }), args);
      // Only the campaign's lead agency in force compiles and reviews its dossiers (R26).
      await requireAgencyOf(ctx.viewer, ctx.loaders, [(await ctx.services.nominations.get(a.id)).campaignId], 'LEAD_AGENCY');
      return ctx.services.nominations.leadReview(a.id, a.expectedVersion, a.forward, a.reason ?? null);
    },
    rejectNomination: async (_, args, ctx) => {
      requireRole(ctx.viewer, 'HOME_AFFAIRS');
      const a = validate(z.object({ id: entityId, expectedVersion: z.number().int(), reason }), args);
      await requireAgencyOf(ctx.viewer, ctx.loaders, [(await ctx.services.nominations.get(a.id)).campaignId], 'HOME_AFFAIRS');
      return ctx.services.nominations.reject(a.id, a.expectedVersion, a.reason);
    },
    setQuota: async (_, args, ctx) => {
      requireRole(ctx.viewer, 'LEAD_AGENCY', 'HOME_AFFAIRS');
      const a = validate(z.object({ occasionId: entityId, proposingUnitId: entityId, formId: entityId.nullish(), maxNominations: z.number().int().min(0).max(10_000) }), args);
      // The occasion's campaign (an unknown occasion is the service's QUOTA_INVALID).
      const occasion = await ctx.loaders.occasion.load(a.occasionId);
      if (occasion) await requireAgencyOf(ctx.viewer, ctx.loaders, [occasion.campaignId], 'LEAD_AGENCY', 'HOME_AFFAIRS');
      return ctx.services.nominations.setQuota(a);
    },
  },
};
