import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { presetId } from '@thidua/platform';
import { freePort } from '@thidua/testing';
// The awards service's own scenario (a nomination walked to the council's recommendation) seeds the decision the
// administrator looks for; test helpers are not a library, so they are imported by their path.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { recommendedNominations } from '../../awards/test/decision-scenario';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { BMT, withoutConsultation } from '../../awards/test/scenario';
import { createAccount, signIn } from './support/accounts';
import { chooseOption, JourneyPage, launchChromium } from './support/browser';
import { startWebStack } from './support/web-stack';

const ADMIN = { username: 'admin', password: 'Quan-tri-thi-dua-2026' };
const DECISION = '881/QĐ-UBND';
const PROVINCE_REPORT = presetId('ReportDefinition', 'BMT-BC-TINH');

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

describe('ADMIN finds the decision in the audit log and disables an account, which can no longer sign in', () => {
  let stack: Awaited<ReturnType<typeof startWebStack>>;
  let browser: Browser;
  let provincePort: number;
  let province: Server | null = null;
  const received: string[] = [];
  let runOf: () => Promise<Run>;

  beforeAll(async () => {
    // The province's endpoint is down (nothing listens on its port) and a delivery tries once: it fails for real.
    provincePort = await freePort();
    stack = await startWebStack({
      ADMIN_PASSWORD: ADMIN.password,
      PROVINCE_ENDPOINT: `http://127.0.0.1:${provincePort}/tiep-nhan`,
      PROVINCE_HMAC_SECRET: 'khoa-ky-bao-cao-gui-tinh-dak-lak-2026-thu-nghiem',
      DELIVERY_ATTEMPTS: '1',
    });
    browser = await launchChromium();

    // A ward brought to an award decision through the API, as the lead agency, Nội vụ and the council would.
    await withoutConsultation(stack, BMT);
    const lead = await stack.token('LEAD_AGENCY', undefined, { subject: 'vhtt' });
    const homeAffairs = await stack.token('HOME_AFFAIRS', undefined, { subject: 'noi-vu' });
    const { ids } = await recommendedNominations(stack, lead, homeAffairs, { 'BMT-P-TAN-AN': 85 }, []);
    await stack.call(
      'mutation($i: AwardDecisionInput!) { recordAwardDecision(input: $i) { id } }',
      { i: { number: DECISION, date: '2025-05-20', signer: 'Nguyễn Thiên Văn', signerTitle: 'KT. Chủ tịch - Phó Chủ tịch', nominationIds: Object.values(ids) } },
      homeAffairs,
    );

    // The report to the province is built, and its delivery fails for good.
    const { requestReportRun } = await stack.call<{ requestReportRun: { id: string } }>('mutation($d: ID!) { requestReportRun(definitionId: $d, year: 2024) { id } }', { d: PROVINCE_REPORT }, lead);
    runOf = async () => (await stack.call<{ reportRun: Run }>('query($id: ID!) { reportRun(id: $id) { id status deliveries { id status attempts } } }', { id: requestReportRun.id }, lead)).reportRun;
    const run = await until(runOf, (r) => r.status === 'FAILED' || r.deliveries[0]?.status === 'FAILED');
    expect(run.status).toBe('SUCCEEDED');
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
    await new Promise<void>((r) => (province ? province.close(() => r()) : r()));
  });

  it('searches the log for the decision number and reads the change, retries the failed delivery, disables an account', async () => {
    const officer = await createAccount(stack, { username: 'tanan.canbo', displayName: 'Lê Văn Tâm', roles: ['UNIT_OFFICER'], orgUnitId: presetId('OrgUnit', 'BMT-P-TAN-AN') });
    const admin = await JourneyPage.open(browser, stack.origin, 'quan-tri-nhat-ky');
    await admin.run(async () => {
      const { page } = admin;
      await signIn(admin, ADMIN);
      await page.getByRole('heading', { name: 'Tài khoản người dùng' }).waitFor();
      // One entry of the top menu; the administration pages are reached from its own navigation.
      await page.locator('header').getByRole('link', { name: 'Quản trị' }).waitFor();
      const nav = page.getByRole('navigation', { name: 'Quản trị hệ thống' });
      for (const label of ['Tài khoản', 'Nhật ký thay đổi', 'Việc nền lỗi', 'Lịch báo cáo', 'Việc nền']) await nav.getByRole('link', { name: label, exact: true }).waitFor();

      // The audit log: the decision found by its number, its record opened.
      await nav.getByRole('link', { name: 'Nhật ký thay đổi' }).click();
      await page.getByRole('heading', { name: 'Nhật ký thay đổi' }).waitFor();
      await page.getByLabel('Tìm trong nội dung').fill(DECISION);
      await page.getByRole('button', { name: 'Lọc', exact: true }).click();
      await page.waitForURL((u) => u.searchParams.get('tim') === DECISION);
      const row = page.locator('tr', { hasText: `Quyết định khen thưởng «${DECISION}»` });
      await row.getByText('Tạo mới').waitFor();
      await row.getByText('Khen thưởng', { exact: true }).waitFor();
      await row.click();
      const diff = page.getByRole('table', { name: 'Thông tin thay đổi' }).first();
      await diff.locator('tr', { hasText: 'Số văn bản' }).getByText(DECISION).waitFor();
      await diff.locator('tr', { hasText: 'Người ký' }).getByText('Nguyễn Thiên Văn').waitFor();
      await admin.check('tim-quyet-dinh');

      // The nominations the decision closed: their state before and after, side by side.
      await page.getByLabel('Tìm trong nội dung').fill('');
      await chooseOption(page, page.getByRole('combobox', { name: 'Loại bản ghi' }), /^Đề nghị khen thưởng$/, 'Đề nghị khen');
      await page.getByRole('button', { name: 'Lọc', exact: true }).click();
      const decided = page.locator('tr', { hasText: 'Có quyết định khen thưởng' }).first();
      await decided.click();
      const status = page.getByRole('table', { name: 'Thông tin thay đổi' }).first().locator('tr', { hasText: 'Trạng thái' });
      await status.getByText('Hội đồng đề nghị').waitFor();
      await status.getByText('Đã có quyết định').waitFor();
      await admin.check('truoc-sau');

      // The log as a workbook.
      const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải Excel' }).click()]);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(await xlsx.path()) as unknown as ArrayBuffer);
      expect((wb.worksheets[0]?.getRow(3).values as unknown[]).slice(1, 5)).toEqual(['Thời điểm', 'Người thực hiện', 'Việc', 'Bản ghi']);
      expect(wb.worksheets[0]?.getRow(4).getCell(4).value).toMatch(/^Đề nghị khen thưởng/);

      // The failed delivery: why, then «Chạy lại» once the province's endpoint is back.
      await nav.getByRole('link', { name: 'Việc nền lỗi' }).click();
      const job = page.locator('tr', { hasText: 'Gửi báo cáo lên tỉnh' });
      await job.getByText('Không gửi được: lỗi kết nối hoặc nơi nhận không trả lời').waitFor();
      await job.getByText('Đã gửi thử 1 lần').waitFor();
      await admin.check('viec-loi');

      // The queues of background work, in words: the report was built, its delivery failed for good.
      const queues = page.getByRole('table', { name: 'Hàng đợi việc nền' });
      for (const header of ['Hàng đợi', 'Đang chờ', 'Đang chạy', 'Chờ chạy lại/hẹn giờ', 'Lỗi', 'Đã xong']) await queues.getByRole('columnheader', { name: header, exact: true }).waitFor();
      const counts = (label: string) => queues.locator('tr', { hasText: label }).locator('td').allInnerTexts();
      await until(() => counts('Gửi báo cáo lên tỉnh'), (c) => c.join('|') === 'Gửi báo cáo lên tỉnh|0|0|0|1|0');
      const reports = await until(() => counts('Lập báo cáo'), (c) => c.slice(0, 5).join('|') === 'Lập báo cáo|0|0|0|0');
      expect(Number(reports[5])).toBeGreaterThanOrEqual(1);
      await queues.locator('tr', { hasText: 'Nhắc việc' }).waitFor();
      // Without Redis the imports run inside their own services: said, not counted.
      await page.getByText(/Việc nhập điểm hàng loạt và nhập danh bạ đơn vị chạy ngay trong dịch vụ của chúng/).waitFor();
      await admin.check('hang-doi');
      province = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          received.push(Buffer.concat(chunks).toString('utf8'));
          res.writeHead(200).end('da nhan');
        });
      });
      await new Promise<void>((r) => province?.listen(provincePort, '127.0.0.1', () => r()));
      await job.getByRole('button', { name: 'Chạy lại' }).click();
      await page.getByText(/Đã chạy lại việc «Gửi báo cáo lên tỉnh»/).waitFor();
      const sent = await until(runOf, (r) => r.deliveries[0]?.status === 'SENT');
      expect(sent.deliveries[0]?.attempts).toBe(2);
      expect(received).toHaveLength(1);
      await page.getByRole('button', { name: 'Tải lại' }).click();
      await page.getByText('Không có việc nền nào bị lỗi.').waitFor();
      // The queue card read again: the delivery is among the completed, nothing is left failed.
      await page.getByRole('button', { name: 'Làm mới' }).click();
      await until(() => counts('Gửi báo cáo lên tỉnh'), (c) => c.join('|') === 'Gửi báo cáo lên tỉnh|0|0|0|0|1');
      await admin.check('da-chay-lai');
      // The counts as a workbook (the queue card's button comes first; the empty failed list's is disabled).
      const [queueXlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải Excel' }).first().click()]);
      const queueBook = new ExcelJS.Workbook();
      await queueBook.xlsx.load(readFileSync(await queueXlsx.path()) as unknown as ArrayBuffer);
      const sheet = queueBook.worksheets[0];
      expect((sheet?.getRow(3).values as unknown[]).slice(1)).toEqual(['Hàng đợi', 'Đang chờ', 'Đang chạy', 'Chờ chạy lại/hẹn giờ', 'Lỗi', 'Đã xong']);
      const rows = [4, 5, 6].map((n) => (sheet?.getRow(n).values as unknown[]).slice(1));
      expect(rows.map((r) => r[0])).toEqual(['Lập báo cáo', 'Gửi báo cáo lên tỉnh', 'Nhắc việc']);
      expect(rows[1]).toEqual(['Gửi báo cáo lên tỉnh', 0, 0, 0, 0, 1]);

      // The schedules of the reports in words, and the channel configured, without its key.
      await nav.getByRole('link', { name: 'Lịch báo cáo' }).click();
      await page.locator('tr', { hasText: 'Kết quả thực hiện Phong trào thi đua Chuyển đổi số trên địa bàn thành phố Buôn Ma Thuột' }).getByText('Tự động lúc 8:00 ngày 16/12 hằng năm').waitFor();
      await page.getByText('Ký từng lần gửi bằng khóa dùng chung với tỉnh').waitFor();
      await admin.check('lich-bao-cao', [/http:\/\/127\.0\.0\.1:\d+\/tiep-nhan/]);
      // The province report moved to 17/12 and switched off; a day out of range is refused as it is typed.
      const schedule = page.locator('tr', { hasText: 'Kết quả thực hiện Phong trào thi đua Chuyển đổi số trên địa bàn thành phố Buôn Ma Thuột' });
      await schedule.getByRole('button', { name: 'Sửa lịch' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Ngày', { exact: true }).fill('32');
      await dialog.getByText('Ngày từ 1 đến 31.').waitFor();
      await dialog.getByLabel('Ngày', { exact: true }).fill('17');
      await dialog.getByText('Ngày từ 1 đến 31.').waitFor({ state: 'hidden' });
      await dialog.getByRole('switch').click();
      await admin.check('sua-lich');
      await dialog.getByRole('button', { name: 'Lưu lịch' }).click();
      await schedule.getByText('Tự động lúc 8:00 ngày 17/12 hằng năm').waitFor();

      // The reminder scan, run now: it reports what it wrote (each reminder once, however often it runs).
      await page.getByRole('button', { name: 'Quét nhắc việc ngay' }).click();
      await page.getByText(/^Đã quét xong: [\d.]+ thông báo mới, [\d.]+ thư tổng hợp được gửi\.$/).waitFor();
      await admin.check('nhac-viec', [/http:\/\/127\.0\.0\.1:\d+\/tiep-nhan/]);
      await schedule.getByText('Đang tắt').waitFor();

      // The officer's account disabled.
      await nav.getByRole('link', { name: 'Tài khoản', exact: true }).click();
      const account = page.locator('tr', { hasText: 'tanan.canbo' });
      await account.getByRole('button', { name: 'Sửa' }).click();
      await page.getByRole('dialog').getByRole('switch').click();
      await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
      await account.getByText('Đã vô hiệu hóa').waitFor();
      await admin.check('vo-hieu-hoa', [/tanan\.canbo/, /admin/]);

      // The change is in the log too, from the gateway's own audit: who disabled whom, active before and after.
      await nav.getByRole('link', { name: 'Nhật ký thay đổi' }).click();
      await chooseOption(page, page.getByRole('combobox', { name: 'Loại bản ghi' }), /^Tài khoản$/, 'Tài khoản');
      await page.getByLabel('Tìm trong nội dung').fill('tanan.canbo');
      await page.getByRole('button', { name: 'Lọc', exact: true }).click();
      const change = page.locator('tr', { hasText: 'Tài khoản «Lê Văn Tâm»' }).filter({ hasText: 'Sửa' });
      await change.getByText('Quản trị hệ thống').waitFor();
      await change.getByText('Tài khoản, đăng nhập').waitFor();
      await change.click();
      const active = page.getByRole('table', { name: 'Thông tin thay đổi' }).first().locator('tr', { hasText: 'Đang hoạt động' });
      await active.getByText('Có', { exact: true }).waitFor();
      await active.getByText('Không', { exact: true }).waitFor();
      await admin.check('nhat-ky-tai-khoan', [/tanan\.canbo/, /admin/]);
    });

    // The disabled account's sign-in is refused, saying why.
    const refused = await JourneyPage.open(browser, stack.origin, 'quan-tri-nhat-ky-dang-nhap');
    await refused.run(async () => {
      const { page } = refused;
      await page.goto('/dang-nhap');
      await page.getByLabel('Tên đăng nhập').fill(officer.username);
      await page.getByLabel('Mật khẩu').fill(officer.password);
      await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
      await page.getByText('Tài khoản đã bị vô hiệu hóa. Vui lòng liên hệ quản trị viên.').first().waitFor();
      expect(new URL(page.url()).pathname).toBe('/dang-nhap');
      await refused.check('bi-tu-choi', [/tanan\.canbo/]);
    });
  });
});
