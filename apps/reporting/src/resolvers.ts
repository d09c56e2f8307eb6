import { auditEntryResolvers, canReadUnit, hasRole, present, DateScalar, DateTimeScalar, entityCode, entityId, isoDate, platformError, queryAuditLog, requireRole, requireUnitWriter, todayInVietnam, validate, vnText } from '@thidua/platform';
import { z } from 'zod';
import type { ReportingContext } from './context';
import { reportError } from './report/report.errors';
import type { Resolvers } from './generated/resolvers';
import { REPORT_FIELD_TYPES, type UnitReport } from './unit-report/unit-report.entity';

const year = z.number().int().min(2000).max(2100);

const reportInput = z.object({
  campaignId: entityId,
  year,
  unitId: entityId,
  values: z.array(z.object({ code: entityCode, value: z.string().max(5_000).nullish() })).max(200),
  attachmentIds: z.array(entityId).max(50).nullish(),
});

const fieldInput = z.object({ code: entityCode, label: vnText(500), type: z.enum(REPORT_FIELD_TYPES), required: z.boolean(), unit: vnText(64).nullish() });

/** Reports and their runs are the lead agency's, Nội vụ's, the council's and the province's to read. */
function requireReportReader(ctx: ReportingContext): void {
  requireRole(ctx.viewer, 'LEAD_AGENCY', 'HOME_AFFAIRS', 'COUNCIL', 'PROVINCE', 'SERVICE');
}

export const resolvers: Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Query: {
    unitReport: async (_, args, ctx) => {
      const r = await ctx.loaders.report.load(validate(entityId, args.id));
      return r && canReadUnit(ctx.viewer, r.unitId) ? r : null;
    },
    reportingAuditLog: (_, args, ctx) => queryAuditLog(ctx.services.db, ctx.viewer, args),
    reportRun: async (_, args, ctx) => {
      requireReportReader(ctx);
      return ctx.loaders.run.load(validate(entityId, args.id));
    },
    failedJobs: async (_, __, ctx) => {
      requireRole(ctx.viewer, 'ADMIN');
      return (await ctx.services.reports.jobs?.failed())?.map((f) => ({ ...f, failedAt: f.failedAt === null ? null : new Date(f.failedAt) })) ?? [];
    },
  },
  ReportDefinition: {
    __resolveReference: async (ref, ctx) => {
      requireReportReader(ctx);
      return ctx.services.reports.definition(ref.id);
    },
    campaign: (d) => ({ id: d.campaignId }),
    schedule: async (d, _, ctx) => (await ctx.loaders.schedules.load(d.id))[0] ?? null,
    runs: (d, _, ctx) => ctx.loaders.runs.load(d.id),
  },
  ReportRun: {
    __resolveReference: async (ref, ctx) => {
      requireReportReader(ctx);
      return ctx.loaders.run.load(ref.id);
    },
    definition: async (r, _, ctx) => present(await ctx.loaders.definition.load(r.definitionId), 'ReportDefinition', r.definitionId),
    deliveries: (r, _, ctx) => ctx.loaders.deliveries.load(r.id),
    documents: async (r, _, ctx) => {
      const docs = await ctx.loaders.documents.load(r.id);
      return Promise.all(docs.map(async (d) => ({ name: d.name, mimeType: d.mimeType, base64: (await ctx.services.reports.content(d)).toString('base64') })));
    },
  },
  AuditEntry: auditEntryResolvers,
  Campaign: {
    __resolveReference: (ref) => ({ id: ref.id }),
    reportDefinitions: async (c, _, ctx) => {
      requireReportReader(ctx);
      return ctx.loaders.definitions.load(c.id);
    },
    unitReportTemplate: async (c, _, ctx) => (await ctx.loaders.template.load(c.id))[0] ?? null,
    unitReports: async (c, args, ctx) => {
      if (ctx.viewer.anonymous) throw platformError('UNAUTHENTICATED');
      return (await ctx.services.unitReports.ofCampaignYear(c.id, validate(year, args.year))).filter((r) => canReadUnit(ctx.viewer, r.unitId));
    },
    reportingProgress: async (c, args, ctx) => {
      if (ctx.viewer.anonymous) throw platformError('UNAUTHENTICATED');
      const y = validate(year, args.year);
      const p = await ctx.services.unitReports.progress(c.id, y);
      return { year: y, deadline: p.deadline, rates: p.rates, missingUnits: p.missingUnitIds.map((id) => ({ id })) };
    },
  },
  OrgUnit: {
    __resolveReference: (ref) => ({ id: ref.id }),
    notifications: async (u, args, ctx) => {
      if (!canReadUnit(ctx.viewer, u.id)) return [];
      return (await ctx.loaders.notifications.load(u.id)).filter((n) => !args.unreadOnly || !n.readAt);
    },
    unitReports: async (u, _, ctx) => (canReadUnit(ctx.viewer, u.id) ? ctx.loaders.unitReports.load(u.id) : []),
    reportingRecord: async (u, args, ctx) => {
      if (!canReadUnit(ctx.viewer, u.id)) return null;
      const a = validate(z.object({ campaignId: entityId, year }), args);
      // The unit's own report, else those of the units merged into it.
      const lineage = [u.id, ...(await ctx.loaders.predecessors.load(u.id))];
      const lists = await ctx.loaders.unitReports.loadMany(lineage);
      const sent = lists.flatMap((l) => (l instanceof Error ? [] : l)).filter((r: UnitReport) => r.campaignId === a.campaignId && r.year === a.year && r.status === 'SUBMITTED');
      const own = sent.find((r) => r.unitId === u.id) ?? sent[0] ?? null;
      const { deadline } = own?.deadline ? { deadline: own.deadline } : await ctx.services.unitReports.deadline(a.campaignId, a.year);
      return { year: a.year, submitted: sent.length > 0, onTime: sent.length > 0 && sent.every((r) => !r.late), deadline, submittedOn: own?.submittedOn ?? null, report: own };
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
  Notification: {
    campaign: (n) => ({ id: n.campaignId }),
    mailed: (n) => n.digestId !== null,
  },
  Delivery: {
    history: (d, _, ctx) => ctx.loaders.attempts.load(d.id),
  },
  UnitReportTemplate: {
    campaign: (t) => ({ id: t.campaignId }),
  },
  Mutation: {
    markNotificationsRead: async (_, args, ctx) => {
      const ids = validate(z.array(entityId).min(1).max(500), args.ids);
      const rows = await ctx.services.reminders.byIds(ids);
      // Each unit marks its own notices (an administrator any).
      if (ctx.viewer.anonymous) throw platformError('UNAUTHENTICATED');
      for (const n of rows) if (!hasRole(ctx.viewer, 'ADMIN') && ctx.viewer.orgUnitId !== n.recipientUnitId) throw platformError('FORBIDDEN_OTHER_UNIT', { unitId: n.recipientUnitId });
      return ctx.services.reminders.markRead(rows.map((n) => n.id));
    },
    retryDelivery: (_, args, ctx) => {
      requireRole(ctx.viewer, 'LEAD_AGENCY');
      return ctx.services.deliveries.retry(validate(entityId, args.id));
    },
    runReminders: (_, args, ctx) => {
      requireRole(ctx.viewer, 'LEAD_AGENCY');
      const date = validate(isoDate.nullish(), args.date);
      // Only an administrator runs another day's scan (a missed day, a rehearsal).
      if (date && date !== todayInVietnam()) requireRole(ctx.viewer);
      return ctx.services.reminders.run(date ?? todayInVietnam());
    },
    requestReportRun: async (_, args, ctx) => {
      requireRole(ctx.viewer, 'LEAD_AGENCY');
      const a = validate(z.object({ definitionId: entityId, year }), args);
      const def = await ctx.services.reports.definition(a.definitionId);
      const years = await ctx.services.reports.campaignYears(def.campaignId);
      if (!years || a.year < years.from || a.year > years.to) throw reportError('REPORT_PERIOD_INVALID', { year: a.year, campaign: years });
      return ctx.services.reports.requestRun(a.definitionId, String(a.year), 'MANUAL', ctx.viewer.userId ?? 'unknown');
    },
    setReportSchedule: (_, args, ctx) => {
      requireRole(ctx.viewer, 'LEAD_AGENCY');
      const a = validate(z.object({ definitionId: entityId, pattern: z.string().trim().min(9).max(64), tz: z.string().trim().min(1).max(64).nullish(), enabled: z.boolean().nullish() }), args);
      return ctx.services.reports.setSchedule(a.definitionId, a.pattern, a.tz ?? 'Asia/Ho_Chi_Minh', a.enabled ?? true);
    },
    setUnitReportTemplate: (_, args, ctx) => {
      requireRole(ctx.viewer, 'LEAD_AGENCY');
      const a = validate(z.object({ campaignId: entityId, fields: z.array(fieldInput).min(1).max(100), sourceClause: vnText(64).nullish() }), args);
      return ctx.services.unitReports.setTemplate(a.campaignId, a.fields.map((f) => ({ ...f, unit: f.unit ?? null })), a.sourceClause ?? null);
    },
    saveUnitReport: (_, args, ctx) => {
      const input = validate(reportInput, args.input);
      requireUnitWriter(ctx.viewer, input.unitId, 'LEAD_AGENCY');
      return ctx.services.unitReports.save(input);
    },
    submitUnitReport: async (_, args, ctx) => {
      const a = validate(z.object({ id: entityId, expectedVersion: z.number().int(), receivedOn: isoDate.nullish() }), args);
      const r = await ctx.services.unitReports.get(a.id);
      requireUnitWriter(ctx.viewer, r.unitId, 'LEAD_AGENCY');
      // Only the lead agency dates a report it received on paper or by e-mail; a unit submits today.
      if (a.receivedOn) requireRole(ctx.viewer, 'LEAD_AGENCY');
      return ctx.services.unitReports.submit(a.id, a.expectedVersion, a.receivedOn);
    },
  },
};
