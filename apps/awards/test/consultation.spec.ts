import { loadGatewayConfig, startGateway } from '@thidua/gateway';
import { startParticipants } from '@thidua/participants';
import { presetId, todayInVietnam, type Database } from '@thidua/platform';
import { startReporting } from '@thidua/reporting';
import { startScoring } from '@thidua/scoring';
import { describeEachDatabase, docxText, errorCodes, gql, gqlOk, renderDocument, startStack, type TestStack } from '@thidua/testing';
import { startAwards } from '../src';
import { consultationSummaryLines, type ConsultationService } from '../src/consultation/consultation.service';
import { BMT, bmtScenario, inDays } from './scenario';

type N = { id: string; version: number; status: string };
const TAN_AN_WARD = presetId('OrgUnit', 'DLK-P-TAN-AN');
const OLD_TAN_AN = presetId('OrgUnit', 'BMT-P-TAN-AN');
const DN = presetId('Campaign', 'DN-CDS-2021-2030');

const NOMINEES = 'nominationId collective name jobTitle unitName formName proposingUnitName achievementSummary publishedComments { kind authorName content answer }';
const COMMENT = `mutation($c: ID!, $n: ID!, $k: ConsultationCommentKind!, $a: String!, $ct: String!, $t: String!) {
  submitConsultationComment(consultationId: $c, nominationId: $n, kind: $k, authorName: $a, contact: $ct, content: $t) { message submittedAt }
}`;

describeEachDatabase('public consultation on nominees (công khai, lấy ý kiến)', (db) => {
  let stack: TestStack;
  let lead: string;
  let homeAffairs: string;
  let consultations: ConsultationService;
  let awardsDb: Database;
  let scenario: ReturnType<typeof bmtScenario>;
  beforeAll(async () => {
    stack = await startStack({
      db,
      subgraphs: {
        participants: startParticipants,
        scoring: startScoring,
        // The awards service is kept at hand to move the consultations' calendar: a period of days passes in a test.
        awards: async (config) => {
          const running = await startAwards(config);
          consultations = running.services.consultations;
          awardsDb = running.services.db;
          return running;
        },
        reporting: startReporting,
      },
      gateway: (env) => startGateway(loadGatewayConfig(env)),
    });
    lead = await stack.token('LEAD_AGENCY', undefined, { subject: 'vhtt' });
    homeAffairs = await stack.token('HOME_AFFAIRS', undefined, { subject: 'noi-vu' });
    scenario = bmtScenario(stack, lead);
  });
  afterAll(() => stack?.close());

  /** The consultations see this day (comments are stamped with it); null: today again. */
  const started = Date.now();
  const onDay = (day: string | null) => {
    consultations.clock = day ? { today: () => day, now: () => new Date(Date.parse(`${day}T03:00:00Z`) + (Date.now() - started)) } : { today: () => todayInVietnam(), now: () => new Date() };
  };

  const nomination = async (id: string, token = homeAffairs) =>
    (
      await gqlOk<{ nomination: N & { consultation: Record<string, unknown> | null } }>(
        stack.url,
        'query($id: ID!) { nomination(id: $id) { id version status consultation { startsOn endsOn status comments objections unanswered summary entries { kind authorName contact content answer published } } } }',
        { id },
        token,
      )
    ).nomination;

  /** A signed document of the dossier, uploaded by the lead agency for the proposing unit and attached. */
  async function attach(nominationId: string, proposingUnitId: string, kind: string): Promise<void> {
    const form = new FormData();
    form.append('file', new Blob([Buffer.from(`%PDF-1.4\n${kind}\n%%EOF\n`)]), `${kind}.pdf`);
    form.append('unitId', proposingUnitId);
    const up = (await (await fetch(`${stack.origin}/files`, { method: 'POST', body: form, headers: { authorization: `Bearer ${lead}` } })).json()) as { id: string };
    await gqlOk(
      stack.url,
      'mutation($n: ID!, $k: DocumentKind!, $f: ID!, $c: Boolean) { attachDossierDocument(nominationId: $n, kind: $k, fileId: $f, issuedDate: "2025-02-20", confirmedByProposingLevel: $c) { id } }',
      { n: nominationId, k: kind, f: up.id, c: kind === 'BAO_CAO_THANH_TICH' },
      lead,
    );
  }

  /** A nomination of the BMT 2024 occasion for Bằng khen của Chủ tịch UBND tỉnh, submitted with its dossier and appraised. */
  async function appraised(candidate: { candidateUnitId?: string; candidatePersonId?: string }, proposingUnitId: string, summary: string, appraise = true): Promise<N> {
    const { formId, occasionId } = await scenario.formAndOccasion('Bằng khen của Chủ tịch UBND tỉnh');
    let n = (
      await gqlOk<{ createNomination: N }>(
        stack.url,
        'mutation($i: NominationInput!) { createNomination(input: $i) { id version status } }',
        { i: { campaignId: BMT, occasionId, formId, proposingUnitId, ...candidate, achievementSummary: summary, nominationDate: inDays(-60) } },
        lead,
      )
    ).createNomination;
    for (const kind of ['TO_TRINH', 'BIEN_BAN_HOI_DONG', 'BAO_CAO_THANH_TICH']) await attach(n.id, proposingUnitId, kind);
    n = (await gqlOk<{ submitNomination: N }>(stack.url, 'mutation($id: ID!, $v: Int!) { submitNomination(id: $id, expectedVersion: $v) { id version status } }', { id: n.id, v: n.version }, lead)).submitNomination;
    if (!appraise) return n;
    return (await gqlOk<{ appraiseNomination: N }>(stack.url, 'mutation($id: ID!, $v: Int!) { appraiseNomination(id: $id, expectedVersion: $v, accept: true, confirmedItems: [TO_TRINH, BIEN_BAN_HOI_DONG, BAO_CAO_THANH_TICH]) { id version status } }', { id: n.id, v: n.version }, homeAffairs)).appraiseNomination;
  }

  const openConsultation = (nominationIds: string[], startsOn: string, endsOn: string | null, occasionId: string, token = homeAffairs) =>
    gql<{ openConsultation: { id: string; startsOn: string; endsOn: string; status: string } }>(
      stack.url,
      'mutation($o: ID!, $n: [ID!]!, $s: Date!, $e: Date) { openConsultation(occasionId: $o, nominationIds: $n, startsOn: $s, endsOn: $e) { id startsOn endsOn status } }',
      { o: occasionId, n: nominationIds, s: startsOn, e: endsOn },
      token,
    );

  const comment = (consultationId: string, nominationId: string, kind: string, authorName: string, contact: string, content: string) =>
    gql<{ submitConsultationComment: { message: string; submittedAt: string } }>(stack.url, COMMENT, { c: consultationId, n: nominationId, k: kind, a: authorName, ct: contact, t: content });

  const publicView = async (consultationId: string) =>
    gql<{ consultation: { status: string; startsOn: string; endsOn: string; occasion: { name: string }; nominees: Array<Record<string, unknown> & { publishedComments: unknown[] }> } }>(
      stack.url,
      `query($id: ID!) { consultation(id: $id) { status startsOn endsOn occasion { name } nominees { ${NOMINEES} } } }`,
      { id: consultationId },
    );

  const allComments = async (consultationId: string) =>
    (
      await gqlOk<{ consultationComments: Array<{ id: string; version: number; kind: string; nominationId: string; authorName: string; contact: string; answer: string | null; published: boolean }> }>(
        stack.url,
        'query($c: ID!) { consultationComments(consultationId: $c) { id version kind nominationId authorName contact answer published } }',
        { c: consultationId },
        homeAffairs,
      )
    ).consultationComments;

  const answer = (id: string, version: number, text: string, publish: boolean, token = homeAffairs) =>
    gql<{ answerConsultationComment: { answer: string; published: boolean; version: number } }>(
      stack.url,
      'mutation($id: ID!, $v: Int!, $a: String!, $p: Boolean!) { answerConsultationComment(id: $id, expectedVersion: $v, answer: $a, publish: $p) { answer published version } }',
      { id, v: version, a: text, p: publish },
      token,
    );

  const council = (nominationIds: string[], meetingDate: string) =>
    gql<{ openCouncilReview: { id: string; version: number; members: Array<{ id: string }> } }>(
      stack.url,
      'mutation($i: CouncilReviewInput!) { openCouncilReview(input: $i) { id version members { id } } }',
      {
        i: {
          occasionId: occasion,
          name: 'Hội đồng Thi đua - Khen thưởng tỉnh Đắk Lắk',
          meetingDate,
          place: 'Phòng họp Sở Nội vụ tỉnh Đắk Lắk',
          passPercent: 60,
          nominationIds,
          members: [
            { name: 'Nguyễn Văn An', position: 'Chủ tịch Hội đồng' },
            { name: 'Trần Thị Bình', position: 'Ủy viên' },
            { name: 'Lê Văn Cường', position: 'Thư ký' },
          ],
        },
      },
      homeAffairs,
    );

  const decide = (nominationIds: string[], number: string, date: string) =>
    gql(
      stack.url,
      'mutation($i: AwardDecisionInput!) { recordAwardDecision(input: $i) { id } }',
      { i: { number, date, signer: 'Nguyễn Thị Hà', signerTitle: 'Chủ tịch UBND tỉnh Đắk Lắk', nominationIds } },
      homeAffairs,
    );

  let occasion: string;

  it('publishes an appraised person and ward, takes an anonymous objection, holds the council until Nội vụ answers, then the council and the decision', async () => {
    occasion = (await scenario.formAndOccasion('Bằng khen của Chủ tịch UBND tỉnh')).occasionId;
    // The campaign's rule (preset): five days of consultation before the council.
    const rules = await gqlOk<{ campaign: { awardRules: { consultationDays: number; consultationStage: string } } }>(stack.url, '{ campaign(code: "BMT-CDS-2023-2025") { awardRules { consultationDays consultationStage } } }');
    expect(rules.campaign.awardRules).toEqual({ consultationDays: 5, consultationStage: 'BEFORE_COUNCIL' });

    await scenario.scoreUnits({ 'BMT-P-TAN-AN': 88 });
    const ward = await appraised({ candidateUnitId: OLD_TAN_AN }, presetId('OrgUnit', 'BMT-VHTT'), 'Dẫn đầu thành phố về dịch vụ công trực tuyến toàn trình năm 2024.');
    const officer = (
      await gqlOk<{ createPerson: { id: string } }>(
        stack.url,
        'mutation($i: PersonInput!) { createPerson(input: $i) { id } }',
        { i: { fullName: 'Hoàng Thị Mai', kind: 'CIVIL_SERVANT', unitId: TAN_AN_WARD, position: 'Công chức Văn phòng - Thống kê', email: 'mai.ht@tanan.daklak.gov.vn' } },
        homeAffairs,
      )
    ).createPerson;
    const submitted = await appraised({ candidatePersonId: officer.id }, TAN_AN_WARD, 'Xây dựng kho dữ liệu số của phường, số hóa 12.000 hồ sơ hộ tịch năm 2024.', false);

    // Only what Nội vụ has appraised is published, on a day from today, for at least the campaign's five days.
    const d0 = inDays(-30);
    onDay(d0);
    expect(errorCodes(await openConsultation([ward.id, submitted.id], inDays(-29), null, occasion))).toEqual(['CONSULTATION_NOMINATIONS_INVALID']);
    const person = (await gqlOk<{ appraiseNomination: N }>(stack.url, 'mutation($id: ID!, $v: Int!) { appraiseNomination(id: $id, expectedVersion: $v, accept: true, confirmedItems: [TO_TRINH, BIEN_BAN_HOI_DONG, BAO_CAO_THANH_TICH]) { id version status } }', { id: submitted.id, v: submitted.version }, homeAffairs)).appraiseNomination;
    const past = await openConsultation([ward.id, person.id], inDays(-31), null, occasion);
    expect(errorCodes(past)).toEqual(['CONSULTATION_DATES_INVALID']);
    expect(past.errors[0]?.message).toBe(`Ngày bắt đầu công khai (${vn(inDays(-31))}) không được trước ngày hôm nay (${vn(d0)}).`);
    const short = await openConsultation([ward.id, person.id], inDays(-29), inDays(-26), occasion);
    expect(short.errors[0]?.message).toBe(`Phong trào quy định công khai 5 ngày: ngày kết thúc phải từ ${vn(inDays(-24))} trở đi.`);
    expect(errorCodes(await openConsultation([ward.id, person.id], inDays(-29), null, occasion, lead))).toEqual(['FORBIDDEN']);
    // Đà Nẵng's Nội vụ has no say on Buôn Ma Thuột's campaign (R26).
    const otherNv = await stack.token('HOME_AFFAIRS', presetId('OrgUnit', 'DNG-SNV'), { subject: 'so-noi-vu-da-nang' });
    expect(errorCodes(await openConsultation([ward.id, person.id], inDays(-29), null, occasion, otherNv))).toEqual(['FORBIDDEN_OTHER_UNIT']);
    const opened = await openConsultation([person.id, ward.id], inDays(-29), null, occasion);
    expect(opened.errors).toEqual([]);
    const c = opened.data?.openConsultation as { id: string; startsOn: string; endsOn: string; status: string };
    expect(c).toMatchObject({ startsOn: inDays(-29), endsOn: inDays(-24), status: 'UPCOMING' });
    // A nomination is published once.
    expect(errorCodes(await openConsultation([ward.id], inDays(-29), null, occasion))).toEqual(['CONSULTATION_NOMINATIONS_INVALID']);

    // Anyone reads the list: the nominee's name (a person's position and unit), the form, the proposer and the summary; nothing else.
    const listed = await gqlOk<{ publicConsultations: Array<{ id: string; status: string; nominees: unknown[] }> }>(stack.url, `query($c: ID!) { publicConsultations(campaignId: $c) { id status nominees { ${NOMINEES} } } }`, { c: BMT });
    expect(listed.publicConsultations.map((x) => [x.id, x.status])).toEqual([[c.id, 'UPCOMING']]);
    expect(listed.publicConsultations[0]?.nominees).toEqual([
      {
        nominationId: person.id,
        collective: false,
        name: 'Hoàng Thị Mai',
        jobTitle: 'Công chức Văn phòng - Thống kê',
        unitName: 'UBND phường Tân An',
        formName: 'Bằng khen của Chủ tịch UBND tỉnh',
        proposingUnitName: 'UBND phường Tân An',
        achievementSummary: 'Xây dựng kho dữ liệu số của phường, số hóa 12.000 hồ sơ hộ tịch năm 2024.',
        publishedComments: [],
      },
      {
        nominationId: ward.id,
        collective: true,
        name: 'UBND phường Tân An',
        jobTitle: null,
        unitName: null,
        formName: 'Bằng khen của Chủ tịch UBND tỉnh',
        proposingUnitName: 'Phòng Văn hóa và Thông tin thành phố Buôn Ma Thuột',
        achievementSummary: 'Dẫn đầu thành phố về dịch vụ công trực tuyến toàn trình năm 2024.',
        publishedComments: [],
      },
    ]);
    expect(JSON.stringify(listed)).not.toContain('mai.ht@tanan.daklak.gov.vn');
    const tooEarly = await comment(c.id, person.id, 'COMMENT', 'Trần Văn Long', 'long.tv@gmail.com', 'Đề nghị làm rõ số hồ sơ đã số hóa.');
    expect(errorCodes(tooEarly)).toEqual(['CONSULTATION_NOT_OPEN']);
    expect(tooEarly.errors[0]?.message).toBe(`Đợt công khai bắt đầu nhận ý kiến từ ngày ${vn(inDays(-29))}.`);

    // Two days later it is open: an anonymous objection, thanked and nothing else returned.
    onDay(inDays(-27));
    expect((await publicView(c.id)).data?.consultation.status).toBe('OPEN');
    const objection = await comment(c.id, person.id, 'OBJECTION', 'Nguyễn Văn Bảo', '0905 123 456', 'Số liệu 12.000 hồ sơ là của cả tổ công tác, không riêng cá nhân được đề nghị.');
    expect(objection.errors).toEqual([]);
    expect(objection.data?.submitConsultationComment.message).toBe(
      'Cảm ơn ông/bà Nguyễn Văn Bảo đã gửi ý kiến phản ánh. Thường trực Hội đồng Thi đua - Khen thưởng sẽ xem xét, trả lời theo thông tin liên hệ ông/bà đã cung cấp.',
    );
    expect(Object.keys(objection.data?.submitConsultationComment ?? {})).toEqual(['message', 'submittedAt']);
    // Bad input is refused with its field and nothing is stored.
    const badContact = await comment(c.id, person.id, 'COMMENT', 'Trần Văn Long', 'gọi tôi', 'Đề nghị làm rõ số hồ sơ đã số hóa.');
    expect(errorCodes(badContact)).toEqual(['CONSULTATION_CONTACT_INVALID']);
    expect(badContact.errors[0]?.extensions?.details).toEqual({ fields: [{ field: 'contact', message: 'Nhập địa chỉ thư điện tử hoặc số điện thoại hợp lệ.' }] });
    expect(errorCodes(await comment(c.id, person.id, 'COMMENT', 'Trần Văn Long', 'long.tv@gmail', 'Đề nghị làm rõ số hồ sơ đã số hóa.'))).toEqual(['CONSULTATION_CONTACT_INVALID']);
    expect(errorCodes(await comment(c.id, person.id, 'COMMENT', 'Trần Văn Long', '090512', 'Đề nghị làm rõ số hồ sơ đã số hóa.'))).toEqual(['CONSULTATION_CONTACT_INVALID']);
    const tooShort = await comment(c.id, person.id, 'COMMENT', 'L', 'long.tv@gmail.com', 'Ngắn.');
    expect(errorCodes(tooShort)).toEqual(['VALIDATION_FAILED']);
    expect(tooShort.errors[0]?.extensions?.details).toEqual({ fields: [{ field: 'authorName', message: 'Quá ngắn (tối thiểu 2 ký tự).' }, { field: 'content', message: 'Quá ngắn (tối thiểu 10 ký tự).' }] });
    expect(errorCodes(await comment(c.id, 'a0000000-0000-4000-8000-000000000000', 'COMMENT', 'Trần Văn Long', 'long.tv@gmail.com', 'Đề nghị làm rõ số hồ sơ đã số hóa.'))).toEqual(['CONSULTATION_NOMINEE_UNKNOWN']);
    // One contact sends at most five an hour, however it writes its number.
    for (const contact of ['0912 345 678', '+84 912 345 678', '0912.345.678', '84912345678', '(091) 234-5678']) {
      expect(errorCodes(await comment(c.id, ward.id, 'COMMENT', 'Lê Thị Hồng', contact, 'Phường làm tốt việc hướng dẫn người dân nộp hồ sơ trực tuyến.'))).toEqual([]);
    }
    const sixth = await comment(c.id, ward.id, 'COMMENT', 'Lê Thị Hồng', '0912345678', 'Phường làm tốt việc hướng dẫn người dân nộp hồ sơ trực tuyến.');
    expect(errorCodes(sixth)).toEqual(['CONSULTATION_TOO_MANY_COMMENTS']);
    expect(sixth.errors[0]?.message).toBe('Mỗi người gửi tối đa 5 ý kiến trong một giờ; vui lòng gửi lại sau.');
    expect((await allComments(c.id)).map((x) => [x.kind, x.authorName])).toEqual([['OBJECTION', 'Nguyễn Văn Bảo'], ...Array.from({ length: 5 }, () => ['COMMENT', 'Lê Thị Hồng'])]);
    // Nothing Nội vụ has not published is public.
    const whileOpen = await publicView(c.id);
    expect(whileOpen.data?.consultation.nominees.map((x) => x.publishedComments)).toEqual([[], []]);
    expect(JSON.stringify(whileOpen.data)).not.toContain('Nguyễn Văn Bảo');

    // The period ends: no more comments; the council is refused while the objection has no answer.
    onDay(null);
    expect((await publicView(c.id)).data?.consultation.status).toBe('ENDED');
    const late = await comment(c.id, person.id, 'COMMENT', 'Trần Văn Long', 'long.tv@gmail.com', 'Đề nghị làm rõ số hồ sơ đã số hóa.');
    expect(late.errors[0]?.message).toBe(`Đợt công khai đã kết thúc nhận ý kiến ngày ${vn(inDays(-24))}.`);
    const held = await council([person.id, ward.id], inDays(-20));
    expect(errorCodes(held)).toEqual(['COUNCIL_CONSULTATION_PENDING']);
    expect(held.errors[0]?.message).toBe('Chưa đưa ra Hội đồng được: còn 1 ý kiến phản ánh chưa được trả lời.');
    expect((await nomination(person.id)).status).toBe('APPRAISED');
    expect((await nomination(ward.id)).status).toBe('APPRAISED');

    // Only Nội vụ reads the comments with their contacts and answers them.
    expect(errorCodes(await gql(stack.url, 'query($c: ID!) { consultationComments(consultationId: $c) { id } }', { c: c.id }))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await gql(stack.url, 'query($c: ID!) { consultationComments(consultationId: $c) { id } }', { c: c.id }, lead))).toEqual(['FORBIDDEN']);
    const received = await allComments(c.id);
    expect(received[0]).toMatchObject({ kind: 'OBJECTION', nominationId: person.id, contact: '0905 123 456', answer: null, published: false });
    expect(errorCodes(await answer(received[0]?.id as string, received[0]?.version as number, '   ', true))).toEqual(['VALIDATION_FAILED']);
    expect(errorCodes(await answer(received[0]?.id as string, received[0]?.version as number, 'Đã xác minh.', true, lead))).toEqual(['FORBIDDEN']);
    const reply =
      'Thường trực Hội đồng đã xác minh với UBND phường Tân An: bà Hoàng Thị Mai chủ trì tổ công tác và trực tiếp số hóa 7.500 hồ sơ; báo cáo thành tích đã được sửa lại cho đúng.';
    const answered = await answer(received[0]?.id as string, received[0]?.version as number, reply, true);
    expect(answered.data?.answerConsultationComment).toMatchObject({ answer: reply, published: true });
    expect(errorCodes(await answer(received[0]?.id as string, received[0]?.version as number, reply, true))).toEqual(['VERSION_CONFLICT']);
    for (const x of received.slice(1)) expect(errorCodes(await answer(x.id, x.version, 'Cảm ơn ông/bà đã góp ý.', false))).toEqual([]);

    // Public: the published objection with its answer, never the contact; the unpublished comments stay private.
    const after = await publicView(c.id);
    expect(after.data?.consultation.nominees.map((x) => x.publishedComments)).toEqual([
      [{ kind: 'OBJECTION', authorName: 'Nguyễn Văn Bảo', content: 'Số liệu 12.000 hồ sơ là của cả tổ công tác, không riêng cá nhân được đề nghị.', answer: reply }],
      [],
    ]);
    expect(JSON.stringify(after.data)).not.toMatch(/0905 123 456|0912|Lê Thị Hồng/);
    expect(errorCodes(await gql(stack.url, 'query($id: ID!) { consultation(id: $id) { nominees { publishedComments { contact } } } }', { id: c.id }))).toEqual(['GRAPHQL_VALIDATION_FAILED']);

    // A meeting on or before the last day of the consultation is refused; after it, the council meets.
    const early = await council([person.id, ward.id], inDays(-24));
    expect(early.errors[0]?.message).toBe(`Chưa đưa ra Hội đồng được: việc công khai, lấy ý kiến từ ngày ${vn(inDays(-29))} đến ngày ${vn(inDays(-24))} chưa kết thúc trước ngày ${vn(inDays(-24))}.`);
    const review = (await council([person.id, ward.id], inDays(-20))).data?.openCouncilReview as { id: string; version: number; members: Array<{ id: string }> };
    expect(review).toBeTruthy();
    for (const n of [person.id, ward.id]) {
      for (const m of review.members) {
        await gqlOk(stack.url, 'mutation($r: ID!, $n: ID!, $m: ID!) { castCouncilVote(reviewId: $r, nominationId: $n, memberId: $m, vote: FOR) { id } }', { r: review.id, n, m: m.id }, homeAffairs);
      }
    }
    await gqlOk(stack.url, 'mutation($id: ID!, $v: Int!) { closeCouncilReview(id: $id, expectedVersion: $v) { status } }', { id: review.id, v: review.version }, homeAffairs);
    expect((await nomination(person.id)).status).toBe('RECOMMENDED');

    // The record joins the dossier: dates, counts, each comment with its answer; the sentence for the minutes.
    const record = (await nomination(person.id)).consultation;
    expect(record).toEqual({
      startsOn: inDays(-29),
      endsOn: inDays(-24),
      status: 'ENDED',
      comments: 1,
      objections: 1,
      unanswered: 0,
      summary: `Đã công khai danh sách từ ngày ${vn(inDays(-29))} đến ngày ${vn(inDays(-24))} trên Cổng thông tin; nhận 1 ý kiến (1 phản ánh); Thường trực Hội đồng đã trả lời đầy đủ.`,
      entries: [{ kind: 'OBJECTION', authorName: 'Nguyễn Văn Bảo', contact: '0905 123 456', content: 'Số liệu 12.000 hồ sơ là của cả tổ công tác, không riêng cá nhân được đề nghị.', answer: reply, published: true }],
    });
    // The proposing ward sees that its nomination was published and what came of it, not who wrote.
    const wardOfficer = await stack.token('UNIT_OFFICER', TAN_AN_WARD);
    expect((await nomination(person.id, wardOfficer)).consultation).toMatchObject({ comments: 1, objections: 1, unanswered: 0, entries: [] });
    expect(await consultations.recordOf([ward.id]).then((r) => r.get(ward.id)?.counts)).toEqual({ comments: 5, objections: 0, unanswered: 0, unansweredObjections: 0 });

    // The sentence the council's minutes record for the nominations it reviewed.
    expect(await consultationSummaryLines(awardsDb.manager, [person.id, ward.id])).toEqual([
      `Đã công khai danh sách từ ngày ${vn(inDays(-29))} đến ngày ${vn(inDays(-24))} trên Cổng thông tin; nhận 6 ý kiến (1 phản ánh); Thường trực Hội đồng đã trả lời đầy đủ.`,
    ]);
    // …and the Biên bản says it, as Nội vụ downloads it.
    const minutes = await gqlOk<{ councilReview: { minutes: { base64: string } } }>(stack.url, 'query($id: ID!) { councilReview(id: $id) { minutes { base64 } } }', { id: review.id }, homeAffairs);
    expect(await docxText(minutes.councilReview.minutes.base64)).toContain(
      `Việc công khai, lấy ý kiến nhân dân về danh sách đề nghị khen thưởng: - Đã công khai danh sách từ ngày ${vn(inDays(-29))} đến ngày ${vn(inDays(-24))} trên Cổng thông tin; nhận 6 ý kiến (1 phản ánh); Thường trực Hội đồng đã trả lời đầy đủ.`,
    );

    const decided = await decide([person.id], '88/QĐ-UBND', inDays(-18));
    expect(decided.errors).toEqual([]);
    expect((await nomination(person.id)).status).toBe('DECIDED');
    // The Quyết định drafted from the data, the awardee in its annex, printed as the office prints it.
    const decisionId = (decided.data as { recordAwardDecision: { id: string } }).recordAwardDecision.id;
    const qd = await gqlOk<{ awardDecision: { document: { base64: string } } }>(stack.url, 'query($id: ID!) { awardDecision(id: $id) { document { base64 } } }', { id: decisionId }, homeAffairs);
    const printed = await renderDocument(qd.awardDecision.document.base64, 'docx');
    expect(printed.pageTexts[0]).toMatch(/CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n/);
    expect(printed.text.replace(/\s+/g, ' ')).toContain('Số: 88/QĐ-UBND');
    expect((printed.pageTexts.at(-1) as string).replace(/\s+/g, ' ')).toMatch(/Phụ lục DANH SÁCH .*Hoàng Thị Mai/);

    // Audited: who sent (anonymous) and who answered.
    const audit = await gqlOk<{ awardsAuditLog: Array<{ action: string; actorId: string }> }>(stack.url, '{ awardsAuditLog(entityType: "ConsultationComment", first: 100) { action actorId } }', {}, await stack.token('ADMIN'));
    expect(audit.awardsAuditLog.filter((e) => e.action === 'submit')).toHaveLength(6);
    expect(audit.awardsAuditLog.filter((e) => e.action === 'answer').map((e) => e.actorId)).toEqual(Array.from({ length: 6 }, () => 'noi-vu'));
  });

  it('holds the decision, when the campaign consults before it, until the consultation ended and every objection is answered', async () => {
    // Nội vụ of the campaign sets the consultation after the council: ten days.
    const v = (await gqlOk<{ campaign: { awardRules: { version: number } } }>(stack.url, '{ campaign(code: "BMT-CDS-2023-2025") { awardRules { version } } }')).campaign.awardRules.version;
    await gqlOk(
      stack.url,
      'mutation($c: ID!, $v: Int) { setCampaignAwardRules(campaignId: $c, expectedVersion: $v, input: { dossierCopies: 1, leadReviewRequired: false, reportConfirmations: [PROPOSING_LEVEL], consultationDays: 10, consultationStage: BEFORE_DECISION }) { version } }',
      { c: BMT, v },
      homeAffairs,
    );
    const other = (
      await gqlOk<{ createPerson: { id: string } }>(
        stack.url,
        'mutation($i: PersonInput!) { createPerson(input: $i) { id } }',
        { i: { fullName: 'Phạm Quốc Dũng', kind: 'CIVIL_SERVANT', unitId: TAN_AN_WARD, position: 'Phó Chủ tịch UBND phường' } },
        homeAffairs,
      )
    ).createPerson;
    const n = await appraised({ candidatePersonId: other.id }, TAN_AN_WARD, 'Chỉ đạo triển khai nền tảng số cấp phường năm 2024.');
    // Appraised only: this campaign now publishes what the council recommended.
    onDay(inDays(-16));
    expect(errorCodes(await openConsultation([n.id], inDays(-16), null, occasion))).toEqual(['CONSULTATION_NOMINATIONS_INVALID']);
    onDay(null);
    const review = (await council([n.id], inDays(-17))).data?.openCouncilReview as { id: string; version: number; members: Array<{ id: string }> };
    for (const m of review.members) await gqlOk(stack.url, 'mutation($r: ID!, $n: ID!, $m: ID!) { castCouncilVote(reviewId: $r, nominationId: $n, memberId: $m, vote: FOR) { id } }', { r: review.id, n: n.id, m: m.id }, homeAffairs);
    await gqlOk(stack.url, 'mutation($id: ID!, $v: Int!) { closeCouncilReview(id: $id, expectedVersion: $v) { status } }', { id: review.id, v: review.version }, homeAffairs);

    onDay(inDays(-16));
    const opened = await openConsultation([n.id], inDays(-16), null, occasion);
    expect(opened.data?.openConsultation).toMatchObject({ startsOn: inDays(-16), endsOn: inDays(-6), status: 'OPEN' });
    const cid = opened.data?.openConsultation.id as string;
    // While it runs, no decision.
    const running = await decide([n.id], '95/QĐ-UBND', inDays(-16));
    expect(errorCodes(running)).toEqual(['DECISION_CONSULTATION_PENDING']);
    expect(running.errors[0]?.message).toBe(`Chưa quyết định khen thưởng được: việc công khai, lấy ý kiến từ ngày ${vn(inDays(-16))} đến ngày ${vn(inDays(-6))} chưa kết thúc trước ngày ${vn(inDays(-16))}.`);
    expect(errorCodes(await comment(cid, n.id, 'OBJECTION', 'Võ Thị Lan', 'lan.vt@gmail.com', 'Phường chưa triển khai nền tảng số tới các tổ dân phố như báo cáo.'))).toEqual([]);
    onDay(null);
    const unanswered = await decide([n.id], '95/QĐ-UBND', inDays(-3));
    expect(errorCodes(unanswered)).toEqual(['NOMINATION_OBJECTION_UNANSWERED']);
    expect(unanswered.errors[0]?.message).toBe('Còn 1 ý kiến phản ánh về đề nghị chưa được trả lời; chưa quyết định khen thưởng được.');
    expect((await nomination(n.id)).status).toBe('RECOMMENDED');
    const [objection] = await allComments(cid);
    await answer(objection?.id as string, objection?.version as number, 'Đã kiểm tra: 18/18 tổ dân phố đã dùng nền tảng số từ tháng 10/2024.', false);
    expect(errorCodes(await decide([n.id], '95/QĐ-UBND', inDays(-3)))).toEqual([]);
    expect((await nomination(n.id)).status).toBe('DECIDED');
    // Not published: the public page shows no comment on this nominee.
    expect((await publicView(cid)).data?.consultation.nominees[0]?.publishedComments).toEqual([]);

    // A campaign without a consultation (0 days) opens none.
    const dn = (await gqlOk<{ campaign: { awardRules: { version: number }; occasions: Array<{ id: string }> } }>(stack.url, '{ campaign(code: "DN-CDS-2021-2030") { awardRules { version } occasions(kind: ANNUAL) { id } } }')).campaign;
    await gqlOk(
      stack.url,
      'mutation($c: ID!, $v: Int) { setCampaignAwardRules(campaignId: $c, expectedVersion: $v, input: { dossierCopies: 1, leadReviewRequired: true, reportConfirmations: [UNIT_HEAD], consultationDays: 0, consultationStage: BEFORE_COUNCIL }) { version } }',
      { c: DN, v: dn.awardRules.version },
      homeAffairs,
    );
    expect(errorCodes(await openConsultation([n.id], todayInVietnam(), null, dn.occasions[0]?.id as string))).toEqual(['CONSULTATION_NOT_REQUIRED']);
  });
});

function vn(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
