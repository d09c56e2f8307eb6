import { randomUUID } from 'node:crypto';
import { carriedOn, predecessorsOf, successorsOn, type GraphClient, type Lineage } from '@thidua/graph-client';
import { recordAudit, todayInVietnam, updateVersioned, type Database } from '@thidua/platform';
import { In } from 'typeorm';
import { ExpectedUnitsDocument, UnitReportDeadlineDocument } from '../generated/graph';
import { UnitReport, UnitReportTemplate, type ReportField } from './unit-report.entity';
import { unitReportError } from './unit-report.errors';
import { missingRequired, parseValues, recordOf, reportingRates, rollUpRecords, type RateRow } from './unit-report.rules';

/** Unit annual reports, their completeness and timeliness (R15). The deadline and expected units come from the graph. */
export class UnitReportService {
  constructor(
    private readonly db: Database,
    private readonly graph: GraphClient,
  ) {}

  async templatesOf(campaignIds: readonly string[]): Promise<UnitReportTemplate[]> {
    return campaignIds.length ? this.db.manager.find(UnitReportTemplate, { where: { campaignId: In([...campaignIds]) } }) : [];
  }

  async byIds(ids: readonly string[]): Promise<UnitReport[]> {
    return ids.length ? this.db.manager.find(UnitReport, { where: { id: In([...ids]) } }) : [];
  }

  async ofUnits(unitIds: readonly string[]): Promise<UnitReport[]> {
    return unitIds.length ? this.db.manager.find(UnitReport, { where: { unitId: In([...unitIds]) }, order: { year: 'ASC' } }) : [];
  }

  async ofCampaignYear(campaignId: string, year: number): Promise<UnitReport[]> {
    return this.db.manager.find(UnitReport, { where: { campaignId, year }, order: { createdAt: 'ASC' } });
  }

  async get(id: string): Promise<UnitReport> {
    const r = await this.db.manager.findOne(UnitReport, { where: { id } });
    if (!r) throw unitReportError('UNIT_REPORT_NOT_FOUND', { id });
    return r;
  }

  /** Set (replace) a campaign's report template. */
  async setTemplate(campaignId: string, fields: ReportField[], sourceClause: string | null): Promise<UnitReportTemplate> {
    const codes = fields.map((f) => f.code);
    if (!fields.length || new Set(codes).size !== codes.length) throw unitReportError('UNIT_REPORT_TEMPLATE_INVALID');
    return this.db.transaction(async (m) => {
      const before = await m.findOne(UnitReportTemplate, { where: { campaignId } });
      const row = before ? { ...before, fields, sourceClause } : m.create(UnitReportTemplate, { id: randomUUID(), campaignId, fields, sourceClause });
      const saved = await m.save(UnitReportTemplate, row);
      await recordAudit(m, { entityType: 'UnitReportTemplate', entityId: saved.id, action: before ? 'update' : 'create', before, after: saved });
      return saved;
    });
  }

  /** The campaign's deadline for a year's unit reports (its UNIT_REPORT_DUE milestone), and whether the year is in it. */
  async deadline(campaignId: string, year: number): Promise<{ deadline: string | null; inCampaign: boolean }> {
    const facts = await this.graph.query(UnitReportDeadlineDocument, { campaignId, year });
    const c = facts.campaign;
    if (!c) return { deadline: null, inCampaign: false };
    const dates = c.milestones.flatMap((ms) => (ms.dueDateIn ? [ms.dueDateIn] : [])).sort();
    return { deadline: dates[0] ?? null, inCampaign: Number(c.startDate.slice(0, 4)) <= year && year <= Number(c.endDate.slice(0, 4)) };
  }

  /** Create or edit a unit's draft report; every value is checked against the template, nothing is written on error. */
  async save(input: { campaignId: string; year: number; unitId: string; values: Array<{ code: string; value?: string | null }>; attachmentIds?: string[] | null }): Promise<UnitReport> {
    const template = await this.db.manager.findOne(UnitReportTemplate, { where: { campaignId: input.campaignId } });
    if (!template) throw unitReportError('UNIT_REPORT_NO_TEMPLATE', { campaignId: input.campaignId });
    const { values, problems } = parseValues(template.fields, input.values);
    if (problems.length) throw unitReportError('UNIT_REPORT_VALUES_INVALID', { problems }, `Số liệu báo cáo không hợp lệ: ${problems.map((p) => p.message).join(' ')}`);
    const { inCampaign } = await this.deadline(input.campaignId, input.year);
    if (!inCampaign) throw unitReportError('UNIT_REPORT_YEAR_INVALID', { year: input.year });
    return this.db.transaction(async (m) => {
      const before = await m.findOne(UnitReport, { where: { campaignId: input.campaignId, year: input.year, unitId: input.unitId } });
      if (before?.status === 'SUBMITTED') throw unitReportError('UNIT_REPORT_ALREADY_SUBMITTED');
      const row = before
        ? { ...before, values: { ...before.values, ...values }, attachmentIds: input.attachmentIds ? [...new Set(input.attachmentIds)] : before.attachmentIds }
        : m.create(UnitReport, {
            id: randomUUID(),
            campaignId: input.campaignId,
            year: input.year,
            unitId: input.unitId,
            status: 'DRAFT',
            values,
            attachmentIds: [...new Set(input.attachmentIds ?? [])],
            deadline: null,
            submittedAt: null,
            submittedOn: null,
            late: false,
            createdAt: new Date(),
          });
      const saved = await m.save(UnitReport, row);
      await recordAudit(m, { entityType: 'UnitReport', entityId: saved.id, action: before ? 'update' : 'create', before, after: saved });
      return saved;
    });
  }

  /**
   * Submit: every required field filled. After the deadline it is accepted and marked late. `receivedOn` is the
   * day the lead agency received a report sent on paper or by e-mail (not after today).
   */
  async submit(id: string, expectedVersion: number, receivedOn?: string | null): Promise<UnitReport> {
    if (receivedOn && receivedOn > todayInVietnam()) throw unitReportError('UNIT_REPORT_RECEIVED_IN_FUTURE', { receivedOn });
    const report = await this.get(id);
    if (report.status === 'SUBMITTED') throw unitReportError('UNIT_REPORT_ALREADY_SUBMITTED');
    const template = await this.db.manager.findOne(UnitReportTemplate, { where: { campaignId: report.campaignId } });
    if (!template) throw unitReportError('UNIT_REPORT_NO_TEMPLATE', { campaignId: report.campaignId });
    const missing = missingRequired(template.fields, report.values);
    if (missing.length) throw unitReportError('UNIT_REPORT_INCOMPLETE', { missing: missing.map((f) => f.code) }, `Báo cáo còn thiếu: ${missing.map((f) => f.label).join('; ')}.`);
    const { deadline } = await this.deadline(report.campaignId, report.year);
    const submittedOn = receivedOn ?? todayInVietnam();
    return this.db.transaction(async (m) => {
      const after = await updateVersioned(m, UnitReport, id, expectedVersion, { status: 'SUBMITTED', submittedAt: new Date(), submittedOn, deadline, late: deadline !== null && submittedOn > deadline }, unitReportError('UNIT_REPORT_NOT_FOUND', { id }));
      await recordAudit(m, { entityType: 'UnitReport', entityId: id, action: 'submit', before: report, after });
      return after;
    });
  }

  /**
   * Completeness and timeliness of a campaign's year: the units expected on the deadline (or at year end), as they
   * were then, or rolled up to the units in force on `rollUpTo` (R25: each successor counted once).
   */
  async progress(campaignId: string, year: number, rollUpTo: string | null = null): Promise<{ deadline: string | null; rates: RateRow[]; missingUnitIds: string[] }> {
    const { deadline } = await this.deadline(campaignId, year);
    const asOf = deadline ?? `${year}-12-31`;
    const facts = await this.graph.query(ExpectedUnitsDocument, { campaignId, asOf });
    const expected = facts.campaign?.expectedUnits ?? [];
    const reports = await this.ofCampaignYear(campaignId, year);
    const submitted = new Map(reports.filter((r) => r.status === 'SUBMITTED').map((r) => [r.unitId, r]));
    // A unit without a report of its own counts its predecessors' (one graph call per 500 such units), as its record does.
    const without = expected.filter((u) => !submitted.has(u.id)).map((u) => u.id);
    const predecessors = without.length ? await predecessorsOf(this.graph, without) : new Map<string, Lineage>();
    const records = expected.map((u) => {
      const lineage = predecessors.get(u.id);
      return { unitId: u.id, ...recordOf([u.id, ...(lineage ? carriedOn(lineage, asOf) : [])], submitted) };
    });
    if (rollUpTo) {
      const rolled = rollUpRecords(records, await successorsOn(this.graph, expected.map((u) => u.id), rollUpTo));
      const counted = rolled.filter((r) => r.submitted).map((r) => ({ unitId: r.unit.id, status: 'SUBMITTED', late: !r.onTime }));
      return { deadline, rates: reportingRates(rolled.map((r) => r.unit), counted), missingUnitIds: rolled.filter((r) => !r.submitted).map((r) => r.unit.id) };
    }
    const counted = records.filter((r) => r.submitted).map((r) => ({ unitId: r.unitId, status: 'SUBMITTED', late: !r.onTime }));
    return { deadline, rates: reportingRates(expected, counted), missingUnitIds: records.filter((r) => !r.submitted).map((r) => r.unitId) };
  }
}
