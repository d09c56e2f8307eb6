import { randomUUID } from 'node:crypto';
import type { GraphClient } from '@thidua/graph-client';
import { byIdLoader, formatVietnameseDate, groupedLoader, recordAudit, todayInVietnam, updateVersioned, type Database } from '@thidua/platform';
import DataLoader from 'dataloader';
import { In, MoreThan, type EntityManager } from 'typeorm';
import { AwardForm, Occasion } from '../award-form/award-form.entity';
import { ConsultationNamesDocument } from '../generated/graph';
import { Nomination } from '../nomination/nomination.entity';
import { Consultation, ConsultationComment, ConsultationNominee } from './consultation.entity';
import { consultationError, consultationErrors } from './consultation.errors';
import {
  COMMENTS_PER_CONTACT_PER_HOUR,
  consultationBlock,
  consultationPeriod,
  consultationStatus,
  contactKey,
  countComments,
  statusForStage,
  summaryLine,
  type CommentCounts,
  type CommentKind,
  type ConsultationStageValue,
  type ConsultationStatus,
} from './consultation.rules';

/** The campaign's consultation rule (award-rules: `consultationDays`, 0 = none; `consultationStage`). */
export interface ConsultationRule {
  consultationDays: number;
  consultationStage: ConsultationStageValue;
}
export type ConsultationRules = (campaignId: string, m?: EntityManager) => Promise<ConsultationRule>;

/** What day it is for consultations (open, ended) and when a comment arrives; replaceable to let a period pass in tests. */
export interface ConsultationClock {
  today(): string;
  now(): Date;
}

export interface OpenConsultationInput {
  occasionId: string;
  nominationIds: string[];
  startsOn: string;
  endsOn?: string | null;
}

export interface CommentInput {
  consultationId: string;
  nominationId: string;
  kind: CommentKind;
  authorName: string;
  contact: string;
  content: string;
}

/** A nomination's consultation for its dossier: dates, state, counts and every comment with its answer. */
export interface NominationConsultationView {
  consultation: Consultation;
  status: ConsultationStatus;
  counts: CommentCounts;
  comments: ConsultationComment[];
}

const GRAPH_BATCH = 500;

/**
 * Công khai, lấy ý kiến (R27): the list of nominees published for the campaign's period, comments and objections from
 * anyone, Nội vụ's answers, and what the consultation holds back (the council, the decision) until it is done.
 */
export class ConsultationService {
  clock: ConsultationClock = { today: () => todayInVietnam(), now: () => new Date() };

  constructor(
    private readonly db: Database,
    private readonly graph: GraphClient,
    private readonly rules: ConsultationRules,
  ) {}

  /** Per-request loaders of what the consultation's fields read. */
  loaders() {
    return {
      consultation: byIdLoader<Consultation>((ids) => this.byIds(ids)),
      consultationNominees: groupedLoader<ConsultationNominee>((x) => x.consultationId, (ids) => this.nominees(ids)),
      /** Published comments by nomination. */
      publishedComments: groupedLoader<ConsultationComment>((x) => x.nominationId, (ids) => this.publishedOf(ids)),
      nominationConsultation: new DataLoader<string, NominationConsultationView | null>(async (ids) => {
        const records = await this.recordOf(ids);
        return ids.map((id) => records.get(id) ?? null);
      }),
    };
  }

  status(c: Pick<Consultation, 'startsOn' | 'endsOn'>): ConsultationStatus {
    return consultationStatus(c, this.clock.today());
  }

  async get(id: string): Promise<Consultation> {
    const c = await this.db.manager.findOne(Consultation, { where: { id } });
    if (!c) throw consultationError('CONSULTATION_NOT_FOUND', { id });
    return c;
  }

  async byIds(ids: readonly string[]): Promise<Consultation[]> {
    return ids.length ? this.db.manager.find(Consultation, { where: { id: In([...ids]) } }) : [];
  }

  /** A campaign's consultations, the latest first. */
  async ofCampaign(campaignId: string): Promise<Consultation[]> {
    return this.db.manager.find(Consultation, { where: { campaignId }, order: { startsOn: 'DESC', createdAt: 'DESC' } });
  }

  async nominees(consultationIds: readonly string[]): Promise<ConsultationNominee[]> {
    return consultationIds.length ? this.db.manager.find(ConsultationNominee, { where: { consultationId: In([...consultationIds]) }, order: { position: 'ASC' } }) : [];
  }

  /** The comments on these nominations Nội vụ chose to publish, with their answers. */
  async publishedOf(nominationIds: readonly string[]): Promise<ConsultationComment[]> {
    return nominationIds.length ? this.db.manager.find(ConsultationComment, { where: { nominationId: In([...nominationIds]), published: true }, order: { submittedAt: 'ASC', id: 'ASC' } }) : [];
  }

  /** Every comment of a consultation (Nội vụ), in the order they arrived. */
  async comments(consultationId: string): Promise<ConsultationComment[]> {
    return this.db.manager.find(ConsultationComment, { where: { consultationId }, order: { submittedAt: 'ASC', id: 'ASC' } });
  }

  async comment(id: string): Promise<ConsultationComment> {
    const c = await this.db.manager.findOne(ConsultationComment, { where: { id } });
    if (!c) throw consultationError('CONSULTATION_COMMENT_NOT_FOUND', { id });
    return c;
  }

  /** The names a nominee is published with, from the directory (units, and people with their position and unit). */
  private async names(noms: Nomination[]) {
    const unitIds = [...new Set(noms.flatMap((n) => [n.proposingUnitId, ...(n.candidateUnitId ? [n.candidateUnitId] : [])]))];
    const personIds = [...new Set(noms.flatMap((n) => (n.candidatePersonId ? [n.candidatePersonId] : [])))];
    const units = new Map<string, string>();
    const people = new Map<string, { fullName: string; position: string | null; unitName: string | null }>();
    for (let i = 0; i < Math.max(unitIds.length, personIds.length); i += GRAPH_BATCH) {
      const u = unitIds.slice(i, i + GRAPH_BATCH);
      const p = personIds.slice(i, i + GRAPH_BATCH);
      const data = await this.graph.query(ConsultationNamesDocument, { unitIds: u, nUnits: Math.max(1, u.length), personIds: p, nPeople: Math.max(1, p.length) });
      for (const e of data.orgUnits.edges) units.set(e.node.id, e.node.name);
      for (const x of p.length ? data.people : []) people.set(x.id, { fullName: x.fullName, position: x.position ?? null, unitName: x.unit?.name ?? null });
    }
    return { units, people };
  }

  /**
   * Publish nominations of one occasion for comment, from `startsOn` (today or later) for at least the campaign's days
   * (the end defaults to the start plus those days). The nominations must be at the campaign's stage (appraised, before
   * the council; recommended, before the decision) and not published before.
   */
  async open(input: OpenConsultationInput, by: string): Promise<Consultation> {
    const occasion = await this.db.manager.findOne(Occasion, { where: { id: input.occasionId } });
    const ids = [...new Set(input.nominationIds)];
    if (!occasion || !ids.length) throw consultationError('CONSULTATION_NOMINATIONS_INVALID', { nominationIds: ids });
    const rule = await this.rules(occasion.campaignId);
    if (rule.consultationDays <= 0) throw consultationError('CONSULTATION_NOT_REQUIRED', { campaignId: occasion.campaignId });
    const period = consultationPeriod(input.startsOn, input.endsOn, rule.consultationDays, this.clock.today());
    if ('problem' in period) throw consultationError('CONSULTATION_DATES_INVALID', { fields: [{ field: input.endsOn && input.startsOn >= this.clock.today() ? 'endsOn' : 'startsOn', message: period.problem }] }, period.problem);
    const wanted = statusForStage(rule.consultationStage);
    const check = (noms: Nomination[], published: Set<string>) => {
      const bad = ids.filter((id) => {
        const n = noms.find((x) => x.id === id);
        return !n || n.occasionId !== occasion.id || n.status !== wanted || published.has(id);
      });
      if (bad.length) {
        const step = wanted === 'APPRAISED' ? 'đã được Nội vụ thẩm định, chưa đưa ra Hội đồng' : 'đã được Hội đồng thông qua, chưa có quyết định';
        throw consultationError('CONSULTATION_NOMINATIONS_INVALID', { nominationIds: bad, requiredStatus: wanted }, `Phong trào công khai danh sách ${rule.consultationStage === 'BEFORE_COUNCIL' ? 'trước khi họp Hội đồng' : 'trước khi quyết định khen thưởng'}: chỉ công khai các đề nghị của đợt này ${step} và chưa được công khai (${bad.length} đề nghị không đạt).`);
      }
    };
    const already = async (m: EntityManager) => new Set((await m.find(ConsultationNominee, { where: { nominationId: In(ids) } })).map((x) => x.nominationId));
    // Checked before asking the graph for names, and again on the locked rows.
    check(await this.db.manager.find(Nomination, { where: { id: In(ids) } }), await already(this.db.manager));
    const { units, people } = await this.names(await this.db.manager.find(Nomination, { where: { id: In(ids) } }));
    return this.db.transaction(async (m) => {
      const noms = await m.find(Nomination, { where: { id: In(ids) }, order: { id: 'ASC' }, ...(this.db.kind === 'mysql' ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
      check(noms, await already(m));
      const forms = new Map((await m.find(AwardForm, { where: { id: In([...new Set(noms.map((n) => n.formId))]) } })).map((f) => [f.id, f.name]));
      const c = m.create(Consultation, {
        id: randomUUID(),
        campaignId: occasion.campaignId,
        occasionId: occasion.id,
        stage: rule.consultationStage,
        startsOn: input.startsOn,
        endsOn: period.endsOn,
        openedBy: by,
        createdAt: this.clock.now(),
      });
      await m.save(c);
      // In the order Nội vụ listed them.
      const rows = ids.map((id, position) => {
        const n = noms.find((x) => x.id === id) as Nomination;
        const person = n.candidatePersonId ? people.get(n.candidatePersonId) : undefined;
        return m.create(ConsultationNominee, {
          id: randomUUID(),
          consultationId: c.id,
          nominationId: n.id,
          position,
          collective: !!n.candidateUnitId,
          name: n.candidateUnitId ? (units.get(n.candidateUnitId) ?? '') : (person?.fullName ?? ''),
          jobTitle: person?.position ?? null,
          unitName: person?.unitName ?? null,
          formName: forms.get(n.formId) ?? '',
          proposingUnitName: units.get(n.proposingUnitId) ?? '',
          achievementSummary: n.achievementSummary,
        });
      });
      if (rows.some((r) => !r.name)) throw consultationError('CONSULTATION_NOMINATIONS_INVALID', { nominationIds: rows.filter((r) => !r.name).map((r) => r.nominationId) }, 'Không tra được tên của tập thể, cá nhân được đề nghị; chưa công khai được danh sách.');
      await m.save(rows);
      await recordAudit(m, { entityType: 'Consultation', entityId: c.id, action: 'open', after: { ...c, nominees: rows } });
      return c;
    });
  }

  /**
   * A comment or objection from anyone (no sign-in): only while the consultation is open, on a nominee it lists, from a
   * valid contact, at most five an hour per contact. The answer thanks the author and shows nothing else.
   */
  async submitComment(input: CommentInput): Promise<{ message: string; submittedAt: Date }> {
    const key = contactKey(input.contact);
    if (!key) throw consultationError('CONSULTATION_CONTACT_INVALID', { fields: [{ field: 'contact', message: 'Nhập địa chỉ thư điện tử hoặc số điện thoại hợp lệ.' }] });
    return this.db.transaction(async (m) => {
      const c = await m.findOne(Consultation, { where: { id: input.consultationId } });
      if (!c) throw consultationError('CONSULTATION_NOT_FOUND', { id: input.consultationId });
      const status = this.status(c);
      if (status !== 'OPEN') {
        throw consultationError(
          'CONSULTATION_NOT_OPEN',
          { status },
          status === 'UPCOMING' ? `Đợt công khai bắt đầu nhận ý kiến từ ngày ${formatVietnameseDate(c.startsOn)}.` : `Đợt công khai đã kết thúc nhận ý kiến ngày ${formatVietnameseDate(c.endsOn)}.`,
        );
      }
      if (!(await m.findOne(ConsultationNominee, { where: { consultationId: c.id, nominationId: input.nominationId } }))) {
        throw consultationError('CONSULTATION_NOMINEE_UNKNOWN', { fields: [{ field: 'nominationId', message: 'Chọn một tập thể, cá nhân trong danh sách công khai.' }] });
      }
      const now = this.clock.now();
      const recent = await m.count(ConsultationComment, { where: { contactKey: key, submittedAt: MoreThan(new Date(now.getTime() - 3_600_000)) } });
      if (recent >= COMMENTS_PER_CONTACT_PER_HOUR) {
        throw consultationError('CONSULTATION_TOO_MANY_COMMENTS', { limit: COMMENTS_PER_CONTACT_PER_HOUR, fields: [{ field: 'contact', message: consultationErrors.CONSULTATION_TOO_MANY_COMMENTS }] });
      }
      const row = m.create(ConsultationComment, {
        id: randomUUID(),
        consultationId: c.id,
        nominationId: input.nominationId,
        kind: input.kind,
        authorName: input.authorName,
        contact: input.contact.trim(),
        contactKey: key,
        content: input.content,
        submittedAt: now,
        answer: null,
        answeredBy: null,
        answeredAt: null,
        published: false,
      });
      await m.save(row);
      await recordAudit(m, { entityType: 'ConsultationComment', entityId: row.id, action: 'submit', after: row });
      return {
        message: `Cảm ơn ông/bà ${input.authorName} đã gửi ${input.kind === 'OBJECTION' ? 'ý kiến phản ánh' : 'ý kiến góp ý'}. Thường trực Hội đồng Thi đua - Khen thưởng sẽ xem xét, trả lời theo thông tin liên hệ ông/bà đã cung cấp.`,
        submittedAt: now,
      };
    });
  }

  /** Nội vụ answers a comment (or corrects its answer) and decides whether the comment and the answer are published. */
  async answer(id: string, expectedVersion: number, answer: string, publish: boolean, by: string): Promise<ConsultationComment> {
    return this.db.transaction(async (m) => {
      const before = await m.findOne(ConsultationComment, { where: { id } });
      if (!before) throw consultationError('CONSULTATION_COMMENT_NOT_FOUND', { id });
      const after = await updateVersioned(m, ConsultationComment, id, expectedVersion, { answer, published: publish, answeredBy: by, answeredAt: this.clock.now() }, consultationError('CONSULTATION_COMMENT_NOT_FOUND', { id }));
      await recordAudit(m, { entityType: 'ConsultationComment', entityId: id, action: before.answer === null ? 'answer' : 'reanswer', before, after });
      return after;
    });
  }

  /** Each nomination's consultation with its comments (the dossier's record); nominations never published are absent. */
  async recordOf(nominationIds: readonly string[], m: EntityManager = this.db.manager): Promise<Map<string, NominationConsultationView>> {
    const out = new Map<string, NominationConsultationView>();
    if (!nominationIds.length) return out;
    const nominees = await m.find(ConsultationNominee, { where: { nominationId: In([...nominationIds]) } });
    if (!nominees.length) return out;
    const [consultations, comments] = await Promise.all([
      m.find(Consultation, { where: { id: In([...new Set(nominees.map((x) => x.consultationId))]) } }),
      m.find(ConsultationComment, { where: { nominationId: In(nominees.map((x) => x.nominationId)) }, order: { submittedAt: 'ASC', id: 'ASC' } }),
    ]);
    for (const x of nominees) {
      const c = consultations.find((k) => k.id === x.consultationId);
      if (!c) continue;
      const own = comments.filter((k) => k.nominationId === x.nominationId && k.consultationId === c.id);
      out.set(x.nominationId, { consultation: c, status: this.status(c), counts: countComments(own), comments: own });
    }
    return out;
  }

  /**
   * The council may not take a nomination published before the council until its consultation ended before the meeting
   * and every objection has an answer (COUNCIL_CONSULTATION_PENDING). Call inside the council's transaction.
   * Where the campaign's rules ask for a consultation before the council, a nomination never published is held too
   * (the law asks the list to be public before it is considered; a campaign that does without sets 0 days).
   */
  async assertReadyForCouncil(m: EntityManager, nominations: ReadonlyArray<Pick<Nomination, 'id' | 'campaignId'>>, meetingDate: string): Promise<void> {
    const records = await this.recordOf(nominations.map((n) => n.id), m);
    const blocked: Array<{ nominationId: string; reason: string; text: string }> = [...records.entries()].flatMap(([nominationId, r]) => {
      if (r.consultation.stage !== 'BEFORE_COUNCIL') return [];
      const b = consultationBlock(r.consultation, r.counts, meetingDate, this.clock.today());
      return b ? [{ nominationId, ...b }] : [];
    });
    blocked.push(...(await this.unpublished(m, nominations, records, 'BEFORE_COUNCIL')));
    if (blocked.length) {
      throw consultationError('COUNCIL_CONSULTATION_PENDING', { nominations: blocked.map(({ nominationId, reason }) => ({ nominationId, reason })) }, `Chưa đưa ra Hội đồng được: ${[...new Set(blocked.map((b) => b.text))].join('; ')}.`);
    }
  }

  /**
   * A decision dated `date` may not confer an award while an objection to the nomination is unanswered
   * (NOMINATION_OBJECTION_UNANSWERED), nor before a consultation held before the decision has ended (DECISION_CONSULTATION_PENDING).
   */
  async assertReadyForDecision(nominations: ReadonlyArray<Pick<Nomination, 'id' | 'campaignId'>>, date: string, m: EntityManager = this.db.manager): Promise<void> {
    const records = await this.recordOf(nominations.map((n) => n.id), m);
    const unanswered = [...records.entries()].filter(([, r]) => r.counts.unansweredObjections > 0);
    if (unanswered.length) {
      const count = unanswered.reduce((s, [, r]) => s + r.counts.unansweredObjections, 0);
      throw consultationError('NOMINATION_OBJECTION_UNANSWERED', { nominationIds: unanswered.map(([id]) => id) }, `Còn ${count} ý kiến phản ánh về đề nghị chưa được trả lời; chưa quyết định khen thưởng được.`);
    }
    const pending: Array<{ nominationId: string; reason: string; text: string }> = [...records.entries()].flatMap(([nominationId, r]) => {
      if (r.consultation.stage !== 'BEFORE_DECISION') return [];
      const b = consultationBlock(r.consultation, r.counts, date, this.clock.today());
      return b ? [{ nominationId, ...b }] : [];
    });
    pending.push(...(await this.unpublished(m, nominations, records, 'BEFORE_DECISION')));
    if (pending.length) {
      throw consultationError('DECISION_CONSULTATION_PENDING', { nominationIds: pending.map((p) => p.nominationId) }, `Chưa quyết định khen thưởng được: ${[...new Set(pending.map((p) => p.text))].join('; ')}.`);
    }
  }

  /**
   * The nominations that were never published although their campaign asks for a consultation at this stage (days > 0):
   * the list of nominees must be public, for the campaign's period, before the council or the decision considers them.
   */
  private async unpublished(
    m: EntityManager,
    nominations: ReadonlyArray<Pick<Nomination, 'id' | 'campaignId'>>,
    records: Map<string, NominationConsultationView>,
    stage: ConsultationStageValue,
  ): Promise<Array<{ nominationId: string; reason: 'NOT_PUBLISHED'; text: string }>> {
    const out: Array<{ nominationId: string; reason: 'NOT_PUBLISHED'; text: string }> = [];
    const rules = new Map<string, ConsultationRule>();
    for (const n of nominations) {
      if (records.has(n.id)) continue;
      const rule = rules.get(n.campaignId) ?? (await this.rules(n.campaignId, m));
      rules.set(n.campaignId, rule);
      if (rule.consultationDays > 0 && rule.consultationStage === stage) {
        out.push({ nominationId: n.id, reason: 'NOT_PUBLISHED', text: `đề nghị chưa được công khai, lấy ý kiến ${rule.consultationDays} ngày như phong trào quy định` });
      }
    }
    return out;
  }
}

/**
 * The consultation of these nominations as the council's minutes (or any document) record it: one sentence per
 * consultation they were published in, counting only their comments, e.g. "Đã công khai danh sách từ ngày 01/12/2026
 * đến ngày 06/12/2026 trên Cổng thông tin; nhận 2 ý kiến (1 phản ánh); Thường trực Hội đồng đã trả lời đầy đủ."
 * Nominations never published give no sentence.
 */
export async function consultationSummaryLines(m: EntityManager, nominationIds: readonly string[]): Promise<string[]> {
  if (!nominationIds.length) return [];
  const nominees = await m.find(ConsultationNominee, { where: { nominationId: In([...nominationIds]) } });
  if (!nominees.length) return [];
  const consultationIds = [...new Set(nominees.map((x) => x.consultationId))];
  const [consultations, comments] = await Promise.all([
    m.find(Consultation, { where: { id: In(consultationIds) }, order: { startsOn: 'ASC' } }),
    m.find(ConsultationComment, { where: { nominationId: In(nominees.map((x) => x.nominationId)) } }),
  ]);
  return consultations.map((c) => summaryLine(c, countComments(comments.filter((k) => k.consultationId === c.id))));
}
