import type { Browser, Page } from 'playwright-core';
import { createAccount, signIn, type TestAccount } from './support/accounts';
import { chooseOption, JourneyPage, launchChromium } from './support/browser';
import { COMMUNE_SAMPLE } from './support/seed';
import { startWebStack } from './support/web-stack';

// Đà Nẵng's Sở Khoa học và Công nghệ (the lead agency of the city's movement since 1/3/2025) launches a new movement
// for 2026 – 2030: it drafts it, gives it a phase, a milestone, the yearly report template and its index, publishes
// it, takes in a ward's registration (returned once with a reason, accepted once sent again) and sets up a cluster.
const NAME = 'Phong trào thi đua «Đà Nẵng số» giai đoạn 2026 - 2030';
const CODE = 'DN-SO-2026-2030';
const PHASE = 'Giai đoạn 2026 - 2027';
const MILESTONE = 'Các đơn vị gửi đăng ký thi đua năm đầu';
const WARD = 'UBND phường Hải Châu';
const OTHER_WARD = 'UBND phường Hòa Cường';
const CLUSTER = 'Cụm thi đua các phường trung tâm';
const REASON = 'Nội dung cam kết chưa có chỉ tiêu cụ thể; đề nghị bổ sung số dịch vụ công trực tuyến toàn trình.';

const vn = (isoDate: string) => `${isoDate.slice(8, 10)}/${isoDate.slice(5, 7)}/${isoDate.slice(0, 4)}`;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Choose an option of an antd Select (its own dropdown) by typing part of its label. */
async function choose(page: Page, label: string, typed: string, option: RegExp | string = typed): Promise<void> {
  await chooseOption(page, page.getByLabel(label, { exact: true }), option, typed);
}

/** Pick an option of a Select that is not searched: open it, click the option. */
async function pick(page: Page, label: string, option: string): Promise<void> {
  await chooseOption(page, page.getByLabel(label, { exact: true }), option);
}

/** Type a date into an antd DatePicker (dd/mm/yyyy) and accept it. */
async function typeDate(page: Page, label: string, isoDate: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(vn(isoDate));
  await input.press('Enter');
}

describe('the lead agency launches and runs a campaign', () => {
  let stack: Awaited<ReturnType<typeof startWebStack>>;
  let browser: Browser;
  let account: TestAccount;
  let ward: { id: string };
  let framework: { name: string };

  beforeAll(async () => {
    stack = await startWebStack();
    browser = await launchChromium();
    const lead = await stack.call<{ orgUnit: { id: string } }>('{ orgUnit(code: "DNG-SKHCN") { id } }');
    account = await createAccount(stack, { username: 'skhcn.danang', displayName: 'Lê Minh Khoa', roles: ['LEAD_AGENCY'], orgUnitId: lead.orgUnit.id });
    ward = (await stack.call<{ orgUnit: { id: string } }>('{ orgUnit(code: "DNG-P-HAI-CHAU-2025") { id } }')).orgUnit;
    framework = (await stack.call<{ framework: { name: string; status: string } }>('query($id: ID!) { framework(id: $id) { name status } }', { id: COMMUNE_SAMPLE })).framework;
    expect((framework as { status?: string }).status).toBe('PUBLISHED');
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('creates, sets up and publishes a campaign, takes in a registration and forms a cluster', async () => {
    const j = await JourneyPage.open(browser, stack.origin, 'phong-trao');
    await j.run(() => journey(j));
  });

  async function journey(j: JourneyPage): Promise<void> {
    const { page } = j;
    const allowCodes = [new RegExp(escape(CODE))];
    await signIn(j, account);

    // The campaigns, drafts included; a new one is drafted from its plan.
    await page.goto('/dieu-hanh/phong-trao');
    await page.getByRole('heading', { name: 'Phong trào thi đua' }).waitFor();
    await page.getByRole('link', { name: /Buôn Ma Thuột/ }).first().waitFor();
    const list = await j.check('danh-sach');
    expect(list).toContain('Đang triển khai');

    await page.getByRole('button', { name: 'Tạo phong trào' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('Tên phong trào').fill(NAME);
    await drawer.getByLabel('Mã phong trào').fill(CODE);
    await drawer.getByLabel('Cơ quan ban hành kế hoạch').fill('UBND thành phố Đà Nẵng');
    await drawer.getByLabel('Số, ký hiệu', { exact: true }).fill('120/KH-UBND');
    await typeDate(page, 'Ngày ban hành', '2026-01-05');
    // The document's issuer is required once its number is given (left empty on purpose: refused beside it).
    await drawer.getByRole('button', { name: 'Thêm căn cứ pháp lý' }).click();
    await drawer.getByLabel('Số, ký hiệu căn cứ').fill('3970/QĐ-UBND');
    await typeDate(page, 'Ngày ban hành căn cứ', '2021-11-05');
    await drawer.getByLabel('Nơi ban hành căn cứ').fill('UBND thành phố Đà Nẵng');
    await drawer.getByLabel('Trích yếu căn cứ').fill('Phát động phong trào thi đua chuyển đổi số');
    await choose(page, 'Địa bàn (cấp phát động)', 'UBND thành phố Đà Nẵng', /^UBND thành phố Đà Nẵng \(/);
    await typeDate(page, 'Ngày bắt đầu', '2026-01-01');
    await typeDate(page, 'Ngày kết thúc', '2025-12-31');
    await drawer.getByText('Ngày kết thúc phải sau ngày bắt đầu.').waitFor();
    await typeDate(page, 'Ngày kết thúc', '2030-12-31');
    await choose(page, 'Cơ quan thẩm định hồ sơ khen thưởng (Nội vụ)', 'Sở Nội vụ thành phố Đà Nẵng');
    await drawer.getByRole('button', { name: 'Tạo phong trào' }).click();
    await drawer.getByText('Nhập cơ quan ban hành văn bản.').waitFor();
    await j.check('tao-phong-trao-thieu');
    await drawer.getByLabel('Nơi ban hành', { exact: true }).fill('UBND thành phố Đà Nẵng');
    await j.check('tao-phong-trao');
    await drawer.getByRole('button', { name: 'Tạo phong trào' }).click();

    // Its page: a draft, led by the account's agency.
    await page.getByRole('heading', { name: NAME }).waitFor();
    await page.getByText('Dự thảo', { exact: true }).waitFor();
    const draft = await j.check('du-thao', allowCodes);
    expect(draft).toContain('Sở Khoa học và Công nghệ thành phố Đà Nẵng');
    expect(draft).toContain('Sở Nội vụ thành phố Đà Nẵng');
    expect(draft).toContain('3970/QĐ-UBND ngày 05/11/2021');
    expect(draft).toContain('01/01/2026 – 31/12/2030');

    // A phase and a milestone.
    await page.getByRole('button', { name: 'Thêm giai đoạn' }).click();
    const phaseDialog = page.getByRole('dialog', { name: 'Thêm giai đoạn' });
    await phaseDialog.getByLabel('Tên giai đoạn').fill(PHASE);
    await typeDate(page, 'Từ ngày', '2026-01-01');
    await typeDate(page, 'Đến ngày', '2027-12-31');
    await phaseDialog.getByRole('button', { name: 'Thêm giai đoạn' }).click();
    await phaseDialog.waitFor({ state: 'hidden' });
    await page.getByRole('cell', { name: PHASE, exact: true }).waitFor();

    await page.getByRole('button', { name: 'Thêm mốc' }).click();
    const msDialog = page.getByRole('dialog', { name: 'Thêm mốc thời gian' });
    await pick(page, 'Loại mốc', 'Hạn đăng ký thi đua');
    await msDialog.getByLabel('Nội dung').fill(MILESTONE);
    await typeDate(page, 'Hạn chót', '2026-12-31');
    await pick(page, 'Thuộc giai đoạn', PHASE);
    await msDialog.getByLabel('Điều, khoản của kế hoạch quy định mốc này').fill('IV');
    await j.check('moc-thoi-gian');
    await msDialog.getByRole('button', { name: 'Thêm mốc' }).click();
    await msDialog.waitFor({ state: 'hidden' });
    await page.getByRole('cell', { name: MILESTONE, exact: true }).waitFor();
    // Corrected: the clause is IV.1.
    await page.getByRole('button', { name: `Sửa mốc ${MILESTONE}` }).click();
    const editDialog = page.getByRole('dialog', { name: 'Sửa mốc thời gian' });
    await editDialog.getByLabel('Điều, khoản của kế hoạch quy định mốc này').fill('IV.1');
    await editDialog.getByRole('button', { name: 'Lưu mốc' }).click();
    await editDialog.waitFor({ state: 'hidden' });

    // The yearly report template: two figures.
    await page.getByLabel('Mã chỉ tiêu 1').fill('DVCTT');
    await page.getByLabel('Tên chỉ tiêu 1').fill('Số dịch vụ công trực tuyến toàn trình');
    await page.getByLabel('Đơn vị tính chỉ tiêu 1').fill('dịch vụ');
    await page.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
    await page.getByLabel('Mã chỉ tiêu 2').fill('HSTT');
    await page.getByLabel('Tên chỉ tiêu 2').fill('Tỷ lệ hồ sơ giải quyết trực tuyến');
    await pick(page, 'Kiểu dữ liệu chỉ tiêu 2', 'Tỷ lệ (%)');
    await page.getByLabel('Điều, khoản của kế hoạch quy định việc báo cáo').fill('VI.7');
    await page.getByRole('button', { name: 'Lưu mẫu báo cáo' }).click();
    await page.getByText('Mẫu đang dùng có 2 chỉ tiêu').waitFor();

    // The index that scores it.
    await choose(page, 'Các bộ chỉ số đã ban hành dùng để chấm điểm phong trào', framework.name.slice(0, 20), framework.name);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Lưu bộ chỉ số' }).click();
    await page.getByText('Phong trào chấm điểm theo 1 bộ chỉ số').waitFor();
    await j.check('thiet-lap', allowCodes);

    // Published after a confirmation; the public page shows it.
    await page.getByRole('button', { name: 'Công bố phong trào' }).click();
    await j.confirm('Công bố', 'dialog');
    await page.getByText('Đang triển khai', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'Xem trang công khai' }).click();
    await page.waitForURL((u) => u.pathname === `/phong-trao/${CODE}`);
    await page.getByText('Các mốc thời gian', { exact: true }).waitFor();
    await page.getByRole('cell', { name: MILESTONE, exact: true }).waitFor();
    const publicPage = await j.check('trang-cong-khai');
    expect(publicPage).toContain(PHASE);
    expect(publicPage).toContain('Hạn đăng ký thi đua');
    expect(publicPage).toContain('31/12/2026');
    expect(publicPage).toContain('IV.1');
    expect(publicPage).toContain('120/KH-UBND ngày 05/01/2026');
    const anonymous = await stack.call<{ campaign: { name: string; status: string } | null }>('query($c: String!) { campaign(code: $c) { name status } }', { c: CODE });
    expect(anonymous.campaign).toEqual({ name: NAME, status: 'PUBLISHED' });

    // The ward registers (through the API, as its officer would in its own pages).
    const { campaign } = await stack.call<{ campaign: { id: string } }>('query($c: String!) { campaign(code: $c) { id } }', { c: CODE });
    const officer = await stack.token('UNIT_OFFICER', ward.id, { subject: 'can-bo-hai-chau' });
    const { createRegistration: reg } = await stack.call<{ createRegistration: { id: string } }>(
      'mutation($c: ID!, $u: ID!) { createRegistration(campaignId: $c, unitId: $u, commitments: ["Đẩy mạnh dịch vụ công trực tuyến."], submit: true) { id } }',
      { c: campaign.id, u: ward.id },
      officer,
    );

    // The registrations of the campaign: returned with a reason (required, said beside the field).
    await page.goto(`/dieu-hanh/phong-trao`);
    await page.getByRole('link', { name: NAME }).click();
    await page.locator('.ant-card-extra').getByRole('link', { name: 'Đăng ký thi đua' }).click();
    await page.getByRole('heading', { name: 'Đăng ký thi đua' }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(WARD) });
    await row.getByText('Đã gửi, chờ tiếp nhận').waitFor();
    await j.check('dang-ky');
    await row.getByRole('button', { name: 'Trả lại' }).click();
    const returnDialog = page.getByRole('dialog', { name: 'Trả lại đăng ký thi đua' });
    await returnDialog.getByRole('button', { name: 'Trả lại' }).click();
    await returnDialog.getByText('Nhập lý do trả lại để đơn vị biết cần sửa gì.').waitFor();
    await j.check('thieu-ly-do');
    await returnDialog.getByLabel('Lý do trả lại').fill(REASON);
    await returnDialog.getByRole('button', { name: 'Trả lại' }).click();
    await returnDialog.waitFor({ state: 'hidden' });
    await row.getByText('Bị trả lại').waitFor();
    await row.getByText(`Lý do: ${REASON}`).waitFor();
    await page.getByText('Bị trả lại (1)').click();
    await j.check('da-tra-lai');

    // The ward corrects its commitments and sends them again (API); the lead agency accepts.
    const { registrations } = await stack.call<{ registrations: Array<{ id: string; status: string; returnReason: string; version: number }> }>(
      'query($c: ID!) { registrations(campaignId: $c) { id status returnReason version } }',
      { c: campaign.id },
      officer,
    );
    expect(registrations).toEqual([{ id: reg.id, status: 'RETURNED', returnReason: REASON, version: expect.any(Number) }]);
    await stack.call(
      'mutation($id: ID!, $v: Int!) { updateRegistration(id: $id, expectedVersion: $v, commitments: ["Đẩy mạnh dịch vụ công trực tuyến.", "Đạt 90% hồ sơ giải quyết trực tuyến toàn trình năm 2026."]) { id } }',
      { id: reg.id, v: registrations[0].version },
      officer,
    );
    await stack.call('mutation($id: ID!) { submitRegistration(id: $id) { id } }', { id: reg.id }, officer);
    await page.reload();
    await page.getByText('Đã gửi, chờ tiếp nhận (1)').click();
    await row.getByText('Đạt 90% hồ sơ giải quyết trực tuyến toàn trình năm 2026.').waitFor();
    await row.getByRole('button', { name: 'Tiếp nhận' }).click();
    await j.confirm('Tiếp nhận');
    await page.getByText('Đã được tiếp nhận (1)').click();
    await row.getByText('Đã được tiếp nhận').waitFor();
    const accepted = await j.check('da-tiep-nhan');
    expect(accepted).toContain('Đạt 90% hồ sơ giải quyết trực tuyến toàn trình năm 2026.');
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải Excel' }).click()]);
    expect(file.suggestedFilename()).toBe(`dang-ky-thi-dua-${CODE}.xlsx`);
    const { registrations: after } = await stack.call<{ registrations: Array<{ status: string }> }>('query($c: ID!) { registrations(campaignId: $c) { status } }', { c: campaign.id }, officer);
    expect(after).toEqual([{ status: 'ACCEPTED' }]);

    // A cluster of two wards, chosen by name.
    await page.goto('/dieu-hanh/cum-thi-dua');
    await page.getByRole('heading', { name: 'Cụm, khối thi đua' }).waitFor();
    await page.getByRole('button', { name: 'Tạo cụm thi đua' }).click();
    const clusterDialog = page.getByRole('dialog', { name: 'Tạo cụm, khối thi đua' });
    await clusterDialog.getByLabel('Tên cụm, khối').fill(CLUSTER);
    await clusterDialog.getByLabel('Mã cụm').fill('CUM-DN-TRUNG-TAM');
    await clusterDialog.getByLabel('Mô tả').fill('Các phường trung tâm thành phố Đà Nẵng từ 01/7/2025.');
    await clusterDialog.getByRole('button', { name: 'Tạo cụm' }).click();
    await clusterDialog.waitFor({ state: 'hidden' });
    await page.getByRole('cell', { name: CLUSTER, exact: true }).click();
    for (const name of [WARD, OTHER_WARD]) {
      await chooseOption(page, page.getByRole('combobox').last(), new RegExp(`^${escape(name)} \\(`), name.replace('UBND ', ''));
      await page.getByRole('button', { name: 'Thêm vào cụm' }).click();
      await page.getByRole('listitem').filter({ hasText: name }).waitFor();
    }
    await page.getByRole('cell', { name: '2', exact: true }).waitFor();
    await j.check('cum-thi-dua');
    const { clusters } = await stack.call<{ clusters: Array<{ name: string; members: Array<{ name: string }> }> }>('{ clusters { name members { name } } }');
    expect(clusters.find((c) => c.name === CLUSTER)?.members.map((m) => m.name).sort()).toEqual([OTHER_WARD, WARD].sort());
  }
});
