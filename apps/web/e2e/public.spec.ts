import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { JourneyPage, launchChromium, SCREENSHOT_DIR } from './support/browser';
import { BMT, publishResults, wardsOf } from './support/seed';
import { startWebStack } from './support/web-stack';

describe('an anonymous visitor reads the open data', () => {
  let stack: Awaited<ReturnType<typeof startWebStack>>;
  let browser: Browser;
  let wards: Array<{ id: string; code: string; name: string; kind: string }>;

  beforeAll(async () => {
    stack = await startWebStack();
    browser = await launchChromium();
    wards = (await wardsOf(stack.call, '2024-12-31')).slice(0, 12);
    await publishResults(stack, stack.call, BMT, 2024, wards);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('reads the campaigns, a ranking with its classifications, downloads it as Excel, and opens a unit', async () => {
    const j = await JourneyPage.open(browser, stack.origin, 'cong-khai');
    const { page } = j;
    await page.goto('/');
    await page.getByRole('heading', { name: 'Phong trào thi đua chuyển đổi số' }).waitFor();
    const home = await j.check('trang-chu');
    expect(home).toContain('Buôn Ma Thuột');

    await page.getByRole('link', { name: /Buôn Ma Thuột/ }).first().click();
    await page.getByText('Các mốc thời gian').waitFor();
    const campaign = await j.check('phong-trao');
    expect(campaign).toContain('Hạn gửi báo cáo của đơn vị');

    await page.goto('/xep-hang?phongTrao=BMT-CDS-2023-2025');
    await page.getByRole('combobox', { name: 'Năm' }).click();
    await page.getByTitle('Năm 2024').click();
    await page.locator('.ant-select-dropdown').first().waitFor({ state: 'hidden' });
    await page.getByText(`${wards.length} đơn vị có kết quả được công bố`).waitFor();
    const ranking = await j.check('xep-hang');
    expect(ranking).toMatch(/Đạt \(trên 70% điểm\)/);
    const firstRow = page.locator('tbody tr').first();
    await expect(firstRow.locator('td').first().innerText()).resolves.toBe('1');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải Excel' }).click()]);
    expect(download.suggestedFilename()).toBe('xep-hang-BMT-CDS-2023-2025-2024.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet.getCell('A1').text).toContain('Xếp hạng chuyển đổi số năm 2024');
    expect(sheet.getRow(3).getCell(2).text).toBe('Đơn vị');
    expect(sheet.actualRowCount).toBe(2 + wards.length);
    expect(typeof sheet.getRow(4).getCell(4).value).toBe('number');
    // Printable: A4, one page wide, the header row repeated on every page.
    expect([sheet.pageSetup.paperSize, sheet.pageSetup.fitToPage, sheet.pageSetup.fitToWidth, sheet.pageSetup.printTitlesRow]).toEqual([9, true, 1, '3:3']);

    // The same year rolled up to today's units: the wards merged on 1/7/2025 count once, each row naming its parts.
    await page.getByText('Quy về đơn vị hiện nay').click();
    await page.getByText(/đơn vị hiện nay có kết quả được công bố/).waitFor();
    const rolledUp = await j.check('xep-hang-don-vi-hien-nay');
    expect(rolledUp).toMatch(/Quy về đơn vị đang tồn tại ngày \d{2}\/\d{2}\/\d{4}/);
    expect(rolledUp).toMatch(/Gồm: UBND (phường|xã) [^;]+ \(\d+(,\d+)?\/100 điểm\); UBND/);
    const rolledRows = await page.locator('tbody tr').count();
    expect(rolledRows).toBeGreaterThan(0);
    expect(rolledRows).toBeLessThan(wards.length);
    await page.getByText('Đơn vị khi đánh giá').click();
    await page.getByText(`${wards.length} đơn vị có kết quả được công bố`).waitFor();

    const unitName = await firstRow.locator('td').nth(1).innerText();
    await firstRow.getByRole('link').click();
    await page.getByText('Kết quả chuyển đổi số đã công bố').waitFor();
    const unit = await j.check('don-vi');
    expect(unit).toContain(unitName);
    expect(unit).toContain('Chuyển đổi nhận thức và thể chế');

    await page.goto('/don-vi?ngay=2025-06-30&loai=WARD_PC');
    await page.getByText(/\d+ đơn vị/).first().waitFor();
    const before = await j.check('danh-ba-truoc-sap-xep', [/BMT-[A-Z-]+/]);
    expect(before).toContain('UBND thành phố Buôn Ma Thuột');
    expect(before).toContain('UBND phường Tân An');

    await page.goto('/khen-thuong');
    await page.getByText('Chưa có quyết định khen thưởng nào được công bố.').waitFor();
    await j.check('khen-thuong');
    await j.close();
  });
});

describe('a developer opens the GraphQL explorer', () => {
  let stack: Awaited<ReturnType<typeof startWebStack>>;
  let browser: Browser;
  beforeAll(async () => {
    stack = await startWebStack();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('loads from the gateway alone (no CDN) and runs a query', async () => {
    const context = await browser.newContext({ baseURL: stack.origin });
    const page = await context.newPage();
    const foreign: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(stack.origin) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) foreign.push(r.url());
    });
    // The explorer reads the schema first (introspection, allowed outside production); then it can run a query.
    const schemaLoaded = page.waitForResponse((r) => r.request().method() === 'POST' && (r.request().postData() ?? '').includes('IntrospectionQuery'));
    await page.goto('/graphql');
    await page.locator('.graphiql-container').waitFor();
    expect((await schemaLoaded).status()).toBe(200);
    // GraphiQL ignores a click on Run until its editors are ready: click again, as a person would, until it answers.
    const isRun = (r: import('playwright-core').Response) => r.request().method() === 'POST' && (r.request().postData() ?? '').includes('milestones');
    let response: import('playwright-core').Response | null = null;
    for (let i = 0; i < 15 && !response; i++) {
      const answered = page.waitForResponse(isRun, { timeout: 2000 }).catch(() => null);
      await page.getByRole('button', { name: /Execute query/i }).click();
      response = await answered;
    }
    if (!response) throw new Error('the explorer never ran the query');
    const answer = (await response.json()) as { data: { campaigns: Array<{ code: string }> } };
    expect(answer.data.campaigns.map((c) => c.code)).toContain('BMT-CDS-2023-2025');
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/graphql-explorer.png` });
    expect(foreign).toEqual([]);
    await context.close();
  });
});
