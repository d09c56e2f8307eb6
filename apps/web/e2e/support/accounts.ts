import type { TestStack } from '@thidua/testing';
import type { JourneyPage } from './browser';

export interface TestAccount {
  username: string;
  password: string;
}

/** An account made by the administrator through the gateway's account API (ADMIN bearer token). */
export async function createAccount(
  stack: TestStack,
  input: { username: string; displayName: string; roles: string[]; orgUnitId?: string; password?: string },
): Promise<TestAccount> {
  const admin = await stack.token('ADMIN', undefined, { subject: 'e2e-admin' });
  const password = input.password ?? `Mat-khau-${input.username}-2026`;
  const res = await fetch(`${stack.origin}/auth/accounts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
    body: JSON.stringify({ ...input, password }),
  });
  if (!res.ok) throw new Error(`createAccount ${input.username}: ${res.status} ${await res.text()}`);
  return { username: input.username, password };
}

/**
 * Sign in through the sign-in page, as a person would. An account the administrator just made carries a temporary
 * password: the app then asks for a new one, which is set here (and kept in `account`).
 */
export async function signIn(j: JourneyPage, account: TestAccount): Promise<void> {
  const { page } = j;
  await page.goto('/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill(account.username);
  await page.getByLabel('Mật khẩu').fill(account.password);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await page.getByTestId('user-menu').waitFor();
  if (new URL(page.url()).pathname === '/doi-mat-khau') {
    const next = `${account.password}-moi`;
    await page.getByLabel('Mật khẩu hiện tại').fill(account.password);
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill(next);
    await page.getByLabel('Nhập lại mật khẩu mới').fill(next);
    await page.getByRole('button', { name: 'Lưu mật khẩu mới' }).click();
    await page.waitForURL((u) => u.pathname !== '/doi-mat-khau');
    account.password = next;
  }
}
