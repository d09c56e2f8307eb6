import { randomUUID } from 'node:crypto';
import { byIdLoader, currentContext, groupedLoader, platformError, recordAudit, todayInVietnam, updateVersioned, type Database } from '@thidua/platform';
import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import type { GraphClient } from '@thidua/graph-client';
import { In, Not } from 'typeorm';
import { AwardForm, LegalInstrument, Occasion } from '../award-form/award-form.entity';
import type { AwardFormService } from '../award-form/award-form.service';
import { instrumentInForce } from '../award-form/award-form.rules';
import { DossierDocument } from '../dossier/dossier.entity';
import { checklist, fileFitsItem, requiredDocuments, type DocumentKind } from '../dossier/dossier.rules';
import { dossierError } from '../dossier/dossier.errors';
import { AwardRulesService, type AwardRulesView } from '../award-rules/award-rules.service';
import { normalizeConfirmers, type ReportConfirmer } from '../award-rules/award-rules.rules';
import { CandidateUnitsDocument, DossierFilesDocument, NominationEligibilityDocument, type CandidateUnitsQuery, type NominationEligibilityQuery } from '../generated/graph';
import { Nomination, NominationStep, Quota, type NominationStatus } from './nomination.entity';
import { nominationDraft, type DraftKind } from './nomination.drafts';
import { nominationError } from './nomination.errors';
import { EDITABLE_STATUSES, eligibility, holdsPlace, quotaUsed, WORKFLOW, type Clause, type EligibilityFacts, type WorkflowAction } from './nomination.rules';

export interface NominationFields {
  campaignId: string;
  occasionId: string;
  formId: string;
  proposingUnitId: string;
  candidateUnitId?: string | null;
  candidatePersonId?: string | null;
  achievementSummary: string;
  initiativeIds?: string[] | null;
  nominationDate?: string | null;
  pendingProceedings?: boolean | null;
}

/** A candidate unit's facts of one campaign and year, as the graph returns them. */
export type UnitFacts = NominationEligibilityQuery['orgUnits']['edges'][number]['node'];
type ClassificationRule = NonNullable<NominationEligibilityQuery['campaign']>['classificationRule'];
/** A candidate unit's kind and field, as the graph returns them. */
export type CandidateUnit = CandidateUnitsQuery['orgUnits']['edges'][number]['node'];

/** Which unit's facts, under which campaign's rule and for which year (a nomination's occasion's). */
export interface UnitFactsKey {
  campaignId: string;
  year: number;
  unitId: string;
}

/** Units asked in one graph call at most (`orgUnits(ids:)` takes 500). */
const GRAPH_BATCH = 500;

/**
 * What eligibility, the drafts and the dossier read, as per-request loaders: for every nomination resolved in the same
 * tick, one graph call per (campaign, year) for all their candidate units, and one query per table (forms, occasions,
 * the decrees, the other nominations of the candidates and of the campaigns).
 */
export interface EligibilityLoaders {
  form: DataLoader<string, AwardForm | null>;
  occasion: DataLoader<string, Occasion | null>;
  /** Every legal instrument, read once (the decrees eligibility and the drafts are judged by). */
  instruments: DataLoader<string, LegalInstrument[]>;
  /** Nominations by candidate (`candidateKey`): one achievement nominated twice. */
  candidateNominations: DataLoader<string, Nomination[]>;
  /** Nominations by campaign: one initiative cited twice. */
  campaignNominations: DataLoader<string, Nomination[]>;
  /** The graph's facts on candidate units, with the campaign's classification rule. */
  unitFacts: DataLoader<UnitFactsKey, { rule: ClassificationRule; unit: UnitFacts | null }, string>;
  /** Candidate units' kind and field (what an enterprise's dossier needs). */
  candidateUnits: DataLoader<string, CandidateUnit | null>;
}

const unitFactsKey = (k: UnitFactsKey) => `${k.campaignId}|${k.year}|${k.unitId}`;

/** The campaign's rule in words, e.g. "trên 70% điểm", "từ 80 điểm trở lên". */
function ruleText(rule: ClassificationRule): string {
  const band = rule?.bands.filter((b) => b).sort((a, b) => a.min - b.min)[0];
  if (!rule || !band) return 'chưa có quy tắc xếp loại';
  const unit = rule.basis === 'PERCENT' ? '% điểm' : ' điểm';
  const min = band.min.toLocaleString('vi-VN');
  return band.inclusive ? `từ ${min}${unit} trở lên` : `trên ${min}${unit}`;
}

/** Nominations and their explained eligibility (R12). Facts owned elsewhere come from the graph. */
export class NominationService {
  constructor(
    private readonly db: Database,
    private readonly graph: GraphClient,
    private readonly forms: AwardFormService,
  ) {}

  /** A fresh set of the loaders eligibility reads through (each request has its own: see `createLoaders`). */
  eligibilityLoaders(): EligibilityLoaders {
    const m = this.db.manager;
    return {
      form: byIdLoader<AwardForm>((ids) => this.forms.formsByIds(ids)),
      occasion: byIdLoader<Occasion>((ids) => this.forms.occasionsByIds(ids)),
      instruments: new DataLoader<string, LegalInstrument[]>(async (keys) => {
        const all = await m.find(LegalInstrument);
        return keys.map(() => all);
      }),
      candidateNominations: groupedLoader<Nomination>((n) => n.candidateKey, (keys) => m.find(Nomination, { where: { candidateKey: In([...keys]) } })),
      campaignNominations: groupedLoader<Nomination>((n) => n.campaignId, (ids) => m.find(Nomination, { where: { campaignId: In([...ids]) } })),
      unitFacts: new DataLoader((keys: readonly UnitFactsKey[]) => this.unitFacts(keys), { cacheKeyFn: unitFactsKey }),
      candidateUnits: new DataLoader<string, CandidateUnit | null>(async (ids) => {
        const found = new Map<string, CandidateUnit>();
        for (let i = 0; i < ids.length; i += GRAPH_BATCH) {
          const chunk = ids.slice(i, i + GRAPH_BATCH);
          const data = await this.graph.query(CandidateUnitsDocument, { unitIds: chunk, n: chunk.length });
          for (const e of data.orgUnits.edges) found.set(e.node.id, e.node);
        }
        return ids.map((id) => found.get(id) ?? null);
      }),
    };
  }

  /**
   * The graph's facts on many candidate units: one call per (campaign, year) among the keys (the score, the tasks and
   * the report are of that campaign and year), per 500 units.
   */
  private async unitFacts(keys: readonly UnitFactsKey[]): Promise<Array<{ rule: ClassificationRule; unit: UnitFacts | null }>> {
    const groups = new Map<string, { campaignId: string; year: number; unitIds: Set<string> }>();
    for (const k of keys) {
      const g = groups.get(`${k.campaignId}|${k.year}`) ?? { campaignId: k.campaignId, year: k.year, unitIds: new Set<string>() };
      g.unitIds.add(k.unitId);
      groups.set(`${k.campaignId}|${k.year}`, g);
    }
    const found = new Map<string, { rule: ClassificationRule; unit: UnitFacts | null }>();
    await Promise.all(
      [...groups.values()].map(async ({ campaignId, year, unitIds }) => {
        const ids = [...unitIds];
        for (let i = 0; i < ids.length; i += GRAPH_BATCH) {
          const chunk = ids.slice(i, i + GRAPH_BATCH);
          const data = await this.graph.query(NominationEligibilityDocument, { campaignId, year, unitIds: chunk, n: chunk.length });
          const rule = data.campaign?.classificationRule ?? null;
          const units = new Map(data.orgUnits.edges.map((e) => [e.node.id, e.node]));
          for (const unitId of chunk) found.set(unitFactsKey({ campaignId, year, unitId }), { rule, unit: units.get(unitId) ?? null });
        }
      }),
    );
    return keys.map((k) => found.get(unitFactsKey(k)) ?? { rule: null, unit: null });
  }

  async get(id: string): Promise<Nomination> {
    const n = await this.db.manager.findOne(Nomination, { where: { id } });
    if (!n) throw nominationError('NOMINATION_NOT_FOUND', { id });
    return n;
  }

  async list(campaignId: string, occasionId?: string | null): Promise<Nomination[]> {
    return this.db.manager.find(Nomination, { where: { campaignId, ...(occasionId ? { occasionId } : {}) }, order: { createdAt: 'ASC' } });
  }

  async ofCandidates(kind: 'unit' | 'person', ids: readonly string[]): Promise<Nomination[]> {
    if (!ids.length) return [];
    return this.db.manager.find(Nomination, { where: { [kind === 'unit' ? 'candidateUnitId' : 'candidatePersonId']: In([...ids]) }, order: { createdAt: 'ASC' } });
  }

  async create(input: NominationFields): Promise<Nomination> {
    if (!!input.candidateUnitId === !!input.candidatePersonId) throw nominationError('NOMINATION_CANDIDATE_INVALID');
    return this.db.transaction(async (m) => {
      const form = await m.findOne(AwardForm, { where: { id: input.formId } });
      const occasion = await m.findOne(Occasion, { where: { id: input.occasionId } });
      if (!form || !occasion || form.campaignId !== input.campaignId || occasion.campaignId !== input.campaignId) throw nominationError('NOMINATION_FORM_INVALID');
      const n = m.create(Nomination, {
        id: randomUUID(),
        campaignId: input.campaignId,
        occasionId: input.occasionId,
        formId: input.formId,
        proposingUnitId: input.proposingUnitId,
        candidateUnitId: input.candidateUnitId ?? null,
        candidatePersonId: input.candidatePersonId ?? null,
        candidateKey: input.candidateUnitId ? `unit:${input.candidateUnitId}` : `person:${input.candidatePersonId}`,
        achievementSummary: input.achievementSummary,
        initiativeIds: [...new Set(input.initiativeIds ?? [])],
        nominationDate: input.nominationDate ?? todayInVietnam(),
        pendingProceedings: input.pendingProceedings ?? false,
        status: 'DRAFT',
        submittedAt: null,
        createdAt: new Date(),
      });
      await m.save(n);
      await recordAudit(m, { entityType: 'Nomination', entityId: n.id, action: 'create', after: n });
      return n;
    });
  }

  /**
   * Gather the facts and decide, clause by clause. Through the request's loaders, many nominations' facts come in one
   * graph call per (campaign, year) and one query per table.
   */
  async eligibility(n: Nomination, loaders: EligibilityLoaders = this.eligibilityLoaders()): Promise<{ eligible: boolean; clauses: Clause[] }> {
    const [form, occasion] = await Promise.all([loaders.form.load(n.formId), loaders.occasion.load(n.occasionId)]);
    if (!form || !occasion) throw nominationError('NOMINATION_FORM_INVALID');
    const [graph, instruments, sameCandidate, sameCampaign] = await Promise.all([
      n.candidateUnitId ? loaders.unitFacts.load({ campaignId: n.campaignId, year: occasion.year, unitId: n.candidateUnitId }) : null,
      loaders.instruments.load('all'),
      loaders.candidateNominations.load(n.candidateKey),
      n.initiativeIds.length ? loaders.campaignNominations.load(n.campaignId) : [],
    ]);
    const decree = instrumentInForce(instruments.filter((i) => i.code.startsWith('ND-')), n.nominationDate);
    const others = sameCandidate.filter((o) => o.occasionId === n.occasionId && o.id !== n.id && holdsPlace(o.status));
    const allOthers = sameCampaign.filter((o) => o.id !== n.id && holdsPlace(o.status));
    const usedElsewhere = n.initiativeIds.filter((i) => allOthers.some((o) => o.initiativeIds.includes(i)));
    const rule = graph?.rule ?? null;
    const unit = graph?.unit ?? null;
    const registration = unit?.registrations.find((r) => r.campaign.id === n.campaignId && (r.status === 'SUBMITTED' || r.status === 'ACCEPTED')) ?? null;
    const facts: EligibilityFacts = {
      candidateKind: n.candidateUnitId ? 'UNIT' : 'PERSON',
      unitKind: unit?.kind ?? null,
      nominationDate: n.nominationDate,
      year: occasion.year,
      form,
      decree: decree ? { number: decree.number, blocksPendingProceedings: decree.blocksPendingProceedings } : null,
      registered: registration,
      score: unit?.score ?? null,
      ruleText: ruleText(rule),
      tasks: unit?.taskCompletion ?? null,
      reporting: unit?.reportingRecord ?? null,
      pendingProceedings: n.pendingProceedings,
      sameAchievementElsewhere: others.length,
      initiativesUsedElsewhere: usedElsewhere,
    };
    return eligibility(facts);
  }

  /** Draft the Tờ trình or the Báo cáo thành tích as Word: see nomination.drafts.ts. */
  draft(n: Nomination, kind: DraftKind, loaders: EligibilityLoaders = this.eligibilityLoaders()): Promise<{ name: string; buffer: Buffer }> {
    return nominationDraft({ graph: this.graph, eligibility: (x, l) => this.eligibility(x, l), rules: (campaignId) => this.rulesOf(campaignId) }, n, kind, loaders);
  }

  async documents(nominationId: string): Promise<DossierDocument[]> {
    return this.db.manager.find(DossierDocument, { where: { nominationId }, order: { createdAt: 'ASC' } });
  }

  /** The dossier's checklist for the nomination's candidate (R13), under the campaign's rule on who confirms the report. */
  async dossier(n: Nomination, loaders: EligibilityLoaders = this.eligibilityLoaders(), rules?: AwardRulesView): Promise<ReturnType<typeof checklist>> {
    const confirmers = (rules ?? (await this.rulesOf(n.campaignId))).reportConfirmations;
    return checklist(await this.requiredDocuments(n, loaders), await this.documents(n.id), n.nominationDate, confirmers);
  }

  /** The campaign's rules on award dossiers (copies, confirmations, the lead agency's review). */
  rulesOf(campaignId: string, m: EntityManager = this.db.manager): Promise<AwardRulesView> {
    return new AwardRulesService(this.db).of(campaignId, m);
  }

  /** The documents the candidate's dossier needs (an enterprise's field comes from the graph). */
  private async requiredDocuments(n: Nomination, loaders: EligibilityLoaders): Promise<DocumentKind[]> {
    const candidate = n.candidateUnitId ? await loaders.candidateUnits.load(n.candidateUnitId) : null;
    return requiredDocuments({ kind: n.candidateUnitId ? 'UNIT' : 'PERSON', unitKind: candidate?.kind ?? null, field: candidate?.field ?? null });
  }

  /**
   * Attach a document to a draft's dossier: the file (as the files service read it at upload) must be the proposing
   * unit's and the kind the item needs (DOSSIER_FILE_NOT_FOUND, DOSSIER_FILE_WRONG_KIND; nothing changes). A report
   * keeps who confirmed it (the older flag is the proposing level's confirmation).
   */
  async attach(
    nominationId: string,
    doc: { kind: DocumentKind; fileId: string; issuedDate?: string | null; validUntil?: string | null; confirmedByProposingLevel?: boolean | null; confirmations?: ReportConfirmer[] | null },
    by: string,
  ): Promise<Nomination> {
    const before = await this.get(nominationId);
    if (!EDITABLE_STATUSES.includes(before.status)) throw nominationError('NOMINATION_NOT_DRAFT', { status: before.status });
    const file = (await this.graph.query(DossierFilesDocument, { ids: [doc.fileId] })).storedFiles.find((f) => f.id === doc.fileId);
    if (!file || file.ownerUnit?.id !== before.proposingUnitId) throw dossierError('DOSSIER_FILE_NOT_FOUND', { fileId: doc.fileId });
    const fits = fileFitsItem(doc.kind, file);
    if (!fits.ok) throw dossierError('DOSSIER_FILE_WRONG_KIND', { fileId: doc.fileId, kind: doc.kind, found: fits.found }, fits.message);
    const confirmations = doc.kind === 'BAO_CAO_THANH_TICH' ? normalizeConfirmers([...(doc.confirmations ?? []), ...(doc.confirmedByProposingLevel ? ['PROPOSING_LEVEL'] : [])]) : [];
    return this.db.transaction(async (m) => {
      const n = await this.lockedNomination(m, nominationId);
      if (!EDITABLE_STATUSES.includes(n.status)) throw nominationError('NOMINATION_NOT_DRAFT', { status: n.status });
      const row = m.create(DossierDocument, {
        id: randomUUID(),
        nominationId,
        kind: doc.kind,
        fileId: doc.fileId,
        issuedDate: doc.issuedDate ?? null,
        validUntil: doc.validUntil ?? null,
        confirmedByProposingLevel: confirmations.includes('PROPOSING_LEVEL'),
        confirmations,
        fileName: file.name,
        mimeType: file.mimeType,
        documentType: file.documentType ?? null,
        pages: file.pages ?? null,
        checkedBy: null,
        checkedAt: null,
        uploadedBy: by,
        createdAt: new Date(),
      });
      await m.save(row);
      await recordAudit(m, { entityType: 'DossierDocument', entityId: row.id, action: 'attach', after: row });
      return n;
    });
  }

  /** Remove a document from a draft's or a returned nomination's dossier (a wrong file, a letter replaced). */
  async detach(documentId: string): Promise<Nomination> {
    return this.db.transaction(async (m) => {
      const doc = await m.findOne(DossierDocument, { where: { id: documentId } });
      if (!doc) throw platformError('NOT_FOUND', { entity: 'DossierDocument', id: documentId });
      const n = await this.lockedNomination(m, doc.nominationId);
      if (!EDITABLE_STATUSES.includes(n.status)) throw nominationError('NOMINATION_NOT_DRAFT', { status: n.status });
      await m.delete(DossierDocument, { id: documentId });
      await recordAudit(m, { entityType: 'DossierDocument', entityId: documentId, action: 'detach', before: doc });
      return n;
    });
  }

  /** Correct a draft or a returned nomination (achievement, initiatives, declared proceedings, date). */
  async update(id: string, expectedVersion: number, patch: { achievementSummary?: string | null; initiativeIds?: string[] | null; nominationDate?: string | null; pendingProceedings?: boolean | null }): Promise<Nomination> {
    return this.db.transaction(async (m) => {
      const before = await m.findOne(Nomination, { where: { id } });
      if (!before) throw nominationError('NOMINATION_NOT_FOUND', { id });
      if (!EDITABLE_STATUSES.includes(before.status)) throw nominationError('NOMINATION_NOT_DRAFT', { status: before.status });
      const clean = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined && v !== null)) as Partial<Nomination>;
      if (clean.initiativeIds) clean.initiativeIds = [...new Set(clean.initiativeIds)];
      const after = await updateVersioned<Nomination>(m, Nomination, id, expectedVersion, clean, nominationError('NOMINATION_NOT_FOUND', { id }));
      await recordAudit(m, { entityType: 'Nomination', entityId: id, action: 'update', before, after });
      return after;
    });
  }

  /**
   * Move a nomination one step along the workflow inside the caller's transaction: the status must allow the
   * action and the version must match; the step is kept with its reason, and audited.
   */
  async transition(m: EntityManager, n: Nomination, action: WorkflowAction, expectedVersion: number, reason: string | null, patch: Partial<Nomination> = {}): Promise<Nomination> {
    const rule = WORKFLOW[action];
    if (!(rule.from as readonly string[]).includes(n.status)) throw nominationError('NOMINATION_WRONG_STATUS', { status: n.status, action, allowedFrom: [...rule.from] });
    const after = await updateVersioned(m, Nomination, n.id, expectedVersion, { ...patch, status: rule.to }, nominationError('NOMINATION_NOT_FOUND', { id: n.id }));
    const step = m.create(NominationStep, {
      id: randomUUID(),
      nominationId: n.id,
      action,
      fromStatus: n.status,
      toStatus: rule.to,
      reason,
      actorId: currentContext()?.viewer.userId ?? 'system',
      at: new Date(),
    });
    await m.save(step);
    await recordAudit(m, { entityType: 'Nomination', entityId: n.id, action, before: n, after: { ...after, reason } });
    return after;
  }

  async steps(nominationIds: readonly string[]): Promise<NominationStep[]> {
    return nominationIds.length ? this.db.manager.find(NominationStep, { where: { nominationId: In([...nominationIds]) }, order: { at: 'ASC' } }) : [];
  }

  /**
   * Send the nomination (a draft, or a returned one after correction): only when every eligibility clause holds,
   * the dossier is complete and the proposing unit's quota at the occasion has room.
   */
  async submit(id: string, expectedVersion: number): Promise<Nomination> {
    const n = await this.get(id);
    if (!EDITABLE_STATUSES.includes(n.status)) throw nominationError('NOMINATION_NOT_DRAFT', { status: n.status });
    // Its own loaders, not the request's: the check reads what is stored now (an earlier mutation of the same request
    // may have submitted another nomination of the candidate).
    const loaders = this.eligibilityLoaders();
    const e = await this.eligibility(n, loaders);
    if (!e.eligible) {
      const failed = e.clauses.filter((c) => c.result === 'FAIL');
      throw nominationError('NOMINATION_INELIGIBLE', { failed: failed.map((c) => ({ code: c.code, requirement: c.requirement, basis: c.basis })) }, `Chưa gửi được đề nghị: chưa đạt ${failed.map((c) => c.requirement).join(' ')}`);
    }
    const required = await this.requiredDocuments(n, loaders);
    return this.db.transaction(async (m) => {
      // The dossier is checked on the locked row, so a document removed meanwhile cannot slip through.
      const locked = await this.lockedNomination(m, id);
      if (!EDITABLE_STATUSES.includes(locked.status)) throw nominationError('NOMINATION_NOT_DRAFT', { status: locked.status });
      const rules = await this.rulesOf(locked.campaignId, m);
      const d = checklist(required, await m.find(DossierDocument, { where: { nominationId: id } }), locked.nominationDate, rules.reportConfirmations);
      if (!d.complete) {
        const missing = d.items.filter((i) => i.status !== 'PRESENT');
        throw nominationError(
          'NOMINATION_DOSSIER_INCOMPLETE',
          { missing: missing.map((i) => ({ kind: i.kind, status: i.status, detail: i.detail })) },
          `Hồ sơ chưa đầy đủ: ${missing.map((i) => `${i.label} (${i.detail.replace(/\.$/, '')})`).join('; ')}.`,
        );
      }
      await this.assertQuota(m, locked);
      return this.transition(m, locked, 'submit', expectedVersion, null, { submittedAt: new Date() });
    });
  }

  /**
   * The quotas that bind the nomination (its form's, and the one over every form) must have room. On MySQL the
   * quota rows are locked so that two submissions cannot both take the last place; SQLite queues transactions.
   */
  private async assertQuota(m: EntityManager, n: Nomination): Promise<void> {
    const quotas = await m.find(Quota, {
      where: { occasionId: n.occasionId, proposingUnitId: n.proposingUnitId, formKey: In(['', n.formId]) },
      order: { id: 'ASC' },
      ...(this.db.kind === 'mysql' ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!quotas.length) return;
    const others = await m.find(Nomination, { where: { occasionId: n.occasionId, proposingUnitId: n.proposingUnitId, id: Not(n.id) } });
    for (const q of quotas) {
      const used = quotaUsed(q, others);
      if (used >= q.maxNominations) {
        throw nominationError('NOMINATION_QUOTA_EXCEEDED', { quota: q.maxNominations, used, formId: q.formKey || null }, `Đơn vị đã gửi ${used}/${q.maxNominations} đề nghị theo chỉ tiêu của đợt${q.formKey ? ' cho hình thức này' : ''}; không gửi thêm được.`);
      }
    }
  }

  /**
   * Phòng / Sở Nội vụ appraises a nomination that has reached it (submitted; where the campaign requires the lead
   * agency's review, forwarded by it): accepted once every item of the dossier is present and confirmed by Nội vụ (those
   * in `confirmItems` are confirmed here, in the same transaction), or returned for correction with a reason.
   */
  async appraise(id: string, expectedVersion: number, accept: boolean, reason: string | null, confirmItems: readonly DocumentKind[] = []): Promise<Nomination> {
    if (!accept && !reason) throw nominationError('NOMINATION_REASON_REQUIRED');
    const n = await this.get(id);
    const required = await this.requiredDocuments(n, this.eligibilityLoaders());
    return this.db.transaction(async (m) => {
      const locked = await this.lockedNomination(m, id);
      const rules = await this.rulesOf(locked.campaignId, m);
      this.assertBeforeNoiVu(locked, rules);
      const action = accept ? 'appraise' : 'return';
      if (!(WORKFLOW[action].from as readonly string[]).includes(locked.status)) throw nominationError('NOMINATION_WRONG_STATUS', { status: locked.status, action, allowedFrom: [...WORKFLOW[action].from] });
      if (accept) {
        if (confirmItems.length) await this.markChecked(m, locked, required, rules, confirmItems);
        const d = checklist(required, await m.find(DossierDocument, { where: { nominationId: id } }), locked.nominationDate, rules.reportConfirmations);
        const open = d.items.filter((i) => i.status !== 'PRESENT' || !i.checked);
        if (open.length) {
          throw dossierError(
            'DOSSIER_NOT_CONFIRMED',
            { unconfirmed: open.map((i) => ({ kind: i.kind, status: i.status })) },
            `Chưa thẩm định đạt được: Nội vụ chưa xác nhận ${open.map((i) => `«${i.label}»${i.status === 'PRESENT' ? '' : ` (${i.detail.replace(/\.$/, '')})`}`).join('; ')}.`,
          );
        }
      }
      return this.transition(m, locked, action, expectedVersion, reason);
    });
  }

  /**
   * Nội vụ acts on a nomination only once it reached Nội vụ: forwarded by the lead agency where the campaign requires it
   * (one forwarded before the campaign dropped the rule stays with Nội vụ).
   */
  private assertBeforeNoiVu(n: Nomination, rules: AwardRulesView): void {
    if (rules.leadReviewRequired && n.status === 'SUBMITTED') throw dossierError('NOMINATION_NOT_FORWARDED', { status: n.status });
  }

  /**
   * Nội vụ confirms items of the dossier at appraisal: each must be one the candidate's dossier needs and present
   * (with the confirmations the campaign requires); the documents that stand for it are marked checked, audited.
   */
  async confirmItems(id: string, kinds: readonly DocumentKind[]): Promise<Nomination> {
    const n = await this.get(id);
    const required = await this.requiredDocuments(n, this.eligibilityLoaders());
    return this.db.transaction(async (m) => {
      const locked = await this.lockedNomination(m, id);
      const rules = await this.rulesOf(locked.campaignId, m);
      this.assertBeforeNoiVu(locked, rules);
      const at: readonly NominationStatus[] = rules.leadReviewRequired ? ['FORWARDED'] : ['SUBMITTED', 'FORWARDED'];
      if (!at.includes(locked.status)) throw nominationError('NOMINATION_WRONG_STATUS', { status: locked.status, allowedFrom: [...at] });
      await this.markChecked(m, locked, required, rules, kinds);
      return locked;
    });
  }

  private async markChecked(m: EntityManager, n: Nomination, required: DocumentKind[], rules: AwardRulesView, kinds: readonly DocumentKind[]): Promise<void> {
    const docs = await m.find(DossierDocument, { where: { nominationId: n.id } });
    const d = checklist(required, docs, n.nominationDate, rules.reportConfirmations);
    const by = currentContext()?.viewer.userId ?? 'system';
    for (const kind of new Set(kinds)) {
      const item = d.items.find((i) => i.kind === kind);
      if (!item) throw dossierError('DOSSIER_ITEM_NOT_REQUIRED', { kind });
      if (item.status !== 'PRESENT') throw dossierError('DOSSIER_ITEM_NOT_PRESENT', { kind, status: item.status }, `Không xác nhận được «${item.label}»: ${item.detail.replace(/\.$/, '').toLocaleLowerCase('vi')}.`);
      for (const doc of docs.filter((x) => x.kind === kind && !x.checkedAt)) {
        const after = { ...doc, checkedBy: by, checkedAt: new Date() };
        await m.save(DossierDocument, after);
        await recordAudit(m, { entityType: 'DossierDocument', entityId: doc.id, action: 'check', before: doc, after });
      }
    }
  }

  /**
   * The campaign's lead agency, where the campaign requires it, compiles and reviews a submitted nomination: forwards it
   * to Nội vụ, or returns it to the proposing unit with a reason.
   */
  async leadReview(id: string, expectedVersion: number, forward: boolean, reason: string | null): Promise<Nomination> {
    if (!forward && !reason) throw nominationError('NOMINATION_REASON_REQUIRED');
    return this.db.transaction(async (m) => {
      const locked = await this.lockedNomination(m, id);
      if (!(await this.rulesOf(locked.campaignId, m)).leadReviewRequired) throw dossierError('LEAD_REVIEW_NOT_REQUIRED', { campaignId: locked.campaignId });
      if (locked.status !== 'SUBMITTED') throw nominationError('NOMINATION_WRONG_STATUS', { status: locked.status, allowedFrom: ['SUBMITTED'] });
      return this.transition(m, locked, forward ? 'forward' : 'return', expectedVersion, reason);
    });
  }

  /** Not awarded, with the reason (after submission, before the decision). */
  async reject(id: string, expectedVersion: number, reason: string): Promise<Nomination> {
    return this.db.transaction(async (m) => this.transition(m, await this.lockedNomination(m, id), 'reject', expectedVersion, reason));
  }

  async lockedNomination(m: EntityManager, id: string): Promise<Nomination> {
    const n = await m.findOne(Nomination, { where: { id }, ...(this.db.kind === 'mysql' ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!n) throw nominationError('NOMINATION_NOT_FOUND', { id });
    return n;
  }

  /** Set (or change) a proposing unit's quota at an occasion, for one form or for all. */
  async setQuota(input: { occasionId: string; proposingUnitId: string; formId?: string | null; maxNominations: number }): Promise<Quota> {
    return this.db.transaction(async (m) => {
      const occasion = await m.findOne(Occasion, { where: { id: input.occasionId } });
      const form = input.formId ? await m.findOne(AwardForm, { where: { id: input.formId } }) : null;
      if (!occasion || (input.formId && (!form || form.campaignId !== occasion.campaignId))) throw nominationError('QUOTA_INVALID');
      const formKey = input.formId ?? '';
      const before = await m.findOne(Quota, { where: { occasionId: input.occasionId, proposingUnitId: input.proposingUnitId, formKey } });
      const row = before ? { ...before, maxNominations: input.maxNominations } : m.create(Quota, { id: randomUUID(), occasionId: input.occasionId, proposingUnitId: input.proposingUnitId, formKey, maxNominations: input.maxNominations });
      const saved = await m.save(Quota, row);
      await recordAudit(m, { entityType: 'Quota', entityId: saved.id, action: before ? 'update' : 'create', before, after: saved });
      return saved;
    });
  }

  async quotasOf(occasionIds: readonly string[]): Promise<Quota[]> {
    return occasionIds.length ? this.db.manager.find(Quota, { where: { occasionId: In([...occasionIds]) }, order: { proposingUnitId: 'ASC', formKey: 'ASC' } }) : [];
  }
}
