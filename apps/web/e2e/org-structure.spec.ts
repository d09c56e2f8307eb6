import type { Browser, Page } from 'playwright-core';
import { createAccount, signIn } from './support/accounts';
import { chooseMenuItem, chooseOption, JourneyPage, launchChromium } from './support/browser';
import { startWebStack } from './support/web-stack';

/*
 * Tổ chức bộ máy (R2): Nội vụ of Đắk Lắk creates a unit with the decision that establishes it, renames it by a later
 * decision, and merges two wards into a new one; the new ward's timeline shows the merge, its basis and the two wards
 * it came from, each a link to its own history.
 */

const VN_NOW = new Date(Date.now() + 7 * 3_600_000);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const days = (n: number) => iso(new Date(VN_NOW.getTime() + n * 86_400_000));
const vn = (isoDate: string) => `${isoDate.slice(8, 10)}/${isoDate.slice(5, 7)}/${isoDate.slice(0, 4)}`;

const CENTRE = 'Trung tâm Chuyển đổi số tỉnh Đắk Lắk';
const RENAMED = 'Trung tâm Dữ liệu và Chuyển đổi số tỉnh Đắk Lắk';
const MERGED = 'UBND phường Tân Lập Thành Nhất';

/** Choose an option of an antd Select (in its own dropdown) by typing its label. */
async function choose(page: Page, label: string, option: string): Promise<void> {
  const exact = new RegExp(`^${option.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  await chooseOption(page, page.getByLabel(label, { exact: true }), exact, option);
}

/** Type a date into an antd DatePicker (dd/mm/yyyy) and accept it. */
async function typeDate(page: Page, label: string, isoDate: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(vn(isoDate));
  await input.press('Enter');
}

/** The legal basis of a change, as typed from the document. */
async function basis(page: Page, number: string, issued: string, issuer: string, title: string): Promise<void> {
  await page.getByLabel('Số, ký hiệu văn bản').fill(number);
  await typeDate(page, 'Ngày ban hành', issued);
  await page.getByLabel('Cơ quan ban hành').fill(issuer);
  await page.getByLabel('Trích yếu').fill(title);
}

describe('Nội vụ keeps the org structure', () => {
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

  it('creates a unit with its legal basis, renames it, merges two wards, and the merged ward’s timeline shows its predecessors', async () => {
    const { orgUnit: noiVu } = await stack.call<{ orgUnit: { id: string } }>('{ orgUnit(code: "DLK-SNV") { id } }');
    const account = await createAccount(stack, { username: 'noivu.tochuc', displayName: 'Lê Thị Tổ Chức', roles: ['HOME_AFFAIRS'], orgUnitId: noiVu.id });
    const j = await JourneyPage.open(browser, stack.origin, 'to-chuc-bo-may');
    await j.run(async () => {
      await signIn(j, account);
      const { page } = j;
      await page.getByRole('menuitem', { name: 'Tổ chức bộ máy' }).click();
      await page.getByRole('heading', { name: 'Tổ chức bộ máy' }).waitFor();
      await page.getByRole('link', { name: 'UBND phường Tân Lập', exact: true }).waitFor();
      const tree = await j.check('cay-don-vi');
      expect(tree).toContain('UBND tỉnh Đắk Lắk');
      expect(tree).toContain('Sở Nội vụ tỉnh Đắk Lắk');

      // A new unit under the province, established by a decision of the province.
      await page.getByRole('button', { name: 'Thành lập đơn vị' }).click();
      const create = page.getByRole('dialog', { name: 'Thành lập đơn vị' });
      await create.getByLabel('Tên đơn vị').fill(CENTRE);
      await choose(page, 'Loại đơn vị', 'Sở, ban, ngành');
      await choose(page, 'Trực thuộc', 'UBND tỉnh Đắk Lắk');
      // The code follows the name; the form checks it as it is typed.
      expect(await create.getByLabel('Mã đơn vị').inputValue()).toBe('TRUNG-TAM-CHUYEN-DOI-SO-TINH-DAK-LAK');
      await create.getByLabel('Mã đơn vị').fill('TT CĐS');
      await create.getByText('Mã chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang (tối đa 64 ký tự).').waitFor();
      await create.getByLabel('Mã đơn vị').fill('DLK-TT-CDS');
      await basis(page, '2150/QĐ-UBND', days(-20), 'UBND tỉnh Đắk Lắk', 'Về việc thành lập Trung tâm Chuyển đổi số tỉnh Đắk Lắk');
      // The effective date cannot precede the decision.
      await typeDate(page, 'Ngày hiệu lực', days(-25));
      await create.getByText('Ngày hiệu lực không trước ngày ban hành văn bản.').waitFor();
      await j.check('thanh-lap-kiem-tra');
      await typeDate(page, 'Ngày hiệu lực', days(-10));
      // The date pickers closed and the effective date checked again before the form is sent.
      await create.getByText('Ngày hiệu lực không trước ngày ban hành văn bản.').waitFor({ state: 'hidden' });
      await create.getByRole('button', { name: 'Thành lập', exact: true }).click();
      // A change of the structure waits for the graph's answer; on a machine busy with other suites that took over 20 s.
      await page.getByText('Đã ghi việc thành lập.').waitFor({ timeout: 60_000 });
      await create.waitFor({ state: 'hidden' });

      await page.getByLabel('Tìm theo tên').fill('Chuyển đổi số');
      await page.getByRole('link', { name: CENTRE }).waitFor();
      const found = await j.check('tim-thay');
      expect(found).toContain(`Từ ${vn(days(-10))}`);
      expect(found).toContain('UBND tỉnh Đắk Lắk');

      // Renamed by a later decision.
      await chooseMenuItem(page, page.getByRole('button', { name: `Thay đổi ${CENTRE}` }), 'Đổi tên');
      const rename = page.getByRole('dialog', { name: 'Đổi tên đơn vị' });
      await rename.getByLabel('Tên mới').fill(RENAMED);
      await basis(page, '2790/QĐ-UBND', days(-3), 'UBND tỉnh Đắk Lắk', 'Về việc đổi tên Trung tâm Chuyển đổi số tỉnh Đắk Lắk');
      await typeDate(page, 'Ngày hiệu lực', days(-2));
      await rename.getByRole('button', { name: 'Đổi tên', exact: true }).click();
      await page.getByText('Đã ghi việc đổi tên.').waitFor({ timeout: 60_000 });
      await page.getByRole('link', { name: RENAMED }).click();
      await page.getByRole('heading', { name: RENAMED }).waitFor();
      const history = await j.check('lich-su-trung-tam');
      expect(history).toContain('Thành lập');
      expect(history).toContain(`Căn cứ: 2150/QĐ-UBND ngày ${vn(days(-20))} của UBND tỉnh Đắk Lắk: Về việc thành lập Trung tâm Chuyển đổi số tỉnh Đắk Lắk`);
      expect(history).toContain('Đổi tên');
      expect(history).toContain(`từ ngày ${vn(days(-2))}`);

      // Two wards merged into a new one, today.
      await page.getByRole('link', { name: 'Tổ chức bộ máy' }).first().click();
      await page.getByLabel('Tìm theo tên').fill('');
      await page.getByRole('button', { name: 'Sáp nhập đơn vị' }).click();
      const merge = page.getByRole('dialog', { name: 'Sáp nhập đơn vị' });
      await choose(page, 'Các đơn vị sáp nhập', 'UBND phường Tân Lập');
      await choose(page, 'Các đơn vị sáp nhập', 'UBND phường Thành Nhất');
      await page.keyboard.press('Escape');
      await merge.getByLabel('Tên đơn vị').fill(MERGED);
      await choose(page, 'Loại đơn vị', 'UBND phường');
      await basis(page, '1890/NQ-UBTVQH15', days(-1), 'Ủy ban Thường vụ Quốc hội', 'Về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Đắk Lắk');
      await j.check('sap-nhap');
      await merge.getByRole('button', { name: 'Sáp nhập', exact: true }).click();
      await page.getByRole('heading', { name: MERGED }).waitFor({ timeout: 60_000 });
      await page.getByText('Hợp nhất từ:').waitFor();
      const timeline = await j.check('lich-su-phuong-moi');
      expect(timeline).toContain('Sáp nhập');
      expect(timeline).toContain('Hợp nhất từ: UBND phường Tân Lập và UBND phường Thành Nhất');
      expect(timeline).toContain(`Căn cứ: 1890/NQ-UBTVQH15 ngày ${vn(days(-1))} của Ủy ban Thường vụ Quốc hội`);
      expect(timeline).toMatch(new RegExp(`Đơn vị tiền thân[\\s\\S]*UBND phường Tân Lập \\(đến ${vn(days(-1))}\\) và UBND phường Thành Nhất \\(đến ${vn(days(-1))}\\)[\\s\\S]*Đơn vị kế thừa`));
      // It sits where the wards it replaced did.
      expect(timeline).toMatch(/Trực thuộc[\s\S]*UBND tỉnh Đắk Lắk/);

      // The new ward's e-mail, where its reminders will go: a malformed address is refused beside the field.
      await page.getByRole('button', { name: 'Sửa thông tin liên hệ' }).click();
      const details = page.getByRole('dialog');
      await details.getByLabel('Thư điện tử').fill('phuong-tan-lap-thanh-nhat');
      await details.getByRole('button', { name: 'Lưu' }).click();
      await details.getByText('Thư điện tử không đúng định dạng.').waitFor();
      await details.getByLabel('Thư điện tử').fill('ubnd.tanlapthanhnhat@daklak.gov.vn');
      await details.getByRole('button', { name: 'Lưu' }).click();
      await page.getByText('Đã lưu thông tin của UBND phường Tân Lập Thành Nhất.').waitFor();
      await page.getByText('ubnd.tanlapthanhnhat@daklak.gov.vn').waitFor();
      await j.check('thong-tin-lien-he');

      // A predecessor's own history: merged into the new ward, no longer active.
      await page.getByRole('link', { name: 'UBND phường Thành Nhất' }).first().click();
      await page.getByRole('heading', { name: 'UBND phường Thành Nhất' }).waitFor();
      const before = await j.check('lich-su-phuong-cu');
      expect(before).toContain(`Sáp nhập vào: ${MERGED}`);
      expect(before).toContain(`Thôi hoạt động từ ${vn(days(0))}`);
    });
  });
});
