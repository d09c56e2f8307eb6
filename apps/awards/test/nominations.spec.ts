import { loadGatewayConfig, startGateway } from '@thidua/gateway';
import { startParticipants } from '@thidua/participants';
import { presetId } from '@thidua/platform';
import { startScoring } from '@thidua/scoring';
import { describeEachDatabase, docxText, errorCodes, gql, gqlOk, startStack, type TestStack } from '@thidua/testing';
import { startReporting } from '@thidua/reporting';
import { startAwards } from '../src';
import { BMT, bmtScenario } from './scenario';

describeEachDatabase('nominations with explained eligibility', (db) => {
  let stack: TestStack;
  let lead: string;
  let scenario: ReturnType<typeof bmtScenario>;
  beforeAll(async () => {
    stack = await startStack({
      db,
      subgraphs: { participants: startParticipants, scoring: startScoring, awards: startAwards, reporting: startReporting },
      gateway: (env) => startGateway(loadGatewayConfig(env)),
    });
    lead = await stack.token('LEAD_AGENCY', undefined, { subject: 'vhtt' });
    scenario = bmtScenario(stack, lead);
  });
  const attach = (id: string, kind: string, extra: Record<string, unknown>) => scenario.attach(id, kind, extra);
  afterAll(() => stack?.close());

  it('explains every clause: a ward above 70% is eligible, a department below it is refused on that clause', async () => {
    await scenario.scoreUnits({ 'BMT-P-TAN-AN': 85, 'BMT-TP': 60 });

    const ids = await gqlOk<{ campaign: { awardForms: Array<{ id: string; name: string }>; occasions: Array<{ id: string; year: number }> } }>(
      stack.url,
      '{ campaign(code: "BMT-CDS-2023-2025") { awardForms { id name } occasions(kind: ANNUAL) { id year } } }',
    );
    const form = ids.campaign.awardForms.find((f) => f.name === 'Giấy khen của Chủ tịch UBND thành phố')?.id;
    const occasion = ids.campaign.occasions.find((o) => o.year === 2024)?.id;
    const nominate = (unitCode: string) =>
      gqlOk<{ createNomination: { id: string; version: number; status: string; eligibility: { eligible: boolean; clauses: Array<{ code: string; result: string; basis: string; requirement: string }> } } }>(
        stack.url,
        `mutation($i: NominationInput!) { createNomination(input: $i) { id version status eligibility { eligible clauses { code result basis requirement } } } }`,
        {
          i: {
            campaignId: BMT,
            occasionId: occasion,
            formId: form,
            proposingUnitId: presetId('OrgUnit', 'BMT-VHTT'),
            candidateUnitId: presetId('OrgUnit', unitCode),
            achievementSummary: 'Hoàn thành xuất sắc nhiệm vụ chuyển đổi số năm 2024.',
            nominationDate: '2025-03-01',
          },
        },
        lead,
      );
    const ward = (await nominate('BMT-P-TAN-AN')).createNomination;
    expect(ward.status).toBe('DRAFT');
    expect(ward.eligibility.eligible).toBe(true);
    expect(ward.eligibility.clauses.map((c) => [c.code, c.result])).toEqual([
      ['AUTHORITY_IN_FORCE', 'PASS'],
      ['FORM_FOR_CANDIDATE', 'PASS'],
      ['REGISTERED', 'PASS'],
      ['SCORE_THRESHOLD', 'PASS'],
      ['TASKS_ON_TIME', 'NOT_APPLICABLE'],
      ['REPORTS_ON_TIME', 'PASS'],
      ['ONE_ACHIEVEMENT_ONE_AWARD', 'PASS'],
      ['INITIATIVE_ONCE', 'PASS'],
      ['NO_PENDING_PROCEEDINGS', 'NOT_APPLICABLE'],
    ]);
    const score = ward.eligibility.clauses.find((c) => c.code === 'SCORE_THRESHOLD');
    expect(score).toMatchObject({
      requirement: 'Kết quả chỉ số chuyển đổi số năm 2024 đạt yêu cầu của phong trào (trên 70% điểm).',
      basis: 'Điểm thẩm định đã công bố năm 2024: 85/100 điểm (85%), xếp loại «Đạt (trên 70% điểm)».',
    });
    expect(ward.eligibility.clauses.find((c) => c.code === 'NO_PENDING_PROCEEDINGS')?.basis).toBe('Văn bản có hiệu lực ngày 01/03/2025 (98/2023/NĐ-CP) chưa đặt điều kiện này.');
    const early = await gql(stack.url, 'mutation($id: ID!, $v: Int!) { submitNomination(id: $id, expectedVersion: $v) { status } }', { id: ward.id, v: ward.version }, lead);
    expect(errorCodes(early)).toEqual(['NOMINATION_DOSSIER_INCOMPLETE']);
    expect(early.errors[0]?.message).toMatch(/^Hồ sơ chưa đầy đủ: Tờ trình đề nghị khen thưởng/);
    for (const kind of ['TO_TRINH', 'BIEN_BAN_HOI_DONG', 'BAO_CAO_THANH_TICH']) await attach(ward.id, kind, {});
    const sent = await gqlOk<{ submitNomination: { status: string } }>(stack.url, 'mutation($id: ID!, $v: Int!) { submitNomination(id: $id, expectedVersion: $v) { status } }', { id: ward.id, v: ward.version }, lead);
    expect(sent.submitNomination.status).toBe('SUBMITTED');

    // Drafts of the Tờ trình and the Báo cáo thành tích, as Word files laid out by NĐ 30/2020, from the data.
    const drafts = await gqlOk<{ nomination: { toTrinh: { name: string; base64: string }; report: { base64: string } } }>(
      stack.url,
      'query($id: ID!) { nomination(id: $id) { toTrinh: draft(kind: TO_TRINH) { name base64 } report: draft(kind: BAO_CAO_THANH_TICH) { base64 } } }',
      { id: ward.id },
      lead,
    );
    expect(drafts.nomination.toTrinh.name).toBe('To-trinh-UBND-phuong-Tan-An.docx');
    const toTrinh = await docxText(drafts.nomination.toTrinh.base64);
    for (const phrase of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'PHÒNG VĂN HÓA VÀ THÔNG TIN THÀNH PHỐ BUÔN MA THUỘT',
      'Buôn Ma Thuột, ngày 01 tháng 03 năm 2025',
      'TỜ TRÌNH',
      'Về việc đề nghị tặng Giấy khen của Chủ tịch UBND thành phố',
      'Kính gửi: Chủ tịch UBND thành phố Buôn Ma Thuột.',
      'tặng Giấy khen của Chủ tịch UBND thành phố cho UBND phường Tân An',
      'Kết quả đánh giá, xếp loại mức độ chuyển đổi số năm 2024: 85/100 điểm, xếp loại Đạt (trên 70% điểm).',
    ]) {
      expect(toTrinh).toContain(phrase);
    }
    const report = await docxText(drafts.nomination.report.base64);
    expect(report).toContain('BÁO CÁO THÀNH TÍCH');
    expect(report).toContain('(Theo Mẫu số 02 ban hành kèm theo Nghị định số 98/2023/NĐ-CP của Chính phủ)');
    expect(report).toContain('- Tên tập thể: UBND phường Tân An');
    expect(report).toContain('XÁC NHẬN CỦA CẤP TRÌNH KHEN');

    const dept = (await nominate('BMT-TP')).createNomination;
    expect(dept.eligibility.eligible).toBe(false);
    expect(dept.eligibility.clauses.filter((c) => c.result === 'FAIL')).toEqual([
      {
        code: 'SCORE_THRESHOLD',
        result: 'FAIL',
        requirement: 'Kết quả chỉ số chuyển đổi số năm 2024 đạt yêu cầu của phong trào (trên 70% điểm).',
        basis: 'Điểm thẩm định đã công bố năm 2024: 60/100 điểm (60%), xếp loại «Chưa đạt (từ 70% điểm trở xuống)».',
      },
    ]);
    const refused = await gql(stack.url, 'mutation($id: ID!, $v: Int!) { submitNomination(id: $id, expectedVersion: $v) { status } }', { id: dept.id, v: dept.version }, lead);
    expect(errorCodes(refused)).toEqual(['NOMINATION_INELIGIBLE']);
    expect(refused.errors[0]?.message).toMatch(/^Chưa gửi được đề nghị: chưa đạt Kết quả chỉ số chuyển đổi số năm 2024/);
    const still = await gqlOk<{ nomination: { status: string } }>(stack.url, 'query($id: ID!) { nomination(id: $id) { status } }', { id: dept.id }, lead);
    expect(still.nomination.status).toBe('DRAFT');

    // The ward's nominations are on the ward, and follow it into the unit it was merged into on 1/7/2025 (the preset's phường Tân An).
    const byUnit = await gqlOk<{ orgUnit: { nominations: Array<{ status: string }> } }>(stack.url, '{ orgUnit(code: "BMT-P-TAN-AN") { nominations { status } } }', {}, lead);
    expect(byUnit.orgUnit.nominations.map((n) => n.status)).toEqual(['SUBMITTED']);
    const successor = await gqlOk<{ orgUnit: { nominations: Array<{ status: string }> } }>(stack.url, '{ orgUnit(code: "DLK-P-TAN-AN") { nominations { status } } }', {}, lead);
    expect(successor.orgUnit.nominations.map((n) => n.status)).toEqual(['SUBMITTED']);

    // A second nomination of the ward at the same occasion is one achievement awarded twice.
    const again = (await nominate('BMT-P-TAN-AN')).createNomination;
    expect(again.eligibility.clauses.find((c) => c.code === 'ONE_ACHIEVEMENT_ONE_AWARD')?.result).toBe('FAIL');
    const otherOfficer = await stack.token('UNIT_OFFICER', presetId('OrgUnit', 'BMT-P-EA-TAM'));
    expect(errorCodes(await gql(stack.url, 'query($id: ID!) { nomination(id: $id) { id } }', { id: ward.id }, otherOfficer))).toEqual([]);
    expect((await gql(stack.url, 'query($id: ID!) { nomination(id: $id) { id } }', { id: ward.id }, otherOfficer)).data).toEqual({ nomination: null });
  });

  it('refuses an enterprise whose tax clearance expired before the nomination date, and lists what is missing', async () => {
    const homeAffairs = await stack.token('HOME_AFFAIRS');
    const ent = await gqlOk<{ createOrgUnit: { id: string } }>(
      stack.url,
      'mutation($p: ID!) { createOrgUnit(input: { code: "DN-PHAN-MEM-TAY-NGUYEN", name: "Công ty TNHH Phần mềm Tây Nguyên", kind: ENTERPRISE, parentId: $p, validFrom: "2020-01-01", field: "Phần mềm, dịch vụ công nghệ thông tin", taxCode: "6001234567" }) { id } }',
      { p: presetId('OrgUnit', 'BMT') },
      homeAffairs,
    );
    await gqlOk(stack.url, 'mutation($c: ID!, $u: ID!) { createRegistration(campaignId: $c, unitId: $u, commitments: ["Phát triển nền tảng số cho hợp tác xã"], submit: true) { id } }', { c: BMT, u: ent.createOrgUnit.id }, lead);
    await scenario.reportOnTime(ent.createOrgUnit.id);
    const ids = await gqlOk<{ campaign: { awardForms: Array<{ id: string; name: string }>; occasions: Array<{ id: string; year: number }> } }>(
      stack.url,
      '{ campaign(code: "BMT-CDS-2023-2025") { awardForms { id name } occasions(kind: ANNUAL) { id year } } }',
    );
    const n = (
      await gqlOk<{ createNomination: { id: string; version: number; eligibility: { eligible: boolean; clauses: Array<{ code: string; result: string }> } } }>(
        stack.url,
        'mutation($i: NominationInput!) { createNomination(input: $i) { id version eligibility { eligible clauses { code result } } } }',
        {
          i: {
            campaignId: BMT,
            occasionId: ids.campaign.occasions.find((o) => o.year === 2024)?.id,
            formId: ids.campaign.awardForms.find((f) => f.name === 'Bằng khen của Chủ tịch UBND tỉnh')?.id,
            proposingUnitId: presetId('OrgUnit', 'BMT-VHTT'),
            candidateUnitId: ent.createOrgUnit.id,
            achievementSummary: 'Xây dựng sàn giao dịch điện tử nông sản cho 30 hợp tác xã.',
            nominationDate: '2025-03-01',
          },
        },
        lead,
      )
    ).createNomination;
    expect(n.eligibility.eligible).toBe(true);
    expect(n.eligibility.clauses.find((c) => c.code === 'SCORE_THRESHOLD')?.result).toBe('NOT_APPLICABLE');
    for (const kind of ['TO_TRINH', 'BIEN_BAN_HOI_DONG', 'BAO_CAO_THANH_TICH']) await attach(n.id, kind, {});
    await attach(n.id, 'TAX_CLEARANCE', { issuedDate: '2024-10-01', validUntil: '2024-12-31' });
    await attach(n.id, 'SOCIAL_INSURANCE_CLEARANCE', { issuedDate: '2025-01-10', validUntil: '2025-06-30' });
    const dossier = await gqlOk<{ nomination: { dossier: { complete: boolean; items: Array<{ kind: string; status: string; detail: string }> } } }>(
      stack.url,
      'query($id: ID!) { nomination(id: $id) { dossier { complete items { kind status detail } } } }',
      { id: n.id },
      lead,
    );
    expect(dossier.nomination.dossier.complete).toBe(false);
    expect(dossier.nomination.dossier.items.find((i) => i.kind === 'TAX_CLEARANCE')).toEqual({ kind: 'TAX_CLEARANCE', status: 'EXPIRED', detail: 'Hết hiệu lực ngày 31/12/2024, trước ngày đề nghị 01/03/2025.' });
    const submit = () => gql(stack.url, 'mutation($id: ID!, $v: Int!) { submitNomination(id: $id, expectedVersion: $v) { status } }', { id: n.id, v: n.version }, lead);
    const refused = await submit();
    expect(errorCodes(refused)).toEqual(['NOMINATION_DOSSIER_INCOMPLETE']);
    expect(refused.errors[0]?.message).toBe(
      'Hồ sơ chưa đầy đủ: Văn bản xác nhận doanh nghiệp không nợ thuế đến thời điểm đề nghị (Hết hiệu lực ngày 31/12/2024, trước ngày đề nghị 01/03/2025).',
    );
    await attach(n.id, 'TAX_CLEARANCE', { issuedDate: '2025-02-01', validUntil: '2025-06-30' });
    expect((await submit()).data).toEqual({ submitNomination: { status: 'SUBMITTED' } });
  });
});
