import { loadGatewayConfig, startGateway } from '@thidua/gateway';
import { startParticipants } from '@thidua/participants';
import { presetId } from '@thidua/platform';
import { startReporting } from '@thidua/reporting';
import { startScoring } from '@thidua/scoring';
import { describeEachDatabase, docxText, errorCodes, gql, gqlOk, startStack, type TestStack } from '@thidua/testing';
import { startAwards } from '../src';

const BMT = presetId('Campaign', 'BMT-CDS-2023-2025');

describeEachDatabase('a nomination is never drafted to an authority that no longer existed on its date', (db) => {
  let stack: TestStack;
  let lead: string;
  beforeAll(async () => {
    stack = await startStack({
      db,
      subgraphs: { participants: startParticipants, scoring: startScoring, awards: startAwards, reporting: startReporting },
      gateway: (env) => startGateway(loadGatewayConfig(env)),
    });
    lead = await stack.token('LEAD_AGENCY', undefined, { subject: 'khen-thuong' });
  });
  afterAll(() => stack?.close());

  it("drafts the Tờ trình to the Chủ tịch UBND thành phố Buôn Ma Thuột until 30/6/2025, and refuses both drafts dated after the district-level city ended", async () => {
    const ids = await gqlOk<{ campaign: { awardForms: Array<{ id: string; name: string }>; occasions: Array<{ id: string; year: number }> } }>(
      stack.url,
      '{ campaign(code: "BMT-CDS-2023-2025") { awardForms { id name } occasions(kind: ANNUAL) { id year } } }',
    );
    const form = ids.campaign.awardForms.find((f) => f.name === 'Giấy khen của Chủ tịch UBND thành phố')?.id;
    const occasion = ids.campaign.occasions.find((o) => o.year === 2025)?.id;
    const nominate = async (nominationDate: string) =>
      (
        await gqlOk<{ createNomination: { id: string } }>(
          stack.url,
          'mutation($i: NominationInput!) { createNomination(input: $i) { id } }',
          {
            i: {
              campaignId: BMT,
              occasionId: occasion,
              formId: form,
              proposingUnitId: presetId('OrgUnit', 'BMT-P-TAN-AN'),
              candidateUnitId: presetId('OrgUnit', 'BMT-P-TAN-AN'),
              achievementSummary: 'Hoàn thành xuất sắc nhiệm vụ chuyển đổi số 6 tháng đầu năm 2025.',
              nominationDate,
            },
          },
          lead,
        )
      ).createNomination.id;
    const draft = (id: string, kind: string) => gql<{ nomination: { draft: { base64: string } } }>(stack.url, `query($id: ID!) { nomination(id: $id) { draft(kind: ${kind}) { base64 } } }`, { id }, lead);

    const before = await draft(await nominate('2025-06-30'), 'TO_TRINH');
    expect(before.errors ?? []).toEqual([]);
    expect(await docxText(before.data?.nomination.draft.base64 ?? '')).toContain('Kính gửi: Chủ tịch UBND thành phố Buôn Ma Thuột.');

    const after = await nominate('2025-07-15');
    for (const kind of ['TO_TRINH', 'BAO_CAO_THANH_TICH']) {
      const refused = await draft(after, kind);
      expect(errorCodes(refused)).toEqual(['NOMINATION_AUTHORITY_LAPSED']);
      expect(refused.errors[0]?.message).toBe(
        'Ngày 15/07/2025, Chủ tịch UBND thành phố Buôn Ma Thuột không còn thẩm quyền tặng Giấy khen của Chủ tịch UBND thành phố; không lập được văn bản đề nghị gửi cấp này. Hãy chọn hình thức khen thưởng của cấp có thẩm quyền vào ngày đề nghị.',
      );
    }
  });
});
