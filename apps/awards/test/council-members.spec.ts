import { loadGatewayConfig, startGateway } from '@thidua/gateway';
import { startParticipants } from '@thidua/participants';
import { presetId } from '@thidua/platform';
import { startScoring } from '@thidua/scoring';
import { describeEachDatabase, errorCodes, gql, gqlOk, startStack, type TestStack } from '@thidua/testing';
import { startReporting } from '@thidua/reporting';
import { startAwards } from '../src';
import { BMT, withoutConsultation } from './scenario';

type N = { id: string; version: number };
type Review = { id: string; name: string; meetingDate: string; members: Array<{ id: string; name: string; userId: string | null }> };
const PDF = (title: string) => Buffer.from(`%PDF-1.4\n% ${title}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`);
const WARD = presetId('OrgUnit', 'DLK-P-TAN-AN');

/*
 * A council member finds the sessions they sit on by their own account: Query.myCouncilReviews matches
 * CouncilMember.userId against the viewer's subject, the same id castCouncilVote accepts as "themself".
 */
describeEachDatabase('a council member finds their own sessions', (db) => {
  let stack: TestStack;
  let lead: string;
  let homeAffairs: string;
  beforeAll(async () => {
    stack = await startStack({
      db,
      subgraphs: { participants: startParticipants, scoring: startScoring, awards: startAwards, reporting: startReporting },
      gateway: (env) => startGateway(loadGatewayConfig(env)),
    });
    await withoutConsultation(stack, BMT);
    lead = await stack.token('LEAD_AGENCY', undefined, { subject: 'vhtt' });
    homeAffairs = await stack.token('HOME_AFFAIRS', undefined, { subject: 'noi-vu' });
  });
  afterAll(() => stack?.close());

  /** A civil servant of the ward nominated for the province chairman's Bằng khen, dossier complete, appraised. */
  async function appraised(fullName: string, occasionId: string, formId: string): Promise<string> {
    const { createPerson } = await gqlOk<{ createPerson: { id: string } }>(
      stack.url,
      'mutation($i: PersonInput!) { createPerson(input: $i) { id } }',
      { i: { fullName, kind: 'CIVIL_SERVANT', unitId: WARD, position: 'Công chức Văn phòng - Thống kê' } },
      homeAffairs,
    );
    let n = (
      await gqlOk<{ createNomination: N }>(
        stack.url,
        'mutation($i: NominationInput!) { createNomination(input: $i) { id version } }',
        {
          i: {
            campaignId: BMT,
            occasionId,
            formId,
            proposingUnitId: WARD,
            candidatePersonId: createPerson.id,
            achievementSummary: 'Số hóa hồ sơ hộ tịch của phường năm 2024.',
            nominationDate: '2025-03-01',
          },
        },
        lead,
      )
    ).createNomination;
    for (const kind of ['TO_TRINH', 'BIEN_BAN_HOI_DONG', 'BAO_CAO_THANH_TICH']) {
      const form = new FormData();
      form.append('file', new Blob([PDF(kind)]), `${kind}.pdf`);
      form.append('unitId', WARD);
      const up = (await (await fetch(`${stack.origin}/files`, { method: 'POST', body: form, headers: { authorization: `Bearer ${lead}` } })).json()) as { id: string };
      await gqlOk(
        stack.url,
        'mutation($n: ID!, $k: DocumentKind!, $f: ID!, $c: Boolean) { attachDossierDocument(nominationId: $n, kind: $k, fileId: $f, issuedDate: "2025-02-20", confirmedByProposingLevel: $c) { id } }',
        { n: n.id, k: kind, f: up.id, c: kind === 'BAO_CAO_THANH_TICH' },
        lead,
      );
    }
    n = (await gqlOk<{ submitNomination: N }>(stack.url, 'mutation($id: ID!, $v: Int!) { submitNomination(id: $id, expectedVersion: $v) { id version } }', { id: n.id, v: n.version }, lead))
      .submitNomination;
    await gqlOk(
      stack.url,
      'mutation($id: ID!, $v: Int!) { appraiseNomination(id: $id, expectedVersion: $v, accept: true, confirmedItems: [TO_TRINH, BIEN_BAN_HOI_DONG, BAO_CAO_THANH_TICH]) { id } }',
      { id: n.id, v: n.version },
      homeAffairs,
    );
    return n.id;
  }

  async function open(name: string, meetingDate: string, nominationId: string, occasionId: string, members: Array<{ name: string; position: string; userId?: string }>): Promise<Review> {
    return (
      await gqlOk<{ openCouncilReview: Review }>(
        stack.url,
        'mutation($i: CouncilReviewInput!) { openCouncilReview(input: $i) { id name meetingDate members { id name userId } } }',
        { i: { occasionId, name, meetingDate, place: 'Phòng họp UBND thành phố Buôn Ma Thuột', passPercent: 60, members, nominationIds: [nominationId] } },
        homeAffairs,
      )
    ).openCouncilReview;
  }

  it('lists the sessions a member sits on (latest first), nothing to others, and the member votes there as themself', async () => {
    const { campaign } = await gqlOk<{ campaign: { awardForms: Array<{ id: string; name: string }>; occasions: Array<{ id: string; year: number }> } }>(
      stack.url,
      '{ campaign(code: "BMT-CDS-2023-2025") { awardForms { id name } occasions(kind: ANNUAL) { id year } } }',
    );
    const formId = campaign.awardForms.find((f) => f.name === 'Bằng khen của Chủ tịch UBND tỉnh')?.id as string;
    const occasionId = campaign.occasions.find((o) => o.year === 2024)?.id as string;
    const first = await open('Hội đồng Thi đua - Khen thưởng, phiên thứ nhất', '2025-04-02', await appraised('Hoàng Thị Mai', occasionId, formId), occasionId, [
      { name: 'Nguyễn Văn An', position: 'Chủ tịch Hội đồng', userId: 'hd-an' },
      { name: 'Trần Thị Bình', position: 'Ủy viên', userId: 'hd-binh' },
      { name: 'Hoàng Văn Em', position: 'Thư ký' },
    ]);
    const second = await open('Hội đồng Thi đua - Khen thưởng, phiên thứ hai', '2025-05-06', await appraised('Lê Văn Phúc', occasionId, formId), occasionId, [
      // An id that only contains another member's id is not that member.
      { name: 'Trần Thị Bình', position: 'Chủ tịch Hội đồng', userId: 'hd-binh' },
      { name: 'Nguyễn Văn Anh', position: 'Ủy viên', userId: 'hd-an-2' },
      { name: 'Hoàng Văn Em', position: 'Thư ký' },
    ]);

    const mine = async (subject: string) =>
      (
        await gqlOk<{ myCouncilReviews: Array<{ id: string; name: string; status: string }> }>(
          stack.url,
          '{ myCouncilReviews { id name status } }',
          {},
          await stack.token('COUNCIL', undefined, { subject }),
        )
      ).myCouncilReviews;
    expect((await mine('hd-an')).map((r) => r.id)).toEqual([first.id]);
    expect((await mine('hd-binh')).map((r) => r.id)).toEqual([second.id, first.id]);
    expect(await mine('hd-khac')).toEqual([]);
    const officer = await stack.token('UNIT_OFFICER', WARD);
    expect(errorCodes(await gql(stack.url, '{ myCouncilReviews { id } }', {}, officer))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await gql(stack.url, '{ myCouncilReviews { id } }'))).toEqual(['UNAUTHENTICATED']);

    // The member found there votes as themself with their member id; not for the paper-ballot member.
    const an = await stack.token('COUNCIL', undefined, { subject: 'hd-an' });
    const { councilReview } = await gqlOk<{ councilReview: { items: Array<{ nomination: { id: string } }> } }>(
      stack.url,
      'query($id: ID!) { councilReview(id: $id) { items { nomination { id } } } }',
      { id: first.id },
      an,
    );
    const nominationId = councilReview.items[0]?.nomination.id;
    const self = first.members.find((m) => m.userId === 'hd-an')?.id;
    const paper = first.members.find((m) => m.userId === null)?.id;
    const voted = await gqlOk<{ castCouncilVote: { items: Array<{ tally: { for: number } }> } }>(
      stack.url,
      'mutation($r: ID!, $n: ID!, $m: ID!) { castCouncilVote(reviewId: $r, nominationId: $n, memberId: $m, vote: FOR) { items { tally { for } } } }',
      { r: first.id, n: nominationId, m: self },
      an,
    );
    expect(voted.castCouncilVote.items[0]?.tally.for).toBe(1);
    expect(
      errorCodes(
        await gql(stack.url, 'mutation($r: ID!, $n: ID!, $m: ID!) { castCouncilVote(reviewId: $r, nominationId: $n, memberId: $m, vote: FOR) { id } }', { r: first.id, n: nominationId, m: paper }, an),
      ),
    ).toEqual(['COUNCIL_NOT_YOUR_VOTE']);
  });
});
