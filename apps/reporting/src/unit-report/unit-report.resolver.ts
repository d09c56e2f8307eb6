import { carriedOn, requireCampaignAgency } from '@thidua/graph-client';
import { canReadUnit, entityCode, entityId, hasRole, isoDate, platformError, requireRole, requireUnitWriter, todayInVietnam, validate, vnText, type Viewer } from '@thidua/platform';
import { z } from 'zod';
import type { Resolvers } from '../generated/resolvers';
import { REPORT_FIELD_TYPES, type UnitReport } from './unit-report.entity';
import { recordOf } from './unit-report.rules';

const year = z.number().int().min(2000).max(2100);

const reportInput = z.object({
  campaignId: entityId,
  year,
  unitId: entityId,
  values: z.array(z.object({ code: entityCode, value: z.string().max(5_000).nullish() })).max(200),
  attachmentIds: z.array(entityId).max(50).nullish(),
});

/**
 * Does the viewer write this unit's report as the campaign's lead agency? A unit officer on its own unit writes as
 * the unit (no jurisdiction check); anyone else who may write it holds LEAD_AGENCY (or ADMIN, left to the helper).
 */
function writesAsLeadAgency(viewer: Viewer, unitId: string): boolean {
  return !(hasRole(viewer, 'UNIT_OFFICER') && viewer.orgUnitId === unitId);
}

const fieldInput = z.object({ code: entityCode, label: vnText(500), type: z.enum(REPORT_FIELD_TYPES), required: z.boolean(), unit: vnText(64).nullish() });

export const unitReportResolvers: Resolvers = {
  Query: {
    unitReport: async (_, args, ctx) => {
      const r = await ctx.loaders.report.load(validate(entityId, args.id));
      return r && canReadUnit(ctx.viewer, r.unitId) ? r : null;
    },
  },
  Campaign: {
    unitReportTemplate: async (c, _, ctx) => (await ctx.loaders.template.load(c.id))[0] ?? null,
    unitReports: async (c, args, ctx) => {
      if (ctx.viewer.anonymous) throw platformError('UNAUTHENTICATED');
      return (await ctx.services.unitReports.ofCampaignYear(c.id, validate(year, args.year))).filter((r) => canReadUnit(ctx.viewer, r.unitId));
    },
    reportingProgress: async (c, args, ctx) => {
      if (ctx.viewer.anonymous) throw platformError('UNAUTHENTICATED');
      const a = validate(z.object({ year, boundary: z.enum(['AS_WAS', 'SUCCESSORS']).nullish(), asOf: isoDate.nullish() }), args);
      const asOf = a.boundary === 'SUCCESSORS' ? (a.asOf ?? todayInVietnam()) : null;
      const p = await ctx.services.unitReports.progress(c.id, a.year, asOf);
      return { year: a.year, deadline: p.deadline, boundary: asOf ? 'SUCCESSORS' : 'AS_WAS', asOf, rates: p.rates, missingUnits: p.missingUnitIds.map((id) => ({ id })) };
    },
  },
  OrgUnit: {
    unitReports: async (u, _, ctx) => (canReadUnit(ctx.viewer, u.id) ? ctx.loaders.unitReports.load(u.id) : []),
    reportingRecord: async (u, args, ctx) => {
      if (!canReadUnit(ctx.viewer, u.id)) return null;
      const a = validate(z.object({ campaignId: entityId, year }), args);
      // The unit's own report, else those of the units merged into it by the year's deadline (all of them when the
      // unit was formed later), as the campaign's progress counts them.
      const { deadline: due } = await ctx.loaders.deadline.load(`${a.campaignId}:${a.year}`);
      const lineage = [u.id, ...carriedOn(await ctx.loaders.predecessors.load(u.id), due ?? `${a.year}-12-31`)];
      const lists = await ctx.loaders.unitReports.loadMany(lineage);
      const sent = lists.flatMap((l) => (l instanceof Error ? [] : l)).filter((r: UnitReport) => r.campaignId === a.campaignId && r.year === a.year && r.status === 'SUBMITTED');
      // The same rule as the campaign's reporting progress: the unit's own report, else its predecessors'.
      const record = recordOf(lineage, new Map(sent.map((r) => [r.unitId, r])));
      const own = record.reports[0] ?? null;
      const deadline = own?.deadline ?? due;
      return { year: a.year, submitted: record.submitted, onTime: record.onTime, deadline, submittedOn: own?.submittedOn ?? null, report: own };
    },
  },
  UnitReport: {
    __resolveReference: async (ref, ctx) => {
      const r = await ctx.loaders.report.load(ref.id);
      return r && canReadUnit(ctx.viewer, r.unitId) ? r : null;
    },
    campaign: (r) => ({ id: r.campaignId }),
    unit: (r) => ({ id: r.unitId }),
    values: async (r, _, ctx) => {
      const fields = (await ctx.loaders.template.load(r.campaignId))[0]?.fields ?? [];
      return fields.map((f) => ({ code: f.code, label: f.label, value: r.values[f.code] === undefined || r.values[f.code] === null ? null : String(r.values[f.code]) }));
    },
  },
  UnitReportTemplate: {
    campaign: (t) => ({ id: t.campaignId }),
  },
  Mutation: {
    setUnitReportTemplate: async (_, args, ctx) => {
      requireRole(ctx.viewer, 'LEAD_AGENCY');
      const a = validate(z.object({ campaignId: entityId, fields: z.array(fieldInput).min(1).max(100), sourceClause: vnText(64).nullish() }), args);
      await requireCampaignAgency(ctx.viewer, ctx.loaders.campaignAgencies, a.campaignId);
      return ctx.services.unitReports.setTemplate(a.campaignId, a.fields.map((f) => ({ ...f, unit: f.unit ?? null })), a.sourceClause ?? null);
    },
    saveUnitReport: async (_, args, ctx) => {
      const input = validate(reportInput, args.input);
      requireUnitWriter(ctx.viewer, input.unitId, 'LEAD_AGENCY');
      // The lead agency writing a unit's report for it acts on the campaign: only the agency in force (R26).
      if (writesAsLeadAgency(ctx.viewer, input.unitId)) await requireCampaignAgency(ctx.viewer, ctx.loaders.campaignAgencies, input.campaignId);
      return ctx.services.unitReports.save(input);
    },
    submitUnitReport: async (_, args, ctx) => {
      const a = validate(z.object({ id: entityId, expectedVersion: z.number().int(), receivedOn: isoDate.nullish() }), args);
      const r = await ctx.services.unitReports.get(a.id);
      requireUnitWriter(ctx.viewer, r.unitId, 'LEAD_AGENCY');
      // Only the lead agency dates a report it received on paper or by e-mail; a unit submits today.
      if (a.receivedOn) requireRole(ctx.viewer, 'LEAD_AGENCY');
      if (a.receivedOn || writesAsLeadAgency(ctx.viewer, r.unitId)) await requireCampaignAgency(ctx.viewer, ctx.loaders.campaignAgencies, r.campaignId);
      return ctx.services.unitReports.submit(a.id, a.expectedVersion, a.receivedOn);
    },
  },
};
