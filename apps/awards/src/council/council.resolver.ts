import { entityId, isoDate, present, requireRole, validate, vnText } from '@thidua/platform';
import { z } from 'zod';
import type { AwardsContext } from '../context';
import { DOCX } from '../dossier/dossier.rules';
import type { Resolvers } from '../generated/resolvers';
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
  },
};
