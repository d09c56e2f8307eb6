import type { Browser } from 'playwright-core';
import { presetId } from '@thidua/platform';
import { createAccount, signIn, type TestAccount } from './support/accounts';
import { chooseOption, JourneyPage, launchChromium } from './support/browser';
import { BMT } from './support/seed';
import { startWebStack } from './support/web-stack';

/*
 * Nội vụ sets up Buôn Ma Thuột's awards (R11, R13) in «Thiết lập khen thưởng»: it reads the plan's award forms,
 * occasions and dossier rules; adds a form (a code with a space is refused as it is typed, a code the campaign already
 * has is refused by the server beside the field), adds an occasion, and changes the dossier rules to two copies with
 * the achievement report confirmed by the unit's head. The public campaign page then lists the new form, and a ward
 * officer's nomination (through the graph) is offered the form and the occasion and held to the new rules.
 */

type Stack = Awaited<ReturnType<typeof startWebStack>>;

const VN_NOW = new Date(Date.now() + 7 * 3_600_000);
const TODAY = VN_NOW.toISOString().slice(0, 10);
const FORM_NAME = 'Giấy khen của Chủ tịch UBND phường Tân An';
const OCCASION_NAME = 'Khen thưởng chuyên đề chuyển đổi số năm 2025';

/** Type a date into an Ant Design date picker as a person would (dd/mm/yyyy, then Enter). */
async function typeDate(j: JourneyPage, label: string, ddmmyyyy: string, scope = j.page.locator('body')): Promise<void> {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(ddmmyyyy);
  await input.press('Enter');
}

describe('Nội vụ sets up a campaign’s award forms, occasions and dossier rules', () => {
  let stack: Stack;
  let browser: Browser;
  let account: TestAccount;

  beforeAll(async () => {
    stack = await startWebStack();
    browser = await launchChromium();
    const { campaign } = await stack.call<{ campaign: { appraisingAgency: { id: string } } }>('{ campaign(code: "BMT-CDS-2023-2025") { appraisingAgency { id } } }');
    account = await createAccount(stack, { username: 'noivu.thietlap', displayName: 'Phạm Thị Lan (Nội vụ)', roles: ['HOME_AFFAIRS'], orgUnitId: campaign.appraisingAgency.id });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('adds an award form and an occasion, changes the dossier rules, and the nominating unit is offered them', async () => {
    const j = await JourneyPage.open(browser, stack.origin, 'thiet-lap-khen-thuong');
    await j.run(async () => {
      const { page } = j;
      await signIn(j, account);
      await page.getByRole('menuitem', { name: /Khen thưởng$/ }).first().click();
      await page.getByRole('heading', { name: 'Hồ sơ đề nghị khen thưởng' }).waitFor();
      await page.getByRole('link', { name: 'Thiết lập', exact: true }).click();
      await page.getByRole('heading', { name: 'Thiết lập khen thưởng' }).waitFor();
      await chooseOption(page, page.getByRole('combobox', { name: 'Phong trào' }), 'Buôn Ma Thuột');
      await page.getByText('Giấy khen của Chủ tịch UBND xã, phường').waitFor();
      const before = await j.check('thiet-lap');
      expect(before).toContain('Bằng khen của Chủ tịch UBND tỉnh');
      expect(before).toContain('Sơ kết');
      expect(before).toContain('Số bộ hồ sơ mỗi đề nghị');
      expect(before).toContain('Hiện nay: 01 bộ.');
      expect(await page.getByRole('checkbox', { name: 'Cấp trình khen' }).isChecked()).toBe(true);

      // A new form: the code is checked as it is typed, then the server refuses a code the campaign already has.
      await page.getByRole('button', { name: 'Thêm hình thức' }).click();
      const dialog = page.getByRole('dialog', { name: 'Thêm hình thức khen thưởng' });
      await dialog.getByLabel('Mã hình thức').fill('GK PHUONG');
      await dialog.locator('.ant-form-item-explain-error', { hasText: 'Mã chỉ gồm chữ không dấu' }).waitFor();
      await j.check('ma-sai-dang', [/GK PHUONG/]);
      await dialog.getByLabel('Mã hình thức').fill('GK-CT-UBND-XA');
      await dialog.getByLabel('Tên hình thức khen thưởng').fill(FORM_NAME);
      await chooseOption(page, dialog.getByLabel('Cấp có thẩm quyền khen thưởng'), 'Chủ tịch UBND cấp xã');
      await dialog.getByLabel('Chức danh người ký khen thưởng').fill('Chủ tịch UBND phường Tân An');
      await dialog.getByLabel('Số, ký hiệu văn bản').fill('193/KH-UBND');
      await dialog.getByLabel('Cơ quan ban hành').fill('UBND thành phố Buôn Ma Thuột');
      await dialog.getByRole('button', { name: 'Thêm hình thức' }).click();
      await dialog.locator('.ant-form-item-explain-error', { hasText: 'Phong trào đã có hình thức khen thưởng với mã này.' }).waitFor();
      await j.check('ma-da-co', [/GK-CT-UBND-XA/]);
      await dialog.getByLabel('Mã hình thức').fill('GK-CT-UBND-TAN-AN');
      await dialog.getByRole('button', { name: 'Thêm hình thức' }).click();
      await page.getByText(`Đã thêm hình thức «${FORM_NAME}».`).waitFor();
      await page.getByRole('cell', { name: new RegExp(FORM_NAME) }).waitFor();

      // A new occasion.
      await page.getByRole('button', { name: 'Thêm đợt' }).click();
      const occasion = page.getByRole('dialog', { name: 'Thêm đợt khen thưởng' });
      await occasion.getByLabel('Tên đợt khen thưởng').fill(OCCASION_NAME);
      await occasion.getByLabel('Năm', { exact: true }).fill('2025');
      await typeDate(j, 'Ngày bắt đầu nhận hồ sơ', '01/10/2025', occasion);
      await typeDate(j, 'Ngày kết thúc', '31/12/2025', occasion);
      await occasion.getByRole('button', { name: 'Thêm đợt' }).click();
      await page.getByText(`Đã thêm đợt «${OCCASION_NAME}».`).waitFor();
      await page.getByRole('cell', { name: OCCASION_NAME }).waitFor();

      // The dossier rules: two copies, the report confirmed by the unit's head (not the proposing level).
      const rules = page.getByRole('form', { name: 'Quy định về hồ sơ' });
      await rules.getByLabel('Số bộ hồ sơ mỗi đề nghị').fill('25');
      await rules.locator('.ant-form-item-explain-error', { hasText: 'Từ 1 đến 20 bộ.' }).waitFor();
      await rules.getByLabel('Số bộ hồ sơ mỗi đề nghị').fill('2');
      await rules.getByRole('checkbox', { name: 'Thủ trưởng đơn vị' }).check();
      await rules.getByRole('checkbox', { name: 'Cấp trình khen' }).uncheck();
      await rules.getByRole('button', { name: 'Lưu quy định' }).click();
      await page.getByText('Đã lưu quy định về hồ sơ của phong trào.').waitFor();
      await page.getByText('Hiện nay: 02 bộ.').waitFor();
      const after = await j.check('da-thiet-lap', [/GK-CT-UBND-[A-Z-]+/g]);
      expect(after).toContain(FORM_NAME);
      expect(after).toContain('Chủ tịch UBND phường Tân An');
      expect(after).toContain('193/KH-UBND');
      expect(after).toContain(OCCASION_NAME);
      expect(after).toContain('01/10/2025 – 31/12/2025');
      expect(after).toContain('Cập nhật lúc');

      // The public campaign page lists the new form.
      await page.goto('/phong-trao/BMT-CDS-2023-2025');
      await page.getByRole('cell', { name: FORM_NAME }).waitFor();
      await j.check('phong-trao-cong-khai');
    });

    // A ward of the city, preparing a nomination, is offered the new form and occasion and held to the new rules.
    const ward = presetId('OrgUnit', 'DLK-P-TAN-AN');
    const officer = await stack.token('UNIT_OFFICER', ward, { subject: 'e2e-tan-an' });
    const { campaign } = await stack.call<{
      campaign: { awardForms: Array<{ name: string; authorityTitle: string }>; occasions: Array<{ name: string; kind: string; endDate: string }>; awardRules: { dossierCopies: number; copiesText: string; reportConfirmations: string[] } };
    }>(
      'query($id: ID!, $d: Date!) { campaign(id: $id) { awardForms(availableOn: $d) { name authorityTitle } occasions { name kind endDate } awardRules { dossierCopies copiesText reportConfirmations } } }',
      { id: BMT, d: TODAY },
      officer,
    );
    expect(campaign.awardForms).toContainEqual({ name: FORM_NAME, authorityTitle: 'Chủ tịch UBND phường Tân An' });
    expect(campaign.occasions).toContainEqual({ name: OCCASION_NAME, kind: 'ANNUAL', endDate: '2025-12-31' });
    expect(campaign.awardRules).toEqual({ dossierCopies: 2, copiesText: '02 bộ', reportConfirmations: ['UNIT_HEAD'] });
  });
});
