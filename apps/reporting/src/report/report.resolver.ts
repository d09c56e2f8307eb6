import { provinceReads, requireCampaignAgency, requireProvinceReads } from '@thidua/graph-client';
import { present, requireRole, entityId, isoDate, todayInVietnam, validate } from '@thidua/platform';
import { z } from 'zod';
import type { ReportingContext } from '../context';
import type { Resolvers } from '../generated/resolvers';
import type { ReportRun } from './report.entity';
import { reportError } from './report.errors';

const year = z.number().int().min(2000).max(2100);

/** Reports and their runs are the lead agency's, Nội vụ's, the council's and the province's to read. */
function requireReportReader(ctx: ReportingContext): void {
  requireRole(ctx.viewer, 'LEAD_AGENCY', 'HOME_AFFAIRS', 'COUNCIL', 'PROVINCE', 'SERVICE');
}

/** A run the viewer may read: a province reads only the runs of campaigns in its area (R26). */
async function readableRun(ctx: ReportingContext, run: ReportRun | null): Promise<ReportRun | null> {
  if (!run) return null;
  const def = await ctx.loaders.definition.load(run.definitionId);
  if (def) await requireProvinceReads(ctx.viewer, ctx.loaders.campaignAgencies, def.campaignId);
  return run;
}

export const reportResolvers: Resolvers = {
  Query: {
    reportRun: async (_, args, ctx) => {
      requireReportReader(ctx);
      return readableRun(ctx, await ctx.loaders.run.load(validate(entityId, args.id)));
    },
  },
  ReportDefinition: {
    __resolveReference: async (ref, ctx) => {
      requireReportReader(ctx);
      const def = await ctx.services.reports.definition(ref.id);
      await requireProvinceReads(ctx.viewer, ctx.loaders.campaignAgencies, def.campaignId);
      return def;
    },
    campaign: (d) => ({ id: d.campaignId }),
    schedule: async (d, _, ctx) => (await ctx.loaders.schedules.load(d.id))[0] ?? null,
    runs: (d, _, ctx) => ctx.loaders.runs.load(d.id),
  },
  ReportRun: {
    __resolveReference: async (ref, ctx) => {
      requireReportReader(ctx);
      return readableRun(ctx, await ctx.loaders.run.load(ref.id));
    },
    definition: async (r, _, ctx) => present(await ctx.loaders.definition.load(r.definitionId), 'ReportDefinition', r.definitionId),
    boundary: (r) => (r.rolledUpTo ? 'SUCCESSORS' : 'AS_WAS'),
    asOf: (r) => r.rolledUpTo || null,
    deliveries: (r, _, ctx) => ctx.loaders.deliveries.load(r.id),
    documents: async (r, _, ctx) => {
      const docs = await ctx.loaders.documents.load(r.id);
      return Promise.all(docs.map(async (d) => ({ name: d.name, mimeType: d.mimeType, base64: (await ctx.services.reports.content(d)).toString('base64') })));
    },
  },
  Campaign: {
    reportDefinitions: async (c, _, ctx) => {
      requireReportReader(ctx);
      // A province sees the reports of the campaigns in its area only (R26).
      return (await provinceReads(ctx.viewer, ctx.loaders.campaignAgencies, c.id)) ? ctx.loaders.definitions.load(c.id) : [];
    },
  },
  Mutation: {
    requestReportRun: async (_, args, ctx) => {
      requireRole(ctx.viewer, 'LEAD_AGENCY');
      const a = validate(z.object({ definitionId: entityId, year, boundary: z.enum(['AS_WAS', 'SUCCESSORS']).nullish(), asOf: isoDate.nullish() }), args);
      const def = await ctx.services.reports.definition(a.definitionId);
      // Jurisdiction (R26): a unit-bound account runs only the reports of the campaigns its unit leads today.
      await requireCampaignAgency(ctx.viewer, ctx.loaders.campaignAgencies, def.campaignId);
      const years = await ctx.services.reports.campaignYears(def.campaignId);
      if (!years || a.year < years.from || a.year > years.to) throw reportError('REPORT_PERIOD_INVALID', { year: a.year, campaign: years });
      const rolledUpTo = a.boundary === 'SUCCESSORS' ? (a.asOf ?? todayInVietnam()) : null;
      return ctx.services.reports.requestRun(a.definitionId, String(a.year), 'MANUAL', ctx.viewer.userId ?? 'unknown', rolledUpTo);
    },
    setReportSchedule: async (_, args, ctx) => {
      requireRole(ctx.viewer, 'LEAD_AGENCY');
      const a = validate(z.object({ definitionId: entityId, pattern: z.string().trim().min(9).max(64), tz: z.string().trim().min(1).max(64).nullish(), enabled: z.boolean().nullish() }), args);
      const def = await ctx.services.reports.definition(a.definitionId);
      await requireCampaignAgency(ctx.viewer, ctx.loaders.campaignAgencies, def.campaignId);
      return ctx.services.reports.setSchedule(a.definitionId, a.pattern, a.tz ?? 'Asia/Ho_Chi_Minh', a.enabled ?? true);
    },
  },
};
