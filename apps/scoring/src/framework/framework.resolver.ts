import { entityCode, entityId, hasRole, platformError, requireRole, validate, vnText, AppError } from '@thidua/platform';
import { z } from 'zod';
import { frameworkToWorkbook, workbookToFramework } from './framework.excel';
import { yearsLabel } from './framework.rules';
import { frameworkMax, indicatorKinds } from './framework.service';
import { TARGET_LEVELS } from './framework.types';
import type { Resolvers } from '../generated/resolvers';
import { XLSX, base64, kind, canReadFramework } from '../resolver-helpers';

/** Index frameworks (R7): queries, the tree's fields, Excel import and export, editing drafts, publication. */
export const frameworkResolvers: Resolvers = {
  Query: {
    frameworks: (_, args, ctx) => {
      const a = validate(z.object({ year: z.number().int().nullish(), targetLevel: z.enum(TARGET_LEVELS).nullish() }), args);
      return ctx.services.frameworks.list({ ...a, publishedOnly: !hasRole(ctx.viewer, 'ADMIN', 'LEAD_AGENCY') });
    },
    framework: async (_, args, ctx) => {
      const f = args.id ? (z.uuid().safeParse(args.id).success ? await ctx.loaders.framework.load(args.id) : null) : args.code ? await ctx.services.frameworks.byCode(args.code.trim().toUpperCase()) : null;
      return canReadFramework(ctx.viewer, f) ? f : null;
    },
  },
  IndexFramework: {
    __resolveReference: async (ref, ctx) => {
      const f = await ctx.loaders.framework.load(ref.id);
      return canReadFramework(ctx.viewer, f) ? f : null;
    },
    groups: async (f, _, ctx) => (await ctx.loaders.frameworkGroups.load(f.id)).filter((g) => g.parentId === null),
    indicators: (f, _, ctx) => ctx.loaders.frameworkIndicators.load(f.id),
    yearsLabel: (f) => yearsLabel(f),
    maxPoints: async (f, _, ctx) => frameworkMax(await ctx.loaders.frameworkGroups.load(f.id), await ctx.loaders.frameworkIndicators.load(f.id), f.appliesToKinds).max,
    maxBonus: async (f, _, ctx) => frameworkMax(await ctx.loaders.frameworkGroups.load(f.id), await ctx.loaders.frameworkIndicators.load(f.id), f.appliesToKinds).bonus,
    maxPenalty: async (f, _, ctx) => frameworkMax(await ctx.loaders.frameworkGroups.load(f.id), await ctx.loaders.frameworkIndicators.load(f.id), f.appliesToKinds).penalty,
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
    ratioMayExceedOne: (i) => i.ruleType === 'RATIO' && i.ruleConfig.ratioMayExceedOne === true,
    groupKind: async (i, _, ctx) => indicatorKinds(await ctx.loaders.frameworkGroups.load(i.frameworkId)).get(i.groupId) ?? 'NORMAL',
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
            ratioMayExceedOne: z.boolean().nullish(),
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
        ...(typeof i.ratioMayExceedOne === 'boolean' ? { ratioMayExceedOne: i.ratioMayExceedOne } : {}),
      };
      // Kept only while it says something: a config without the flag reads as a share, as before.
      if (!ruleConfig.ratioMayExceedOne) delete ruleConfig.ratioMayExceedOne;
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
  },
};
