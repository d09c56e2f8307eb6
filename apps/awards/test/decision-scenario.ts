import { presetId } from '@thidua/platform';
import { gqlOk, type TestStack } from '@thidua/testing';
import { BMT, bmtScenario, VHTT } from './scenario';

type N = { id: string; version: number };

/**
 * Nominations of the BMT campaign brought to the council's recommendation through the gateway, as the lead agency and
 * Nội vụ would: wards (with a published 2024 score) and people nominated for the province chairman's Bằng khen at a 2024
 * occasion (the annual one by default), dossiers attached, submitted, appraised, voted for by the council and passed.
 */
export async function recommendedNominations(
  stack: TestStack,
  lead: string,
  homeAffairs: string,
  wards: Record<string, number>,
  people: Array<{ fullName: string; position: string }>,
  occasionKind: 'ANNUAL' | 'INTERIM_REVIEW' = 'ANNUAL',
) {
  const scenario = bmtScenario(stack, lead);
  // Scores are published once per stack (the framework has one code): only the first call names wards.
  if (Object.keys(wards).length) await scenario.scoreUnits(wards);
  const { formId } = await scenario.formAndOccasion('Bằng khen của Chủ tịch UBND tỉnh');
  const occasions = await gqlOk<{ campaign: { occasions: Array<{ id: string; year: number }> } }>(stack.url, 'query($k: OccasionKind) { campaign(code: "BMT-CDS-2023-2025") { occasions(kind: $k) { id year } } }', { k: occasionKind });
  const occasionId = occasions.campaign.occasions.find((o) => o.year === 2024)?.id as string;
  const create = async (candidate: Record<string, string>) =>
    (
      await gqlOk<{ createNomination: N }>(
        stack.url,
        'mutation($i: NominationInput!) { createNomination(input: $i) { id version } }',
        { i: { campaignId: BMT, occasionId, formId, proposingUnitId: VHTT, ...candidate, achievementSummary: 'Hoàn thành xuất sắc nhiệm vụ chuyển đổi số năm 2024.', nominationDate: '2025-03-01' } },
        lead,
      )
    ).createNomination;
  const ids: Record<string, string> = {};
  const personIds: Record<string, string> = {};
  for (const code of Object.keys(wards)) ids[code] = (await create({ candidateUnitId: presetId('OrgUnit', code) })).id;
  for (const p of people) {
    const person = await gqlOk<{ createPerson: { id: string } }>(
      stack.url,
      'mutation($u: ID!, $n: String!, $p: String!) { createPerson(input: { fullName: $n, kind: CIVIL_SERVANT, unitId: $u, position: $p }) { id } }',
      { u: VHTT, n: p.fullName, p: p.position },
      homeAffairs,
    );
    personIds[p.fullName] = person.createPerson.id;
    ids[p.fullName] = (await create({ candidatePersonId: person.createPerson.id })).id;
  }
  for (const id of Object.values(ids)) {
    for (const kind of ['TO_TRINH', 'BIEN_BAN_HOI_DONG', 'BAO_CAO_THANH_TICH']) await scenario.attach(id, kind, {});
    const submitted = (await gqlOk<{ submitNomination: N }>(stack.url, 'mutation($id: ID!) { submitNomination(id: $id, expectedVersion: 1) { id version } }', { id }, lead)).submitNomination;
    // Nội vụ confirms every item of the dossier as it appraises.
    await gqlOk(
      stack.url,
      'mutation($id: ID!, $v: Int!) { appraiseNomination(id: $id, expectedVersion: $v, accept: true, confirmedItems: [TO_TRINH, BIEN_BAN_HOI_DONG, BAO_CAO_THANH_TICH]) { id } }',
      { id, v: submitted.version },
      homeAffairs,
    );
  }
  const council = (
    await gqlOk<{ openCouncilReview: { id: string; version: number; members: Array<{ id: string }> } }>(
      stack.url,
      'mutation($i: CouncilReviewInput!) { openCouncilReview(input: $i) { id version members { id } } }',
      {
        i: {
          occasionId,
          name: 'Hội đồng Thi đua - Khen thưởng thành phố Buôn Ma Thuột',
          meetingDate: '2025-04-02',
          place: 'Phòng họp UBND thành phố Buôn Ma Thuột',
          passPercent: 60,
          nominationIds: Object.values(ids),
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
  for (const nominationId of Object.values(ids)) {
    for (const member of council.members) {
      await gqlOk(stack.url, 'mutation($r: ID!, $n: ID!, $m: ID!) { castCouncilVote(reviewId: $r, nominationId: $n, memberId: $m, vote: FOR) { id } }', { r: council.id, n: nominationId, m: member.id }, homeAffairs);
    }
  }
  await gqlOk(stack.url, 'mutation($id: ID!, $v: Int!) { closeCouncilReview(id: $id, expectedVersion: $v) { id } }', { id: council.id, v: council.version }, homeAffairs);
  return { ids, personIds, formId, occasionId };
}
