import { presetId } from '@thidua/platform';
import type { TestStack } from '@thidua/testing';

type Call = <T>(query: string, variables?: Record<string, unknown>, token?: string) => Promise<T>;

export const BMT = presetId('Campaign', 'BMT-CDS-2023-2025');
export const DN = presetId('Campaign', 'DN-CDS-2021-2030');
export const COMMUNE_SAMPLE = presetId('IndexFramework', 'DTI-MAU-CAP-XA');

/** The wards and communes of Buôn Ma Thuột on a date (the city's own, not the other preset's). */
export async function wardsOf(call: Call, asOf: string): Promise<Array<{ id: string; code: string; name: string; kind: string }>> {
  const units: Array<{ id: string; code: string; name: string; kind: string }> = [];
  for (const kind of ['WARD_PC', 'COMMUNE_PC']) {
    const d = await call<{ orgUnit: { children: Array<{ id: string; code: string; name: string; kind: string }> } }>(
      'query($d: Date, $k: OrgUnitKind) { orgUnit(code: "BMT") { children(asOf: $d, kind: $k) { id code name kind } } }',
      { d: asOf, k: kind },
    );
    units.push(...d.orgUnit.children);
  }
  return units;
}

interface Indicator {
  code: string;
  ruleType: 'YES_NO' | 'COUNT_BANDS' | 'RATIO' | 'MANUAL';
  maxPoints: number;
  groupKind: 'NORMAL' | 'BONUS' | 'PENALTY';
  bands: Array<{ min: number; points: number }> | null;
  appliesToKinds: string[] | null;
}

/** A plausible self-assessed value: `share` (0–1) of the best answer; penalties are not incurred. */
function valueFor(ind: Indicator, share: number, i: number): Record<string, unknown> {
  if (ind.groupKind === 'PENALTY') return ind.ruleType === 'YES_NO' ? { yes: false } : ind.ruleType === 'MANUAL' ? { points: 0 } : { count: 0 };
  switch (ind.ruleType) {
    case 'YES_NO':
      return { yes: share > 0.5 || i % 2 === 0 };
    case 'RATIO':
      return { numerator: Math.round(100 * share), denominator: 100 };
    case 'COUNT_BANDS': {
      const top = Math.max(...(ind.bands ?? [{ min: 10, points: 0 }]).map((b) => b.min));
      return { count: Math.round(top * share) };
    }
    default:
      return { points: Math.round(ind.maxPoints * share * 2) / 2 };
  }
}

/**
 * Published results of a year: each unit self-assesses the yes/no and ratio indicators of the sample commune index
 * (or `frameworkId`, e.g. its copy for another year) with values that depend on its position, is verified and
 * published by the lead agency.
 */
export async function publishResults(
  stack: TestStack,
  call: Call,
  campaignId: string,
  year: number,
  units: Array<{ id: string; kind: string }>,
  frameworkId = COMMUNE_SAMPLE,
): Promise<void> {
  const lead = await stack.token('LEAD_AGENCY', undefined, { subject: 'seed-lead' });
  await call(
    'mutation($c: ID!, $y: Int!, $o: Date!, $e: Date!) { openScoringPeriod(campaignId: $c, year: $y, selfAssessmentOpens: $o, selfAssessmentCloses: $e) { id } }',
    { c: campaignId, y: year, o: `${year}-01-01`, e: `${year}-12-31` },
    lead,
  ).catch(() => undefined);
  const { framework } = await call<{ framework: { indicators: Indicator[] } }>(
    'query($id: ID!) { framework(id: $id) { indicators { code ruleType maxPoints groupKind appliesToKinds bands { min points } } } }',
    { id: frameworkId },
  );
  const indicators = framework.indicators;
  const today = new Date();
  const until = new Date(today.getTime() + 3 * 86_400_000).toISOString().slice(0, 10);
  for (const [i, unit] of units.entries()) {
    const officer = await stack.token('UNIT_OFFICER', unit.id, { subject: `seed-${i}` });
    let a = (
      await call<{ startAssessment: { id: string; version: number } }>(
        'mutation($c: ID!, $y: Int!, $u: ID!, $f: ID!) { startAssessment(campaignId: $c, year: $y, unitId: $u, frameworkId: $f) { id version } }',
        { c: campaignId, y: year, u: unit.id, f: frameworkId },
        officer,
      )
    ).startAssessment;
    if (new Date(`${year}-12-31`) < today) {
      a = (await call<{ reopenAssessment: typeof a }>('mutation($id: ID!, $v: Int!, $u: Date!) { reopenAssessment(id: $id, expectedVersion: $v, until: $u) { id version } }', { id: a.id, v: a.version, u: until }, lead))
        .reopenAssessment;
    }
    const share = 1 - (i % 10) / 12;
    const values: Array<[string, Record<string, unknown>]> = indicators
      .filter((ind) => !ind.appliesToKinds || ind.appliesToKinds.includes(unit.kind))
      .map((ind) => [ind.code, valueFor(ind, share, i)]);
    for (const [code, value] of values) {
      a = (
        await call<{ selfAssess: typeof a }>(
          'mutation($id: ID!, $v: Int!, $c: String!, $val: ScoreValueInput!) { selfAssess(assessmentId: $id, expectedVersion: $v, indicatorCode: $c, value: $val) { id version } }',
          { id: a.id, v: a.version, c: code, val: value },
          officer,
        )
      ).selfAssess;
    }
    a = (await call<{ submitAssessment: typeof a }>('mutation($id: ID!, $v: Int!) { submitAssessment(id: $id, expectedVersion: $v) { id version } }', { id: a.id, v: a.version }, officer)).submitAssessment;
    a = (await call<{ completeVerification: typeof a }>('mutation($id: ID!, $v: Int!) { completeVerification(id: $id, expectedVersion: $v) { id version } }', { id: a.id, v: a.version }, lead))
      .completeVerification;
    await call('mutation($id: ID!, $v: Int!) { publishAssessment(id: $id, expectedVersion: $v) { id } }', { id: a.id, v: a.version }, lead);
  }
}

/**
 * Self-assessments of a year submitted by their units and waiting for the lead agency's verification: like
 * publishResults (on the sample commune index, or `frameworkId`), but stopped at submission. Returns each unit's
 * assessment id.
 */
export async function submitAssessments(
  stack: TestStack,
  call: Call,
  campaignId: string,
  year: number,
  units: Array<{ id: string; kind: string }>,
  frameworkId = COMMUNE_SAMPLE,
): Promise<Array<{ unitId: string; assessmentId: string }>> {
  const lead = await stack.token('LEAD_AGENCY', undefined, { subject: 'seed-lead' });
  await call(
    'mutation($c: ID!, $y: Int!, $o: Date!, $e: Date!) { openScoringPeriod(campaignId: $c, year: $y, selfAssessmentOpens: $o, selfAssessmentCloses: $e) { id } }',
    { c: campaignId, y: year, o: `${year}-01-01`, e: `${year}-12-31` },
    lead,
  ).catch(() => undefined);
  const { framework } = await call<{ framework: { indicators: Indicator[] } }>(
    'query($id: ID!) { framework(id: $id) { indicators { code ruleType maxPoints groupKind appliesToKinds bands { min points } } } }',
    { id: frameworkId },
  );
  const until = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  const submitted: Array<{ unitId: string; assessmentId: string }> = [];
  for (const [i, unit] of units.entries()) {
    const officer = await stack.token('UNIT_OFFICER', unit.id, { subject: `seed-submit-${i}` });
    let a = (
      await call<{ startAssessment: { id: string; version: number } }>(
        'mutation($c: ID!, $y: Int!, $u: ID!, $f: ID!) { startAssessment(campaignId: $c, year: $y, unitId: $u, frameworkId: $f) { id version } }',
        { c: campaignId, y: year, u: unit.id, f: frameworkId },
        officer,
      )
    ).startAssessment;
    if (new Date(`${year}-12-31`) < new Date()) {
      a = (await call<{ reopenAssessment: typeof a }>('mutation($id: ID!, $v: Int!, $u: Date!) { reopenAssessment(id: $id, expectedVersion: $v, until: $u) { id version } }', { id: a.id, v: a.version, u: until }, lead))
        .reopenAssessment;
    }
    const share = 1 - (i % 10) / 12;
    for (const ind of framework.indicators.filter((x) => !x.appliesToKinds || x.appliesToKinds.includes(unit.kind))) {
      a = (
        await call<{ selfAssess: typeof a }>(
          'mutation($id: ID!, $v: Int!, $c: String!, $val: ScoreValueInput!, $n: String) { selfAssess(assessmentId: $id, expectedVersion: $v, indicatorCode: $c, value: $val, note: $n) { id version } }',
          { id: a.id, v: a.version, c: ind.code, val: valueFor(ind, share, i), n: ind.ruleType === 'YES_NO' ? 'Có văn bản kèm theo.' : null },
          officer,
        )
      ).selfAssess;
    }
    await call('mutation($id: ID!, $v: Int!) { submitAssessment(id: $id, expectedVersion: $v) { id } }', { id: a.id, v: a.version }, officer);
    submitted.push({ unitId: unit.id, assessmentId: a.id });
  }
  return submitted;
}

/**
 * What the units did for the campaign besides scoring, recorded by the lead agency as received on paper: the first
 * `registered` units registered (one returned with a reason), the first `plans` sent their launch plan (the last of
 * them late), the first `reports` sent the year's report (the last of them late).
 */
export async function recordParticipation(
  stack: TestStack,
  call: Call,
  campaignId: string,
  year: number,
  units: Array<{ id: string }>,
  counts: { registered: number; plans: number; reports: number },
): Promise<void> {
  const lead = await stack.token('LEAD_AGENCY', undefined, { subject: 'seed-lead' });
  for (const [i, unit] of units.slice(0, counts.registered).entries()) {
    const { createRegistration: r } = await call<{ createRegistration: { id: string } }>(
      'mutation($c: ID!, $u: ID!, $t: [String!]!) { createRegistration(campaignId: $c, unitId: $u, commitments: $t, submit: true) { id } }',
      { c: campaignId, u: unit.id, t: ['Ban hành kế hoạch chuyển đổi số của đơn vị', '100% văn bản đi được ký số'] },
      lead,
    );
    if (i === counts.registered - 1) {
      await call('mutation($id: ID!, $r: String!) { returnRegistration(id: $id, reason: $r) { id } }', { id: r.id, r: 'Thiếu chữ ký của thủ trưởng đơn vị.' }, lead);
    } else if (i % 2 === 0) {
      await call('mutation($id: ID!) { acceptRegistration(id: $id) { id } }', { id: r.id }, lead);
    }
  }
  for (const [i, unit] of units.slice(0, counts.plans).entries()) {
    const late = i === counts.plans - 1;
    await call(
      'mutation($in: UnitPlanInput!) { submitUnitPlan(input: $in) { id } }',
      { in: { campaignId, unitId: unit.id, number: `${10 + i}/KH-UBND`, issuedDate: '2023-07-20', receivedDate: late ? '2023-08-15' : '2023-07-25' } },
      lead,
    );
  }
  for (const [i, unit] of units.slice(0, counts.reports).entries()) {
    const { saveUnitReport: r } = await call<{ saveUnitReport: { id: string; version: number } }>(
      'mutation($in: UnitReportInput!) { saveUnitReport(input: $in) { id version } }',
      {
        in: {
          campaignId,
          year,
          unitId: unit.id,
          values: [
            { code: 'KE_HOACH_PHAT_DONG', value: 'true' },
            { code: 'VAN_BAN_KY_SO', value: String(90 + i) },
            { code: 'SANG_KIEN', value: String(1 + (i % 3)) },
            { code: 'KET_QUA_NOI_BAT', value: 'Triển khai tổ công nghệ số cộng đồng ở tất cả khu phố.' },
          ],
        },
      },
      lead,
    );
    const late = i === counts.reports - 1;
    await call('mutation($id: ID!, $v: Int!, $d: Date) { submitUnitReport(id: $id, expectedVersion: $v, receivedOn: $d) { id } }', { id: r.id, v: r.version, d: late ? `${year}-12-20` : `${year}-12-05` }, lead);
  }
}

/** A stand-in PDF for a dossier document (the journeys upload it; nobody reads it). */
const dossierPdf = (title: string) => Buffer.from(`%PDF-1.4\n% ${title}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`);

/**
 * A civil servant of phường Tân An nominated by the lead agency for the BMT campaign's Bằng khen of the 2024 annual
 * occasion, with its Tờ trình, Biên bản and Báo cáo thành tích attached, submitted and appraised by Nội vụ: the
 * nomination the council, the consultation and the decision start from.
 */
export async function appraisedNomination(
  stack: Pick<TestStack, 'origin'> & { call: Call },
  tokens: { lead: string; homeAffairs: string },
  person: { fullName: string; position: string; email?: string },
  nomination: { achievementSummary: string; nominationDate: string; documentsIssued: string },
): Promise<{ nominationId: string; occasionId: string }> {
  const { lead, homeAffairs } = tokens;
  const ward = presetId('OrgUnit', 'DLK-P-TAN-AN');
  const { createPerson } = await stack.call<{ createPerson: { id: string } }>(
    'mutation($i: PersonInput!) { createPerson(input: $i) { id } }',
    { i: { ...person, kind: 'CIVIL_SERVANT', unitId: ward } },
    homeAffairs,
  );
  const { campaign } = await stack.call<{ campaign: { awardForms: Array<{ id: string; name: string }>; occasions: Array<{ id: string; year: number }> } }>(
    '{ campaign(code: "BMT-CDS-2023-2025") { awardForms { id name } occasions(kind: ANNUAL) { id year } } }',
  );
  const formId = campaign.awardForms.find((f) => f.name === 'Bằng khen của Chủ tịch UBND tỉnh')?.id;
  const occasionId = campaign.occasions.find((o) => o.year === 2024)?.id as string;
  let n = (
    await stack.call<{ createNomination: { id: string; version: number } }>(
      'mutation($i: NominationInput!) { createNomination(input: $i) { id version } }',
      { i: { campaignId: BMT, occasionId, formId, proposingUnitId: ward, candidatePersonId: createPerson.id, achievementSummary: nomination.achievementSummary, nominationDate: nomination.nominationDate } },
      lead,
    )
  ).createNomination;
  for (const kind of ['TO_TRINH', 'BIEN_BAN_HOI_DONG', 'BAO_CAO_THANH_TICH']) {
    const form = new FormData();
    form.append('file', new Blob([dossierPdf(kind)]), `${kind}.pdf`);
    form.append('unitId', ward);
    const up = (await (await fetch(`${stack.origin}/files`, { method: 'POST', body: form, headers: { authorization: `Bearer ${lead}` } })).json()) as { id: string };
    await stack.call(
      'mutation($n: ID!, $k: DocumentKind!, $f: ID!, $d: Date, $c: Boolean) { attachDossierDocument(nominationId: $n, kind: $k, fileId: $f, issuedDate: $d, confirmedByProposingLevel: $c) { id } }',
      { n: n.id, k: kind, f: up.id, d: nomination.documentsIssued, c: kind === 'BAO_CAO_THANH_TICH' },
      lead,
    );
  }
  n = (await stack.call<{ submitNomination: typeof n }>('mutation($id: ID!, $v: Int!) { submitNomination(id: $id, expectedVersion: $v) { id version } }', { id: n.id, v: n.version }, lead)).submitNomination;
  await stack.call('mutation($id: ID!, $v: Int!) { appraiseNomination(id: $id, expectedVersion: $v, accept: true, confirmedItems: [TO_TRINH, BIEN_BAN_HOI_DONG, BAO_CAO_THANH_TICH]) { id } }', { id: n.id, v: n.version }, homeAffairs);
  return { nominationId: n.id, occasionId };
}
