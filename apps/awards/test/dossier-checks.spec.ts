import { loadGatewayConfig, startGateway } from '@thidua/gateway';
import { startParticipants } from '@thidua/participants';
import { presetId } from '@thidua/platform';
import { startReporting } from '@thidua/reporting';
import { startScoring } from '@thidua/scoring';
import { describeEachDatabase, errorCodes, gql, gqlOk, renderDocument, startStack, type TestStack } from '@thidua/testing';
import { startAwards } from '../src';
import { scannedPdf, upload, workbook } from './dossier-files';
import { BMT, bmtScenario, VHTT } from './scenario';

type N = { id: string; version: number; status: string };
type Doc = { kind: string; fileName: string | null; documentType: string | null; pages: number | null; confirmations: string[]; confirmedByProposingLevel: boolean; checked: boolean };
type Item = { kind: string; label: string; status: string; detail: string; checked: boolean; pages: number | null; documentType: string | null };
type Dossier = { complete: boolean; checked: boolean; copies: number; copiesText: string; items: Item[]; documents: Doc[] };
const DOSSIER = 'dossier { complete checked copies copiesText items { kind label status detail checked pages documentType } documents { kind fileName documentType pages confirmations confirmedByProposingLevel checked } }';
const ATTACH = 'mutation($n: ID!, $k: DocumentKind!, $f: ID!, $c: Boolean, $cs: [ReportConfirmer!]) { attachDossierDocument(nominationId: $n, kind: $k, fileId: $f, issuedDate: "2025-02-20", confirmedByProposingLevel: $c, confirmations: $cs) { id } }';

describeEachDatabase('dossier documents checked: each file is the kind its item needs, scans counted, Nội vụ confirms each item (BMT)', (db) => {
  let stack: TestStack;
  let lead: string;
  let homeAffairs: string;
  let scenario: ReturnType<typeof bmtScenario>;
  beforeAll(async () => {
    stack = await startStack({
      db,
      subgraphs: { participants: startParticipants, scoring: startScoring, awards: startAwards, reporting: startReporting },
      gateway: (env) => startGateway(loadGatewayConfig(env)),
    });
    lead = await stack.token('LEAD_AGENCY', undefined, { subject: 'vhtt' });
    homeAffairs = await stack.token('HOME_AFFAIRS', undefined, { subject: 'noi-vu' });
    scenario = bmtScenario(stack, lead);
  });
  afterAll(() => stack?.close());

  const read = async (id: string) => (await gqlOk<{ nomination: N & { dossier: Dossier; history: Array<{ action: string }> } }>(stack.url, `query($id: ID!) { nomination(id: $id) { id version status history { action } ${DOSSIER} } }`, { id }, lead)).nomination;
  const attach = (n: string, kind: string, fileId: string, extra: { c?: boolean; cs?: string[] } = {}) => gql(stack.url, ATTACH, { n, k: kind, f: fileId, c: extra.c ?? null, cs: extra.cs ?? null }, lead);
  const draft = async (id: string, kind: 'TO_TRINH' | 'BAO_CAO_THANH_TICH') => {
    const d = await gqlOk<{ nomination: { draft: { name: string; base64: string } } }>(stack.url, `query($id: ID!) { nomination(id: $id) { draft(kind: ${kind}) { name base64 } } }`, { id }, lead);
    return { name: d.nomination.draft.name, bytes: Buffer.from(d.nomination.draft.base64, 'base64') };
  };

  it('refuses the drafted Tờ trình as the council’s minutes, a workbook as any item and a file the proposing unit cannot read; accepts a scan with its pages; Nội vụ confirms each item before appraising', async () => {
    await scenario.scoreUnits({ 'BMT-P-TAN-AN': 85 });
    const { formId, occasionId } = await scenario.formAndOccasion('Giấy khen của Chủ tịch UBND thành phố');
    let n = (
      await gqlOk<{ createNomination: N }>(
        stack.url,
        'mutation($i: NominationInput!) { createNomination(input: $i) { id version status } }',
        { i: { campaignId: BMT, occasionId, formId, proposingUnitId: VHTT, candidateUnitId: presetId('OrgUnit', 'BMT-P-TAN-AN'), achievementSummary: 'Hoàn thành xuất sắc nhiệm vụ chuyển đổi số năm 2024.', nominationDate: '2025-03-01' } },
        lead,
      )
    ).createNomination;

    // The campaign's rule: one copy, the report confirmed by the proposing level (the plan's «01 bộ», «cấp trình khen»).
    let dossier = (await read(n.id)).dossier;
    expect([dossier.copies, dossier.copiesText]).toEqual([1, '01 bộ']);
    expect(dossier.items.map((i) => i.label)).toEqual([
      'Tờ trình đề nghị khen thưởng của cơ quan, đơn vị trình khen',
      'Biên bản họp Hội đồng Thi đua - Khen thưởng của cơ quan, đơn vị trình khen',
      'Báo cáo thành tích có xác nhận của cấp trình khen',
    ]);

    // The Tờ trình drafted by the system, downloaded and uploaded back for the proposing unit: read as a Tờ trình.
    const toTrinh = await draft(n.id, 'TO_TRINH');
    const uploadedToTrinh = await upload(stack, lead, toTrinh.name, toTrinh.bytes, VHTT);
    expect(uploadedToTrinh.documentType).toBe('Tờ trình');

    // Offered as the council's minutes: refused, with what the file is and what the item needs; nothing is attached.
    const asMinutes = await attach(n.id, 'BIEN_BAN_HOI_DONG', uploadedToTrinh.id);
    expect(errorCodes(asMinutes)).toEqual(['DOSSIER_FILE_WRONG_KIND']);
    expect(asMinutes.errors?.[0]?.message).toBe(
      `Tệp «${toTrinh.name}» là Tờ trình, không phải Biên bản họp Hội đồng Thi đua - Khen thưởng; hãy tải lên đúng văn bản cho mục «Biên bản họp Hội đồng Thi đua - Khen thưởng của cơ quan, đơn vị trình khen».`,
    );
    // As the achievement report too; the same Tờ trình printed to PDF is read from its text layer and refused alike.
    expect(errorCodes(await attach(n.id, 'BAO_CAO_THANH_TICH', uploadedToTrinh.id, { c: true }))).toEqual(['DOSSIER_FILE_WRONG_KIND']);
    const printed = await upload(stack, lead, 'to-trinh-da-ky.pdf', (await renderDocument(toTrinh.bytes, 'docx')).pdf, VHTT);
    expect([printed.documentType, printed.pages]).toEqual(['Tờ trình', 1]);
    expect(errorCodes(await attach(n.id, 'BIEN_BAN_HOI_DONG', printed.id))).toEqual(['DOSSIER_FILE_WRONG_KIND']);

    // A spreadsheet is never a dossier document, whatever the item.
    const sheet = await upload(stack, lead, 'danh-sach.xlsx', workbook(), VHTT);
    for (const kind of ['TO_TRINH', 'BIEN_BAN_HOI_DONG', 'BAO_CAO_THANH_TICH', 'TAX_CLEARANCE']) {
      const r = await attach(n.id, kind, sheet.id, { c: kind === 'BAO_CAO_THANH_TICH' });
      expect(errorCodes(r)).toEqual(['DOSSIER_FILE_WRONG_KIND']);
      expect(r.errors?.[0]?.message).toMatch(/^Tệp «danh-sach\.xlsx» là bảng tính Excel, không phải /);
    }
    // A file the proposing unit cannot read (uploaded for another ward), and one that does not exist.
    const officer = await stack.token('UNIT_OFFICER', presetId('OrgUnit', 'BMT-P-EA-TAM'));
    const foreign = await upload(stack, officer, 'bien-ban.pdf', scannedPdf(2));
    expect(errorCodes(await attach(n.id, 'BIEN_BAN_HOI_DONG', foreign.id))).toEqual(['DOSSIER_FILE_NOT_FOUND']);
    expect(errorCodes(await attach(n.id, 'BIEN_BAN_HOI_DONG', '00000000-0000-4000-8000-000000000000'))).toEqual(['DOSSIER_FILE_NOT_FOUND']);
    dossier = (await read(n.id)).dossier;
    expect(dossier.documents).toEqual([]);
    expect(dossier.items.map((i) => i.status)).toEqual(['MISSING', 'MISSING', 'MISSING']);

    // The right files: the Tờ trình; the signed minutes scanned (3 pages, no text: accepted, its pages counted); the report.
    expect((await attach(n.id, 'TO_TRINH', uploadedToTrinh.id)).errors ?? []).toEqual([]);
    const scan = await upload(stack, lead, 'bien-ban-hop-hoi-dong.pdf', scannedPdf(3), VHTT);
    expect([scan.documentType, scan.pages]).toEqual([null, 3]);
    expect((await attach(n.id, 'BIEN_BAN_HOI_DONG', scan.id)).errors ?? []).toEqual([]);
    const report = await draft(n.id, 'BAO_CAO_THANH_TICH');
    const uploadedReport = await upload(stack, lead, report.name, report.bytes, VHTT);
    expect(uploadedReport.documentType).toBe('Báo cáo thành tích');
    // Without the proposing level's confirmation the item is unconfirmed, naming what is missing.
    expect((await attach(n.id, 'BAO_CAO_THANH_TICH', uploadedReport.id)).errors ?? []).toEqual([]);
    dossier = (await read(n.id)).dossier;
    expect(dossier.items.map((i) => [i.status, i.detail])).toEqual([
      ['PRESENT', 'Ban hành ngày 20/02/2025.'],
      ['PRESENT', 'Ban hành ngày 20/02/2025; 3 trang.'],
      ['UNCONFIRMED', 'Báo cáo thành tích chưa có xác nhận của cấp trình khen.'],
    ]);
    expect(errorCodes(await gql(stack.url, 'mutation($id: ID!, $v: Int!) { submitNomination(id: $id, expectedVersion: $v) { id } }', { id: n.id, v: n.version }, lead))).toEqual(['NOMINATION_DOSSIER_INCOMPLETE']);
    // The older argument still says the proposing level confirmed it.
    expect((await attach(n.id, 'BAO_CAO_THANH_TICH', uploadedReport.id, { c: true })).errors ?? []).toEqual([]);
    dossier = (await read(n.id)).dossier;
    expect(dossier.complete).toBe(true);
    expect(dossier.checked).toBe(false);
    expect(dossier.items.map((i) => [i.kind, i.documentType, i.pages])).toEqual([
      ['TO_TRINH', 'Tờ trình', null],
      ['BIEN_BAN_HOI_DONG', null, 3],
      ['BAO_CAO_THANH_TICH', 'Báo cáo thành tích', null],
    ]);
    expect(dossier.documents.map((d) => [d.kind, d.fileName, d.confirmations, d.confirmedByProposingLevel])).toEqual([
      ['TO_TRINH', toTrinh.name, [], false],
      ['BIEN_BAN_HOI_DONG', 'bien-ban-hop-hoi-dong.pdf', [], false],
      ['BAO_CAO_THANH_TICH', report.name, [], false],
      ['BAO_CAO_THANH_TICH', report.name, ['PROPOSING_LEVEL'], true],
    ]);

    // BMT has no lead-agency review: the lead agency has nothing to forward, the nomination goes to Nội vụ as before.
    n = (await gqlOk<{ submitNomination: N }>(stack.url, 'mutation($id: ID!, $v: Int!) { submitNomination(id: $id, expectedVersion: $v) { id version status } }', { id: n.id, v: n.version }, lead)).submitNomination;
    expect(n.status).toBe('SUBMITTED');
    const forward = await gql(stack.url, 'mutation($id: ID!, $v: Int!) { leadReviewNomination(id: $id, expectedVersion: $v, forward: true) { id } }', { id: n.id, v: n.version }, lead);
    expect(errorCodes(forward)).toEqual(['LEAD_REVIEW_NOT_REQUIRED']);

    // Nội vụ appraises only once every item is confirmed: refused and nothing changes; then item by item, then with the rest.
    const appraise = (items: string[] | null) =>
      gql<{ appraiseNomination: N }>(stack.url, 'mutation($id: ID!, $v: Int!, $c: [DocumentKind!]) { appraiseNomination(id: $id, expectedVersion: $v, accept: true, confirmedItems: $c) { id version status } }', { id: n.id, v: n.version, c: items }, homeAffairs);
    const refused = await appraise(null);
    expect(errorCodes(refused)).toEqual(['DOSSIER_NOT_CONFIRMED']);
    expect(refused.errors?.[0]?.message).toBe(
      'Chưa thẩm định đạt được: Nội vụ chưa xác nhận «Tờ trình đề nghị khen thưởng của cơ quan, đơn vị trình khen»; «Biên bản họp Hội đồng Thi đua - Khen thưởng của cơ quan, đơn vị trình khen»; «Báo cáo thành tích có xác nhận của cấp trình khen».',
    );
    // Confirming an item that is not in this dossier is refused too, and a unit cannot confirm.
    expect(errorCodes(await gql(stack.url, 'mutation($id: ID!) { confirmDossierItem(nominationId: $id, kind: TAX_CLEARANCE) { id } }', { id: n.id }, homeAffairs))).toEqual(['DOSSIER_ITEM_NOT_REQUIRED']);
    expect(errorCodes(await gql(stack.url, 'mutation($id: ID!) { confirmDossierItem(nominationId: $id, kind: TO_TRINH) { id } }', { id: n.id }, lead))).toEqual(['FORBIDDEN']);
    expect((await read(n.id)).dossier.items.map((i) => i.checked)).toEqual([false, false, false]);
    expect((await read(n.id)).status).toBe('SUBMITTED');

    await gqlOk(stack.url, 'mutation($id: ID!) { confirmDossierItem(nominationId: $id, kind: TO_TRINH) { id } }', { id: n.id }, homeAffairs);
    expect((await read(n.id)).dossier.items.map((i) => i.checked)).toEqual([true, false, false]);
    // A refused appraisal changes nothing, not even the items it named.
    expect(errorCodes(await appraise(['BIEN_BAN_HOI_DONG']))).toEqual(['DOSSIER_NOT_CONFIRMED']);
    expect((await read(n.id)).dossier.items.map((i) => i.checked)).toEqual([true, false, false]);
    const appraised = await appraise(['BIEN_BAN_HOI_DONG', 'BAO_CAO_THANH_TICH']);
    expect(appraised.errors ?? []).toEqual([]);
    expect(appraised.data?.appraiseNomination.status).toBe('APPRAISED');
    const after = await read(n.id);
    expect(after.dossier.checked).toBe(true);
    expect(after.history.map((h) => h.action)).toEqual(['submit', 'appraise']);
  });
});
