import { randomUUID } from 'node:crypto';
import { peopleOf, unitNamesOf, type GraphClient } from '@thidua/graph-client';
import { formatVietnameseDate, recordAudit, rethrowUnique, todayInVietnam, type Database } from '@thidua/platform';
import { In } from 'typeorm';
import { AwardForm, LegalInstrument } from '../award-form/award-form.entity';
import { formAvailableOn, instrumentInForce } from '../award-form/award-form.rules';
import { CouncilReview } from '../council/council.entity';
import { Nomination } from '../nomination/nomination.entity';
import type { NominationService } from '../nomination/nomination.service';
import type { ConsultationService } from '../consultation/consultation.service';
import { AwardDecision, BaseSalary, BonusRate, type CandidateKind } from './decision.entity';
import { decisionError } from './decision.errors';
import { bonusFor, type Bonus } from './decision.rules';

export interface BonusTables {
  instruments: LegalInstrument[];
  rates: BonusRate[];
  salaries: BaseSalary[];
  forms: AwardForm[];
}

export interface DecisionInput {
  number: string;
  date: string;
  signer: string;
  signerTitle: string;
  nominationIds: string[];
}

/** A decided nomination as public open data: only what the decision itself publishes. */
export function toAward(n: Nomination) {
  return {
    id: n.id,
    awardeeName: n.awardeeName ?? '',
    collective: !!n.candidateUnitId,
    awardeeUnitName: n.awardeeUnitName,
    candidateUnit: n.candidateUnitId ? { id: n.candidateUnitId } : null,
    formId: n.formId,
    occasionId: n.occasionId,
    decisionId: n.decisionId ?? '',
    bonusAmount: n.bonusAmount,
  };
}
export type AwardView = ReturnType<typeof toAward>;

/** Decisions, the bonus they carry, and the public list of awardees (R14). */
export class DecisionService {
  constructor(
    private readonly db: Database,
    private readonly graph: GraphClient,
    private readonly nominations: NominationService,
    private readonly consultations: ConsultationService,
  ) {}

  async byIds(ids: readonly string[]): Promise<AwardDecision[]> {
    return ids.length ? this.db.manager.find(AwardDecision, { where: { id: In([...ids]) } }) : [];
  }

  /** The decrees, multipliers and base salaries bonuses are computed from. */
  async bonusTables(): Promise<BonusTables> {
    const m = this.db.manager;
    const [instruments, rates, salaries, forms] = await Promise.all([m.find(LegalInstrument), m.find(BonusRate), m.find(BaseSalary), m.find(AwardForm)]);
    return { instruments, rates, salaries, forms };
  }

  /** The bonus a decision dated `date` would carry for the nomination, or why there is none. */
  async bonus(n: Pick<Nomination, 'formId' | 'candidateUnitId'>, date: string, tables?: BonusTables): Promise<{ bonus: Bonus | null; explanation: string }> {
    const { instruments, rates, salaries, forms } = tables ?? (await this.bonusTables());
    const form = forms.find((f) => f.id === n.formId);
    if (!form) return { bonus: null, explanation: 'Không tìm thấy hình thức khen thưởng.' };
    const decree = instrumentInForce(instruments.filter((i) => i.code.startsWith('ND-')), date);
    const candidateKind: CandidateKind = n.candidateUnitId ? 'COLLECTIVE' : 'INDIVIDUAL';
    return bonusFor({ date, formKind: form.kind, authority: form.authority, candidateKind, decree, rates, salaries });
  }

  /**
   * Record a signed decision conferring one form on nominations the council recommended: the authority must still
   * confer the form on the decision's date; each awardee's name (as the decision lists it) and bonus are fixed.
   */
  async record(input: DecisionInput, by: string): Promise<AwardDecision> {
    if (input.date > todayInVietnam()) throw decisionError('DECISION_DATE_INVALID', { date: input.date });
    const ids = [...new Set(input.nominationIds)];
    const noms = await this.db.manager.find(Nomination, { where: { id: In(ids) } });
    const formIds = new Set(noms.map((n) => n.formId));
    const campaignIds = new Set(noms.map((n) => n.campaignId));
    const bad = ids.filter((id) => noms.find((n) => n.id === id)?.status !== 'RECOMMENDED');
    if (!ids.length || bad.length || formIds.size !== 1 || campaignIds.size !== 1) throw decisionError('DECISION_NOMINATIONS_INVALID', { nominationIds: bad });
    // No award while an objection from the public consultation is unanswered, nor before it ended (R27).
    await this.consultations.assertReadyForDecision(noms, input.date);
    const form = await this.db.manager.findOne(AwardForm, { where: { id: [...formIds][0] } });
    if (!form || !formAvailableOn(form, input.date)) throw decisionError('DECISION_AUTHORITY_LAPSED', { authority: form?.authorityTitle, validTo: form?.validTo }, `Ngày ${formatVietnameseDate(input.date)}, ${form?.authorityTitle ?? 'cấp này'} không còn thẩm quyền tặng ${form?.name ?? 'hình thức này'}.`);
    const reviews = await this.db.manager.find(CouncilReview, { where: { id: In([...new Set(noms.map((n) => n.councilReviewId ?? ''))]) } });
    if (reviews.some((r) => r.meetingDate > input.date)) throw decisionError('DECISION_DATE_INVALID', { date: input.date });
    // Names as the decision lists them, fixed now: later renames or merges do not rewrite a signed decision.
    const [units, people] = await Promise.all([
      unitNamesOf(this.graph, noms.flatMap((n) => (n.candidateUnitId ? [n.candidateUnitId] : []))),
      peopleOf(this.graph, noms.flatMap((n) => (n.candidatePersonId ? [n.candidatePersonId] : []))),
    ]);
    const missing = noms.filter((n) => (n.candidateUnitId ? !units.has(n.candidateUnitId) : !people.has(n.candidatePersonId ?? '')));
    if (missing.length) throw decisionError('DECISION_AWARDEE_UNKNOWN', { nominationIds: missing.map((n) => n.id) });
    const tables = await this.bonusTables();
    const bonuses = new Map<string, { bonus: Bonus | null; explanation: string }>();
    for (const n of noms) bonuses.set(n.id, await this.bonus(n, input.date, tables));
    return this.db.transaction(async (m) => {
      const decision = m.create(AwardDecision, { id: randomUUID(), campaignId: [...campaignIds][0], number: input.number, date: input.date, signer: input.signer, signerTitle: input.signerTitle, recordedBy: by, createdAt: new Date() });
      await m.save(decision).catch((e: unknown) => rethrowUnique(e, decisionError('DECISION_NUMBER_TAKEN', { number: input.number, date: input.date })));
      await recordAudit(m, { entityType: 'AwardDecision', entityId: decision.id, action: 'create', after: decision });
      for (const id of ids) {
        const n = await this.nominations.lockedNomination(m, id);
        const person = n.candidatePersonId ? people.get(n.candidatePersonId) : undefined;
        const b = bonuses.get(n.id);
        await this.nominations.transition(m, n, 'decide', n.version, `Quyết định số ${decision.number} ngày ${formatVietnameseDate(input.date)} của ${decision.signerTitle}.`, {
          decisionId: decision.id,
          awardeeName: n.candidateUnitId ? (units.get(n.candidateUnitId) ?? null) : (person?.fullName ?? null),
          awardeeUnitName: person?.unitName ?? null,
          bonusAmount: b?.bonus?.amount ?? null,
          bonusBasis: b?.explanation ?? null,
        });
      }
      return decision;
    });
  }

  /** Awardees of decided nominations: public open data (công khai, minh bạch). */
  async awardees(filter: { campaignIds?: readonly string[]; unitIds?: readonly string[]; personIds?: readonly string[]; decisionIds?: readonly string[] }): Promise<Nomination[]> {
    const where = {
      status: 'DECIDED' as const,
      ...(filter.campaignIds ? { campaignId: In([...filter.campaignIds]) } : {}),
      ...(filter.unitIds ? { candidateUnitId: In([...filter.unitIds]) } : {}),
      ...(filter.personIds ? { candidatePersonId: In([...filter.personIds]) } : {}),
      ...(filter.decisionIds ? { decisionId: In([...filter.decisionIds]) } : {}),
    };
    return this.db.manager.find(Nomination, { where, order: { awardeeName: 'ASC' } });
  }

  async baseSalaries(): Promise<BaseSalary[]> {
    return this.db.manager.find(BaseSalary, { order: { validFrom: 'ASC' } });
  }

  async bonusRates(): Promise<BonusRate[]> {
    return this.db.manager.find(BonusRate, { order: { instrumentCode: 'ASC', formKind: 'ASC', authority: 'ASC', candidateKind: 'ASC' } });
  }

  /** Set the base salary from a date (a new decree on lương cơ sở). */
  async setBaseSalary(input: { validFrom: string; amount: number; legalBasis: string }): Promise<BaseSalary> {
    return this.db.transaction(async (m) => {
      const before = await m.findOne(BaseSalary, { where: { validFrom: input.validFrom } });
      const row = before ? { ...before, ...input } : m.create(BaseSalary, { id: randomUUID(), ...input });
      const saved = await m.save(BaseSalary, row);
      await recordAudit(m, { entityType: 'BaseSalary', entityId: saved.id, action: before ? 'update' : 'create', before, after: saved });
      return saved;
    });
  }

  /** Set a decree's multiplier for a form, an authority and a kind of awardee. */
  async setBonusRate(input: Omit<BonusRate, 'id' | 'note'> & { note?: string | null }): Promise<BonusRate> {
    return this.db.transaction(async (m) => {
      if (!(await m.findOne(LegalInstrument, { where: { code: input.instrumentCode } }))) throw decisionError('BONUS_RATE_INSTRUMENT_UNKNOWN', { instrumentCode: input.instrumentCode });
      const key = { instrumentCode: input.instrumentCode, formKind: input.formKind, authority: input.authority, candidateKind: input.candidateKind };
      const before = await m.findOne(BonusRate, { where: key });
      const row = before ? { ...before, multiplier: input.multiplier, note: input.note ?? before.note } : m.create(BonusRate, { id: randomUUID(), ...key, multiplier: input.multiplier, note: input.note ?? null });
      const saved = await m.save(BonusRate, row);
      await recordAudit(m, { entityType: 'BonusRate', entityId: saved.id, action: before ? 'update' : 'create', before, after: saved });
      return saved;
    });
  }
}
