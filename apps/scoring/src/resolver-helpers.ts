import { canReadUnit, hasRole, platformError, requireUnitWriter, vnText, type Viewer } from '@thidua/platform';
import { z } from 'zod';
import type { AssessmentSheet } from './assessment/assessment-sheet.types';
import type { Assessment } from './assessment/assessment.entity';
import { applies, type ClassificationRule } from './assessment/scoring.rules';
import type { ScoringContext } from './context';
import { ORG_UNIT_KINDS } from './framework/framework.types';
import type { IndexFramework } from './framework/framework.entity';
import { DEFAULT_RULE } from './ranking/ranking.service';
import type { AssignedTask } from './task/task.entity';

// Access rules and helpers the modules' resolvers share.

export type Ctx = ScoringContext;

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const base64 = z.string().max(1_400_000).regex(/^[A-Za-z0-9+/=\s]*$/, 'Nội dung tệp phải là base64.');
export const kind = z.enum(ORG_UNIT_KINDS);

/** Before publication an assessment is the unit's and the lead agency's business (R19); then everyone's. */
export function canReadUnpublished(viewer: Viewer, unitId: string): boolean {
  return hasRole(viewer, 'ADMIN', 'LEAD_AGENCY', 'SERVICE') || (hasRole(viewer, 'UNIT_OFFICER') && viewer.orgUnitId === unitId);
}

export function canReadAssessment(viewer: Viewer, a: Assessment): boolean {
  return a.status === 'PUBLISHED' || canReadUnpublished(viewer, a.unitId);
}

/** Draft frameworks are the lead agency's working copies. */
export function canReadFramework(viewer: Viewer, f: IndexFramework | null): f is IndexFramework {
  return !!f && (f.status === 'PUBLISHED' || hasRole(viewer, 'ADMIN', 'LEAD_AGENCY'));
}

export async function readable(ctx: Ctx, a: Assessment | null): Promise<Assessment | null> {
  return a && canReadAssessment(ctx.viewer, a) ? a : null;
}

/** Who may see a task: its owner and cooperating units, and the roles that read every unit. */
export function canReadTask(viewer: Viewer, t: AssignedTask): boolean {
  return canReadUnit(viewer, t.ownerUnitId) || t.cooperatingUnitIds.some((u) => canReadUnit(viewer, u));
}

/** The assessment a write is about; another unit's officer is told the assessment is not theirs to change. */
export async function assessmentForWrite(ctx: Ctx, id: string): Promise<Assessment> {
  const a = await ctx.loaders.assessment.load(id);
  if (!a) throw platformError('NOT_FOUND', { entity: 'Assessment', id });
  requireUnitWriter(ctx.viewer, a.unitId);
  return a;
}

export async function ruleFor(ctx: Ctx, campaignId: string): Promise<ClassificationRule> {
  return (await ctx.loaders.campaignRule.load(campaignId)) ?? DEFAULT_RULE;
}

export function assessmentTotals(a: Assessment) {
  const total = a.verifiedTotal ?? a.selfTotal;
  return { total, max: a.maxPoints, percent: a.maxPoints ? Math.round((total / a.maxPoints) * 100 * 100) / 100 : 0 };
}

export async function sheetOf(ctx: Ctx, a: Assessment): Promise<AssessmentSheet> {
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

export const ruleInput = z.object({
  basis: z.enum(['PERCENT', 'POINTS']),
  bands: z.array(z.object({ min: z.number().min(0), inclusive: z.boolean(), label: vnText(100), passes: z.boolean() })).max(20),
  otherwiseLabel: vnText(100),
  otherwisePasses: z.boolean(),
});
