import { entityId, isoDate, present, requireRole, validate, vnText } from '@thidua/platform';
import { z } from 'zod';
import type { AwardsContext } from '../context';
import { DOCX } from '../dossier/dossier.rules';
import type { Resolvers } from '../generated/resolvers';
import { requireAgencyOf } from '../jurisdiction';
import { VOTES } from './council.entity';
import type { CouncilItem } from './council.service';

/** Council meetings are seen by the council, its secretariat (Nội vụ) and the lead agency. */
export function requireCouncilReader(ctx: AwardsContext): void {
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

const reason = vnText(2_000);

/**
 * Jurisdiction (R26) of the council's secretariat: a session belongs to one occasion, hence one campaign (opening it
 * lists only that occasion's nominations; the review keeps the campaign), and only that campaign's Nội vụ in force
 * convenes, records for and closes it. A member voting or recusing as themself acts as a member, not as Nội vụ.
 */
async function requireSecretariat(ctx: AwardsContext, reviewId: string, memberId?: string): Promise<void> {
  const review = await ctx.loaders.councilReview.load(reviewId);
  if (!review) return; // COUNCIL_NOT_FOUND from the service
  const self = memberId !== undefined && review.members.some((m) => m.id === memberId && !!m.userId && m.userId === ctx.viewer.userId);
  if (!self) await requireAgencyOf(ctx.viewer, ctx.loaders, [review.campaignId], 'HOME_AFFAIRS');
}

function memberName(item: CouncilItem, memberId: string): string {
  return item.members.find((m) => m.id === memberId)?.name ?? memberId;
}

/** The Hội đồng Thi đua - Khen thưởng: meetings, votes, recusals, minutes. */
export const councilResolvers: Resolvers = {
  Query: {
    councilReview: async (_, args, ctx) => {
      const r = await ctx.loaders.councilReview.load(validate(entityId, args.id));
      if (r) requireCouncilReader(ctx);
      return r;
    },
    councilReviews: async (_, args, ctx) => {
      requireRole(ctx.viewer, 'HOME_AFFAIRS', 'LEAD_AGENCY', 'COUNCIL');
      return ctx.loaders.occasionReviews.load(validate(entityId, args.occasionId));
    },
    // A member finds the sessions they sit on by their own account (CouncilMember.userId is the viewer's subject).
    myCouncilReviews: async (_, __, ctx) => {
      requireRole(ctx.viewer, 'COUNCIL');
      return ctx.viewer.userId ? ctx.services.council.ofMember(ctx.viewer.userId) : [];
    },
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
  Mutation: {
    openCouncilReview: async (_, args, ctx) => {
      requireRole(ctx.viewer, 'HOME_AFFAIRS');
      const input = validate(councilInput, args.input);
      // The session's campaign is its occasion's: the service admits only nominations of that occasion.
      const occasion = await ctx.loaders.occasion.load(input.occasionId);
      if (occasion) await requireAgencyOf(ctx.viewer, ctx.loaders, [occasion.campaignId], 'HOME_AFFAIRS');
      return ctx.services.council.open(input);
    },
    recuseCouncilMember: async (_, args, ctx) => {
      requireRole(ctx.viewer, 'HOME_AFFAIRS', 'COUNCIL');
      const a = validate(z.object({ reviewId: entityId, nominationId: entityId, memberId: entityId, reason }), args);
      await requireSecretariat(ctx, a.reviewId, a.memberId);
      return ctx.services.council.recuse(a.reviewId, a.nominationId, a.memberId, a.reason, ctx.viewer);
    },
    castCouncilVote: async (_, args, ctx) => {
      requireRole(ctx.viewer, 'HOME_AFFAIRS', 'COUNCIL');
      const a = validate(z.object({ reviewId: entityId, nominationId: entityId, memberId: entityId, vote: z.enum(VOTES) }), args);
      await requireSecretariat(ctx, a.reviewId, a.memberId);
      return ctx.services.council.vote(a.reviewId, a.nominationId, a.memberId, a.vote, ctx.viewer);
    },
    closeCouncilReview: async (_, args, ctx) => {
      requireRole(ctx.viewer, 'HOME_AFFAIRS');
      const a = validate(z.object({ id: entityId, expectedVersion: z.number().int() }), args);
      await requireSecretariat(ctx, a.id);
      return ctx.services.council.close(a.id, a.expectedVersion);
    },
  },
};
