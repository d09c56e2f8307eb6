import { loadGatewayConfig, startGateway } from '@thidua/gateway';
import { startParticipants } from '@thidua/participants';
import { startReporting } from '@thidua/reporting';
import { startScoring } from '@thidua/scoring';
import { presetId } from '@thidua/platform';
import { describeEachDatabase, errorCodes, gql, gqlOk, startStack, type TestStack } from '@thidua/testing';
import { startAwards } from '../src';
import { recommendedNominations } from './decision-scenario';
import { BMT, withoutConsultation } from './scenario';

type Fund = { id: string; year: number; occasion: { id: string } | null; amount: number; source: string; used: number; remaining: number; version: number };
const FUND = 'id year occasion { id } amount source used remaining version';
type Preview = { total: number; fund: { id: string; remaining: number } | null; remainingAfter: number | null; exceedsFund: boolean; warning: string | null; awards: Array<{ name: string; collective: boolean; description: string | null; amount: number }> };
const PREVIEW = 'total fund { id remaining } remainingAfter exceedsFund warning awards { name collective description amount }';

describeEachDatabase('the reward fund: set by Nội vụ, counted by each decision, a warning and a refusal before going over it', (db) => {
  let stack: TestStack;
  let lead: string;
  let homeAffairs: string;
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
  });
  afterAll(() => stack?.close());

  const funds = async () => (await gqlOk<{ rewardFunds: Fund[] }>(stack.url, `query($c: ID!) { rewardFunds(campaignId: $c, year: 2024) { ${FUND} } }`, { c: BMT }, homeAffairs)).rewardFunds;
  const decisionInput = (number: string, nominationIds: string[], exceedFund?: boolean) => ({ number, date: '2025-05-20', signer: 'Phạm Ngọc Nghị', signerTitle: 'Chủ tịch UBND tỉnh Đắk Lắk', nominationIds, ...(exceedFund === undefined ? {} : { exceedFund }) });
  const preview = async (nominationIds: string[]) =>
    (await gqlOk<{ awardDecisionPreview: Preview }>(stack.url, `query($i: AwardDecisionInput!) { awardDecisionPreview(input: $i) { ${PREVIEW} } }`, { i: { date: '2025-05-20', nominationIds } }, homeAffairs)).awardDecisionPreview;
  const record = (number: string, nominationIds: string[], exceedFund?: boolean, token = homeAffairs) =>
    gql(stack.url, 'mutation($i: AwardDecisionInput!) { recordAwardDecision(input: $i) { id number totalBonus fundExceeded awards { awardeeName bonusAmount } } }', { i: decisionInput(number, nominationIds, exceedFund) }, token);
  const status = async (id: string) => (await gqlOk<{ nomination: { status: string } }>(stack.url, 'query($id: ID!) { nomination(id: $id) { status } }', { id }, homeAffairs)).nomination.status;

  it('counts each decision against the year’s fund, warns before going over it, refuses it unless Nội vụ confirms, and keeps used and remaining right', async () => {
    const { ids } = await recommendedNominations(stack, lead, homeAffairs, { 'BMT-P-TAN-AN': 85, 'BMT-P-EA-TAM': 90 }, [{ fullName: 'Đặng Minh Khoa', position: 'Chuyên viên' }]);
    const tanAn = ids['BMT-P-TAN-AN'] as string;
    const eaTam = ids['BMT-P-EA-TAM'] as string;
    const khoa = ids['Đặng Minh Khoa'] as string;

    // No fund set yet: the preview has nothing to count against and says so.
    const unfunded = await preview([tanAn]);
    expect(unfunded).toMatchObject({ total: 4_680_000, fund: null, remainingAfter: null, exceedsFund: false, warning: 'Chưa đặt quỹ khen thưởng cho năm, đợt này: tổng tiền thưởng chưa được đối chiếu với quỹ.' });

    // Only Nội vụ sets the fund; bad input changes nothing.
    const setFund = (amount: number, token = homeAffairs, extra: Record<string, unknown> = {}) =>
      gql(
        stack.url,
        `mutation($c: ID!, $a: Float!, $o: ID, $v: Int) { setRewardFund(campaignId: $c, year: 2024, occasionId: $o, amount: $a, source: "Quỹ thi đua, khen thưởng của thành phố Buôn Ma Thuột (Kế hoạch phát động, mục V)", expectedVersion: $v) { ${FUND} } }`,
        { c: BMT, a: amount, o: null, v: null, ...extra },
        token,
      );
    expect(errorCodes(await setFund(10_000_000, lead))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await setFund(-1))).toEqual(['VALIDATION_FAILED']);
    expect(errorCodes(await setFund(1_000_000, homeAffairs, { o: '00000000-0000-4000-8000-000000000000' }))).toEqual(['REWARD_FUND_OCCASION_INVALID']);
    expect(await funds()).toEqual([]);
    const created = (await setFund(10_000_000)).data as { setRewardFund: Fund };
    expect(created.setRewardFund).toMatchObject({ year: 2024, occasion: null, amount: 10_000_000, used: 0, remaining: 10_000_000 });
    // A stale version is refused; the current one changes the amount (a year's fund can exceed 2^31 đồng).
    expect(errorCodes(await setFund(3_000_000_000, homeAffairs, { v: created.setRewardFund.version + 5 }))).toEqual(['REWARD_FUND_VERSION_CONFLICT']);
    const raised = ((await setFund(3_000_000_000, homeAffairs, { v: created.setRewardFund.version })).data as { setRewardFund: Fund }).setRewardFund;
    expect(raised).toMatchObject({ id: created.setRewardFund.id, amount: 3_000_000_000, remaining: 3_000_000_000 });
    const fund = ((await setFund(10_000_000, homeAffairs, { v: raised.version })).data as { setRewardFund: Fund }).setRewardFund;
    expect(fund.amount).toBe(10_000_000);

    // Jurisdiction (R26): Đà Nẵng's Sở Nội vụ neither sets, reads nor previews against Buôn Ma Thuột's fund; Đắk Lắk's, the
    // campaign's appraising agency today, reads it.
    const daNang = await stack.token('HOME_AFFAIRS', presetId('OrgUnit', 'DNG-SNV'), { subject: 'so-noi-vu-da-nang' });
    const dakLak = await stack.token('HOME_AFFAIRS', presetId('OrgUnit', 'DLK-SNV'), { subject: 'so-noi-vu-dak-lak' });
    expect(errorCodes(await setFund(1, daNang, { v: fund.version }))).toEqual(['FORBIDDEN_OTHER_UNIT']);
    expect(errorCodes(await gql(stack.url, 'query($c: ID!) { rewardFunds(campaignId: $c) { id } }', { c: BMT }, daNang))).toEqual(['FORBIDDEN_OTHER_UNIT']);
    expect(errorCodes(await gql(stack.url, 'query($i: AwardDecisionInput!) { awardDecisionPreview(input: $i) { total } }', { i: { date: '2025-05-20', nominationIds: [tanAn] } }, daNang))).toEqual(['FORBIDDEN_OTHER_UNIT']);
    expect((await gqlOk<{ rewardFunds: Fund[] }>(stack.url, `query($c: ID!) { rewardFunds(campaignId: $c) { ${FUND} } }`, { c: BMT }, dakLak)).rewardFunds).toEqual([fund]);

    // Within the fund: Tân An's Bằng khen (2.0 × 2,340,000 đồng) is recorded; the fund has 5,320,000 đồng left.
    const first = await preview([tanAn]);
    expect(first).toMatchObject({ total: 4_680_000, fund: { id: fund.id, remaining: 10_000_000 }, remainingAfter: 5_320_000, exceedsFund: false, warning: null });
    const recorded = await record('880/QĐ-UBND', [tanAn]);
    expect(recorded.errors).toEqual([]);
    expect(recorded.data).toEqual({ recordAwardDecision: { id: expect.any(String), number: '880/QĐ-UBND', totalBonus: 4_680_000, fundExceeded: false, awards: [{ awardeeName: 'UBND phường Tân An', bonusAmount: 4_680_000 }] } });
    expect(await funds()).toEqual([expect.objectContaining({ id: fund.id, amount: 10_000_000, used: 4_680_000, remaining: 5_320_000 })]);

    // Ea Tam and Khoa together (4,680,000 + 2,340,000) would go 1,700,000 đồng over what remains: the preview warns.
    const over = await preview([eaTam, khoa]);
    expect(over).toMatchObject({ total: 7_020_000, remainingAfter: -1_700_000, exceedsFund: true });
    expect(over.warning).toBe('Tổng tiền thưởng 7.020.000 đồng vượt quỹ khen thưởng năm 2024 (10.000.000 đồng, đã dùng 4.680.000 đồng, còn lại 5.320.000 đồng) 1.700.000 đồng.');
    expect(over.awards).toEqual([
      { name: 'UBND phường Ea Tam', collective: true, description: null, amount: 4_680_000 },
      { name: 'Đặng Minh Khoa', collective: false, description: 'Chuyên viên, Phòng Văn hóa và Thông tin thành phố Buôn Ma Thuột', amount: 2_340_000 },
    ]);

    // Recording it is refused with the figures, and nothing changes.
    const refused = await record('881/QĐ-UBND', [eaTam, khoa]);
    expect(errorCodes(refused)).toEqual(['REWARD_FUND_EXCEEDED']);
    expect(refused.errors[0]?.message).toBe(
      'Tổng tiền thưởng 7.020.000 đồng vượt quỹ khen thưởng năm 2024 (10.000.000 đồng, đã dùng 4.680.000 đồng, còn lại 5.320.000 đồng) 1.700.000 đồng. Chưa ghi quyết định; nếu vẫn ghi, Nội vụ xác nhận vượt quỹ.',
    );
    expect(await status(eaTam)).toBe('RECOMMENDED');
    expect(await status(khoa)).toBe('RECOMMENDED');
    expect(await funds()).toEqual([expect.objectContaining({ used: 4_680_000, remaining: 5_320_000 })]);
    // The lead agency cannot record it, confirmation or not.
    expect(errorCodes(await record('881/QĐ-UBND', [eaTam, khoa], true, lead))).toEqual(['FORBIDDEN']);
    // Without a number and a signer it is not recorded either.
    const incomplete = await gql(stack.url, 'mutation($i: AwardDecisionInput!) { recordAwardDecision(input: $i) { id } }', { i: { date: '2025-05-20', nominationIds: [eaTam, khoa] } }, homeAffairs);
    expect(errorCodes(incomplete)).toEqual(['DECISION_DETAILS_REQUIRED']);

    // Nội vụ confirms going over the fund: recorded, marked so, and the fund shows the overrun.
    const confirmed = await record('881/QĐ-UBND', [eaTam, khoa], true);
    expect(confirmed.errors).toEqual([]);
    expect(confirmed.data).toMatchObject({ recordAwardDecision: { number: '881/QĐ-UBND', totalBonus: 7_020_000, fundExceeded: true } });
    expect(await status(khoa)).toBe('DECIDED');
    expect(await funds()).toEqual([expect.objectContaining({ id: fund.id, used: 11_700_000, remaining: -1_700_000 })]);

    // Audited: the fund's changes and the decision with the fund it drew on.
    const audit = await gqlOk<{ awardsAuditLog: Array<{ action: string; actorId: string; after: string }> }>(stack.url, '{ awardsAuditLog(entityType: "RewardFund") { action actorId after } }', {}, await stack.token('ADMIN'));
    expect(audit.awardsAuditLog.map((e) => [e.action, e.actorId])).toEqual(expect.arrayContaining([['create', 'noi-vu'], ['update', 'noi-vu']]));
    const decisions = await gqlOk<{ awardsAuditLog: Array<{ after: string }> }>(stack.url, '{ awardsAuditLog(entityType: "AwardDecision") { after } }', {}, await stack.token('ADMIN'));
    expect(decisions.awardsAuditLog.map((e) => JSON.parse(e.after) as { number: string; fundExceeded: boolean; fund: { usedBefore: number } })).toEqual(
      expect.arrayContaining([expect.objectContaining({ number: '881/QĐ-UBND', fundExceeded: true, fund: expect.objectContaining({ usedBefore: 4_680_000 }) })]),
    );
  });

  it("counts an occasion's decisions against its own fund, not the year's, and lets only one of two simultaneous decisions take its last part", async () => {
    const { ids, occasionId } = await recommendedNominations(stack, lead, homeAffairs, {}, [
      { fullName: 'Võ Thị Hạnh', position: 'Chuyên viên' },
      { fullName: 'Lê Quang Minh', position: 'Phó Trưởng phòng' },
    ], 'INTERIM_REVIEW');
    const yearBefore = (await funds()).find((f) => f.occasion === null);
    // The interim review's own fund: one individual Bằng khen (2,340,000 đồng).
    const set = await gqlOk<{ setRewardFund: Fund }>(
      stack.url,
      `mutation($c: ID!, $o: ID!) { setRewardFund(campaignId: $c, year: 2024, occasionId: $o, amount: 2340000, source: "Quỹ thi đua, khen thưởng của thành phố, dịp sơ kết") { ${FUND} } }`,
      { c: BMT, o: occasionId },
      homeAffairs,
    );
    expect(set.setRewardFund).toMatchObject({ occasion: { id: occasionId }, amount: 2_340_000, used: 0, remaining: 2_340_000 });
    const both = await preview([ids['Võ Thị Hạnh'] as string, ids['Lê Quang Minh'] as string]);
    expect(both).toMatchObject({ total: 4_680_000, fund: { id: set.setRewardFund.id }, remainingAfter: -2_340_000, exceedsFund: true });
    expect(both.warning).toContain('vượt quỹ khen thưởng của đợt «Sơ kết Phong trào thi đua Chuyển đổi số (Quý III năm 2024)» (2.340.000 đồng');

    // Two decisions recorded at the same moment, each within the fund alone: one takes it, the other is refused.
    const results = await Promise.all([record('901/QĐ-UBND', [ids['Võ Thị Hạnh'] as string]), record('902/QĐ-UBND', [ids['Lê Quang Minh'] as string])]);
    expect(results.map((r) => errorCodes(r)).sort()).toEqual([[], ['REWARD_FUND_EXCEEDED']]);
    const after = await funds();
    expect(after.find((f) => f.id === set.setRewardFund.id)).toMatchObject({ used: 2_340_000, remaining: 0 });
    // The year's fund counts only the occasions without a fund of their own: unchanged.
    expect(after.find((f) => f.occasion === null)).toEqual(yearBefore);
  });
});
