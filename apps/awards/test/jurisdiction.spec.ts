import { loadGatewayConfig, startGateway } from '@thidua/gateway';
import { startParticipants } from '@thidua/participants';
import { presetId } from '@thidua/platform';
import { startReporting } from '@thidua/reporting';
import { startScoring } from '@thidua/scoring';
import { describeEachDatabase, errorCodes, gql, gqlOk, startStack, type GqlResponse, type TestStack } from '@thidua/testing';
import { startAwards } from '../src';
import { BMT, bmtScenario, VHTT, withoutConsultation } from './scenario';

const TAN_AN = presetId('OrgUnit', 'BMT-P-TAN-AN');
/** The BMT campaign's agencies today (Sở KH&CN, Sở Nội vụ Đắk Lắk since 1/7/2025), the ended ones, Đà Nẵng's. */
const unit = (code: string) => presetId('OrgUnit', code);
const LEAD_REFUSED = /^Chỉ cơ quan chủ trì phong trào \(Sở Khoa học và Công nghệ tỉnh Đắk Lắk\) được làm việc này trong phong trào\.$/;
const NV_REFUSED = /^Chỉ cơ quan thẩm định khen thưởng của phong trào \(Sở Nội vụ tỉnh Đắk Lắk\) được làm việc này trong phong trào\.$/;

type N = { id: string; version: number; status: string };
const NOMINATION = 'id version status';

function expectRefused(r: GqlResponse<unknown>, message: RegExp): void {
  expect(errorCodes(r)).toEqual(['FORBIDDEN_OTHER_UNIT']);
  expect(r.errors?.[0]?.message).toMatch(message);
}

describeEachDatabase('jurisdiction (R26): unit-bound lead agency and Nội vụ accounts act in awards only on the campaigns whose agency their unit is today', (db) => {
  let stack: TestStack;
  let admin: string;
  let lead: string;
  let scenario: ReturnType<typeof bmtScenario>;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    stack = await startStack({
      db,
      subgraphs: { participants: startParticipants, scoring: startScoring, awards: startAwards, reporting: startReporting },
      gateway: (env) => startGateway(loadGatewayConfig(env)),
    });
    // Nominations here go to the council without the public consultation (tested in consultation.spec.ts).
    await withoutConsultation(stack, BMT);
    admin = await stack.token('ADMIN');
    // Legacy: accounts bound to no unit act on every campaign (the scenario's set-up runs with them).
    lead = await stack.token('LEAD_AGENCY', undefined, { subject: 'vhtt' });
    tokens.unboundNv = await stack.token('HOME_AFFAIRS', undefined, { subject: 'noi-vu' });
    tokens.leadInForce = await stack.token('LEAD_AGENCY', unit('DLK-SKHCN'), { subject: 'so-khcn-dak-lak' });
    tokens.leadEnded = await stack.token('LEAD_AGENCY', unit('BMT-VHTT'), { subject: 'phong-vhtt-bmt' });
    tokens.leadOther = await stack.token('LEAD_AGENCY', unit('DNG-SKHCN'), { subject: 'so-khcn-da-nang' });
    tokens.nvInForce = await stack.token('HOME_AFFAIRS', unit('DLK-SNV'), { subject: 'so-noi-vu-dak-lak' });
    tokens.nvEnded = await stack.token('HOME_AFFAIRS', unit('BMT-NV'), { subject: 'phong-noi-vu-bmt' });
    tokens.nvOther = await stack.token('HOME_AFFAIRS', unit('DNG-SNV'), { subject: 'so-noi-vu-da-nang' });
    scenario = bmtScenario(stack, lead);
  });
  afterAll(() => stack?.close());

  const nominations = async () => (await gqlOk<{ nominations: N[] }>(stack.url, `query($c: ID!) { nominations(campaignId: $c) { ${NOMINATION} } }`, { c: BMT }, admin)).nominations;
  const nomination = async (id: string) => (await gqlOk<{ nomination: N }>(stack.url, `query($id: ID!) { nomination(id: $id) { ${NOMINATION} } }`, { id }, admin)).nomination;
  const nominate = (token: string, formId: string, occasionId: string) =>
    gql<{ createNomination: N }>(
      stack.url,
      `mutation($i: NominationInput!) { createNomination(input: $i) { ${NOMINATION} } }`,
      { i: { campaignId: BMT, occasionId, formId, proposingUnitId: VHTT, candidateUnitId: TAN_AN, achievementSummary: 'Hoàn thành xuất sắc nhiệm vụ chuyển đổi số năm 2024.', nominationDate: '2025-03-01' } },
      token,
    );

  it("the lead agency's occasions, quotas and nominations: another city's agency and the ended one are refused and nothing is written; the agency in force and an unbound account act", async () => {
    const { formId, occasionId } = await scenario.formAndOccasion('Giấy khen của Chủ tịch UBND thành phố');
    const occasions = async () => (await gqlOk<{ campaign: { occasions: Array<{ id: string }> } }>(stack.url, 'query($c: ID!) { campaign(id: $c) { occasions { id } } }', { c: BMT })).campaign.occasions;
    const quotas = async () => (await gqlOk<{ quotas: Array<{ maxNominations: number }> }>(stack.url, 'query($o: ID!) { quotas(occasionId: $o) { maxNominations } }', { o: occasionId }, admin)).quotas;
    const createOccasion = (token: string, kind: string, year: number) =>
      gql<{ createOccasion: { id: string } }>(
        stack.url,
        'mutation($i: OccasionInput!) { createOccasion(input: $i) { id } }',
        { i: { campaignId: BMT, kind, name: `Sơ kết, tổng kết phong trào năm ${year}`, year, endDate: `${year}-12-31` } },
        token,
      );
    const setQuota = (token: string, max: number) =>
      gql<{ setQuota: { maxNominations: number } }>(stack.url, 'mutation($o: ID!, $u: ID!, $f: ID!, $m: Int!) { setQuota(occasionId: $o, proposingUnitId: $u, formId: $f, maxNominations: $m) { maxNominations } }', { o: occasionId, u: VHTT, f: formId, m: max }, token);

    const [beforeOccasions, beforeQuotas, beforeNominations] = [await occasions(), await quotas(), await nominations()];
    for (const token of [tokens.leadOther, tokens.leadEnded]) {
      expectRefused(await createOccasion(token, 'INTERIM_REVIEW', 2024), LEAD_REFUSED);
      expectRefused(await setQuota(token, 1), LEAD_REFUSED);
      expectRefused(await nominate(token, formId, occasionId), LEAD_REFUSED);
    }
    // Another city's Nội vụ is refused too, named as the campaign's appraising agency.
    expectRefused(await setQuota(tokens.nvOther, 1), NV_REFUSED);
    expect([await occasions(), await quotas(), await nominations()]).toEqual([beforeOccasions, beforeQuotas, beforeNominations]);

    const created = await createOccasion(tokens.leadInForce, 'INTERIM_REVIEW', 2024);
    expect(created.errors ?? []).toEqual([]);
    expect((await setQuota(tokens.leadInForce, 2)).data?.setQuota.maxNominations).toBe(2);
    const drafted = await nominate(tokens.leadInForce, formId, occasionId);
    expect(drafted.errors ?? []).toEqual([]);
    expect((await setQuota(lead, 3)).data?.setQuota.maxNominations).toBe(3);
    expect((await occasions()).map((o) => o.id)).toContain(created.data?.createOccasion.id);
    expect(await quotas()).toEqual([{ maxNominations: 3 }]);
    expect((await nominations()).map((n) => n.id)).toEqual([drafted.data?.createNomination.id]);
  });

  it("Nội vụ's appraisal, council and decision: another city's Nội vụ and the ended Phòng Nội vụ are refused and nothing changes; Sở Nội vụ Đắk Lắk acts", async () => {
    await scenario.scoreUnits({ 'BMT-P-TAN-AN': 85 });
    const { formId, occasionId } = await scenario.formAndOccasion('Giấy khen của Chủ tịch UBND thành phố');
    let ward = (await nominate(lead, formId, occasionId)).data?.createNomination as N;
    for (const kind of ['TO_TRINH', 'BIEN_BAN_HOI_DONG', 'BAO_CAO_THANH_TICH']) await scenario.attach(ward.id, kind, {});
    ward = (await gqlOk<{ submitNomination: N }>(stack.url, `mutation($id: ID!, $v: Int!) { submitNomination(id: $id, expectedVersion: $v) { ${NOMINATION} } }`, { id: ward.id, v: ward.version }, lead)).submitNomination;
    expect(ward.status).toBe('SUBMITTED');

    const appraise = (token: string) =>
      gql<{ appraiseNomination: N }>(stack.url, `mutation($id: ID!, $v: Int!) { appraiseNomination(id: $id, expectedVersion: $v, accept: true, confirmedItems: [TO_TRINH, BIEN_BAN_HOI_DONG, BAO_CAO_THANH_TICH]) { ${NOMINATION} } }`, { id: ward.id, v: ward.version }, token);
    const reject = (token: string) =>
      gql(stack.url, 'mutation($id: ID!, $v: Int!) { rejectNomination(id: $id, expectedVersion: $v, reason: "Không đủ điều kiện.") { id } }', { id: ward.id, v: ward.version }, token);
    for (const token of [tokens.nvOther, tokens.nvEnded]) {
      expectRefused(await appraise(token), NV_REFUSED);
      expectRefused(await reject(token), NV_REFUSED);
    }
    expect(await nomination(ward.id)).toEqual(ward);
    ward = (await appraise(tokens.nvInForce)).data?.appraiseNomination as N;
    expect(ward.status).toBe('APPRAISED');

    // The council session is its occasion's, hence the campaign's: only its Nội vụ in force convenes and runs it.
    const reviews = async () => (await gqlOk<{ councilReviews: Array<{ id: string; status: string }> }>(stack.url, 'query($o: ID!) { councilReviews(occasionId: $o) { id status } }', { o: occasionId }, admin)).councilReviews;
    const open = (token: string) =>
      gql<{ openCouncilReview: { id: string; version: number; members: Array<{ id: string }> } }>(
        stack.url,
        'mutation($i: CouncilReviewInput!) { openCouncilReview(input: $i) { id version members { id } } }',
        {
          i: {
            occasionId,
            name: 'Hội đồng Thi đua - Khen thưởng thành phố Buôn Ma Thuột',
            meetingDate: '2025-04-02',
            place: 'Phòng họp UBND thành phố Buôn Ma Thuột',
            passPercent: 60,
            nominationIds: [ward.id],
            members: [
              { name: 'Nguyễn Văn An', position: 'Chủ tịch Hội đồng' },
              { name: 'Trần Thị Bình', position: 'Phó Chủ tịch Hội đồng' },
              { name: 'Lê Văn Cường', position: 'Ủy viên' },
            ],
          },
        },
        token,
      );
    for (const token of [tokens.nvOther, tokens.nvEnded]) expectRefused(await open(token), NV_REFUSED);
    expect(await reviews()).toEqual([]);
    expect((await nomination(ward.id)).status).toBe('APPRAISED');
    const council = (await open(tokens.nvInForce)).data?.openCouncilReview as { id: string; version: number; members: Array<{ id: string }> };
    expect(await reviews()).toEqual([{ id: council.id, status: 'OPEN' }]);

    // Paper ballots recorded by the secretariat: another city's is refused; the one in force and an unbound account record.
    const vote = (token: string, memberId: string) =>
      gql(stack.url, 'mutation($r: ID!, $n: ID!, $m: ID!) { castCouncilVote(reviewId: $r, nominationId: $n, memberId: $m, vote: FOR) { id } }', { r: council.id, n: ward.id, m: memberId }, token);
    const [an, binh, cuong] = council.members.map((m) => m.id) as [string, string, string];
    expectRefused(await vote(tokens.nvOther, an), NV_REFUSED);
    expect((await vote(tokens.nvInForce, an)).errors ?? []).toEqual([]);
    expect((await vote(tokens.nvInForce, binh)).errors ?? []).toEqual([]);
    expect((await vote(tokens.unboundNv, cuong)).errors ?? []).toEqual([]);
    const close = (token: string) => gql(stack.url, 'mutation($id: ID!, $v: Int!) { closeCouncilReview(id: $id, expectedVersion: $v) { status } }', { id: council.id, v: council.version }, token);
    for (const token of [tokens.nvOther, tokens.nvEnded]) expectRefused(await close(token), NV_REFUSED);
    expect(await reviews()).toEqual([{ id: council.id, status: 'OPEN' }]);
    expect((await close(tokens.nvInForce)).data).toEqual({ closeCouncilReview: { status: 'CLOSED' } });
    expect((await nomination(ward.id)).status).toBe('RECOMMENDED');

    // The decision is its nominations' campaign's.
    const decide = (token: string) =>
      gql(
        stack.url,
        'mutation($i: AwardDecisionInput!) { recordAwardDecision(input: $i) { id } }',
        { i: { number: '1234/QĐ-UBND', date: '2025-04-15', signer: 'Nguyễn Văn Thành', signerTitle: 'Chủ tịch UBND thành phố Buôn Ma Thuột', nominationIds: [ward.id] } },
        token,
      );
    for (const token of [tokens.nvOther, tokens.nvEnded]) expectRefused(await decide(token), NV_REFUSED);
    expect((await nomination(ward.id)).status).toBe('RECOMMENDED');
    expect((await decide(tokens.nvInForce)).errors ?? []).toEqual([]);
    expect((await nomination(ward.id)).status).toBe('DECIDED');
  });
});
