import { presetId, todayInVietnam } from '@thidua/platform';
import { frameworkToWorkbook, type FrameworkSpec } from '@thidua/scoring';
import { gqlOk, type TestStack } from '@thidua/testing';

export const BMT = presetId('Campaign', 'BMT-CDS-2023-2025');
export const VHTT = presetId('OrgUnit', 'BMT-VHTT');

export const inDays = (n: number) => {
  const d = new Date(`${todayInVietnam()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/** A 100-point framework for departments and wards, as the lead agency would publish it. */
const FRAMEWORK = {
  code: 'KHUNG-BMT-2024',
  name: 'Bộ chỉ số đánh giá chuyển đổi số năm 2024',
  year: 2024,
  jurisdiction: 'Tỉnh Đắk Lắk',
  targetLevel: 'DEPARTMENT',
  appliesToKinds: ['DEPARTMENT', 'WARD_PC'],
  legalBasis: null,
  isSample: false,
  groups: [
    {
      code: '1',
      name: 'Chuyển đổi số',
      kind: 'NORMAL',
      groups: [],
      indicators: [{ code: '1.1', name: 'Mức độ chuyển đổi số', maxPoints: 100, ruleType: 'MANUAL', ruleConfig: {}, evidence: null, dataSource: null, verifyingUnit: null, appliesToKinds: null }],
    },
  ],
} as const;

/** What the lead agency does before awards: publish a framework, open 2024, score units; upload dossier files. */
export function bmtScenario(stack: TestStack, lead: string) {
  /** Publish a 2024 score for a unit under the BMT campaign, the way the lead agency and the unit would. */
  async function publishScore(frameworkId: string, unitCode: string, points: number): Promise<void> {
    const unitId = presetId('OrgUnit', unitCode);
    const officer = await stack.token('UNIT_OFFICER', unitId);
    type A = { id: string; version: number };
    const run = async <T>(q: string, v: Record<string, unknown>, t: string) => gqlOk<Record<string, T>>(stack.url, q, v, t);
    let a = Object.values(await run<A>('mutation($c: ID!, $u: ID!, $f: ID!) { startAssessment(campaignId: $c, year: 2024, unitId: $u, frameworkId: $f) { id version } }', { c: BMT, u: unitId, f: frameworkId }, lead))[0] as A;
    a = Object.values(await run<A>(`mutation($id: ID!, $v: Int!) { reopenAssessment(id: $id, expectedVersion: $v, until: "${inDays(3)}") { id version } }`, { id: a.id, v: a.version }, lead))[0] as A;
    a = Object.values(await run<A>('mutation($id: ID!, $v: Int!, $p: Float!) { selfAssess(assessmentId: $id, expectedVersion: $v, indicatorCode: "1.1", value: { points: $p }) { id version } }', { id: a.id, v: a.version, p: points }, officer))[0] as A;
    a = Object.values(await run<A>('mutation($id: ID!, $v: Int!) { submitAssessment(id: $id, expectedVersion: $v) { id version } }', { id: a.id, v: a.version }, officer))[0] as A;
    a = Object.values(await run<A>('mutation($id: ID!, $v: Int!) { completeVerification(id: $id, expectedVersion: $v) { id version } }', { id: a.id, v: a.version }, lead))[0] as A;
    await run('mutation($id: ID!, $v: Int!) { publishAssessment(id: $id, expectedVersion: $v) { id } }', { id: a.id, v: a.version }, lead);
    // The unit's registration for the campaign, entered by the lead agency from the paper record.
    await run('mutation($c: ID!, $u: ID!) { createRegistration(campaignId: $c, unitId: $u, commitments: ["Thực hiện chuyển đổi số"], submit: true) { id } }', { c: BMT, u: unitId }, lead);
    await reportOnTime(unitId);
  }

  /** The unit's 2024 report, received by the lead agency on 5/12/2024 (before the 10/12 deadline). */
  async function reportOnTime(unitId: string): Promise<void> {
    const values = [
      { code: 'KE_HOACH_PHAT_DONG', value: 'có' },
      { code: 'VAN_BAN_KY_SO', value: '95' },
      { code: 'SANG_KIEN', value: '1' },
      { code: 'KET_QUA_NOI_BAT', value: 'Hoàn thành kế hoạch chuyển đổi số năm 2024.' },
    ];
    const saved = await gqlOk<{ saveUnitReport: { id: string; version: number } }>(stack.url, 'mutation($i: UnitReportInput!) { saveUnitReport(input: $i) { id version } }', { i: { campaignId: BMT, year: 2024, unitId, values } }, lead);
    await gqlOk(stack.url, 'mutation($id: ID!, $v: Int!) { submitUnitReport(id: $id, expectedVersion: $v, receivedOn: "2024-12-05") { id } }', { id: saved.saveUnitReport.id, v: saved.saveUnitReport.version }, lead);
  }

  /** Import and publish a framework through the gateway, as the lead agency would with its Excel file. */
  async function createFramework(spec: FrameworkSpec): Promise<string> {
    const b = (await frameworkToWorkbook(spec)).toString('base64');
    const r = await gqlOk<{ importFramework: { ok: boolean; framework: { id: string } } }>(stack.url, 'mutation($b: String!) { importFramework(base64: $b) { ok framework { id } } }', { b }, lead);
    await gqlOk(stack.url, 'mutation($id: ID!) { publishFramework(id: $id) { id } }', { id: r.importFramework.framework.id }, lead);
    return r.importFramework.framework.id;
  }

  /** Upload a PDF as the lead agency (for the proposing unit) and attach it to a nomination's dossier. */
  async function attach(nominationId: string, kind: string, extra: Record<string, unknown>): Promise<void> {
    const form = new FormData();
    form.append('file', new Blob([Buffer.from(`%PDF-1.4\n${kind}\n%%EOF\n`)]), `${kind}.pdf`);
    form.append('unitId', presetId('OrgUnit', 'BMT-VHTT'));
    const up = (await (await fetch(`${stack.origin}/files`, { method: 'POST', body: form, headers: { authorization: `Bearer ${lead}` } })).json()) as { id: string };
    await gqlOk(
      stack.url,
      'mutation($n: ID!, $k: DocumentKind!, $f: ID!, $i: Date, $v: Date, $c: Boolean) { attachDossierDocument(nominationId: $n, kind: $k, fileId: $f, issuedDate: $i, validUntil: $v, confirmedByProposingLevel: $c) { id } }',
      { n: nominationId, k: kind, f: up.id, i: extra.issuedDate ?? '2025-02-20', v: extra.validUntil ?? null, c: kind === 'BAO_CAO_THANH_TICH' },
      lead,
    );
  }

  /** The BMT form and 2024 annual occasion by name. */
  async function formAndOccasion(formName: string): Promise<{ formId: string; occasionId: string }> {
    const ids = await gqlOk<{ campaign: { awardForms: Array<{ id: string; name: string }>; occasions: Array<{ id: string; year: number }> } }>(
      stack.url,
      '{ campaign(code: "BMT-CDS-2023-2025") { awardForms { id name } occasions(kind: ANNUAL) { id year } } }',
    );
    return { formId: ids.campaign.awardForms.find((f) => f.name === formName)?.id as string, occasionId: ids.campaign.occasions.find((o) => o.year === 2024)?.id as string };
  }

  /** Publish a framework, open 2024 and publish the given units' scores. */
  async function scoreUnits(scores: Record<string, number>): Promise<void> {
    const frameworkId = await createFramework(FRAMEWORK as unknown as FrameworkSpec);
    await gqlOk(stack.url, 'mutation($c: ID!) { openScoringPeriod(campaignId: $c, year: 2024, selfAssessmentOpens: "2024-11-01", selfAssessmentCloses: "2024-12-10") { id } }', { c: BMT }, lead);
    for (const [code, points] of Object.entries(scores)) await publishScore(frameworkId, code, points);
  }

  return { publishScore, reportOnTime, createFramework, attach, formAndOccasion, scoreUnits };
}

/**
 * The campaign considers its nominations without a public consultation (0 days), as a city may set it: for the tests
 * of what comes after the consultation (council, decision, minutes), which the consultation's own tests precede.
 */
export async function withoutConsultation(stack: TestStack, campaignId: string): Promise<void> {
  const admin = await stack.token('ADMIN');
  const { campaign } = await gqlOk<{ campaign: { awardRules: { dossierCopies: number; leadReviewRequired: boolean; reportConfirmations: string[]; consultationStage: string; version: number | null } } }>(
    stack.url,
    'query($c: ID!) { campaign(id: $c) { awardRules { dossierCopies leadReviewRequired reportConfirmations consultationStage version } } }',
    { c: campaignId },
    admin,
  );
  const { version, ...rules } = campaign.awardRules;
  await gqlOk(
    stack.url,
    'mutation($c: ID!, $v: Int, $i: CampaignAwardRulesInput!) { setCampaignAwardRules(campaignId: $c, expectedVersion: $v, input: $i) { version } }',
    { c: campaignId, v: version, i: { ...rules, consultationDays: 0 } },
    admin,
  );
}
