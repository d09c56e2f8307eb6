import type { Browser, Locator } from 'playwright-core';
import { presetId } from '@thidua/platform';
import { createAccount, signIn, type TestAccount } from './support/accounts';
import { chooseOption, JourneyPage, launchChromium } from './support/browser';
import { DN } from './support/seed';
import { startWebStack } from './support/web-stack';

/*
 * A ward's own records (R3, R6, R10): the officer of phường Hải Châu records a civil servant of the ward and corrects
 * their position; records an initiative with that person as author (the required fields said beside them first),
 * then corrects it (recognised at city level, replicated); and reports 60 % progress on a task the lead agency
 * assigned to the ward (through the graph), with a note and an evidence file (a percent above 100 refused beside the
 * field first). The lead agency's «Nhiệm vụ được giao» then shows the ward's progress, its note and its file.
 */

type Stack = Awaited<ReturnType<typeof startWebStack>>;

const VN_NOW = new Date(Date.now() + 7 * 3_600_000);
const YEAR = VN_NOW.getUTCFullYear();
const WARD = presetId('OrgUnit', 'DNG-P-HAI-CHAU-2025');
const TASK = 'Triển khai nền tảng tiếp nhận phản ánh, kiến nghị của người dân trên ứng dụng di động của thành phố';
const PERSON = 'Nguyễn Văn Bình';
const INITIATIVE = 'Số hóa sổ hộ tịch bằng mã vạch, tra cứu trong một phút';
const NOTE = 'Đã tập huấn cho 12 tổ dân phố; 60% hộ dân đã cài đặt ứng dụng.';
const EVIDENCE = 'Báo cáo kết quả tập huấn tổ dân phố.pdf';
const PDF = Buffer.from('%PDF-1.4\n% bao cao tap huan\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** Type a date into an Ant Design date picker as a person would (dd/mm/yyyy, then Enter). */
async function typeDate(scope: Locator, label: string, ddmmyyyy: string): Promise<void> {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(ddmmyyyy);
  await input.press('Enter');
}

describe('A ward records its initiatives and people and reports the progress of its tasks', () => {
  let stack: Stack;
  let browser: Browser;
  let officer: TestAccount;
  let lead: TestAccount;

  beforeAll(async () => {
    stack = await startWebStack();
    browser = await launchChromium();
    const { campaign } = await stack.call<{ campaign: { leadAgency: { id: string } } }>('{ campaign(code: "DN-CDS-2021-2030") { leadAgency { id } } }');
    const leadToken = await stack.token('LEAD_AGENCY', undefined, { subject: 'e2e-lead-dn' });
    await stack.call(
      'mutation($i: AssignTaskInput!) { assignTask(input: $i) { id } }',
      { i: { campaignId: DN, planNumber: '2870/QĐ-UBND', code: 'II.4', title: TASK, dueDate: `${YEAR}-12-31`, ownerUnitId: WARD } },
      leadToken,
    );
    officer = await createAccount(stack, { username: 'haichau.sang-kien', displayName: 'Đỗ Thị Ngọc Anh', roles: ['UNIT_OFFICER'], orgUnitId: WARD });
    lead = await createAccount(stack, { username: 'khcn.danang', displayName: 'Phan Văn Tú', roles: ['LEAD_AGENCY'], orgUnitId: campaign.leadAgency.id });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('records a person and an initiative, corrects both, and reports a task’s progress that the lead agency reads', async () => {
    const j = await JourneyPage.open(browser, stack.origin, 'sang-kien-nhiem-vu');
    await j.run(async () => {
      const { page } = j;
      await signIn(j, officer);
      await page.goto('/don-vi-cua-toi');
      await page.getByRole('button', { name: 'Cá nhân của đơn vị' }).waitFor();
      await j.check('viec-cua-don-vi');
      await page.getByRole('button', { name: 'Cá nhân của đơn vị' }).click();
      await page.getByRole('heading', { name: 'Cá nhân của đơn vị' }).waitFor();

      // A civil servant of the ward, then a correction of their position.
      await page.getByRole('button', { name: 'Ghi nhận cá nhân' }).click();
      const personDialog = page.getByRole('dialog', { name: 'Ghi nhận cá nhân' });
      await personDialog.getByLabel('Thư điện tử').fill('binh.nv@');
      await personDialog.locator('.ant-form-item-explain-error', { hasText: 'Thư điện tử chưa đúng dạng' }).waitFor();
      await personDialog.getByLabel('Thư điện tử').fill('binh.nv@haichau.danang.gov.vn');
      await personDialog.getByLabel('Họ và tên').fill(PERSON);
      await personDialog.getByLabel('Chức vụ').fill('Công chức Tư pháp');
      await personDialog.getByRole('button', { name: 'Lưu' }).click();
      await page.getByText(`Đã ghi nhận ${PERSON}.`).waitFor();
      await page.getByRole('button', { name: `Sửa thông tin ${PERSON}` }).click();
      const editPerson = page.getByRole('dialog', { name: 'Sửa thông tin cá nhân' });
      await editPerson.getByLabel('Chức vụ').fill('Công chức Tư pháp - Hộ tịch');
      await editPerson.getByRole('button', { name: 'Lưu' }).click();
      await page.getByText(`Đã lưu thông tin của ${PERSON}.`).waitFor();
      await page.getByText('Công chức Tư pháp - Hộ tịch').waitFor();
      const people = await j.check('ca-nhan');
      expect(people).toContain(PERSON);
      expect(people).toContain('Cán bộ, công chức');

      // An initiative: the required fields are said beside them, then it is recorded with its author.
      await page.getByRole('link', { name: 'Việc của đơn vị' }).first().click();
      await page.getByRole('button', { name: 'Sáng kiến, giải pháp' }).click();
      await page.getByRole('heading', { name: 'Sáng kiến, giải pháp' }).waitFor();
      await page.getByRole('button', { name: 'Ghi nhận sáng kiến' }).click();
      const drawer = page.locator('.ant-drawer').filter({ hasText: 'Ghi nhận sáng kiến, giải pháp' });
      await drawer.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
      await drawer.locator('.ant-form-item-explain-error', { hasText: 'Nhập tên sáng kiến.' }).waitFor();
      await drawer.locator('.ant-form-item-explain-error', { hasText: 'Chọn ít nhất một tác giả.' }).waitFor();
      await j.check('sang-kien-thieu');
      await drawer.getByLabel('Tên sáng kiến, giải pháp').fill(INITIATIVE);
      await drawer.getByLabel('Lĩnh vực áp dụng').fill('Tư pháp - hộ tịch');
      await chooseOption(page, drawer.getByLabel('Tác giả'), PERSON);
      await drawer.getByLabel('Số quyết định công nhận').click();
      await drawer.getByLabel('Số quyết định công nhận').fill('45/QĐ-UBND');
      await typeDate(drawer, 'Ngày công nhận', `15/03/${YEAR}`);
      await chooseOption(page, drawer.getByLabel('Thuộc phong trào thi đua'), 'Đà Nẵng');
      await drawer.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
      await page.getByText('Đã ghi nhận sáng kiến.').waitFor();
      await page.getByRole('cell', { name: new RegExp(`^${INITIATIVE} Lĩnh vực`) }).waitFor();

      // Corrected: recognised by the city, and replicated.
      await page.getByRole('button', { name: `Sửa sáng kiến ${INITIATIVE}` }).click();
      const edit = page.locator('.ant-drawer').filter({ hasText: 'Sửa sáng kiến' });
      await chooseOption(page, edit.getByLabel('Cấp công nhận'), 'Cấp tỉnh');
      await edit.getByRole('switch').click();
      await edit.getByRole('button', { name: 'Lưu', exact: true }).click();
      await page.getByText('Đã lưu sáng kiến.').waitFor();
      await page.getByRole('cell', { name: 'Đã nhân rộng' }).waitFor();
      const initiatives = await j.check('sang-kien');
      expect(initiatives).toContain(INITIATIVE);
      expect(initiatives).toContain(PERSON);
      expect(initiatives).toContain('Cấp tỉnh');
      expect(initiatives).toContain(`Quyết định 45/QĐ-UBND ngày 15/03/${YEAR}`);

      // The task's progress, with a note and an evidence file.
      await page.getByRole('link', { name: 'Việc của đơn vị' }).first().click();
      await page.getByRole('button', { name: 'Nhiệm vụ được giao' }).click();
      await page.getByRole('heading', { name: 'Nhiệm vụ được giao' }).waitFor();
      await page.getByText(TASK).waitFor();
      await j.check('nhiem-vu');
      await page.getByRole('button', { name: `Báo cáo tiến độ: ${TASK}` }).click();
      const report = page.getByRole('dialog', { name: 'Báo cáo tiến độ nhiệm vụ' });
      await report.getByLabel('Tiến độ đạt được', { exact: true }).fill('120');
      await report.locator('.ant-form-item-explain-error', { hasText: 'Tiến độ từ 0% (lần báo cáo trước) đến 100%.' }).waitFor();
      await report.getByLabel('Tiến độ đạt được', { exact: true }).fill('60');
      await report.getByLabel('Nội dung đã thực hiện').fill(NOTE);
      await report.locator('input[type=file]').setInputFiles({ name: EVIDENCE, mimeType: 'application/pdf', buffer: PDF });
      await report.getByRole('link', { name: EVIDENCE }).waitFor();
      await j.check('bao-cao-tien-do', [/\.pdf/]);
      await report.getByRole('button', { name: 'Gửi báo cáo' }).click();
      await page.getByText('Đã báo cáo tiến độ 60%.').waitFor();
      await page.getByRole('row', { name: new RegExp(TASK) }).getByText('60%', { exact: true }).waitFor();
      await page.getByRole('button', { name: 'Mở rộng dòng' }).first().click();
      await page.locator('.ant-table').getByText(NOTE).waitFor();
      const tasks = await j.check('da-bao-cao', [/\.pdf/]);
      expect(tasks).toContain('đạt 60%');
      expect(tasks).toContain('Đang thực hiện');
    });

    // The lead agency reads the ward's progress on its tasks page.
    const l = await JourneyPage.open(browser, stack.origin, 'sang-kien-nhiem-vu-co-quan-thuong-truc');
    await l.run(async () => {
      const { page } = l;
      await signIn(l, lead);
      await page.goto(`/dieu-hanh/nhiem-vu?phongTrao=DN-CDS-2021-2030&nam=${YEAR}`);
      await page.getByRole('heading', { name: 'Nhiệm vụ được giao' }).waitFor();
      await page.getByText(TASK).waitFor();
      await page.getByRole('row', { name: new RegExp(TASK) }).getByText('60%', { exact: true }).waitFor();
      await page.getByRole('button', { name: 'Mở rộng dòng' }).first().click();
      await page.locator('.ant-table').getByText(NOTE).waitFor();
      await page.getByRole('link', { name: EVIDENCE }).waitFor();
      const text = await l.check('nhiem-vu-co-quan-thuong-truc', [/\.pdf/]);
      expect(text).toContain('UBND phường Hải Châu');
      expect(text).toContain('đạt 60%');
    });

    // What the graph now holds: the initiative as corrected, with its author.
    const token = await stack.token('UNIT_OFFICER', WARD, { subject: 'e2e-check' });
    const { initiatives } = await stack.call<{ initiatives: Array<{ title: string; recognitionLevel: string; replicated: boolean; decisionNumber: string; authors: Array<{ fullName: string; position: string }> }> }>(
      'query($u: ID!) { initiatives(unitId: $u) { title recognitionLevel replicated decisionNumber authors { fullName position } } }',
      { u: WARD },
      token,
    );
    expect(initiatives).toEqual([{ title: INITIATIVE, recognitionLevel: 'PROVINCE', replicated: true, decisionNumber: '45/QĐ-UBND', authors: [{ fullName: PERSON, position: 'Công chức Tư pháp - Hộ tịch' }] }]);
  });
});
