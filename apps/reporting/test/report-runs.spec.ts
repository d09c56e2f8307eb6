import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { startAwards } from '@thidua/awards';
import { loadGatewayConfig, startGateway } from '@thidua/gateway';
import { startParticipants } from '@thidua/participants';
import { createLogger, loadPlatformConfig, openDatabase, presetId } from '@thidua/platform';
import { startScoring } from '@thidua/scoring';
import { describeEachDatabase, docxText, errorCodes, gql, gqlOk, isA4, renderDocument, startProvinceReceiver, startSmtpSink, startStack, type TestStack } from '@thidua/testing';
import { startReporting } from '../src';
import { verifySignature } from '../src/delivery/delivery.rules';

const SECRET = 'khoa-bi-mat-chung-voi-tinh-dak-lak-2024';

const BMT = presetId('Campaign', 'BMT-CDS-2023-2025');
const SUMMARY = presetId('ReportDefinition', 'BMT-BC-TONG-HOP');
type Run = {
  id: string;
  status: string;
  progress: number;
  period: string;
  error: string | null;
  documents: Array<{ name: string; mimeType: string; base64: string }>;
  deliveries: Array<{ channel: string; status: string; attempts: number; history: Array<{ ok: boolean; detail: string }> }>;
};
const RUN = 'id status progress period error documents { name mimeType base64 } deliveries { channel status attempts history { ok detail } }';

/** The row of a sheet's table header: the row printed on every page. */
const headerRowOf = (ws: ExcelJS.Worksheet | undefined) => Number(ws?.pageSetup.printTitlesRow?.split(':')[0] ?? 1);
/** The rows of a sheet's table, under its header. */
const tableRows = (ws: ExcelJS.Worksheet | undefined) => (ws ? (ws.getRows(headerRowOf(ws) + 1, Math.max(0, ws.rowCount - headerRowOf(ws))) ?? []) : []);

/**
 * A report workbook as an officer prints it: every sheet on A4, one page wide, its header row repeated; rows of
 * wrapped text as tall as their text; no percentage, figure or date written as text; no code in place of a label.
 */
function expectPrintable(wb: ExcelJS.Workbook) {
  const textFigures: string[] = [];
  const codes: string[] = [];
  const unsized: string[] = [];
  for (const ws of wb.worksheets) {
    expect([ws.name, ws.pageSetup.paperSize, ws.pageSetup.fitToPage, ws.pageSetup.fitToWidth, ws.pageSetup.fitToHeight]).toEqual([ws.name, 9, true, 1, 0]);
    expect(ws.pageSetup.printTitlesRow).toMatch(/^\d+:\d+$/);
    ws.eachRow((row) => {
      let wraps = false;
      row.eachCell((cell) => {
        if (cell.alignment?.wrapText) wraps = true;
        if (typeof cell.value !== 'string') return;
        if (/^-?[\d.,]+%?$|^\d{2}\/\d{2}\/\d{4}$|^\d{4}-\d{2}-\d{2}$/.test(cell.value)) textFigures.push(`${ws.name}!${cell.address}: ${cell.value}`);
        if (/\b[A-Z]+_[A-Z_]+\b/.test(cell.value)) codes.push(`${ws.name}!${cell.address}: ${cell.value}`);
      });
      if (wraps && !(Number(row.height) > 0)) unsized.push(`${ws.name}!${row.number}`);
    });
  }
  expect({ textFigures, codes, unsized }).toEqual({ textFigures: [], codes: [], unsized: [] });
}

/** Wait until a condition holds (polling; never a timing assertion). */
async function until<T>(get: () => Promise<T>, ok: (v: T) => boolean, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await get();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`condition not met in time: ${JSON.stringify(v).slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describeEachDatabase('report runs on demand (embedded jobs)', (db) => {
  let stack: TestStack;
  let lead: string;
  let province: Awaited<ReturnType<typeof startProvinceReceiver>>;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  beforeAll(async () => {
    province = await startProvinceReceiver({ verify: (h, body) => verifySignature(SECRET, String(h['x-thidua-timestamp']), body, String(h['x-thidua-signature'])) });
    smtp = await startSmtpSink();
    stack = await startStack({
      db,
      subgraphs: { participants: startParticipants, scoring: startScoring, awards: startAwards, reporting: startReporting },
      gateway: (env) => startGateway(loadGatewayConfig(env)),
      env: { REDIS_URL: '', PROVINCE_ENDPOINT: province.url, PROVINCE_HMAC_SECRET: SECRET, SMTP_URL: smtp.url, PROVINCE_EMAIL: 'vanthu@daklak.gov.vn' },
    });
    lead = await stack.token('LEAD_AGENCY', undefined, { subject: 'vhtt' });
  });
  afterAll(async () => {
    await stack?.close();
    await province?.close();
    await smtp?.close();
  });

  it('builds the city summary of a year from every subgraph as Excel and Word, once per period', async () => {
    // A ward's report, received on time: the summary counts it.
    const tanAn = presetId('OrgUnit', 'BMT-P-TAN-AN');
    const saved = await gqlOk<{ saveUnitReport: { id: string; version: number } }>(
      stack.url,
      'mutation($i: UnitReportInput!) { saveUnitReport(input: $i) { id version } }',
      { i: { campaignId: BMT, year: 2024, unitId: tanAn, values: [{ code: 'KE_HOACH_PHAT_DONG', value: 'có' }, { code: 'VAN_BAN_KY_SO', value: '95' }, { code: 'SANG_KIEN', value: '2' }, { code: 'KET_QUA_NOI_BAT', value: 'Tổ công nghệ số ở mọi tổ dân phố.' }] } },
      lead,
    );
    await gqlOk(stack.url, 'mutation($id: ID!, $v: Int!) { submitUnitReport(id: $id, expectedVersion: $v, receivedOn: "2024-12-05") { id } }', { id: saved.saveUnitReport.id, v: saved.saveUnitReport.version }, lead);

    const defs = await gqlOk<{ campaign: { reportDefinitions: Array<{ id: string; code: string; schedule: { pattern: string; tz: string; enabled: boolean } }> } }>(
      stack.url,
      '{ campaign(code: "BMT-CDS-2023-2025") { reportDefinitions { id code schedule { pattern tz enabled } } } }',
      {},
      lead,
    );
    expect(defs.campaign.reportDefinitions.map((d) => d.code)).toEqual(['BMT-BC-DON-VI', 'BMT-BC-TINH', 'BMT-BC-TONG-HOP', 'BMT-SO-KET', 'BMT-TONG-KET']);
    expect(defs.campaign.reportDefinitions.find((d) => d.code === 'BMT-BC-TONG-HOP')).toEqual({ id: SUMMARY, code: 'BMT-BC-TONG-HOP', schedule: { pattern: '0 8 13 12 *', tz: 'Asia/Ho_Chi_Minh', enabled: true } });

    // Years outside the campaign are refused.
    expect(errorCodes(await gql(stack.url, 'mutation($d: ID!) { requestReportRun(definitionId: $d, year: 2099) { id } }', { d: SUMMARY }, lead))).toEqual(['REPORT_PERIOD_INVALID']);
    const request = () => gql<{ requestReportRun: { id: string; period: string } }>(stack.url, 'mutation($d: ID!) { requestReportRun(definitionId: $d, year: 2024) { id period } }', { d: SUMMARY }, lead);
    expect(errorCodes(await gql(stack.url, 'mutation($d: ID!) { requestReportRun(definitionId: $d, year: 2024) { id } }', { d: SUMMARY }, await stack.token('UNIT_OFFICER', tanAn)))).toEqual(['FORBIDDEN']);
    const first = (await request()).data?.requestReportRun;
    const second = (await request()).data?.requestReportRun;
    expect(second?.id).toBe(first?.id);

    const run = await until(
      async () => (await gqlOk<{ reportRun: Run }>(stack.url, `query($id: ID!) { reportRun(id: $id) { ${RUN} } }`, { id: first?.id }, lead)).reportRun,
      (r) => r.status === 'FAILED' || (r.status === 'SUCCEEDED' && r.deliveries.length === 2 && r.deliveries.every((d) => d.status !== 'PENDING')),
    );
    expect(run).toMatchObject({ status: 'SUCCEEDED', progress: 100, period: '2024', error: null });
    expect(run.documents.map((d) => d.name)).toEqual(['Ket-qua-thuc-hien-Phong-trao-thi-dua-Chuyen-doi-so-2024.docx', 'Ket-qua-thuc-hien-Phong-trao-thi-dua-Chuyen-doi-so-2024.xlsx']);

    const docx = await docxText(run.documents.find((d) => d.name.endsWith('.docx'))?.base64 ?? '');
    for (const phrase of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      // Dated today: issued by the agency in force today, Phòng Văn hóa và Thông tin's successor since 1/7/2025.
      'UBND TỈNH ĐẮK LẮK',
      'SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH ĐẮK LẮK',
      'BÁO CÁO',
      'Kết quả thực hiện Phong trào thi đua Chuyển đổi số năm 2024',
      // To the plan's issuer through Nội vụ as in force today: the province since the district-level city ended.
      'Kính gửi: UBND tỉnh Đắk Lắk (qua Sở Nội vụ tỉnh Đắk Lắk).',
      'III. CHẾ ĐỘ BÁO CÁO CỦA ĐƠN VỊ',
      'UBND phường',
    ]) {
      expect(docx).toContain(phrase);
    }
    expect(docx).toMatch(/Báo cáo kết quả năm 2024 \(hạn 10\/12\/2024\): 1\/\d+ đơn vị đã gửi/);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(run.documents.find((d) => d.name.endsWith('.xlsx'))?.base64 ?? '', 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Kế hoạch phát động', 'Xếp hạng', 'Báo cáo đơn vị', 'Chưa gửi báo cáo', 'Khen thưởng']);
    const rates = wb.getWorksheet('Báo cáo đơn vị');
    const header = rates?.getRow(headerRowOf(rates)).values as unknown[];
    expect(header.slice(1)).toEqual(['Loại đơn vị', 'Phải báo cáo', 'Đã gửi', 'Đúng hạn', 'Muộn', 'Tỷ lệ đã gửi', 'Tỷ lệ đúng hạn']);
    const wardRow = tableRows(rates).find((r) => r.getCell(1).value === 'UBND phường');
    expect([wardRow?.getCell(3).value, wardRow?.getCell(4).value, wardRow?.getCell(5).value]).toEqual([1, 1, 0]);
    // Percentages are numbers shown as such (a fraction, 0,0%–100,0%), not text.
    expect(wardRow?.getCell(6).type).toBe(ExcelJS.ValueType.Number);
    expect(wardRow?.getCell(6).numFmt).toMatch(/%$/);
    expect(wardRow?.getCell(6).value).toBeLessThanOrEqual(1);
    // The summary sheet is label and value: the deadline a date, the counts numbers.
    const summary = wb.getWorksheet('Tổng hợp');
    const figure = (label: string) => tableRows(summary).find((r) => r.getCell(1).value === label)?.getCell(2);
    expect(figure('Hạn gửi báo cáo')?.value).toEqual(new Date('2024-12-10T00:00:00Z'));
    expect(figure('Hạn gửi báo cáo')?.numFmt).toBe('dd/mm/yyyy');
    expect(figure('Đơn vị đã gửi báo cáo')?.value).toBe(1);
    // The units that have not sent theirs: counted on the summary, listed one a row on their own sheet.
    const missing = tableRows(wb.getWorksheet('Chưa gửi báo cáo'));
    expect(figure('Đơn vị chưa gửi báo cáo')?.value).toBe(missing.length);
    expect(missing.map((r) => r.getCell(2).value)).toContain('UBND phường Ea Tam');
    expectPrintable(wb);
    // Printed: A4, each sheet on one page for the seed's units, figures as Vietnamese read them, nothing cut.
    const xlsx = await renderDocument(Buffer.from(run.documents.find((d) => d.name.endsWith('.xlsx'))?.base64 ?? '', 'base64'), 'xlsx');
    expect(isA4(xlsx.pageSize)).toBe(true);
    expect(xlsx.pages).toBe(wb.worksheets.length);
    expect(xlsx.text).toContain('10/12/2024');
    expect(xlsx.text).toMatch(/\d,\d%/);
    expect(xlsx.text).not.toMatch(/\d\.\d%/);
    const word = await renderDocument(Buffer.from(run.documents.find((d) => d.name.endsWith('.docx'))?.base64 ?? '', 'base64'), 'docx');
    expect(isA4(word.pageSize)).toBe(true);
    expect(word.pages).toBeLessThanOrEqual(3);
    expect(word.text).not.toMatch(/\d\.\d+%/);

    // Delivered to the province once over each channel: a signed POST and an e-mail, each attempt recorded.
    expect(run.deliveries.map((d) => [d.channel, d.status, d.attempts, d.history.map((h) => h.ok)])).toEqual([
      ['EMAIL', 'SENT', 1, [true]],
      ['HTTP', 'SENT', 1, [true]],
    ]);
    expect(province.stats()).toEqual({ posts: 1, refused: 0, unique: 1 });
    const posted = [...province.accepted.values()][0]?.body;
    expect(posted?.report).toMatchObject({ code: 'BMT-BC-TONG-HOP', period: '2024' });
    expect(posted?.documents.map((d) => d.name).sort()).toEqual(run.documents.map((d) => d.name).sort());
    expect(await docxText(posted?.documents.find((d) => d.name.endsWith('.docx'))?.base64 ?? '')).toContain('III. CHẾ ĐỘ BÁO CÁO CỦA ĐƠN VỊ');
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]).toMatchObject({ to: 'vanthu@daklak.gov.vn', subject: '[Thi đua chuyển đổi số] Kết quả thực hiện Phong trào thi đua Chuyển đổi số năm 2024' });
    expect(smtp.mails[0]?.attachments.map((a) => a.filename).sort()).toEqual(run.documents.map((d) => d.name).sort());

    // In the embedded default the schedules run in-process too: the test sets ĐN's to every second.
    const dn = presetId('ReportDefinition', 'DN-BC-TONG-HOP');
    await gqlOk(stack.url, 'mutation($d: ID!) { setReportSchedule(definitionId: $d, pattern: "* * * * * *") { id } }', { d: dn }, lead);
    const scheduled = await until(
      async () => (await gqlOk<{ campaign: { reportDefinitions: Array<{ code: string; runs: Array<{ status: string; trigger: string }> }> } }>(stack.url, '{ campaign(code: "DN-CDS-2021-2030") { reportDefinitions { code runs { status trigger } } } }', {}, lead)).campaign.reportDefinitions.find((d) => d.code === 'DN-BC-TONG-HOP')?.runs ?? [],
      (r) => r.some((x) => x.status === 'SUCCEEDED'),
    );
    await gqlOk(stack.url, 'mutation($d: ID!) { setReportSchedule(definitionId: $d, pattern: "0 8 15 12 *") { id } }', { d: dn }, lead);
    expect(scheduled).toEqual([{ status: 'SUCCEEDED', trigger: 'SCHEDULE' }]);

    // Asked again after it finished: still the one run.
    expect((await request()).data?.requestReportRun.id).toBe(first?.id);
    const runs = await gqlOk<{ campaign: { reportDefinitions: Array<{ code: string; runs: Array<{ id: string }> }> } }>(stack.url, '{ campaign(code: "BMT-CDS-2023-2025") { reportDefinitions { code runs { id } } } }', {}, lead);
    expect(runs.campaign.reportDefinitions.find((d) => d.code === 'BMT-BC-TONG-HOP')?.runs).toHaveLength(1);

    // The roll-up of the units' reports for the lead agency: each unit's figures and the totals.
    const rollupId = presetId('ReportDefinition', 'BMT-BC-DON-VI');
    const rollupRun = (await gqlOk<{ requestReportRun: { id: string } }>(stack.url, 'mutation($d: ID!) { requestReportRun(definitionId: $d, year: 2024) { id } }', { d: rollupId }, lead)).requestReportRun;
    const rollup = await until(
      async () => (await gqlOk<{ reportRun: Run }>(stack.url, `query($id: ID!) { reportRun(id: $id) { ${RUN} } }`, { id: rollupRun.id }, lead)).reportRun,
      (r) => r.status === 'SUCCEEDED' || r.status === 'FAILED',
    );
    expect(rollup.status).toBe('SUCCEEDED');
    expect(rollup.deliveries).toEqual([]);
    const rwb = new ExcelJS.Workbook();
    await rwb.xlsx.load(Buffer.from(rollup.documents.find((d) => d.name.endsWith('.xlsx'))?.base64 ?? '', 'base64') as unknown as ArrayBuffer);
    const figures = rwb.getWorksheet('Số liệu đơn vị');
    const top = headerRowOf(figures);
    expect((figures?.getRow(top).values as unknown[]).slice(1, 6)).toEqual(['Đơn vị', 'Ngày gửi', 'Đúng hạn', 'Đã ban hành kế hoạch phát động phong trào thi đua chuyển đổi số của đơn vị', 'Tỷ lệ văn bản đi được ký số, gửi nhận trên môi trường mạng']);
    // The date a date, the percentage a fraction shown as 95,0%.
    expect((figures?.getRow(top + 1).values as unknown[]).slice(1, 6)).toEqual(['UBND phường Tân An', new Date('2024-12-05T00:00:00Z'), 'Đúng hạn', 'Có', 0.95]);
    expect([figures?.getRow(top + 1).getCell(2).numFmt, figures?.getRow(top + 1).getCell(5).numFmt]).toEqual(['dd/mm/yyyy', expect.stringMatching(/0\.0#?%$/)]);
    expect((figures?.getRow(top + 2).values as unknown[]).slice(1, 6)).toEqual(['Tổng hợp', undefined, '1/1', '1/1 có', 0.95]);
    expectPrintable(rwb);
    expect(await docxText(rollup.documents.find((d) => d.name.endsWith('.docx'))?.base64 ?? '')).toContain('UBND phường Tân An – Kết quả nổi bật, mô hình, cách làm hay: Tổ công nghệ số ở mọi tổ dân phố.');
    // The Word document as printed: A4, the table's date whole on one line, the percentage as Vietnamese write it.
    const rollupWord = await renderDocument(Buffer.from(rollup.documents.find((d) => d.name.endsWith('.docx'))?.base64 ?? '', 'base64'), 'docx');
    expect(isA4(rollupWord.pageSize)).toBe(true);
    expect(rollupWord.text).toContain('05/12/2024');
    expect(rollupWord.text).toContain('95%');
    const rollupSheet = await renderDocument(Buffer.from(rollup.documents.find((d) => d.name.endsWith('.xlsx'))?.base64 ?? '', 'base64'), 'xlsx');
    expect([isA4(rollupSheet.pageSize), rollupSheet.pages]).toEqual([true, rwb.worksheets.length]);
    expect(rollupSheet.text).toContain('95,0%');
  });

  it('builds the same year counted by today’s units: each merged unit once, with its parts, and says so in the document', async () => {
    // Published 2024 results of two units that formed phường Tân An on 1/7/2025, written straight into scoring's database.
    const [tanAn, eaTu] = [presetId('OrgUnit', 'BMT-P-TAN-AN'), presetId('OrgUnit', 'BMT-X-EA-TU')];
    const scoring = await openDatabase({ config: loadPlatformConfig('scoring', 0, { NODE_ENV: 'test', ...(stack.subgraphEnvs.scoring ?? {}) }), logger: createLogger('test', 'silent'), entities: [], migrations: { mysql: [], sqlite: [] } });
    try {
      const columns = 'id, campaign_id, period_id, unit_id, unit_kind, unit_name, framework_id, year, status, max_points, self_total, verified_total, version';
      await scoring.manager.query(`INSERT INTO assessment (${columns}) VALUES (${Array(13).fill('?').join(', ')}), (${Array(13).fill('?').join(', ')})`, [
        ...[randomUUID(), BMT, randomUUID(), tanAn, 'WARD_PC', 'UBND phường Tân An', randomUUID(), 2024, 'PUBLISHED', 100, 80, 80, 1],
        ...[randomUUID(), BMT, randomUUID(), eaTu, 'COMMUNE_PC', 'UBND xã Ea Tu', randomUUID(), 2024, 'PUBLISHED', 100, 60, 60, 1],
      ]);
    } finally {
      await scoring.close();
    }
    const requested = await gqlOk<{ requestReportRun: { id: string; boundary: string; asOf: string } }>(
      stack.url,
      'mutation($d: ID!) { requestReportRun(definitionId: $d, year: 2024, boundary: SUCCESSORS, asOf: "2026-01-01") { id boundary asOf } }',
      { d: SUMMARY },
      lead,
    );
    expect(requested.requestReportRun).toMatchObject({ boundary: 'SUCCESSORS', asOf: '2026-01-01' });
    const run = await until(
      async () => (await gqlOk<{ reportRun: Run }>(stack.url, `query($id: ID!) { reportRun(id: $id) { ${RUN} } }`, { id: requested.requestReportRun.id }, lead)).reportRun,
      (r) => r.status === 'FAILED' || r.status === 'SUCCEEDED',
    );
    expect(run).toMatchObject({ status: 'SUCCEEDED', error: null });
    expect(run.documents.map((d) => d.name)).toEqual([
      'Ket-qua-thuc-hien-Phong-trao-thi-dua-Chuyen-doi-so-2024-quy-ve-don-vi-ngay-2026-01-01.docx',
      'Ket-qua-thuc-hien-Phong-trao-thi-dua-Chuyen-doi-so-2024-quy-ve-don-vi-ngay-2026-01-01.xlsx',
    ]);
    const docx = await docxText(run.documents.find((d) => d.name.endsWith('.docx'))?.base64 ?? '');
    expect(docx).toContain('Số liệu trong báo cáo được quy về các cơ quan, đơn vị, địa phương đang tồn tại ngày 01/01/2026');
    // The units expected on 10/12/2024 are, on 1/1/2026, the six wards and commune formed on 1/7/2025 (the offices ended
    // without carrying on): phường Tân An sent its report through the ward of the same name.
    expect(docx).toMatch(/Báo cáo kết quả năm 2024 \(hạn 10\/12\/2024\): 1\/6 đơn vị đã gửi/);
    expect(docx).toContain('Kế hoạch phát động của đơn vị: 0/6 đơn vị đã ban hành');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(run.documents.find((d) => d.name.endsWith('.xlsx'))?.base64 ?? '', 'base64') as unknown as ArrayBuffer);
    const ranking = wb.getWorksheet('Xếp hạng');
    expect((ranking?.getRow(headerRowOf(ranking)).values as unknown[]).slice(1)).toEqual(['Hạng', 'Đơn vị', 'Loại đơn vị', 'Điểm', 'Điểm tối đa', 'Tỷ lệ', 'Xếp loại', 'Gồm các đơn vị (điểm riêng)']);
    expectPrintable(wb);
    const row = tableRows(ranking).find((r) => r.getCell(2).text === 'UBND phường Tân An');
    expect([row?.getCell(4).value, row?.getCell(8).text]).toEqual([70, 'UBND phường Tân An (80/100 điểm); UBND xã Ea Tu (60/100 điểm)']);

    // The same year as the units were: its own run, which says so.
    const asWas = await gqlOk<{ requestReportRun: { id: string; boundary: string; asOf: string | null } }>(stack.url, 'mutation($d: ID!) { requestReportRun(definitionId: $d, year: 2024) { id boundary asOf } }', { d: SUMMARY }, lead);
    expect(asWas.requestReportRun).toMatchObject({ boundary: 'AS_WAS', asOf: null });
    expect(asWas.requestReportRun.id).not.toBe(requested.requestReportRun.id);
  });
});
