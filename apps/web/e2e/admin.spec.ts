import type { Browser } from 'playwright-core';
import { signIn } from './support/accounts';
import { chooseOption, JourneyPage, launchChromium } from './support/browser';
import { startWebStack } from './support/web-stack';

const ADMIN = { username: 'admin', password: 'Quan-tri-thi-dua-2026' };

describe('the administrator manages accounts, and sign-in behaves as users expect', () => {
  let stack: Awaited<ReturnType<typeof startWebStack>>;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startWebStack({ ADMIN_PASSWORD: ADMIN.password, LOGIN_LOCK_MINUTES: '15' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('creates a ward officer, who signs in with the temporary password and must change it; a reset and a lockout', async () => {
    const admin = await JourneyPage.open(browser, stack.origin, 'quan-tri');
    await signIn(admin, ADMIN);
    const { page } = admin;
    await page.getByRole('heading', { name: 'Tài khoản người dùng' }).waitFor();
    await admin.check('tai-khoan', [/admin/]);

    // A new account for the officer of UBND phường Tân An, found by typing its name.
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Tên đăng nhập').fill('x');
    await dialog.getByText('Từ 3 đến 64 ký tự').waitFor();
    await dialog.getByLabel('Tên đăng nhập').fill('tanan.vanthu');
    await dialog.getByLabel('Họ và tên').fill('Nguyễn Thị Hoa');
    await dialog.getByLabel('Cán bộ đầu mối của đơn vị').check();
    await dialog.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await dialog.getByText('Chọn đơn vị mà tài khoản làm việc cho.').waitFor();
    await chooseOption(page, dialog.getByRole('combobox', { name: /Đơn vị/ }), 'UBND phường Tân An (ubnd phường)', 'Tân An');
    const temporary = await dialog.getByLabel('Mật khẩu tạm thời').inputValue();
    expect(temporary.length).toBeGreaterThanOrEqual(10);
    await admin.check('tao-tai-khoan', [/tanan\.vanthu/, /admin/, new RegExp(temporary)]);
    await dialog.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await page.getByText(`Mật khẩu tạm thời của tanan.vanthu: ${temporary}`).waitFor();
    const row = page.locator('tr', { hasText: 'tanan.vanthu' });
    await row.getByText('Chờ đổi mật khẩu lần đầu').waitFor();
    await row.getByText('UBND phường Tân An').waitFor();
    await admin.check('da-tao', [/tanan\.vanthu/, /admin/, new RegExp(temporary)]);

    // The officer signs in, is asked for a new password, and lands on the unit's pages.
    const officer = await JourneyPage.open(browser, stack.origin, 'can-bo-dang-nhap');
    const account = { username: 'tanan.vanthu', password: temporary };
    await signIn(officer, account);
    expect(account.password).not.toBe(temporary);
    await officer.page.getByTestId('user-menu').getByText('Nguyễn Thị Hoa').waitFor();
    await officer.check('sau-dang-nhap');

    // Signing out ends the session: a page for officers now asks to sign in.
    await officer.page.getByTestId('user-menu').hover();
    await officer.page.getByText('Đăng xuất').click();
    await officer.page.locator('header').getByRole('button', { name: /Đăng nhập/ }).waitFor();
    await officer.page.goto('/doi-mat-khau');
    await officer.page.waitForURL(/\/dang-nhap\?returnTo=/);

    // Five wrong passwords lock the account; the page says until when.
    for (let i = 0; i < 5; i++) {
      await officer.page.getByLabel('Tên đăng nhập').fill('tanan.vanthu');
      await officer.page.getByLabel('Mật khẩu').fill(`sai-mat-khau-${i}`);
      await officer.page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
      await officer.page.getByText(i < 4 ? 'Tên đăng nhập hoặc mật khẩu không đúng.' : /tạm khóa/).first().waitFor();
    }
    await officer.page.getByLabel('Mật khẩu').fill(account.password);
    await officer.page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await officer.page.getByText(/tạm khóa.*\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/).first().waitFor();
    await officer.check('tam-khoa');

    // The administrator sees the lock and resets the password, which unlocks the account.
    await page.reload();
    await page.locator('tr', { hasText: 'tanan.vanthu' }).getByText(/Tạm khóa đến/).waitFor();
    await page.locator('tr', { hasText: 'tanan.vanthu' }).getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
    // A click during the dialog's entrance can be lost under load: answered until it closes.
    await admin.confirm('Đặt lại', 'dialog');
    const issued = await page.getByText(/Mật khẩu tạm thời của tanan\.vanthu: /).innerText();
    const reset = issued.split(': ')[1]?.trim() ?? '';
    await page.locator('tr', { hasText: 'tanan.vanthu' }).getByText('Chờ đổi mật khẩu lần đầu').waitFor();
    const again = { username: 'tanan.vanthu', password: reset };
    await signIn(officer, again);
    await officer.page.getByTestId('user-menu').waitFor();

    // The administrator disables the account while the officer works: the officer's next request finds the session
    // ended, and the app asks them to sign in again, saying why.
    await page.locator('tr', { hasText: 'tanan.vanthu' }).getByRole('button', { name: 'Sửa' }).click();
    await page.getByRole('dialog').getByRole('switch').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
    await page.locator('tr', { hasText: 'tanan.vanthu' }).getByText('Đã vô hiệu hóa').waitFor();
    await officer.page.getByRole('link', { name: 'Thông báo', exact: true }).click();
    await officer.page.getByText('Phiên làm việc đã hết hạn').waitFor();
    expect(new URL(officer.page.url()).pathname).toBe('/dang-nhap');
    await officer.check('het-phien');
    await admin.close();
    await officer.close();
  });
});
