import { loadGatewayConfig, startGateway } from '@thidua/gateway';
import { startParticipants } from '@thidua/participants';
import { presetId } from '@thidua/platform';
import { startScoring } from '@thidua/scoring';
import { describeEachDatabase, docxText, errorCodes, gql, gqlOk, startStack, type TestStack } from '@thidua/testing';
import { startReporting } from '@thidua/reporting';
import { startAwards } from '../src';
import { BMT, bmtScenario, VHTT, withoutConsultation } from './scenario';

type N = { id: string; version: number; status: string };
const NOMINATION = 'id version status';
/** Nội vụ confirms every item of the dossier as it appraises. */
const ITEMS = 'TO_TRINH, BIEN_BAN_HOI_DONG, BAO_CAO_THANH_TICH';

describeEachDatabase('the award workflow: appraisal, council, decision, public list', (db) => {
  let stack: TestStack;
  let lead: string;
  let homeAffairs: string;
  let scenario: ReturnType<typeof bmtScenario>;
  beforeAll(async () => {
    stack = await startStack({
      db,
      subgraphs: { participants: startParticipants, scoring: startScoring, awards: startAwards, reporting: startReporting },
      gateway: (env) => startGateway(loadGatewayConfig(env)),
    });
    // Nominations here go to the council without the public consultation (tested in consultation.spec.ts).
    await withoutConsultation(stack, BMT);
    lead = await stack.token('LEAD_AGENCY', undefined, { subject: 'vhtt' });
    homeAffairs = await stack.token('HOME_AFFAIRS', undefined, { subject: 'noi-vu' });
    scenario = bmtScenario(stack, lead);
  });
  afterAll(() => stack?.close());

  const nomination = async (id: string) =>
    (await gqlOk<{ nomination: N & { returnReason: string | null; history: Array<{ action: string; toStatus: string; reason: string | null; actorId: string }> } }>(stack.url, `query($id: ID!) { nomination(id: $id) { ${NOMINATION} returnReason history { action toStatus reason actorId } } }`, { id }, lead)).nomination;

  it('takes one dossier from submission to a decision, with a return, a recusal and a quota, and publishes the awardee', async () => {
    await scenario.scoreUnits({ 'BMT-P-TAN-AN': 85, 'BMT-P-EA-TAM': 90 });
    const { formId, occasionId } = await scenario.formAndOccasion('Giấy khen của Chủ tịch UBND thành phố');
    const nominate = async (unitCode: string) =>
      (
        await gqlOk<{ createNomination: N }>(
          stack.url,
          `mutation($i: NominationInput!) { createNomination(input: $i) { ${NOMINATION} } }`,
          {
            i: {
              campaignId: BMT,
              occasionId,
              formId,
              proposingUnitId: VHTT,
              candidateUnitId: presetId('OrgUnit', unitCode),
              achievementSummary: 'Hoàn thành xuất sắc nhiệm vụ chuyển đổi số năm 2024.',
              nominationDate: '2025-03-01',
            },
          },
          lead,
        )
      ).createNomination;
    const tanAn = await nominate('BMT-P-TAN-AN');
    const eaTam = await nominate('BMT-P-EA-TAM');
    for (const n of [tanAn, eaTam]) for (const kind of ['TO_TRINH', 'BIEN_BAN_HOI_DONG', 'BAO_CAO_THANH_TICH']) await scenario.attach(n.id, kind, {});

    // The lead agency gives the proposing unit one Giấy khen at this occasion: the second submission is refused.
    const quota = await gqlOk<{ setQuota: { maxNominations: number; used: number } }>(
      stack.url,
      'mutation($o: ID!, $u: ID!, $f: ID!) { setQuota(occasionId: $o, proposingUnitId: $u, formId: $f, maxNominations: 1) { maxNominations used } }',
      { o: occasionId, u: VHTT, f: formId },
      lead,
    );
    expect(quota.setQuota).toEqual({ maxNominations: 1, used: 0 });
    const submit = (n: N) => gql(stack.url, `mutation($id: ID!, $v: Int!) { submitNomination(id: $id, expectedVersion: $v) { ${NOMINATION} } }`, { id: n.id, v: n.version }, lead);
    let ward = ((await submit(tanAn)).data as { submitNomination: N }).submitNomination;
    expect(ward.status).toBe('SUBMITTED');
    const overQuota = await submit(eaTam);
    expect(errorCodes(overQuota)).toEqual(['NOMINATION_QUOTA_EXCEEDED']);
    expect(overQuota.errors[0]?.message).toBe('Đơn vị đã gửi 1/1 đề nghị theo chỉ tiêu của đợt cho hình thức này; không gửi thêm được.');
    expect((await nomination(eaTam.id)).status).toBe('DRAFT');

    // Only Nội vụ appraises; a unit officer cannot touch another unit's nomination. Nothing changes.
    const appraise = (n: N, token: string, accept: boolean, reason?: string) =>
      gql(stack.url, `mutation($id: ID!, $v: Int!, $a: Boolean!, $r: String) { appraiseNomination(id: $id, expectedVersion: $v, accept: $a, reason: $r, confirmedItems: [${ITEMS}]) { ${NOMINATION} } }`, { id: n.id, v: n.version, a: accept, r: reason ?? null }, token);
    expect(errorCodes(await appraise(ward, lead, true))).toEqual(['FORBIDDEN']);
    const wardOfficer = await stack.token('UNIT_OFFICER', presetId('OrgUnit', 'BMT-P-EA-TAM'));
    const foreignEdit = await gql(stack.url, 'mutation($id: ID!, $v: Int!) { updateNomination(id: $id, expectedVersion: $v, input: { achievementSummary: "Sửa trái phép" }) { id } }', { id: ward.id, v: ward.version }, wardOfficer);
    expect(errorCodes(foreignEdit)).toEqual(['FORBIDDEN_OTHER_UNIT']);
    expect(errorCodes(await appraise(ward, homeAffairs, false))).toEqual(['NOMINATION_REASON_REQUIRED']);
    expect(await nomination(ward.id)).toMatchObject({ status: 'SUBMITTED', version: ward.version });

    // Returned for correction with a reason: the proposing unit corrects the report and submits again.
    const reason = 'Báo cáo thành tích chưa nêu số liệu dịch vụ công trực tuyến toàn trình năm 2024.';
    ward = ((await appraise(ward, homeAffairs, false, reason)).data as { appraiseNomination: N }).appraiseNomination;
    expect(ward.status).toBe('RETURNED');
    expect((await nomination(ward.id)).returnReason).toBe(reason);
    // The returned nomination keeps its place in the quota.
    expect(errorCodes(await submit(eaTam))).toEqual(['NOMINATION_QUOTA_EXCEEDED']);
    ward = (
      await gqlOk<{ updateNomination: N }>(
        stack.url,
        `mutation($id: ID!, $v: Int!) { updateNomination(id: $id, expectedVersion: $v, input: { achievementSummary: "Hoàn thành xuất sắc nhiệm vụ chuyển đổi số năm 2024; 100% thủ tục hành chính đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình." }) { ${NOMINATION} } }`,
        { id: ward.id, v: ward.version },
        lead,
      )
    ).updateNomination;
    await scenario.attach(ward.id, 'BAO_CAO_THANH_TICH', { issuedDate: '2025-03-10' });
    ward = ((await submit(ward)).data as { submitNomination: N }).submitNomination;
    expect(ward.status).toBe('SUBMITTED');
    ward = ((await appraise(ward, homeAffairs, true)).data as { appraiseNomination: N }).appraiseNomination;
    expect(ward.status).toBe('APPRAISED');

    // The council: five members, threshold 60%; the member who chairs the ward recuses from its nomination.
    const council = (
      await gqlOk<{ openCouncilReview: { id: string; version: number; members: Array<{ id: string; name: string }> } }>(
        stack.url,
        `mutation($i: CouncilReviewInput!) { openCouncilReview(input: $i) { id version members { id name } } }`,
        {
          i: {
            occasionId,
            name: 'Hội đồng Thi đua - Khen thưởng thành phố Buôn Ma Thuột',
            meetingDate: '2025-04-02',
            place: 'Phòng họp UBND thành phố Buôn Ma Thuột',
            passPercent: 60,
            nominationIds: [ward.id],
            members: [
              { name: 'Nguyễn Văn An', position: 'Chủ tịch Hội đồng', userId: 'hd-an' },
              { name: 'Trần Thị Bình', position: 'Phó Chủ tịch Hội đồng', userId: 'hd-binh' },
              { name: 'Lê Văn Cường', position: 'Ủy viên', userId: 'hd-cuong' },
              { name: 'Phạm Thị Dung', position: 'Ủy viên', userId: 'hd-dung' },
              { name: 'Hoàng Văn Em', position: 'Thư ký', userId: 'hd-em' },
            ],
          },
        },
        homeAffairs,
      )
    ).openCouncilReview;
    expect((await nomination(ward.id)).status).toBe('IN_COUNCIL');
    const member = (name: string) => council.members.find((m) => m.name === name)?.id as string;
    const tokenOf = (subject: string) => stack.token('COUNCIL', undefined, { subject });
    const vote = async (name: string, subject: string, choice: string) =>
      gql(stack.url, 'mutation($r: ID!, $n: ID!, $m: ID!, $v: VoteChoice!) { castCouncilVote(reviewId: $r, nominationId: $n, memberId: $m, vote: $v) { id } }', { r: council.id, n: ward.id, m: member(name), v: choice }, await tokenOf(subject));
    // Cường chairs the ward: he declares the conflict before the vote, and cannot vote on it afterwards.
    const recuse = async (name: string, subject: string) =>
      gql(
        stack.url,
        'mutation($r: ID!, $n: ID!, $m: ID!) { recuseCouncilMember(reviewId: $r, nominationId: $n, memberId: $m, reason: "Là Chủ tịch UBND phường Tân An, đơn vị được đề nghị khen thưởng.") { id } }',
        { r: council.id, n: ward.id, m: member(name) },
        await tokenOf(subject),
      );
    expect(errorCodes(await recuse('Lê Văn Cường', 'hd-cuong'))).toEqual([]);
    expect(errorCodes(await vote('Lê Văn Cường', 'hd-cuong', 'FOR'))).toEqual(['COUNCIL_MEMBER_RECUSED']);
    // A member votes for themself only; the secretariat cannot cast or change the vote of a member who has an account.
    expect(errorCodes(await vote('Phạm Thị Dung', 'hd-an', 'FOR'))).toEqual(['COUNCIL_NOT_YOUR_VOTE']);
    const bySecretariat = await gql(stack.url, 'mutation($r: ID!, $n: ID!, $m: ID!) { castCouncilVote(reviewId: $r, nominationId: $n, memberId: $m, vote: FOR) { id } }', { r: council.id, n: ward.id, m: member('Phạm Thị Dung') }, homeAffairs);
    expect(errorCodes(bySecretariat)).toEqual(['COUNCIL_NOT_YOUR_VOTE']);
    const anonymousVote = await gql(stack.url, 'mutation($r: ID!, $n: ID!, $m: ID!) { castCouncilVote(reviewId: $r, nominationId: $n, memberId: $m, vote: FOR) { id } }', { r: council.id, n: ward.id, m: member('Phạm Thị Dung') });
    expect(errorCodes(anonymousVote)).toEqual(['UNAUTHENTICATED']);
    for (const [name, subject, choice] of [
      ['Nguyễn Văn An', 'hd-an', 'FOR'],
      ['Trần Thị Bình', 'hd-binh', 'FOR'],
      ['Phạm Thị Dung', 'hd-dung', 'AGAINST'],
      ['Hoàng Văn Em', 'hd-em', 'FOR'],
    ]) {
      expect(errorCodes(await vote(name as string, subject as string, choice as string))).toEqual([]);
    }
    // Recusing after voting (having seen how the count goes) is refused.
    expect(errorCodes(await recuse('Phạm Thị Dung', 'hd-dung'))).toEqual(['COUNCIL_ALREADY_VOTED']);
    // The units see their nomination, not the council's record.
    const tanAnOfficer = await stack.token('UNIT_OFFICER', presetId('OrgUnit', 'BMT-P-TAN-AN'));
    const seenByWard = await gqlOk<{ nomination: { status: string; councilReview: null } }>(stack.url, 'query($id: ID!) { nomination(id: $id) { status councilReview { id members { userId } } } }', { id: ward.id }, tanAnOfficer);
    expect(seenByWard.nomination).toEqual({ status: 'IN_COUNCIL', councilReview: null });
    expect(errorCodes(await gql(stack.url, 'query($id: ID!) { councilReview(id: $id) { id } }', { id: council.id }, tanAnOfficer))).toEqual(['FORBIDDEN']);
    const draftMinutes = await gqlOk<{ councilReview: { minutes: { base64: string } } }>(stack.url, 'query($id: ID!) { councilReview(id: $id) { minutes { base64 } } }', { id: council.id }, homeAffairs);
    expect(await docxText(draftMinutes.councilReview.minutes.base64)).toContain('BIÊN BẢN (DỰ THẢO)');
    const items = await gqlOk<{ councilReview: { items: Array<{ tally: Record<string, unknown>; recusals: Array<{ memberName: string; reason: string; recordedBy: string }> }> } }>(
      stack.url,
      'query($id: ID!) { councilReview(id: $id) { items { tally { members recused voters for against abstain notVoted percentFor passed } recusals { memberName reason recordedBy } } } }',
      { id: council.id },
      await tokenOf('hd-an'),
    );
    expect(items.councilReview.items[0]?.tally).toEqual({ members: 5, recused: 1, voters: 4, for: 3, against: 1, abstain: 0, notVoted: 0, percentFor: 75, passed: true });
    expect(items.councilReview.items[0]?.recusals).toEqual([{ memberName: 'Lê Văn Cường', reason: 'Là Chủ tịch UBND phường Tân An, đơn vị được đề nghị khen thưởng.', recordedBy: 'hd-cuong' }]);
    // Logged: the recusal is in the audit log with who declared it.
    const audit = await gqlOk<{ awardsAuditLog: Array<{ action: string; actorId: string; after: string }> }>(stack.url, '{ awardsAuditLog(entityType: "CouncilRecusal") { action actorId after } }', {}, await stack.token('ADMIN'));
    expect(audit.awardsAuditLog.map((e) => [e.action, e.actorId])).toEqual([['recuse', 'hd-cuong']]);
    expect(JSON.parse(audit.awardsAuditLog[0]?.after ?? '{}')).toMatchObject({ nominationId: ward.id, reason: 'Là Chủ tịch UBND phường Tân An, đơn vị được đề nghị khen thưởng.' });
    // Only Nội vụ closes the meeting.
    const close = (token: string) => gql(stack.url, 'mutation($id: ID!, $v: Int!) { closeCouncilReview(id: $id, expectedVersion: $v) { status } }', { id: council.id, v: council.version }, token);
    expect(errorCodes(await close(await tokenOf('hd-an')))).toEqual(['FORBIDDEN']);
    expect((await close(homeAffairs)).data).toEqual({ closeCouncilReview: { status: 'CLOSED' } });
    expect(errorCodes(await vote('Phạm Thị Dung', 'hd-dung', 'FOR'))).toEqual(['COUNCIL_CLOSED']);
    expect((await nomination(ward.id)).status).toBe('RECOMMENDED');

    // The minutes, as Word from the meeting's record.
    const minutes = await gqlOk<{ councilReview: { minutes: { name: string; base64: string } } }>(stack.url, 'query($id: ID!) { councilReview(id: $id) { minutes { name base64 } } }', { id: council.id }, homeAffairs);
    expect(minutes.councilReview.minutes.name).toBe('Bien-ban-hoi-dong-2025-04-02.docx');
    const text = await docxText(minutes.councilReview.minutes.base64);
    for (const phrase of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG',
      'BIÊN BẢN',
      'Họp Hội đồng Thi đua - Khen thưởng thành phố Buôn Ma Thuột xét đề nghị khen thưởng',
      'Buôn Ma Thuột, ngày 02 tháng 04 năm 2025',
      'Địa điểm: Phòng họp UBND thành phố Buôn Ma Thuột.',
      '3. Lê Văn Cường - Ủy viên.',
      'Đề nghị được thông qua khi có từ 60% số thành viên có quyền biểu quyết (không tính thành viên rút lui) đồng ý',
      'Lê Văn Cường không tham gia biểu quyết đối với đề nghị khen thưởng UBND phường Tân An; lý do: Là Chủ tịch UBND phường Tân An, đơn vị được đề nghị khen thưởng.',
      'UBND phường Tân An Giấy khen của Chủ tịch UBND thành phố 3 1 0 75% Thông qua',
      'Hội đồng thống nhất đề nghị cấp có thẩm quyền khen thưởng 1 tập thể, cá nhân: UBND phường Tân An.',
      'CHỦ TỊCH HỘI ĐỒNG',
      'Nguyễn Văn An',
      'THƯ KÝ',
      'Hoàng Văn Em',
    ]) {
      expect(text).toContain(phrase);
    }

    // The decision: not after the city chairman's authority ended (1/7/2025), then as signed.
    const decide = (date: string, token = homeAffairs) =>
      gql(
        stack.url,
        'mutation($i: AwardDecisionInput!) { recordAwardDecision(input: $i) { id number date signer } }',
        { i: { number: '1234/QĐ-UBND', date, signer: 'Nguyễn Văn Thành', signerTitle: 'Chủ tịch UBND thành phố Buôn Ma Thuột', nominationIds: [ward.id] } },
        token,
      );
    const lapsed = await decide('2025-07-15');
    expect(errorCodes(lapsed)).toEqual(['DECISION_AUTHORITY_LAPSED']);
    expect(lapsed.errors[0]?.message).toBe('Ngày 15/07/2025, Chủ tịch UBND thành phố Buôn Ma Thuột không còn thẩm quyền tặng Giấy khen của Chủ tịch UBND thành phố.');
    expect(errorCodes(await decide('2025-04-15', lead))).toEqual(['FORBIDDEN']);
    expect((await nomination(ward.id)).status).toBe('RECOMMENDED');
    expect(errorCodes(await decide('2025-04-15'))).toEqual([]);

    const decided = await gqlOk<{ nomination: { status: string; decision: { number: string; date: string; signer: string }; bonus: { amount: number; basis: string; final: boolean } } }>(
      stack.url,
      'query($id: ID!) { nomination(id: $id) { status decision { number date signer } bonus { amount basis final } } }',
      { id: ward.id },
      lead,
    );
    expect(decided.nomination).toEqual({
      status: 'DECIDED',
      decision: { number: '1234/QĐ-UBND', date: '2025-04-15', signer: 'Nguyễn Văn Thành' },
      bonus: { amount: 1_410_000, basis: '0,6 × mức lương cơ sở 2.340.000 đồng (Nghị định 73/2024/NĐ-CP) = 1.410.000 đồng, theo Nghị định 98/2023/NĐ-CP.', final: true },
    });
    expect((await nomination(ward.id)).history.map((h) => [h.action, h.toStatus])).toEqual([
      ['submit', 'SUBMITTED'],
      ['return', 'RETURNED'],
      ['submit', 'SUBMITTED'],
      ['appraise', 'APPRAISED'],
      ['toCouncil', 'IN_COUNCIL'],
      ['pass', 'RECOMMENDED'],
      ['decide', 'DECIDED'],
    ]);
    expect((await nomination(ward.id)).history[1]).toMatchObject({ reason, actorId: 'noi-vu' });

    // Public open data: anyone, without signing in, sees the awardee and the decision; OrgUnit.awards too.
    const open = await gql(
      stack.url,
      '{ campaign(code: "BMT-CDS-2023-2025") { awardees(year: 2024) { awardeeName collective form { name } occasion { name } decision { number date signer signerTitle } bonusAmount } } }',
    );
    expect(open.errors).toEqual([]);
    expect(open.data).toEqual({
      campaign: {
        awardees: [
          {
            awardeeName: 'UBND phường Tân An',
            collective: true,
            form: { name: 'Giấy khen của Chủ tịch UBND thành phố' },
            occasion: { name: 'Khen thưởng hằng năm 2024' },
            decision: { number: '1234/QĐ-UBND', date: '2025-04-15', signer: 'Nguyễn Văn Thành', signerTitle: 'Chủ tịch UBND thành phố Buôn Ma Thuột' },
            bonusAmount: 1_410_000,
          },
        ],
      },
    });
    const unitAwards = await gqlOk<{ orgUnit: { awards: Array<{ awardeeName: string }> } }>(stack.url, '{ orgUnit(code: "BMT-P-TAN-AN") { awards { awardeeName } } }');
    expect(unitAwards.orgUnit.awards).toEqual([{ awardeeName: 'UBND phường Tân An' }]);
    // The award follows the ward into the unit it was merged into on 1/7/2025 (the preset's phường Tân An), under the name the decision used.
    const successor = await gqlOk<{ orgUnit: { name: string; awards: Array<{ awardeeName: string; decision: { number: string } }> } }>(stack.url, '{ orgUnit(code: "DLK-P-TAN-AN") { name awards { awardeeName decision { number } } } }');
    expect(successor.orgUnit.awards).toEqual([{ awardeeName: 'UBND phường Tân An', decision: { number: '1234/QĐ-UBND' } }]);
    // Nominations themselves are not public.
    expect((await gql(stack.url, 'query($id: ID!) { nomination(id: $id) { id } }', { id: ward.id })).data).toEqual({ nomination: null });

    // The decided nomination keeps its place in the quota.
    const quotas = await gqlOk<{ quotas: Array<{ used: number; maxNominations: number }> }>(stack.url, 'query($o: ID!) { quotas(occasionId: $o) { used maxNominations } }', { o: occasionId }, lead);
    expect(quotas.quotas).toEqual([{ used: 1, maxNominations: 1 }]);
  });

  it('decides for one person, rejects another below the threshold, and rejects with a reason', async () => {
    const { formId, occasionId } = await scenario.formAndOccasion('Bằng khen của Chủ tịch UBND tỉnh');
    const newPerson = async (fullName: string) =>
      (
        await gqlOk<{ createPerson: { id: string } }>(
          stack.url,
          'mutation($u: ID!, $n: String!) { createPerson(input: { fullName: $n, kind: CIVIL_SERVANT, unitId: $u, position: "Chuyên viên" }) { id } }',
          { u: VHTT, n: fullName },
          homeAffairs,
        )
      ).createPerson.id;
    const hanh = await newPerson('Võ Thị Hạnh');
    const khoa = await newPerson('Đặng Minh Khoa');
    const create = async (personId: string) =>
      (
        await gqlOk<{ createNomination: N }>(
          stack.url,
          `mutation($i: NominationInput!) { createNomination(input: $i) { ${NOMINATION} } }`,
          { i: { campaignId: BMT, occasionId, formId, proposingUnitId: VHTT, candidatePersonId: personId, achievementSummary: 'Tham mưu triển khai nền tảng số dùng chung.', nominationDate: '2025-03-01' } },
          lead,
        )
      ).createNomination;
    const appraised = async (personId: string) => {
      let n = await create(personId);
      for (const kind of ['TO_TRINH', 'BIEN_BAN_HOI_DONG', 'BAO_CAO_THANH_TICH']) await scenario.attach(n.id, kind, {});
      n = (await gqlOk<{ submitNomination: N }>(stack.url, `mutation($id: ID!, $v: Int!) { submitNomination(id: $id, expectedVersion: $v) { ${NOMINATION} } }`, { id: n.id, v: n.version }, lead)).submitNomination;
      return (await gqlOk<{ appraiseNomination: N }>(stack.url, `mutation($id: ID!, $v: Int!) { appraiseNomination(id: $id, expectedVersion: $v, accept: true, confirmedItems: [${ITEMS}]) { ${NOMINATION} } }`, { id: n.id, v: n.version }, homeAffairs)).appraiseNomination;
    };
    const n = await appraised(hanh);
    const k = await appraised(khoa);
    const council = (
      await gqlOk<{ openCouncilReview: { id: string; version: number; members: Array<{ id: string }> } }>(
        stack.url,
        'mutation($i: CouncilReviewInput!) { openCouncilReview(input: $i) { id version members { id } } }',
        {
          i: {
            occasionId,
            name: 'Hội đồng Thi đua - Khen thưởng thành phố Buôn Ma Thuột',
            meetingDate: '2025-04-02',
            place: 'Phòng họp số 2',
            passPercent: 70,
            nominationIds: [n.id, k.id],
            members: [
              { name: 'Nguyễn Văn An', position: 'Chủ tịch Hội đồng' },
              { name: 'Trần Thị Bình', position: 'Ủy viên' },
              { name: 'Hoàng Văn Em', position: 'Thư ký' },
            ],
          },
        },
        homeAffairs,
      )
    ).openCouncilReview;
    // The secretariat records the paper ballots of members without an account: Hạnh 2 of 3 (66.67%, below 70%), Khoa 3 of 3.
    for (const [nominationId, choices] of [
      [n.id, ['FOR', 'FOR', 'AGAINST']],
      [k.id, ['FOR', 'FOR', 'FOR']],
    ] as const) {
      for (const [m, choice] of choices.entries()) {
        await gqlOk(stack.url, 'mutation($r: ID!, $n: ID!, $m: ID!, $v: VoteChoice!) { castCouncilVote(reviewId: $r, nominationId: $n, memberId: $m, vote: $v) { id } }', { r: council.id, n: nominationId, m: council.members[m]?.id, v: choice }, homeAffairs);
      }
    }
    await gqlOk(stack.url, 'mutation($id: ID!, $v: Int!) { closeCouncilReview(id: $id, expectedVersion: $v) { id } }', { id: council.id, v: council.version }, homeAffairs);
    const minutes = await gqlOk<{ councilReview: { minutes: { base64: string } } }>(stack.url, 'query($id: ID!) { councilReview(id: $id) { minutes { base64 } } }', { id: council.id }, homeAffairs);
    const text = await docxText(minutes.councilReview.minutes.base64);
    expect(text).toContain('Võ Thị Hạnh Bằng khen của Chủ tịch UBND tỉnh 2 1 0 66,67% Không thông qua');
    expect(text).toContain('Không có thành viên rút lui.');
    expect(text).toContain('Đặng Minh Khoa Bằng khen của Chủ tịch UBND tỉnh 3 0 0 100% Thông qua');
    expect(text).toContain('Hội đồng thống nhất đề nghị cấp có thẩm quyền khen thưởng 1 tập thể, cá nhân: Đặng Minh Khoa.');
    // The province chairman's decision for Khoa: 1.0 × 2,340,000 đồng, already a multiple of ten thousand.
    const decision = await gqlOk<{ recordAwardDecision: { id: string } }>(
      stack.url,
      'mutation($i: AwardDecisionInput!) { recordAwardDecision(input: $i) { id } }',
      { i: { number: '880/QĐ-UBND', date: '2025-05-20', signer: 'Phạm Ngọc Nghị', signerTitle: 'Chủ tịch UBND tỉnh Đắk Lắk', nominationIds: [k.id] } },
      homeAffairs,
    );
    const khoaAwards = await gqlOk<{ person: { awards: unknown[] } }>(
      stack.url,
      'query($id: ID!) { person(id: $id) { awards { awardeeName awardeeUnitName collective bonusAmount decision { number awards { awardeeName } } } } }',
      { id: khoa },
      homeAffairs,
    );
    expect(khoaAwards.person.awards).toEqual([
      { awardeeName: 'Đặng Minh Khoa', awardeeUnitName: 'Phòng Văn hóa và Thông tin thành phố Buôn Ma Thuột', collective: false, bonusAmount: 2_340_000, decision: { number: '880/QĐ-UBND', awards: [{ awardeeName: 'Đặng Minh Khoa' }] } },
    ]);
    const again880 = await gql(
      stack.url,
      'mutation($i: AwardDecisionInput!) { recordAwardDecision(input: $i) { id } }',
      { i: { number: '880/QĐ-UBND', date: '2025-05-20', signer: 'Phạm Ngọc Nghị', signerTitle: 'Chủ tịch UBND tỉnh Đắk Lắk', nominationIds: [k.id] } },
      homeAffairs,
    );
    expect(errorCodes(again880)).toEqual(['DECISION_NOMINATIONS_INVALID']);
    expect(decision.recordAwardDecision.id).toBeTruthy();
    const failed = await gqlOk<{ nomination: { status: string; rejectionReason: string; bonus: null } }>(stack.url, 'query($id: ID!) { nomination(id: $id) { status rejectionReason bonus { amount } } }', { id: n.id }, lead);
    expect(failed.nomination).toEqual({ status: 'REJECTED', rejectionReason: 'Không đạt tỷ lệ biểu quyết của Hội đồng: 2/3 thành viên biểu quyết đồng ý (66,67%), ngưỡng 70%.', bonus: null });

    // A rejected nomination frees the candidate: a new one can be made, submitted, and rejected by Nội vụ with a reason.
    let again = await create(hanh);
    for (const kind of ['TO_TRINH', 'BIEN_BAN_HOI_DONG', 'BAO_CAO_THANH_TICH']) await scenario.attach(again.id, kind, {});
    again = (await gqlOk<{ submitNomination: N }>(stack.url, `mutation($id: ID!, $v: Int!) { submitNomination(id: $id, expectedVersion: $v) { ${NOMINATION} } }`, { id: again.id, v: again.version }, lead)).submitNomination;
    const noReason = await gql(stack.url, 'mutation($id: ID!, $v: Int!) { rejectNomination(id: $id, expectedVersion: $v, reason: "  ") { id } }', { id: again.id, v: again.version }, homeAffairs);
    expect(errorCodes(noReason)).toEqual(['VALIDATION_FAILED']);
    const rejected = await gqlOk<{ rejectNomination: { status: string; rejectionReason: string } }>(
      stack.url,
      'mutation($id: ID!, $v: Int!) { rejectNomination(id: $id, expectedVersion: $v, reason: "Thành tích đã được khen thưởng tại Quyết định 55/QĐ-UBND năm 2024.") { status rejectionReason } }',
      { id: again.id, v: again.version },
      homeAffairs,
    );
    expect(rejected.rejectNomination).toEqual({ status: 'REJECTED', rejectionReason: 'Thành tích đã được khen thưởng tại Quyết định 55/QĐ-UBND năm 2024.' });
    // A rejected nomination cannot be decided or appraised.
    const late = await gql(stack.url, 'mutation($id: ID!, $v: Int!) { appraiseNomination(id: $id, expectedVersion: $v, accept: true) { id } }', { id: again.id, v: again.version + 1 }, homeAffairs);
    expect(errorCodes(late)).toEqual(['NOMINATION_WRONG_STATUS']);
    // Bonus tables are data Nội vụ can edit.
    const rates = await gqlOk<{ setBonusRate: { multiplier: number } }>(
      stack.url,
      'mutation { setBonusRate(instrumentCode: "ND-152-2025", formKind: GIAY_KHEN, authority: COMMUNE_CHAIR, candidateKind: INDIVIDUAL, multiplier: 0.3, note: "Đã kiểm chứng") { multiplier } }',
      {},
      homeAffairs,
    );
    expect(rates.setBonusRate.multiplier).toBe(0.3);
    // Rejected nominations never reach the public list.
    const open = await gqlOk<{ campaign: { awardees: Array<{ awardeeName: string }> } }>(stack.url, '{ campaign(code: "BMT-CDS-2023-2025") { awardees { awardeeName } } }');
    expect(open.campaign.awardees.map((a) => a.awardeeName)).not.toContain('Võ Thị Hạnh');
    const hanhAwards = await gqlOk<{ person: { awards: unknown[] } }>(stack.url, 'query($id: ID!) { person(id: $id) { awards { awardeeName } } }', { id: hanh }, homeAffairs);
    expect(hanhAwards.person.awards).toEqual([]);
  });
});
