import { randomUUID } from 'node:crypto';
import { loadGatewayConfig, startGateway } from '@thidua/gateway';
import { startParticipants } from '@thidua/participants';
import { createLogger, loadPlatformConfig, openDatabase, presetId } from '@thidua/platform';
import { describeEachDatabase, errorCodes, gql, gqlOk, startStack, type GqlResponse, type TestStack } from '@thidua/testing';
import { startScoring } from '../src';

const BMT = presetId('Campaign', 'BMT-CDS-2023-2025');
const DN = presetId('Campaign', 'DN-CDS-2021-2030');
const unit = (code: string) => presetId('OrgUnit', code);

/** R26: a lead agency's account acts on scoring only in the campaigns its unit leads today. */
describeEachDatabase('scoring within the lead agency’s own campaigns', (db) => {
  let stack: TestStack;
  const tokens: Record<string, string> = {};
  const refused = (r: GqlResponse<unknown>) => {
    expect(errorCodes(r)).toEqual(['FORBIDDEN_OTHER_UNIT']);
    expect(r.errors[0]?.message).toMatch(/Chỉ cơ quan chủ trì phong trào \(Sở Khoa học và Công nghệ/);
  };

  beforeAll(async () => {
    stack = await startStack({ db, subgraphs: { participants: startParticipants, scoring: startScoring }, gateway: (env) => startGateway(loadGatewayConfig(env)) });
    // Buôn Ma Thuột's campaign is led today by Sở KH&CN tỉnh Đắk Lắk (Phòng VH-TT's successor since 1/7/2025), Đà Nẵng's by Sở KH&CN Đà Nẵng.
    tokens.bmt = await stack.token('LEAD_AGENCY', unit('DLK-SKHCN'));
    tokens.dn = await stack.token('LEAD_AGENCY', unit('DNG-SKHCN'));
    tokens.ended = await stack.token('LEAD_AGENCY', unit('BMT-VHTT'));
    tokens.unbound = await stack.token('LEAD_AGENCY', undefined, { subject: 'lead-unbound' });
  });
  afterAll(() => stack?.close());

  it('opens a scoring period and sets a rule only for its own campaign; another city’s agency and the ended one are refused and change nothing', async () => {
    const open = 'mutation($c: ID!) { openScoringPeriod(campaignId: $c, year: 2025, selfAssessmentOpens: "2025-10-01", selfAssessmentCloses: "2025-11-30") { year } }';
    refused(await gql(stack.url, open, { c: BMT }, tokens.dn));
    refused(await gql(stack.url, open, { c: BMT }, tokens.ended));
    const periods = async () => (await gqlOk<{ campaign: { scoringPeriods: Array<{ year: number }> } }>(stack.url, '{ campaign(code: "BMT-CDS-2023-2025") { scoringPeriods { year } } }', {}, tokens.bmt)).campaign.scoringPeriods;
    expect((await periods()).filter((p) => p.year === 2025)).toEqual([]);
    expect((await gqlOk<{ openScoringPeriod: { year: number } }>(stack.url, open, { c: BMT }, tokens.bmt)).openScoringPeriod).toEqual({ year: 2025 });

    const rule = 'mutation($c: ID!) { setClassificationRule(campaignId: $c, rule: { basis: POINTS, bands: [{ min: 50, inclusive: true, label: "Đạt", passes: true }], otherwiseLabel: "Chưa đạt", otherwisePasses: false }) { basis } }';
    refused(await gql(stack.url, rule, { c: DN }, tokens.bmt));
    const dnRule = await gqlOk<{ campaign: { classificationRule: { bands: Array<{ min: number }> } } }>(stack.url, '{ campaign(code: "DN-CDS-2021-2030") { classificationRule { bands { min } } } }');
    expect(dnRule.campaign.classificationRule.bands).toEqual([{ min: 80 }]);
    // An account bound to no unit acts as before (accounts made before units were required).
    expect(errorCodes(await gql(stack.url, rule, { c: DN }, tokens.unbound))).toEqual([]);
  });

  it('publishes an assessment only in its own campaign', async () => {
    // A verified 2025 assessment of a ward of the BMT area, written straight into scoring's database.
    const id = randomUUID();
    const scoring = await openDatabase({ config: loadPlatformConfig('scoring', 0, { NODE_ENV: 'test', ...(stack.subgraphEnvs.scoring ?? {}) }), logger: createLogger('test', 'silent'), entities: [], migrations: { mysql: [], sqlite: [] } });
    try {
      await scoring.manager.query(
        'INSERT INTO assessment (id, campaign_id, period_id, unit_id, unit_kind, unit_name, framework_id, year, status, max_points, self_total, verified_total, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [id, BMT, randomUUID(), unit('DLK-P-TAN-AN'), 'WARD_PC', 'UBND phường Tân An', randomUUID(), 2025, 'VERIFIED', 100, 80, 80, 1],
      );
    } finally {
      await scoring.close();
    }
    const publish = 'mutation($id: ID!) { publishAssessment(id: $id, expectedVersion: 1) { status } }';
    refused(await gql(stack.url, publish, { id }, tokens.dn));
    const status = async () => (await gqlOk<{ assessment: { status: string } }>(stack.url, 'query($id: ID!) { assessment(id: $id) { status } }', { id }, tokens.bmt)).assessment.status;
    expect(await status()).toBe('VERIFIED');
    expect((await gqlOk<{ publishAssessment: { status: string } }>(stack.url, publish, { id }, tokens.bmt)).publishAssessment).toEqual({ status: 'PUBLISHED' });
  });
});
