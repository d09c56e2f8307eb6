import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { loadGatewayConfig, startGateway } from '@thidua/gateway';
import { startParticipants } from '@thidua/participants';
import { presetId, todayInVietnam } from '@thidua/platform';
import { randomBytes } from 'node:crypto';
import { describeEachDatabase, dropRedisPrefix, errorCodes, gql, gqlOk, isA4, renderDocument, startStack, TEST_REDIS_URL, testJobDrivers, type TestStack } from '@thidua/testing';
import { startScoring } from '../src';
import { frameworkToWorkbook } from '../src/framework/framework.excel';
import type { FrameworkSpec } from '../src/framework/framework.types';

const shift = (days: number) => {
  const d = new Date(`${todayInVietnam()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const YEAR = Number(todayInVietnam().slice(0, 4));
const BMT = presetId('Campaign', 'BMT-CDS-2023-2025');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const MiB = 1024 * 1024;

const spec: FrameworkSpec = {
  code: `KHUNG-HANG-LOAT-${YEAR}`,
  name: `Bộ chỉ số đánh giá chuyển đổi số năm ${YEAR}`,
  year: YEAR,
  jurisdiction: 'Tỉnh Đắk Lắk',
  targetLevel: 'DEPARTMENT',
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
        { code: '1.1', name: 'Ban hành kế hoạch chuyển đổi số năm', maxPoints: 20, ruleType: 'YES_NO', ruleConfig: {}, evidence: null, dataSource: null, verifyingUnit: null, appliesToKinds: null },
        { code: '1.2', name: 'Số lớp tập huấn kỹ năng số', maxPoints: 20, ruleType: 'COUNT_BANDS', ruleConfig: { bands: [{ min: 1, points: 10 }, { min: 3, points: 20 }] }, evidence: null, dataSource: null, verifyingUnit: null, appliesToKinds: null },
      ],
    },
    {
      code: '2',
      name: 'Chính quyền số',
      kind: 'NORMAL',
      groups: [],
      indicators: [
        { code: '2.1', name: 'Tỷ lệ hồ sơ trực tuyến toàn trình', maxPoints: 40, ruleType: 'RATIO', ruleConfig: {}, evidence: null, dataSource: null, verifyingUnit: null, appliesToKinds: null },
        { code: '2.2', name: 'Mức độ sử dụng hệ thống quản lý văn bản', maxPoints: 20, ruleType: 'MANUAL', ruleConfig: {}, evidence: null, dataSource: null, verifyingUnit: null, appliesToKinds: null },
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
};

interface Imp {
  id: string;
  status: string;
  progress: number;
  unitsTotal: number;
  unitsImported: number;
  unitsRejected: number;
  rowsImported: number;
  errorCount: number;
  errors: Array<{ unitName: string | null; sheet: string | null; row: number | null; column: string | null; code: string; message: string; unit: { id: string } | null }>;
}
const IMPORT_FIELDS = 'id status progress unitsTotal unitsImported unitsRejected rowsImported errorCount errors { unitName sheet row column code message unit { id } }';

/** Cell values to type, by unit name and indicator code, in the template's own columns (by header). */
type Fill = Record<string, Record<string, Record<string, string | number>>>;

async function fillTemplate(base64: string, fill: Fill, extraRows: Array<Record<string, string | number>> = []): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const ws = wb.worksheets[0] as ExcelJS.Worksheet;
  const cols = new Map<string, number>();
  ws.getRow(5).eachCell((cell, c) => cols.set(cell.text, c));
  let last = 5;
  ws.eachRow((row, r) => {
    if (r <= 5) return;
    last = r;
    const values = fill[row.getCell(cols.get('Đơn vị') as number).text]?.[row.getCell(cols.get('Mã chỉ số') as number).text];
    for (const [header, v] of Object.entries(values ?? {})) row.getCell(cols.get(header) as number).value = v;
  });
  for (const extra of extraRows) {
    const row = ws.getRow(++last);
    for (const [header, v] of Object.entries(extra)) row.getCell(cols.get(header) as number).value = v;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describeEachDatabase('bulk score import by the lead agency', (db) => {
  let stack: TestStack;
  let lead: string;
  let officer: string;
  const units = { tanAn: presetId('OrgUnit', 'BMT-P-TAN-AN'), eaTam: presetId('OrgUnit', 'BMT-P-EA-TAM'), syt: presetId('OrgUnit', 'DNG-SYT'), snv: presetId('OrgUnit', 'DNG-SNV') };
  const names: Record<keyof typeof units, string> = { tanAn: '', eaTam: '', syt: '', snv: '' };
  const assessment: Record<keyof typeof units, string> = { tanAn: '', eaTam: '', syt: '', snv: '' };
  const ok = <T = Record<string, unknown>>(query: string, v: Record<string, unknown> = {}, token = lead) => gqlOk<T>(stack.url, query, v, token);
  /** Upload through the gateway's /files, as the web page does. */
  const upload = async (name: string, bytes: Buffer, token = lead) => {
    const form = new FormData();
    form.append('file', new Blob([bytes]), name);
    const res = await fetch(`${stack.origin}/files`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, body: (await res.json()) as { id: string; mimeType: string; size: number; errors?: Array<{ message: string; extensions: { code: string } }> } };
  };

  const template = async (kind: string) =>
    (await ok<{ scoreImportTemplate: { name: string; base64: string } }>('query($c: ID!, $y: Int!, $k: ScoreImportKind!) { scoreImportTemplate(campaignId: $c, year: $y, kind: $k) { name base64 } }', { c: BMT, y: YEAR, k: kind })).scoreImportTemplate;
  const start = async (kind: string, file: { base64?: string; fileId?: string; fileName?: string }) =>
    (await ok<{ startScoreImport: { id: string; status: string } }>(
      'mutation($c: ID!, $y: Int!, $k: ScoreImportKind!, $f: ID, $b: String, $n: String) { startScoreImport(campaignId: $c, year: $y, kind: $k, fileId: $f, base64: $b, fileName: $n) { id status } }',
      { c: BMT, y: YEAR, k: kind, f: file.fileId ?? null, b: file.base64 ?? null, n: file.fileName ?? null },
    )).startScoreImport;
  const finished = async (id: string): Promise<Imp> => {
    for (let i = 0; i < 300; i++) {
      const r = (await ok<{ scoreImport: Imp }>(`query($id: ID!) { scoreImport(id: $id) { ${IMPORT_FIELDS} } }`, { id })).scoreImport;
      if (r.status === 'DONE' || r.status === 'FAILED') return r;
      await sleep(100);
    }
    throw new Error('import did not finish');
  };
  const totals = async () => {
    const r = await ok<{ assessments: Array<{ id: string; unitName: string; selfTotal: number; verifiedTotal: number | null; version: number; status: string }> }>(
      'query($c: ID!, $y: Int!) { assessments(campaignId: $c, year: $y) { id unitName selfTotal verifiedTotal version status } }',
      { c: BMT, y: YEAR },
    );
    return new Map(r.assessments.map((a) => [a.id, a]));
  };

  beforeAll(async () => {
    // Small limits, so that the test can cross them: documents 2 MiB, workbooks and .zip files 8 MiB.
    stack = await startStack({
      db,
      subgraphs: { participants: startParticipants, scoring: startScoring },
      gateway: (env) => startGateway(loadGatewayConfig(env)),
      env: { REDIS_URL: '', FILE_MAX_BYTES: String(2 * MiB), IMPORT_FILE_MAX_BYTES: String(8 * MiB) },
    });
    lead = await stack.token('LEAD_AGENCY', undefined, { subject: 'lead' });
    officer = await stack.token('UNIT_OFFICER', units.tanAn, { subject: 'can-bo-tan-an' });
    const imported = await ok<{ importFramework: { framework: { id: string } } }>('mutation($b: String!) { importFramework(base64: $b) { framework { id } } }', {
      b: (await frameworkToWorkbook(spec)).toString('base64'),
    });
    const frameworkId = imported.importFramework.framework.id;
    await ok('mutation($id: ID!) { publishFramework(id: $id) { id } }', { id: frameworkId });
    await ok('mutation($c: ID!, $y: Int!, $o: Date!, $e: Date!) { openScoringPeriod(campaignId: $c, year: $y, selfAssessmentOpens: $o, selfAssessmentCloses: $e) { id } }', { c: BMT, y: YEAR, o: shift(-5), e: shift(5) });
    for (const key of Object.keys(units) as Array<keyof typeof units>) {
      const r = await ok<{ startAssessment: { id: string; unitName: string } }>(
        'mutation($c: ID!, $y: Int!, $u: ID!, $f: ID!) { startAssessment(campaignId: $c, year: $y, unitId: $u, frameworkId: $f) { id unitName } }',
        { c: BMT, y: YEAR, u: units[key], f: frameworkId },
      );
      assessment[key] = r.startAssessment.id;
      names[key] = r.startAssessment.unitName;
    }
  });
  afterAll(() => stack?.close());

  it('refuses every role but the lead agency and the administrator', async () => {
    for (const r of [
      await gql(stack.url, 'query($c: ID!, $y: Int!) { scoreImportTemplate(campaignId: $c, year: $y, kind: SELF_ASSESSMENT) { name } }', { c: BMT, y: YEAR }, officer),
      await gql(stack.url, 'mutation($c: ID!, $y: Int!) { startScoreImport(campaignId: $c, year: $y, kind: SELF_ASSESSMENT, base64: "UEsDBA==") { id } }', { c: BMT, y: YEAR }, officer),
      await gql(stack.url, 'query($c: ID!) { scoreImports(campaignId: $c) { id } }', { c: BMT }, officer),
    ]) {
      expect(errorCodes(r)).toEqual(['FORBIDDEN']);
      expect(r.errors[0]?.message).toMatch(/[À-ỹ]/);
    }
    const admin = await stack.token('ADMIN', undefined, { subject: 'admin' });
    const t = await ok<{ scoreImportTemplate: { name: string } }>('query($c: ID!, $y: Int!) { scoreImportTemplate(campaignId: $c, year: $y, kind: SELF_ASSESSMENT) { name } }', { c: BMT, y: YEAR }, admin);
    expect(t.scoreImportTemplate.name).toBe(`Nhap-diem-tu-danh-gia-${YEAR}.xlsx`);
  });

  it('serves the template as a download through the gateway, to the lead agency and the administrator only', async () => {
    const url = (kind: string, year: number | string = YEAR) => `${stack.origin}/score-imports/template?campaignId=${BMT}&year=${year}&kind=${kind}`;
    const res = await fetch(url('SELF_ASSESSMENT'), { headers: { authorization: `Bearer ${lead}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toContain(`filename="Nhap-diem-tu-danh-gia-${YEAR}.xlsx"`);
    const bytes = Buffer.from(await res.arrayBuffer());
    // The same workbook as the graph's scoreImportTemplate: every unit × applicable indicator.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets[0]?.name).toBe('Điểm tự đánh giá');
    expect((wb.worksheets[0] as ExcelJS.Worksheet).rowCount).toBe(5 + 4 * 5);
    // It prints as the other workbooks do: A4 landscape, one page wide, the header row on every page.
    const setup = (wb.worksheets[0] as ExcelJS.Worksheet).pageSetup;
    expect([setup.paperSize, setup.orientation, setup.fitToPage, setup.fitToWidth, setup.fitToHeight, setup.printTitlesRow]).toEqual([9, 'landscape', true, 1, 0, '5:5']);
    const printed = await renderDocument(Buffer.from(bytes), 'xlsx');
    expect([isA4(printed.pageSize), printed.pageSize.widthPt > printed.pageSize.heightPt]).toEqual([true, true]);
    expect(printed.pageTexts.every((page) => page.includes('Mã chỉ số'))).toBe(true);
    const verified = await fetch(url('VERIFIED'), { headers: { authorization: `Bearer ${lead}` } });
    expect(verified.headers.get('content-disposition')).toContain(`filename="Nhap-diem-tham-dinh-${YEAR}.xlsx"`);
    await verified.arrayBuffer();

    const refused = async (r: Response) => {
      const body = (await r.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
      expect(body.errors[0]?.message).toMatch(/[À-ỹ]/);
      return [r.status, body.errors[0]?.extensions.code];
    };
    expect(await refused(await fetch(url('SELF_ASSESSMENT'), { headers: { authorization: `Bearer ${officer}` } }))).toEqual([403, 'FORBIDDEN']);
    expect(await refused(await fetch(url('SELF_ASSESSMENT')))).toEqual([401, 'UNAUTHENTICATED']);
    expect(await refused(await fetch(url('TU_DANH_GIA'), { headers: { authorization: `Bearer ${lead}` } }))).toEqual([400, 'VALIDATION_FAILED']);
    expect(await refused(await fetch(url('SELF_ASSESSMENT', 'hai nghìn'), { headers: { authorization: `Bearer ${lead}` } }))).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('imports self-assessments of several units from an uploaded workbook; a unit with a bad row changes nothing, the others go in', async () => {
    const t = await template('SELF_ASSESSMENT');
    // The template lists every unit × applicable indicator, prefilled.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(t.base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets[0]?.name).toBe('Điểm tự đánh giá');
    expect((wb.worksheets[0] as ExcelJS.Worksheet).rowCount).toBe(5 + 4 * 5);

    const file = await fillTemplate(
      t.base64,
      {
        [names.tanAn]: { '1.1': { 'Có/Không': 'Có' }, '1.2': { 'Số lượng': 4 }, '2.1': { 'Tử số (a)': 30, 'Mẫu số (b)': 40 }, '2.2': { 'Điểm (chấm tay)': 15 }, '3.1': { 'Có/Không': 'Có', 'Ghi chú': 'Sáng kiến cấp tỉnh' } },
        [names.eaTam]: { '1.1': { 'Có/Không': 'Không' }, '1.2': { 'Số lượng': 1 }, '2.1': { 'Tử số (a)': 10, 'Mẫu số (b)': 10 }, '2.2': { 'Điểm (chấm tay)': 20 } },
        [names.syt]: { '1.1': { 'Có/Không': 'Có' }, '1.2': { 'Số lượng': 'ba lớp' }, '2.1': { 'Tử số (a)': 5, 'Mẫu số (b)': 10 }, '2.2': { 'Điểm (chấm tay)': 25 } },
        [names.snv]: { '1.1': { 'Có/Không': 'Có' }, '1.2': { 'Số lượng': 3 }, '2.1': { 'Tử số (a)': 0, 'Mẫu số (b)': 0 }, '2.2': { 'Điểm (chấm tay)': 10 } },
      },
      [{ 'Đơn vị': 'UBND phường Không Có', 'Mã chỉ số': '1.1', 'Có/Không': 'Có' }],
    );
    // Uploaded as officials do (/files), then imported by the file's id.
    const form = new FormData();
    form.append('file', new Blob([file]), 'Nhap-diem-tu-danh-gia.xlsx');
    const up = (await (await fetch(`${stack.origin}/files`, { method: 'POST', body: form, headers: { authorization: `Bearer ${lead}` } })).json()) as { id: string };
    const started = await start('SELF_ASSESSMENT', { fileId: up.id });
    expect(['QUEUED', 'RUNNING', 'DONE']).toContain(started.status);
    const done = await finished(started.id);
    expect(done).toMatchObject({ status: 'DONE', progress: 100, unitsTotal: 4, unitsImported: 3, unitsRejected: 1, rowsImported: 13 });

    const after = await totals();
    expect(after.get(assessment.tanAn)?.selfTotal).toBe(90);
    expect(after.get(assessment.eaTam)?.selfTotal).toBe(70);
    expect(after.get(assessment.snv)?.selfTotal).toBe(50);
    // Sở Y tế had two bad rows: none of its four rows went in.
    expect(after.get(assessment.syt)?.selfTotal).toBe(0);
    const syt = await ok<{ assessment: { scores: Array<{ selfPoints: number | null }> } }>('query($id: ID!) { assessment(id: $id) { scores { selfPoints } } }', { id: assessment.syt });
    expect(syt.assessment.scores.every((s) => s.selfPoints === null)).toBe(true);

    // Errors per unit and row, in Vietnamese, with stable codes; the unknown unit's row is listed too.
    const sytErrors = done.errors.filter((e) => e.unit?.id === units.syt);
    expect(sytErrors.map((e) => [e.code, e.column])).toEqual([
      ['NOT_A_NUMBER', 'Số lượng'],
      ['SCORE_INVALID', null],
    ]);
    for (const e of sytErrors) {
      expect(e).toMatchObject({ unitName: names.syt, sheet: 'Điểm tự đánh giá' });
      expect(e.row).toBeGreaterThan(5);
      expect(e.message).toMatch(/^Trang "Điểm tự đánh giá", dòng \d+/);
    }
    expect(sytErrors[1]?.message).toContain('Điểm phải trong khoảng 0 – 20');
    expect(done.errors.find((e) => e.code === 'UNIT_NOT_FOUND')).toMatchObject({ unitName: 'UBND phường Không Có', unit: null, column: 'Đơn vị' });
    expect(done.errorCount).toBe(3);

    // Audited as the lead agency's change of each unit's assessment.
    const history = await ok<{ assessment: { history: Array<{ action: string; actorId: string }> } }>('query($id: ID!) { assessment(id: $id) { history { action actorId } } }', { id: assessment.tanAn });
    expect(history.assessment.history).toContainEqual({ action: 'import self-assess', actorId: 'lead' });

    // The same file again changes nothing and is accepted.
    const again = await finished((await start('SELF_ASSESSMENT', { base64: file.toString('base64') })).id);
    expect(again).toMatchObject({ status: 'DONE', unitsImported: 3, unitsRejected: 1 });
    expect((await totals()).get(assessment.tanAn)?.version).toBe(after.get(assessment.tanAn)?.version);
  });

  it('imports a .zip of units\' own self-assessment sheets, the per-unit format', async () => {
    const sheet = await ok<{ assessment: { sheet: { base64: string } } }>('query($id: ID!) { assessment(id: $id) { sheet { base64 } } }', { id: assessment.syt });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(sheet.assessment.sheet.base64, 'base64') as unknown as ArrayBuffer);
    const values: Record<string, Record<number, string | number>> = { '1.1': { 5: 'Có' }, '1.2': { 6: 3 }, '2.1': { 7: 5, 8: 10 }, '2.2': { 9: 10 } };
    (wb.worksheets[0] as ExcelJS.Worksheet).eachRow((row) => {
      for (const [c, v] of Object.entries(values[row.getCell(1).text.trim()] ?? {})) row.getCell(Number(c)).value = v;
    });
    // A real .zip, as a folder is zipped by hand: the unit's sheet in a folder, macOS's metadata, a scan beside it and
    // 3 MiB of other content (over the 2 MiB of documents, within the 8 MiB of import files).
    const zip = new JSZip();
    zip.file('Phieu tu danh gia/So-Y-te.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    zip.file('__MACOSX/Phieu tu danh gia/._So-Y-te.xlsx', Buffer.from('metadata'));
    zip.file('Phieu tu danh gia/ghi-chu.bin', randomBytes(3 * MiB), { compression: 'STORE' });
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(bytes.length).toBeGreaterThan(2 * MiB);
    const up = await upload('Phiếu tự đánh giá các đơn vị.zip', bytes);
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ mimeType: 'application/zip', size: bytes.length });
    const started = await start('SELF_ASSESSMENT', { fileId: up.body.id });
    const done = await finished(started.id);
    expect(done).toMatchObject({ status: 'DONE', unitsTotal: 1, unitsImported: 1, unitsRejected: 0, rowsImported: 4, errors: [] });
    expect((await totals()).get(assessment.syt)?.selfTotal).toBe(70);
    const listed = await ok<{ scoreImports: Array<{ id: string; fileName: string }> }>('query($c: ID!, $y: Int) { scoreImports(campaignId: $c, year: $y) { id fileName } }', { c: BMT, y: YEAR });
    expect(listed.scoreImports.find((i) => i.id === started.id)?.fileName).toBe('Phiếu tự đánh giá các đơn vị.zip');
  });

  it('checks an uploaded .zip by its content and its size, and refuses a zip of something else in Vietnamese', async () => {
    const refusal = (r: Awaited<ReturnType<typeof upload>>) => ({ status: r.status, code: r.body.errors?.[0]?.extensions.code, vietnamese: /[À-ỹ]/.test(r.body.errors?.[0]?.message ?? '') });
    // Named .zip but not one: a PDF, only a zip's first four bytes, an empty archive.
    expect(refusal(await upload('phieu.zip', Buffer.from('%PDF-1.4 không phải tệp nén')))).toEqual({ status: 415, code: 'FILE_TYPE_NOT_ALLOWED', vietnamese: true });
    expect(refusal(await upload('phieu.zip', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(200)])))).toEqual({ status: 415, code: 'FILE_TYPE_NOT_ALLOWED', vietnamese: true });
    expect(refusal(await upload('phieu.zip', await new JSZip().generateAsync({ type: 'nodebuffer' })))).toEqual({ status: 415, code: 'FILE_TYPE_NOT_ALLOWED', vietnamese: true });
    // A zip renamed .pdf is not a PDF.
    const zipped = new JSZip();
    zipped.file('a.txt', 'x');
    const small = await zipped.generateAsync({ type: 'nodebuffer' });
    expect(refusal(await upload('ke-hoach.pdf', small))).toEqual({ status: 415, code: 'FILE_TYPE_NOT_ALLOWED', vietnamese: true });
    // Sizes: a document over its 2 MiB, a .zip over the import files' 8 MiB.
    const bigPdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(3 * MiB, 0x20)]);
    const tooBigPdf = await upload('ke-hoach.pdf', bigPdf);
    expect(refusal(tooBigPdf)).toEqual({ status: 413, code: 'FILE_TOO_LARGE', vietnamese: true });
    expect(tooBigPdf.body.errors?.[0]?.message).toContain('2 MB');
    const huge = new JSZip();
    huge.file('ghi-chu.bin', randomBytes(9 * MiB), { compression: 'STORE' });
    const tooBigZip = await upload('phieu.zip', await huge.generateAsync({ type: 'nodebuffer' }));
    expect(refusal(tooBigZip)).toEqual({ status: 413, code: 'FILE_TOO_LARGE', vietnamese: true });
    expect(tooBigZip.body.errors?.[0]?.message).toContain('8 MB');
    // A real zip without any sheet is accepted by /files and then reported by the import, changing nothing.
    const up = await upload('trong.zip', small);
    expect(up.status).toBe(201);
    const before = await totals();
    const done = await finished((await start('SELF_ASSESSMENT', { fileId: up.body.id })).id);
    expect(done).toMatchObject({ status: 'DONE', unitsTotal: 0, unitsImported: 0, errorCount: 1 });
    expect(done.errors[0]).toMatchObject({ code: 'ZIP_EMPTY', unit: null });
    expect(await totals()).toEqual(before);
    // Verified scores come from the workbook only.
    const verified = await finished((await start('VERIFIED', { fileId: up.body.id })).id);
    expect(verified.errors[0]).toMatchObject({ code: 'ZIP_NOT_FOR_VERIFIED' });
  });

  it('imports verified scores under the verification rules: a reason for every change, points within the max', async () => {
    // Each unit submits its own assessment.
    const current = await totals();
    for (const key of Object.keys(units) as Array<keyof typeof units>) {
      const own = await stack.token('UNIT_OFFICER', units[key], { subject: `can-bo-${key}` });
      await ok('mutation($id: ID!, $v: Int!) { submitAssessment(id: $id, expectedVersion: $v) { id } }', { id: assessment[key], v: current.get(assessment[key])?.version }, own);
    }
    const t = await template('VERIFIED');
    const file = await fillTemplate(t.base64, {
      [names.tanAn]: { '1.1': { 'Điểm thẩm định': 20 }, '2.2': { 'Điểm thẩm định': 10, 'Lý do điều chỉnh': 'Thiếu minh chứng sử dụng hệ thống' } },
      [names.eaTam]: { '1.2': { 'Điểm thẩm định': 10 }, '2.2': { 'Điểm thẩm định': 12 } },
      [names.snv]: { '1.2': { 'Điểm thẩm định': 30, 'Lý do điều chỉnh': 'Sai' } },
    });
    const done = await finished((await start('VERIFIED', { base64: file.toString('base64') })).id);
    expect(done).toMatchObject({ status: 'DONE', progress: 100, unitsTotal: 3, unitsImported: 1, unitsRejected: 2 });
    expect(done.errors.map((e) => [e.unitName, e.code, e.column])).toEqual(
      expect.arrayContaining([
        [names.eaTam, 'ADJUSTMENT_REASON_REQUIRED', 'Lý do điều chỉnh'],
        [names.snv, 'SCORE_INVALID', 'Điểm thẩm định'],
      ]),
    );
    expect(done.errorCount).toBe(2);
    const after = await totals();
    expect(after.get(assessment.tanAn)?.verifiedTotal).toBe(85);
    expect(after.get(assessment.eaTam)?.verifiedTotal).toBeNull();
    expect(after.get(assessment.snv)?.verifiedTotal).toBeNull();
    const scores = await ok<{ assessment: { scores: Array<{ indicator: { code: string }; verifiedPoints: number | null; adjustmentReason: string | null }> } }>(
      'query($id: ID!) { assessment(id: $id) { scores { indicator { code } verifiedPoints adjustmentReason } } }',
      { id: assessment.tanAn },
    );
    expect(scores.assessment.scores.find((s) => s.indicator.code === '2.2')).toEqual({ indicator: { code: '2.2' }, verifiedPoints: 10, adjustmentReason: 'Thiếu minh chứng sử dụng hệ thống' });

    // The verified-score template imported as self-assessments is refused: it has no self-assessment columns.
    const self = await finished((await start('SELF_ASSESSMENT', { base64: (await fillTemplate((await template('VERIFIED')).base64, {})).toString('base64') })).id);
    expect(self.errors[0]?.code).toBe('COLUMNS_MISSING');
  });

  it('reports a file that is not a workbook, and lists the imports of the campaign', async () => {
    const done = await finished((await start('SELF_ASSESSMENT', { base64: Buffer.from('không phải Excel').toString('base64'), fileName: 'sai.xlsx' })).id);
    expect(done).toMatchObject({ status: 'DONE', unitsTotal: 0, unitsImported: 0, errorCount: 1 });
    expect(done.errors[0]).toMatchObject({ code: 'FILE_UNREADABLE', unit: null });
    const list = await ok<{ scoreImports: Array<{ id: string; fileName: string }> }>('query($c: ID!, $y: Int) { scoreImports(campaignId: $c, year: $y) { id fileName } }', { c: BMT, y: YEAR });
    expect(list.scoreImports[0]).toEqual({ id: done.id, fileName: 'sai.xlsx' });
    expect(list.scoreImports.length).toBeGreaterThanOrEqual(5);
  });
});

// With REDIS_URL the import runs on BullMQ (the scoring service's own worker), progress and all.
if (testJobDrivers().includes('bullmq')) {
  describe('bulk score import on BullMQ', () => {
    let stack: TestStack;
    const prefix = `t-scoring-${randomBytes(4).toString('hex')}`;
    beforeAll(async () => {
      stack = await startStack({ db: 'sqlite', subgraphs: { participants: startParticipants, scoring: startScoring }, gateway: (env) => startGateway(loadGatewayConfig(env)), env: { REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix } });
    });
    afterAll(async () => {
      await stack?.close();
      await dropRedisPrefix(prefix);
    });

    it('imports a unit\'s self-assessment through the queue', async () => {
      const lead = await stack.token('LEAD_AGENCY', undefined, { subject: 'lead' });
      const ok = <T = Record<string, unknown>>(query: string, v: Record<string, unknown> = {}) => gqlOk<T>(stack.url, query, v, lead);
      const f = await ok<{ importFramework: { framework: { id: string } } }>('mutation($b: String!) { importFramework(base64: $b) { framework { id } } }', { b: (await frameworkToWorkbook(spec)).toString('base64') });
      await ok('mutation($id: ID!) { publishFramework(id: $id) { id } }', { id: f.importFramework.framework.id });
      await ok('mutation($c: ID!, $y: Int!, $o: Date!, $e: Date!) { openScoringPeriod(campaignId: $c, year: $y, selfAssessmentOpens: $o, selfAssessmentCloses: $e) { id } }', { c: BMT, y: YEAR, o: shift(-5), e: shift(5) });
      const a = await ok<{ startAssessment: { id: string; unitName: string } }>('mutation($c: ID!, $y: Int!, $u: ID!, $f: ID!) { startAssessment(campaignId: $c, year: $y, unitId: $u, frameworkId: $f) { id unitName } }', {
        c: BMT,
        y: YEAR,
        u: presetId('OrgUnit', 'BMT-P-TAN-AN'),
        f: f.importFramework.framework.id,
      });
      const t = await ok<{ scoreImportTemplate: { base64: string } }>('query($c: ID!, $y: Int!) { scoreImportTemplate(campaignId: $c, year: $y, kind: SELF_ASSESSMENT) { base64 } }', { c: BMT, y: YEAR });
      const file = await fillTemplate(t.scoreImportTemplate.base64, { [a.startAssessment.unitName]: { '1.1': { 'Có/Không': 'Có' }, '2.2': { 'Điểm (chấm tay)': 12 } } });
      const started = await ok<{ startScoreImport: { id: string } }>('mutation($c: ID!, $y: Int!, $b: String) { startScoreImport(campaignId: $c, year: $y, kind: SELF_ASSESSMENT, base64: $b) { id } }', { c: BMT, y: YEAR, b: file.toString('base64') });
      let done: Imp | null = null;
      for (let i = 0; i < 300 && !done; i++) {
        const r = (await ok<{ scoreImport: Imp }>(`query($id: ID!) { scoreImport(id: $id) { ${IMPORT_FIELDS} } }`, { id: started.startScoreImport.id })).scoreImport;
        if (r.status === 'DONE' || r.status === 'FAILED') done = r;
        else await sleep(100);
      }
      expect(done).toMatchObject({ status: 'DONE', progress: 100, unitsImported: 1, unitsRejected: 0, rowsImported: 2 });
      const after = await ok<{ assessment: { selfTotal: number } }>('query($id: ID!) { assessment(id: $id) { selfTotal } }', { id: a.startAssessment.id });
      expect(after.assessment.selfTotal).toBe(32);
    });
  });
}
