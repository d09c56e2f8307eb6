import { loadGatewayConfig, startGateway } from '@thidua/gateway';
import { startParticipants } from '@thidua/participants';
import { presetId } from '@thidua/platform';
import { startReporting } from '@thidua/reporting';
import { startScoring } from '@thidua/scoring';
import { describeEachDatabase, docxText, errorCodes, gql, gqlOk, startStack, type TestStack } from '@thidua/testing';
import { startAwards } from '../src';
import { scannedPdf, upload } from './dossier-files';

const DN = presetId('Campaign', 'DN-CDS-2021-2030');
const unit = (code: string) => presetId('OrgUnit', code);
const HAI_CHAU = unit('DNG-P-HAI-CHAU-2025');
const ALL_ITEMS = ['TO_TRINH', 'BIEN_BAN_HOI_DONG', 'BAO_CAO_THANH_TICH'];

type N = { id: string; version: number; status: string };
type Rules = { dossierCopies: number; copiesText: string; leadReviewRequired: boolean; reportConfirmations: string[]; consultationDays: number; consultationStage: string; version: number };
const RULES = 'dossierCopies copiesText leadReviewRequired reportConfirmations consultationDays consultationStage version';

describeEachDatabase('Đà Nẵng: dossiers pass through the lead agency for compilation and review before Nội vụ; the report confirmed by the unit head and the direct superior', (db) => {
  let stack: TestStack;
  let admin: string;
  let officer: string;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    stack = await startStack({
      db,
      subgraphs: { participants: startParticipants, scoring: startScoring, awards: startAwards, reporting: startReporting },
      gateway: (env) => startGateway(loadGatewayConfig(env)),
    });
    admin = await stack.token('ADMIN');
    officer = await stack.token('UNIT_OFFICER', HAI_CHAU, { subject: 'van-phong-hai-chau' });
    tokens.lead = await stack.token('LEAD_AGENCY', unit('DNG-SKHCN'), { subject: 'so-khcn-da-nang' });
    tokens.leadEnded = await stack.token('LEAD_AGENCY', unit('DNG-STTTT'), { subject: 'so-tttt-da-nang' });
    tokens.nv = await stack.token('HOME_AFFAIRS', unit('DNG-SNV'), { subject: 'so-noi-vu-da-nang' });
    tokens.nvOther = await stack.token('HOME_AFFAIRS', unit('DLK-SNV'), { subject: 'so-noi-vu-dak-lak' });
  });
  afterAll(() => stack?.close());

  const read = async (id: string) =>
    (
      await gqlOk<{ nomination: N & { returnReason: string | null; history: Array<{ action: string; fromStatus: string; toStatus: string }>; dossier: { copiesText: string; items: Array<{ kind: string; label: string; status: string; detail: string; checked: boolean }> } } }>(
        stack.url,
        'query($id: ID!) { nomination(id: $id) { id version status returnReason history { action fromStatus toStatus } dossier { copiesText items { kind label status detail checked } } } }',
        { id },
        admin,
      )
    ).nomination;
  const submit = async (n: N) => (await gqlOk<{ submitNomination: N }>(stack.url, 'mutation($id: ID!, $v: Int!) { submitNomination(id: $id, expectedVersion: $v) { id version status } }', { id: n.id, v: n.version }, officer)).submitNomination;
  const leadReview = (n: N, token: string, forward: boolean, reason?: string) =>
    gql<{ leadReviewNomination: N }>(stack.url, 'mutation($id: ID!, $v: Int!, $f: Boolean!, $r: String) { leadReviewNomination(id: $id, expectedVersion: $v, forward: $f, reason: $r) { id version status } }', { id: n.id, v: n.version, f: forward, r: reason ?? null }, token);
  const appraise = (n: N, token: string, accept: boolean, items: string[] | null, reason?: string) =>
    gql<{ appraiseNomination: N }>(
      stack.url,
      'mutation($id: ID!, $v: Int!, $a: Boolean!, $c: [DocumentKind!], $r: String) { appraiseNomination(id: $id, expectedVersion: $v, accept: $a, confirmedItems: $c, reason: $r) { id version status } }',
      { id: n.id, v: n.version, a: accept, c: items, r: reason ?? null },
      token,
    );

  it('the campaigns’ rules as the plans set them: Đà Nẵng through the lead agency, the report confirmed twice; Buôn Ma Thuột as before', async () => {
    const r = await gqlOk<{ dn: { awardRules: Rules }; bmt: { awardRules: Rules } }>(stack.url, `{ dn: campaign(code: "DN-CDS-2021-2030") { awardRules { ${RULES} } } bmt: campaign(code: "BMT-CDS-2023-2025") { awardRules { ${RULES} } } }`);
    expect(r.dn.awardRules).toEqual({ dossierCopies: 1, copiesText: '01 bộ', leadReviewRequired: true, reportConfirmations: ['UNIT_HEAD', 'DIRECT_SUPERIOR'], consultationDays: 5, consultationStage: 'BEFORE_COUNCIL', version: 1 });
    expect(r.bmt.awardRules).toEqual({ dossierCopies: 1, copiesText: '01 bộ', leadReviewRequired: false, reportConfirmations: ['PROPOSING_LEVEL'], consultationDays: 5, consultationStage: 'BEFORE_COUNCIL', version: 1 });
  });

  it('a ward’s nomination: the report needs both confirmations; Nội vụ cannot act before the lead agency forwards; the lead agency returns, then forwards; Nội vụ confirms the items and appraises', async () => {
    const forms = await gqlOk<{ campaign: { awardForms: Array<{ id: string; name: string }>; occasions: Array<{ id: string; year: number }> } }>(stack.url, '{ campaign(code: "DN-CDS-2021-2030") { awardForms { id name } occasions(kind: ANNUAL) { id year } } }');
    const formId = forms.campaign.awardForms.find((f) => f.name === 'Bằng khen của Chủ tịch UBND thành phố Đà Nẵng')?.id;
    const occasionId = forms.campaign.occasions.find((o) => o.year === 2025)?.id;
    const person = (
      await gqlOk<{ createPerson: { id: string } }>(
        stack.url,
        'mutation($i: PersonInput!) { createPerson(input: $i) { id } }',
        { i: { fullName: 'Trần Văn Bình', kind: 'CIVIL_SERVANT', unitId: HAI_CHAU, position: 'Công chức Văn hóa - Xã hội' } },
        officer,
      )
    ).createPerson;
    let n = (
      await gqlOk<{ createNomination: N }>(
        stack.url,
        'mutation($i: NominationInput!) { createNomination(input: $i) { id version status } }',
        { i: { campaignId: DN, occasionId, formId, proposingUnitId: HAI_CHAU, candidatePersonId: person.id, achievementSummary: 'Triển khai nền tảng số của phường, 98% hồ sơ thủ tục hành chính nộp trực tuyến năm 2025.' } },
        officer,
      )
    ).createNomination;
    const draft = async (kind: string) => {
      const d = await gqlOk<{ nomination: { draft: { name: string; base64: string } } }>(stack.url, `query($id: ID!) { nomination(id: $id) { draft(kind: ${kind}) { name base64 } } }`, { id: n.id }, officer);
      return upload(stack, officer, d.nomination.draft.name, Buffer.from(d.nomination.draft.base64, 'base64'));
    };
    const attach = (kind: string, fileId: string, confirmations: string[] | null = null, legacy: boolean | null = null) =>
      gqlOk(
        stack.url,
        'mutation($n: ID!, $k: DocumentKind!, $f: ID!, $c: [ReportConfirmer!], $p: Boolean) { attachDossierDocument(nominationId: $n, kind: $k, fileId: $f, confirmations: $c, confirmedByProposingLevel: $p) { id } }',
        { n: n.id, k: kind, f: fileId, c: confirmations, p: legacy },
        officer,
      );
    // The drafts say what Đà Nẵng's plan asks: the report confirmed by the unit's head and the direct superior.
    const drafted = async (kind: string) => docxText((await gqlOk<{ nomination: { draft: { base64: string } } }>(stack.url, `query($id: ID!) { nomination(id: $id) { draft(kind: ${kind}) { base64 } } }`, { id: n.id }, officer)).nomination.draft.base64);
    expect(await drafted('TO_TRINH')).toContain('- Báo cáo thành tích có xác nhận của thủ trưởng đơn vị và thủ trưởng cấp trên trực tiếp;');
    expect(await drafted('BAO_CAO_THANH_TICH')).toContain('XÁC NHẬN CỦA THỦ TRƯỞNG ĐƠN VỊ VÀ THỦ TRƯỞNG CẤP TRÊN TRỰC TIẾP');
    await attach('TO_TRINH', (await draft('TO_TRINH')).id);
    await attach('BIEN_BAN_HOI_DONG', (await upload(stack, officer, 'bien-ban-hoi-dong-phuong.pdf', scannedPdf(2))).id);
    const report = await draft('BAO_CAO_THANH_TICH');

    // The plan's rule: «có xác nhận của thủ trưởng đơn vị và thủ trưởng cấp trên trực tiếp»; the proposing level alone is not it.
    const reportItem = async () => (await read(n.id)).dossier.items.find((i) => i.kind === 'BAO_CAO_THANH_TICH');
    await attach('BAO_CAO_THANH_TICH', report.id, null, true);
    expect(await reportItem()).toMatchObject({
      label: 'Báo cáo thành tích có xác nhận của thủ trưởng đơn vị và thủ trưởng cấp trên trực tiếp',
      status: 'UNCONFIRMED',
      detail: 'Báo cáo thành tích chưa có xác nhận của thủ trưởng đơn vị và thủ trưởng cấp trên trực tiếp.',
    });
    await attach('BAO_CAO_THANH_TICH', report.id, ['UNIT_HEAD']);
    expect(await reportItem()).toMatchObject({ status: 'UNCONFIRMED', detail: 'Báo cáo thành tích chưa có xác nhận của thủ trưởng cấp trên trực tiếp.' });
    expect(errorCodes(await gql(stack.url, 'mutation($id: ID!, $v: Int!) { submitNomination(id: $id, expectedVersion: $v) { id } }', { id: n.id, v: n.version }, officer))).toEqual(['NOMINATION_DOSSIER_INCOMPLETE']);
    await attach('BAO_CAO_THANH_TICH', report.id, ['DIRECT_SUPERIOR', 'UNIT_HEAD']);
    expect(await reportItem()).toMatchObject({ status: 'PRESENT' });
    expect((await read(n.id)).dossier.copiesText).toBe('01 bộ');

    n = await submit(n);
    expect(n.status).toBe('SUBMITTED');

    // Before the lead agency forwards it, Nội vụ neither confirms, appraises nor returns it; nothing changes.
    for (const r of [
      await appraise(n, tokens.nv, true, ALL_ITEMS),
      await appraise(n, tokens.nv, false, null, 'Thiếu số liệu.'),
      await gql(stack.url, 'mutation($id: ID!) { confirmDossierItem(nominationId: $id, kind: TO_TRINH) { id } }', { id: n.id }, tokens.nv),
    ]) {
      expect(errorCodes(r)).toEqual(['NOMINATION_NOT_FORWARDED']);
      expect(r.errors?.[0]?.message).toBe('Hồ sơ chưa được cơ quan thường trực của phong trào tổng hợp, thẩm tra và chuyển Nội vụ.');
    }
    // The lead agency in force (Sở KH&CN since 1/3/2025) reviews; the ended Sở TT-TT and the ward cannot; a return needs its reason.
    expect(errorCodes(await leadReview(n, tokens.leadEnded, true))).toEqual(['FORBIDDEN_OTHER_UNIT']);
    expect(errorCodes(await leadReview(n, officer, true))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await leadReview(n, tokens.lead, false))).toEqual(['NOMINATION_REASON_REQUIRED']);
    expect(await read(n.id)).toMatchObject({ status: 'SUBMITTED', version: n.version });
    expect((await read(n.id)).dossier.items.map((i) => i.checked)).toEqual([false, false, false]);

    const reason = 'Đề nghị bổ sung số liệu thủ tục hành chính trực tuyến toàn trình của phường năm 2025 vào báo cáo thành tích.';
    const returned = await leadReview(n, tokens.lead, false, reason);
    expect(returned.errors ?? []).toEqual([]);
    n = returned.data?.leadReviewNomination as N;
    expect(n.status).toBe('RETURNED');
    expect((await read(n.id)).returnReason).toBe(reason);

    // The ward submits again; the lead agency compiles, reviews and forwards it to Nội vụ.
    n = await submit(n);
    const forwarded = await leadReview(n, tokens.lead, true);
    expect(forwarded.errors ?? []).toEqual([]);
    n = forwarded.data?.leadReviewNomination as N;
    expect(n.status).toBe('FORWARDED');
    expect(errorCodes(await leadReview(n, tokens.lead, true))).toEqual(['NOMINATION_WRONG_STATUS']);

    // Nội vụ: another province's is refused; without the items confirmed the appraisal is refused; then it confirms and appraises.
    expect(errorCodes(await appraise(n, tokens.nvOther, true, ALL_ITEMS))).toEqual(['FORBIDDEN_OTHER_UNIT']);
    expect(errorCodes(await appraise(n, tokens.nv, true, null))).toEqual(['DOSSIER_NOT_CONFIRMED']);
    expect(await read(n.id)).toMatchObject({ status: 'FORWARDED', version: n.version });
    await gqlOk(stack.url, 'mutation($id: ID!) { confirmDossierItem(nominationId: $id, kind: BIEN_BAN_HOI_DONG) { id } }', { id: n.id }, tokens.nv);
    const appraised = await appraise(n, tokens.nv, true, ['TO_TRINH', 'BAO_CAO_THANH_TICH']);
    expect(appraised.errors ?? []).toEqual([]);
    expect(appraised.data?.appraiseNomination.status).toBe('APPRAISED');
    const done = await read(n.id);
    expect(done.dossier.items.map((i) => i.checked)).toEqual([true, true, true]);
    expect(done.history.map((h) => `${h.action}:${h.fromStatus}>${h.toStatus}`)).toEqual([
      'submit:DRAFT>SUBMITTED',
      'return:SUBMITTED>RETURNED',
      'submit:RETURNED>SUBMITTED',
      'forward:SUBMITTED>FORWARDED',
      'appraise:FORWARDED>APPRAISED',
    ]);
  });

  it('the campaign’s Nội vụ sets its rules, versioned; others are refused and nothing changes', async () => {
    const set = (token: string, expectedVersion: number | null, input: Record<string, unknown>) =>
      gql<{ setCampaignAwardRules: Rules }>(stack.url, `mutation($c: ID!, $v: Int, $i: CampaignAwardRulesInput!) { setCampaignAwardRules(campaignId: $c, expectedVersion: $v, input: $i) { ${RULES} } }`, { c: DN, v: expectedVersion, i: input }, token);
    const input = { dossierCopies: 2, leadReviewRequired: true, reportConfirmations: ['DIRECT_SUPERIOR', 'UNIT_HEAD'], consultationDays: 7, consultationStage: 'BEFORE_DECISION' };
    const current = async () => (await gqlOk<{ campaign: { awardRules: Rules } }>(stack.url, `query($c: ID!) { campaign(id: $c) { awardRules { ${RULES} } } }`, { c: DN })).campaign.awardRules;
    const before = await current();
    expect(errorCodes(await set(officer, 1, input))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await set(tokens.nvOther, 1, input))).toEqual(['FORBIDDEN_OTHER_UNIT']);
    expect(errorCodes(await set(tokens.nv, 0, input))).toEqual(['VERSION_CONFLICT']);
    expect(errorCodes(await set(tokens.nv, null, input))).toEqual(['VERSION_CONFLICT']);
    const invalid = await set(tokens.nv, 1, { ...input, dossierCopies: 0, reportConfirmations: [] });
    expect(errorCodes(invalid)).toEqual(['VALIDATION_FAILED']);
    expect(invalid.errors?.[0]?.message).toBe('Dữ liệu nhập không hợp lệ. input.dossierCopies: Quá nhỏ (tối thiểu 1).; input.reportConfirmations: Quá nhỏ (tối thiểu 1).');
    expect(await current()).toEqual(before);

    const saved = await set(tokens.nv, 1, input);
    expect(saved.errors ?? []).toEqual([]);
    expect(saved.data?.setCampaignAwardRules).toEqual({ dossierCopies: 2, copiesText: '02 bộ', leadReviewRequired: true, reportConfirmations: ['UNIT_HEAD', 'DIRECT_SUPERIOR'], consultationDays: 7, consultationStage: 'BEFORE_DECISION', version: 2 });
    expect(await current()).toEqual(saved.data?.setCampaignAwardRules);
    const audit = await gqlOk<{ awardsAuditLog: Array<{ action: string; entityType: string }> }>(stack.url, '{ awardsAuditLog(entityType: "CampaignAwardRules") { action entityType } }', {}, admin);
    expect(audit.awardsAuditLog.map((a) => a.action).sort()).toEqual(['create', 'create', 'update']);
  });
});
