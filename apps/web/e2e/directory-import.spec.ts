import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { createAccount, signIn } from './support/accounts';
import { JourneyPage, launchChromium } from './support/browser';
import { startWebStack } from './support/web-stack';

/** The downloaded template with unit rows typed under its headers, as Nội vụ would in Excel. */
async function fill(template: Buffer, units: Array<Record<string, string>>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Đơn vị') as ExcelJS.Worksheet;
  const cols = new Map<string, number>();
  ws.getRow(1).eachCell((cell, c) => cols.set(cell.text, c));
  units.forEach((u, i) => {
    for (const [header, v] of Object.entries(u)) ws.getRow(i + 2).getCell(cols.get(header) as number).value = v;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('Nội vụ imports the unit directory from Excel', () => {
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

  it('downloads the template, sees every error of a wrong workbook with nothing changed, then imports the corrected one', async () => {
    // An account of Sở Nội vụ tỉnh Đắk Lắk (Nội vụ's accounts name the unit they act for).
    const { orgUnit: noiVu } = await stack.call<{ orgUnit: { id: string } }>('{ orgUnit(code: "DLK-SNV") { id } }');
    const account = await createAccount(stack, { username: 'noivu.danhba', displayName: 'Trần Văn Nội', roles: ['HOME_AFFAIRS'], orgUnitId: noiVu.id });
    const j = await JourneyPage.open(browser, stack.origin, 'nhap-danh-ba');
    await signIn(j, account);
    const { page } = j;
    await page.goto('/quan-tri/nhap-danh-ba');
    await page.getByRole('heading', { name: 'Nhập danh bạ đơn vị' }).waitFor();
    await j.check('trang');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải tệp mẫu' }).click()]);
    expect(download.suggestedFilename()).toBe('Nhap-danh-ba-don-vi.xlsx');
    const template = readFileSync(await download.path());

    const wrong = await fill(template, [
      { 'Mã đơn vị': 'E2E-GOC', 'Tên đơn vị': 'Ban thử nghiệm nhập danh bạ', 'Loại đơn vị': 'Sở, ban, ngành', 'Mã đơn vị cấp trên': 'DNG' },
      { 'Mã đơn vị': 'E2E-CON', 'Tên đơn vị': 'Tổ thử nghiệm nhập danh bạ', 'Loại đơn vị': 'Hợp tác xã', 'Mã đơn vị cấp trên': 'E2E-GOC' },
    ]);
    await page.locator('input[type=file]').setInputFiles({ name: 'danh-ba-sai.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: wrong });
    await page.getByText('Loại đơn vị không có trong danh mục').waitFor();
    await page.getByText(/Chưa có gì thay đổi trong danh bạ/).waitFor();
    await j.check('loi', [/danh-ba-sai\.xlsx/]);
    const before = await stack.call<{ orgUnit: { id: string } | null }>('{ orgUnit(code: "E2E-GOC") { id } }');
    expect(before.orgUnit).toBeNull();

    const fixed = await fill(template, [
      { 'Mã đơn vị': 'E2E-GOC', 'Tên đơn vị': 'Ban thử nghiệm nhập danh bạ', 'Loại đơn vị': 'Sở, ban, ngành', 'Mã đơn vị cấp trên': 'DNG' },
      { 'Mã đơn vị': 'E2E-CON', 'Tên đơn vị': 'Tổ thử nghiệm nhập danh bạ', 'Loại đơn vị': 'UBND xã', 'Mã đơn vị cấp trên': 'E2E-GOC' },
    ]);
    await page.locator('input[type=file]').setInputFiles({ name: 'danh-ba.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: fixed });
    await page.getByText('Đã nhập toàn bộ tệp.').waitFor();
    await j.check('xong', [/danh-ba(-sai)?\.xlsx/g]);
    const after = await stack.call<{ orgUnit: { parent: { code: string } | null } | null }>('{ orgUnit(code: "E2E-CON") { parent { code } } }');
    expect(after.orgUnit?.parent?.code).toBe('E2E-GOC');
  });
});
