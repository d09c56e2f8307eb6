import { randomUUID } from 'node:crypto';
import { administrativeDocx, documentNumber, issuerAbbreviation, placeOf, vietnameseLongDate, type BodyLine } from '@thidua/documents';
import { peopleOf, unitNamesOf, type GraphClient } from '@thidua/graph-client';
import { formatVietnameseDate, hasRole, recordAudit, updateVersioned, type Database, type Viewer } from '@thidua/platform';
import { In, type EntityManager } from 'typeorm';
import { AwardForm, Occasion } from '../award-form/award-form.entity';
import { CouncilJurisdictionDocument } from '../generated/graph';
import { Nomination } from '../nomination/nomination.entity';
import type { NominationService } from '../nomination/nomination.service';
import { consultationSummaryLines, type ConsultationService } from '../consultation/consultation.service';
import { CouncilRecusal, CouncilReview, CouncilVote, type CouncilMember, type VoteChoice } from './council.entity';
import { councilError } from './council.errors';
import { tally, type Tally } from './council.rules';

export interface CouncilInput {
  occasionId: string;
  name: string;
  meetingDate: string;
  place: string;
  passPercent: number;
  members: Array<{ name: string; position: string; userId?: string | null }>;
  nominationIds: string[];
}

/** One nomination before the council: its votes, its recusals, and the count. */
export interface CouncilItem {
  nomination: Nomination;
  members: CouncilMember[];
  votes: CouncilVote[];
  recusals: CouncilRecusal[];
  tally: Tally;
}

/** The Hội đồng Thi đua - Khen thưởng (R14): members, recusals, votes, the pass threshold, minutes. */
export class CouncilService {
  constructor(
    private readonly db: Database,
    private readonly graph: GraphClient,
    private readonly nominations: NominationService,
    private readonly consultations: ConsultationService,
  ) {}

  async get(id: string): Promise<CouncilReview> {
    const r = await this.db.manager.findOne(CouncilReview, { where: { id } });
    if (!r) throw councilError('COUNCIL_NOT_FOUND', { id });
    return r;
  }

  async byIds(ids: readonly string[]): Promise<CouncilReview[]> {
    return ids.length ? this.db.manager.find(CouncilReview, { where: { id: In([...ids]) } }) : [];
  }

  async ofOccasions(occasionIds: readonly string[]): Promise<CouncilReview[]> {
    return occasionIds.length ? this.db.manager.find(CouncilReview, { where: { occasionId: In([...occasionIds]) }, order: { meetingDate: 'ASC' } }) : [];
  }

  /**
   * The sessions a member sits on, by their account, latest meeting first. Members are kept as JSON in the review's
   * row: the database narrows by the quoted id in that text, the exact match is made on the parsed members.
   */
  async ofMember(userId: string): Promise<CouncilReview[]> {
    const rows = await this.db.manager
      .createQueryBuilder(CouncilReview, 'r')
      .where('r.members LIKE :p', { p: `%${JSON.stringify(userId)}%` })
      .orderBy('r.meetingDate', 'DESC')
      .addOrderBy('r.id', 'ASC')
      .getMany();
    return rows.filter((r) => r.members.some((x) => x.userId === userId));
  }

  /** Convene the council on appraised nominations of one occasion; they move to IN_COUNCIL together. */
  async open(input: CouncilInput): Promise<CouncilReview> {
    const names = input.members.map((m) => m.name.toLocaleLowerCase('vi'));
    const userIds = input.members.flatMap((m) => (m.userId ? [m.userId] : []));
    if (input.members.length < 3 || new Set(names).size !== names.length || new Set(userIds).size !== userIds.length) throw councilError('COUNCIL_MEMBERS_INVALID');
    return this.db.transaction(async (m) => {
      const occasion = await m.findOne(Occasion, { where: { id: input.occasionId } });
      const ids = [...new Set(input.nominationIds)];
      const noms = await m.find(Nomination, { where: { id: In(ids) }, order: { id: 'ASC' }, ...(this.db.kind === 'mysql' ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
      const bad = ids.filter((id) => {
        const n = noms.find((x) => x.id === id);
        return !n || n.occasionId !== input.occasionId || n.status !== 'APPRAISED';
      });
      if (!occasion || !ids.length || bad.length) throw councilError('COUNCIL_NOMINATIONS_INVALID', { nominationIds: bad });
      // Published for comment before the council: only once that has ended before the meeting, every objection answered (R27).
      await this.consultations.assertReadyForCouncil(m, noms, input.meetingDate);
      const review = m.create(CouncilReview, {
        id: randomUUID(),
        campaignId: occasion.campaignId,
        occasionId: occasion.id,
        name: input.name,
        meetingDate: input.meetingDate,
        place: input.place,
        passPercent: input.passPercent,
        members: input.members.map((x) => ({ id: randomUUID(), name: x.name, position: x.position, userId: x.userId ?? null })),
        status: 'OPEN',
        closedAt: null,
      });
      await m.save(review);
      await recordAudit(m, { entityType: 'CouncilReview', entityId: review.id, action: 'open', after: review });
      for (const n of noms) await this.nominations.transition(m, n, 'toCouncil', n.version, null, { councilReviewId: review.id });
      return review;
    });
  }

  /**
   * A member with an account acts only as themself; the secretariat (Nội vụ) records only the paper ballots and
   * declarations of members without one, so nobody can change a member's own vote or recusal.
   */
  private member(review: CouncilReview, memberId: string, viewer: Viewer): CouncilMember {
    const member = review.members.find((x) => x.id === memberId);
    if (!member) throw councilError('COUNCIL_MEMBER_UNKNOWN', { memberId });
    const self = !!member.userId && member.userId === viewer.userId;
    const secretariat = !member.userId && hasRole(viewer, 'ADMIN', 'HOME_AFFAIRS');
    if (!self && !secretariat) throw councilError('COUNCIL_NOT_YOUR_VOTE', { memberId });
    return member;
  }

  /**
   * The open review a vote or recusal belongs to, read inside the writer's transaction; on MySQL the review row is
   * locked, so a close waits for the write and a write after the close sees it closed.
   */
  private async openFor(m: EntityManager, reviewId: string, nominationId: string): Promise<CouncilReview> {
    const review = await m.findOne(CouncilReview, { where: { id: reviewId }, ...(this.db.kind === 'mysql' ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!review) throw councilError('COUNCIL_NOT_FOUND', { id: reviewId });
    if (review.status !== 'OPEN') throw councilError('COUNCIL_CLOSED');
    const n = await m.findOne(Nomination, { where: { id: nominationId } });
    if (!n || n.councilReviewId !== reviewId || n.status !== 'IN_COUNCIL') throw councilError('COUNCIL_NOMINATION_NOT_LISTED', { nominationId });
    return review;
  }

  /** Record a member's vote on one nomination (a later vote replaces an earlier one while the meeting is open). */
  async vote(reviewId: string, nominationId: string, memberId: string, vote: VoteChoice, viewer: Viewer): Promise<CouncilReview> {
    return this.db.transaction(async (m) => {
      const review = await this.openFor(m, reviewId, nominationId);
      this.member(review, memberId, viewer);
      if (await m.findOne(CouncilRecusal, { where: { reviewId, nominationId, memberId } })) throw councilError('COUNCIL_MEMBER_RECUSED', { memberId, nominationId });
      const before = await m.findOne(CouncilVote, { where: { reviewId, nominationId, memberId } });
      const row = before ? { ...before, vote, recordedBy: viewer.userId ?? 'unknown', at: new Date() } : m.create(CouncilVote, { id: randomUUID(), reviewId, nominationId, memberId, vote, recordedBy: viewer.userId ?? 'unknown', at: new Date() });
      await m.save(CouncilVote, row);
      await recordAudit(m, { entityType: 'CouncilVote', entityId: row.id, action: before ? 'revote' : 'vote', before, after: row });
      return review;
    });
  }

  /** A member with a conflict of interest steps aside from one nomination: logged with the reason; any vote is excluded. */
  async recuse(reviewId: string, nominationId: string, memberId: string, reason: string, viewer: Viewer): Promise<CouncilReview> {
    return this.db.transaction(async (m) => {
      const review = await this.openFor(m, reviewId, nominationId);
      this.member(review, memberId, viewer);
      const existing = await m.findOne(CouncilRecusal, { where: { reviewId, nominationId, memberId } });
      if (existing) return review;
      // A conflict of interest is declared before voting: recusing after seeing the count could change the outcome.
      if (await m.findOne(CouncilVote, { where: { reviewId, nominationId, memberId } })) throw councilError('COUNCIL_ALREADY_VOTED', { memberId, nominationId });
      const row = m.create(CouncilRecusal, { id: randomUUID(), reviewId, nominationId, memberId, reason, recordedBy: viewer.userId ?? 'unknown', at: new Date() });
      await m.save(row);
      await recordAudit(m, { entityType: 'CouncilRecusal', entityId: row.id, action: 'recuse', after: row });
      return review;
    });
  }

  /** Every nomination before the council with its votes, recusals and count. */
  async items(review: CouncilReview, m: EntityManager = this.db.manager): Promise<CouncilItem[]> {
    const [noms, votes, recusals] = await Promise.all([
      m.find(Nomination, { where: { councilReviewId: review.id }, order: { createdAt: 'ASC' } }),
      m.find(CouncilVote, { where: { reviewId: review.id } }),
      m.find(CouncilRecusal, { where: { reviewId: review.id }, order: { at: 'ASC' } }),
    ]);
    const memberIds = review.members.map((x) => x.id);
    return noms.map((n) => {
      const v = votes.filter((x) => x.nominationId === n.id);
      const r = recusals.filter((x) => x.nominationId === n.id);
      return { nomination: n, members: review.members, votes: v, recusals: r, tally: tally(memberIds, v, r.map((x) => x.memberId), review.passPercent) };
    });
  }

  /** Close the meeting: each nomination passes (RECOMMENDED) or fails (REJECTED, with the count as the reason). */
  async close(reviewId: string, expectedVersion: number): Promise<CouncilReview> {
    return this.db.transaction(async (m) => {
      // Lock first: a vote being written finishes before the count, and the count reads it (InnoDB takes the
      // transaction's snapshot at its first plain read, which comes after this locking one).
      const review = await m.findOne(CouncilReview, { where: { id: reviewId }, ...(this.db.kind === 'mysql' ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
      if (!review) throw councilError('COUNCIL_NOT_FOUND', { id: reviewId });
      if (review.status !== 'OPEN') throw councilError('COUNCIL_CLOSED');
      const after = await updateVersioned(m, CouncilReview, reviewId, expectedVersion, { status: 'CLOSED', closedAt: new Date() }, councilError('COUNCIL_NOT_FOUND', { id: reviewId }));
      const items = await this.items(review, m);
      for (const it of items) {
        const n = await this.nominations.lockedNomination(m, it.nomination.id);
        if (n.status !== 'IN_COUNCIL') continue;
        const t = it.tally;
        const count = `${t.for}/${t.voters} thành viên biểu quyết đồng ý (${t.percentFor.toLocaleString('vi-VN')}%), ngưỡng ${review.passPercent}%`;
        await this.nominations.transition(m, n, t.passed ? 'pass' : 'fail', n.version, t.passed ? `Hội đồng thông qua: ${count}.` : `Không đạt tỷ lệ biểu quyết của Hội đồng: ${count}.`);
      }
      await recordAudit(m, { entityType: 'CouncilReview', entityId: reviewId, action: 'close', before: review, after: { ...after, tallies: items.map((i) => ({ nominationId: i.nomination.id, ...i.tally })) } });
      return after;
    });
  }

  /** The minutes (Biên bản) of the meeting as Word, NĐ 30/2020 layout, from the recorded members, recusals and votes. */
  async minutes(review: CouncilReview): Promise<{ name: string; buffer: Buffer }> {
    const items = await this.items(review);
    const m = this.db.manager;
    const occasion = await m.findOne(Occasion, { where: { id: review.occasionId } });
    const forms = await m.find(AwardForm, { where: { id: In([...new Set(items.map((i) => i.nomination.formId)), '']) } });
    const [units, people, campaign] = await Promise.all([
      unitNamesOf(this.graph, items.flatMap((i) => (i.nomination.candidateUnitId ? [i.nomination.candidateUnitId] : []))),
      peopleOf(this.graph, items.flatMap((i) => (i.nomination.candidatePersonId ? [i.nomination.candidatePersonId] : []))),
      this.graph.query(CouncilJurisdictionDocument, { campaignId: review.campaignId }),
    ]);
    const jurisdiction = campaign.campaign?.jurisdiction.name ?? '';
    const place = placeOf(jurisdiction) || review.place;
    const candidate = (n: Nomination) => (n.candidateUnitId ? (units.get(n.candidateUnitId) ?? n.candidateUnitId) : (people.get(n.candidatePersonId ?? '')?.fullName ?? n.candidatePersonId ?? ''));
    const memberName = (id: string) => review.members.find((x) => x.id === id)?.name ?? id;
    const chair = review.members.find((x) => /chủ tịch/i.test(x.position) && !/phó/i.test(x.position)) ?? review.members[0];
    const secretary = review.members.find((x) => /thư ký/i.test(x.position));
    const recusals = items.flatMap((i) => i.recusals.map((r) => `- ${memberName(r.memberId)} không tham gia biểu quyết đối với đề nghị khen thưởng ${candidate(i.nomination)}; lý do: ${r.reason}`));
    const passed = items.filter((i) => i.tally.passed);
    const closed = review.status === 'CLOSED';
    // The public consultation held before the meeting (dates, comments, answers), as its record says it.
    const consulted = await consultationSummaryLines(m, items.map((i) => i.nomination.id));
    // "Họp <the council> xét đề nghị khen thưởng <the occasion>", each said once: a council named "Phiên họp Hội đồng …"
    // is not "Họp Phiên họp …"; an occasion named "Khen thưởng hằng năm 2024" is not "khen thưởng Khen thưởng …".
    const council = review.name.trim().replace(/^(phiên\s+)?họp\s+/iu, '');
    const occasionName = (occasion?.name ?? '').trim();
    const what = /^khen thưởng\s+/iu.test(occasionName)
      ? `khen thưởng ${occasionName.replace(/^khen thưởng\s+/iu, '')}`
      : occasionName
        ? `khen thưởng đợt ${occasionName.charAt(0).toLocaleLowerCase('vi')}${occasionName.slice(1)}`
        : 'khen thưởng';
    const body: BodyLine[] = [
      `Thời gian: ${vietnameseLongDate(review.meetingDate)}.`,
      `Địa điểm: ${review.place}.`,
      { text: 'I. THÀNH PHẦN', bold: true, keepNext: true },
      `Thành viên Hội đồng: ${review.members.length} người.`,
      ...review.members.map((x, k) => `${k + 1}. ${x.name} - ${x.position}.`),
      { text: 'II. NỘI DUNG', bold: true, keepNext: true },
      `Hội đồng xét ${items.length} đề nghị ${what} đã được thẩm định. Đề nghị được thông qua khi có từ ${review.passPercent}% số thành viên có quyền biểu quyết (không tính thành viên rút lui) đồng ý; thành viên không bỏ phiếu được tính là không đồng ý.`,
      ...(consulted.length ? ['Việc công khai, lấy ý kiến nhân dân về danh sách đề nghị khen thưởng:', ...consulted.map((line) => `- ${line}`)] : []),
      ...(recusals.length ? ['Thành viên rút lui do xung đột lợi ích (phiếu không được tính):', ...recusals] : ['Không có thành viên rút lui.']),
      { text: 'Kết quả biểu quyết:', keepNext: true },
      {
        // The members who withdrew are named above; their votes are not counted, so the table does not show them. The
        // columns (in % of the text width): the figures as wide as their headers' longest word, the result's "Thông
        // qua" and a percentage on one line, the rest shared by the candidate and the form.
        widths: [7.5, 18.9, 18.9, 10.2, 10, 10, 10.5, 14],
        table: {
          header: ['STT', 'Tập thể, cá nhân', 'Hình thức khen thưởng', 'Đồng ý', 'Không đồng ý', 'Không biểu quyết', 'Tỷ lệ đồng ý', 'Kết quả'],
          rows: items.map((i, k) => [
            String(k + 1),
            candidate(i.nomination),
            forms.find((f) => f.id === i.nomination.formId)?.name ?? '',
            String(i.tally.for),
            String(i.tally.against),
            String(i.tally.abstain + i.tally.notVoted),
            `${i.tally.percentFor.toLocaleString('vi-VN')}%`,
            // While the meeting is open nothing is concluded: the votes so far, no result.
            closed ? (i.tally.passed ? 'Thông qua' : 'Không thông qua') : 'Chưa kết luận',
          ]),
        },
      },
      // The conclusion is kept with the signatures (the last paragraph with the signature table).
      { text: 'III. KẾT LUẬN', bold: true, keepNext: true },
      ...(closed
        ? [
            {
              text: passed.length
                ? `Hội đồng thống nhất đề nghị cấp có thẩm quyền khen thưởng ${passed.length} tập thể, cá nhân: ${passed.map((i) => candidate(i.nomination)).join('; ')}.`
                : 'Không có đề nghị nào đạt tỷ lệ biểu quyết.',
              keepNext: true,
            },
            `Biên bản lập khi kết thúc cuộc họp ngày ${formatVietnameseDate(review.meetingDate)}, được các thành viên dự họp thống nhất./.`,
          ]
        : ['Cuộc họp chưa kết thúc: bảng trên là số phiếu đã ghi nhận đến thời điểm lập dự thảo, chưa phải kết luận của Hội đồng.']),
    ];
    const buffer = await administrativeDocx({
      issuerParent: jurisdiction.toLocaleUpperCase('vi'),
      issuer: 'HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG',
      number: documentNumber('BB', issuerAbbreviation('Hội đồng Thi đua - Khen thưởng')),
      placeAndDate: `${place}, ${vietnameseLongDate(review.meetingDate)}`,
      title: closed ? 'BIÊN BẢN' : 'BIÊN BẢN (DỰ THẢO)',
      subtitle: `Họp ${council} xét đề nghị ${what}`,
      body,
      signer: { position: 'CHỦ TỊCH HỘI ĐỒNG', name: chair?.name ?? '' },
      secondSigner: { position: 'THƯ KÝ', name: secretary?.name ?? '' },
    });
    return { name: `Bien-ban-hoi-dong-${review.meetingDate}.docx`, buffer };
  }
}
