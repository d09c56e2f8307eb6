import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { presetId } from '@thidua/platform';
import { createAccount, signIn, type TestAccount } from './support/accounts';
import { chooseOption, JourneyPage, launchChromium } from './support/browser';
import { BMT, DN } from './support/seed';
import { startWebStack } from './support/web-stack';

/*
 * Nội vụ's dossier pipeline (R13, R14, R27): two nominations of UBND phường Tân An for Buôn Ma Thuột's 2024 annual
 * awards, each with its dossier uploaded and attached and submitted (seeded through the graph, as the ward's own
 * pages would do it). In the browser, Nội vụ sees both with the summary counts, opens one, opens a document of its
 * dossier, returns it with a reason (the reason is required beside its field), confirms the other's items and
 * appraises it, sees the counts change, publishes the appraised one for public comment, answers a citizen's objection
 * and publishes the answer, which the public page then shows.
 */

type Stack = Awaited<ReturnType<typeof startWebStack>>;

const VN_NOW = new Date(Date.now() + 7 * 3_600_000);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const days = (n: number) => iso(new Date(VN_NOW.getTime() + n * 86_400_000));
const vn = (isoDate: string) => `${isoDate.slice(8, 10)}/${isoDate.slice(5, 7)}/${isoDate.slice(0, 4)}`;
const PDF = (title: string) => Buffer.from(`%PDF-1.4\n% ${title}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`);

const FILE_NAMES: Record<string, string> = {
  TO_TRINH: 'Tờ trình 15-TTr-UBND',
  BIEN_BAN_HOI_DONG: 'Biên bản họp Hội đồng phường',
  BAO_CAO_THANH_TICH: 'Báo cáo thành tích',
};
const RETURN_REASON = 'Báo cáo thành tích chưa nêu số liệu hồ sơ đã số hóa theo từng năm; đề nghị bổ sung.';
const OBJECTION = 'Đề nghị làm rõ số hồ sơ ông Hùng trực tiếp số hóa, vì tổ công tác có nhiều người tham gia.';
const ANSWER = 'Thường trực Hội đồng đã xác minh với UBND phường Tân An: ông Trần Văn Hùng trực tiếp số hóa 6.200 hồ sơ.';

async function seed(stack: Stack): Promise<{ occasionId: string; homeAffairsUnitId: string; hung: string; mai: string }> {
  const lead = await stack.token('LEAD_AGENCY', undefined, { subject: 'e2e-lead' });
  const homeAffairs = await stack.token('HOME_AFFAIRS', undefined, { subject: 'e2e-noi-vu-seed' });
  const ward = presetId('OrgUnit', 'DLK-P-TAN-AN');
  const { campaign } = await stack.call<{ campaign: { appraisingAgency: { id: string }; awardForms: Array<{ id: string; name: string }>; occasions: Array<{ id: string; year: number }> } }>(
    '{ campaign(code: "BMT-CDS-2023-2025") { appraisingAgency { id } awardForms { id name } occasions(kind: ANNUAL) { id year } } }',
  );
  const formId = campaign.awardForms.find((f) => f.name === 'Bằng khen của Chủ tịch UBND tỉnh')?.id;
  const occasionId = campaign.occasions.find((o) => o.year === 2024)?.id as string;

  const nominate = async (person: { fullName: string; position: string; email: string }, summary: string): Promise<string> => {
    const { createPerson } = await stack.call<{ createPerson: { id: string } }>(
      'mutation($i: PersonInput!) { createPerson(input: $i) { id } }',
      { i: { ...person, kind: 'CIVIL_SERVANT', unitId: ward } },
      homeAffairs,
    );
    let n = (
      await stack.call<{ createNomination: { id: string; version: number } }>(
        'mutation($i: NominationInput!) { createNomination(input: $i) { id version } }',
        { i: { campaignId: BMT, occasionId, formId, proposingUnitId: ward, candidatePersonId: createPerson.id, achievementSummary: summary, nominationDate: days(-10) } },
        lead,
      )
    ).createNomination;
    for (const kind of ['TO_TRINH', 'BIEN_BAN_HOI_DONG', 'BAO_CAO_THANH_TICH']) {
      const form = new FormData();
      form.append('file', new Blob([PDF(kind)], { type: 'application/pdf' }), `${FILE_NAMES[kind]} - ${person.fullName}.pdf`);
      form.append('unitId', ward);
      const res = await fetch(`${stack.origin}/files`, { method: 'POST', body: form, headers: { authorization: `Bearer ${lead}` } });
      if (!res.ok) throw new Error(`upload: ${res.status} ${await res.text()}`);
      const up = (await res.json()) as { id: string };
      await stack.call(
        'mutation($n: ID!, $k: DocumentKind!, $f: ID!, $c: Boolean) { attachDossierDocument(nominationId: $n, kind: $k, fileId: $f, issuedDate: "2025-02-20", confirmedByProposingLevel: $c) { id } }',
        { n: n.id, k: kind, f: up.id, c: kind === 'BAO_CAO_THANH_TICH' },
        lead,
      );
    }
    n = (await stack.call<{ submitNomination: typeof n }>('mutation($id: ID!, $v: Int!) { submitNomination(id: $id, expectedVersion: $v) { id version } }', { id: n.id, v: n.version }, lead)).submitNomination;
    return n.id;
  };
  const mai = await nominate(
    { fullName: 'Hoàng Thị Mai', position: 'Công chức Văn phòng - Thống kê', email: 'mai.ht@tanan.daklak.gov.vn' },
    'Xây dựng kho dữ liệu số của phường, số hóa 12.000 hồ sơ hộ tịch năm 2024.',
  );
  const hung = await nominate(
    { fullName: 'Trần Văn Hùng', position: 'Công chức Tư pháp - Hộ tịch', email: 'hung.tv@tanan.daklak.gov.vn' },
    'Triển khai dịch vụ công trực tuyến toàn trình cho 100% thủ tục hộ tịch của phường năm 2024.',
  );
  return { occasionId, homeAffairsUnitId: campaign.appraisingAgency.id, hung, mai };
}

/**
 * Đà Nẵng's campaign has its lead agency compile and review dossiers before Nội vụ: two nominations of phường Hải
 * Châu, each with its dossier (the report confirmed by the unit's head and the direct superior), submitted by the
 * ward's officer.
 */
async function seedDaNang(stack: Stack): Promise<{ leadUnitId: string; ids: Record<string, string> }> {
  const ward = presetId('OrgUnit', 'DNG-P-HAI-CHAU-2025');
  const officer = await stack.token('UNIT_OFFICER', ward, { subject: 'van-phong-hai-chau' });
  const { campaign } = await stack.call<{ campaign: { leadAgency: { id: string }; awardForms: Array<{ id: string; name: string }>; occasions: Array<{ id: string; year: number }> } }>(
    '{ campaign(code: "DN-CDS-2021-2030") { leadAgency { id } awardForms { id name } occasions(kind: ANNUAL) { id year } } }',
  );
  const formId = campaign.awardForms.find((f) => f.name === 'Bằng khen của Chủ tịch UBND thành phố Đà Nẵng')?.id;
  const occasionId = campaign.occasions.find((o) => o.year === 2025)?.id;
  const ids: Record<string, string> = {};
  for (const [fullName, position, summary] of [
    ['Nguyễn Thị Hạnh', 'Công chức Văn hóa - Xã hội', 'Triển khai nền tảng số của phường, 98% hồ sơ thủ tục hành chính nộp trực tuyến năm 2025.'],
    ['Lê Quang Vinh', 'Công chức Địa chính - Xây dựng', 'Số hóa toàn bộ hồ sơ đất đai của phường, kết nối cơ sở dữ liệu đất đai của thành phố năm 2025.'],
  ]) {
    const { createPerson } = await stack.call<{ createPerson: { id: string } }>('mutation($i: PersonInput!) { createPerson(input: $i) { id } }', { i: { fullName, kind: 'CIVIL_SERVANT', unitId: ward, position } }, officer);
    let n = (
      await stack.call<{ createNomination: { id: string; version: number } }>(
        'mutation($i: NominationInput!) { createNomination(input: $i) { id version } }',
        { i: { campaignId: DN, occasionId, formId, proposingUnitId: ward, candidatePersonId: createPerson.id, achievementSummary: summary } },
        officer,
      )
    ).createNomination;
    for (const kind of ['TO_TRINH', 'BIEN_BAN_HOI_DONG', 'BAO_CAO_THANH_TICH']) {
      const form = new FormData();
      form.append('file', new Blob([PDF(kind)], { type: 'application/pdf' }), `${FILE_NAMES[kind]} - ${fullName}.pdf`);
      const res = await fetch(`${stack.origin}/files`, { method: 'POST', body: form, headers: { authorization: `Bearer ${officer}` } });
      if (!res.ok) throw new Error(`upload: ${res.status} ${await res.text()}`);
      const up = (await res.json()) as { id: string };
      await stack.call(
        'mutation($n: ID!, $k: DocumentKind!, $f: ID!, $c: [ReportConfirmer!]) { attachDossierDocument(nominationId: $n, kind: $k, fileId: $f, confirmations: $c) { id } }',
        { n: n.id, k: kind, f: up.id, c: kind === 'BAO_CAO_THANH_TICH' ? ['UNIT_HEAD', 'DIRECT_SUPERIOR'] : null },
        officer,
      );
    }
    n = (await stack.call<{ submitNomination: typeof n }>('mutation($id: ID!, $v: Int!) { submitNomination(id: $id, expectedVersion: $v) { id version } }', { id: n.id, v: n.version }, officer)).submitNomination;
    ids[fullName] = n.id;
  }
  return { leadUnitId: campaign.leadAgency.id, ids };
}

describe('Nội vụ appraises the dossiers and runs the public consultation', () => {
  let stack: Stack;
  let browser: Browser;
  let seeded: Awaited<ReturnType<typeof seed>>;
  let account: TestAccount;

  beforeAll(async () => {
    stack = await startWebStack();
    browser = await launchChromium();
    seeded = await seed(stack);
    account = await createAccount(stack, { username: 'noivu.bmt', displayName: 'Lê Thị Thu (Nội vụ)', roles: ['HOME_AFFAIRS'], orgUnitId: seeded.homeAffairsUnitId });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('returns one dossier with a reason, appraises the other, publishes it and answers a comment', async () => {
    const j = await JourneyPage.open(browser, stack.origin, 'noi-vu');
    await j.run(async () => {
      const { page } = j;
      await signIn(j, account);
      await page.getByRole('menuitem', { name: /Khen thưởng$/ }).first().click();
      await page.getByRole('heading', { name: 'Hồ sơ đề nghị khen thưởng' }).waitFor();
      await chooseOption(page, page.getByRole('combobox', { name: 'Phong trào' }), 'Buôn Ma Thuột');
      await page.getByRole('link', { name: 'Trần Văn Hùng' }).waitFor();
      await page.getByRole('button', { name: 'Đề xuất: 2', exact: true }).waitFor();
      await page.getByRole('button', { name: 'Đang xử lý: 2', exact: true }).waitFor();
      await page.getByRole('button', { name: 'Đạt: 0', exact: true }).waitFor();
      await page.getByRole('button', { name: 'Không đạt: 0', exact: true }).waitFor();
      const list = await j.check('ho-so-de-nghi');
      expect(list).toContain('Hoàng Thị Mai');
      expect(list).toContain('UBND phường Tân An');
      expect(list).toContain('Bằng khen của Chủ tịch UBND tỉnh');
      expect(list).toContain('Khen thưởng hằng năm 2024');
      expect(list).toContain('Đã trình');

      // The whole dossier of Hoàng Thị Mai; a document opens in a new tab.
      await page.getByRole('link', { name: 'Hoàng Thị Mai' }).click();
      await page.getByRole('heading', { name: 'Hoàng Thị Mai' }).waitFor();
      await page.getByText(`${FILE_NAMES.TO_TRINH} - Hoàng Thị Mai.pdf`).waitFor();
      const dossier = await j.check('ho-so-mai', [/\.pdf/]);
      expect(dossier).toContain('Xây dựng kho dữ liệu số của phường, số hóa 12.000 hồ sơ hộ tịch năm 2024.');
      expect(dossier).toContain('Công chức Văn phòng - Thống kê');
      expect(dossier).toContain('Điều kiện khen thưởng');
      expect(dossier).toContain('Gửi đề nghị');
      const [tab] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('button', { name: 'Mở' }).first().click()]);
      await tab.waitForURL(/^blob:/);
      await tab.close();

      // Returned with a reason: the reason is required, beside its field.
      await page.getByRole('button', { name: 'Trả lại để bổ sung, sửa' }).click();
      const dialog = page.getByRole('dialog', { name: 'Trả lại hồ sơ để đơn vị bổ sung, sửa' });
      await dialog.getByRole('button', { name: 'Trả lại', exact: true }).click();
      await dialog.locator('.ant-form-item-explain-error', { hasText: 'Phải nêu lý do.' }).waitFor();
      await j.check('tra-lai-thieu-ly-do', [/\.pdf/]);
      await dialog.getByLabel('Lý do trả lại').fill(RETURN_REASON);
      await dialog.getByRole('button', { name: 'Trả lại', exact: true }).click();
      await page.getByText(`Đã trả lại: ${RETURN_REASON}`).waitFor();
      const returned = await j.check('da-tra-lai', [/\.pdf/]);
      expect(returned).toContain('Bị trả lại');
      expect(returned).toContain(`Lý do: ${RETURN_REASON}`);

      // Trần Văn Hùng: appraising before the items are confirmed is refused plainly; each item is confirmed, then appraised.
      await page.getByRole('link', { name: 'Danh sách hồ sơ đề nghị' }).click();
      await page.getByRole('link', { name: 'Trần Văn Hùng' }).click();
      await page.getByRole('heading', { name: 'Trần Văn Hùng' }).waitFor();
      await page.getByRole('button', { name: 'Thẩm định đạt' }).click();
      await j.confirm('Thẩm định đạt', 'dialog');
      await page.getByText('Chưa thẩm định đạt được: Nội vụ chưa xác nhận').waitFor();
      await j.check('chua-xac-nhan', [/\.pdf/]);
      const confirmButtons = page.getByRole('button', { name: /^Xác nhận / });
      for (let left = await confirmButtons.count(); left > 0; left--) {
        await confirmButtons.first().click();
        await page.waitForFunction((n) => document.querySelectorAll('button[aria-label^="Xác nhận "]').length === n, left - 1);
      }
      await page.getByText('Mọi mục của hồ sơ đã được xác nhận; có thể thẩm định đạt.').waitFor();
      await page.getByRole('button', { name: 'Thẩm định đạt' }).click();
      await j.confirm('Thẩm định đạt', 'dialog');
      await page.locator('.ant-tag', { hasText: 'Đã thẩm định' }).first().waitFor();
      const appraised = await j.check('da-tham-dinh', [/\.pdf/]);
      expect(appraised).toContain('Nội vụ thẩm định đạt');
      expect(appraised).toContain('Nội vụ đã xác nhận đủ hồ sơ');

      // The counts follow; a card filters the list.
      await page.getByRole('link', { name: 'Danh sách hồ sơ đề nghị' }).click();
      await page.getByRole('button', { name: 'Đạt: 1', exact: true }).waitFor();
      await page.getByRole('button', { name: 'Không đạt: 1', exact: true }).waitFor();
      await page.getByRole('button', { name: 'Đang xử lý: 0', exact: true }).click();
      await page.getByText('Không có hồ sơ nào khớp với bộ lọc.').waitFor();
      await page.getByRole('button', { name: 'Đạt: 1', exact: true }).click();
      await page.getByRole('link', { name: 'Trần Văn Hùng' }).waitFor();
      expect(await page.getByRole('link', { name: 'Hoàng Thị Mai' }).count()).toBe(0);
      const counted = await j.check('so-lieu-sau-tham-dinh');
      expect(counted).toContain('Đã thẩm định');
      // The list as filtered, in Excel.
      const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải Excel' }).click()]);
      expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(await xlsx.path()) as unknown as ArrayBuffer);
      const sheet = wb.getWorksheet('Đề nghị khen thưởng');
      const cells: string[] = [];
      sheet?.eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
      expect(cells).toContain('Trần Văn Hùng');
      expect(cells).toContain('Công chức Tư pháp - Hộ tịch');
      expect(cells).toContain('Đã thẩm định');
      expect(cells).not.toContain('Hoàng Thị Mai');

      // The public consultation of the appraised nominee, from today for the campaign's five days.
      await page.getByRole('menuitem', { name: /Lấy ý kiến$/ }).click();
      await page.getByRole('heading', { name: 'Công khai, lấy ý kiến nhân dân' }).waitFor();
      await page.getByText('Chưa công khai danh sách đề nghị nào để lấy ý kiến.').waitFor();
      await page.getByRole('button', { name: 'Công khai danh sách' }).click();
      const drawer = page.locator('.ant-drawer').filter({ visible: true });
      await drawer.getByText('Phong trào quy định công khai ít nhất 5 ngày').waitFor();
      await chooseOption(page, drawer.getByLabel('Đợt khen thưởng'), 'Khen thưởng hằng năm 2024');
      await drawer.getByRole('checkbox', { name: /Trần Văn Hùng/ }).check();
      expect(await drawer.getByRole('checkbox', { name: /Hoàng Thị Mai/ }).count()).toBe(0);
      await j.check('mo-lay-y-kien');
      await drawer.getByRole('button', { name: 'Công khai', exact: true }).click();
      await page.getByText(`Đã công khai danh sách từ ngày ${vn(days(0))} đến ngày ${vn(days(5))}.`).waitFor();
      await page.getByRole('cell', { name: `${vn(days(0))} – ${vn(days(5))}` }).waitFor();
      const opened = await j.check('da-cong-khai');
      expect(opened).toContain('Đang lấy ý kiến');
      expect(opened).toContain('Chưa nhận được ý kiến nào.');

      // A citizen objects (through the graph, as the public page does); Nội vụ reads it with the contact and answers.
      const { publicConsultations } = await stack.call<{ publicConsultations: Array<{ id: string }> }>('query($c: ID!) { publicConsultations(campaignId: $c) { id } }', { c: BMT });
      await stack.call(
        'mutation($c: ID!, $n: ID!, $t: String!) { submitConsultationComment(consultationId: $c, nominationId: $n, kind: OBJECTION, authorName: "Phạm Thị Lan", contact: "lan.pt@gmail.com", content: $t) { message } }',
        { c: publicConsultations[0].id, n: seeded.hung, t: OBJECTION },
      );
      await page.reload();
      await page.getByText(OBJECTION).waitFor();
      const comments = await j.check('y-kien');
      expect(comments).toContain('lan.pt@gmail.com');
      expect(comments).toContain('Chưa trả lời');
      await page.getByRole('button', { name: 'Trả lời ý kiến của Phạm Thị Lan' }).click();
      const answer = page.getByRole('dialog', { name: /Trả lời phản ánh về Trần Văn Hùng/ });
      await answer.getByLabel('Trả lời của Thường trực Hội đồng').fill('Ngắn');
      await answer.getByText('Câu trả lời ít nhất 10 ký tự.').waitFor();
      await answer.getByLabel('Trả lời của Thường trực Hội đồng').fill(ANSWER);
      await answer.getByRole('checkbox', { name: /Công khai ý kiến và câu trả lời/ }).check();
      await j.check('tra-loi');
      await answer.getByRole('button', { name: 'Lưu trả lời' }).click();
      await page.getByText('Đã trả lời và công khai ý kiến.').waitFor();
      await page.getByRole('cell', { name: /Đã công khai/ }).waitFor();
      await j.check('da-tra-loi');

      // The nomination's dossier keeps the consultation.
      await page.getByRole('link', { name: 'Trần Văn Hùng' }).click();
      await page.getByRole('heading', { name: 'Trần Văn Hùng' }).waitFor();
      await page.getByText(`Trả lời (`, { exact: false }).waitFor();
      const kept = await j.check('ho-so-co-lay-y-kien', [/\.pdf/]);
      expect(kept).toContain(ANSWER);
      expect(kept).toContain('Công khai, lấy ý kiến nhân dân');
      expect(kept).toContain(`Công khai từ ngày ${vn(days(0))} đến ngày ${vn(days(5))}: 1 ý kiến (1 phản ánh).`);

      // The public page shows the objection and the answer, never the contact.
      await page.goto('/lay-y-kien');
      await chooseOption(page, page.getByRole('combobox', { name: 'Phong trào' }), 'Buôn Ma Thuột');
      await page.getByText(ANSWER, { exact: false }).waitFor();
      const published = await j.check('trang-cong-khai');
      expect(published).toContain(OBJECTION);
      expect(published).not.toContain('lan.pt@gmail.com');
    });
  });
});

describe('the lead agency of Đà Nẵng reviews the submitted dossiers before Nội vụ', () => {
  let stack: Stack;
  let browser: Browser;
  let seeded: Awaited<ReturnType<typeof seedDaNang>>;
  let account: TestAccount;

  beforeAll(async () => {
    stack = await startWebStack();
    browser = await launchChromium();
    seeded = await seedDaNang(stack);
    account = await createAccount(stack, { username: 'thuongtruc.dn', displayName: 'Võ Minh Tâm (cơ quan thường trực)', roles: ['LEAD_AGENCY'], orgUnitId: seeded.leadUnitId });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('returns one with a reason and forwards the other to Nội vụ', async () => {
    const j = await JourneyPage.open(browser, stack.origin, 'tham-tra-ho-so');
    await j.run(async () => {
      const { page } = j;
      await signIn(j, account);
      await page.goto('/dieu-hanh');
      await page.getByRole('menuitem', { name: /Hồ sơ khen thưởng$/ }).click();
      await page.getByRole('heading', { name: 'Tổng hợp, thẩm tra hồ sơ khen thưởng' }).waitFor();
      await page.getByText('Nguyễn Thị Hạnh').first().waitFor();
      const list = await j.check('cho-tham-tra');
      expect(list).toContain('Lê Quang Vinh');
      expect(list).toContain('UBND phường Hải Châu');
      expect(list).toContain('Bằng khen của Chủ tịch UBND thành phố Đà Nẵng');

      // Returned with a reason, required beside its field.
      await page.getByText('Nguyễn Thị Hạnh').first().click();
      const drawer = page.locator('.ant-drawer').filter({ visible: true });
      await drawer.getByText(`${FILE_NAMES.TO_TRINH} - Nguyễn Thị Hạnh.pdf`).waitFor();
      const dossier = await j.check('ho-so-hanh', [/\.pdf/]);
      expect(dossier).toContain('Triển khai nền tảng số của phường');
      expect(dossier).toContain('Điều kiện khen thưởng');
      await drawer.getByRole('button', { name: 'Trả lại' }).click();
      const dialog = page.getByRole('dialog', { name: 'Trả lại hồ sơ cho đơn vị đề nghị' });
      await dialog.getByRole('button', { name: 'Trả lại', exact: true }).click();
      await dialog.locator('.ant-form-item-explain-error', { hasText: 'Phải nêu lý do.' }).waitFor();
      await dialog.getByLabel('Lý do trả lại').fill('Tờ trình chưa nêu số liệu kết quả chuyển đổi số năm 2025 của phường.');
      await dialog.getByRole('button', { name: 'Trả lại', exact: true }).click();
      await page.getByText('Đã trả lại hồ sơ cho đơn vị đề nghị.').waitFor();
      await drawer.waitFor({ state: 'hidden' });

      // Forwarded to Nội vụ: the list is then empty.
      await page.getByText('Lê Quang Vinh').first().click();
      await drawer.getByText(`${FILE_NAMES.TO_TRINH} - Lê Quang Vinh.pdf`).waitFor();
      await drawer.getByRole('button', { name: 'Chuyển Nội vụ' }).click();
      await j.confirm('Chuyển Nội vụ', 'dialog');
      await page.getByText('Đã chuyển hồ sơ sang Nội vụ thẩm định.').waitFor();
      await page.getByText('Không có hồ sơ nào đang chờ thẩm tra.').waitFor();
      await j.check('da-tham-tra');

      const admin = await stack.token('ADMIN');
      const read = async (id: string) =>
        (await stack.call<{ nomination: { status: string; returnReason: string | null } }>('query($id: ID!) { nomination(id: $id) { status returnReason } }', { id }, admin)).nomination;
      expect(await read(seeded.ids['Nguyễn Thị Hạnh'])).toEqual({ status: 'RETURNED', returnReason: 'Tờ trình chưa nêu số liệu kết quả chuyển đổi số năm 2025 của phường.' });
      expect((await read(seeded.ids['Lê Quang Vinh'])).status).toBe('FORWARDED');
    });
  });
});
