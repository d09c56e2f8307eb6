import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { createAccount, signIn, type TestAccount } from './support/accounts';
import { JourneyPage, launchChromium } from './support/browser';
import { BMT, publishResults, recordParticipation, submitAssessments, wardsOf } from './support/seed';
import { startWebStack } from './support/web-stack';

// The year: Buôn Ma Thuột's campaign ran 2023–2025 and the city stopped being a district-level city on 1/7/2025, so
// 2024 is its last full year (every ward and the lead agency in place, the sample commune index is the 2024 one). The
// lead agency verifies it late, as the units' assessments were reopened for them by the lead agency.
const YEAR = 2024;
const CITY_SUMMARY = 'Kết quả thực hiện Phong trào thi đua Chuyển đổi số';

/** The province's receiving end: answers 200 to every signed delivery and keeps what it got. */
function startProvince(): Promise<{ server: Server; url: string; received: Array<{ headers: IncomingHttpHeaders; body: string }> }> {
  const received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('da nhan');
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/tiep-nhan`, received })));
}

const EVIDENCE = 'Quyết định ban hành kế hoạch chuyển đổi số năm 2024.pdf';

/**
 * The ward's evidence for indicator 1.1: uploaded by its officer, attached to the score after the lead agency reopened
 * the submitted assessment, submitted again (all through the API, as the ward would do it in its own pages).
 */
async function attachEvidence(stack: Awaited<ReturnType<typeof startWebStack>>, unitId: string, id: string): Promise<void> {
  const officer = await stack.token('UNIT_OFFICER', unitId, { subject: 'can-bo-phuong' });
  const lead = await stack.token('LEAD_AGENCY', undefined, { subject: 'seed-lead' });
  const form = new FormData();
  form.append('file', new Blob([Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n')], { type: 'application/pdf' }), EVIDENCE);
  const res = await fetch(`${stack.origin}/files`, { method: 'POST', headers: { authorization: `Bearer ${officer}` }, body: form });
  if (!res.ok) throw new Error(`upload: ${res.status} ${await res.text()}`);
  const file = (await res.json()) as { id: string };
  type A = { id: string; version: number };
  const { assessment } = await stack.call<{ assessment: A }>('query($id: ID!) { assessment(id: $id) { id version } }', { id }, lead);
  const until = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  const { reopenAssessment: r } = await stack.call<{ reopenAssessment: A }>('mutation($id: ID!, $v: Int!, $u: Date!) { reopenAssessment(id: $id, expectedVersion: $v, until: $u) { id version } }', { id, v: assessment.version, u: until }, lead);
  const { selfAssess: a } = await stack.call<{ selfAssess: A }>(
    'mutation($id: ID!, $v: Int!, $f: [ID!]) { selfAssess(assessmentId: $id, expectedVersion: $v, indicatorCode: "1.1", value: { yes: true }, note: "Kế hoạch số 25/KH-UBND kèm theo.", evidenceFileIds: $f) { id version } }',
    { id, v: r.version, f: [file.id] },
    officer,
  );
  await stack.call('mutation($id: ID!, $v: Int!) { submitAssessment(id: $id, expectedVersion: $v) { id } }', { id, v: a.version }, officer);
}

/**
 * Click a chart's bar as a person does: on the bar drawn in `color` (the lowest such pixels of the chart, below its
 * legend), found in the picture the chart drew.
 */
async function clickBar(page: Page, chartLabel: string, color: string): Promise<void> {
  const point = await page.waitForFunction(
    ([label, hex]) => {
      const canvas = document.querySelector(`[role="img"][aria-label="${label}"] canvas`) as HTMLCanvasElement | null;
      const ctx = canvas?.getContext('2d');
      if (!canvas || !ctx || !canvas.width) return null;
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
      const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      for (let y = height - 1; y >= 0; y--) {
        const xs: number[] = [];
        for (let x = 0; x < width; x++) {
          const i = (y * width + x) * 4;
          if (data[i] === r && data[i + 1] === g && data[i + 2] === b) xs.push(x);
        }
        if (!xs.length) continue;
        const scale = canvas.width / canvas.getBoundingClientRect().width;
        const box = canvas.getBoundingClientRect();
        // Below the legend's marks, and a few pixels inside the bar.
        if (y / scale < 40) return null;
        return { x: box.left + xs[Math.floor(xs.length / 2)] / scale, y: box.top + y / scale - 3 };
      }
      return null;
    },
    [chartLabel, color] as const,
  );
  const { x, y } = (await point.jsonValue()) as { x: number; y: number };
  await page.mouse.click(x, y);
}

describe('the lead agency verifies and publishes a ward, and reports the year to the city', () => {
  let stack: Awaited<ReturnType<typeof startWebStack>>;
  let browser: Browser;
  let province: Awaited<ReturnType<typeof startProvince>>;
  let account: TestAccount;
  let ward: { id: string; name: string };
  let assessmentId: string;
  let registered: Array<{ id: string; name: string; kind: string; status: 'ACCEPTED' | 'SUBMITTED' | 'RETURNED' }>;

  beforeAll(async () => {
    province = await startProvince();
    stack = await startWebStack({ PROVINCE_ENDPOINT: province.url, PROVINCE_HMAC_SECRET: 'khoa-ky-bao-cao-gui-tinh-dak-lak-2026-thu-nghiem' });
    browser = await launchChromium();
    // A dozen wards and communes of 2024: three already published, three submitted and waiting for verification;
    // some registered, sent their launch plan and their 2024 report (all recorded through the API).
    const units = (await wardsOf(stack.call, `${YEAR}-12-31`)).slice(0, 12);
    await publishResults(stack, stack.call, BMT, YEAR, units.slice(0, 3));
    assessmentId = (await submitAssessments(stack, stack.call, BMT, YEAR, units.slice(3, 6)))[0].assessmentId;
    await recordParticipation(stack, stack.call, BMT, YEAR, units, { registered: 8, plans: 6, reports: 5 });
    // As recordParticipation leaves them: every other one accepted, the last one returned, the rest waiting.
    registered = units.slice(0, 8).map((u, i) => ({ ...u, status: i === 7 ? 'RETURNED' : i % 2 === 0 ? 'ACCEPTED' : 'SUBMITTED' }));
    ward = units[3];
    await attachEvidence(stack, ward.id, assessmentId);
    // The account of the agency that leads the campaign today (Phòng Văn hóa và Thông tin until 1/7/2025, then its successor).
    const { campaign } = await stack.call<{ campaign: { leadAgency: { id: string } } }>('{ campaign(code: "BMT-CDS-2023-2025") { leadAgency { id } } }');
    account = await createAccount(stack, { username: 'vhtt.buonmathuot', displayName: 'Trần Thị Thu Hà', roles: ['LEAD_AGENCY'], orgUnitId: campaign.leadAgency.id });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
    await new Promise((r) => province?.server.close(r));
  });

  it('reads the dashboard, verifies one ward with an adjusted score, publishes it, and builds the city summary', async () => {
    const j = await JourneyPage.open(browser, stack.origin, 'co-quan-thuong-truc');
    await j.run(() => journey(j));
  });

  async function journey(j: JourneyPage): Promise<void> {
    const { page } = j;

    // Signing in lands on the campaign the agency leads, on its latest scoring year.
    await signIn(j, account);
    await page.getByRole('heading', { name: 'Điều hành phong trào' }).waitFor();
    await page.getByRole('button', { name: 'Chờ thẩm định: 3 phiếu' }).waitFor();
    await page.getByRole('button', { name: 'Đã công bố: 3 phiếu' }).waitFor();
    const dashboard = await j.check('dieu-hanh');
    expect(dashboard).toContain('Buôn Ma Thuột');
    expect(dashboard).toContain(`Thời hạn năm ${YEAR}`);
    expect(dashboard).toContain('Hạn gửi báo cáo của đơn vị');
    expect(dashboard).toMatch(/Đã gửi: 5\/\d+/);

    // Registrations per unit kind: the wards still to register are counted beside the chart; the chart's green bar
    // (accepted) opens the wards whose registration was accepted.
    const wards = registered.filter((u) => u.kind === 'WARD_PC');
    expect(wards.length).toBeGreaterThan(0);
    expect(dashboard).toContain('Đăng ký thi đua theo loại đơn vị');
    const wardFigure = (await page.getByRole('button', { name: /^UBND phường chưa đăng ký: \d+\/\d+$/ }).innerText()).match(/(\d+)\/(\d+)/);
    expect(Number(wardFigure?.[1])).toBe(Number(wardFigure?.[2]) - wards.filter((u) => u.status !== 'RETURNED').length);
    await clickBar(page, 'Số đơn vị đã đăng ký thi đua theo loại đơn vị', '#389e0d');
    const accepted = page.getByRole('dialog');
    await accepted.getByText('Đăng ký thi đua: đã được tiếp nhận — UBND phường').waitFor();
    const acceptedWards = wards.filter((u) => u.status === 'ACCEPTED');
    await accepted.getByText(`${acceptedWards.length} đơn vị (UBND phường) có đăng ký thi đua ở trạng thái «Đã được tiếp nhận».`).waitFor();
    await j.check('dang-ky-theo-loai-da-tiep-nhan');
    const listed = await accepted.locator('.ant-table-tbody tr.ant-table-row td:nth-child(2)').allInnerTexts();
    expect(listed.map((t) => t.trim()).sort()).toEqual(acceptedWards.map((u) => u.name).sort());
    await page.keyboard.press('Escape');
    await accepted.waitFor({ state: 'hidden' });

    // The number opens the list behind it; the ward is verified from there.
    await page.getByRole('button', { name: 'Chờ thẩm định: 3 phiếu' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('3 phiếu đánh giá ở trạng thái «Đã nộp, chờ thẩm định»').waitFor();
    await j.check('cho-tham-dinh');
    await drawer.getByRole('row', { name: new RegExp(ward.name) }).getByRole('link', { name: 'Thẩm định' }).click();

    await page.getByRole('heading', { name: `${ward.name}: phiếu đánh giá năm ${YEAR}` }).waitFor();
    await page.getByRole('link', { name: EVIDENCE }).waitFor();
    const sheet = await j.check('tham-dinh');
    expect(sheet).toContain('Chờ thẩm định');
    expect(sheet).toContain('Tự chấm 20 · Thẩm định 20 · Tối đa 20');
    expect(sheet).toContain('Có văn bản kèm theo.');
    expect(sheet).toContain(EVIDENCE);

    // A lower score without a reason is refused beside the reason; with the reason it is kept.
    await page.getByRole('button', { name: 'Thẩm định chỉ số 1.1' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Đơn vị kê khai').waitFor();
    await dialog.getByText('Kế hoạch số 25/KH-UBND kèm theo.').waitFor();
    const [evidence] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('link', { name: EVIDENCE }).click()]);
    expect(evidence.suggestedFilename()).toBe(EVIDENCE);
    await dialog.getByLabel('Điểm thẩm định').fill('3');
    await dialog.getByRole('button', { name: 'Lưu điểm thẩm định' }).click();
    await dialog.getByText('Điểm thẩm định khác điểm tự chấm cần ghi lý do.').waitFor();
    await j.check('thieu-ly-do');
    const reason = 'Kế hoạch chuyển đổi số năm 2024 ban hành sau thời hạn, chỉ tính một nửa số điểm.';
    await dialog.getByLabel('Lý do điều chỉnh').fill(reason);

    // Meanwhile a colleague verifies the same indicator: saving says so, shows the colleague's score, keeps ours.
    const colleague = await stack.token('LEAD_AGENCY', undefined, { subject: 'dong-nghiep' });
    const { assessment } = await stack.call<{ assessment: { version: number } }>('query($id: ID!) { assessment(id: $id) { version } }', { id: assessmentId }, colleague);
    await stack.call(
      'mutation($id: ID!, $v: Int!) { verifyScore(assessmentId: $id, expectedVersion: $v, indicatorCode: "1.1", points: 4, reason: "Thiếu quyết định ban hành kèm theo.") { id } }',
      { id: assessmentId, v: assessment.version },
      colleague,
    );
    await dialog.getByRole('button', { name: 'Lưu điểm thẩm định' }).click();
    await dialog.getByText('Phiếu vừa được người khác thay đổi trong lúc bạn thẩm định.').waitFor();
    await dialog.getByText(/4 điểm.*lý do: Thiếu quyết định ban hành kèm theo\)/).waitFor();
    await j.check('nguoi-khac-vua-sua');
    await expect(dialog.getByLabel('Lý do điều chỉnh').inputValue()).resolves.toBe(reason);
    await dialog.getByRole('button', { name: 'Lưu điểm thẩm định' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(`Lý do: ${reason}`).waitFor();
    await page.getByText('Tự chấm 20 · Thẩm định 17 · Tối đa 20').waitFor();

    // Complete, then publish (each asks for confirmation).
    await page.getByRole('button', { name: 'Hoàn tất thẩm định' }).click();
    await j.confirm('Hoàn tất thẩm định', 'dialog');
    await page.getByRole('button', { name: 'Công bố kết quả' }).waitFor();
    await page.getByRole('button', { name: 'Công bố kết quả' }).click();
    await j.confirm('Công bố', 'dialog');
    await page.getByText(/^Đã công bố lúc/).waitFor();
    const published = await j.check('da-cong-bo');
    expect(published).toContain('Đã điều chỉnh');

    // The dashboard counts it.
    await page.getByRole('menuitem', { name: /Điều hành/ }).getByRole('link').click();
    await page.getByRole('button', { name: 'Đã công bố: 4 phiếu' }).waitFor();
    await page.getByRole('button', { name: 'Chờ thẩm định: 2 phiếu' }).waitFor();
    await j.check('dieu-hanh-sau-cong-bo');

    // The city summary of the year: requested, built with a progress bar, sent to the province.
    await page.getByRole('menuitem', { name: /Báo cáo/ }).getByRole('link').click();
    await page.getByRole('heading', { name: 'Báo cáo định kỳ' }).waitFor();
    await j.check('bao-cao');
    await page.getByRole('button', { name: `Lập báo cáo năm ${YEAR}: ${CITY_SUMMARY}`, exact: true }).click();
    await page.getByRole('heading', { name: `${CITY_SUMMARY} năm ${YEAR}` }).waitFor();
    await page.locator('[role="progressbar"][aria-valuenow="100"]').waitFor();
    await page.getByText('Đã lập xong').first().waitFor();
    await page.getByRole('cell', { name: 'Đã gửi', exact: true }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Mở rộng dòng' }).first().click();
    await page.getByText('Nơi nhận đã tiếp nhận (mã trả lời 200)').waitFor();
    await j.check('lap-bao-cao', [/http:\/\/127\.0\.0\.1:\d+\/tiep-nhan/]);
    expect(province.received).toHaveLength(1);
    expect(province.received[0].headers['x-thidua-signature']).toMatch(/^sha256=/);

    // The Excel workbook: the ranking sheet has the four published wards, the verified one at its verified total.
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải tệp Excel' }).click()]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(await xlsx.path()) as unknown as ArrayBuffer);
    const ranking = wb.getWorksheet('Xếp hạng');
    expect(ranking).toBeDefined();
    const rows: Array<{ name: string; total: unknown }> = [];
    ranking?.eachRow((row) => {
      const name = row.getCell(2).text;
      if (/^UBND (phường|xã)/.test(name)) rows.push({ name, total: row.getCell(4).value });
    });
    expect(rows).toHaveLength(4);
    // The ward self-assessed every indicator of the commune sample at full marks with its bonus (105), less the points the verifier took off 1.1.
    expect(rows.find((r) => r.name === ward.name)?.total).toBe(102);

    // The Word document in the administrative layout names the year and the ward.
    const [docx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải tệp Word' }).click()]);
    expect(docx.suggestedFilename()).toMatch(/\.docx$/);
    const zip = await JSZip.loadAsync(readFileSync(await docx.path()));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('BÁO CÁO');
    expect(xml).toContain(`năm ${YEAR}`);
    expect(xml).toContain(ward.name);

    // The same year counted by today's units (the wards merged on 1/7/2025): its own run, which says so.
    await page.getByRole('menuitem', { name: /Báo cáo/ }).getByRole('link').click();
    await page.getByRole('heading', { name: 'Báo cáo định kỳ' }).waitFor();
    await page.getByText(/Quy về đơn vị hiện nay/).click();
    await page.getByRole('button', { name: `Lập báo cáo năm ${YEAR}: ${CITY_SUMMARY}`, exact: true }).click();
    await page.getByRole('heading', { name: `${CITY_SUMMARY} năm ${YEAR}` }).waitFor();
    await page.getByText(/Quy về đơn vị ngày \d{2}\/\d{2}\/\d{4}/).first().waitFor();
    await page.getByText('Đã lập xong').first().waitFor();
    await j.check('lap-bao-cao-don-vi-hien-nay', [/http:\/\/127\.0\.0\.1:\d+\/tiep-nhan/]);
    const [rolledDocx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải tệp Word' }).click()]);
    expect(rolledDocx.suggestedFilename()).toMatch(/quy-ve-don-vi-ngay-\d{4}-\d{2}-\d{2}\.docx$/);
    const rolledXml = (await (await JSZip.loadAsync(readFileSync(await rolledDocx.path()))).file('word/document.xml')?.async('string')) ?? '';
    expect(rolledXml).toContain('Số liệu trong báo cáo được quy về các cơ quan, đơn vị, địa phương đang tồn tại ngày');
  }
});
