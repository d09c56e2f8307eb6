import { randomUUID } from 'node:crypto';
import { loadGatewayConfig, startGateway } from '@thidua/gateway';
import { startParticipants } from '@thidua/participants';
import { presetId, todayInVietnam } from '@thidua/platform';
import { describeEachDatabase, errorCodes, gql, gqlOk, startStack, type TestStack } from '@thidua/testing';
import { startScoring } from '../src';

const shift = (days: number) => {
  const d = new Date(`${todayInVietnam()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const BMT = presetId('Campaign', 'BMT-CDS-2023-2025');
const DN = presetId('Campaign', 'DN-CDS-2021-2030');

interface Ind {
  code: string;
  maxPoints: number;
  ruleType: 'YES_NO' | 'COUNT_BANDS' | 'RATIO' | 'MANUAL';
  bands: Array<{ min: number; points: number }> | null;
  groupKind: string;
  appliesToKinds: string[] | null;
}
interface Started {
  id: string;
  version: number;
  unitKind: string;
  maxPoints: number;
  framework: { code: string; legalBasis: { number: string } };
}

/** A value for the indicator worth as many points as are left to give (at most its max), and those points. */
const valueWorth = (i: Ind, left: number): { value: Record<string, unknown>; points: number } => {
  const p = Math.min(i.maxPoints, left);
  switch (i.ruleType) {
    case 'YES_NO':
      return p === i.maxPoints ? { value: { yes: true }, points: p } : { value: { yes: false }, points: 0 };
    case 'MANUAL':
      return { value: { points: p }, points: p };
    case 'RATIO':
      return { value: { numerator: p * 100, denominator: i.maxPoints * 100 }, points: p };
    case 'COUNT_BANDS': {
      const band = [...(i.bands ?? [])].filter((b) => b.points <= left).sort((a, b) => b.points - a.points)[0];
      return band ? { value: { count: band.min }, points: band.points } : { value: { count: 0 }, points: 0 };
    }
  }
};

describeEachDatabase('indices in force through the gateway', (db) => {
  let stack: TestStack;
  let lead: string;
  const ok = <T = Record<string, unknown>>(query: string, v: Record<string, unknown> = {}, token?: string) => gqlOk<T>(stack.url, query, v, token);
  const START = `mutation($c: ID!, $y: Int!, $u: ID!) {
    startAssessment(campaignId: $c, year: $y, unitId: $u) { id version unitKind maxPoints framework { code legalBasis { number } } }
  }`;
  const start = async (campaignId: string, year: number, code: string, token = lead) =>
    (await ok<{ startAssessment: Started }>(START, { c: campaignId, y: year, u: presetId('OrgUnit', code) }, token)).startAssessment;
  const period = (campaignId: string, year: number, opens: string, closes: string) =>
    ok('mutation($c: ID!, $y: Int!, $o: Date!, $cl: Date!) { openScoringPeriod(campaignId: $c, year: $y, selfAssessmentOpens: $o, selfAssessmentCloses: $cl) { id } }', { c: campaignId, y: year, o: opens, cl: closes }, lead);

  beforeAll(async () => {
    stack = await startStack({ db, subgraphs: { participants: startParticipants, scoring: startScoring }, gateway: (env) => startGateway(loadGatewayConfig(env)) });
    lead = await stack.token('LEAD_AGENCY', undefined, { subject: 'lead' });
  });
  afterAll(() => stack?.close());

  it('ships the indices of 405/QĐ-BKHCN, 2386/QĐ-UBND and 2534/QĐ-UBND with their legal basis and years', async () => {
    const d = await ok<{ frameworks: Array<{ code: string; yearsLabel: string; maxPoints: number; maxBonus: number; maxPenalty: number; legalBasis: { number: string; date: string } }> }>(
      '{ frameworks(year: 2025) { code yearsLabel maxPoints maxBonus maxPenalty legalBasis { number date } } }',
    );
    expect(d.frameworks).toEqual(
      expect.arrayContaining([
        { code: 'DTI-405-TINH', yearsLabel: 'từ 2024', maxPoints: 1000, maxBonus: 0, maxPenalty: 0, legalBasis: { number: '405/QĐ-BKHCN', date: '2025-04-03' } },
        { code: 'DANANG-2386', yearsLabel: 'từ 2025', maxPoints: 100, maxBonus: 5, maxPenalty: 8, legalBasis: { number: '2386/QĐ-UBND', date: '2025-11-05' } },
        { code: 'DAKLAK-2534-SO-NGANH', yearsLabel: '2022–2025', maxPoints: 1000, maxBonus: 0, maxPenalty: 0, legalBasis: { number: '2534/QĐ-UBND', date: '2022-11-11' } },
      ]),
    );
    // The 922 samples assess 2024 only: a 2025 list does not offer them.
    expect(d.frameworks.map((f) => f.code)).not.toContain('DTI-922-MAU-TINH');
  });

  it('a 2025 Đà Nẵng department, ward or commune assessment started without an index runs on 2386/QĐ-UBND', async () => {
    await period(DN, 2025, '2026-01-05', '2026-02-15');
    const dept = await start(DN, 2025, 'DNG-SYT');
    expect(dept).toMatchObject({ unitKind: 'DEPARTMENT', maxPoints: 100, framework: { code: 'DANANG-2386', legalBasis: { number: '2386/QĐ-UBND' } } });
    const p = await ok<{ campaign: { frameworks: Array<{ code: string }>; scoringPeriods: Array<{ year: number; frameworks: Array<{ unitKind: string; framework: { code: string } }> }> } }>(
      'query($c: ID!) { campaign(id: $c) { frameworks { code } scoringPeriods { year frameworks { unitKind framework { code } } } } }',
      { c: DN },
      lead,
    );
    expect(p.campaign.frameworks.map((f) => f.code)).toEqual(['DANANG-2386', 'DTI-MAU-CAP-XA']);
    const y2025 = p.campaign.scoringPeriods.find((s) => s.year === 2025);
    expect(y2025?.frameworks).toEqual(
      expect.arrayContaining([
        { unitKind: 'DEPARTMENT', framework: { code: 'DANANG-2386' } },
        { unitKind: 'WARD_PC', framework: { code: 'DANANG-2386' } },
        { unitKind: 'COMMUNE_PC', framework: { code: 'DANANG-2386' } },
      ]),
    );
    // Nothing for a kind the campaign has no index for: those units are not asked to self-assess.
    expect(y2025?.frameworks.map((f) => f.unitKind)).not.toContain('ENTERPRISE');
  });

  it('a DTI 2024 provincial assessment started without an index runs on 405/QĐ-BKHCN, its value on a 0–1 scale', async () => {
    // The national assessment: a campaign that lists no index of its own, so every published index is a candidate.
    const national = randomUUID();
    await period(national, 2024, '2025-05-01', '2025-07-31');
    const dlk = await start(national, 2024, 'DLK');
    expect(dlk).toMatchObject({ unitKind: 'PROVINCE_PC', maxPoints: 1000, framework: { code: 'DTI-405-TINH', legalBasis: { number: '405/QĐ-BKHCN' } } });
    const a = await ok<{ assessment: { indexValue: number; percent: number } }>('query($id: ID!) { assessment(id: $id) { indexValue percent } }', { id: dlk.id }, lead);
    expect(a.assessment).toEqual({ indexValue: 0, percent: 0 });
    // An index chosen by the caller is still used as given; one that does not assess the year is refused.
    const r = await gql(stack.url, 'mutation($c: ID!, $u: ID!, $f: ID!) { startAssessment(campaignId: $c, year: 2024, unitId: $u, frameworkId: $f) { id } }', {
      c: national,
      u: presetId('OrgUnit', 'PYN'),
      f: presetId('IndexFramework', 'DANANG-2386'),
    }, lead);
    expect(errorCodes(r)).toEqual(['FRAMEWORK_YEAR_MISMATCH']);
  });

  it('a Buôn Ma Thuột department 2024 assessment runs on the 2534-shaped index: 71% passes, 70% does not', async () => {
    await period(BMT, 2024, shift(-1), shift(10));
    const results: Record<string, { classification: string; passes: boolean; percent: number; indexValue: number; selfTotal: number }> = {};
    for (const [code, target] of [['BMT-TCKH', 710], ['BMT-GDDT', 700]] as const) {
      const officer = await stack.token('UNIT_OFFICER', presetId('OrgUnit', code), { subject: `can-bo-${code}` });
      const started = await start(BMT, 2024, code, officer);
      expect(started).toMatchObject({ unitKind: 'DEPARTMENT', maxPoints: 1000, framework: { code: 'DAKLAK-2534-SO-NGANH', legalBasis: { number: '2534/QĐ-UBND' } } });
      const tree = await ok<{ framework: { indicators: Ind[] } }>(
        'query($code: String!) { framework(code: $code) { indicators { code maxPoints ruleType bands { min points } groupKind appliesToKinds } } }',
        { code: 'DAKLAK-2534-SO-NGANH' },
        officer,
      );
      let left = target;
      let version = started.version;
      for (const i of tree.framework.indicators.filter((x) => x.groupKind === 'NORMAL' && (x.appliesToKinds === null || x.appliesToKinds.includes('DEPARTMENT')))) {
        const { value, points } = valueWorth(i, left);
        left -= points;
        const r = await ok<{ selfAssess: { version: number } }>(
          'mutation($id: ID!, $v: Int!, $c: String!, $val: ScoreValueInput!) { selfAssess(assessmentId: $id, expectedVersion: $v, indicatorCode: $c, value: $val) { version } }',
          { id: started.id, v: version, c: i.code, val: value },
          officer,
        );
        version = r.selfAssess.version;
      }
      expect(left).toBe(0);
      results[code] = (
        await ok<{ assessment: (typeof results)[string] }>('query($id: ID!) { assessment(id: $id) { classification passes percent indexValue selfTotal } }', { id: started.id }, officer)
      ).assessment;
    }
    expect(results['BMT-TCKH']).toEqual({ classification: 'Đạt (trên 70% điểm)', passes: true, percent: 71, indexValue: 0.71, selfTotal: 710 });
    expect(results['BMT-GDDT']).toEqual({ classification: 'Chưa đạt (từ 70% điểm trở xuống)', passes: false, percent: 70, indexValue: 0.7, selfTotal: 700 });
  });
});
