import JSZip from 'jszip';
import { administrativeDocx } from '../nd30';

describe('NĐ 30/2020 layout', () => {
  it('writes an A4 Word document with the prescribed margins, font, motto, title and page numbers from page 2', async () => {
    const buf = await administrativeDocx({
      issuerParent: 'UBND THÀNH PHỐ BUÔN MA THUỘT',
      issuer: 'PHÒNG VĂN HÓA VÀ THÔNG TIN',
      number: 'Số: …/TTr-VHTT',
      placeAndDate: 'Buôn Ma Thuột, ngày 01 tháng 03 năm 2025',
      title: 'TỜ TRÌNH',
      subtitle: 'Về việc đề nghị tặng Giấy khen',
      body: ['Kính gửi: Chủ tịch UBND thành phố Buôn Ma Thuột.'],
      signer: { position: 'TRƯỞNG PHÒNG', name: '' },
      recipients: ['Như trên', 'Lưu: VT'],
    });
    const zip = await JSZip.loadAsync(buf);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    expect(xml).toContain('<w:titlePg/>');
    for (const text of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Số: …/TTr-VHTT', 'Buôn Ma Thuột, ngày 01 tháng 03 năm 2025', 'TỜ TRÌNH', 'Kính gửi: Chủ tịch UBND thành phố Buôn Ma Thuột.']) {
      expect(xml).toContain(text);
    }
    expect(xml).toContain('w:ascii="Times New Roman"');
    const headers = await Promise.all(Object.keys(zip.files).filter((f) => /word\/header\d+\.xml/.test(f)).map((f) => zip.file(f)?.async('string')));
    expect(headers.some((h) => h?.includes('PAGE'))).toBe(true);
  });

  it('lays out a bordered table in the body and two signatures side by side (minutes)', async () => {
    const buf = await administrativeDocx({
      issuerParent: 'UBND THÀNH PHỐ BUÔN MA THUỘT',
      issuer: 'HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG',
      number: 'Số: …/BB-HĐTĐKT',
      placeAndDate: 'Buôn Ma Thuột, ngày 02 tháng 04 năm 2025',
      title: 'BIÊN BẢN',
      subtitle: 'Họp Hội đồng',
      body: [{ table: { header: ['STT', 'Kết quả'], rows: [['1', 'Thông qua']] } }],
      signer: { position: 'CHỦ TỊCH HỘI ĐỒNG', name: 'Nguyễn Văn An' },
      secondSigner: { position: 'THƯ KÝ', name: 'Hoàng Văn Em' },
    });
    const xml = (await (await JSZip.loadAsync(buf)).file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toMatch(/<w:top w:val="single"/);
    for (const text of ['STT', 'Thông qua', 'CHỦ TỊCH HỘI ĐỒNG', 'Nguyễn Văn An', 'THƯ KÝ', 'Hoàng Văn Em']) expect(xml).toContain(text);
    expect(xml).not.toContain('Nơi nhận');
  });
});
