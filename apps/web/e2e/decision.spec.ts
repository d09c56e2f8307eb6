import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { createAccount, signIn } from './support/accounts';
import { chooseOption, JourneyPage, launchChromium } from './support/browser';
import { appraisedNomination, BMT } from './support/seed';
import { startWebStack } from './support/web-stack';

/*
 * Quyết định khen thưởng (R14, R28): a civil servant of phường Tân An, nominated for the province chairman's Bằng khen at
 * Buôn Ma Thuột's 2024 annual occasion, has been appraised and passed by the council (seeded through the graph, the
 * campaign set to go without a public consultation). Nội vụ of Đắk Lắk sets the occasion's reward fund too small in
 * the browser, drafts the decision, sees the bonus and the warning that it exceeds the fund, downloads the draft
 * Quyết định, confirms going over the fund and records the signed decision; anyone then finds the awardee with the
 * decision's number on the public list of awardees.
 */

type Stack = Awaited<ReturnType<typeof startWebStack>>;

const VN_NOW = new Date(Date.now() + 7 * 3_600_000);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const days = (n: number) => iso(new Date(VN_NOW.getTime() + n * 86_400_000));
const money = (n: number) => `${new Intl.NumberFormat('vi-VN').format(n)} đồng`;

const AWARDEE = 'Phan Thị Hạnh';
const NUMBER = '2468/QĐ-UBND';
const SIGNER = 'Nguyễn Thiên Văn';
const SIGNER_TITLE = 'KT. Chủ tịch - Phó Chủ tịch UBND tỉnh Đắk Lắk';
const OCCASION = 'Khen thưởng hằng năm 2024';

/** The nomination brought to the council's recommendation through the graph, as the lead agency and Nội vụ would. */
async function seed(stack: Stack): Promise<{ nominationId: string; bonus: number }> {
  const admin = await stack.token('ADMIN', undefined, { subject: 'e2e-admin' });
  const lead = await stack.token('LEAD_AGENCY', undefined, { subject: 'e2e-lead' });
  const homeAffairs = await stack.token('HOME_AFFAIRS', undefined, { subject: 'e2e-noi-vu' });
  // This campaign considers its nominations without a public consultation (0 days), as a city may set it.
  const { campaign: rules } = await stack.call<{ campaign: { awardRules: { dossierCopies: number; leadReviewRequired: boolean; reportConfirmations: string[]; consultationStage: string; version: number | null } } }>(
    'query($c: ID!) { campaign(id: $c) { awardRules { dossierCopies leadReviewRequired reportConfirmations consultationStage version } } }',
    { c: BMT },
    admin,
  );
  const { version, ...current } = rules.awardRules;
  await stack.call('mutation($c: ID!, $v: Int, $i: CampaignAwardRulesInput!) { setCampaignAwardRules(campaignId: $c, expectedVersion: $v, input: $i) { version } }', { c: BMT, v: version, i: { ...current, consultationDays: 0 } }, admin);

  const { nominationId, occasionId } = await appraisedNomination(
    stack,
    { lead, homeAffairs },
    { fullName: AWARDEE, position: 'Công chức Văn hóa - Xã hội' },
    { achievementSummary: 'Triển khai dịch vụ công trực tuyến toàn trình của phường, 96% hồ sơ nộp trực tuyến năm 2024.', nominationDate: days(-20), documentsIssued: days(-21) },
  );
  const { openCouncilReview: council } = await stack.call<{ openCouncilReview: { id: string; version: number; members: Array<{ id: string }> } }>(
    'mutation($i: CouncilReviewInput!) { openCouncilReview(input: $i) { id version members { id } } }',
    {
      i: {
        occasionId,
        name: 'Hội đồng Thi đua - Khen thưởng tỉnh Đắk Lắk',
        meetingDate: days(-3),
        place: 'Phòng họp UBND tỉnh Đắk Lắk',
        passPercent: 60,
        nominationIds: [nominationId],
        members: [
          { name: 'Nguyễn Văn An', position: 'Chủ tịch Hội đồng' },
          { name: 'Trần Thị Bình', position: 'Ủy viên' },
          { name: 'Hoàng Văn Em', position: 'Thư ký' },
        ],
      },
    },
    homeAffairs,
  );
  for (const member of council.members) {
    await stack.call('mutation($r: ID!, $n: ID!, $m: ID!) { castCouncilVote(reviewId: $r, nominationId: $n, memberId: $m, vote: FOR) { id } }', { r: council.id, n: nominationId, m: member.id }, homeAffairs);
  }
  await stack.call('mutation($id: ID!, $v: Int!) { closeCouncilReview(id: $id, expectedVersion: $v) { id } }', { id: council.id, v: council.version }, homeAffairs);
  const { nomination } = await stack.call<{ nomination: { status: string; bonus: { amount: number } | null } }>('query($id: ID!) { nomination(id: $id) { status bonus { amount } } }', { id: nominationId }, homeAffairs);
  expect(nomination.status).toBe('RECOMMENDED');
  return { nominationId, bonus: nomination.bonus?.amount ?? 0 };
}

/** Choose an option of an antd Select (in its own dropdown) by typing part of its label. */
async function choose(page: Page, label: string, option: string | RegExp, byLabel = true): Promise<void> {
  const box = byLabel ? page.getByLabel(label, { exact: true }) : page.getByRole('combobox', { name: label });
  await chooseOption(page, box, option, typeof option === 'string' ? option : option.source.replace(/[\^$]/g, ''));
}

describe('Nội vụ records the decision and the awardee appears on the public awardee page', () => {
  let stack: Stack;
  let browser: Browser;
  let seeded: Awaited<ReturnType<typeof seed>>;

  beforeAll(async () => {
    stack = await startWebStack();
    browser = await launchChromium();
    seeded = await seed(stack);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('sets a fund too small, previews the decision over it, downloads the draft, confirms and records it; the public list shows the awardee', async () => {
    expect(seeded.bonus).toBeGreaterThan(1_000_000);
    const { orgUnit: noiVu } = await stack.call<{ orgUnit: { id: string } }>('{ orgUnit(code: "DLK-SNV") { id } }');
    const account = await createAccount(stack, { username: 'noivu.quyetdinh', displayName: 'Trần Quyết Định', roles: ['HOME_AFFAIRS'], orgUnitId: noiVu.id });
    const j = await JourneyPage.open(browser, stack.origin, 'quyet-dinh');
    await j.run(async () => {
      await signIn(j, account);
      const { page } = j;
      await page.goto('/khen-thuong/quyet-dinh?phongTrao=BMT-CDS-2023-2025');
      await page.getByRole('heading', { name: 'Quyết định khen thưởng' }).waitFor();
      await page.getByText('Chưa ghi quyết định khen thưởng nào.').waitFor();
      await j.check('chua-co-quyet-dinh');

      // The occasion's reward fund: 1.000.000 đồng, less than the bonus.
      await page.getByRole('navigation', { name: 'Công việc thi đua, khen thưởng của Nội vụ' }).getByRole('link', { name: 'Quỹ và mức thưởng' }).click();
      await page.getByRole('heading', { name: 'Quỹ khen thưởng và mức thưởng' }).waitFor();
      // The page opens on the campaign chosen on the previous one.
      await page.getByText('Chuyển đổi số giai đoạn 2023 - 2025', { exact: false }).first().waitFor();
      await page.getByText('Chưa đặt quỹ khen thưởng nào cho phong trào này.').waitFor();
      await page.getByText('Nghị định').first().waitFor();
      await j.check('quy-va-muc-thuong');
      await page.getByRole('button', { name: 'Đặt quỹ' }).click();
      const dialog = page.getByRole('dialog', { name: 'Đặt quỹ khen thưởng' });
      await choose(page, 'Năm', 'Năm 2024');
      await choose(page, 'Đợt khen thưởng', OCCASION);
      // The form checks as Nội vụ types: an amount is required, a source too.
      const amount = dialog.getByLabel('Số tiền của quỹ (đồng)');
      await amount.fill('5');
      await amount.fill('');
      await dialog.getByText('Nhập số tiền của quỹ.').waitFor();
      await dialog.getByLabel('Nguồn kinh phí, căn cứ').fill(' ');
      await dialog.getByText('Nhập nguồn kinh phí, căn cứ của quỹ.').waitFor();
      await j.check('dat-quy-kiem-tra');
      await amount.fill('1000000');
      await dialog.getByLabel('Nguồn kinh phí, căn cứ').fill('Quỹ thi đua, khen thưởng của tỉnh (Kế hoạch phát động, mục V)');
      await dialog.getByRole('button', { name: 'Lưu quỹ' }).click();
      await page.getByText('Đã lưu quỹ khen thưởng.').waitFor();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('cell', { name: money(1_000_000) }).first().waitFor();
      const funds = await j.check('quy-da-dat');
      expect(funds).toContain(OCCASION);
      expect(funds).toContain('Quỹ thi đua, khen thưởng của tỉnh (Kế hoạch phát động, mục V)');

      // Lập quyết định: the recommended nomination, previewed against the fund.
      await page.getByRole('navigation', { name: 'Công việc thi đua, khen thưởng của Nội vụ' }).getByRole('link', { name: 'Quyết định' }).click();
      await page.getByRole('button', { name: 'Lập quyết định' }).click();
      await page.getByRole('heading', { name: 'Lập quyết định khen thưởng' }).waitFor();
      await choose(page, 'Đợt khen thưởng', OCCASION, false);
      await page.getByRole('cell', { name: AWARDEE }).waitFor();
      await page.getByRole('row', { name: new RegExp(AWARDEE) }).getByRole('checkbox').check();
      await page.getByText('Còn lại sau quyết định').waitFor();
      const preview = await j.check('xem-truoc');
      expect(preview).toContain(`Tổng tiền thưởng ${money(seeded.bonus)} vượt quỹ khen thưởng`);
      expect(preview).toContain('Công chức Văn hóa - Xã hội');
      expect(preview).toContain(new Intl.NumberFormat('vi-VN').format(seeded.bonus - 1_000_000));
      expect(preview).toMatch(/lương cơ sở/i);

      const [draft] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải dự thảo Quyết định (Word)' }).click()]);
      expect(draft.suggestedFilename()).toMatch(/\.docx$/);
      const docx = await JSZip.loadAsync(readFileSync(await draft.path()));
      const body = (await docx.file('word/document.xml')?.async('string')) ?? '';
      expect(body).toContain(AWARDEE);

      // Recording over the fund needs Nội vụ's confirmation.
      await page.getByLabel('Số, ký hiệu quyết định').fill(NUMBER);
      await page.getByLabel('Người ký', { exact: true }).fill(SIGNER);
      await page.getByLabel('Chức vụ người ký').fill(SIGNER_TITLE);
      await page.getByRole('button', { name: 'Ghi quyết định' }).click();
      await page.getByText('Tổng tiền thưởng vượt quỹ: cần xác nhận để ghi quyết định.').waitFor();
      await j.check('can-xac-nhan-vuot-quy');
      await page.getByLabel('Xác nhận ghi dù vượt quỹ').check();
      await page.getByRole('button', { name: 'Ghi quyết định' }).click();
      await page.getByText(`Đã ghi Quyết định khen thưởng số ${NUMBER}`).waitFor();
      await j.check('da-ghi');

      await page.getByRole('button', { name: 'Xem quyết định' }).click();
      await page.getByRole('heading', { name: `Quyết định khen thưởng số ${NUMBER}` }).waitFor();
      const decision = await j.check('quyet-dinh');
      expect(decision).toContain(AWARDEE);
      expect(decision).toContain(money(seeded.bonus));
      expect(decision).toContain('Vượt quỹ, Nội vụ đã xác nhận');
      expect(decision).toContain(`${SIGNER_TITLE} ${SIGNER}`);
      const [word] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải Quyết định (Word)' }).click()]);
      expect(word.suggestedFilename()).toMatch(/\.docx$/);
      const signed = (await (await JSZip.loadAsync(readFileSync(await word.path()))).file('word/document.xml')?.async('string')) ?? '';
      expect(signed).toContain('2468/QĐ-UBND');
      const [certificates] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải danh sách in bằng, giấy khen' }).click()]);
      expect(certificates.suggestedFilename()).toMatch(/\.xlsx$/);

      await page.getByRole('navigation', { name: 'Công việc thi đua, khen thưởng của Nội vụ' }).getByRole('link', { name: 'Quyết định' }).click();
      await page.getByRole('link', { name: NUMBER }).waitFor();
      const list = await j.check('danh-sach-quyet-dinh');
      expect(list).toContain(SIGNER);
      expect(list).toContain(money(seeded.bonus));

      // The ward's quota at the occasion, the unit chosen by its name: its decided nomination counts against it.
      await page.getByRole('navigation', { name: 'Công việc thi đua, khen thưởng của Nội vụ' }).getByRole('link', { name: 'Chỉ tiêu' }).click();
      await page.getByRole('heading', { name: 'Chỉ tiêu đề nghị khen thưởng' }).waitFor();
      await choose(page, 'Đợt khen thưởng', OCCASION, false);
      await page.getByText('Chưa đặt chỉ tiêu nào cho đợt này.').waitFor();
      await page.getByRole('button', { name: 'Đặt chỉ tiêu' }).click();
      const quota = page.getByRole('dialog', { name: 'Đặt chỉ tiêu' });
      // Today's ward, not the ward of the same name that ended with the 2025 reform.
      await choose(page, 'Đơn vị đề nghị', /^UBND phường Tân An$/);
      await quota.getByLabel('Số đề nghị tối đa').fill('3');
      await quota.getByRole('button', { name: 'Lưu' }).click();
      await page.getByText('Đã lưu chỉ tiêu.').waitFor();
      await page.getByRole('cell', { name: 'UBND phường Tân An' }).waitFor();
      const quotas = await j.check('chi-tieu');
      expect(quotas).toContain('Mọi hình thức');
      expect(quotas).toContain('1/3');
    });

    // Anyone, without signing in, finds the awardee and the decision on the public list.
    const visitor = await JourneyPage.open(browser, stack.origin, 'quyet-dinh-cong-khai');
    await visitor.run(async () => {
      const { page } = visitor;
      await page.goto('/');
      await page.getByRole('menuitem', { name: 'Khen thưởng' }).click();
      await chooseOption(page, page.getByRole('combobox', { name: 'Phong trào' }), 'Buôn Ma Thuột');
      await page.getByText(AWARDEE).waitFor();
      const open = await visitor.check('cong-khai');
      expect(open).toContain(`Số ${NUMBER}`);
      expect(open).toContain('Bằng khen của Chủ tịch UBND tỉnh');
      expect(open).toContain(money(seeded.bonus));
    });
  });
});
