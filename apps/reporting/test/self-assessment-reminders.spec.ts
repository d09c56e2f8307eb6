import { startAwards } from '@thidua/awards';
import { loadGatewayConfig, startGateway } from '@thidua/gateway';
import { startParticipants } from '@thidua/participants';
import { presetId } from '@thidua/platform';
import { startScoring } from '@thidua/scoring';
import { describeEachDatabase, gqlOk, startStack, type TestStack } from '@thidua/testing';
import { startReporting } from '../src';

const BMT = presetId('Campaign', 'BMT-CDS-2023-2025');
const TCKH = presetId('OrgUnit', 'BMT-TCKH');
const TAN_AN = presetId('OrgUnit', 'BMT-P-TAN-AN');
type Note = { deadline: string; dueDate: string };

describeEachDatabase('self-assessment reminders go only to units whose kind has an index that year', (db) => {
  let stack: TestStack;
  let lead: string;
  let admin: string;
  beforeAll(async () => {
    stack = await startStack({
      db,
      subgraphs: { participants: startParticipants, scoring: startScoring, awards: startAwards, reporting: startReporting },
      gateway: (env) => startGateway(loadGatewayConfig(env)),
      env: { REDIS_URL: '', SMTP_URL: '' },
    });
    lead = await stack.token('LEAD_AGENCY', undefined, { subject: 'vhtt' });
    admin = await stack.token('ADMIN');
  });
  afterAll(() => stack?.close());

  const notes = async (unitId: string) =>
    (await gqlOk<{ orgUnit: { notifications: Note[] } }>(stack.url, 'query($u: ID!) { orgUnit(id: $u) { notifications { deadline dueDate } } }', { u: unitId }, lead)).orgUnit.notifications;
  const selfAssessmentNotes = async (unitId: string) => (await notes(unitId)).filter((n) => n.deadline === 'SELF_ASSESSMENT_DUE');

  it('Buôn Ma Thuột 2023: a department (2534/QĐ-UBND) is reminded, a ward (no ward index that year) is not', async () => {
    await gqlOk(stack.url, 'mutation($c: ID!) { openScoringPeriod(campaignId: $c, year: 2023, selfAssessmentOpens: "2023-11-01", selfAssessmentCloses: "2023-12-10") { id } }', { c: BMT }, lead);
    const kinds = await gqlOk<{ campaign: { scoringPeriods: Array<{ year: number; frameworks: Array<{ unitKind: string }> }> } }>(
      stack.url,
      'query($c: ID!) { campaign(id: $c) { scoringPeriods { year frameworks { unitKind } } } }',
      { c: BMT },
      lead,
    );
    expect(kinds.campaign.scoringPeriods.find((p) => p.year === 2023)?.frameworks.map((f) => f.unitKind).sort()).toEqual(['DEPARTMENT', 'MASS_ORGANISATION']);
    await gqlOk(stack.url, 'mutation($d: Date) { runReminders(date: $d) { created } }', { d: '2023-12-07' }, admin);
    expect(await selfAssessmentNotes(TCKH)).toEqual([{ deadline: 'SELF_ASSESSMENT_DUE', dueDate: '2023-12-10' }]);
    // The ward is expected in the campaign (it is reminded of its annual report), only not of a self-assessment.
    expect((await notes(TAN_AN)).map((n) => n.deadline)).toContain('UNIT_REPORT_DUE');
    expect(await selfAssessmentNotes(TAN_AN)).toEqual([]);
  });
});
