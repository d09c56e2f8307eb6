import ExcelJS from 'exceljs';
import { loadGatewayConfig, startGateway } from '@thidua/gateway';
import { startParticipants } from '@thidua/participants';
import { presetId, todayInVietnam } from '@thidua/platform';
import { describeEachDatabase, errorCodes, gql, gqlOk, startStack, type GqlResponse, type TestStack } from '@thidua/testing';
import { startScoring } from '../src';
import { frameworkToWorkbook } from '../src/framework/framework.excel';
import type { FrameworkSpec } from '../src/framework/framework.types';

const shift = (days: number) => {
  const d = new Date(`${todayInVietnam()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const THIS_YEAR = Number(todayInVietnam().slice(0, 4));
const BMT = presetId('Campaign', 'BMT-CDS-2023-2025');
const DN = presetId('Campaign', 'DN-CDS-2021-2030');

/** A 100-point framework with every rule type and a bonus group, as the lead agency keeps it in Excel. */
const spec = (code: string, year: number, targetLevel: FrameworkSpec['targetLevel']): FrameworkSpec => ({
  code,
  name: `Bộ chỉ số đánh giá chuyển đổi số năm ${year}`,
  year,
  jurisdiction: 'Tỉnh Đắk Lắk',
  targetLevel,
  appliesToKinds: ['WARD_PC', 'COMMUNE_PC', 'DEPARTMENT'],
  legalBasis: { number: '2534/QĐ-UBND', date: '2022-11-11', issuer: 'UBND tỉnh Đắk Lắk', title: null },
  isSample: false,
  groups: [
    {
      code: '1',
      name: 'Nhận thức số',
      kind: 'NORMAL',
      groups: [],
      indicators: [
        { code: '1.1', name: 'Ban hành kế hoạch chuyển đổi số năm', maxPoints: 20, ruleType: 'YES_NO', ruleConfig: {}, evidence: 'Kế hoạch', dataSource: null, verifyingUnit: 'Phòng Văn hóa và Thông tin', appliesToKinds: null },
        { code: '1.2', name: 'Số lớp tập huấn kỹ năng số', maxPoints: 20, ruleType: 'COUNT_BANDS', ruleConfig: { bands: [{ min: 1, points: 10 }, { min: 3, points: 20 }] }, evidence: null, dataSource: null, verifyingUnit: null, appliesToKinds: null },
      ],
    },
    {
      code: '2',
      name: 'Chính quyền số',
      kind: 'NORMAL',
      groups: [],
      indicators: [
        { code: '2.1', name: 'Tỷ lệ hồ sơ xử lý trực tuyến toàn trình', maxPoints: 40, ruleType: 'RATIO', ruleConfig: { numeratorLabel: 'Số hồ sơ trực tuyến toàn trình', denominatorLabel: 'Tổng số hồ sơ' }, evidence: null, dataSource: 'Hệ thống thông tin giải quyết thủ tục hành chính', verifyingUnit: null, appliesToKinds: null },
        { code: '2.2', name: 'Mức độ sử dụng hệ thống quản lý văn bản và điều hành', maxPoints: 20, ruleType: 'MANUAL', ruleConfig: {}, evidence: null, dataSource: null, verifyingUnit: null, appliesToKinds: null },
      ],
    },
    {
      code: '3',
      name: 'Điểm thưởng',
      kind: 'BONUS',
      groups: [],
      indicators: [{ code: '3.1', name: 'Có sáng kiến chuyển đổi số được công nhận', maxPoints: 5, ruleType: 'YES_NO', ruleConfig: {}, evidence: null, dataSource: null, verifyingUnit: null, appliesToKinds: null }],
    },
  ],
});

interface A {
  id: string;
  version: number;
  status: string;
  selfTotal: number;
  verifiedTotal: number | null;
}
const FIELDS = 'id version status selfTotal verifiedTotal';

describeEachDatabase('scoring through the gateway', (db) => {
  let stack: TestStack;
  let lead: string;
  const unit: Record<string, string> = {};
  const q = (query: string, v: Record<string, unknown> = {}, token?: string) => gql(stack.url, query, v, token);
  const ok = <T = Record<string, unknown>>(query: string, v: Record<string, unknown> = {}, token?: string) => gqlOk<T>(stack.url, query, v, token);
  const expectRefused = (r: GqlResponse<unknown>, code: string) => {
    expect(errorCodes(r)).toEqual([code]);
    expect(r.errors[0]?.message).toMatch(/[À-ỹ]/);
  };
  const importFramework = async (s: FrameworkSpec) =>
    (
      await ok<{ importFramework: { ok: boolean; errors: unknown[]; framework: { id: string; maxPoints: number; maxBonus: number } } }>(
        'mutation($b: String!) { importFramework(base64: $b) { ok errors { row message } framework { id maxPoints maxBonus } } }',
        { b: (await frameworkToWorkbook(s)).toString('base64') },
        lead,
      )
    ).importFramework;
  const self = (id: string, version: number, code: string, value: Record<string, unknown>, token: string) =>
    q(`mutation($id: ID!, $v: Int!, $c: String!, $val: ScoreValueInput!) { selfAssess(assessmentId: $id, expectedVersion: $v, indicatorCode: $c, value: $val) { ${FIELDS} } }`, { id, v: version, c: code, val: value }, token);
  const selfOk = async (a: A, code: string, value: Record<string, unknown>, token: string): Promise<A> => {
    const r = await self(a.id, a.version, code, value, token);
    if (r.errors.length) throw new Error(JSON.stringify(r.errors));
    return (r.data as { selfAssess: A }).selfAssess;
  };
  const get = async (id: string, token: string) =>
    (await ok<{ assessment: A & { history: unknown[] } }>(`query($id: ID!) { assessment(id: $id) { ${FIELDS} history { action } } }`, { id }, token)).assessment;
  const step = async (mutation: string, a: A, extra = '') =>
    (await ok<Record<string, A>>(`mutation($id: ID!, $v: Int!) { ${mutation}(id: $id, expectedVersion: $v${extra}) { ${FIELDS} } }`, { id: a.id, v: a.version }, lead))[mutation] as A;

  beforeAll(async () => {
    stack = await startStack({ db, subgraphs: { participants: startParticipants, scoring: startScoring }, gateway: (env) => startGateway(loadGatewayConfig(env)) });
    lead = await stack.token('LEAD_AGENCY', undefined, { subject: 'lead' });
    for (const code of ['BMT-P-TAN-AN', 'BMT-P-EA-TAM', 'DNG-SYT', 'DNG-SNV']) unit[code] = presetId('OrgUnit', code);
  });
  afterAll(() => stack?.close());

  it('ships the sample DTI frameworks and both seed campaigns\' classification rules', async () => {
    const d = await ok<{ frameworks: Array<{ code: string; isSample: boolean; maxPoints: number }>; bmt: { classificationRule: unknown }; dn: { classificationRule: unknown } }>(
      `query($b: ID!, $d: ID!) {
        frameworks { code isSample maxPoints }
        bmt: campaign(id: $b) { classificationRule { basis bands { min inclusive label } otherwiseLabel } }
        dn: campaign(id: $d) { classificationRule { basis bands { min inclusive label } } }
      }`,
      { b: BMT, d: DN },
    );
    expect(d.frameworks).toEqual(
      expect.arrayContaining([
        { code: 'DTI-922-MAU-TINH', isSample: true, maxPoints: 1000 },
        { code: 'DTI-MAU-CAP-XA', isSample: true, maxPoints: 100 },
      ]),
    );
    expect(d.bmt.classificationRule).toEqual({
      basis: 'PERCENT',
      bands: [{ min: 70, inclusive: false, label: 'Đạt (trên 70% điểm)' }],
      otherwiseLabel: 'Chưa đạt (từ 70% điểm trở xuống)',
    });
    expect(d.dn.classificationRule).toEqual({ basis: 'POINTS', bands: [{ min: 80, inclusive: true, label: 'Tốt' }] });
  });

  it('runs import → self-assessment (one by Excel) → verification with a reason → publication → ranking, refusing bad writes', async () => {
    // The lead agency imports this year's framework from Excel and makes 2024's as a copy.
    const current = await importFramework(spec(`KHUNG-${THIS_YEAR}`, THIS_YEAR, 'DEPARTMENT'));
    expect(current).toMatchObject({ ok: true, errors: [], framework: { maxPoints: 100, maxBonus: 5 } });
    const copy = await ok<{ copyFramework: { id: string; year: number; maxPoints: number; copiedFrom: { id: string } } }>(
      'mutation($id: ID!) { copyFramework(id: $id, code: "KHUNG-2024", year: 2024) { id year maxPoints copiedFrom { id } } }',
      { id: current.framework.id },
      lead,
    );
    expect(copy.copyFramework).toMatchObject({ year: 2024, maxPoints: 100, copiedFrom: { id: current.framework.id } });
    // Next year's copy is edited: in Excel (export, change, import into the draft) and one field through the API.
    const exported = await ok<{ framework: { workbook: { base64: string } } }>('query($id: ID!) { framework(id: $id) { workbook { base64 } } }', { id: copy.copyFramework.id }, lead);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(exported.framework.workbook.base64, 'base64') as unknown as ArrayBuffer);
    (wb.worksheets[0] as ExcelJS.Worksheet).eachRow((row) => {
      if (row.getCell(1).text.trim() === '1.2') row.getCell(2).value = 'Số lớp tập huấn kỹ năng số cho cán bộ, công chức';
    });
    const edited = await ok<{ importFramework: { ok: boolean; framework: { id: string; maxPoints: number } } }>(
      'mutation($b: String!, $id: ID!) { importFramework(base64: $b, intoDraftId: $id) { ok errors { message } framework { id maxPoints } } }',
      { b: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64'), id: copy.copyFramework.id },
      lead,
    );
    expect(edited.importFramework).toEqual({ ok: true, errors: [], framework: { id: copy.copyFramework.id, maxPoints: 100 } });
    const indicators = await ok<{ framework: { indicators: Array<{ id: string; code: string; name: string }> } }>('query($id: ID!) { framework(id: $id) { indicators { id code name } } }', { id: copy.copyFramework.id }, lead);
    expect(indicators.framework.indicators.find((i) => i.code === '1.2')?.name).toBe('Số lớp tập huấn kỹ năng số cho cán bộ, công chức');
    const i11 = indicators.framework.indicators.find((i) => i.code === '1.1')?.id;
    const upd = await ok<{ updateIndicator: { evidence: string } }>('mutation($id: ID!) { updateIndicator(id: $id, input: { evidence: "Kế hoạch năm và báo cáo kết quả" }) { evidence } }', { id: i11 }, lead);
    expect(upd.updateIndicator.evidence).toBe('Kế hoạch năm và báo cáo kết quả');
    // A ratio may be allowed to pass 1 (a growth rate) and set back to a share; an Excel import keeps the share.
    const i21 = indicators.framework.indicators.find((i) => i.code === '2.1')?.id;
    const flag = (on: boolean) =>
      ok<{ updateIndicator: { ratioMayExceedOne: boolean; numeratorLabel: string } }>('mutation($id: ID!, $on: Boolean!) { updateIndicator(id: $id, input: { ratioMayExceedOne: $on }) { ratioMayExceedOne numeratorLabel } }', { id: i21, on }, lead);
    expect((await flag(true)).updateIndicator).toEqual({ ratioMayExceedOne: true, numeratorLabel: 'Số hồ sơ trực tuyến toàn trình' });
    expect((await flag(false)).updateIndicator).toEqual({ ratioMayExceedOne: false, numeratorLabel: 'Số hồ sơ trực tuyến toàn trình' });
    for (const id of [current.framework.id, copy.copyFramework.id]) await ok('mutation($id: ID!) { publishFramework(id: $id) { status } }', { id }, lead);
    expectRefused(await q('mutation($id: ID!) { updateIndicator(id: $id, input: { name: "Sửa sau khi ban hành" }) { id } }', { id: i11 }, lead), 'FRAMEWORK_PUBLISHED');

    // BMT 2024: the window closed long ago.
    await ok('mutation($c: ID!) { openScoringPeriod(campaignId: $c, year: 2024, selfAssessmentOpens: "2024-11-01", selfAssessmentCloses: "2024-12-10") { id } }', { c: BMT }, lead);
    const officerA = await stack.token('UNIT_OFFICER', unit['BMT-P-TAN-AN'], { subject: 'can-bo-tan-an' });
    const officerB = await stack.token('UNIT_OFFICER', unit['BMT-P-EA-TAM'], { subject: 'can-bo-ea-tam' });
    const startA = await ok<{ startAssessment: A & { unitName: string; unitKind: string; maxPoints: number } }>(
      `mutation($c: ID!, $u: ID!, $f: ID!) { startAssessment(campaignId: $c, year: 2024, unitId: $u, frameworkId: $f) { ${FIELDS} unitName unitKind maxPoints } }`,
      { c: BMT, u: unit['BMT-P-TAN-AN'], f: copy.copyFramework.id },
      officerA,
    );
    expect(startA.startAssessment).toMatchObject({ status: 'SELF_ASSESSING', unitName: 'UBND phường Tân An', unitKind: 'WARD_PC', maxPoints: 100, selfTotal: 0 });
    let a: A = startA.startAssessment;
    let b = (
      await ok<{ startAssessment: A }>(`mutation($c: ID!, $u: ID!, $f: ID!) { startAssessment(campaignId: $c, year: 2024, unitId: $u, frameworkId: $f) { ${FIELDS} } }`, {
        c: BMT,
        u: unit['BMT-P-EA-TAM'],
        f: copy.copyFramework.id,
      }, lead)
    ).startAssessment;

    const sample = presetId('IndexFramework', 'DTI-MAU-CAP-XA');
    const twice = await q('mutation($c: ID!, $u: ID!, $f: ID!) { startAssessment(campaignId: $c, year: 2024, unitId: $u, frameworkId: $f) { id } }', { c: BMT, u: unit['BMT-P-TAN-AN'], f: sample }, officerA);
    expectRefused(twice, 'ASSESSMENT_EXISTS');
    const before = await get(a.id, officerA);
    expectRefused(await self(a.id, a.version, '1.1', { yes: true }, officerA), 'ASSESSMENT_WINDOW_CLOSED');
    a = await step('reopenAssessment', a, `, until: "${shift(5)}"`);
    b = await step('reopenAssessment', b, `, until: "${shift(5)}"`);
    expect(a.status).toBe('SELF_ASSESSING');

    // Ward A self-assesses through the API.
    a = await selfOk(a, '1.1', { yes: true }, officerA);
    a = await selfOk(a, '1.2', { count: 4 }, officerA);
    a = await selfOk(a, '2.1', { numerator: 30, denominator: 40 }, officerA);
    a = await selfOk(a, '2.2', { points: 15 }, officerA);
    a = await selfOk(a, '3.1', { yes: true }, officerA);
    expect(a.selfTotal).toBe(90);

    // Refused writes change nothing.
    const snapshot = await get(a.id, officerA);
    // Each refused value names the input it concerns, so the form shows the refusal beside it.
    const refusedFields = (r: GqlResponse<unknown>) => (r.errors[0]?.extensions?.details as { fields?: unknown } | undefined)?.fields;
    const tooMany = await self(a.id, a.version, '2.2', { points: 25 }, officerA);
    expectRefused(tooMany, 'SCORE_INVALID');
    expect(refusedFields(tooMany)).toEqual([{ field: 'value.points', message: 'Điểm phải trong khoảng 0 – 20.' }]);
    const overOne = await self(a.id, a.version, '2.1', { numerator: 50, denominator: 40 }, officerA);
    expectRefused(overOne, 'SCORE_INVALID');
    expect(overOne.errors[0]?.message).toContain('Tử số (a) không được lớn hơn mẫu số (b) (50 > 40).');
    expect(refusedFields(overOne)).toEqual([{ field: 'value.denominator', message: 'Tử số (a) không được lớn hơn mẫu số (b) (50 > 40).' }]);
    const negative = await self(a.id, a.version, '2.1', { numerator: -1, denominator: 40 }, officerA);
    expectRefused(negative, 'SCORE_INVALID');
    expect(refusedFields(negative)).toEqual([{ field: 'value.numerator', message: 'Cần tử số (a) và mẫu số (b) là số không âm.' }]);
    const huge = await self(a.id, a.version, '1.2', { count: 1e308 }, officerA);
    expectRefused(huge, 'SCORE_INVALID');
    expect(huge.errors[0]?.message).toContain('Số lượng không được lớn hơn 1.000.000.000.');
    expect(refusedFields(huge)).toEqual([{ field: 'value.count', message: 'Số lượng không được lớn hơn 1.000.000.000.' }]);
    expectRefused(await self(a.id, a.version, '2.2', { points: 5 }, officerB), 'FORBIDDEN_OTHER_UNIT');
    expectRefused(await self(a.id, a.version - 1, '2.2', { points: 5 }, officerA), 'VERSION_CONFLICT');
    expectRefused(await self(a.id, a.version, '9.9', { yes: true }, officerA), 'INDICATOR_NOT_FOUND');
    expect(await get(a.id, officerA)).toEqual(snapshot);
    expect(snapshot.history.length).toBeGreaterThan(before.history.length);

    // A sheet imported unfilled writes no score but still takes the assessment's version: audited, so one
    // Idempotency-Key makes it once (run again, the repeat would be refused as outdated).
    const blank = await ok<{ assessment: { sheet: { base64: string } } }>('query($id: ID!) { assessment(id: $id) { sheet { base64 } } }', { id: b.id }, officerB);
    const importBlank = () =>
      gql<{ importSelfAssessment: { ok: boolean; assessment: A | null } }>(stack.url, `mutation($id: ID!, $b: String!) { importSelfAssessment(assessmentId: $id, base64: $b) { ok assessment { ${FIELDS} } } }`, { id: b.id, b: blank.assessment.sheet.base64 }, officerB, { 'idempotency-key': 'nhap-phieu-trong-0001' });
    const blankFirst = await importBlank();
    expect(blankFirst.data?.importSelfAssessment).toMatchObject({ ok: true, assessment: { id: b.id, selfTotal: 0 } });
    const blankVersion = blankFirst.data?.importSelfAssessment.assessment?.version as number;
    expect(blankVersion).toBeGreaterThan(b.version);
    expect((await importBlank()).data).toEqual(blankFirst.data);
    const afterBlank = await get(b.id, officerB);
    expect(afterBlank.version).toBe(blankVersion);
    expect(afterBlank.history.filter((h) => (h as { action: string }).action === 'import')).toEqual([{ action: 'import' }]);

    // Ward B fills in the exported sheet in Excel and imports it.
    const sheet = await ok<{ assessment: { sheet: { name: string; base64: string } } }>('query($id: ID!) { assessment(id: $id) { sheet { name base64 } } }', { id: b.id }, officerB);
    expect(sheet.assessment.sheet.name).toMatch(/\.xlsx$/);
    const fill = async (values: Record<string, Record<string, string | number>>) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(sheet.assessment.sheet.base64, 'base64') as unknown as ArrayBuffer);
      const ws = wb.worksheets[0] as ExcelJS.Worksheet;
      let header = 0;
      const col: Record<string, number> = {};
      ws.eachRow((row, n) => {
        if (!header && row.getCell(1).text.trim() === 'Mã') {
          header = n;
          row.eachCell((cell, c) => (col[cell.text.trim()] = c));
        }
      });
      ws.eachRow((row, n) => {
        const code = row.getCell(1).text.trim();
        if (n > header && values[code]) for (const [k, v] of Object.entries(values[code] ?? {})) row.getCell(col[k] as number).value = v;
      });
      return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    };
    const bad = await ok<{ importSelfAssessment: { ok: boolean; errors: Array<{ row: number; code: string; message: string }> } }>(
      'mutation($id: ID!, $b: String!) { importSelfAssessment(assessmentId: $id, base64: $b) { ok errors { row code message } } }',
      { id: b.id, b: await fill({ '1.1': { 'Có/Không': 'Không' }, '1.2': { 'Số lượng': 'hai' }, '2.1': { 'Tử số (a)': 50, 'Mẫu số (b)': 40 }, '2.2': { 'Điểm (chấm tay)': 30 } }) },
      officerB,
    );
    expect(bad.importSelfAssessment.ok).toBe(false);
    expect(bad.importSelfAssessment.errors.map((e) => e.code).sort()).toEqual(['1.2', '2.1', '2.2']);
    expect(bad.importSelfAssessment.errors.find((e) => e.code === '2.1')?.message).toMatch(/^Dòng \d+ \(chỉ số 2\.1\): Tử số \(a\) không được lớn hơn mẫu số \(b\) \(50 > 40\)\.$/);
    expect(bad.importSelfAssessment.errors.every((e) => typeof e.row === 'number' && /Dòng \d+/.test(e.message))).toBe(true);
    expect((await get(b.id, officerB)).selfTotal).toBe(0);
    const good = await ok<{ importSelfAssessment: { ok: boolean; errors: unknown[]; assessment: A } }>(
      `mutation($id: ID!, $b: String!) { importSelfAssessment(assessmentId: $id, base64: $b) { ok errors { message } assessment { ${FIELDS} } } }`,
      {
        id: b.id,
        b: await fill({
          '1.1': { 'Có/Không': 'Không' },
          '1.2': { 'Số lượng': 2 },
          '2.1': { 'Tử số (a)': 50, 'Mẫu số (b)': 100 },
          '2.2': { 'Điểm (chấm tay)': '20' },
          '3.1': { 'Có/Không': 'Không' },
        }),
      },
      officerB,
    );
    expect(good.importSelfAssessment).toMatchObject({ ok: true, errors: [], assessment: { selfTotal: 50 } });
    b = good.importSelfAssessment.assessment;

    // Submit, verify (one adjusted score needs its reason), publish.
    a = (await ok<{ submitAssessment: A }>(`mutation($id: ID!, $v: Int!) { submitAssessment(id: $id, expectedVersion: $v) { ${FIELDS} } }`, { id: a.id, v: a.version }, officerA)).submitAssessment;
    b = (await ok<{ submitAssessment: A }>(`mutation($id: ID!, $v: Int!) { submitAssessment(id: $id, expectedVersion: $v) { ${FIELDS} } }`, { id: b.id, v: b.version }, officerB)).submitAssessment;
    const verify = (x: A, code: string, points: number, reason?: string) =>
      q(`mutation($id: ID!, $v: Int!, $c: String!, $p: Float!, $r: String) { verifyScore(assessmentId: $id, expectedVersion: $v, indicatorCode: $c, points: $p, reason: $r) { ${FIELDS} } }`, { id: x.id, v: x.version, c: code, p: points, r: reason ?? null }, lead);
    expectRefused(await verify(a, '2.2', 10), 'ADJUSTMENT_REASON_REQUIRED');
    const byOfficer = await q(`mutation($id: ID!, $v: Int!) { verifyScore(assessmentId: $id, expectedVersion: $v, indicatorCode: "2.2", points: 20) { id } }`, { id: a.id, v: a.version }, officerA);
    expectRefused(byOfficer, 'FORBIDDEN');
    a = (await verify(a, '2.2', 10, 'Chỉ 50% văn bản được ký số; minh chứng chưa đủ')).data?.verifyScore as A;
    expect(a.verifiedTotal).toBe(85);
    // The change log keeps the adjustment with its reason, its points before and after and who made it (ADMIN only).
    const auditQuery = '{ scoringAuditLog(entityType: "IndicatorScore") { action actorRoles before after } }';
    expectRefused(await q(auditQuery, {}, lead), 'FORBIDDEN');
    const changeLog = await ok<{ scoringAuditLog: Array<{ action: string; actorRoles: string[]; before: string | null; after: string | null }> }>(auditQuery, {}, await stack.token('ADMIN'));
    const adjusted = changeLog.scoringAuditLog.find((e) => e.action === 'verify 2.2');
    expect(adjusted?.actorRoles).toEqual(['LEAD_AGENCY']);
    expect(JSON.parse(adjusted?.before ?? '{}')).toMatchObject({ selfPoints: 15, verifiedPoints: null });
    expect(JSON.parse(adjusted?.after ?? '{}')).toMatchObject({ verifiedPoints: 10, adjustmentReason: 'Chỉ 50% văn bản được ký số; minh chứng chưa đủ' });
    expect(changeLog.scoringAuditLog.filter((e) => e.action.startsWith('self-assess')).length).toBeGreaterThan(0);
    for (const x of [a, b]) {
      const v = await step('completeVerification', x);
      const p = await step('publishAssessment', v);
      expect(p.status).toBe('PUBLISHED');
    }

    // This year under ĐN's rule: 80 points and above = Tốt.
    await ok('mutation($c: ID!, $y: Int!, $o: Date!, $e: Date!) { openScoringPeriod(campaignId: $c, year: $y, selfAssessmentOpens: $o, selfAssessmentCloses: $e) { id } }', { c: DN, y: THIS_YEAR, o: shift(-10), e: shift(10) }, lead);
    const dnScores: Record<string, Array<[string, Record<string, unknown>]>> = {
      'DNG-SYT': [['1.1', { yes: true }], ['1.2', { count: 3 }], ['2.1', { numerator: 20, denominator: 50 }], ['2.2', { points: 20 }], ['3.1', { yes: true }]],
      'DNG-SNV': [['1.1', { yes: true }], ['1.2', { count: 5 }], ['2.1', { numerator: 19, denominator: 20 }], ['2.2', { points: 1 }]],
    };
    for (const [code, rows] of Object.entries(dnScores)) {
      const officer = await stack.token('UNIT_OFFICER', unit[code]);
      let x = (await ok<{ startAssessment: A }>(`mutation($c: ID!, $y: Int!, $u: ID!, $f: ID!) { startAssessment(campaignId: $c, year: $y, unitId: $u, frameworkId: $f) { ${FIELDS} } }`, { c: DN, y: THIS_YEAR, u: unit[code], f: current.framework.id }, officer)).startAssessment;
      for (const [c, v] of rows) x = await selfOk(x, c, v, officer);
      x = (await ok<{ submitAssessment: A }>(`mutation($id: ID!, $v: Int!) { submitAssessment(id: $id, expectedVersion: $v) { ${FIELDS} } }`, { id: x.id, v: x.version }, officer)).submitAssessment;
      await step('publishAssessment', await step('completeVerification', x));
    }

    // Rankings are public once published.
    const ranking = (c: string, year: number, kind: string) =>
      ok<{ campaign: { rankings: { totalCount: number; entries: Array<Record<string, unknown>> } } }>(
        `query($c: ID!, $y: Int!, $k: OrgUnitKind) { campaign(id: $c) { rankings(year: $y, kind: $k) { totalCount entries { rank total maxPoints percent classification passes unit { name } } } } }`,
        { c, y: year, k: kind },
      );
    expect((await ranking(BMT, 2024, 'WARD_PC')).campaign.rankings).toEqual({
      totalCount: 2,
      entries: [
        { rank: 1, total: 85, maxPoints: 100, percent: 85, classification: 'Đạt (trên 70% điểm)', passes: true, unit: { name: 'UBND phường Tân An' } },
        { rank: 2, total: 50, maxPoints: 100, percent: 50, classification: 'Chưa đạt (từ 70% điểm trở xuống)', passes: false, unit: { name: 'UBND phường Ea Tam' } },
      ],
    });
    expect((await ranking(DN, THIS_YEAR, 'DEPARTMENT')).campaign.rankings.entries).toEqual([
      { rank: 1, total: 81, maxPoints: 100, percent: 81, classification: 'Tốt', passes: true, unit: { name: 'Sở Y tế thành phố Đà Nẵng' } },
      { rank: 2, total: 79, maxPoints: 100, percent: 79, classification: 'Chưa đạt loại Tốt', passes: false, unit: { name: 'Sở Nội vụ thành phố Đà Nẵng' } },
    ]);
    // The public sees the points of a published assessment, not the unit's notes or the verifier's reasons.
    const publicView = await ok<{ assessment: { scores: Array<{ indicator: { code: string }; verifiedPoints: number; adjustmentReason: string | null }> } }>(
      'query($id: ID!) { assessment(id: $id) { scores { indicator { code } verifiedPoints adjustmentReason } } }',
      { id: a.id },
    );
    expect(publicView.assessment.scores.find((x) => x.indicator.code === '2.2')).toEqual({ indicator: { code: '2.2' }, verifiedPoints: 10, adjustmentReason: null });
    const leadView = await ok<{ assessment: { scores: Array<{ indicator: { code: string }; adjustmentReason: string | null }> } }>(
      'query($id: ID!) { assessment(id: $id) { scores { indicator { code } adjustmentReason } } }',
      { id: a.id },
      lead,
    );
    expect(leadView.assessment.scores.find((x) => x.indicator.code === '2.2')?.adjustmentReason).toBe('Chỉ 50% văn bản được ký số; minh chứng chưa đủ');
    const clusters = await ok<{ clusters: Array<{ id: string; code: string }> }>('{ clusters { id code } }');
    const wardsCluster = clusters.clusters.find((c) => c.code === 'BMT-CUM-PHUONG')?.id;
    const inCluster = await ok<{ campaign: { rankings: { entries: Array<{ rank: number; unit: { name: string } }> } } }>(
      'query($c: ID!, $k: ID!) { campaign(id: $c) { rankings(year: 2024, clusterId: $k) { entries { rank unit { name } } } } }',
      { c: BMT, k: wardsCluster },
    );
    expect(inCluster.campaign.rankings.entries).toEqual([
      { rank: 1, unit: { name: 'UBND phường Tân An' } },
      { rank: 2, unit: { name: 'UBND phường Ea Tam' } },
    ]);
    const joined = await ok<{ orgUnit: { name: string; score: Record<string, unknown>; rank: number } }>(
      'query($c: ID!) { orgUnit(code: "BMT-P-TAN-AN") { name score(year: 2024) { total percent classification passes } rank(year: 2024, campaignId: $c) other: rank(year: 2024) } }',
      { c: BMT },
    );
    expect(joined.orgUnit).toEqual({ name: 'UBND phường Tân An', score: { total: 85, percent: 85, classification: 'Đạt (trên 70% điểm)', passes: true }, rank: 1, other: 1 });
    const audit = await get(a.id, lead);
    expect(audit.history).toEqual(expect.arrayContaining([{ action: 'verify 2.2' }, { action: 'publish' }, { action: 'reopen' }]));

    // The two wards went into phường Tân An and phường Thành Nhất on 1/7/2025 (the preset's map); merged again later, their
    // results stay reachable from the new ward.
    const homeAffairs = await stack.token('HOME_AFFAIRS');
    await ok(
      'mutation($a: ID!, $b: ID!, $p: ID!) { mergeOrgUnits(input: { unitIds: [$a, $b], newUnit: { code: "DLK-P-HOP-NHAT", name: "UBND phường Hợp Nhất", kind: WARD_PC, parentId: $p }, effectiveDate: "2026-01-01" }) { kind } }',
      { a: presetId('OrgUnit', 'DLK-P-TAN-AN'), b: presetId('OrgUnit', 'DLK-P-THANH-NHAT'), p: presetId('OrgUnit', 'DLK') },
      homeAffairs,
    );
    const merged = await ok<{ orgUnit: { assessments: Array<{ unit: { name: string }; verifiedTotal: number }>; score: Record<string, unknown> } }>(
      '{ orgUnit(code: "DLK-P-HOP-NHAT") { assessments(year: 2024) { unit { name } verifiedTotal } score(year: 2024) { total percent classification inheritedFrom { name } } } }',
    );
    expect(merged.orgUnit.assessments.map((x) => [x.unit.name, x.verifiedTotal]).sort()).toEqual([
      ['UBND phường Ea Tam', 50],
      ['UBND phường Tân An', 85],
    ]);
    expect(merged.orgUnit.score).toEqual({
      total: 67.5,
      percent: 67.5,
      classification: 'Chưa đạt (từ 70% điểm trở xuống)',
      inheritedFrom: expect.arrayContaining([{ name: 'UBND phường Tân An' }, { name: 'UBND phường Ea Tam' }]),
    });
  });

  it('tracks tasks assigned by a plan: progress, completed on time (computed) and the completion rate per unit and year', async () => {
    const ward = unit['BMT-P-TAN-AN'] as string;
    const assign = async (title: string, dueDate: string) =>
      (
        await ok<{ assignTask: { id: string; version: number; owner: { name: string }; cooperatingUnits: Array<{ name: string }> } }>(
          `mutation($i: AssignTaskInput!) { assignTask(input: $i) { id version owner { name } cooperatingUnits { name } } }`,
          { i: { campaignId: BMT, planNumber: '193/KH-UBND', planTitle: 'Chuyển đổi số và xây dựng thành phố Buôn Ma Thuột trở thành đô thị thông minh năm 2023', title, dueDate, ownerUnitId: ward, cooperatingUnitIds: [unit['BMT-P-EA-TAM']] } },
          lead,
        )
      ).assignTask;
    const t1 = await assign('Triển khai Tổ công nghệ số cộng đồng', '2024-06-30');
    expect(t1).toMatchObject({ owner: { name: 'UBND phường Tân An' }, cooperatingUnits: [{ name: 'UBND phường Ea Tam' }] });
    const t2 = await assign('Số hóa hồ sơ hộ tịch', '2024-09-30');
    const t3 = await assign('Vận hành camera giám sát kết nối trung tâm điều hành', '2024-12-31');
    const report = (t: { id: string; version: number }, percent: number, reportedOn: string | null, token: string) =>
      q('mutation($t: ID!, $v: Int!, $p: Int!, $d: Date) { reportTaskProgress(taskId: $t, expectedVersion: $v, percent: $p, reportedOn: $d, note: "Đã có biên bản nghiệm thu") { version percent completedOn completedOnTime } }', { t: t.id, v: t.version, p: percent, d: reportedOn }, token);
    // Past reports are recorded by the lead agency from the units' paper reports.
    expect((await report(t1, 100, '2024-06-20', lead)).data).toMatchObject({ reportTaskProgress: { percent: 100, completedOn: '2024-06-20', completedOnTime: true } });
    expect((await report(t2, 100, '2025-01-05', lead)).data).toMatchObject({ reportTaskProgress: { completedOn: '2025-01-05', completedOnTime: false } });
    const officer = await stack.token('UNIT_OFFICER', ward);
    const other = await stack.token('UNIT_OFFICER', unit['DNG-SYT']);
    expectRefused(await report(t3, 60, '2024-09-01', officer), 'TASK_REPORT_DATE_FORBIDDEN');
    expectRefused(await report(t3, 60, null, other), 'FORBIDDEN_OTHER_UNIT');
    expectRefused(await report(t3, 160, null, officer), 'TASK_PROGRESS_INVALID');
    const partial = await report(t3, 60, null, officer);
    expect(partial.data).toMatchObject({ reportTaskProgress: { percent: 60, completedOn: null, completedOnTime: null } });
    expectRefused(await report(t3, 80, null, officer), 'VERSION_CONFLICT');
    const d = await ok<{ orgUnit: { taskCompletion: unknown; assignedTasks: Array<{ overdue: boolean; progress: unknown[] }> } }>(
      '{ orgUnit(code: "BMT-P-TAN-AN") { taskCompletion(year: 2024) { year assigned completed completedOnTime rate } assignedTasks(year: 2024) { overdue progress { percent } } } }',
      {},
      officer,
    );
    expect(d.orgUnit.taskCompletion).toEqual({ year: 2024, assigned: 3, completed: 2, completedOnTime: 1, rate: 33.33 });
    expect(d.orgUnit.assignedTasks.map((t) => t.overdue)).toEqual([false, false, true]);
    const anonymous = await ok<{ orgUnit: { taskCompletion: unknown; assignedTasks: unknown[] } }>('{ orgUnit(code: "BMT-P-TAN-AN") { taskCompletion(year: 2024) { rate } assignedTasks { id } } }');
    expect(anonymous.orgUnit).toEqual({ taskCompletion: null, assignedTasks: [] });
  });

  it('restarts verification when the lead agency reopens an assessment, and keeps unpublished ones from other agencies', async () => {
    const framework = (await ok<{ framework: { id: string } }>(`{ framework(code: "KHUNG-${THIS_YEAR}") { id } }`, {}, lead)).framework.id;
    const officer = await stack.token('UNIT_OFFICER', presetId('OrgUnit', 'DNG-STC'));
    let x = (await ok<{ startAssessment: A }>(`mutation($c: ID!, $y: Int!, $u: ID!, $f: ID!) { startAssessment(campaignId: $c, year: $y, unitId: $u, frameworkId: $f) { ${FIELDS} } }`, { c: DN, y: THIS_YEAR, u: presetId('OrgUnit', 'DNG-STC'), f: framework }, officer)).startAssessment;
    for (const [c, v] of [['1.1', { yes: true }], ['1.2', { count: 3 }], ['2.1', { numerator: 1, denominator: 1 }], ['2.2', { points: 15 }]] as const) x = await selfOk(x, c, v, officer);
    x = (await ok<{ submitAssessment: A }>(`mutation($id: ID!, $v: Int!) { submitAssessment(id: $id, expectedVersion: $v) { ${FIELDS} } }`, { id: x.id, v: x.version }, officer)).submitAssessment;
    const homeAffairs = await stack.token('HOME_AFFAIRS');
    expect((await q('query($id: ID!) { assessment(id: $id) { id } }', { id: x.id }, homeAffairs)).data).toEqual({ assessment: null });
    x = (await ok<{ verifyScore: A }>(`mutation($id: ID!, $v: Int!) { verifyScore(assessmentId: $id, expectedVersion: $v, indicatorCode: "2.2", points: 15) { ${FIELDS} } }`, { id: x.id, v: x.version }, lead)).verifyScore;
    expect(x.verifiedTotal).toBe(95);
    x = await step('reopenAssessment', x, `, until: "${shift(3)}"`);
    expect(x.verifiedTotal).toBeNull();
    x = await selfOk(x, '2.2', { points: 20 }, officer);
    x = (await ok<{ submitAssessment: A }>(`mutation($id: ID!, $v: Int!) { submitAssessment(id: $id, expectedVersion: $v) { ${FIELDS} } }`, { id: x.id, v: x.version }, officer)).submitAssessment;
    x = await step('completeVerification', x);
    expect(x).toMatchObject({ status: 'VERIFIED', selfTotal: 100, verifiedTotal: 100 });
  });
});
