import { isA4, renderDocument } from '@thidua/testing';
import { administrativeDocx, documentNumber, issuerAbbreviation, type AdministrativeDocument } from '../nd30';

const QUOC_HIEU = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const paragraph = (i: number) =>
  `Đoạn ${i}: thực hiện phong trào thi đua chuyển đổi số, đơn vị đã triển khai nhiều giải pháp, đạt kết quả rõ rệt trong việc cung cấp dịch vụ công trực tuyến toàn trình cho người dân và doanh nghiệp trên địa bàn.`;

const base: AdministrativeDocument = {
  issuerParent: 'UBND THÀNH PHỐ BUÔN MA THUỘT',
  issuer: 'HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG',
  number: documentNumber('BB', issuerAbbreviation('Hội đồng Thi đua - Khen thưởng')),
  placeAndDate: 'Buôn Ma Thuột, ngày 02 tháng 04 năm 2025',
  title: 'BIÊN BẢN',
  subtitle: 'Họp Hội đồng Thi đua - Khen thưởng thành phố Buôn Ma Thuột xét đề nghị khen thưởng hằng năm 2024',
  body: [],
  signer: { position: 'CHỦ TỊCH HỘI ĐỒNG', name: 'Nguyễn Văn An' },
  secondSigner: { position: 'THƯ KÝ', name: 'Hoàng Văn Em' },
};

/** The page (0-based) a phrase is printed on, first and last. */
const pages = (pageTexts: string[], phrase: string) => [pageTexts.findIndex((p) => p.includes(phrase)), pageTexts.findLastIndex((p) => p.includes(phrase))];

describe('the NĐ 30/2020 layout as LibreOffice prints it', () => {
  it('keeps the Quốc hiệu on one line beside the longest issuing bodies, and the signatures with the conclusion however the body falls', async () => {
    // From a body that ends high on page 1 to ones whose conclusion falls at the foot of page 1 (7 to 10 paragraphs:
    // without keeping, the conclusion or part of it stays on page 1 and the signatures go to page 2): the signatures
    // are always on the conclusion's page.
    // A vote table, then a conclusion of three paragraphs (LibreOffice kept only the last of them with a signature
    // table that followed them: the library sets them in it).
    for (const paragraphs of [2, 6, 7, 8, 9, 10]) {
      const d = await renderDocument(
        await administrativeDocx({
          ...base,
          body: [
            ...Array.from({ length: paragraphs }, (_, i) => paragraph(i + 1)),
            { table: { header: ['STT', 'Tập thể, cá nhân'], rows: [['1', 'UBND phường Tân An'], ['2', 'Nguyễn Thị Hoa']] } },
            { text: 'III. KẾT LUẬN', bold: true, keepNext: true },
            { text: 'Hội đồng thống nhất đề nghị cấp có thẩm quyền khen thưởng 2 tập thể, cá nhân: UBND phường Tân An; Nguyễn Thị Hoa.', keepNext: true },
            'Biên bản lập khi kết thúc cuộc họp ngày 02/04/2025, được các thành viên dự họp thống nhất./.',
          ],
        }),
        'docx',
      );
      expect(isA4(d.pageSize)).toBe(true);
      expect(d.pageTexts[0]?.split('\n').some((line) => line.includes(QUOC_HIEU))).toBe(true);
      expect(d.pageTexts[0]).toContain('UBND THÀNH PHỐ BUÔN MA THUỘT');
      expect(d.text).toMatch(/Số:\s+\/BB-HĐTĐKT/);
      const [conclusion] = pages(d.pageTexts, 'KẾT LUẬN');
      expect(pages(d.pageTexts, 'Biên bản lập')).toEqual([conclusion, conclusion]);
      // The vote table is a table of its own, printed once (joined to the signature table, it lost its borders and
      // repeated its header above the signatures).
      expect(d.text.match(/Tập thể, cá nhân/g)).toHaveLength(1);
      expect(pages(d.pageTexts, 'CHỦ TỊCH HỘI ĐỒNG')).toEqual([conclusion, conclusion]);
      expect(pages(d.pageTexts, 'Nguyễn Văn An')).toEqual([conclusion, conclusion]);
    }
  }, 180_000);

  it('prints the XÁC NHẬN block beside the signature and an annex on a landscape page of its own', async () => {
    const d = await renderDocument(
      await administrativeDocx({
        ...base,
        issuerParent: 'UBND TỈNH ĐẮK LẮK',
        issuer: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
        number: documentNumber('BC', issuerAbbreviation('Sở Khoa học và Công nghệ')),
        title: 'BÁO CÁO THÀNH TÍCH',
        subtitle: 'Đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh',
        body: ['I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH'],
        secondSigner: undefined,
        signer: { position: 'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC', name: '', note: '(Ký, đóng dấu)' },
        confirmation: { heading: 'XÁC NHẬN CỦA CẤP TRÌNH KHEN', lines: ['(Ký, đóng dấu)'] },
        annexes: [{ title: 'DANH SÁCH TẬP THỂ', note: '(Kèm theo Báo cáo số      /BC-SKHCN)', body: [{ table: { header: ['STT', 'Tên tập thể', 'Thành tích'], rows: [['1', 'Phòng Quản lý công nghệ', 'Hoàn thành xuất sắc']] } }], landscape: true }],
      }),
      'docx',
    );
    expect(d.pages).toBe(2);
    expect(d.text).toMatch(/Số:\s+\/BC-SKHCN/);
    const lines = d.pageTexts[0]?.split('\n') ?? [];
    expect(lines.some((l) => l.includes(QUOC_HIEU))).toBe(true);
    expect(lines.some((l) => l.includes('XÁC NHẬN CỦA') && l.includes('KT. GIÁM ĐỐC'))).toBe(true);
    expect(d.pageTexts[1]).toContain('Phụ lục');
    expect(d.pageTexts[1]).toContain('DANH SÁCH TẬP THỂ');
  }, 120_000);
});
