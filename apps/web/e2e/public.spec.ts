import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Locator, Page } from 'playwright-core';
import { chooseOption, JourneyPage, launchChromium, SCREENSHOT_DIR } from './support/browser';
import { BMT, COMMUNE_SAMPLE, publishResults, wardsOf } from './support/seed';
import { startWebStack } from './support/web-stack';

/** How the app writes a number: 87.456 → "87,46". */
const vn = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** Pick an option of a Select that is not searched: open it, click the option, wait for the list to close. */
async function pick(page: Page, label: string, option: string): Promise<void> {
  await chooseOption(page, page.getByRole('combobox', { name: label, exact: true }), new RegExp(`^${option}$`));
}

/** Clear a Select that allows it, as a person does: point at it and click its ×. */
async function clear(page: Page, label: string): Promise<void> {
  const select = page.locator('.ant-select', { has: page.getByRole('combobox', { name: label, exact: true }) });
  await select.hover();
  await select.locator('.ant-select-clear').click();
}

/** A card of the page by its title. */
const card = (page: Page, title: string) => page.locator('.ant-card', { has: page.locator('.ant-card-head-title', { hasText: new RegExp(`^${title}$`) }) }).first();

/** Click a «Tải Excel» and read the workbook it downloads. */
async function downloadWorkbook(page: Page, scope: Page | Locator): Promise<{ fileName: string; sheet: ExcelJS.Worksheet }> {
  const [download] = await Promise.all([page.waitForEvent('download'), scope.getByRole('button', { name: 'Tải Excel' }).click()]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
  return { fileName: download.suggestedFilename(), sheet: wb.worksheets[0] };
}

/** The rows of a worksheet below its header (row 3), as arrays of cell values. */
const bodyRows = (sheet: ExcelJS.Worksheet) => {
  const rows: ExcelJS.CellValue[][] = [];
  sheet.eachRow((row, n) => n > 3 && rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
  return rows;
};

describe('an anonymous visitor reads the open data', () => {
  let stack: Awaited<ReturnType<typeof startWebStack>>;
  let browser: Browser;
  let wards: Array<{ id: string; code: string; name: string; kind: string }>;
  /** The units published two years running (2023 in the reverse order, so their scores differ from one year to the next). */
  let twoYears: typeof wards;

  beforeAll(async () => {
    stack = await startWebStack();
    browser = await launchChromium();
    wards = (await wardsOf(stack.call, '2024-12-31')).slice(0, 12);
    await publishResults(stack, stack.call, BMT, 2024, wards);
    // 2023 scored on the sample commune index copied for that year by the lead agency.
    const lead = await stack.token('LEAD_AGENCY', undefined, { subject: 'seed-lead' });
    const { copyFramework: index2023 } = await stack.call<{ copyFramework: { id: string } }>(
      'mutation($id: ID!) { copyFramework(id: $id, code: "DTI-MAU-CAP-XA-2023", year: 2023) { id } }',
      { id: COMMUNE_SAMPLE },
      lead,
    );
    await stack.call('mutation($id: ID!) { publishFramework(id: $id) { id } }', { id: index2023.id }, lead);
    twoYears = wards.slice(0, 4);
    await publishResults(stack, stack.call, BMT, 2023, [...twoYears].reverse(), index2023.id);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  /** A unit's published totals by year, as the graph gives them to anyone. */
  async function publishedTotals(code: string): Promise<Map<number, number>> {
    const { orgUnit } = await stack.call<{ orgUnit: { assessments: Array<{ year: number; status: string; selfTotal: number; verifiedTotal: number | null }> } }>(
      'query($c: String!) { orgUnit(code: $c) { assessments { year status selfTotal verifiedTotal } } }',
      { c: code },
    );
    return new Map(orgUnit.assessments.filter((a) => a.status === 'PUBLISHED').map((a) => [a.year, a.verifiedTotal ?? a.selfTotal]));
  }

  it('reads the campaigns and their milestones in Excel, a ranking filtered by unit kind and cluster with the change from last year, downloads it as Excel', async () => {
    const j = await JourneyPage.open(browser, stack.origin, 'cong-khai');
    const { page } = j;
    await j.run(async () => {
      await page.goto('/');
      await page.getByRole('heading', { name: 'Phong trào thi đua chuyển đổi số' }).waitFor();
      const home = await j.check('trang-chu');
      expect(home).toContain('Buôn Ma Thuột');

      await page.getByRole('link', { name: /Buôn Ma Thuột/ }).first().click();
      await page.getByText('Các mốc thời gian').waitFor();
      const campaign = await j.check('phong-trao');
      expect(campaign).toContain('Hạn gửi báo cáo của đơn vị');

      // The milestones as a workbook: one row each, by due date, the date a real date.
      const { campaign: published } = await stack.call<{ campaign: { name: string; milestones: Array<{ title: string; dueDate: string }> } }>(
        '{ campaign(code: "BMT-CDS-2023-2025") { name milestones { title dueDate } } }',
      );
      const milestones = await downloadWorkbook(page, card(page, 'Các mốc thời gian'));
      expect(milestones.fileName).toBe('moc-thoi-gian-BMT-CDS-2023-2025.xlsx');
      expect(milestones.sheet.name).toBe('Mốc thời gian');
      expect(milestones.sheet.getCell('A1').text).toBe(`Các mốc thời gian — ${published.name}`);
      expect((milestones.sheet.getRow(3).values as ExcelJS.CellValue[]).slice(1)).toEqual(['Nội dung', 'Loại mốc', 'Hạn', 'Lặp lại', 'Căn cứ (điều, khoản)']);
      const milestoneRows = bodyRows(milestones.sheet);
      const byDue = [...published.milestones].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
      expect(milestoneRows.map((r) => r[0])).toEqual(byDue.map((m) => m.title));
      expect(milestoneRows.map((r) => (r[2] as Date).toISOString().slice(0, 10))).toEqual(byDue.map((m) => m.dueDate));
      expect(milestoneRows.map((r) => r[1])).toContain('Hạn gửi báo cáo của đơn vị');

      // The gateway sends the ranking rendered (apps/web/src/server.tsx): it reads before the app's code has run, even
      // with JavaScript off.
      const noScript = await browser.newContext({ baseURL: stack.origin, javaScriptEnabled: false, locale: 'vi-VN', viewport: { width: 1366, height: 900 } });
      try {
        const still = await noScript.newPage();
        await still.goto('/xep-hang?phongTrao=BMT-CDS-2023-2025&nam=2024');
        await still.getByText(`${wards.length} đơn vị có kết quả được công bố`).waitFor();
        await expect(still.locator('tbody tr').first().locator('td').first().innerText()).resolves.toBe('1');
        await expect(still.locator('tbody tr').count()).resolves.toBe(wards.length);
        await still.screenshot({ path: join(SCREENSHOT_DIR, 'cong-khai', 'xep-hang-khong-javascript.png'), fullPage: true });
      } finally {
        await noScript.close();
      }
      // With it, the app takes the page over as it is (any difference would be a console error) and its filters work.
      await page.goto('/xep-hang?phongTrao=BMT-CDS-2023-2025');
      await pick(page, 'Năm', 'Năm 2024');
      await page.getByText(`${wards.length} đơn vị có kết quả được công bố`).waitFor();
      const ranking = await j.check('xep-hang');
      expect(ranking).toMatch(/Đạt \(trên 70% điểm\)/);
      const firstRow = page.locator('tbody tr').first();
      await expect(firstRow.locator('td').first().innerText()).resolves.toBe('1');
      const rowOf = (name: string) => page.locator('tbody tr').filter({ has: page.getByRole('link', { name, exact: true }) });

      // «So với năm trước»: the units published in 2023 as well show how far their total moved, up in green or down in red.
      const moves: Array<{ name: string; change: number }> = [];
      for (const u of twoYears) {
        const totals = await publishedTotals(u.code);
        const change = Math.round(((totals.get(2024) ?? NaN) - (totals.get(2023) ?? NaN)) * 100) / 100;
        expect(Number.isFinite(change)).toBe(true);
        moves.push({ name: u.name, change });
        const cell = rowOf(u.name).locator('td').last();
        if (change === 0) expect((await cell.innerText()).trim()).toBe('0');
        else {
          await cell.locator(change > 0 ? '.ant-typography-success' : '.ant-typography-danger').waitFor();
          expect((await cell.innerText()).trim()).toBe(vn.format(Math.abs(change)));
        }
      }
      expect(moves.some((m) => m.change > 0)).toBe(true);
      expect(moves.some((m) => m.change < 0)).toBe(true);
      // A unit with no result the year before shows none.
      await expect(rowOf(wards[wards.length - 1].name).locator('td').last().innerText()).resolves.toBe('—');

      const ranked = await downloadWorkbook(page, page);
      expect(ranked.fileName).toBe('xep-hang-BMT-CDS-2023-2025-2024.xlsx');
      const sheet = ranked.sheet;
      expect(sheet.getCell('A1').text).toContain('Xếp hạng chuyển đổi số năm 2024');
      expect(sheet.getRow(3).getCell(2).text).toBe('Đơn vị');
      expect(sheet.actualRowCount).toBe(2 + wards.length);
      expect(typeof sheet.getRow(4).getCell(4).value).toBe('number');
      // The change in the workbook too, a number beside last year's total.
      expect([sheet.getRow(3).getCell(8).text, sheet.getRow(3).getCell(9).text]).toEqual(['Điểm năm trước', 'Thay đổi']);
      for (const m of moves) {
        const row = bodyRows(sheet).find((r) => r[1] === m.name);
        expect(row?.[8]).toBeCloseTo(m.change, 2);
        expect(typeof row?.[7]).toBe('number');
      }
      // Printable: A4, one page wide, the header row repeated on every page.
      expect([sheet.pageSetup.paperSize, sheet.pageSetup.fitToPage, sheet.pageSetup.fitToWidth, sheet.pageSetup.printTitlesRow]).toEqual([9, true, 1, '3:3']);

      // Only the communes: the list narrows to them, ranked among themselves.
      const communes = wards.filter((w) => w.kind === 'COMMUNE_PC');
      const wardsOnly = wards.filter((w) => w.kind === 'WARD_PC');
      expect(communes.length).toBeGreaterThan(0);
      expect(wardsOnly.length).toBeGreaterThan(1);
      await pick(page, 'Loại đơn vị', 'UBND xã');
      await page.getByText(`${communes.length} đơn vị có kết quả được công bố`).waitFor();
      const byKind = await j.check('xep-hang-loai-xa');
      expect(byKind).toContain('UBND xã');
      expect((await page.locator('tbody tr td:nth-child(2) a').allInnerTexts()).sort()).toEqual(communes.map((c) => c.name).sort());
      expect(byKind).not.toContain('UBND phường');
      await clear(page, 'Loại đơn vị');
      await page.getByText(`${wards.length} đơn vị có kết quả được công bố`).waitFor();

      // One cluster: its wards ranked together (ties share a rank).
      await pick(page, 'Cụm thi đua', 'Cụm thi đua các phường thành phố Buôn Ma Thuột');
      await page.getByText(`${wardsOnly.length} đơn vị có kết quả được công bố`).waitFor();
      await j.check('xep-hang-cum-phuong');
      expect((await page.locator('tbody tr td:nth-child(2) a').allInnerTexts()).sort()).toEqual(wardsOnly.map((w) => w.name).sort());
      const ranks = (await page.locator('tbody tr td:first-child').allInnerTexts()).map(Number);
      expect(ranks[0]).toBe(1);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      expect(Math.max(...ranks)).toBeLessThanOrEqual(wardsOnly.length);
      await clear(page, 'Cụm thi đua');
      await page.getByText(`${wards.length} đơn vị có kết quả được công bố`).waitFor();
    });
  });

  it('sees a ranking rolled up to the units formed on 1/7/2025, opens a merged ward with its history across the merges and its results in Excel', async () => {
    const j = await JourneyPage.open(browser, stack.origin, 'cong-khai-sap-nhap');
    const { page } = j;
    await j.run(async () => {
      // The same year rolled up to today's units: the wards merged on 1/7/2025 count once, each row naming its parts.
      await page.goto('/xep-hang?phongTrao=BMT-CDS-2023-2025&nam=2024');
      await page.getByText(`${wards.length} đơn vị có kết quả được công bố`).waitFor();
      await page.getByText('Quy về đơn vị hiện nay').click();
      await page.getByText(/đơn vị hiện nay có kết quả được công bố/).waitFor();
      const rolledUp = await j.check('xep-hang-don-vi-hien-nay');
      expect(rolledUp).toMatch(/Quy về đơn vị đang tồn tại ngày \d{2}\/\d{2}\/\d{4}/);
      expect(rolledUp).toMatch(/Gồm: UBND (phường|xã) [^;]+ \(\d+(,\d+)?\/100 điểm\); UBND/);
      const rolledRows = await page.locator('tbody tr').count();
      expect(rolledRows).toBeGreaterThan(0);
      expect(rolledRows).toBeLessThan(wards.length);

      // phường Buôn Ma Thuột, formed on 1/7/2025 from five wards and a commune (two of them had taken in another ward on 1/11/2024).
      await page.getByRole('link', { name: 'UBND phường Buôn Ma Thuột', exact: true }).click();
      await page.getByText('Kết quả chuyển đổi số đã công bố').waitFor();
      const merged = await j.check('don-vi-sap-nhap');
      expect(merged).toContain('Hình thành từ');
      for (const name of ['UBND phường Thành Công', 'UBND phường Tân Tiến', 'UBND phường Thắng Lợi', 'UBND phường Thống Nhất', 'UBND xã Cư Êbur']) expect(merged).toContain(name);
      expect(merged).toMatch(/01\/07\/2025: Sáp nhập\s+Từ: [^\n]*UBND phường Thành Công/);
      expect(merged).toContain('Căn cứ: 1660/NQ-UBTVQH15');
      // The results of its predecessors, each under its own name.
      expect(merged).toMatch(/Năm 2024 — [^\n]+\(kết quả của UBND phường Thành Công\)/);

      // Those results, group by group, as a workbook.
      const { orgUnit } = await stack.call<{
        orgUnit: { assessments: Array<{ year: number; status: string; unitName: string; maxPoints: number; framework: { groups: Array<{ name: string }> } }> };
      }>('{ orgUnit(code: "DLK-P-BUON-MA-THUOT") { assessments { year status unitName maxPoints framework { groups { name } } } } }');
      const publishedHere = orgUnit.assessments.filter((a) => a.status === 'PUBLISHED');
      expect(publishedHere.length).toBeGreaterThan(1);
      const scores = await downloadWorkbook(page, card(page, 'Kết quả chuyển đổi số đã công bố'));
      expect(scores.fileName).toBe('ket-qua-chuyen-doi-so-dlk-p-buon-ma-thuot.xlsx');
      expect(scores.sheet.name).toBe('Kết quả đã công bố');
      expect(scores.sheet.getCell('A1').text).toBe('Kết quả chuyển đổi số đã công bố — UBND phường Buôn Ma Thuột');
      expect((scores.sheet.getRow(3).values as ExcelJS.CellValue[]).slice(1)).toEqual([
        'Năm',
        'Phong trào',
        'Kết quả của đơn vị',
        'Nhóm chỉ số',
        'Điểm',
        'Điểm tối đa',
        'Tổng điểm năm',
        'Tỷ lệ (%)',
        'Xếp loại',
      ]);
      const scoreRows = bodyRows(scores.sheet);
      expect(scoreRows.length).toBe(publishedHere.reduce((n, a) => n + a.framework.groups.length, 0));
      expect(new Set(scoreRows.map((r) => r[2]))).toEqual(new Set(publishedHere.map((a) => a.unitName)));
      expect(scoreRows.map((r) => r[3])).toContain('Chuyển đổi nhận thức và thể chế');
      for (const r of scoreRows) {
        expect(typeof r[0]).toBe('number');
        expect(typeof r[4]).toBe('number');
        expect(r[4] as number).toBeLessThanOrEqual(r[5] as number);
      }

      // One of its predecessors: what it became, and the ward it had taken in before.
      await page.locator('.ant-descriptions').getByRole('link', { name: 'UBND phường Thành Công', exact: true }).click();
      await page.getByRole('heading', { name: 'UBND phường Thành Công' }).waitFor();
      const predecessor = await j.check('don-vi-tien-than');
      expect(predecessor).toMatch(/Nay là\s+UBND phường Buôn Ma Thuột/);
      expect(predecessor).toMatch(/Thôi hoạt động từ \d{2}\/\d{2}\/2025/);
      expect(predecessor).toMatch(/01\/11\/2024: Sáp nhập\s+Từ: UBND phường Thắng Lợi/);
      expect(predecessor).toMatch(/01\/07\/2025: Sáp nhập[\s\S]*Thành: UBND phường Buôn Ma Thuột/);
      // Its history is its merges: no founding dated the day the directory was entered.
      expect(predecessor).not.toMatch(/\d{2}\/\d{2}\/\d{4}: Thành lập/);
    });
  });

  it('reads the directory as of a date chosen in the calendar, before and after 1/7/2025, and the awardees', async () => {
    const j = await JourneyPage.open(browser, stack.origin, 'cong-khai-danh-ba');
    const { page } = j;
    await j.run(async () => {
      const rowOf = (name: string) => page.locator('tbody tr').filter({ has: page.getByRole('link', { name, exact: true }) });
      const picker = page.getByLabel('Tại ngày', { exact: true });

      // Today: the wards named «Tân …» are those of the province since 1/7/2025.
      await page.goto('/don-vi');
      await page.getByText(/\d+ đơn vị/).first().waitFor();
      await pick(page, 'Loại đơn vị', 'UBND phường');
      await page.getByLabel('Tìm theo tên', { exact: true }).fill('Tân');
      await rowOf('UBND phường Tân An').filter({ hasText: 'UBND tỉnh Đắk Lắk' }).waitFor();
      const today = await j.check('danh-ba-hien-nay');
      expect(today).not.toContain('UBND phường Tân Hòa');
      expect(today).not.toContain('UBND thành phố Buôn Ma Thuột');

      // The day before the reform, typed into the date box: the city's wards, under the city.
      // A date typed while the calendar is still opening can be dropped (the box goes back to today): type it again.
      for (let attempt = 1; ; attempt++) {
        await picker.click();
        await picker.fill('30/06/2025');
        await picker.press('Enter');
        const shown = await rowOf('UBND phường Tân Hòa').waitFor({ timeout: attempt === 3 ? 20_000 : 5_000 }).then(() => true, () => false);
        if (shown) break;
        if (attempt === 3) throw new Error('the directory did not move to 30/06/2025');
        await picker.press('Escape').catch(() => undefined);
      }
      const before = await j.check('danh-ba-truoc-sap-xep');
      await expect(picker.inputValue()).resolves.toBe('30/06/2025');
      for (const name of ['UBND phường Tân An', 'UBND phường Tân Hòa', 'UBND phường Tân Tiến', 'UBND phường Tân Lập']) {
        await expect(rowOf(name).locator('td').nth(2).innerText()).resolves.toBe('UBND thành phố Buôn Ma Thuột');
      }
      expect(before).toContain('UBND thành phố Buôn Ma Thuột');

      // The next day, picked in the calendar: the wards merged, the ones left under the province.
      await picker.click();
      const calendar = page.locator('.ant-picker-dropdown:visible');
      await calendar.locator('.ant-picker-header-next-btn').click();
      await calendar.locator('td.ant-picker-cell-in-view[title="2025-07-01"]').click();
      await rowOf('UBND phường Tân Hòa').waitFor({ state: 'detached' });
      await rowOf('UBND phường Tân An').filter({ hasText: 'UBND tỉnh Đắk Lắk' }).waitFor();
      const after = await j.check('danh-ba-sau-sap-xep');
      await expect(picker.inputValue()).resolves.toBe('01/07/2025');
      expect(after).not.toContain('UBND phường Tân Tiến');
      expect(after).not.toContain('UBND thành phố Buôn Ma Thuột');

      await page.goto('/khen-thuong');
      await page.getByText('Chưa có quyết định khen thưởng nào được công bố.').waitFor();
      await j.check('khen-thuong');
    });
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
