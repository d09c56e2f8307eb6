import { readFileSync } from 'node:fs';
import { presetId } from '@thidua/platform';
import ExcelJS from 'exceljs';
import type { Browser, Locator, Page } from 'playwright-core';
import { createAccount, signIn, type TestAccount } from './support/accounts';
import { chooseFile, chooseOption, JourneyPage, launchChromium } from './support/browser';
import { DN, submitAssessments } from './support/seed';
import { startWebStack } from './support/web-stack';

/*
 * Đà Nẵng's lead agency (Sở Khoa học và Công nghệ) prepares its wards' and communes' year in the browser: it imports
 * this year's index from the workbook its staff typed (refused with the rows in error, then accepted), downloads it,
 * corrects an indicator, copies it for next year, issues it, opens the year's scoring period and sets the campaign's
 * classification rule. Last year's self-assessment has closed; one ward's submitted sheet is reopened for it.
 * Only last year's sheet is recorded beforehand, through the graph.
 */

/** Dates as the graph and the browser see them: Vietnam's calendar day (UTC+7), whatever the machine's zone. */
const VN_NOW = new Date(Date.now() + 7 * 3_600_000);
const YEAR = VN_NOW.getUTCFullYear();
const days = (n: number) => new Date(VN_NOW.getTime() + n * 86_400_000).toISOString().slice(0, 10);
const vn = (isoDate: string) => `${isoDate.slice(8, 10)}/${isoDate.slice(5, 7)}/${isoDate.slice(0, 4)}`;

const CODE = `DN-CDS-PX-${YEAR}`;
const NEXT_CODE = `DN-CDS-PX-${YEAR + 1}`;
const NAME = 'Bộ chỉ số đánh giá chuyển đổi số phường, xã thành phố Đà Nẵng';
const FILE = `bo-chi-so-phuong-xa-${YEAR}.xlsx`;
const WARD_CODE = 'DNG-P-HOA-CUONG';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface SheetRow {
  code: string;
  name: string;
  type?: string;
  max?: number;
  rule?: string;
  scale?: string;
  evidence?: string;
}

/** The index as the agency's staff typed it: 95 points in three groups, and a bonus group. */
const ROWS: SheetRow[] = [
  { code: '1', name: 'Nhận thức số', type: 'Nhóm' },
  { code: '1.1', name: 'Ban hành kế hoạch chuyển đổi số năm của địa phương', max: 15, rule: 'Có/Không', evidence: 'Kế hoạch chuyển đổi số năm của UBND phường, xã' },
  { code: '1.2', name: 'Tỷ lệ cán bộ, công chức được bồi dưỡng kỹ năng số', max: 10, rule: 'Tỷ lệ a/b', scale: 'a = Số cán bộ, công chức được bồi dưỡng; b = Tổng số cán bộ, công chức' },
  { code: '2', name: 'Chính quyền số', type: 'Nhóm' },
  { code: '2.1', name: 'Tỷ lệ văn bản đi được ký số', max: 20, rule: 'Tỷ lệ a/b', scale: 'a = Số văn bản đi được ký số; b = Tổng số văn bản đi' },
  { code: '2.2', name: 'Tỷ lệ hồ sơ thủ tục hành chính giải quyết trực tuyến toàn trình', max: 25, rule: 'Tỷ lệ a/b', scale: 'a = Số hồ sơ trực tuyến toàn trình; b = Tổng số hồ sơ đã giải quyết' },
  { code: '3', name: 'Xã hội số', type: 'Nhóm' },
  { code: '3.1', name: 'Số tổ công nghệ số cộng đồng hoạt động thường xuyên', max: 5, rule: 'Theo số lượng', scale: '≥1: 2; ≥5: 5' },
  { code: '3.2', name: 'Kết quả nổi bật về chuyển đổi số do Hội đồng thi đua đánh giá', max: 20, rule: 'Chấm điểm' },
  { code: '4', name: 'Điểm cộng', type: 'Nhóm điểm cộng' },
  { code: '4.1', name: 'Mô hình chuyển đổi số được UBND thành phố khen thưởng trong năm', max: 5, rule: 'Có/Không' },
];
/** The sheet's row of each code: a title, six lines about the index, a blank line and the table's header come first. */
const rowOf = (code: string) => 10 + ROWS.findIndex((r) => r.code === code);

/** The index's workbook as typed in Excel (sheet «Bộ chỉ số»), its rows changed by `edit`. */
async function indexWorkbook(edit: (rows: SheetRow[]) => SheetRow[] = (rows) => rows): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Bộ chỉ số');
  ws.getCell('A1').value = `BỘ CHỈ SỐ ĐÁNH GIÁ CHUYỂN ĐỔI SỐ PHƯỜNG, XÃ NĂM ${YEAR}`;
  const about: Array<[string, string | number]> = [
    ['Mã bộ chỉ số', CODE],
    ['Tên', NAME],
    ['Năm', YEAR],
    ['Phạm vi', 'Thành phố Đà Nẵng'],
    ['Đối tượng', 'Cấp xã'],
    ['Áp dụng cho', 'UBND phường; UBND xã'],
  ];
  about.forEach(([label, value], i) => {
    ws.getRow(2 + i).values = [label, value];
  });
  ws.getRow(9).values = ['Mã', 'Nhóm tiêu chí / Chỉ số', 'Loại', 'Điểm tối đa', 'Cách tính điểm', 'Thang điểm', 'Tài liệu kiểm chứng'];
  edit(ROWS.map((r) => ({ ...r }))).forEach((r, i) => {
    ws.getRow(10 + i).values = [r.code, r.name, r.type ?? 'Chỉ số', r.max ?? null, r.rule ?? null, r.scale ?? null, r.evidence ?? null];
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** What a «label: value» line of an antd Descriptions shows. */
function described(page: Page, label: string): Locator {
  return page
    .locator('.ant-descriptions-item')
    .filter({ has: page.locator('.ant-descriptions-item-label', { hasText: new RegExp(`^${label}$`) }) })
    .locator('.ant-descriptions-item-content');
}

/**
 * Set an antd date picker as a person would: the day typed (dd/mm/yyyy), which brings the calendar to it, then picked
 * there (Enter in the input would send the form around it at once).
 */
async function pickDate(page: Page, input: Locator, isoDate: string): Promise<void> {
  await input.click();
  await input.fill(vn(isoDate));
  await page.locator(`.ant-picker-dropdown:visible td.ant-picker-cell-in-view[title="${isoDate}"]`).click();
}

/** A row of the lead agency's index list, found by the code it shows. */
const listRow = (page: Page, code: string) => page.locator('.ant-table-row').filter({ hasText: `Mã ${code}` });

describe('the lead agency imports, corrects, copies and issues an index, opens the year and reopens a ward’s sheet', () => {
  let stack: Awaited<ReturnType<typeof startWebStack>>;
  let browser: Browser;
  let account: TestAccount;
  let ward: { id: string; name: string; kind: string };
  let assessmentId: string;

  beforeAll(async () => {
    stack = await startWebStack();
    browser = await launchChromium();
    // Last year's sheet of a ward on Đà Nẵng's index (2386/QĐ-UBND): self-assessed and submitted while the window
    // was open (reopened for it, as the window has closed since), waiting for verification.
    ward = (await stack.call<{ orgUnit: { id: string; name: string; kind: string } }>(`{ orgUnit(code: "${WARD_CODE}") { id name kind } }`)).orgUnit;
    [{ assessmentId }] = await submitAssessments(stack, stack.call, DN, YEAR - 1, [ward], presetId('IndexFramework', 'DANANG-2386'));
    const lead = await stack.call<{ orgUnit: { id: string } }>('{ orgUnit(code: "DNG-SKHCN") { id } }');
    account = await createAccount(stack, { username: 'chiso.skhcn.danang', displayName: 'Võ Thị Thanh Tâm', roles: ['LEAD_AGENCY'], orgUnitId: lead.orgUnit.id });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('imports an index from Excel (refused row by row, then accepted), exports, edits, copies and issues it, opens the year, sets the rule and reopens a sheet', async () => {
    const j = await JourneyPage.open(browser, stack.origin, 'bo-chi-so');
    await j.run(() => journey(j));
  });

  async function journey(j: JourneyPage): Promise<void> {
    const { page } = j;
    const codes = [new RegExp(`${CODE}|${NEXT_CODE}|DANANG-2386`, 'g')];
    await signIn(j, account);

    // The indices: the presets are listed, issued.
    await page.goto('/dieu-hanh/bo-chi-so');
    await page.getByRole('heading', { name: 'Bộ chỉ số và kỳ chấm điểm' }).waitFor();
    await listRow(page, 'DANANG-2386').waitFor();
    const list = await j.check('danh-sach', codes);
    expect(list).toContain('Đã ban hành');

    // The workbook typed by the staff: 3.1 gives more than its own maximum for five teams, 3.2 has no maximum.
    await page.getByRole('button', { name: 'Nhập bộ chỉ số từ Excel' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nhập bộ chỉ số từ tệp Excel' });
    const bad = await indexWorkbook((rows) =>
      rows.map((r) => (r.code === '3.1' ? { ...r, scale: '≥1: 2; ≥5: 7' } : r.code === '3.2' ? { ...r, max: undefined } : r)),
    );
    await chooseFile(page, dialog, /Bấm hoặc kéo tệp Excel/, { name: FILE, mimeType: XLSX, buffer: bad });
    await dialog.getByText('Tệp có 2 lỗi; chưa có gì được lưu. Sửa các dòng dưới đây rồi nhập lại.').waitFor();
    const errors = dialog.locator('.ant-table-row');
    await errors.filter({ hasText: `Dòng ${rowOf('3.1')} (mã 3.1): mức ≥5 có 7 điểm, lớn hơn điểm tối đa (5).` }).waitFor();
    await errors.filter({ hasText: `Dòng ${rowOf('3.2')} (mã 3.2): thiếu điểm tối đa.` }).waitFor();
    expect((await errors.locator('td:first-child').allInnerTexts()).map((t) => t.trim())).toEqual([String(rowOf('3.1')), String(rowOf('3.2'))]);
    await j.check('nhap-co-loi', codes);
    // Nothing was imported.
    const { frameworks } = await stack.call<{ frameworks: Array<{ code: string }> }>('{ frameworks { code } }', {}, await stack.token('LEAD_AGENCY'));
    expect(frameworks.map((f) => f.code)).not.toContain(CODE);

    // Corrected and chosen again: the page shows its progress while the rows are checked, then the new draft.
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/graphql', async (route) => {
      if (route.request().postData()?.includes('LeadImportFramework')) await held;
      await route.fallback();
    });
    await chooseFile(page, dialog, /Bấm hoặc kéo tệp Excel/, { name: FILE, mimeType: XLSX, buffer: await indexWorkbook() });
    await dialog.getByRole('progressbar', { name: 'Tiến độ nhập tệp' }).waitFor();
    await dialog.getByText('Đang kiểm tra từng dòng của bộ chỉ số…').waitFor();
    expect(await dialog.getByText('Tệp có 2 lỗi').count()).toBe(0);
    release();
    await page.getByText(`Đã nhập bộ chỉ số «${NAME}» (bản nháp).`).waitFor();
    await page.unroute('**/graphql');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { name: NAME }).waitFor();
    await page.getByText('Bản nháp', { exact: true }).waitFor();
    const draft = await j.check('ban-nhap', codes);
    expect(draft).toContain(`Năm ${YEAR}`);
    expect(draft).toContain('Theo số lượng: từ 1 được 2 điểm; từ 5 được 5 điểm.');
    expect(draft).toContain('Theo tỷ lệ: Số văn bản đi được ký số / Tổng số văn bản đi × 20 điểm.');
    await expect(described(page, 'Điểm tối đa').innerText()).resolves.toBe('95');
    await expect(described(page, 'Điểm thưởng tối đa').innerText()).resolves.toBe('5');
    await expect(described(page, 'Áp dụng cho').innerText()).resolves.toBe('UBND phường, UBND xã');

    // Downloaded, the workbook holds the index as imported.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải tệp Excel của bộ chỉ số' }).click()]);
    expect(download.suggestedFilename()).toBe(`${CODE}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Bộ chỉ số');
    if (!ws) throw new Error('the downloaded workbook has no sheet «Bộ chỉ số»');
    const about = new Map<string, string>();
    const table = new Map<string, { name: string; type: string; max: unknown; rule: string; scale: string }>();
    let header = 0;
    let total: unknown = null;
    ws.eachRow((row, r) => {
      const first = row.getCell(1).text.trim();
      if (!header && first === 'Mã') header = r;
      else if (!header && first) about.set(first, row.getCell(2).text.trim());
      else if (header && row.getCell(2).text.trim() === 'Tổng điểm tối đa') total = row.getCell(4).value;
      else if (header && first) {
        table.set(first, { name: row.getCell(2).text, type: row.getCell(3).text, max: row.getCell(4).value, rule: row.getCell(5).text, scale: row.getCell(6).text });
      }
    });
    expect(about.get('Mã bộ chỉ số')).toBe(CODE);
    expect(about.get('Tên')).toBe(NAME);
    expect(about.get('Năm')).toBe(String(YEAR));
    expect([...table.keys()]).toEqual(ROWS.map((r) => r.code));
    expect(table.get('3.1')).toEqual({ name: ROWS[7].name, type: 'Chỉ số', max: 5, rule: 'Theo số lượng', scale: '≥1: 2; ≥5: 5' });
    expect(table.get('2.1')?.scale).toBe('a = Số văn bản đi được ký số; b = Tổng số văn bản đi');
    expect(table.get('4')).toMatchObject({ type: 'Nhóm điểm cộng', max: 5 });
    expect(table.get('3')?.max).toBe(25);
    expect(total).toBe(95);

    // 3.1 corrected in the page: ten points, for one, five and ten teams; the index now totals 100.
    await page.getByRole('button', { name: 'Sửa chỉ số 3.1' }).click();
    const drawer = page.getByRole('dialog', { name: 'Sửa chỉ số 3.1' });
    await drawer.getByLabel('Điểm tối đa').fill('10');
    const points = drawer.getByLabel('Số điểm', { exact: true });
    await points.nth(0).fill('4');
    await points.nth(1).fill('7');
    await drawer.getByRole('button', { name: 'Thêm mức' }).click();
    await drawer.getByLabel('Từ số lượng', { exact: true }).nth(2).fill('10');
    await points.nth(2).fill('12');
    await drawer.getByRole('button', { name: 'Lưu chỉ số' }).click();
    await drawer.getByText('Không vượt điểm tối đa (10).').waitFor();
    await j.check('sua-chi-so', codes);
    await points.nth(2).fill('10');
    await drawer.getByRole('button', { name: 'Lưu chỉ số' }).click();
    await page.getByText('Đã lưu chỉ số 3.1.').waitFor();
    await drawer.waitFor({ state: 'hidden' });
    const edited = page.getByRole('row').filter({ hasText: ROWS[7].name });
    await edited.getByText('Theo số lượng: từ 1 được 4 điểm; từ 5 được 7 điểm; từ 10 được 10 điểm.').waitFor();
    await described(page, 'Điểm tối đa').getByText('100', { exact: true }).waitFor();
    await expect(edited.locator('td').nth(3).innerText()).resolves.toBe('10');
    await expect(page.getByRole('row').filter({ hasText: 'Xã hội số' }).first().locator('td').nth(3).innerText()).resolves.toBe('30');
    await j.check('da-sua-chi-so', codes);

    // Copied for next year: a draft of its own, with the correction, that says where it came from.
    await page.getByRole('button', { name: 'Sao chép cho năm sau' }).click();
    const copy = page.getByRole('dialog', { name: 'Sao chép bộ chỉ số cho năm sau' });
    await expect(copy.getByLabel('Năm áp dụng').inputValue()).resolves.toBe(String(YEAR + 1));
    await expect(copy.getByLabel('Mã bộ chỉ số mới').inputValue()).resolves.toBe(NEXT_CODE);
    await j.check('sao-chep', codes);
    await copy.getByRole('button', { name: 'Sao chép' }).click();
    await page.getByText('Đã sao chép thành bản nháp cho năm sau.').waitFor();
    await copy.waitFor({ state: 'hidden' });
    await page.getByText(`Năm ${YEAR + 1}`, { exact: true }).first().waitFor();
    await described(page, 'Mã').getByText(NEXT_CODE, { exact: true }).waitFor();
    await described(page, 'Sao chép từ').getByRole('link', { name: `Bộ năm ${YEAR}` }).waitFor();
    const next = await j.check('ban-sao-nam-sau', codes);
    expect(next).toContain('Theo số lượng: từ 1 được 4 điểm; từ 5 được 7 điểm; từ 10 được 10 điểm.');
    await expect(described(page, 'Điểm tối đa').innerText()).resolves.toBe('100');

    // This year's index issued from its own page: no longer editable.
    await described(page, 'Sao chép từ').getByRole('link', { name: `Bộ năm ${YEAR}` }).click();
    await described(page, 'Mã').getByText(CODE, { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Ban hành', exact: true }).click();
    await page.getByRole('dialog', { name: `Ban hành bộ chỉ số năm ${YEAR}?` }).waitFor();
    await j.confirm('Ban hành', 'dialog');
    await page.getByText('Đã ban hành bộ chỉ số.').waitFor();
    await page.getByText('Đã ban hành: dùng để các đơn vị tự đánh giá. Muốn thay đổi, hãy sao chép thành bản nháp mới.').waitFor();
    expect(await page.getByRole('button', { name: /^Sửa chỉ số/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Ban hành', exact: true }).count()).toBe(0);
    await j.check('da-ban-hanh', codes);

    // The list: this year's issued, next year's a draft copied from it.
    await page.getByRole('navigation', { name: 'Công việc của cơ quan thường trực' }).getByRole('link', { name: 'Bộ chỉ số', exact: true }).click();
    await page.getByRole('heading', { name: 'Bộ chỉ số và kỳ chấm điểm' }).waitFor();
    await listRow(page, CODE).getByText('Đã ban hành').waitFor();
    await listRow(page, NEXT_CODE).getByText('Bản nháp').waitFor();
    await listRow(page, NEXT_CODE).getByText(`sao chép từ bộ năm ${YEAR}`).waitFor();
    expect(await listRow(page, CODE).getByRole('button', { name: 'Ban hành' }).count()).toBe(0);
    await listRow(page, NEXT_CODE).getByRole('button', { name: 'Ban hành' }).waitFor();
    await j.check('danh-sach-sau-ban-hanh', codes);

    // This year's scoring period: the units assess themselves from today for three weeks. Last year's has closed.
    await page.getByRole('tab', { name: 'Kỳ chấm điểm' }).click();
    const periods = page.getByRole('tabpanel', { name: 'Kỳ chấm điểm' });
    const lastYear = periods.getByRole('row').filter({ hasText: String(YEAR - 1) });
    await lastYear.getByText('Đã hết hạn tự đánh giá').waitFor();
    await j.check('ky-cham-diem');
    await periods.getByText(String(YEAR), { exact: true }).click();
    await pickDate(page, periods.getByPlaceholder('Từ ngày'), days(0));
    await pickDate(page, periods.getByPlaceholder('Đến ngày'), days(20));
    await expect(periods.getByPlaceholder('Đến ngày').inputValue()).resolves.toBe(vn(days(20)));
    await periods.getByRole('button', { name: 'Mở kỳ chấm điểm' }).click();
    await page.getByText(`Đã mở kỳ chấm điểm năm ${YEAR}.`).waitFor();
    const thisYear = periods.getByRole('row').filter({ hasText: `Từ ${vn(days(0))} đến hết ${vn(days(20))}` });
    await thisYear.getByText('Đang tự đánh giá').waitFor();
    await expect(thisYear.locator('td').first().innerText()).resolves.toBe(String(YEAR));
    // The form is ready for another year: this one is no longer offered, and nothing is marked wrong.
    expect(await periods.getByText(String(YEAR), { exact: true }).count()).toBe(1);
    expect(await periods.locator('.ant-form-item-explain-error').count()).toBe(0);
    await j.check('da-mo-ky-cham-diem');

    // The classification rule: Đà Nẵng's «Tốt» from 80 points, with «Xuất sắc» and «Khá» added.
    await page.getByRole('tab', { name: 'Quy tắc xếp loại' }).click();
    const rule = page.getByRole('tabpanel', { name: 'Quy tắc xếp loại' });
    await rule.getByText('Đang áp dụng: Tốt (từ 80 điểm); còn lại: Chưa đạt loại Tốt.').waitFor();
    await expect(rule.getByRole('radio', { name: 'Theo tổng điểm' }).isChecked()).resolves.toBe(true);
    await j.check('quy-tac-xep-loai');
    await rule.getByRole('button', { name: 'Thêm mức xếp loại' }).click();
    await rule.getByLabel('Ngưỡng mức 2').fill('90');
    await rule.getByRole('button', { name: 'Lưu quy tắc xếp loại' }).click();
    await rule.getByText('Nhập tên xếp loại.').waitFor();
    await rule.getByLabel('Tên xếp loại mức 2').fill('Xuất sắc');
    await rule.getByRole('button', { name: 'Thêm mức xếp loại' }).click();
    await rule.getByLabel('Ngưỡng mức 3').fill('65');
    await rule.getByLabel('Tên xếp loại mức 3').fill('Khá');
    await rule.getByRole('checkbox', { name: 'đạt yêu cầu của phong trào' }).nth(2).uncheck();
    await rule.getByLabel('Xếp loại khi dưới mọi mức').fill('Trung bình');
    await j.check('sua-quy-tac-xep-loai');
    await rule.getByRole('button', { name: 'Lưu quy tắc xếp loại' }).click();
    await page.getByText('Đã lưu quy tắc xếp loại.').waitFor();
    await rule.getByText('Đang áp dụng: Xuất sắc (từ 90 điểm); Tốt (từ 80 điểm); Khá (từ 65 điểm); còn lại: Trung bình.').waitFor();
    await j.check('da-luu-quy-tac');

    // Last year's sheets: the ward's, submitted before the window closed, classified by the new rule; reopened for it.
    await page.getByRole('navigation', { name: 'Công việc của cơ quan thường trực' }).getByRole('link', { name: 'Thẩm định', exact: true }).click();
    await page.getByRole('heading', { name: 'Thẩm định phiếu đánh giá' }).waitFor();
    await chooseOption(page, page.getByLabel('Năm', { exact: true }), `Năm ${YEAR - 1}`);
    const sheetRow = page.getByRole('row').filter({ hasText: ward.name });
    await sheetRow.getByText('Chờ thẩm định').waitFor();
    await j.check('tham-dinh-nam-truoc');
    await sheetRow.getByRole('link', { name: 'Thẩm định' }).click();
    await page.getByRole('heading', { name: `${ward.name}: phiếu đánh giá năm ${YEAR - 1}` }).waitFor();
    const sheet = await j.check('phieu-cho-tham-dinh', codes);
    expect(sheet).toContain('Chờ thẩm định');
    // 105 points self-assessed: «Xuất sắc» by the rule just saved.
    await expect(described(page, 'Điểm tự chấm').innerText()).resolves.toBe('105');
    await expect(described(page, 'Xếp loại').innerText()).resolves.toBe('Xuất sắc');
    await page.getByRole('button', { name: 'Mở lại để đơn vị tự đánh giá' }).click();
    const reopen = page.getByRole('dialog', { name: 'Mở lại phiếu để đơn vị tự đánh giá' });
    const until = reopen.getByLabel('Mở lại đến ngày');
    await pickDate(page, until, days(10));
    await expect(until.inputValue()).resolves.toBe(vn(days(10)));
    await j.check('mo-lai', codes);
    await reopen.getByRole('button', { name: 'Mở lại' }).click();
    await page.getByText(`Đã mở lại phiếu cho đơn vị đến ngày ${vn(days(10))}.`).waitFor();
    await reopen.waitFor({ state: 'hidden' });
    await page.getByText(`Mở lại đến ${vn(days(10))}`).waitFor();
    await page.getByText('Đang tự chấm', { exact: true }).waitFor();
    await j.check('da-mo-lai', codes);
    // Back in the year's list, the ward's sheet says until when it is open again.
    await page.locator('.ant-breadcrumb').getByRole('link', { name: 'Thẩm định' }).click();
    await page.getByRole('heading', { name: 'Thẩm định phiếu đánh giá' }).waitFor();
    await sheetRow.getByText('Đang tự chấm').waitFor();
    await sheetRow.getByText(`Mở lại đến ${vn(days(10))}`).waitFor();
    await j.check('tham-dinh-da-mo-lai');
    const { assessment } = await stack.call<{ assessment: { status: string; reopenedUntil: string } }>(
      'query($id: ID!) { assessment(id: $id) { status reopenedUntil } }',
      { id: assessmentId },
      await stack.token('LEAD_AGENCY'),
    );
    expect(assessment).toEqual({ status: 'SELF_ASSESSING', reopenedUntil: days(10) });
  }
});
