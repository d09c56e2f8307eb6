import { entityId, hasRole, isoDate, present, requireRole, validate, vnText, type Viewer } from '@thidua/platform';
import { z } from 'zod';
import type { AwardsContext } from '../context';
import type { Resolvers } from '../generated/resolvers';
import { requireAgencyOf } from '../jurisdiction';
import { COMMENT_KINDS, summaryLine } from './consultation.rules';

const commentInput = z.object({
  consultationId: entityId,
  nominationId: entityId,
  kind: z.enum(COMMENT_KINDS),
  authorName: vnText(120, 2),
  contact: vnText(255),
  content: vnText(5_000, 10),
});

/** Who reads a comment's author and contact: Nội vụ (the council's standing body) and ADMIN only. */
const seesAuthors = (viewer: Viewer) => hasRole(viewer, 'ADMIN', 'HOME_AFFAIRS');

/** The consultation's campaign, whose Nội vụ in force answers and reads its comments (R26). */
async function requireConsultationAgency(ctx: AwardsContext, consultationId: string): Promise<void> {
  const c = await ctx.loaders.consultation.load(consultationId);
  if (c) await requireAgencyOf(ctx.viewer, ctx.loaders, [c.campaignId], 'HOME_AFFAIRS');
}

/**
 * Công khai, lấy ý kiến (R27): the published list and the published comments are open to everyone; anyone may comment
 * while it is open; Nội vụ opens it, reads every comment with its contact, and answers.
 */
export const consultationResolvers: Resolvers = {
  Query: {
    publicConsultations: (_, args, ctx) => ctx.services.consultations.ofCampaign(validate(entityId, args.campaignId)),
    consultation: (_, args, ctx) => ctx.loaders.consultation.load(validate(entityId, args.id)),
    consultationComments: async (_, args, ctx) => {
      requireRole(ctx.viewer, 'HOME_AFFAIRS');
      const id = validate(entityId, args.consultationId);
      await requireConsultationAgency(ctx, id);
      return ctx.services.consultations.comments(id);
    },
  },
  Consultation: {
    campaign: (c) => ({ id: c.campaignId }),
    occasion: async (c, _, ctx) => present(await ctx.loaders.occasion.load(c.occasionId), 'Occasion', c.occasionId),
    status: (c, _, ctx) => ctx.services.consultations.status(c),
    nominees: (c, _, ctx) => ctx.loaders.consultationNominees.load(c.id),
  },
  ConsultationNominee: {
    publishedComments: (x, _, ctx) => ctx.loaders.publishedComments.load(x.nominationId),
  },
  PublishedConsultationComment: {
    answer: (c) => c.answer ?? '',
    answeredAt: (c) => c.answeredAt ?? c.submittedAt,
  },
  ConsultationComment: {
    authorName: (c, _, ctx) => (seesAuthors(ctx.viewer) ? c.authorName : null),
    contact: (c, _, ctx) => (seesAuthors(ctx.viewer) ? c.contact : null),
  },
  NominationConsultation: {
    consultationId: (r) => r.consultation.id,
    stage: (r) => r.consultation.stage,
    startsOn: (r) => r.consultation.startsOn,
    endsOn: (r) => r.consultation.endsOn,
    comments: (r) => r.counts.comments,
    objections: (r) => r.counts.objections,
    unanswered: (r) => r.counts.unanswered,
    // The comments themselves are the dossier's, read by those who review it; the units see the dates and counts.
    entries: (r, _, ctx) => (hasRole(ctx.viewer, 'ADMIN', 'HOME_AFFAIRS', 'COUNCIL', 'LEAD_AGENCY') ? r.comments : []),
    summary: (r) => summaryLine(r.consultation, r.counts),
  },
  Nomination: {
    consultation: (n, _, ctx) => ctx.loaders.nominationConsultation.load(n.id),
  },
  Mutation: {
    openConsultation: async (_, args, ctx) => {
      requireRole(ctx.viewer, 'HOME_AFFAIRS');
      const a = validate(z.object({ occasionId: entityId, nominationIds: z.array(entityId).min(1).max(500), startsOn: isoDate, endsOn: isoDate.nullish() }), args);
      // The occasion's campaign (an unknown occasion is the service's CONSULTATION_NOMINATIONS_INVALID).
      const occasion = await ctx.loaders.occasion.load(a.occasionId);
      if (occasion) await requireAgencyOf(ctx.viewer, ctx.loaders, [occasion.campaignId], 'HOME_AFFAIRS');
      return ctx.services.consultations.open(a, ctx.viewer.userId ?? 'unknown');
    },
    // Anyone, signed in or not: the gateway limits each address, the service each contact.
    submitConsultationComment: (_, args, ctx) => ctx.services.consultations.submitComment(validate(commentInput, args)),
    answerConsultationComment: async (_, args, ctx) => {
      requireRole(ctx.viewer, 'HOME_AFFAIRS');
      const a = validate(z.object({ id: entityId, expectedVersion: z.number().int(), answer: vnText(5_000), publish: z.boolean() }), args);
      const comment = await ctx.services.consultations.comment(a.id);
      await requireConsultationAgency(ctx, comment.consultationId);
      return ctx.services.consultations.answer(a.id, a.expectedVersion, a.answer, a.publish, ctx.viewer.userId ?? 'unknown');
    },
  },
};
