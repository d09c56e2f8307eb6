import JSZip from 'jszip';
import { loadGatewayConfig, startGateway } from '@thidua/gateway';
import { startParticipants } from '@thidua/participants';
import { presetId, todayInVietnam } from '@thidua/platform';
import { frameworkToWorkbook, startScoring, type FrameworkSpec } from '@thidua/scoring';
import { describeEachDatabase, errorCodes, gql, gqlOk, startStack, type TestStack } from '@thidua/testing';
import { startAwards } from '../src';

const BMT = presetId('Campaign', 'BMT-CDS-2023-2025');
const inDays = (n: number) => {
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

describeEachDatabase('nominations with explained eligibility', (db) => {
  let stack: TestStack;
  let lead: string;
  beforeAll(async () => {
    stack = await startStack({
      db,
      subgraphs: { participants: startParticipants, scoring: startScoring, awards: startAwards },
      gateway: (env) => startGateway(loadGatewayConfig(env)),
    });
    lead = await stack.token('LEAD_AGENCY', undefined, { subject: 'vhtt' });
  });
  afterAll(() => stack?.close());

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

  it('explains every clause: a ward above 70% is eligible, a department below it is refused on that clause', async () => {
    const frameworkId = await createFramework(FRAMEWORK as unknown as FrameworkSpec);
    await gqlOk(stack.url, 'mutation($c: ID!) { openScoringPeriod(campaignId: $c, year: 2024, selfAssessmentOpens: "2024-11-01", selfAssessmentCloses: "2024-12-10") { id } }', { c: BMT }, lead);
    await publishScore(frameworkId, 'BMT-P-TAN-AN', 85);
    await publishScore(frameworkId, 'BMT-TP', 60);

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
      ['REPORTS_ON_TIME', 'NOT_APPLICABLE'],
      ['ONE_ACHIEVEMENT_ONE_AWARD', 'PASS'],
      ['INITIATIVE_ONCE', 'PASS'],
      ['NO_PENDING_PROCEEDINGS', 'NOT_APPLICABLE'],
    ]);
    const score = ward.eligibility.clauses.find((c) => c.code === 'SCORE_THRESHOLD');
    expect(score).toMatchObject({
      requirement: 'Kết quả chỉ số chuyển đổi số năm 2024 đạt yêu cầu của phong trào (trên 70% điểm).',
      basis: 'Điểm thẩm định đã công bố năm 2024: 85/100 điểm (85%), xếp loại «Đạt (trên 70% điểm)» (dịch vụ scoring).',
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
    const text = async (b64: string) => {
      const zip = await JSZip.loadAsync(Buffer.from(b64, 'base64'));
      const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
      return xml.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    };
    expect(drafts.nomination.toTrinh.name).toBe('To-trinh-UBND-phuong-Tan-An.docx');
    const toTrinh = await text(drafts.nomination.toTrinh.base64);
    for (const phrase of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'PHÒNG VĂN HÓA VÀ THÔNG TIN THÀNH PHỐ BUÔN MA THUỘT',
      'Buôn Ma Thuột, ngày 01 tháng 03 năm 2025',
      'TỜ TRÌNH',
      'Về việc đề nghị tặng Giấy khen của Chủ tịch UBND thành phố',
      'Kính gửi: Chủ tịch UBND thành phố Buôn Ma Thuột.',
      'tặng Giấy khen của Chủ tịch UBND thành phố cho UBND phường Tân An',
      'Điểm thẩm định đã công bố năm 2024: 85/100 điểm (85%)',
    ]) {
      expect(toTrinh).toContain(phrase);
    }
    const report = await text(drafts.nomination.report.base64);
    expect(report).toContain('BÁO CÁO THÀNH TÍCH');
    expect(report).toContain('Mẫu số 02 (báo cáo thành tích tập thể; số mẫu cho thi đua theo đợt cần kiểm chứng) theo Nghị định số 98/2023/NĐ-CP');
    expect(report).toContain('Tên tập thể: UBND phường Tân An.');
    expect(report).toContain('XÁC NHẬN CỦA CẤP TRÌNH KHEN');

    const dept = (await nominate('BMT-TP')).createNomination;
    expect(dept.eligibility.eligible).toBe(false);
    expect(dept.eligibility.clauses.filter((c) => c.result === 'FAIL')).toEqual([
      {
        code: 'SCORE_THRESHOLD',
        result: 'FAIL',
        requirement: 'Kết quả chỉ số chuyển đổi số năm 2024 đạt yêu cầu của phong trào (trên 70% điểm).',
        basis: 'Điểm thẩm định đã công bố năm 2024: 60/100 điểm (60%), xếp loại «Chưa đạt (từ 70% điểm trở xuống)» (dịch vụ scoring).',
      },
    ]);
    const refused = await gql(stack.url, 'mutation($id: ID!, $v: Int!) { submitNomination(id: $id, expectedVersion: $v) { status } }', { id: dept.id, v: dept.version }, lead);
    expect(errorCodes(refused)).toEqual(['NOMINATION_INELIGIBLE']);
    expect(refused.errors[0]?.message).toMatch(/^Chưa gửi được đề nghị: chưa đạt Kết quả chỉ số chuyển đổi số năm 2024/);
    const still = await gqlOk<{ nomination: { status: string } }>(stack.url, 'query($id: ID!) { nomination(id: $id) { status } }', { id: dept.id }, lead);
    expect(still.nomination.status).toBe('DRAFT');

    // The ward's nominations are on the ward, and follow it when it is merged into a new one.
    const byUnit = await gqlOk<{ orgUnit: { nominations: Array<{ status: string }> } }>(stack.url, '{ orgUnit(code: "BMT-P-TAN-AN") { nominations { status } } }', {}, lead);
    expect(byUnit.orgUnit.nominations.map((n) => n.status)).toEqual(['SUBMITTED']);
    await gqlOk(
      stack.url,
      'mutation($a: ID!, $b: ID!, $p: ID!) { mergeOrgUnits(input: { unitIds: [$a, $b], newUnit: { code: "DLK-P-MOI", name: "UBND phường Mới", kind: WARD_PC, parentId: $p }, effectiveDate: "2025-07-01" }) { kind } }',
      { a: presetId('OrgUnit', 'BMT-P-TAN-AN'), b: presetId('OrgUnit', 'BMT-P-EA-TAM'), p: presetId('OrgUnit', 'DLK') },
      await stack.token('HOME_AFFAIRS'),
    );
    const successor = await gqlOk<{ orgUnit: { nominations: Array<{ status: string }> } }>(stack.url, '{ orgUnit(code: "DLK-P-MOI") { nominations { status } } }', {}, lead);
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
