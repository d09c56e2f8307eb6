import { fileSlug } from '@thidua/documents';
import {
  canReadUnit,
  DateScalar,
  DateTimeScalar,
  entityCode,
  entityId,
  hasRole,
  isoDate,
  platformError,
  recordAudit,
  todayInVietnam,

  requireRole,
  requireUnitWriter,
  validate,
  vnText,
  AppError,
  type Viewer,
} from '@thidua/platform';
import { z } from 'zod';
import type { AssessmentSheet } from './assessment/assessment-sheet.types';
import { CampaignScoring, type Assessment } from './assessment/assessment.entity';
import { assessmentToWorkbook, workbookToAssessment } from './assessment/assessment.excel';
import { applies, classify, type ClassificationRule } from './assessment/scoring.rules';
import type { ScoringContext } from './context';
import { frameworkToWorkbook, workbookToFramework } from './framework/framework.excel';
import { frameworkMax, indicatorKinds } from './framework/framework.service';
import { ORG_UNIT_KINDS, TARGET_LEVELS } from './framework/framework.types';
import type { IndexFramework } from './framework/framework.entity';
import type { Resolvers } from './generated/resolvers';
import { decodeCursor, MAX_RANKING_PAGE } from './ranking/ranking.rules';
import { DEFAULT_RULE } from './ranking/ranking.service';
import { scoreImportResolvers } from './score-import/score-import.resolver';
import type { AssignedTask } from './task/task.entity';
import { taskError } from './task/task.errors';
import { completedOnTime, overdue, taskCompletion } from './task/task.rules';

type Ctx = ScoringContext;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const base64 = z.string().max(1_400_000).regex(/^[A-Za-z0-9+/=\s]*$/, 'Nội dung tệp phải là base64.');
const kind = z.enum(ORG_UNIT_KINDS);

/** Before publication an assessment is the unit's and the lead agency's business (R19); then everyone's. */
function canReadUnpublished(viewer: Viewer, unitId: string): boolean {
  return hasRole(viewer, 'ADMIN', 'LEAD_AGENCY', 'SERVICE') || (hasRole(viewer, 'UNIT_OFFICER') && viewer.orgUnitId === unitId);
}

function canReadAssessment(viewer: Viewer, a: Assessment): boolean {
  return a.status === 'PUBLISHED' || canReadUnpublished(viewer, a.unitId);
}

/** Draft frameworks are the lead agency's working copies. */
function canReadFramework(viewer: Viewer, f: IndexFramework | null): f is IndexFramework {
  return !!f && (f.status === 'PUBLISHED' || hasRole(viewer, 'ADMIN', 'LEAD_AGENCY'));
}

async function readable(ctx: Ctx, a: Assessment | null): Promise<Assessment | null> {
  return a && canReadAssessment(ctx.viewer, a) ? a : null;
}

/** Who may see a task: its owner and cooperating units, and the roles that read every unit. */
function canReadTask(viewer: Viewer, t: AssignedTask): boolean {
  return canReadUnit(viewer, t.ownerUnitId) || t.cooperatingUnitIds.some((u) => canReadUnit(viewer, u));
}

/** The assessment a write is about; another unit's officer is told the assessment is not theirs to change. */
async function assessmentForWrite(ctx: Ctx, id: string): Promise<Assessment> {
  const a = await ctx.loaders.assessment.load(id);
  if (!a) throw platformError('NOT_FOUND', { entity: 'Assessment', id });
  requireUnitWriter(ctx.viewer, a.unitId);
  return a;
}

async function ruleFor(ctx: Ctx, campaignId: string): Promise<ClassificationRule> {
  return (await ctx.loaders.campaignRule.load(campaignId)) ?? DEFAULT_RULE;
}

function assessmentTotals(a: Assessment) {
  const total = a.verifiedTotal ?? a.selfTotal;
  return { total, max: a.maxPoints, percent: a.maxPoints ? Math.round((total / a.maxPoints) * 100 * 100) / 100 : 0 };
}

async function sheetOf(ctx: Ctx, a: Assessment): Promise<AssessmentSheet> {
  const [framework, groups, indicators, scores] = await Promise.all([
    ctx.loaders.framework.load(a.frameworkId),
    ctx.loaders.frameworkGroups.load(a.frameworkId),
    ctx.loaders.frameworkIndicators.load(a.frameworkId),
    ctx.loaders.assessmentScores.load(a.id),
  ]);
  const byId = new Map(groups.map((g) => [g.id, g]));
  const path = (groupId: string): string[] => {
    const out: string[] = [];
    for (let g = byId.get(groupId); g; g = g.parentId ? byId.get(g.parentId) : undefined) out.unshift(g.name);
    return out;
  };
  const scoreOf = new Map(scores.map((s) => [s.indicatorId, s]));
  const kinds = framework?.appliesToKinds ?? [];
  return {
    assessmentId: a.id,
    version: a.version,
    unitName: a.unitName,
    frameworkName: framework?.name ?? '',
    year: a.year,
    maxPoints: a.maxPoints,
    indicators: indicators
      .filter((i) => applies(i, kinds, a.unitKind))
      .map((i) => ({
        code: i.code,
        name: i.name,
        groupPath: path(i.groupId),
        maxPoints: i.maxPoints,
        ruleType: i.ruleType,
        ruleConfig: i.ruleConfig,
        evidence: i.evidence,
        value: scoreOf.get(i.id)?.selfValue ?? null,
        selfPoints: scoreOf.get(i.id)?.selfPoints ?? null,
        note: scoreOf.get(i.id)?.note ?? null,
      })),
  };
}

const ruleInput = z.object({
  basis: z.enum(['PERCENT', 'POINTS']),
  bands: z.array(z.object({ min: z.number().min(0), inclusive: z.boolean(), label: vnText(100), passes: z.boolean() })).max(20),
  otherwiseLabel: vnText(100),
  otherwisePasses: z.boolean(),
});

const coreResolvers: Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Query: {
    frameworks: (_, args, ctx) => {
      const a = validate(z.object({ year: z.number().int().nullish(), targetLevel: z.enum(TARGET_LEVELS).nullish() }), args);
      return ctx.services.frameworks.list({ ...a, publishedOnly: !hasRole(ctx.viewer, 'ADMIN', 'LEAD_AGENCY') });
    },
    framework: async (_, args, ctx) => {
      const f = args.id ? (z.uuid().safeParse(args.id).success ? await ctx.loaders.framework.load(args.id) : null) : args.code ? await ctx.services.frameworks.byCode(args.code.trim().toUpperCase()) : null;
      return canReadFramework(ctx.viewer, f) ? f : null;
    },
    assessment: async (_, args, ctx) => readable(ctx, await ctx.loaders.assessment.load(validate(entityId, args.id))),
    assignedTasks: async (_, args, ctx) => {
      if (ctx.viewer.anonymous) throw platformError('UNAUTHENTICATED');
      const a = validate(z.object({ campaignId: entityId.nullish(), unitId: entityId.nullish(), year: z.number().int().nullish() }), args);
      return (await ctx.services.tasks.list(a)).filter((t) => canReadTask(ctx.viewer, t));
    },
    assessments: async (_, args, ctx) => {
      const a = validate(z.object({ campaignId: entityId, year: z.number().int(), status: z.enum(['SELF_ASSESSING', 'SUBMITTED', 'VERIFIED', 'PUBLISHED']).nullish() }), args);
      const rows = await ctx.services.assessments.list(a.campaignId, a.year, a.status);
      return rows.filter((r) => canReadAssessment(ctx.viewer, r));
    },
  },
  IndexFramework: {
    __resolveReference: async (ref, ctx) => {
      const f = await ctx.loaders.framework.load(ref.id);
      return canReadFramework(ctx.viewer, f) ? f : null;
    },
    groups: async (f, _, ctx) => (await ctx.loaders.frameworkGroups.load(f.id)).filter((g) => g.parentId === null),
    indicators: (f, _, ctx) => ctx.loaders.frameworkIndicators.load(f.id),
    maxPoints: async (f, _, ctx) => frameworkMax(await ctx.loaders.frameworkGroups.load(f.id), await ctx.loaders.frameworkIndicators.load(f.id)).max,
    maxBonus: async (f, _, ctx) => frameworkMax(await ctx.loaders.frameworkGroups.load(f.id), await ctx.loaders.frameworkIndicators.load(f.id)).bonus,
    maxPenalty: async (f, _, ctx) => frameworkMax(await ctx.loaders.frameworkGroups.load(f.id), await ctx.loaders.frameworkIndicators.load(f.id)).penalty,
    copiedFrom: async (f, _, ctx) => {
      const source = f.copiedFromId ? await ctx.loaders.framework.load(f.copiedFromId) : null;
      return canReadFramework(ctx.viewer, source) ? source : null;
    },
    workbook: async (f, _, ctx) => ({
      name: `${f.code}.xlsx`,
      mimeType: XLSX,
      base64: (await frameworkToWorkbook(await ctx.services.frameworks.spec(f.id))).toString('base64'),
    }),
  },
  IndicatorGroup: {
    __resolveReference: async (ref, ctx) => {
      const g = await ctx.loaders.group.load(ref.id);
      return g && canReadFramework(ctx.viewer, await ctx.loaders.framework.load(g.frameworkId)) ? g : null;
    },
    groups: async (g, _, ctx) => (await ctx.loaders.frameworkGroups.load(g.frameworkId)).filter((c) => c.parentId === g.id),
    indicators: async (g, _, ctx) => (await ctx.loaders.frameworkIndicators.load(g.frameworkId)).filter((i) => i.groupId === g.id),
    maxPoints: async (g, _, ctx) => {
      const groups = await ctx.loaders.frameworkGroups.load(g.frameworkId);
      const inside = new Set<string>([g.id]);
      // The group and every group below it (groups are few; repeat until nothing is added).
      for (let grew = true; grew; ) {
        grew = false;
        for (const c of groups) {
          if (c.parentId && inside.has(c.parentId) && !inside.has(c.id)) {
            inside.add(c.id);
            grew = true;
          }
        }
      }
      const inds = (await ctx.loaders.frameworkIndicators.load(g.frameworkId)).filter((i) => inside.has(i.groupId));
      return Math.round(inds.reduce((s, i) => s + i.maxPoints, 0) * 100) / 100;
    },
  },
  Indicator: {
    __resolveReference: async (ref, ctx) => {
      const i = await ctx.loaders.indicator.load(ref.id);
      return i && canReadFramework(ctx.viewer, await ctx.loaders.framework.load(i.frameworkId)) ? i : null;
    },
    bands: (i) => (i.ruleType === 'COUNT_BANDS' ? (i.ruleConfig.bands ?? []) : null),
    numeratorLabel: (i) => i.ruleConfig.numeratorLabel ?? null,
    denominatorLabel: (i) => i.ruleConfig.denominatorLabel ?? null,
    groupKind: async (i, _, ctx) => indicatorKinds(await ctx.loaders.frameworkGroups.load(i.frameworkId)).get(i.groupId) ?? 'NORMAL',
  },
  ClassificationRule: {
    otherwiseLabel: (r) => r.otherwise.label,
    otherwisePasses: (r) => r.otherwise.passes,
  },
  ScoringPeriod: {
    __resolveReference: (ref, ctx) => ctx.loaders.period.load(ref.id),
    campaign: (p) => ({ id: p.campaignId }),
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
    __resolveReference: (ref) => ({ id: ref.id }),
    assignedTasks: async (u, args, ctx) =>
      (await ctx.loaders.ownerTasks.load(u.id)).filter((t) => (!args.year || t.dueDate.startsWith(`${args.year}-`)) && canReadTask(ctx.viewer, t)),
    taskCompletion: async (u, args, ctx) => {
      if (!canReadUnit(ctx.viewer, u.id)) return null;
      return taskCompletion(await ctx.loaders.ownerTasks.load(u.id), args.year);
    },
    assessments: async (u, args, ctx) => {
      const lineage = [u.id, ...(await ctx.loaders.predecessors.load(u.id))];
      const all = (await ctx.loaders.unitAssessments.loadMany(lineage)).flatMap((x) => (x instanceof Error ? [] : x));
      return all.filter((a) => (args.year ? a.year === args.year : true) && canReadAssessment(ctx.viewer, a));
    },
    score: async (u, args, ctx) => {
      const matches = (a: Assessment) => a.year === args.year && a.status === 'PUBLISHED' && (!args.campaignId || a.campaignId === args.campaignId);
      const own = (await ctx.loaders.unitAssessments.load(u.id)).find(matches);
      // A unit formed after that year carries its predecessors' results (their average when several).
      const found = own
        ? [own]
        : (await ctx.loaders.unitAssessments.loadMany(await ctx.loaders.predecessors.load(u.id))).flatMap((x) => (x instanceof Error ? [] : x.filter(matches)));
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
      // Batched: one ranking query per (campaign, year, kind) in a request, however many units ask.
      return (await ctx.loaders.kindRanks.load({ campaignId: a.campaignId, year: args.year, kind: a.unitKind })).get(u.id) ?? null;
    },
  },
  AssignedTask: {
    __resolveReference: async (ref, ctx) => {
      const t = await ctx.loaders.task.load(ref.id);
      return t && canReadTask(ctx.viewer, t) ? t : null;
    },
    campaign: (t) => (t.campaignId ? { id: t.campaignId } : null),
    owner: (t) => ({ id: t.ownerUnitId }),
    cooperatingUnits: (t) => t.cooperatingUnitIds.map((id) => ({ id })),
    completedOnTime: (t) => completedOnTime(t),
    overdue: (t) => overdue(t, todayInVietnam()),
    progress: (t, _, ctx) => ctx.loaders.taskProgress.load(t.id),
  },
  RankingEntry: {
    unit: (r) => ({ id: r.unitId }),
  },
  Campaign: {
    __resolveReference: (ref) => ({ id: ref.id }),
    rankings: async (c, args, ctx) => {
      const a = validate(
        z.object({
          year: z.number().int(),
          kind: kind.nullish(),
          clusterId: entityId.nullish(),
          first: z.number().int().min(1).max(MAX_RANKING_PAGE).nullish(),
          after: z.string().max(128).nullish(),
        }),
        args,
      );
      const after = a.after ? decodeCursor(a.after) : null;
      if (a.after && !after) throw platformError('BAD_USER_INPUT', { after: a.after });
      const page = await ctx.services.rankings.page({ campaignId: c.id, year: a.year, kind: a.kind, clusterId: a.clusterId }, { first: a.first ?? 50, after });
      return { entries: page.rows, totalCount: page.totalCount, hasNextPage: page.hasNextPage, endCursor: page.endCursor };
    },
    classificationRule: (c, _, ctx) => ctx.loaders.campaignRule.load(c.id),
    scoringPeriods: (c, _, ctx) => ctx.loaders.campaignPeriods.load(c.id),
  },
  Mutation: {
    importFramework: async (_, args, ctx) => {
      requireRole(ctx.viewer, 'LEAD_AGENCY');
      const a = validate(z.object({ base64, intoDraftId: entityId.nullish() }), args);
      const parsed = await workbookToFramework(Buffer.from(a.base64, 'base64'));
      if (!parsed.spec) return { ok: false, errors: parsed.errors, framework: null };
      try {
        const framework = a.intoDraftId
          ? await ctx.services.frameworks.replaceDraft(a.intoDraftId, { ...parsed.spec, isSample: false })
          : await ctx.services.frameworks.create({ ...parsed.spec, isSample: false });
        return { ok: true, errors: [], framework };
      } catch (err) {
        if (err instanceof AppError) return { ok: false, errors: [{ row: null, code: err.code, message: err.message }], framework: null };
        throw err;
      }
    },
    updateIndicator: async (_, args, ctx) => {
      requireRole(ctx.viewer, 'LEAD_AGENCY');
      const a = validate(
        z.object({
          id: entityId,
          input: z.object({
            name: vnText(1000).nullish(),
            maxPoints: z.number().positive().max(10_000).nullish(),
            ruleType: z.enum(['YES_NO', 'COUNT_BANDS', 'RATIO', 'MANUAL']).nullish(),
            bands: z.array(z.object({ min: z.number().min(0), points: z.number().min(0) })).max(20).nullish(),
            numeratorLabel: vnText(255, 0).nullish(),
            denominatorLabel: vnText(255, 0).nullish(),
            evidence: vnText(2000, 0).nullish(),
            dataSource: vnText(500, 0).nullish(),
            verifyingUnit: vnText(500, 0).nullish(),
            appliesToKinds: z.array(kind).nullish(),
          }),
        }),
        args,
      );
      const current = await ctx.loaders.indicator.load(a.id);
      if (!current) throw platformError('NOT_FOUND', { entity: 'Indicator', id: a.id });
      const i = a.input;
      const ruleConfig = {
        ...current.ruleConfig,
        ...(i.bands ? { bands: [...i.bands].sort((x, y) => x.min - y.min) } : {}),
        ...(i.numeratorLabel ? { numeratorLabel: i.numeratorLabel } : {}),
        ...(i.denominatorLabel ? { denominatorLabel: i.denominatorLabel } : {}),
      };
      const patch = Object.fromEntries(
        Object.entries({ name: i.name, maxPoints: i.maxPoints, ruleType: i.ruleType, evidence: i.evidence, dataSource: i.dataSource, verifyingUnit: i.verifyingUnit, appliesToKinds: i.appliesToKinds }).filter(
          ([, v]) => v !== undefined && v !== null,
        ),
      );
      return ctx.services.frameworks.updateIndicator(a.id, { ...patch, ruleConfig });
    },
    copyFramework: (_, args, ctx) => {
      requireRole(ctx.viewer, 'LEAD_AGENCY');
      const a = validate(z.object({ id: entityId, code: entityCode, year: z.number().int().min(2000).max(2100) }), args);
      return ctx.services.frameworks.copy(a.id, a.code, a.year);
    },
    publishFramework: (_, args, ctx) => {
      requireRole(ctx.viewer, 'LEAD_AGENCY');
      return ctx.services.frameworks.publish(validate(entityId, args.id));
    },
    setClassificationRule: async (_, args, ctx) => {
      requireRole(ctx.viewer, 'LEAD_AGENCY');
      const a = validate(z.object({ campaignId: entityId, rule: ruleInput }), args);
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
    openScoringPeriod: (_, args, ctx) => {
      requireRole(ctx.viewer, 'LEAD_AGENCY');
      const a = validate(z.object({ campaignId: entityId, year: z.number().int().min(2000).max(2100), selfAssessmentOpens: isoDate, selfAssessmentCloses: isoDate }), args);
      return ctx.services.assessments.openPeriod(a.campaignId, a.year, a.selfAssessmentOpens, a.selfAssessmentCloses);
    },
    startAssessment: (_, args, ctx) => {
      const a = validate(z.object({ campaignId: entityId, year: z.number().int(), unitId: entityId, frameworkId: entityId }), args);
      requireUnitWriter(ctx.viewer, a.unitId, 'LEAD_AGENCY');
      return ctx.services.assessments.start(a.campaignId, a.year, a.unitId, a.frameworkId);
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
    verifyScore: (_, args, ctx) => {
      requireRole(ctx.viewer, 'LEAD_AGENCY');
      const a = validate(
        z.object({ assessmentId: entityId, expectedVersion: z.number().int(), indicatorCode: z.string().trim().min(1).max(32), points: z.number(), reason: vnText(2000, 0).nullish() }),
        args,
      );
      return ctx.services.assessments.verify(a.assessmentId, a.expectedVersion, a.indicatorCode, a.points, a.reason || null, ctx.viewer.userId ?? 'unknown');
    },
    completeVerification: (_, args, ctx) => {
      requireRole(ctx.viewer, 'LEAD_AGENCY');
      const a = validate(z.object({ id: entityId, expectedVersion: z.number().int() }), args);
      return ctx.services.assessments.completeVerification(a.id, a.expectedVersion);
    },
    publishAssessment: (_, args, ctx) => {
      requireRole(ctx.viewer, 'LEAD_AGENCY');
      const a = validate(z.object({ id: entityId, expectedVersion: z.number().int() }), args);
      return ctx.services.assessments.publish(a.id, a.expectedVersion);
    },
    assignTask: (_, args, ctx) => {
      requireRole(ctx.viewer, 'LEAD_AGENCY');
      const a = validate(
        z.object({
          input: z.object({
            campaignId: entityId.nullish(),
            planNumber: vnText(64),
            planTitle: vnText(500, 0).nullish(),
            code: vnText(32, 0).nullish(),
            title: vnText(1000),
            dueDate: isoDate,
            ownerUnitId: entityId,
            cooperatingUnitIds: z.array(entityId).max(100).nullish(),
          }),
        }),
        args,
      );
      return ctx.services.tasks.assign(a.input);
    },
    reportTaskProgress: async (_, args, ctx) => {
      const a = validate(
        z.object({
          taskId: entityId,
          expectedVersion: z.number().int(),
          percent: z.number().int(),
          reportedOn: isoDate.nullish(),
          note: vnText(2000, 0).nullish(),
          evidenceFileIds: z.array(entityId).max(50).nullish(),
        }),
        args,
      );
      const task = await ctx.loaders.task.load(a.taskId);
      if (!task) throw platformError('NOT_FOUND', { entity: 'AssignedTask', id: a.taskId });
      requireUnitWriter(ctx.viewer, task.ownerUnitId, 'LEAD_AGENCY');
      const today = todayInVietnam();
      if (a.reportedOn && a.reportedOn !== today && !hasRole(ctx.viewer, 'ADMIN', 'LEAD_AGENCY')) {
        throw taskError('TASK_REPORT_DATE_FORBIDDEN');
      }
      return ctx.services.tasks.report(a.taskId, a.expectedVersion, { percent: a.percent, reportedOn: a.reportedOn ?? today, note: a.note, evidenceFileIds: a.evidenceFileIds }, ctx.viewer.userId ?? 'unknown');
    },
    reopenAssessment: (_, args, ctx) => {
      requireRole(ctx.viewer, 'LEAD_AGENCY');
      const a = validate(z.object({ id: entityId, expectedVersion: z.number().int(), until: isoDate }), args);
      return ctx.services.assessments.reopen(a.id, a.expectedVersion, a.until);
    },
  },
};

type ResolverGroup = Record<string, Record<string, unknown>>;

/** One resolver map from the modules' maps (each module resolves its own fields of Query, Mutation, …). */
function merge(...groups: Resolvers[]): Resolvers {
  const out: ResolverGroup = {};
  for (const g of groups as ResolverGroup[]) {
    for (const [type, fields] of Object.entries(g)) out[type] = { ...(out[type] ?? {}), ...fields };
  }
  return out as Resolvers;
}

/** All resolvers of the scoring subgraph (the scalars are set after the merge, which would flatten them). */
export const resolvers: Resolvers = { ...merge(coreResolvers, scoreImportResolvers), Date: DateScalar, DateTime: DateTimeScalar };
