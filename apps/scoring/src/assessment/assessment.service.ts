import { randomUUID } from 'node:crypto';
import { AppError, AuditEntry, platformError, recordAudit, rethrowUnique, todayInVietnam, updateVersioned, type Database } from '@thidua/platform';
import type { GraphClient } from '@thidua/graph-client';
import { In, type EntityManager } from 'typeorm';
import type { Indicator } from '../framework/framework.entity';
import { frameworkError } from '../framework/framework.errors';
import { coversYear } from '../framework/framework.rules';
import { indicatorKinds, type FrameworkService } from '../framework/framework.service';
import type { ParsedSheet, RowError, ScoreValue } from './assessment-sheet.types';
import { Assessment, IndicatorScore, ScoringPeriod, type AssessmentStatus } from './assessment.entity';
import { assessmentError } from './assessment.errors';
import { applies, pointsFor, refusedInput, selfAssessmentOpen, totals, type RuledIndicator } from './scoring.rules';
import { AssessedUnitDocument } from '../generated/graph';

/** What an assessment's framework looks like for its unit. */
export interface Scope {
  assessment: Assessment;
  indicators: RuledIndicator[];
  byCode: Map<string, RuledIndicator & { applicable: boolean }>;
}

export interface ScoreInput {
  code: string;
  value: ScoreValue;
  note?: string | null;
  evidenceFileIds?: string[] | null;
}

type FrameworkTree = Awaited<ReturnType<FrameworkService['tree']>>;

/** The framework's indicators as they apply to the assessment's unit (one tree serves every unit of a framework). */
export function scopeOf(tree: FrameworkTree, assessment: Assessment): Scope {
  const { framework, groups, indicators } = tree;
  const kinds = indicatorKinds(groups);
  const ruled = (i: Indicator): RuledIndicator => ({ ...i, groupKind: kinds.get(i.groupId) ?? 'NORMAL' });
  const all = indicators.map((i) => ({ ...ruled(i), applicable: applies(i, framework.appliesToKinds, assessment.unitKind) }));
  return { assessment, indicators: all.filter((i) => i.applicable), byCode: new Map(all.map((i) => [i.code, i])) };
}

/** Why the unit may not self-assess now (status, window), or null. */
export function selfAssessingRefusal(a: Assessment, period: ScoringPeriod | null | undefined, today: string): AppError | null {
  if (a.status !== 'SELF_ASSESSING') return assessmentError('ASSESSMENT_NOT_EDITABLE', { status: a.status });
  const window = { opens: period?.selfAssessmentOpens ?? '9999-12-31', closes: period?.selfAssessmentCloses ?? '0000-01-01' };
  if (!selfAssessmentOpen(window, a.reopenedUntil, today)) {
    return assessmentError('ASSESSMENT_WINDOW_CLOSED', { opens: window.opens, closes: window.closes, reopenedUntil: a.reopenedUntil });
  }
  return null;
}

/** The lead agency's points for an indicator: within 0..max, and a reason when they differ from the unit's own points. */
export function verifiedPointsRefusal(ind: Pick<RuledIndicator, 'code' | 'maxPoints'>, points: number, selfPoints: number | null | undefined, reason: string | null | undefined): AppError | null {
  if (!Number.isFinite(points) || points < 0 || points > ind.maxPoints) {
    return assessmentError('SCORE_INVALID', { indicatorCode: ind.code }, `Chỉ số ${ind.code}: điểm thẩm định phải trong khoảng 0 – ${ind.maxPoints}.`);
  }
  const self = selfPoints ?? 0;
  if (Math.abs(points - self) > 1e-9 && !reason) return assessmentError('ADJUSTMENT_REASON_REQUIRED', { indicatorCode: ind.code, selfPoints: self, points });
  return null;
}

/** Yearly assessments (R8): self-assessment in the window, verification with reasons, publication; every change kept. */
export class AssessmentService {
  constructor(
    private readonly db: Database,
    private readonly frameworks: FrameworkService,
    private readonly graph: GraphClient,
  ) {}

  async byIds(ids: readonly string[]): Promise<Assessment[]> {
    return ids.length ? this.db.manager.find(Assessment, { where: { id: In([...ids]) } }) : [];
  }

  async scoresOf(assessmentIds: readonly string[]): Promise<IndicatorScore[]> {
    return assessmentIds.length ? this.db.manager.find(IndicatorScore, { where: { assessmentId: In([...assessmentIds]) } }) : [];
  }

  async ofUnits(unitIds: readonly string[]): Promise<Assessment[]> {
    return unitIds.length ? this.db.manager.find(Assessment, { where: { unitId: In([...unitIds]) }, order: { year: 'DESC' } }) : [];
  }

  async list(campaignId: string, year: number, status?: AssessmentStatus | null): Promise<Assessment[]> {
    return this.db.manager.find(Assessment, { where: { campaignId, year, ...(status ? { status } : {}) }, order: { unitName: 'ASC' } });
  }

  async require(id: string, m: EntityManager = this.db.manager): Promise<Assessment> {
    const a = await m.findOne(Assessment, { where: { id } });
    if (!a) throw assessmentError('ASSESSMENT_NOT_FOUND', { id });
    return a;
  }

  /** The framework's indicators as they apply to the assessment's unit. */
  private async scope(m: EntityManager, assessment: Assessment): Promise<Scope> {
    return scopeOf(await this.frameworks.tree(assessment.frameworkId, m), assessment);
  }

  async openPeriod(campaignId: string, year: number, opens: string, closes: string): Promise<ScoringPeriod> {
    if (closes < opens) throw assessmentError('SCORING_PERIOD_INVALID');
    return this.db.transaction(async (m) => {
      if (await m.findOne(ScoringPeriod, { where: { campaignId, year } })) throw assessmentError('SCORING_PERIOD_EXISTS', { campaignId, year });
      const p = m.create(ScoringPeriod, { id: randomUUID(), campaignId, year, selfAssessmentOpens: opens, selfAssessmentCloses: closes });
      try {
        await m.save(p);
      } catch (err) {
        rethrowUnique(err, assessmentError('SCORING_PERIOD_EXISTS', { campaignId, year }));
      }
      await recordAudit(m, { entityType: 'ScoringPeriod', entityId: p.id, action: 'create', after: p });
      return p;
    });
  }

  async periodsOf(campaignIds: readonly string[]): Promise<ScoringPeriod[]> {
    return campaignIds.length ? this.db.manager.find(ScoringPeriod, { where: { campaignId: In([...campaignIds]) }, order: { year: 'ASC' } }) : [];
  }

  /**
   * Open an assessment for a unit: the unit's kind and name come from the graph (participants owns them). Without a
   * framework, the index in force for the unit's kind in that year is used, as of the day self-assessment closes
   * (among the indices the campaign lists, or all published ones when it lists none).
   */
  async start(campaignId: string, year: number, unitId: string, frameworkId?: string | null): Promise<Assessment> {
    const period = await this.db.manager.findOne(ScoringPeriod, { where: { campaignId, year } });
    if (!period) throw assessmentError('SCORING_PERIOD_NOT_FOUND', { campaignId, year });
    // A framework given by the caller is checked first, as before; otherwise it is chosen for the unit's kind.
    const given = frameworkId ? await this.frameworks.tree(frameworkId) : null;
    if (given) {
      if (given.framework.status !== 'PUBLISHED') throw frameworkError('FRAMEWORK_NOT_PUBLISHED', { frameworkId });
      if (!coversYear(given.framework, year)) {
        throw assessmentError('FRAMEWORK_YEAR_MISMATCH', { frameworkYear: given.framework.year, frameworkYearTo: given.framework.yearTo, year });
      }
    }
    const { orgUnit } = await this.graph.query(AssessedUnitDocument, { id: unitId });
    if (!orgUnit) throw assessmentError('UNIT_NOT_FOUND', { unitId });
    let tree = given;
    if (!tree) {
      const choice = await this.frameworks.inForce(campaignId, { year, kind: orgUnit.kind, onDate: period.selfAssessmentCloses });
      if ('error' in choice) {
        if (choice.error === 'AMBIGUOUS') throw assessmentError('FRAMEWORK_CHOICE_AMBIGUOUS', { kind: orgUnit.kind, year, frameworkCodes: choice.codes });
        throw assessmentError('NO_FRAMEWORK_IN_FORCE', { kind: orgUnit.kind, year });
      }
      tree = await this.frameworks.tree(choice.framework.id);
    }
    const { framework, groups, indicators } = tree;
    if (!framework.appliesToKinds.includes(orgUnit.kind)) throw assessmentError('FRAMEWORK_NOT_FOR_UNIT', { kind: orgUnit.kind });
    const kinds = indicatorKinds(groups);
    const applicable = indicators
      .filter((i) => applies(i, framework.appliesToKinds, orgUnit.kind))
      .map((i) => ({ ...i, groupKind: kinds.get(i.groupId) ?? 'NORMAL' }));
    const { max } = totals(applicable, new Map());
    return this.db.transaction(async (m) => {
      // One assessment per unit and year in a campaign (and per framework): a unit is never ranked twice.
      if (await m.findOne(Assessment, { where: [{ unitId, frameworkId: framework.id, year }, { unitId, campaignId, year }] })) {
        throw assessmentError('ASSESSMENT_EXISTS', { unitId, campaignId, frameworkId, year });
      }
      const a = m.create(Assessment, {
        id: randomUUID(),
        campaignId,
        periodId: period.id,
        unitId,
        unitKind: orgUnit.kind,
        unitName: orgUnit.name,
        frameworkId: framework.id,
        year,
        status: 'SELF_ASSESSING',
        reopenedUntil: null,
        maxPoints: max,
        selfTotal: 0,
        verifiedTotal: null,
        submittedAt: null,
        verifiedAt: null,
        publishedAt: null,
      });
      try {
        await m.save(a);
      } catch (err) {
        rethrowUnique(err, assessmentError('ASSESSMENT_EXISTS', { unitId, campaignId, year }));
      }
      await recordAudit(m, { entityType: 'Assessment', entityId: a.id, action: 'start', after: a });
      return a;
    });
  }

  /** Refuse stale writers first: the conditional UPDATE also locks the row until this transaction ends. */
  private async claim(m: EntityManager, id: string, expectedVersion: number, patch: Partial<Assessment> = {}): Promise<Assessment> {
    return updateVersioned(m, Assessment, id, expectedVersion, patch, assessmentError('ASSESSMENT_NOT_FOUND', { id }));
  }

  private async assertSelfAssessing(m: EntityManager, a: Assessment): Promise<void> {
    if (a.status !== 'SELF_ASSESSING') throw assessmentError('ASSESSMENT_NOT_EDITABLE', { status: a.status });
    const refusal = selfAssessingRefusal(a, await m.findOne(ScoringPeriod, { where: { id: a.periodId } }), todayInVietnam());
    if (refusal) throw refusal;
  }

  /** Check rows against the framework; every problem is reported, by row when there is one (the bulk import checks the same way). */
  checkRows(scope: Scope, rows: Array<ScoreInput & { rowNumber?: number | null }>): { errors: RowError[]; points: Map<string, number> } {
    const errors: RowError[] = [];
    const points = new Map<string, number>();
    for (const r of rows) {
      const where = r.rowNumber ? `Dòng ${r.rowNumber} (chỉ số ${r.code})` : `Chỉ số ${r.code}`;
      if (r.note && r.note.length > 2000) {
        errors.push({ row: r.rowNumber ?? null, code: r.code, errorCode: 'NOTE_TOO_LONG', message: `${where}: ghi chú quá dài (tối đa 2000 ký tự).` });
        continue;
      }
      const ind = scope.byCode.get(r.code);
      if (!ind) {
        errors.push({ row: r.rowNumber ?? null, code: r.code, errorCode: 'INDICATOR_NOT_FOUND', message: `${where}: không có trong bộ chỉ số.` });
        continue;
      }
      if (!ind.applicable) {
        errors.push({ row: r.rowNumber ?? null, code: r.code, errorCode: 'INDICATOR_NOT_APPLICABLE', message: `${where}: không áp dụng cho đơn vị.` });
        continue;
      }
      const p = pointsFor(ind, r.value);
      if ('error' in p) errors.push({ row: r.rowNumber ?? null, code: r.code, errorCode: 'SCORE_INVALID', message: `${where}: ${p.error}` });
      else points.set(ind.id, p.points);
    }
    return { errors, points };
  }

  /** Write self-assessed scores and the new self total (caller's transaction, assessment already claimed). */
  private async writeSelfScores(m: EntityManager, scope: Scope, rows: ScoreInput[], points: Map<string, number>): Promise<Assessment> {
    const a = scope.assessment;
    const existing = new Map((await m.find(IndicatorScore, { where: { assessmentId: a.id } })).map((s) => [s.indicatorId, s]));
    for (const r of rows) {
      const ind = scope.byCode.get(r.code) as RuledIndicator;
      const before = existing.get(ind.id);
      const after = m.create(IndicatorScore, {
        id: before?.id ?? randomUUID(),
        assessmentId: a.id,
        indicatorId: ind.id,
        selfValue: r.value,
        selfPoints: points.get(ind.id) ?? 0,
        evidenceFileIds: r.evidenceFileIds ?? before?.evidenceFileIds ?? [],
        note: r.note === undefined ? (before?.note ?? null) : r.note,
        verifiedPoints: before?.verifiedPoints ?? null,
        adjustmentReason: before?.adjustmentReason ?? null,
        verifiedBy: before?.verifiedBy ?? null,
      });
      await m.save(after);
      existing.set(ind.id, after);
      await recordAudit(m, { entityType: 'IndicatorScore', entityId: after.id, action: `self-assess ${ind.code}`, before: before ?? null, after });
    }
    const t = totals(scope.indicators, new Map([...existing.values()].map((s) => [s.indicatorId, s.selfPoints])));
    await m.update(Assessment, { id: a.id }, { selfTotal: t.total });
    return (await m.findOne(Assessment, { where: { id: a.id } })) as Assessment;
  }

  async selfAssess(id: string, expectedVersion: number, row: ScoreInput): Promise<Assessment> {
    return this.db.transaction(async (m) => {
      const current = await this.require(id, m);
      await this.assertSelfAssessing(m, current);
      const scope = await this.scope(m, current);
      const { errors, points } = this.checkRows(scope, [row]);
      if (errors.length) {
        const e = errors[0] as RowError;
        const ind = scope.byCode.get(row.code);
        const code = !ind ? 'INDICATOR_NOT_FOUND' : !ind.applicable ? 'INDICATOR_NOT_APPLICABLE' : 'SCORE_INVALID';
        // A value the rule refuses names the input it concerns (value.count, value.denominator…), as input checks do.
        const refused = ind && e.errorCode === 'SCORE_INVALID' ? pointsFor(ind, row.value) : null;
        const fields = ind && refused && 'error' in refused ? [{ field: `value.${refusedInput(ind, row.value)}`, message: refused.error }] : undefined;
        throw assessmentError(code, { indicatorCode: row.code, ...(fields ? { fields } : {}) }, e.message);
      }
      await this.claim(m, id, expectedVersion);
      return this.writeSelfScores(m, scope, [row], points);
    });
  }

  /** Import a filled-in sheet: nothing is written unless every row is right and the sheet is current. */
  async importSheet(id: string, parsed: ParsedSheet): Promise<{ ok: boolean; errors: RowError[]; assessment: Assessment | null }> {
    const current = await this.require(id);
    const errors: RowError[] = [...parsed.errors];
    if (parsed.assessmentId && parsed.assessmentId !== id) errors.push({ row: null, code: null, message: 'Tệp là phiếu của một phiếu đánh giá khác.' });
    if (parsed.version !== null && parsed.version !== current.version) errors.push({ row: null, code: null, message: assessmentError('SHEET_OUTDATED').message });
    const scope = await this.scope(this.db.manager, current);
    const checked = this.checkRows(scope, parsed.rows);
    errors.push(...checked.errors);
    if (errors.length) return { ok: false, errors, assessment: null };
    try {
      const assessment = await this.db.transaction(async (m) => {
        const a = await this.require(id, m);
        await this.assertSelfAssessing(m, a);
        await this.claim(m, id, parsed.version ?? a.version);
        const after = await this.writeSelfScores(m, { ...scope, assessment: a }, parsed.rows, checked.points);
        // A sheet with no score filled in writes no score, yet takes a new version of the assessment: on record too.
        if (!parsed.rows.length) await recordAudit(m, { entityType: 'Assessment', entityId: id, action: 'import', before: a, after });
        return after;
      });
      return { ok: true, errors: [], assessment };
    } catch (err) {
      // Our own refusals (closed window, changed meanwhile) are reported like row errors; anything else is a failure.
      if (err instanceof AppError) return { ok: false, errors: [{ row: null, code: null, message: err.message }], assessment: null };
      throw err;
    }
  }

  async submit(id: string, expectedVersion: number): Promise<Assessment> {
    return this.db.transaction(async (m) => {
      const before = await this.require(id, m);
      await this.assertSelfAssessing(m, before);
      const scope = await this.scope(m, before);
      const scored = new Set((await m.find(IndicatorScore, { where: { assessmentId: id } })).filter((s) => s.selfValue).map((s) => s.indicatorId));
      const missing = scope.indicators.filter((i) => i.groupKind === 'NORMAL' && !scored.has(i.id)).map((i) => i.code);
      if (missing.length) throw assessmentError('ASSESSMENT_INCOMPLETE', { missing }, `Phiếu còn ${missing.length} chỉ số chưa tự chấm: ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''}.`);
      const after = await this.claim(m, id, expectedVersion, { status: 'SUBMITTED', submittedAt: new Date(), reopenedUntil: null });
      await recordAudit(m, { entityType: 'Assessment', entityId: id, action: 'submit', before, after });
      return after;
    });
  }

  /** The lead agency's points for one indicator; different from the unit's own points only with a reason. */
  async verify(id: string, expectedVersion: number, code: string, points: number, reason: string | null, verifier: string): Promise<Assessment> {
    return this.db.transaction(async (m) => {
      const a = await this.require(id, m);
      if (a.status !== 'SUBMITTED') throw assessmentError('ASSESSMENT_NOT_EDITABLE', { status: a.status });
      const scope = await this.scope(m, a);
      const ind = scope.byCode.get(code);
      if (!ind) throw assessmentError('INDICATOR_NOT_FOUND', { indicatorCode: code });
      if (!ind.applicable) throw assessmentError('INDICATOR_NOT_APPLICABLE', { indicatorCode: code });
      const range = verifiedPointsRefusal(ind, points, points, reason);
      if (range) throw range;
      await this.claim(m, id, expectedVersion);
      const before = await m.findOne(IndicatorScore, { where: { assessmentId: id, indicatorId: ind.id } });
      const refusal = verifiedPointsRefusal(ind, points, before?.selfPoints, reason);
      if (refusal) throw refusal;
      const after = m.create(IndicatorScore, {
        ...(before ?? { id: randomUUID(), assessmentId: id, indicatorId: ind.id, selfValue: null, selfPoints: null, evidenceFileIds: [], note: null }),
        verifiedPoints: points,
        adjustmentReason: reason,
        verifiedBy: verifier,
      });
      await m.save(after);
      await recordAudit(m, { entityType: 'IndicatorScore', entityId: after.id, action: `verify ${code}`, before, after });
      return this.recomputeVerified(m, scope);
    });
  }

  private async recomputeVerified(m: EntityManager, scope: Scope): Promise<Assessment> {
    const scores = await m.find(IndicatorScore, { where: { assessmentId: scope.assessment.id } });
    const t = totals(scope.indicators, new Map(scores.map((s) => [s.indicatorId, s.verifiedPoints ?? s.selfPoints])));
    await m.update(Assessment, { id: scope.assessment.id }, { verifiedTotal: t.total });
    return (await m.findOne(Assessment, { where: { id: scope.assessment.id } })) as Assessment;
  }

  /** Verification done: indicators not adjusted are confirmed at the unit's own points. */
  async completeVerification(id: string, expectedVersion: number): Promise<Assessment> {
    return this.db.transaction(async (m) => {
      const before = await this.require(id, m);
      if (before.status !== 'SUBMITTED') throw assessmentError('ASSESSMENT_NOT_EDITABLE', { status: before.status });
      await this.claim(m, id, expectedVersion, { status: 'VERIFIED', verifiedAt: new Date() });
      const scope = await this.scope(m, before);
      const after = await this.recomputeVerified(m, scope);
      await recordAudit(m, { entityType: 'Assessment', entityId: id, action: 'verify', before, after });
      return after;
    });
  }

  async publish(id: string, expectedVersion: number): Promise<Assessment> {
    return this.db.transaction(async (m) => {
      const before = await this.require(id, m);
      if (before.status !== 'VERIFIED') throw assessmentError('ASSESSMENT_NOT_EDITABLE', { status: before.status });
      const after = await this.claim(m, id, expectedVersion, { status: 'PUBLISHED', publishedAt: new Date() });
      await recordAudit(m, { entityType: 'Assessment', entityId: id, action: 'publish', before, after });
      return after;
    });
  }

  /** After the window closed, the lead agency lets the unit self-assess again until a date. */
  async reopen(id: string, expectedVersion: number, until: string): Promise<Assessment> {
    return this.db.transaction(async (m) => {
      const before = await this.require(id, m);
      if (before.status === 'PUBLISHED' || before.status === 'VERIFIED') throw assessmentError('ASSESSMENT_NOT_EDITABLE', { status: before.status });
      if (until < todayInVietnam()) throw platformError('VALIDATION_FAILED', { fields: [{ field: 'until', message: 'Ngày mở lại phải từ hôm nay trở đi.' }] });
      // Back to the unit: verification starts over on what it submits next.
      const after = await this.claim(m, id, expectedVersion, { status: 'SELF_ASSESSING', reopenedUntil: until, verifiedTotal: null });
      await m.update(IndicatorScore, { assessmentId: id }, { verifiedPoints: null, adjustmentReason: null, verifiedBy: null });
      await recordAudit(m, { entityType: 'Assessment', entityId: id, action: 'reopen', before, after });
      return after;
    });
  }

  /** Every change of the assessment and its scores, oldest first. */
  async history(id: string): Promise<AuditEntry[]> {
    const scoreIds = (await this.db.manager.find(IndicatorScore, { where: { assessmentId: id }, select: { id: true } })).map((s) => s.id);
    return this.db.manager.find(AuditEntry, { where: { entityId: In([id, ...scoreIds]) }, order: { at: 'ASC' } });
  }
}
