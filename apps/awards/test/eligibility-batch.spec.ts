import { loadGatewayConfig, startGateway } from '@thidua/gateway';
import { startParticipants } from '@thidua/participants';
import { presetId, type PlatformConfig } from '@thidua/platform';
import { startReporting } from '@thidua/reporting';
import { startScoring } from '@thidua/scoring';
import { describeEachDatabase, gqlOk, startStack, type TestStack } from '@thidua/testing';
import { startAwards } from '../src';
import { BMT, VHTT, bmtScenario } from './scenario';

type Clause = { code: string; result: string; basis: string };
type Listed = { id: string; candidateUnit: { id: string }; occasion: { year: number }; eligibility: { eligible: boolean; clauses: Clause[] } };

/** Pipeline listings at province scale: the graph is asked once per (campaign, year), not once per nomination. */
describeEachDatabase('eligibility of many nominations', (db) => {
  let stack: TestStack;
  let lead: string;
  let graphCalls: jest.SpyInstance;
  const TAN_AN = presetId('OrgUnit', 'BMT-P-TAN-AN');
  beforeAll(async () => {
    stack = await startStack({
      db,
      subgraphs: {
        participants: startParticipants,
        scoring: startScoring,
        reporting: startReporting,
        // Every question awards asks the graph (through the gateway) goes through its one GraphClient: count them.
        awards: async (config: PlatformConfig) => {
          const awards = await startAwards(config);
          graphCalls = jest.spyOn(awards.services.graph, 'query');
          return awards;
        },
      },
      gateway: (env) => startGateway(loadGatewayConfig(env)),
    });
    lead = await stack.token('LEAD_AGENCY', undefined, { subject: 'vhtt' });
  });
  afterAll(() => stack?.close());

  /** The graph calls awards made since the last count: each operation's name (and how many units it asked about). */
  const calls = () => {
    const made = graphCalls.mock.calls.map(([doc, vars]) => {
      const name = typeof doc === 'string' ? 'string query' : (doc.definitions[0]?.name?.value as string);
      const units = (vars as { unitIds?: string[] } | undefined)?.unitIds;
      return units ? `${name} (${units.length} units)` : name;
    });
    graphCalls.mockClear();
    return made.sort();
  };

  it('fetches the facts of 25 nominations in one graph call per (campaign, year), each unit with its own facts', async () => {
    const scenario = bmtScenario(stack, lead);
    await scenario.scoreUnits({ 'BMT-P-TAN-AN': 85 });
    const { formId, occasionId } = await scenario.formAndOccasion('Giấy khen của Chủ tịch UBND thành phố');
    const next = await gqlOk<{ createOccasion: { id: string } }>(
      stack.url,
      'mutation($c: ID!) { createOccasion(input: { campaignId: $c, kind: ANNUAL, name: "Tổng kết năm 2025", year: 2025, endDate: "2025-12-31" }) { id } }',
      { c: BMT },
      lead,
    );
    const units = await gqlOk<{ orgUnits: { edges: Array<{ node: { id: string } }> } }>(stack.url, '{ orgUnits(first: 100) { edges { node { id } } } }', {}, lead);
    const others = units.orgUnits.edges.map((e) => e.node.id).filter((id) => id !== TAN_AN);
    expect(others.length).toBeGreaterThanOrEqual(23);
    // 22 units at the 2024 occasion (the ward with its published 2024 score among them), 3 at 2025 (the ward again).
    const planned = [...[TAN_AN, ...others.slice(0, 21)].map((u) => [u, occasionId] as const), ...[TAN_AN, ...others.slice(21, 23)].map((u) => [u, next.createOccasion.id] as const)];
    for (const [unitId, occasion] of planned) {
      await gqlOk(
        stack.url,
        'mutation($i: NominationInput!) { createNomination(input: $i) { id } }',
        { i: { campaignId: BMT, occasionId: occasion, formId, proposingUnitId: VHTT, candidateUnitId: unitId, achievementSummary: 'Hoàn thành xuất sắc nhiệm vụ chuyển đổi số.', nominationDate: '2026-03-01' } },
        lead,
      );
    }
    calls();

    const listed = await gqlOk<{ nominations: Listed[] }>(
      stack.url,
      'query($c: ID!) { nominations(campaignId: $c) { id candidateUnit { id } occasion { year } eligibility { eligible clauses { code result basis } } } }',
      { c: BMT },
      lead,
    );
    expect(listed.nominations).toHaveLength(25);
    // One call per (campaign, year): 2024 and 2025. Nomination by nomination it was 25.
    expect(calls()).toEqual(['NominationEligibility (22 units)', 'NominationEligibility (3 units)']);

    // Each unit has its own facts, of its nomination's year.
    const clause = (n: Listed, code: string) => n.eligibility.clauses.find((c) => c.code === code);
    const ward = (year: number) => listed.nominations.find((n) => n.candidateUnit.id === TAN_AN && n.occasion.year === year) as Listed;
    expect(clause(ward(2024), 'SCORE_THRESHOLD')).toMatchObject({ result: 'PASS', basis: 'Điểm thẩm định đã công bố năm 2024: 85/100 điểm (85%), xếp loại «Đạt (trên 70% điểm)».' });
    expect(clause(ward(2024), 'REGISTERED')?.result).toBe('PASS');
    expect(clause(ward(2024), 'REPORTS_ON_TIME')?.result).toBe('PASS');
    expect(clause(ward(2025), 'SCORE_THRESHOLD')).toMatchObject({ result: 'FAIL', basis: 'Chưa có điểm thẩm định được công bố năm 2025.' });
    const rest = listed.nominations.filter((n) => n.candidateUnit.id !== TAN_AN);
    expect(rest).toHaveLength(23);
    for (const n of rest) {
      expect(clause(n, 'REGISTERED')).toMatchObject({ result: 'FAIL', basis: 'Chưa có đăng ký thi đua đã gửi.' });
      expect(['FAIL', 'NOT_APPLICABLE']).toContain(clause(n, 'SCORE_THRESHOLD')?.result);
    }

    // A nomination on its own is judged the same, with one call.
    const one = await gqlOk<{ nomination: Listed }>(
      stack.url,
      'query($id: ID!) { nomination(id: $id) { id candidateUnit { id } occasion { year } eligibility { eligible clauses { code result basis } } } }',
      { id: ward(2024).id },
      lead,
    );
    expect(one.nomination).toEqual(ward(2024));
    expect(calls()).toEqual(['NominationEligibility (1 units)']);

    // The dossiers' requirements (the candidates' kinds) of every nomination: one call.
    const dossiers = await gqlOk<{ nominations: Array<{ dossier: { complete: boolean; items: Array<{ kind: string }> } }> }>(
      stack.url,
      'query($c: ID!) { nominations(campaignId: $c) { dossier { complete items { kind } } } }',
      { c: BMT },
      lead,
    );
    expect(dossiers.nominations.map((n) => n.dossier.complete)).toEqual(Array(25).fill(false));
    expect(calls()).toEqual(['CandidateUnits (24 units)']);
  });
});
