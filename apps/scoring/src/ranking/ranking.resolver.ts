import { carriedOn, requireCampaignAgency } from '@thidua/graph-client';
import { entityId, isoDate, platformError, recordAudit, requireRole, validate } from '@thidua/platform';
import { z } from 'zod';
import { CampaignScoring, type Assessment } from '../assessment/assessment.entity';
import { classify, type ClassificationRule } from '../assessment/scoring.rules';
import type { Resolvers } from '../generated/resolvers';
import { decodeCursor, MAX_RANKING_PAGE } from './ranking.rules';
import { kind, ruleFor, assessmentTotals, ruleInput } from '../resolver-helpers';

/** Rankings and classification (R9): a campaign's rankings and rule, a unit's score and rank. */
export const rankingResolvers: Resolvers = {
  ClassificationRule: {
    otherwiseLabel: (r) => r.otherwise.label,
    otherwisePasses: (r) => r.otherwise.passes,
  },
  OrgUnit: {
    score: async (u, args, ctx) => {
      const matches = (a: Assessment) => a.year === args.year && a.status === 'PUBLISHED' && (!args.campaignId || a.campaignId === args.campaignId);
      const own = (await ctx.loaders.unitAssessments.load(u.id)).find(matches);
      // A unit formed after that year carries its predecessors' results (their average when several); one that
      // existed then, only those merged into it by the year's end.
      const carried = carriedOn(await ctx.loaders.predecessors.load(u.id), `${args.year}-12-31`);
      const found = own ? [own] : (await ctx.loaders.unitAssessments.loadMany(carried)).flatMap((x) => (x instanceof Error ? [] : x.filter(matches)));
      const first = found[0];
      if (!first) return null;
      const avg = (f: (a: Assessment) => number) => Math.round((found.reduce((s, a) => s + f(a), 0) / found.length) * 100) / 100;
      const total = avg((a) => assessmentTotals(a).total);
      const maxPoints = avg((a) => a.maxPoints);
      const percent = avg((a) => assessmentTotals(a).percent);
      const c = classify(await ruleFor(ctx, first.campaignId), { total, max: maxPoints });
      return {
        year: first.year,
        assessment: first,
        inheritedFrom: own ? [] : found.map((a) => ({ id: a.unitId })),
        total,
        maxPoints,
        percent,
        classification: c.label,
        passes: c.passes,
      };
    },
    rank: async (u, args, ctx) => {
      const a = (await ctx.loaders.unitAssessments.load(u.id)).find(
        (x) => x.year === args.year && x.status === 'PUBLISHED' && (!args.campaignId || x.campaignId === args.campaignId),
      );
      if (!a) return null;
      // Batched: one ranked year per (campaign, year) in a request, however many units ask.
      return (await ctx.loaders.yearRanks.load({ campaignId: a.campaignId, year: args.year })).get(u.id) ?? null;
    },
  },
  RankingEntry: {
    unit: (r) => ({ id: r.unitId }),
  },
  RankingPart: {
    unit: (r) => ({ id: r.unitId }),
  },
  Campaign: {
    rankings: async (c, args, ctx) => {
      const a = validate(
        z.object({
          year: z.number().int(),
          kind: kind.nullish(),
          clusterId: entityId.nullish(),
          first: z.number().int().min(1).max(MAX_RANKING_PAGE).nullish(),
          after: z.string().max(128).nullish(),
          boundary: z.enum(['AS_WAS', 'SUCCESSORS']).nullish(),
          asOf: isoDate.nullish(),
        }),
        args,
      );
      const after = a.after ? decodeCursor(a.after) : null;
      if (a.after && !after) throw platformError('BAD_USER_INPUT', { after: a.after });
      const page = await ctx.services.rankings.page(
        { campaignId: c.id, year: a.year, kind: a.kind, clusterId: a.clusterId, boundary: a.boundary, asOf: a.asOf },
        { first: a.first ?? 50, after },
      );
      return { boundary: page.boundary, asOf: page.asOf, entries: page.rows, totalCount: page.totalCount, hasNextPage: page.hasNextPage, endCursor: page.endCursor };
    },
    classificationRule: (c, _, ctx) => ctx.loaders.campaignRule.load(c.id),
    scoringPeriods: (c, _, ctx) => ctx.loaders.campaignPeriods.load(c.id),
  },
  Mutation: {
    setClassificationRule: async (_, args, ctx) => {
      requireRole(ctx.viewer, 'LEAD_AGENCY');
      const a = validate(z.object({ campaignId: entityId, rule: ruleInput }), args);
      await requireCampaignAgency(ctx.viewer, ctx.loaders.campaignAgencies, a.campaignId);
      const rule: ClassificationRule = { basis: a.rule.basis, bands: a.rule.bands, otherwise: { label: a.rule.otherwiseLabel, passes: a.rule.otherwisePasses } };
      return ctx.services.db.transaction(async (m) => {
        const before = await m.findOne(CampaignScoring, { where: { campaignId: a.campaignId } });
        const row = m.create(CampaignScoring, { ...(before ?? {}), campaignId: a.campaignId, rule });
        await m.save(row);
        await recordAudit(m, { entityType: 'CampaignScoring', entityId: a.campaignId, action: before ? 'update' : 'create', before, after: row });
        ctx.loaders.campaignRule.clear(a.campaignId);
        return rule;
      });
    },
  },
};
