import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { presetId } from '@thidua/platform';
import { docxText } from '@thidua/testing';
import { createAccount, signIn, type TestAccount } from './support/accounts';
import { chooseOption, JourneyPage, launchChromium } from './support/browser';
import { BMT } from './support/seed';
import { startWebStack } from './support/web-stack';

/*
 * The Hội đồng Thi đua - Khen thưởng (R14): two appraised nominations of Buôn Ma Thuột's 2024 occasion (seeded
 * through the graph, the campaign considering them without a public consultation). In the browser Nội vụ convenes
 * the session, choosing three members among the accounts holding the council role and one member who votes on
 * paper, with both nominations on the agenda. A member signs in, reads the dossiers (read only), declares a conflict
 * of interest on Hoàng Thị Mai's nomination and votes against Trần Văn Hùng's; the two other members vote through the
 * graph, and Nội vụ watches the count change without reloading; Nội vụ records the paper ballots, closes the session
 * (Hoàng Thị Mai passes, Trần Văn Hùng does not) and downloads the Biên bản, a Word file naming the recusal.
 */

type Stack = Awaited<ReturnType<typeof startWebStack>>;

const VN_NOW = new Date(Date.now() + 7 * 3_600_000);
const days = (n: number) => new Date(VN_NOW.getTime() + n * 86_400_000).toISOString().slice(0, 10);
const PDF = (title: string) => Buffer.from(`%PDF-1.4\n% ${title}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`);

const A = 'Hoàng Thị Mai';
const B = 'Trần Văn Hùng';
const COUNCIL_NAME = 'Hội đồng Thi đua - Khen thưởng thành phố Buôn Ma Thuột';
const PLACE = 'Phòng họp số 1, UBND thành phố Buôn Ma Thuột';
const MEMBERS = { an: 'Nguyễn Văn An', binh: 'Trần Thị Bình', cuong: 'Lê Văn Cường' };
const PAPER = 'Hoàng Văn Em';
const CONFLICT = 'Là anh rể của bà Hoàng Thị Mai, người được đề nghị khen thưởng.';

async function seed(stack: Stack): Promise<{ homeAffairsUnitId: string }> {
  const admin = await stack.token('ADMIN', undefined, { subject: 'e2e-admin' });
  const lead = await stack.token('LEAD_AGENCY', undefined, { subject: 'e2e-lead' });
  const homeAffairs = await stack.token('HOME_AFFAIRS', undefined, { subject: 'e2e-noi-vu-seed' });
  // This campaign considers its nominations without a public consultation (0 days), as a city may set it.
  const { campaign: rules } = await stack.call<{ campaign: { awardRules: { dossierCopies: number; leadReviewRequired: boolean; reportConfirmations: string[]; consultationStage: string; version: number | null } } }>(
    'query($c: ID!) { campaign(id: $c) { awardRules { dossierCopies leadReviewRequired reportConfirmations consultationStage version } } }',
    { c: BMT },
    admin,
  );
  const { version, ...current } = rules.awardRules;
  await stack.call('mutation($c: ID!, $v: Int, $i: CampaignAwardRulesInput!) { setCampaignAwardRules(campaignId: $c, expectedVersion: $v, input: $i) { version } }', { c: BMT, v: version, i: { ...current, consultationDays: 0 } }, admin);

  const ward = presetId('OrgUnit', 'DLK-P-TAN-AN');
  const { campaign } = await stack.call<{ campaign: { appraisingAgency: { id: string }; awardForms: Array<{ id: string; name: string }>; occasions: Array<{ id: string; year: number }> } }>(
    '{ campaign(code: "BMT-CDS-2023-2025") { appraisingAgency { id } awardForms { id name } occasions(kind: ANNUAL) { id year } } }',
  );
  const formId = campaign.awardForms.find((f) => f.name === 'Bằng khen của Chủ tịch UBND tỉnh')?.id;
  const occasionId = campaign.occasions.find((o) => o.year === 2024)?.id as string;
  const nominate = async (fullName: string, position: string, summary: string) => {
    const { createPerson } = await stack.call<{ createPerson: { id: string } }>(
      'mutation($i: PersonInput!) { createPerson(input: $i) { id } }',
      { i: { fullName, position, kind: 'CIVIL_SERVANT', unitId: ward } },
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
      form.append('file', new Blob([PDF(kind)], { type: 'application/pdf' }), `Hồ sơ ${kind === 'TO_TRINH' ? 'Tờ trình' : kind === 'BIEN_BAN_HOI_DONG' ? 'Biên bản họp' : 'Báo cáo thành tích'} - ${fullName}.pdf`);
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
    await stack.call(
      'mutation($id: ID!, $v: Int!) { appraiseNomination(id: $id, expectedVersion: $v, accept: true, confirmedItems: [TO_TRINH, BIEN_BAN_HOI_DONG, BAO_CAO_THANH_TICH]) { id } }',
      { id: n.id, v: n.version },
      homeAffairs,
    );
  };
  await nominate(A, 'Công chức Văn phòng - Thống kê', 'Xây dựng kho dữ liệu số của phường, số hóa 12.000 hồ sơ hộ tịch năm 2024.');
  await nominate(B, 'Công chức Tư pháp - Hộ tịch', 'Triển khai dịch vụ công trực tuyến toàn trình cho 100% thủ tục hộ tịch của phường năm 2024.');
  return { homeAffairsUnitId: campaign.appraisingAgency.id };
}

/** The agenda's card of one nomination, on Nội vụ's page or a member's. */
const item = (page: Page, candidate: string) => page.getByRole('region', { name: `Đề nghị: ${candidate}` });

describe('the council', () => {
  let stack: Stack;
  let browser: Browser;
  let noiVu: TestAccount;
  const members: Record<keyof typeof MEMBERS, TestAccount> = {} as Record<keyof typeof MEMBERS, TestAccount>;

  beforeAll(async () => {
    stack = await startWebStack();
    browser = await launchChromium();
    const seeded = await seed(stack);
    noiVu = await createAccount(stack, { username: 'noivu.hoidong', displayName: 'Lê Thị Thu (Nội vụ)', roles: ['HOME_AFFAIRS'], orgUnitId: seeded.homeAffairsUnitId });
    members.an = await createAccount(stack, { username: 'hd.an', displayName: MEMBERS.an, roles: ['COUNCIL'] });
    members.binh = await createAccount(stack, { username: 'hd.binh', displayName: MEMBERS.binh, roles: ['COUNCIL'] });
    members.cuong = await createAccount(stack, { username: 'hd.cuong', displayName: MEMBERS.cuong, roles: ['COUNCIL'] });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('a council with one recusal passes one and rejects the other', async () => {
    const j = await JourneyPage.open(browser, stack.origin, 'hoi-dong');
    const m = await JourneyPage.open(browser, stack.origin, 'hoi-dong-thanh-vien');
    await j.run(async () => {
      const { page } = j;
      await signIn(j, noiVu);
      await page.getByRole('menuitem', { name: /Khen thưởng$/ }).click();
      await page.getByRole('menuitem', { name: /Hội đồng$/ }).click();
      await page.getByRole('heading', { name: 'Hội đồng Thi đua - Khen thưởng' }).waitFor();
      await chooseOption(page, page.getByRole('combobox', { name: 'Phong trào' }), 'Buôn Ma Thuột');
      await chooseOption(page, page.getByRole('combobox', { name: 'Đợt khen thưởng' }), 'Khen thưởng hằng năm 2024');
      await page.getByText('Chưa có phiên họp nào của đợt này.', { exact: false }).waitFor();
      await j.check('chua-co-phien-hop');

      // Convene: the form checks as Nội vụ types, and names the accounts that hold the council role.
      await page.getByRole('button', { name: 'Triệu tập phiên họp' }).click();
      const form = page.getByRole('form', { name: 'Triệu tập phiên họp' });
      await form.getByRole('checkbox', { name: MEMBERS.an }).waitFor();
      await form.getByRole('checkbox', { name: new RegExp(A) }).waitFor();
      await form.getByLabel('Tên Hội đồng').fill('');
      await form.getByText('Nhập tên Hội đồng.').waitFor();
      await form.getByLabel('Tên Hội đồng').fill(COUNCIL_NAME);
      await form.getByLabel('Địa điểm').fill(PLACE);
      await form.getByLabel(/Ngưỡng thông qua/).fill('160');
      await form.getByText('Ngưỡng là số nguyên từ 1 đến 100.').waitFor();
      await form.getByLabel(/Ngưỡng thông qua/).fill('60');
      await page.getByRole('button', { name: 'Triệu tập', exact: true }).click();
      await form.getByText('Hội đồng phải có ít nhất 3 thành viên.').waitFor();
      await form.getByText('Chọn ít nhất một đề nghị đưa ra Hội đồng.').waitFor();
      await form.getByRole('checkbox', { name: MEMBERS.an }).check();
      await form.getByText('Nhập chức vụ trong Hội đồng.').waitFor();
      const convening = await j.check('trieu-tap-kiem-tra');
      expect(convening).toContain(MEMBERS.binh);
      expect(convening).toContain(MEMBERS.cuong);
      expect(convening).toContain('Bằng khen của Chủ tịch UBND tỉnh; đơn vị đề nghị: UBND phường Tân An');

      await form.getByLabel(`Chức vụ của ${MEMBERS.an}`).fill('Chủ tịch Hội đồng');
      await form.getByRole('checkbox', { name: MEMBERS.binh }).check();
      await form.getByLabel(`Chức vụ của ${MEMBERS.binh}`).fill('Phó Chủ tịch Hội đồng');
      await form.getByRole('checkbox', { name: MEMBERS.cuong }).check();
      await form.getByLabel(`Chức vụ của ${MEMBERS.cuong}`).fill('Ủy viên');
      await form.getByRole('button', { name: 'Thêm thành viên bỏ phiếu giấy' }).click();
      await form.getByLabel('Họ và tên thành viên bỏ phiếu giấy 1').fill(PAPER);
      await form.getByLabel('Chức vụ của thành viên bỏ phiếu giấy 1').fill('Ủy viên, Thư ký Hội đồng');
      await form.getByRole('checkbox', { name: new RegExp(A) }).check();
      await form.getByRole('checkbox', { name: new RegExp(B) }).check();
      await form.getByText('Hội đồng gồm 4 thành viên (ít nhất 3).').waitFor();
      await j.check('trieu-tap');
      await page.getByRole('button', { name: 'Triệu tập', exact: true }).click();

      // The session: members, agenda, nothing counted yet.
      await page.getByRole('heading', { name: COUNCIL_NAME }).waitFor();
      await item(page, A).getByText('Đồng ý: 0 · Không đồng ý: 0 · Không biểu quyết: 0 · Chưa bỏ phiếu: 4').waitFor();
      const opened = await j.check('phien-hop');
      expect(opened).toContain(PLACE);
      expect(opened).toContain('Đang họp');
      expect(opened).toContain('Phiếu giấy, thư ký ghi');
      expect(opened).toContain('Tự bỏ phiếu bằng tài khoản');
      expect(opened).toContain('Chưa đạt ngưỡng thông qua');

      // A member, in their own browser: their sessions, the dossiers read only, a conflict declared, a vote.
      await m.run(async () => {
        const mp = m.page;
        await signIn(m, members.an);
        await mp.getByRole('menuitem', { name: /Hội đồng$/ }).click();
        await mp.getByRole('link', { name: COUNCIL_NAME }).waitFor();
        const mine = await m.check('phien-hop-cua-toi');
        expect(mine).toContain('Chủ tịch Hội đồng');
        expect(mine).toContain('0/2 đề nghị');
        await mp.getByRole('link', { name: COUNCIL_NAME }).click();
        await item(mp, A).getByText('Hồ sơ đề nghị (chỉ xem)').click();
        await item(mp, A).getByText(`Hồ sơ Tờ trình - ${A}.pdf`).waitFor();
        const dossier = await m.check('ho-so-chi-xem', [/\.pdf/]);
        expect(dossier).toContain('Xây dựng kho dữ liệu số của phường, số hóa 12.000 hồ sơ hộ tịch năm 2024.');
        expect(dossier).toContain('Điều kiện khen thưởng');
        expect(dossier).toContain('Hồ sơ đầy đủ');
        await expect(item(mp, A).getByRole('button', { name: 'Bỏ khỏi hồ sơ' }).count()).resolves.toBe(0);

        await item(mp, A).getByRole('button', { name: 'Nêu xung đột lợi ích' }).click();
        const recusal = mp.getByRole('form', { name: `Xung đột lợi ích: đề nghị khen thưởng ${A}` });
        await recusal.getByLabel('Lý do xung đột lợi ích').fill('Người nhà');
        await recusal.getByText('Lý do ít nhất 10 ký tự, để ghi vào biên bản.').waitFor();
        await recusal.getByLabel('Lý do xung đột lợi ích').fill(CONFLICT);
        await mp.getByRole('button', { name: 'Ghi nhận rút lui' }).click();
        await item(mp, A).getByText('Ông/bà đã rút lui khỏi việc xét đề nghị này', { exact: false }).waitFor();
        await expect(item(mp, A).getByRole('button', { name: 'Đồng ý', exact: true }).count()).resolves.toBe(0);

        await item(mp, B).getByRole('button', { name: 'Không đồng ý', exact: true }).click();
        await item(mp, B).getByText('Phiếu của ông/bà:').waitFor();
        await item(mp, B).locator('.ant-tag', { hasText: 'Không đồng ý' }).waitFor();
        const voted = await m.check('da-bieu-quyet');
        expect(voted).toContain(`Lý do: ${CONFLICT}`);

        // Nội vụ's page shows the recusal and the vote without a reload.
        await item(page, A).getByText(`Lý do: ${CONFLICT}`).waitFor();
        await item(page, B).getByText('Đồng ý: 0 · Không đồng ý: 1 · Không biểu quyết: 0 · Chưa bỏ phiếu: 3').waitFor();

        // The two other members vote from their own sessions (through the graph, as their accounts).
        const ids = (await (await fetch(`${stack.origin}/auth/accounts/council-members`, { headers: { authorization: `Bearer ${await stack.token('HOME_AFFAIRS', undefined, { subject: 'e2e-noi-vu-seed' })}` } })).json()) as {
          accounts: Array<{ id: string; displayName: string }>;
        };
        const accountId = (name: string) => ids.accounts.find((a) => a.displayName === name)?.id as string;
        const { myCouncilReviews } = await stack.call<{ myCouncilReviews: Array<{ id: string; members: Array<{ id: string; userId: string | null }>; items: Array<{ nomination: { id: string; candidatePerson: { fullName: string } } }> }> }>(
          '{ myCouncilReviews { id members { id userId } items { nomination { id candidatePerson { fullName } } } } }',
          {},
          await stack.token('COUNCIL', undefined, { subject: accountId(MEMBERS.binh) }),
        );
        const review = myCouncilReviews[0];
        if (!review) throw new Error('the member does not find the session');
        const nominationOf = (name: string) => review.items.find((i) => i.nomination.candidatePerson.fullName === name)?.nomination.id;
        const vote = async (member: string, candidate: string, choice: string) => {
          const userId = accountId(member);
          const token = await stack.token('COUNCIL', undefined, { subject: userId });
          await stack.call(
            'mutation($r: ID!, $n: ID!, $m: ID!, $v: VoteChoice!) { castCouncilVote(reviewId: $r, nominationId: $n, memberId: $m, vote: $v) { id } }',
            { r: review.id, n: nominationOf(candidate), m: review.members.find((x) => x.userId === userId)?.id, v: choice },
            token,
          );
        };
        await vote(MEMBERS.binh, A, 'FOR');
        // The count changes on Nội vụ's page by itself.
        await item(page, A).getByText('Đồng ý: 1 · Không đồng ý: 0 · Không biểu quyết: 0 · Chưa bỏ phiếu: 2 · Rút lui: 1').waitFor();
        await vote(MEMBERS.binh, B, 'FOR');
        await vote(MEMBERS.cuong, A, 'FOR');
        await vote(MEMBERS.cuong, B, 'ABSTAIN');
        await item(page, A).getByText('Đồng ý: 2 · Không đồng ý: 0 · Không biểu quyết: 0 · Chưa bỏ phiếu: 1 · Rút lui: 1').waitFor();
        await item(page, B).getByText('Đồng ý: 1 · Không đồng ý: 1 · Không biểu quyết: 1 · Chưa bỏ phiếu: 1').waitFor();
        await j.check('kiem-phieu-truc-tiep');

        // The secretariat records the paper ballots of the member without an account.
        const paper = async (candidate: string, choice: string) => {
          // Exactly: «Đồng ý» is also part of «Không đồng ý».
          await chooseOption(page, item(page, candidate).getByRole('combobox', { name: `Phiếu giấy của ${PAPER}` }), new RegExp(`^${choice}$`));
          await item(page, candidate).getByRole('button', { name: `Ghi phiếu của ${PAPER}` }).click();
        };
        await paper(A, 'Không đồng ý');
        await item(page, A).getByText('Đồng ý: 2 · Không đồng ý: 1 · Không biểu quyết: 0 · Chưa bỏ phiếu: 0 · Rút lui: 1').waitFor();
        await paper(B, 'Đồng ý');
        await item(page, B).getByText('Đồng ý: 2 · Không đồng ý: 1 · Không biểu quyết: 1 · Chưa bỏ phiếu: 0').waitFor();
        const counted = await j.check('phieu-giay');
        expect(counted).toContain('Tỷ lệ đồng ý 66,67% (ngưỡng thông qua 60%)');
        expect(counted).toContain('Tỷ lệ đồng ý 50% (ngưỡng thông qua 60%)');

        // Closing, confirmed: Hoàng Thị Mai passes (2 of 3 voters), Trần Văn Hùng does not (2 of 4).
        await page.getByRole('button', { name: 'Kết thúc phiên họp' }).click();
        await j.confirm('Kết thúc và kiểm phiếu');
        await page.getByText('Phiên họp đã kết thúc: thông qua 1/2 đề nghị.').waitFor();
        await item(page, A).getByText('Hội đồng thông qua, đề nghị khen thưởng').waitFor();
        await item(page, B).getByText('Hội đồng không thông qua').waitFor();
        const closed = await j.check('ket-thuc');
        expect(closed).toContain('Không đạt tỷ lệ biểu quyết của Hội đồng: 2/4 thành viên biểu quyết đồng ý (50%), ngưỡng 60%.');
        expect(closed).toContain('Đã kết thúc');

        // The Biên bản: a Word file with the members, the recusal and its reason, and the result.
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải Biên bản (Word)' }).click()]);
        expect(download.suggestedFilename()).toMatch(/\.docx$/);
        const bytes = readFileSync(await download.path());
        expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
        const minutes = await docxText(bytes);
        expect(minutes).toContain('BIÊN BẢN');
        expect(minutes).toContain(`${MEMBERS.an} không tham gia biểu quyết đối với đề nghị khen thưởng ${A}; lý do: ${CONFLICT}`);
        expect(minutes).toContain(`${PAPER} - Ủy viên, Thư ký Hội đồng`);
        expect(minutes).toContain('Thông qua');
        expect(minutes).toContain('Không thông qua');

        // The results as an Excel workbook: one row per nomination with its count and conclusion.
        const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải Excel' }).first().click()]);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(readFileSync(await xlsx.path()) as unknown as ArrayBuffer);
        const rows: string[] = [];
        wb.worksheets[0]?.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? '')).join(' | ')));
        expect(rows.find((r) => r.startsWith(A))).toMatch(/\| 2 \| 1 \| 0 \| 0 \| Nguyễn Văn An: Là anh rể .* \| 66,67% \| Thông qua$/);
        expect(rows.find((r) => r.startsWith(B))).toMatch(/\| 2 \| 1 \| 1 \| 0 \|  \| 50% \| Không thông qua$/);

        // The member's page follows: the results, and their votes kept.
        await item(mp, B).getByText('Hội đồng không thông qua').waitFor();
        await item(mp, A).getByText('Hội đồng thông qua, đề nghị khen thưởng').waitFor();
        await mp.getByRole('button', { name: 'Đồng ý', exact: true }).waitFor({ state: 'detached' });
        await m.check('ket-qua-thanh-vien');
      });
    });
  });
});
