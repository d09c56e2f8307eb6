import { auditEntryResolvers, canReadUnit, hasRole, present, queryAuditLog, todayInVietnam, DateScalar, DateTimeScalar, entityCode, entityId, isoDate, legalDocument, platformError, requireRole, requireUnitWriter, validate, vnText, type Viewer } from '@thidua/platform';
import { z } from 'zod';
import { AUTHORITIES, FORM_KINDS, OCCASION_KINDS } from './award-form/award-form.entity';
import { formAvailableOn } from './award-form/award-form.rules';
import type { Resolvers } from './generated/resolvers';
import { DOCUMENT_KINDS } from './dossier/dossier.rules';
import { NOMINATION_STATUSES, type Nomination } from './nomination/nomination.entity';
import { quotaUsed } from './nomination/nomination.rules';
import { VOTES } from './council/council.entity';
import type { CouncilItem } from './council/council.service';
import { toAward } from './decision/decision.service';
import type { AwardsContext } from './context';

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

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const reason = vnText(2_000);


/** Council meetings are seen by the council, its secretariat (Nội vụ) and the lead agency. */
function requireCouncilReader(ctx: AwardsContext): void {
  requireRole(ctx.viewer, 'HOME_AFFAIRS', 'LEAD_AGENCY', 'COUNCIL');
}

const councilInput = z.object({
  occasionId: entityId,
  name: vnText(255),
  meetingDate: isoDate,
  place: vnText(255),
  passPercent: z.number().int().min(1).max(100),
  members: z.array(z.object({ name: vnText(255), position: vnText(255), userId: z.string().trim().min(1).max(191).nullish() })).min(1).max(60),
  nominationIds: z.array(entityId).min(1).max(500),
});

const decisionInput = z.object({
  number: vnText(64),
  date: isoDate,
  signer: vnText(255),
  signerTitle: vnText(255),
  nominationIds: z.array(entityId).min(1).max(500),
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

function memberName(item: CouncilItem, memberId: string): string {
  return item.members.find((m) => m.id === memberId)?.name ?? memberId;
}

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
      const a = validate(z.object({ campaignId: entityId, occasionId: entityId.nullish(), status: z.enum(NOMINATION_STATUSES).nullish() }), args);
      return (await ctx.services.nominations.list(a.campaignId, a.occasionId)).filter((n) => (!a.status || n.status === a.status) && canReadNomination(ctx.viewer, n));
    },
    councilReview: async (_, args, ctx) => {
      const r = await ctx.loaders.councilReview.load(validate(entityId, args.id));
      if (r) requireCouncilReader(ctx);
      return r;
    },
    councilReviews: async (_, args, ctx) => {
      requireRole(ctx.viewer, 'HOME_AFFAIRS', 'LEAD_AGENCY', 'COUNCIL');
      return ctx.loaders.occasionReviews.load(validate(entityId, args.occasionId));
    },
    awardDecision: (_, args, ctx) => ctx.loaders.decision.load(validate(entityId, args.id)),
    quotas: async (_, args, ctx) => {
      if (ctx.viewer.anonymous) throw platformError('UNAUTHENTICATED');
      return (await ctx.loaders.occasionQuotas.load(validate(entityId, args.occasionId))).filter((q) => canReadUnit(ctx.viewer, q.proposingUnitId));
    },
    awardsAuditLog: (_, args, ctx) => queryAuditLog(ctx.services.db, ctx.viewer, args),
    baseSalaries: (_, __, ctx) => ctx.services.decisions.baseSalaries(),
    bonusRates: (_, __, ctx) => ctx.services.decisions.bonusRates(),
  },
  OrgUnit: {
    __resolveReference: (ref) => ({ id: ref.id }),
    nominations: async (u, _, ctx) => {
      const lineage = [u.id, ...(await ctx.loaders.predecessors.load(u.id))];
      const lists = await ctx.loaders.unitNominations.loadMany(lineage);
      return lists.flatMap((l) => (l instanceof Error ? [] : l)).filter((n) => canReadNomination(ctx.viewer, n));
    },
    awards: async (u, _, ctx) => {
      const lineage = [u.id, ...(await ctx.loaders.predecessors.load(u.id))];
      const lists = await ctx.loaders.unitAwards.loadMany(lineage);
      return lists.flatMap((l) => (l instanceof Error ? [] : l)).map(toAward);
    },
  },
  Person: {
    __resolveReference: (ref) => ({ id: ref.id }),
    nominations: async (p, _, ctx) => (await ctx.loaders.personNominations.load(p.id)).filter((n) => canReadNomination(ctx.viewer, n)),
    awards: async (p, _, ctx) => (await ctx.loaders.personAwards.load(p.id)).map(toAward),
  },
  AuditEntry: auditEntryResolvers,
  Award: {
    form: async (a, _, ctx) => present(await ctx.loaders.form.load(a.formId), 'AwardForm', a.formId),
    occasion: async (a, _, ctx) => present(await ctx.loaders.occasion.load(a.occasionId), 'Occasion', a.occasionId),
    decision: async (a, _, ctx) => present(await ctx.loaders.decision.load(a.decisionId), 'AwardDecision', a.decisionId),
  },
  AwardDecision: {
    __resolveReference: (ref, ctx) => ctx.loaders.decision.load(ref.id),
    awards: async (d, _, ctx) => (await ctx.loaders.decisionAwards.load(d.id)).map(toAward),
  },
  CouncilReview: {
    __resolveReference: async (ref, ctx) => {
      const r = await ctx.loaders.councilReview.load(ref.id);
      if (r) requireCouncilReader(ctx);
      return r;
    },
    occasion: async (r, _, ctx) => present(await ctx.loaders.occasion.load(r.occasionId), 'Occasion', r.occasionId),
    items: (r, _, ctx) => ctx.services.council.items(r),
    minutes: async (r, _, ctx) => {
      const { name, buffer } = await ctx.services.council.minutes(r);
      return { name, mimeType: DOCX, base64: buffer.toString('base64') };
    },
  },
  CouncilItem: {
    votes: (i: CouncilItem) => i.votes.map((v) => ({ ...v, memberName: memberName(i, v.memberId) })),
    recusals: (i: CouncilItem) => i.recusals.map((r) => ({ ...r, memberName: memberName(i, r.memberId) })),
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
    eligibility: (n, _, ctx) => ctx.services.nominations.eligibility(n),
    draft: async (n, args, ctx) => {
      const { name, buffer } = await ctx.services.nominations.draft(n, args.kind);
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
    awardees: async (c, args, ctx) => {
      const a = validate(z.object({ occasionId: entityId.nullish(), year: z.number().int().min(2000).max(2100).nullish() }), args);
      const rows = await ctx.loaders.campaignAwards.load(c.id);
      const occasions = a.year ? new Map((await ctx.loaders.campaignOccasions.load(c.id)).map((o) => [o.id, o.year])) : null;
      return rows.filter((n) => (!a.occasionId || n.occasionId === a.occasionId) && (!occasions || occasions.get(n.occasionId) === a.year)).map(toAward);
    },
  },
  Mutation: {
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
      return ctx.services.nominations.update(a.id, a.expectedVersion, a.input);
    },
    removeDossierDocument: async (_, args, ctx) => {
      const id = validate(entityId, args.id);
      const d = present(await ctx.loaders.dossierDocument.load(id), 'DossierDocument', id);
      const n = await ctx.services.nominations.get(d.nominationId);
      requireUnitWriter(ctx.viewer, n.proposingUnitId, 'LEAD_AGENCY');
      return ctx.services.nominations.detach(id);
    },
    appraiseNomination: (_, args, ctx) => {
      requireRole(ctx.viewer, 'HOME_AFFAIRS');
      const a = validate(z.object({ id: entityId, expectedVersion: z.number().int(), accept: z.boolean(), reason: reason.nullish() }), args);
      return ctx.services.nominations.appraise(a.id, a.expectedVersion, a.accept, a.reason ?? null);
    },
    rejectNomination: (_, args, ctx) => {
      requireRole(ctx.viewer, 'HOME_AFFAIRS');
      const a = validate(z.object({ id: entityId, expectedVersion: z.number().int(), reason }), args);
      return ctx.services.nominations.reject(a.id, a.expectedVersion, a.reason);
    },
    setQuota: (_, args, ctx) => {
      requireRole(ctx.viewer, 'LEAD_AGENCY', 'HOME_AFFAIRS');
      const a = validate(z.object({ occasionId: entityId, proposingUnitId: entityId, formId: entityId.nullish(), maxNominations: z.number().int().min(0).max(10_000) }), args);
      return ctx.services.nominations.setQuota(a);
    },
    openCouncilReview: (_, args, ctx) => {
      requireRole(ctx.viewer, 'HOME_AFFAIRS');
      return ctx.services.council.open(validate(councilInput, args.input));
    },
    recuseCouncilMember: (_, args, ctx) => {
      requireRole(ctx.viewer, 'HOME_AFFAIRS', 'COUNCIL');
      const a = validate(z.object({ reviewId: entityId, nominationId: entityId, memberId: entityId, reason }), args);
      return ctx.services.council.recuse(a.reviewId, a.nominationId, a.memberId, a.reason, ctx.viewer);
    },
    castCouncilVote: (_, args, ctx) => {
      requireRole(ctx.viewer, 'HOME_AFFAIRS', 'COUNCIL');
      const a = validate(z.object({ reviewId: entityId, nominationId: entityId, memberId: entityId, vote: z.enum(VOTES) }), args);
      return ctx.services.council.vote(a.reviewId, a.nominationId, a.memberId, a.vote, ctx.viewer);
    },
    closeCouncilReview: (_, args, ctx) => {
      requireRole(ctx.viewer, 'HOME_AFFAIRS');
      const a = validate(z.object({ id: entityId, expectedVersion: z.number().int() }), args);
      return ctx.services.council.close(a.id, a.expectedVersion);
    },
    recordAwardDecision: (_, args, ctx) => {
      requireRole(ctx.viewer, 'HOME_AFFAIRS');
      return ctx.services.decisions.record(validate(decisionInput, args.input), ctx.viewer.userId ?? 'unknown');
    },
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
