import type { Browser } from 'playwright-core';
import { chooseOption, JourneyPage, launchChromium } from './support/browser';
import { appraisedNomination } from './support/seed';
import { startWebStack } from './support/web-stack';

/*
 * Lấy ý kiến nhân dân (R27): Nội vụ publishes an appraised nominee of Buôn Ma Thuột's campaign for five days from
 * today (seeded through the graph); a citizen, without signing in, reads the list, sends an objection with the form and
 * is thanked; Nội vụ answers it and publishes the answer (through the graph); the page then shows the objection and the
 * answer, never the citizen's contact.
 */

type Stack = Awaited<ReturnType<typeof startWebStack>>;

const VN_NOW = new Date(Date.now() + 7 * 3_600_000);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const days = (n: number) => iso(new Date(VN_NOW.getTime() + n * 86_400_000));
const vn = (isoDate: string) => `${isoDate.slice(8, 10)}/${isoDate.slice(5, 7)}/${isoDate.slice(0, 4)}`;

const CONTACT = 'bao.nv@gmail.com';
const BUSY_CONTACT = '0912 345 678';

async function seed(stack: Stack): Promise<{ consultationId: string; nominationId: string; homeAffairs: string }> {
  const lead = await stack.token('LEAD_AGENCY', undefined, { subject: 'e2e-lead' });
  const homeAffairs = await stack.token('HOME_AFFAIRS', undefined, { subject: 'e2e-noi-vu' });
  const { nominationId, occasionId } = await appraisedNomination(
    stack,
    { lead, homeAffairs },
    { fullName: 'Hoàng Thị Mai', position: 'Công chức Văn phòng - Thống kê', email: 'mai.ht@tanan.daklak.gov.vn' },
    { achievementSummary: 'Xây dựng kho dữ liệu số của phường, số hóa 12.000 hồ sơ hộ tịch năm 2024.', nominationDate: days(-10), documentsIssued: '2025-02-20' },
  );
  const { openConsultation } = await stack.call<{ openConsultation: { id: string } }>(
    'mutation($o: ID!, $n: [ID!]!, $s: Date!) { openConsultation(occasionId: $o, nominationIds: $n, startsOn: $s) { id } }',
    { o: occasionId, n: [nominationId], s: days(0) },
    homeAffairs,
  );
  // Someone has already sent five comments from one phone number this hour.
  for (let i = 1; i <= 5; i++) {
    await stack.call(
      'mutation($c: ID!, $n: ID!, $t: String!) { submitConsultationComment(consultationId: $c, nominationId: $n, kind: COMMENT, authorName: "Lê Thị Hồng", contact: "0912345678", content: $t) { message } }',
      { c: openConsultation.id, n: nominationId, t: `Góp ý lần thứ ${i} về việc số hóa hồ sơ của phường.` },
    );
  }
  return { consultationId: openConsultation.id, nominationId, homeAffairs };
}

describe('a citizen comments on the nominees published for consultation', () => {
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

  it('reads the list, sends an objection, is thanked, and later reads the published answer without the contact', async () => {
    const j = await JourneyPage.open(browser, stack.origin, 'lay-y-kien');
    await j.run(async () => {
      const { page } = j;
      await page.goto('/');
      await page.getByRole('menuitem', { name: 'Lấy ý kiến nhân dân' }).click();
      await page.getByRole('heading', { name: 'Lấy ý kiến nhân dân về danh sách đề nghị khen thưởng' }).waitFor();
      await page.getByText('Phong trào chưa công khai danh sách đề nghị khen thưởng nào để lấy ý kiến.').waitFor();
      await j.check('chua-cong-khai');
      await chooseOption(page, page.getByRole('combobox', { name: 'Phong trào' }), 'Buôn Ma Thuột');
      await page.getByText('Hoàng Thị Mai').first().waitFor();
      const list = await j.check('danh-sach');
      expect(list).toContain(`Khen thưởng hằng năm 2024: công khai từ ngày ${vn(days(0))} đến ngày ${vn(days(5))}`);
      expect(list).toContain('Đang lấy ý kiến');
      expect(list).toContain('Công chức Văn phòng - Thống kê');
      expect(list).toContain('UBND phường Tân An');
      expect(list).toContain('Bằng khen của Chủ tịch UBND tỉnh');
      expect(list).toContain('Xây dựng kho dữ liệu số của phường, số hóa 12.000 hồ sơ hộ tịch năm 2024.');
      expect(list).not.toContain('mai.ht@tanan.daklak.gov.vn');
      expect(list).not.toContain('Lê Thị Hồng');

      await page.getByRole('button', { name: 'Góp ý về đề nghị này' }).click();
      const form = page.getByRole('form', { name: 'Gửi ý kiến' });
      await form.getByText('Phản ánh (không đồng ý với đề nghị)').click();
      await form.getByLabel('Họ và tên').fill('Nguyễn Văn Bảo');
      // The form checks as the citizen types: a contact that is neither an e-mail nor a phone number.
      const contact = form.getByLabel('Thư điện tử hoặc số điện thoại');
      await contact.fill('0905');
      await form.getByText('Số điện thoại chưa đúng (10 hoặc 11 chữ số, bắt đầu bằng 0 hoặc +84).').waitFor();
      await contact.fill('bao.nv@gmail');
      await form.getByText('Địa chỉ thư điện tử chưa đúng.').waitFor();
      await form.getByLabel('Nội dung').fill('Ngắn');
      await form.getByText('Nội dung ít nhất 10 ký tự.').waitFor();
      await j.check('kiem-tra-khi-nhap');
      // The service's refusal shows beside its field: this phone number has sent five comments this hour.
      await contact.fill(BUSY_CONTACT);
      await form.getByLabel('Nội dung').fill('Số liệu 12.000 hồ sơ là của cả tổ công tác, không riêng cá nhân được đề nghị.');
      await form.getByRole('button', { name: 'Gửi ý kiến' }).click();
      await form.locator('.ant-form-item-explain-error', { hasText: 'Mỗi người gửi tối đa 5 ý kiến trong một giờ; vui lòng gửi lại sau.' }).waitFor();
      await j.check('qua-nhieu-y-kien');

      await contact.fill(CONTACT);
      await form.getByRole('button', { name: 'Gửi ý kiến' }).click();
      await page.getByText('Đã nhận ý kiến của ông/bà').waitFor();
      const thanks = await j.check('cam-on');
      expect(thanks).toContain(
        'Cảm ơn ông/bà Nguyễn Văn Bảo đã gửi ý kiến phản ánh. Thường trực Hội đồng Thi đua - Khen thưởng sẽ xem xét, trả lời theo thông tin liên hệ ông/bà đã cung cấp.',
      );

      // Nội vụ answers the objection and publishes it.
      const { consultationComments } = await stack.call<{ consultationComments: Array<{ id: string; version: number; kind: string; contact: string }> }>(
        'query($c: ID!) { consultationComments(consultationId: $c) { id version kind contact } }',
        { c: seeded.consultationId },
        seeded.homeAffairs,
      );
      const objection = consultationComments.find((c) => c.kind === 'OBJECTION');
      expect(objection?.contact).toBe(CONTACT);
      await stack.call(
        'mutation($id: ID!, $v: Int!, $a: String!) { answerConsultationComment(id: $id, expectedVersion: $v, answer: $a, publish: true) { id } }',
        {
          id: objection?.id,
          v: objection?.version,
          a: 'Thường trực Hội đồng đã xác minh với UBND phường Tân An: bà Hoàng Thị Mai chủ trì tổ công tác và trực tiếp số hóa 7.500 hồ sơ.',
        },
        seeded.homeAffairs,
      );

      await page.reload();
      await page.getByText('Trả lời của Thường trực Hội đồng', { exact: false }).waitFor();
      const answered = await j.check('tra-loi');
      expect(answered).toContain('Phản ánh của Nguyễn Văn Bảo');
      expect(answered).toContain('Số liệu 12.000 hồ sơ là của cả tổ công tác, không riêng cá nhân được đề nghị.');
      expect(answered).toContain('bà Hoàng Thị Mai chủ trì tổ công tác và trực tiếp số hóa 7.500 hồ sơ.');
      expect(answered).not.toContain(CONTACT);
      expect(answered).not.toContain('Lê Thị Hồng');
    });
  });
});
