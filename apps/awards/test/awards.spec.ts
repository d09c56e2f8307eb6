import { loadGatewayConfig, startGateway } from '@thidua/gateway';
import { startParticipants } from '@thidua/participants';
import { presetId } from '@thidua/platform';
import { describeEachDatabase, errorCodes, gql, gqlOk, startStack, type TestStack } from '@thidua/testing';
import { startReporting } from '@thidua/reporting';
import { startAwards } from '../src';

describeEachDatabase('award forms and occasions through the gateway', (db) => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startStack({ db, subgraphs: { participants: startParticipants, awards: startAwards, reporting: startReporting }, gateway: (env) => startGateway(loadGatewayConfig(env)) });
  });
  afterAll(() => stack?.close());

  it("shows each seed plan's award forms and occasions, with the conferring authority resolved by date", async () => {
    const d = await gqlOk<{ bmt: Record<string, unknown>; dn: Record<string, unknown> }>(
      stack.url,
      `{
        bmt: campaign(code: "BMT-CDS-2023-2025") {
          awardForms { name authority authorityTitle forCollectives forIndividuals validTo before: availableOn(date: "2025-06-30") after: availableOn(date: "2025-07-01") }
          after: awardForms(availableOn: "2025-10-15") { name }
          reviews: occasions(kind: INTERIM_REVIEW) { name year startDate endDate }
          final: occasions(kind: FINAL_REVIEW) { name endDate }
          annual: occasions(kind: ANNUAL) { year }
        }
        dn: campaign(code: "DN-CDS-2021-2030") { awardForms { name kind authority } final: occasions(kind: FINAL_REVIEW) { name year } }
      }`,
    );
    const bmt = d.bmt as Record<string, Array<Record<string, unknown>>>;
    expect(bmt.awardForms).toEqual([
      { name: 'Bằng khen của Chủ tịch UBND tỉnh', authority: 'PROVINCE_CHAIR', authorityTitle: 'Chủ tịch UBND tỉnh Đắk Lắk', forCollectives: true, forIndividuals: true, validTo: null, before: true, after: true },
      { name: 'Giấy khen của Chủ tịch UBND thành phố', authority: 'CITY_CHAIR', authorityTitle: 'Chủ tịch UBND thành phố Buôn Ma Thuột', forCollectives: true, forIndividuals: true, validTo: '2025-07-01', before: true, after: false },
      { name: 'Giấy khen của Chủ tịch UBND xã, phường', authority: 'COMMUNE_CHAIR', authorityTitle: 'Chủ tịch UBND xã, phường', forCollectives: true, forIndividuals: true, validTo: null, before: true, after: true },
    ]);
    expect(bmt.after?.map((f) => f.name)).toEqual(['Bằng khen của Chủ tịch UBND tỉnh', 'Giấy khen của Chủ tịch UBND xã, phường']);
    expect(bmt.reviews).toEqual([{ name: 'Sơ kết Phong trào thi đua Chuyển đổi số (Quý III năm 2024)', year: 2024, startDate: '2024-07-01', endDate: '2024-09-30' }]);
    expect(bmt.final).toEqual([{ name: 'Tổng kết Phong trào thi đua Chuyển đổi số (Quý IV năm 2025)', endDate: '2025-12-31' }]);
    expect(bmt.annual?.map((o) => o.year)).toEqual([2023, 2024, 2025]);
    const dn = d.dn as Record<string, Array<Record<string, unknown>>>;
    expect(dn.awardForms).toEqual([
      { name: 'Bằng khen của Chủ tịch UBND thành phố Đà Nẵng', kind: 'BANG_KHEN', authority: 'PROVINCE_CHAIR' },
      { name: 'Khen thưởng cấp Nhà nước (đề nghị)', kind: 'STATE_AWARD', authority: 'STATE' },
    ]);
    expect(dn.final?.map((o) => o.year)).toEqual([2025, 2030]);
  });

  it('judges by the law in force on a date', async () => {
    const d = await gqlOk<{ a: Array<{ number: string }>; b: Array<{ number: string; blocksPendingProceedings: boolean }> }>(
      stack.url,
      '{ a: legalInstruments(asOf: "2023-06-01") { number } b: legalInstruments(asOf: "2025-08-01") { number blocksPendingProceedings } }',
    );
    expect(d.a.map((i) => i.number)).toEqual(expect.arrayContaining(['15/2003/QH11', '91/2017/NĐ-CP']));
    expect(d.a.map((i) => i.number)).not.toContain('98/2023/NĐ-CP');
    expect(d.b).toEqual(expect.arrayContaining([{ number: '152/2025/NĐ-CP', blocksPendingProceedings: true }, { number: '06/2022/QH15', blocksPendingProceedings: false }]));
  });

  it('lets the lead agency or Nội vụ add forms and occasions, nobody else, with Vietnamese errors', async () => {
    const officer = await stack.token('UNIT_OFFICER', presetId('OrgUnit', 'BMT-P-TAN-AN'));
    const input = { campaignId: presetId('Campaign', 'DN-CDS-2021-2030'), code: 'gk-so', name: 'Giấy khen của Giám đốc Sở', kind: 'GIAY_KHEN', authority: 'PROVINCE_CHAIR', authorityTitle: 'Giám đốc Sở', forCollectives: true, forIndividuals: true };
    const m = 'mutation($i: AwardFormInput!) { createAwardForm(input: $i) { code } }';
    expect(errorCodes(await gql(stack.url, m, { i: input }, officer))).toEqual(['FORBIDDEN']);
    const homeAffairs = await stack.token('HOME_AFFAIRS');
    expect((await gqlOk<{ createAwardForm: { code: string } }>(stack.url, m, { i: input }, homeAffairs)).createAwardForm.code).toBe('GK-SO');
    const again = await gql(stack.url, m, { i: input }, homeAffairs);
    expect(errorCodes(again)).toEqual(['AWARD_FORM_CODE_TAKEN']);
    expect(again.errors[0]?.message).toBe('Phong trào đã có hình thức khen thưởng với mã này.');
    const nobody = await gql(stack.url, m, { i: { ...input, code: 'X', forCollectives: false, forIndividuals: false } }, homeAffairs);
    expect(errorCodes(nobody)).toEqual(['AWARD_FORM_FOR_NOBODY']);
  });
});
