import { fileSlug } from '@thidua/documents';
import { requireCampaignAgency } from '@thidua/graph-client';
import { entityId, isoDate, platformError, requireRole, requireUnitWriter, validate, vnText } from '@thidua/platform';
import { z } from 'zod';
import { assessmentToWorkbook, workbookToAssessment } from './assessment.excel';
import { applies, classify } from './scoring.rules';
import type { ScoringContext } from '../context';
import type { Resolvers } from '../generated/resolvers';
import { XLSX, base64, canReadFramework, canReadUnpublished, canReadAssessment, readable, assessmentForWrite, ruleFor, assessmentTotals, sheetOf } from '../resolver-helpers';

/** Assessments (R8): the year's assessments, a unit's scores and history, self-assessment (API and Excel), submission, verification, publication, reopening. */
/** The lead agency acts on an assessment only in its own campaigns (R26); an unknown assessment is left to the service. */
async function requireAgencyOfAssessment(ctx: ScoringContext, assessmentId: string): Promise<void> {
  const a = await ctx.loaders.assessment.load(assessmentId);
  if (a) await requireCampaignAgency(ctx.viewer, ctx.loaders.campaignAgencies, a.campaignId);
}

export const assessmentResolvers: Resolvers = {
  Query: {
    assessment: async (_, args, ctx) => readable(ctx, await ctx.loaders.assessment.load(validate(entityId, args.id))),
    assessments: async (_, args, ctx) => {
      const a = validate(z.object({ campaignId: entityId, year: z.number().int(), status: z.enum(['SELF_ASSESSING', 'SUBMITTED', 'VERIFIED', 'PUBLISHED']).nullish() }), args);
      const rows = await ctx.services.assessments.list(a.campaignId, a.year, a.status);
      return rows.filter((r) => canReadAssessment(ctx.viewer, r));
    },
  },
  ScoringPeriod: {
    __resolveReference: (ref, ctx) => ctx.loaders.period.load(ref.id),
    campaign: (p) => ({ id: p.campaignId }),
    frameworks: async (p, _, ctx) =>
      (await ctx.services.frameworks.inForceByKind(p.campaignId, { year: p.year, onDate: p.selfAssessmentCloses }))
        .filter((x) => canReadFramework(ctx.viewer, x.framework))
        .map((x) => ({ unitKind: x.kind, framework: x.framework })),
  },
  Campaign: {
    frameworks: async (c, _, ctx) => {
      const listed = await ctx.services.frameworks.listedFor([c.id]);
      const frameworks = await ctx.services.frameworks.byIds(listed.map((l) => l.frameworkId));
      return frameworks.filter((f) => canReadFramework(ctx.viewer, f)).sort((a, b) => a.code.localeCompare(b.code));
    },
  },
  Assessment: {
    __resolveReference: async (ref, ctx) => readable(ctx, await ctx.loaders.assessment.load(ref.id)),
    unit: (a) => ({ id: a.unitId }),
    campaign: (a) => ({ id: a.campaignId }),
    framework: async (a, _, ctx) => {
      const f = await ctx.loaders.framework.load(a.frameworkId);
      if (!f) throw platformError('NOT_FOUND', { entity: 'IndexFramework', id: a.frameworkId });
      return f;
    },
    percent: (a) => assessmentTotals(a).percent,
    indexValue: (a) => {
      const t = assessmentTotals(a);
      return t.max ? Math.round((t.total / t.max) * 10000) / 10000 : 0;
    },
    classification: async (a, _, ctx) => classify(await ruleFor(ctx, a.campaignId), assessmentTotals(a)).label,
    passes: async (a, _, ctx) => classify(await ruleFor(ctx, a.campaignId), assessmentTotals(a)).passes,
    scores: async (a, _, ctx) => {
      const [framework, indicators, scores] = await Promise.all([
        ctx.loaders.framework.load(a.frameworkId),
        ctx.loaders.frameworkIndicators.load(a.frameworkId),
        ctx.loaders.assessmentScores.load(a.id),
      ]);
      const byIndicator = new Map(scores.map((s) => [s.indicatorId, s]));
      // The public sees the points of a published assessment; notes, values, evidence and reasons stay with the unit and the lead agency.
      const detailed = canReadUnpublished(ctx.viewer, a.unitId);
      return indicators.map((indicator) => ({ indicator, applicable: applies(indicator, framework?.appliesToKinds ?? [], a.unitKind), score: byIndicator.get(indicator.id) ?? null, detailed }));
    },
    history: async (a, _, ctx) => {
      if (!canReadUnpublished(ctx.viewer, a.unitId)) return [];
      return (await ctx.services.assessments.history(a.id)).map((e) => ({
        at: e.at,
        actorId: e.actorId,
        action: e.action,
        indicatorCode: /^(?:self-assess|verify) (.+)$/.exec(e.action)?.[1] ?? null,
        before: e.before === null ? null : JSON.stringify(e.before),
        after: e.after === null ? null : JSON.stringify(e.after),
      }));
    },
    sheet: async (a, _, ctx) => {
      if (!canReadUnpublished(ctx.viewer, a.unitId)) throw platformError('FORBIDDEN');
      const name = `Tu-danh-gia-${a.year}-${fileSlug(a.unitName)}.xlsx`;
      return { name, mimeType: XLSX, base64: (await assessmentToWorkbook(await sheetOf(ctx, a))).toString('base64') };
    },
  },
  IndicatorScore: {
    selfValue: (s) => (s.detailed ? (s.score?.selfValue ?? null) : null),
    selfPoints: (s) => s.score?.selfPoints ?? null,
    evidenceFileIds: (s) => (s.detailed ? (s.score?.evidenceFileIds ?? []) : []),
    note: (s) => (s.detailed ? (s.score?.note ?? null) : null),
    verifiedPoints: (s) => s.score?.verifiedPoints ?? null,
    adjustmentReason: (s) => (s.detailed ? (s.score?.adjustmentReason ?? null) : null),
  },
  OrgUnit: {
    assessments: async (u, args, ctx) => {
      const lineage = [u.id, ...(await ctx.loaders.predecessors.load(u.id)).predecessors.map((p) => p.id)];
      const all = (await ctx.loaders.unitAssessments.loadMany(lineage)).flatMap((x) => (x instanceof Error ? [] : x));
      return all.filter((a) => (args.year ? a.year === args.year : true) && canReadAssessment(ctx.viewer, a));
    },
  },
  Mutation: {
    openScoringPeriod: async (_, args, ctx) => {
      requireRole(ctx.viewer, 'LEAD_AGENCY');
      const a = validate(z.object({ campaignId: entityId, year: z.number().int().min(2000).max(2100), selfAssessmentOpens: isoDate, selfAssessmentCloses: isoDate }), args);
      await requireCampaignAgency(ctx.viewer, ctx.loaders.campaignAgencies, a.campaignId);
      return ctx.services.assessments.openPeriod(a.campaignId, a.year, a.selfAssessmentOpens, a.selfAssessmentCloses);
    },
    startAssessment: async (_, args, ctx) => {
      const a = validate(z.object({ campaignId: entityId, year: z.number().int(), unitId: entityId, frameworkId: entityId.nullish() }), args);
      requireUnitWriter(ctx.viewer, a.unitId, 'LEAD_AGENCY');
      // The lead agency opening another unit's assessment acts for the campaign: only the campaign's own (R26).
      if (ctx.viewer.orgUnitId !== a.unitId) await requireCampaignAgency(ctx.viewer, ctx.loaders.campaignAgencies, a.campaignId);
      return ctx.services.assessments.start(a.campaignId, a.year, a.unitId, a.frameworkId);
    },
    setCampaignFrameworks: async (_, args, ctx) => {
      requireRole(ctx.viewer, 'LEAD_AGENCY');
      const a = validate(z.object({ campaignId: entityId, frameworkIds: z.array(entityId).max(50) }), args);
      await requireCampaignAgency(ctx.viewer, ctx.loaders.campaignAgencies, a.campaignId);
      return ctx.services.frameworks.setListedFor(a.campaignId, a.frameworkIds);
    },
    selfAssess: async (_, args, ctx) => {
      const a = validate(
        z.object({
          assessmentId: entityId,
          expectedVersion: z.number().int(),
          indicatorCode: z.string().trim().min(1).max(32),
          value: z.object({ yes: z.boolean().nullish(), count: z.number().nullish(), numerator: z.number().nullish(), denominator: z.number().nullish(), points: z.number().nullish() }),
          note: vnText(2000, 0).nullish(),
          evidenceFileIds: z.array(entityId).max(50).nullish(),
        }),
        args,
      );
      await assessmentForWrite(ctx, a.assessmentId);
      return ctx.services.assessments.selfAssess(a.assessmentId, a.expectedVersion, { code: a.indicatorCode, value: a.value, note: a.note, evidenceFileIds: a.evidenceFileIds });
    },
    importSelfAssessment: async (_, args, ctx) => {
      const a = validate(z.object({ assessmentId: entityId, base64 }), args);
      await assessmentForWrite(ctx, a.assessmentId);
      const parsed = await workbookToAssessment(Buffer.from(a.base64, 'base64'));
      return ctx.services.assessments.importSheet(a.assessmentId, parsed);
    },
    submitAssessment: async (_, args, ctx) => {
      const a = validate(z.object({ id: entityId, expectedVersion: z.number().int() }), args);
      await assessmentForWrite(ctx, a.id);
      return ctx.services.assessments.submit(a.id, a.expectedVersion);
    },
    verifyScore: async (_, args, ctx) => {
      requireRole(ctx.viewer, 'LEAD_AGENCY');
      const a = validate(
        z.object({ assessmentId: entityId, expectedVersion: z.number().int(), indicatorCode: z.string().trim().min(1).max(32), points: z.number(), reason: vnText(2000, 0).nullish() }),
        args,
      );
      await requireAgencyOfAssessment(ctx, a.assessmentId);
      return ctx.services.assessments.verify(a.assessmentId, a.expectedVersion, a.indicatorCode, a.points, a.reason || null, ctx.viewer.userId ?? 'unknown');
    },
    completeVerification: async (_, args, ctx) => {
      requireRole(ctx.viewer, 'LEAD_AGENCY');
      const a = validate(z.object({ id: entityId, expectedVersion: z.number().int() }), args);
      await requireAgencyOfAssessment(ctx, a.id);
      return ctx.services.assessments.completeVerification(a.id, a.expectedVersion);
    },
    publishAssessment: async (_, args, ctx) => {
      requireRole(ctx.viewer, 'LEAD_AGENCY');
      const a = validate(z.object({ id: entityId, expectedVersion: z.number().int() }), args);
      await requireAgencyOfAssessment(ctx, a.id);
      return ctx.services.assessments.publish(a.id, a.expectedVersion);
    },
    reopenAssessment: async (_, args, ctx) => {
      requireRole(ctx.viewer, 'LEAD_AGENCY');
      const a = validate(z.object({ id: entityId, expectedVersion: z.number().int(), until: isoDate }), args);
      await requireAgencyOfAssessment(ctx, a.id);
      return ctx.services.assessments.reopen(a.id, a.expectedVersion, a.until);
    },
  },
};
