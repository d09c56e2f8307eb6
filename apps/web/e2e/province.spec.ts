import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Browser } from 'playwright-core';
import { presetId } from '@thidua/platform';
import { startProvinceReceiver } from '@thidua/testing';
import { createAccount, signIn } from './support/accounts';
import { chooseOption, JourneyPage, launchChromium } from './support/browser';
import { BMT, recordParticipation, wardsOf } from './support/seed';
import { startWebStack } from './support/web-stack';

const YEAR = 2024;
const SECRET = 'khoa-ky-bao-cao-gui-tinh-dak-lak-2026-thu-nghiem';
const PROVINCE_REPORT = presetId('ReportDefinition', 'BMT-BC-TINH');
const REPORT_NAME = 'Kết quả thực hiện Phong trào thi đua Chuyển đổi số trên địa bàn thành phố Buôn Ma Thuột';

const CITY = 'UBND thành phố Buôn Ma Thuột';

/** The last post the stand-in accepted, as it came over the wire: relayed to the province's own inbox below. */
let lastSigned: { headers: IncomingHttpHeaders; body: string } | null = null;

/** The province's receiving end checks the signature as a real one would (HMAC of "timestamp.body"). */
function verify(h: IncomingHttpHeaders, body: string): boolean {
  const expected = Buffer.from(`sha256=${createHmac('sha256', SECRET).update(`${String(h['x-thidua-timestamp'])}.${body}`).digest('hex')}`);
  const given = Buffer.from(String(h['x-thidua-signature'] ?? ''));
  const ok = expected.length === given.length && timingSafeEqual(expected, given);
  if (ok) lastSigned = { headers: h, body };
  return ok;
}

type Run = { id: string; status: string; deliveries: Array<{ id: string; status: string; attempts: number }> };

/** Wait until a condition holds (polling; never a timing assertion). */
async function until<T>(get: () => Promise<T>, ok: (v: T) => boolean, ms = 90_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await get();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`condition not met in time: ${JSON.stringify(v).slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('the province reads the city summary it received', () => {
  let stack: Awaited<ReturnType<typeof startWebStack>>;
  let browser: Browser;
  let province: Awaited<ReturnType<typeof startProvinceReceiver>>;

  beforeAll(async () => {
    // The province's server is down for the first post; a delivery tries once, so the lead agency sends it again.
    province = await startProvinceReceiver({ verify, unavailableFirst: 1 });
    // This deployment is also the province's: its inbox accepts Buôn Ma Thuột's reports signed with the shared key.
    stack = await startWebStack({
      PROVINCE_ENDPOINT: province.url,
      PROVINCE_HMAC_SECRET: SECRET,
      PROVINCE_SENDER_CODE: 'BMT',
      INBOX_SENDERS: JSON.stringify({ BMT: { name: CITY, secret: SECRET } }),
      DELIVERY_ATTEMPTS: '1',
    });
    browser = await launchChromium();
    // Ten wards of 2024, six of which sent their yearly report (the last one late), recorded by the lead agency.
    const units = (await wardsOf(stack.call, `${YEAR}-12-31`)).slice(0, 10);
    await recordParticipation(stack, stack.call, BMT, YEAR, units, { registered: 0, plans: 0, reports: 6 });
    const lead = await stack.token('LEAD_AGENCY', undefined, { subject: 'seed-lead' });
    const { requestReportRun } = await stack.call<{ requestReportRun: { id: string } }>('mutation($d: ID!, $y: Int!) { requestReportRun(definitionId: $d, year: $y) { id } }', { d: PROVINCE_REPORT, y: YEAR }, lead);
    const runOf = async () => (await stack.call<{ reportRun: Run }>('query($id: ID!) { reportRun(id: $id) { id status deliveries { id status attempts } } }', { id: requestReportRun.id }, lead)).reportRun;
    const failed = await until(runOf, (r) => r.status === 'FAILED' || r.deliveries[0]?.status === 'FAILED');
    expect(failed.status).toBe('SUCCEEDED');
    await stack.call('mutation($id: ID!) { retryDelivery(id: $id) { id } }', { id: failed.deliveries[0]?.id }, lead);
    await until(runOf, (r) => r.deliveries[0]?.status === 'SENT');
    expect(province.stats()).toMatchObject({ refused: 0, unique: 1 });
    // The same signed post, relayed as it came to the province's inbox over HTTP (what the city's system sends when
    // the province runs thidua): checked against the sender's key and filed.
    const signed = lastSigned as unknown as { headers: IncomingHttpHeaders; body: string };
    const pick = (h: string) => String(signed.headers[h] ?? '');
    const filed = await fetch(`${stack.origin}/inbox/reports`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-thidua-sender': pick('x-thidua-sender'),
        'x-thidua-timestamp': pick('x-thidua-timestamp'),
        'x-thidua-signature': pick('x-thidua-signature'),
        'idempotency-key': pick('idempotency-key'),
      },
      body: signed.body,
    });
    expect(filed.status).toBe(200);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
    await province?.close();
  });

  it('finds the report with its documents, the signed delivery attempt by attempt, and how the units reported', async () => {
    const account = await createAccount(stack, { username: 'tinh.daklak', displayName: 'Văn phòng UBND tỉnh Đắk Lắk', roles: ['PROVINCE'], orgUnitId: presetId('OrgUnit', 'DLK') });
    const j = await JourneyPage.open(browser, stack.origin, 'tinh');
    await j.run(async () => {
      const { page } = j;
      await signIn(j, account);
      // The province starts on the reports it received; its menu entry says so.
      await page.waitForURL((u) => u.pathname === '/tinh');
      await page.locator('header').getByRole('link', { name: 'Báo cáo nhận được' }).waitFor();
      await page.getByRole('heading', { name: 'Báo cáo nhận được' }).waitFor();
      await chooseOption(page, page.getByRole('combobox', { name: 'Năm' }), `Năm ${YEAR}`);
      await page.waitForURL((u) => u.searchParams.get('nam') === String(YEAR));

      const sentCard = page.locator('.ant-card', { hasText: `Báo cáo gửi tỉnh năm ${YEAR}` });
      const run = sentCard.locator('tr', { hasText: REPORT_NAME });
      await run.getByText('Đã lập xong').waitFor();
      await run.getByText('Gửi qua hệ thống: Đã gửi').waitFor();
      // The delivery: sent on the second try, the signature checked and accepted by the province's server.
      const delivery = page.locator('tr', { hasText: province.url });
      await delivery.getByText('Có chữ ký, nơi nhận đã kiểm tra và tiếp nhận').waitFor();
      await delivery.getByRole('cell', { name: '2', exact: true }).waitFor();
      await delivery.locator('.ant-table-row-expand-icon').click();
      await page.getByText('Nơi nhận không tiếp nhận (mã trả lời 503)').waitFor();
      await page.getByText('Nơi nhận đã tiếp nhận (mã trả lời 200)').waitFor();
      await j.check('bao-cao-nhan-duoc', [new RegExp(province.url.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))]);

      // The Word document of the report, as filed.
      const [docx] = await Promise.all([page.waitForEvent('download'), run.getByRole('button', { name: 'Tải Word' }).click()]);
      expect(docx.suggestedFilename()).toMatch(/\.docx$/);
      const xml = (await (await JSZip.loadAsync(readFileSync(await docx.path()))).file('word/document.xml')?.async('string')) ?? '';
      expect(xml).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');

      // The list of received reports with their deliveries, as a workbook.
      const [xlsx] = await Promise.all([page.waitForEvent('download'), sentCard.getByRole('button', { name: 'Tải Excel' }).click()]);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(await xlsx.path()) as unknown as ArrayBuffer);
      const ws = wb.worksheets[0];
      expect((ws?.getRow(3).values as unknown[]).slice(1, 4)).toEqual(['Báo cáo', 'Loại báo cáo', 'Kỳ']);
      expect(ws?.getRow(4).getCell(1).value).toBe(REPORT_NAME);
      expect(ws?.getRow(4).getCell(12).value).toBe('Có chữ ký, nơi nhận đã kiểm tra và tiếp nhận');

      // The units under the city: six reports sent, one of them late; the chart and the units still missing.
      const units = page.locator('.ant-card', { hasText: `Tình hình báo cáo của các đơn vị năm ${YEAR}` });
      await units.getByText(/^6\/\d+ đơn vị đã gửi báo cáo năm 2024/).waitFor();
      await units.locator('[role="img"] canvas').first().waitFor();
      const missing = page.locator('.ant-card', { hasText: `Đơn vị chưa gửi báo cáo năm ${YEAR}` });
      await missing.locator('tbody tr').first().waitFor();
      await j.check('ty-le-bao-cao');

      // What the province's inbox filed: the city's report, its signature checked on arrival, its Word file as sent.
      const inbox = page.locator('.ant-card', { hasText: `Báo cáo đã nhận năm ${YEAR}` });
      const received = inbox.locator('tbody tr', { hasText: REPORT_NAME });
      await received.getByText(CITY).waitFor();
      await received.getByText('Chữ ký hợp lệ').waitFor();
      await received.getByText(`Năm ${YEAR}`).waitFor();
      await received.scrollIntoViewIfNeeded();
      await j.check('bao-cao-da-nhan');
      const [filedDocx] = await Promise.all([page.waitForEvent('download'), received.getByRole('button', { name: `Tải tệp Word của ${REPORT_NAME}` }).click()]);
      expect(filedDocx.suggestedFilename()).toMatch(/\.docx$/);
      const filedXml = (await (await JSZip.loadAsync(readFileSync(await filedDocx.path()))).file('word/document.xml')?.async('string')) ?? '';
      expect(filedXml).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    });
  });
});
