import JSZip from 'jszip';
import { administrativeDocx, bodyTableXml, documentNumber, issuerAbbreviation, textWidthPt, xmlText } from '../nd30';

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
  it('centres row numbers and dates and right-aligns figures, as Vietnamese tables print them', () => {
    const xml = bodyTableXml({
      header: ['STT', 'Đơn vị', 'Ngày gửi', 'Điểm', 'Tỷ lệ', 'Tiền thưởng (đồng)', 'Ghi chú'],
      rows: [
        ['I', 'TẬP THỂ', '', '', '', '', ''],
        ['1', 'UBND phường Tân An', '05/12/2024', '87,5', '2,5%', '4.680.000', 'Đúng hạn'],
        ['2', 'UBND phường Ea Tam', '13/12/2024', '90', '100%', '11.700.000', '12'],
      ],
    });
    const alignments = (row: number) => [...(xml.split('<w:tr>')[row + 2] ?? '').matchAll(/<w:pPr>(.*?)<\/w:pPr>/g)].map((m) => /w:jc w:val="(\w+)"/.exec(m[1] as string)?.[1] ?? null);
    expect(alignments(1)).toEqual(['center', null, 'center', 'right', 'right', 'right', null]);
    // The header row keeps its own style (centred, bold).
    expect(alignments(-1)).toEqual([null, null, null, null, null, null, null]);
  });
  it('writes every row of a large table, in order, with its text escaped, in the place of the body it was given', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [String(i + 1), `UBND phường Thử ${i} <A&B> "x"\u0001`, `${i % 100},5%`]);
    const buf = await administrativeDocx({
      issuerParent: 'UBND THÀNH PHỐ BUÔN MA THUỘT',
      issuer: 'PHÒNG VĂN HÓA VÀ THÔNG TIN',
      number: 'Số:        /BC',
      placeAndDate: 'Buôn Ma Thuột, ngày 31 tháng 12 năm 2025',
      title: 'BÁO CÁO',
      subtitle: 'Kết quả năm 2025',
      body: ['Trước bảng một.', { table: { header: ['Hạng', 'Đơn vị', 'Tỷ lệ'], rows } }, 'Giữa hai bảng.', { table: { header: ['STT'], rows: [] } }, 'Sau bảng hai.'],
      signer: { position: 'THỦ TRƯỞNG CƠ QUAN', name: '' },
      recipients: ['Lưu: VT'],
    });
    const zip = await JSZip.loadAsync(buf);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const styles = (await zip.file('word/styles.xml')?.async('string')) ?? '';
    const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;
    // Two body tables besides the heading and signature ones; every element closed.
    expect(count(xml, /<w:tbl>/g)).toBe(4);
    expect(count(xml, /<\/w:tbl>/g)).toBe(4);
    expect(count(xml, /<w:tr[ >]/g)).toBe(count(xml, /<\/w:tr>/g));
    expect(count(xml, /<w:tc>/g)).toBe(count(xml, /<\/w:tc>/g));
    expect(count(xml, /<w:p[ >]/g)).toBe(count(xml, /<\/w:p>/g));
    expect(xml).not.toContain('thidua-table-');
    // The rows in order, between the paragraphs around them; text escaped, control characters dropped.
    const cells = [...xml.matchAll(/<w:tc>(?:<w:tcPr>.*?<\/w:tcPr>)?<w:p><w:pPr><w:pStyle w:val="BangNoiDung"\/>(?:<w:jc w:val="\w+"\/>)?<\/w:pPr><w:r><w:t xml:space="preserve">([^<]*)<\/w:t><\/w:r><\/w:p><\/w:tc>/g)].map((m) => m[1]);
    expect(cells).toEqual(rows.flat().map(xmlText));
    expect(cells[1]).toBe('UBND phường Thử 0 &lt;A&amp;B&gt; "x"');
    expect(xml.indexOf('Trước bảng một.')).toBeLessThan(xml.indexOf('>Hạng<'));
    expect(xml.lastIndexOf('>3000<')).toBeLessThan(xml.indexOf('Giữa hai bảng.'));
    expect(xml.indexOf('Giữa hai bảng.')).toBeLessThan(xml.indexOf('>STT<'));
    expect(xml.indexOf('>STT<')).toBeLessThan(xml.indexOf('Sau bảng hai.'));
    // The header row repeats on each page; no row is split over two pages; the cells' paragraph styles are in the
    // document, 12 pt Times New Roman. (Nor are the heading's two rows, nor the signature table's: the closing paragraph
    // and the signatures.)
    expect(count(xml, /<w:tblHeader\/>/g)).toBe(2);
    expect(count(xml, /<w:cantSplit\/>/g)).toBe(3000 + 2 + 4);
    // A fixed layout whose columns follow what they hold: the unit's name gets the room, the rank little; the page's
    // text width (A4 less 30 and 15 mm) in all.
    const grid = [...(xml.match(/<w:insideV w:val="single"[^>]*\/><\/w:tblBorders><w:tblLayout w:type="fixed"\/><\/w:tblPr><w:tblGrid>(.*?)<\/w:tblGrid>/)?.[1] ?? '').matchAll(/w:w="(\d+)"/g)].map((m) => Number(m[1]));
    expect(grid).toHaveLength(3);
    expect(grid.reduce((a, b) => a + b, 0)).toBe(11906 - 1701 - 850);
    expect(grid[1]).toBeGreaterThan(3 * (grid[0] as number));
    expect(styles).toMatch(/<w:style w:type="paragraph" w:styleId="BangNoiDung">.*?Times New Roman.*?<w:sz w:val="24"\/>.*?<\/w:style>/);
    expect(styles).toMatch(/<w:style w:type="paragraph" w:styleId="BangTieuDe">.*?<w:jc w:val="center"\/>.*?<w:b\/>.*?<\/w:style>/);
  });
});

describe('the number and symbol (NĐ 30/2020)', () => {
  it('abbreviates an issuing body by the initials of its own name, its place left out', () => {
    expect(issuerAbbreviation('UBND phường Tân An')).toBe('UBND');
    expect(issuerAbbreviation('Ủy ban nhân dân thành phố Buôn Ma Thuột')).toBe('UBND');
    expect(issuerAbbreviation('Phòng Văn hóa và Thông tin')).toBe('VHTT');
    expect(issuerAbbreviation('Phòng Văn hóa và Thông tin thành phố Buôn Ma Thuột')).toBe('VHTT');
    expect(issuerAbbreviation('Sở Khoa học và Công nghệ')).toBe('SKHCN');
    expect(issuerAbbreviation('Sở Nội vụ tỉnh Đắk Lắk')).toBe('SNV');
    expect(issuerAbbreviation('Hội đồng Thi đua - Khen thưởng')).toBe('HĐTĐKT');
    expect(issuerAbbreviation('Hội đồng Thi đua - Khen thưởng thành phố Buôn Ma Thuột')).toBe('HĐTĐKT');
    expect(issuerAbbreviation('Trường THCS Nguyễn Du')).toBe('TTHCSND');
  });
  it('leaves the number blank for the clerk and writes the type symbol, then the abbreviation', () => {
    expect(documentNumber('TTr', 'VHTT')).toBe('Số:        /TTr-VHTT');
    expect(documentNumber('BB', 'HĐTĐKT')).toBe('Số:        /BB-HĐTĐKT');
    expect(documentNumber('', 'UBND')).toBe('Số:        /UBND');
  });
  it('measures a line as Times New Roman sets it (the Quốc hiệu: 250 pt at 12 pt bold)', () => {
    // Within a point of the font's own glyphs (an accented letter is taken as wide as its base letter).
    expect(Math.abs(textWidthPt('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 12, true) - 250.3)).toBeLessThan(1);
    expect(Math.abs(textWidthPt('Độc lập - Tự do - Hạnh phúc', 13, true) - 159.1)).toBeLessThan(1);
  });
});

describe('the heading, signature, XÁC NHẬN and annexes', () => {
  it('writes the number from a type symbol and the abbreviation, the XÁC NHẬN beside the signature and an annex in its own landscape section', async () => {
    const buf = await administrativeDocx({
      issuerParent: 'UBND TỈNH ĐẮK LẮK',
      issuer: 'HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG',
      number: 'TTr',
      issuerAbbreviation: 'HĐTĐKT',
      placeAndDate: 'Đắk Lắk, ngày 01 tháng 03 năm 2025',
      title: 'BÁO CÁO THÀNH TÍCH',
      subtitle: 'Đề nghị tặng Bằng khen',
      body: ['Một.', { pageBreak: true }, { text: '- Hai.', indent: false, keepNext: true }],
      signer: { position: 'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH', name: '' },
      confirmation: { heading: 'XÁC NHẬN CỦA CẤP TRÌNH KHEN', lines: ['(Ký, đóng dấu)'] },
      annexes: [{ title: 'DANH SÁCH', note: '(Kèm theo Quyết định số      /QĐ-UBND)', body: [{ table: { header: ['STT', 'Tên'], rows: [['1', 'A']] } }], landscape: true }],
    });
    const xml = (await (await JSZip.loadAsync(buf)).file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('Số:        /TTr-HĐTĐKT');
    expect(xml).toContain('<w:pageBreakBefore/>');
    for (const text of ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'XÁC NHẬN CỦA', 'Phụ lục', 'DANH SÁCH', '(Kèm theo Quyết định số      /QĐ-UBND)']) expect(xml).toContain(text);
    expect(xml.indexOf('XÁC NHẬN CỦA')).toBeLessThan(xml.indexOf('PHÓ CHỦ TỊCH') + 2000);
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/);
    // The annex's table spans the landscape page's text (297 mm less 30 and 15 mm).
    expect(xml).toContain('<w:tblW w:w="14287" w:type="dxa"/>');
  });

  it('sets the columns of a body table to the widths it is given (percent of the text width), in the grid and in every row', async () => {
    const buf = await administrativeDocx({
      issuerParent: '',
      issuer: 'HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG',
      number: 'Số:        /BB-HĐTĐKT',
      placeAndDate: 'Buôn Ma Thuột, ngày 02 tháng 04 năm 2025',
      title: 'BIÊN BẢN',
      subtitle: 'Họp Hội đồng',
      body: [{ widths: [10, 60, 30], table: { header: ['STT', 'Tập thể, cá nhân', 'Kết quả'], rows: [['1', 'UBND phường Tân An', 'Thông qua']] } }, { text: 'KẾT LUẬN', bold: true, keepNext: true }, 'Thông qua.'],
      signer: { position: 'CHỦ TỊCH HỘI ĐỒNG', name: 'Nguyễn Văn An' },
      secondSigner: { position: 'THƯ KÝ', name: 'Hoàng Văn Em' },
    });
    const xml = (await (await JSZip.loadAsync(buf)).file('word/document.xml')?.async('string')) ?? '';
    const table = xml.slice(xml.indexOf('<w:tblGrid><w:gridCol w:w="935"/>'));
    expect(table).toMatch(/^<w:tblGrid><w:gridCol w:w="935"\/><w:gridCol w:w="5613"\/><w:gridCol w:w="2807"\/><\/w:tblGrid>/);
    const rows = table.slice(0, table.indexOf('</w:tbl>')).split('<w:tr>').slice(1);
    expect(rows).toHaveLength(2);
    for (const row of rows) expect([...row.matchAll(/<w:tcW w:w="(\d+)"/g)].map((m) => Number(m[1]))).toEqual([935, 5613, 2807]);
    // The body's table and the signature table stay two tables (adjacent tables are joined into one when opened).
    expect(xml).not.toMatch(/<\/w:tbl>\s*<w:tbl>/);
    // The conclusion and the last paragraph are kept with the signatures, whose row is never split.
    expect(xml.slice(xml.indexOf('KẾT LUẬN') - 400, xml.indexOf('KẾT LUẬN'))).toContain('<w:keepNext/>');
    expect(xml.slice(xml.indexOf('Thông qua.') - 400, xml.indexOf('Thông qua.'))).toContain('<w:keepNext/>');
  });
});
