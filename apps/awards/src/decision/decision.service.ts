import { randomUUID } from 'node:crypto';
import { administrativeDocx, fileSlug, printableSheet } from '@thidua/documents';
import { unitNamesOf, type GraphClient } from '@thidua/graph-client';
import { formatVietnameseDate, recordAudit, rethrowUnique, todayInVietnam, updateVersioned, type Database } from '@thidua/platform';
import ExcelJS from 'exceljs';
import { In, type EntityManager } from 'typeorm';
import { AwardForm, LegalInstrument, Occasion } from '../award-form/award-form.entity';
import { formAvailableOn, instrumentInForce } from '../award-form/award-form.rules';
import { CouncilReview } from '../council/council.entity';
import { DecisionBodiesDocument, DecisionPeopleDocument, type DecisionBodiesQuery } from '../generated/graph';
import { Nomination } from '../nomination/nomination.entity';
import type { NominationService } from '../nomination/nomination.service';
import type { ConsultationService } from '../consultation/consultation.service';
import { certificateWord, decisionDocument, type DecisionDocumentData, type DecisionLine } from './decision.document';
import { AwardCertificate, AwardDecision, BaseSalary, BonusRate, RewardFund, type CandidateKind } from './decision.entity';
import { decisionError } from './decision.errors';
import { bonusFor, checkFund, fundUsed, governingFund, issuingBody, type Bonus } from './decision.rules';

export interface BonusTables {
  instruments: LegalInstrument[];
  rates: BonusRate[];
  salaries: BaseSalary[];
  forms: AwardForm[];
}

export interface DecisionInput {
  number?: string | null;
  date: string;
  signer?: string | null;
  signerTitle?: string | null;
  nominationIds: string[];
  exceedFund?: boolean | null;
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

/** A reward fund with what the recorded decisions have taken from it. */
export type RewardFundView = RewardFund & { occasionId: string | null; used: number; remaining: number };

/** One awardee of a decision being prepared: the nomination, the name and description it will carry, the bonus. */
export interface PreparedLine extends DecisionLine {
  nomination: Nomination;
  position: string | null;
  unitName: string | null;
  bonus: Bonus | null;
  basis: string;
}

/** Everything a decision is checked and written from, before it is recorded. */
interface Prepared {
  noms: Nomination[];
  form: AwardForm;
  occasion: Occasion;
  campaignId: string;
  reviews: CouncilReview[];
  lines: PreparedLine[];
  total: number;
}

/** The decision's preview: the list, the total, the fund and the draft Quyết định. */
export interface DecisionPreview {
  form: AwardForm;
  occasion: Occasion;
  awards: PreparedLine[];
  total: number;
  fund: RewardFundView | null;
  remainingAfter: number | null;
  exceedsFund: boolean;
  warning: string | null;
  document: { name: string; buffer: Buffer };
}

/** The body whose chairman confers the form on the date, from the campaign's bodies and the proposing units then. */
function issuingBodyOf(form: AwardForm, bodies: DecisionBodiesQuery): string {
  const c = bodies.campaign;
  return issuingBody(form, { issuer: c?.issuer ?? null, jurisdiction: c?.jurisdiction ?? null, proposers: bodies.orgUnits.edges.map((e) => e.node) });
}

/** Decisions, the bonus they carry, the reward fund they draw on, and the public list of awardees (R14, R28). */
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
   * Check a decision's nominations and compute what it will say: only nominations the council recommended, of one
   * campaign, occasion and form; the authority must still confer the form on the date, which is not before the council
   * met (nor, when recording, after today). Names, positions and bonuses as of the date; collectives first.
   */
  private async prepare(input: DecisionInput, recording: boolean): Promise<Prepared> {
    if (recording && input.date > todayInVietnam()) throw decisionError('DECISION_DATE_INVALID', { date: input.date });
    const ids = [...new Set(input.nominationIds)];
    const found = await this.db.manager.find(Nomination, { where: { id: In(ids) } });
    const noms = ids.flatMap((id) => found.filter((n) => n.id === id));
    const formIds = new Set(noms.map((n) => n.formId));
    const campaignIds = new Set(noms.map((n) => n.campaignId));
    const occasionIds = new Set(noms.map((n) => n.occasionId));
    const bad = ids.filter((id) => noms.find((n) => n.id === id)?.status !== 'RECOMMENDED');
    if (!ids.length || bad.length || formIds.size !== 1 || campaignIds.size !== 1 || occasionIds.size !== 1) throw decisionError('DECISION_NOMINATIONS_INVALID', { nominationIds: bad });
    // No award while an objection from the public consultation is unanswered, nor before it ended (R27).
    if (recording) await this.consultations.assertReadyForDecision(noms, input.date);
    const [form, occasion] = await Promise.all([
      this.db.manager.findOne(AwardForm, { where: { id: [...formIds][0] } }),
      this.db.manager.findOne(Occasion, { where: { id: [...occasionIds][0] } }),
    ]);
    if (!form || !formAvailableOn(form, input.date)) throw decisionError('DECISION_AUTHORITY_LAPSED', { authority: form?.authorityTitle, validTo: form?.validTo }, `Ngày ${formatVietnameseDate(input.date)}, ${form?.authorityTitle ?? 'cấp này'} không còn thẩm quyền tặng ${form?.name ?? 'hình thức này'}.`);
    if (!occasion) throw decisionError('DECISION_NOMINATIONS_INVALID', { nominationIds: ids });
    const reviews = await this.db.manager.find(CouncilReview, { where: { id: In([...new Set(noms.map((n) => n.councilReviewId ?? ''))]) }, order: { meetingDate: 'ASC' } });
    if (reviews.some((r) => r.meetingDate > input.date)) throw decisionError('DECISION_DATE_INVALID', { date: input.date });
    // Names as the decision lists them, fixed when recorded: later renames or merges do not rewrite a signed decision.
    const unitIds = noms.flatMap((n) => (n.candidateUnitId ? [n.candidateUnitId] : []));
    const personIds = noms.flatMap((n) => (n.candidatePersonId ? [n.candidatePersonId] : []));
    const [units, people] = await Promise.all([unitNamesOf(this.graph, unitIds), this.people(personIds)]);
    const missing = noms.filter((n) => (n.candidateUnitId ? !units.has(n.candidateUnitId) : !people.has(n.candidatePersonId ?? '')));
    if (missing.length) throw decisionError('DECISION_AWARDEE_UNKNOWN', { nominationIds: missing.map((n) => n.id) });
    const tables = await this.bonusTables();
    const lines: PreparedLine[] = [];
    for (const n of noms) {
      const b = await this.bonus(n, input.date, tables);
      const person = n.candidatePersonId ? people.get(n.candidatePersonId) : undefined;
      const description = person ? [person.position, person.unitName].filter(Boolean).join(', ') || null : null;
      lines.push({
        nomination: n,
        collective: !!n.candidateUnitId,
        name: n.candidateUnitId ? (units.get(n.candidateUnitId) as string) : (person?.fullName as string),
        description,
        position: person?.position ?? null,
        unitName: person?.unitName ?? null,
        amount: b.bonus?.amount ?? null,
        bonus: b.bonus,
        basis: b.explanation,
      });
    }
    lines.sort((a, b) => Number(b.collective) - Number(a.collective));
    const total = lines.reduce((s, l) => s + (l.amount ?? 0), 0);
    return { noms, form, occasion, campaignId: [...campaignIds][0] as string, reviews, lines, total };
  }

  private async people(ids: string[]): Promise<Map<string, { fullName: string; position: string | null; unitName: string | null }>> {
    const out = new Map<string, { fullName: string; position: string | null; unitName: string | null }>();
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += 500) {
      const batch = unique.slice(i, i + 500);
      const data = await this.graph.query(DecisionPeopleDocument, { ids: batch, n: batch.length });
      for (const p of data.people) out.set(p.id, { fullName: p.fullName, position: p.position?.trim() || null, unitName: p.unit?.name ?? null });
    }
    return out;
  }

  /** The campaign's bodies on the date and the decree in force: what the Quyết định is headed and based on. */
  private async documentData(p: Pick<Prepared, 'form' | 'occasion' | 'campaignId' | 'reviews' | 'noms'>, d: { number: string | null; date: string; signer: string | null; signerTitle: string | null }, lines: DecisionLine[]): Promise<DecisionDocumentData> {
    const proposers = [...new Set(p.noms.map((n) => n.proposingUnitId))];
    const [bodies, instruments] = await Promise.all([
      this.graph.query(DecisionBodiesDocument, { campaignId: p.campaignId, date: d.date, proposerIds: proposers, n: Math.max(1, proposers.length) }),
      this.db.manager.find(LegalInstrument),
    ]);
    const decree = instrumentInForce(instruments.filter((i) => i.code.startsWith('ND-')), d.date);
    return {
      body: issuingBodyOf(p.form, bodies),
      number: d.number,
      date: d.date,
      draft: !d.number,
      signer: { title: d.signerTitle, name: d.signer },
      form: { name: p.form.name, kind: p.form.kind, legalBasis: p.form.legalBasis },
      occasion: { kind: p.occasion.kind, name: p.occasion.name, year: p.occasion.year },
      campaignName: bodies.campaign?.name ?? '',
      decree: decree ? { number: decree.number, title: decree.title } : null,
      appraisingAgency: bodies.campaign?.appraisingAgency.name ?? null,
      leadAgency: bodies.campaign?.leadAgency.name ?? null,
      councilMeetings: p.reviews.map((r) => ({ name: r.name, date: r.meetingDate })),
      lines,
    };
  }

  /**
   * Preview a decision before it is signed: the awardees and their bonuses, the total, the fund it would draw on and
   * what would remain, a warning when it would go over (or when no fund is set), and the draft Quyết định.
   */
  async preview(input: DecisionInput): Promise<DecisionPreview> {
    const p = await this.prepare(input, false);
    const funds = await this.fundsOf(p.campaignId, p.occasion.year);
    const fund = governingFund(funds, p.occasion);
    const check = checkFund(fund ? { amount: fund.amount, used: fund.used, label: this.fundLabel(fund, p.occasion) } : null, p.total);
    const unpriced = p.lines.filter((l) => l.amount === null);
    const warning = [check.warning, unpriced.length ? `Chưa tính được tiền thưởng cho ${unpriced.map((l) => l.name).join('; ')}: ${unpriced[0]?.basis}` : null].filter(Boolean).join(' ') || null;
    const data = await this.documentData(p, { number: null, date: input.date, signer: input.signer ?? null, signerTitle: input.signerTitle ?? null }, p.lines);
    const buffer = await administrativeDocx(decisionDocument(data));
    return {
      form: p.form,
      occasion: p.occasion,
      awards: p.lines,
      total: p.total,
      fund,
      remainingAfter: check.remainingAfter,
      exceedsFund: check.exceeds,
      warning,
      document: { name: `Du-thao-quyet-dinh-khen-thuong-${fileSlug(p.form.name)}-${input.date}.docx`, buffer },
    };
  }

  /** "năm 2024" or "của đợt «Sơ kết …»": how a warning names the fund. */
  private fundLabel(fund: { occasionId: string | null; year: number }, occasion: Occasion): string {
    return fund.occasionId ? `của đợt «${occasion.name}»` : `năm ${fund.year}`;
  }

  /**
   * Record a signed decision conferring one form on nominations the council recommended: the authority must still
   * confer the form on the decision's date; each awardee's name (as the decision lists it), bonus and register number
   * are fixed. Its total bonus is counted against the occasion's fund (else the year's) in the same transaction, the
   * fund's row locked on MySQL so that two decisions cannot both take its last part; going over it is refused
   * (REWARD_FUND_EXCEEDED) unless Nội vụ confirms it.
   */
  async record(input: DecisionInput & { number: string; signer: string; signerTitle: string }, by: string): Promise<AwardDecision> {
    const p = await this.prepare(input, true);
    const lock = this.db.kind === 'mysql' ? { lock: { mode: 'pessimistic_write' as const } } : {};
    const year = Number(input.date.slice(0, 4));
    return this.db.transaction(async (m) => {
      // Locking reads first: on InnoDB the transaction's snapshot is taken at its first plain read, after these, so
      // it sees every decision committed before the locks were granted.
      await m.findOne(AwardForm, { where: { id: p.form.id }, ...lock });
      await m.find(RewardFund, { where: { campaignId: p.campaignId, year: p.occasion.year, occasionKey: In([p.occasion.id, '']) }, order: { occasionKey: 'DESC' }, ...lock });
      const funds = await this.fundsOf(p.campaignId, p.occasion.year, m);
      const fund = governingFund(funds, p.occasion);
      const check = checkFund(fund ? { amount: fund.amount, used: fund.used, label: this.fundLabel(fund, p.occasion) } : null, p.total);
      if (check.exceeds && !input.exceedFund && fund) {
        throw decisionError(
          'REWARD_FUND_EXCEEDED',
          { total: p.total, fund: fund.amount, used: fund.used, remaining: fund.remaining, fundId: fund.id },
          `${check.warning} Chưa ghi quyết định; nếu vẫn ghi, Nội vụ xác nhận vượt quỹ.`,
        );
      }
      const decision = m.create(AwardDecision, {
        id: randomUUID(),
        campaignId: p.campaignId,
        number: input.number,
        date: input.date,
        signer: input.signer,
        signerTitle: input.signerTitle,
        recordedBy: by,
        createdAt: new Date(),
        formId: p.form.id,
        occasionId: p.occasion.id,
        totalBonus: p.total,
        fundExceeded: check.exceeds,
      });
      await m.save(decision).catch((e: unknown) => rethrowUnique(e, decisionError('DECISION_NUMBER_TAKEN', { number: input.number, date: input.date })));
      await recordAudit(m, { entityType: 'AwardDecision', entityId: decision.id, action: 'create', after: { ...decision, fund: fund ? { id: fund.id, amount: fund.amount, usedBefore: fund.used } : null } });
      const last = await m.createQueryBuilder(AwardCertificate, 'c').select('MAX(c.registerNumber)', 'max').where('c.formId = :f AND c.registerYear = :y', { f: p.form.id, y: year }).getRawOne<{ max: number | string | null }>();
      let register = Number(last?.max ?? 0);
      for (const [ordinal, line] of p.lines.entries()) {
        const n = await this.nominations.lockedNomination(m, line.nomination.id);
        await this.nominations.transition(m, n, 'decide', n.version, `Quyết định số ${decision.number} ngày ${formatVietnameseDate(input.date)} của ${decision.signerTitle}.`, {
          decisionId: decision.id,
          awardeeName: line.name,
          awardeeUnitName: line.unitName,
          bonusAmount: line.amount,
          bonusBasis: line.basis,
        });
        const certificate = m.create(AwardCertificate, { id: randomUUID(), decisionId: decision.id, nominationId: n.id, ordinal: ordinal + 1, formId: p.form.id, registerYear: year, registerNumber: ++register, position: line.position });
        await m.save(certificate);
      }
      return decision;
    });
  }

  /** The lines of a recorded decision, as it listed them: names, positions and bonuses fixed when it was recorded. */
  private async recordedLines(decision: AwardDecision): Promise<Array<DecisionLine & { nomination: Nomination; certificate: AwardCertificate | null }>> {
    const [noms, certificates] = await Promise.all([
      this.db.manager.find(Nomination, { where: { decisionId: decision.id } }),
      this.db.manager.find(AwardCertificate, { where: { decisionId: decision.id }, order: { ordinal: 'ASC' } }),
    ]);
    const order = new Map(certificates.map((c) => [c.nominationId, c.ordinal]));
    const rank = (n: Nomination) => order.get(n.id) ?? Number.MAX_SAFE_INTEGER;
    return noms
      .sort((a, b) => Number(!!b.candidateUnitId) - Number(!!a.candidateUnitId) || rank(a) - rank(b) || (a.awardeeName ?? '').localeCompare(b.awardeeName ?? '', 'vi'))
      .map((n) => {
        const certificate = certificates.find((c) => c.nominationId === n.id) ?? null;
        const description = n.candidateUnitId ? null : [certificate?.position, n.awardeeUnitName].filter(Boolean).join(', ') || null;
        return { nomination: n, certificate, collective: !!n.candidateUnitId, name: n.awardeeName ?? '', description, amount: n.bonusAmount };
      });
  }

  /** The recorded Quyết định as Word: its number, date and signer, the annex with the amounts it fixed. */
  async document(decision: AwardDecision): Promise<{ name: string; buffer: Buffer }> {
    const lines = await this.recordedLines(decision);
    const noms = lines.map((l) => l.nomination);
    const formId = decision.formId ?? noms[0]?.formId ?? '';
    const occasionId = decision.occasionId ?? noms[0]?.occasionId ?? '';
    const [form, occasion, reviews] = await Promise.all([
      this.db.manager.findOne(AwardForm, { where: { id: formId } }),
      this.db.manager.findOne(Occasion, { where: { id: occasionId } }),
      this.db.manager.find(CouncilReview, { where: { id: In([...new Set(noms.map((n) => n.councilReviewId ?? ''))]) }, order: { meetingDate: 'ASC' } }),
    ]);
    if (!form || !occasion) throw decisionError('DECISION_NOMINATIONS_INVALID', { decisionId: decision.id });
    const data = await this.documentData({ form, occasion, campaignId: decision.campaignId, reviews, noms }, { number: decision.number, date: decision.date, signer: decision.signer, signerTitle: decision.signerTitle }, lines);
    const buffer = await administrativeDocx(decisionDocument(data));
    return { name: `Quyet-dinh-${fileSlug(decision.number)}-${decision.date}.docx`, buffer };
  }

  /**
   * The list for printing the certificates (Excel, A4): STT, the collective's or the person's name, a person's position
   * and unit, the form, the decision's number and date (a date cell), the register number (a number).
   */
  async certificateList(decision: AwardDecision): Promise<{ name: string; buffer: Buffer }> {
    const lines = await this.recordedLines(decision);
    const form = await this.db.manager.findOne(AwardForm, { where: { id: decision.formId ?? lines[0]?.nomination.formId ?? '' } });
    const word = form ? certificateWord(form.kind, form.name) : 'Bằng khen, Giấy khen';
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'thidua';
    const sheet = printableSheet(workbook, `Danh sách in ${word}`, {
      title: `DANH SÁCH IN ${word.toLocaleUpperCase('vi')}`,
      subtitle: `Kèm theo Quyết định số ${decision.number} ngày ${formatVietnameseDate(decision.date)} của ${form?.authorityTitle ?? decision.signerTitle}`,
      columns: [
        { header: 'STT', key: 'stt', kind: 'integer', width: 6 },
        { header: 'Họ và tên / Tên tập thể', key: 'name', width: 32 },
        { header: 'Chức vụ, đơn vị (cá nhân)', key: 'description', width: 36 },
        { header: 'Hình thức khen thưởng', key: 'form', width: 28 },
        { header: 'Số quyết định', key: 'number', width: 16 },
        { header: 'Ngày quyết định', key: 'date', kind: 'date', width: 13 },
        { header: 'Số vào sổ', key: 'register', kind: 'integer', width: 10 },
      ],
      rows: lines.map((l, i) => ({
        stt: i + 1,
        name: l.name,
        description: l.description,
        form: form?.name ?? '',
        number: decision.number,
        date: decision.date,
        register: l.certificate?.registerNumber ?? null,
      })),
      landscape: true,
    });
    // The ordinal and the register number centred under their short headers.
    for (const col of [1, 7]) {
      sheet.getColumn(col).eachCell((cell, row) => {
        if (row > 4) cell.alignment = { ...cell.alignment, horizontal: 'center' };
      });
    }
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    return { name: `Danh-sach-in-${fileSlug(word)}-${fileSlug(decision.number)}-${decision.date}.xlsx`, buffer };
  }

  /** A campaign's reward funds (of one year, if given) with what the recorded decisions have taken from each. */
  async fundsOf(campaignId: string, year?: number | null, m: EntityManager = this.db.manager): Promise<RewardFundView[]> {
    const [funds, occasions, decisions] = await Promise.all([
      m.find(RewardFund, { where: { campaignId }, order: { year: 'ASC', occasionKey: 'ASC' } }),
      m.find(Occasion, { where: { campaignId } }),
      m.find(AwardDecision, { where: { campaignId }, select: { id: true, occasionId: true, totalBonus: true } }),
    ]);
    const keyed = funds.map((f) => ({ ...f, occasionId: f.occasionKey || null }));
    return keyed
      .filter((f) => year === undefined || year === null || f.year === year)
      .map((f) => {
        const used = fundUsed(f, keyed, occasions, decisions);
        return Object.assign(f, { used, remaining: f.amount - used });
      });
  }

  /** Set a campaign's reward fund for a year or one occasion of it (Nội vụ), audited; a version guards a change. */
  async setFund(input: { campaignId: string; year: number; occasionId?: string | null; amount: number; source: string; expectedVersion?: number | null }, by: string): Promise<RewardFundView> {
    const saved = await this.db.transaction(async (m) => {
      if (input.occasionId) {
        const occasion = await m.findOne(Occasion, { where: { id: input.occasionId } });
        if (!occasion || occasion.campaignId !== input.campaignId || occasion.year !== input.year) throw decisionError('REWARD_FUND_OCCASION_INVALID', { occasionId: input.occasionId });
      }
      const key = { campaignId: input.campaignId, year: input.year, occasionKey: input.occasionId ?? '' };
      const before = await m.findOne(RewardFund, { where: key, ...(this.db.kind === 'mysql' ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
      if (before && input.expectedVersion !== undefined && input.expectedVersion !== null && input.expectedVersion !== before.version) throw decisionError('REWARD_FUND_VERSION_CONFLICT', { expectedVersion: input.expectedVersion, version: before.version });
      let row: RewardFund;
      if (before) row = await updateVersioned(m, RewardFund, before.id, before.version, { amount: input.amount, source: input.source, updatedBy: by }, decisionError('REWARD_FUND_VERSION_CONFLICT', { id: before.id }));
      else {
        row = m.create(RewardFund, { id: randomUUID(), ...key, amount: input.amount, source: input.source, updatedBy: by });
        await m.save(row).catch((e: unknown) => rethrowUnique(e, decisionError('REWARD_FUND_VERSION_CONFLICT', key)));
      }
      await recordAudit(m, { entityType: 'RewardFund', entityId: row.id, action: before ? 'update' : 'create', before, after: row });
      return row;
    });
    const views = await this.fundsOf(input.campaignId, input.year);
    return views.find((f) => f.id === saved.id) as RewardFundView;
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
