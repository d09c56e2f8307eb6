import { deflateSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { documentTypeFromLines, inspectFile } from '../file-inspection';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A PDF from its objects' bodies (object i + 1), with a classic cross-reference table and the trailer naming /Root 1. */
function pdf(objects: Array<string | Buffer>, trailerExtra = ''): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let at = parts[0]!.length;
  objects.forEach((body, i) => {
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), typeof body === 'string' ? Buffer.from(body, 'latin1') : body, Buffer.from('\nendobj\n', 'latin1')]);
    offsets.push(at);
    at += chunk.length;
    parts.push(chunk);
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${at}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

const stream = (dict: string, data: Buffer, compress = true) => {
  const bytes = compress ? deflateSync(data) : data;
  return Buffer.concat([Buffer.from(`<< ${dict} ${compress ? '/Filter /FlateDecode ' : ''}/Length ${bytes.length} >>\nstream\n`, 'latin1'), bytes, Buffer.from('\nendstream', 'latin1')]);
};

describe('the document type read from a title', () => {
  it('finds the first upper-case title paragraph, past the issuer and the national motto', () => {
    expect(documentTypeFromLines(['UBND THÀNH PHỐ BUÔN MA THUỘT', 'PHÒNG VĂN HÓA VÀ THÔNG TIN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Số: 12/TTr', 'TỜ TRÌNH', 'Về việc đề nghị tặng Giấy khen'])).toBe('Tờ trình');
    expect(documentTypeFromLines(['BIÊN BẢN HỌP HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG'])).toBe('Biên bản');
    expect(documentTypeFromLines(['BÁO CÁO THÀNH TÍCH', 'Đề nghị tặng Bằng khen'])).toBe('Báo cáo thành tích');
    expect(documentTypeFromLines(['BÁO CÁO', 'Thành tích đề nghị tặng Giấy khen'])).toBe('Báo cáo thành tích');
    expect(documentTypeFromLines(['BÁO CÁO', 'Kết quả thực hiện phong trào năm 2024'])).toBe('Báo cáo');
    expect(documentTypeFromLines(['GIẤY XÁC NHẬN', 'Không nợ thuế'])).toBe('Giấy xác nhận');
    expect(documentTypeFromLines(['CHI CỤC THUẾ KHU VỰC', 'XÁC NHẬN TÌNH TRẠNG NỘP THUẾ'])).toBe('Văn bản xác nhận');
  });

  it('reads no title from sentences, lower case, or a name that only begins like one', () => {
    expect(documentTypeFromLines(['Tờ trình này đề nghị…', 'Kính gửi: Chủ tịch UBND thành phố'])).toBeNull();
    expect(documentTypeFromLines(['TỜ TRÌNHX'])).toBeNull();
    expect(documentTypeFromLines([])).toBeNull();
  });
});

describe('a Word document', () => {
  const para = (...runs: string[]) => `<w:p><w:pPr><w:jc w:val="center"/></w:pPr>${runs.map((r) => `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${r}</w:t></w:r>`).join('')}</w:p>`;
  const docx = (body: string, pages?: number) =>
    Buffer.from(
      zipSync({
        'word/document.xml': strToU8(`<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`),
        ...(pages ? { 'docProps/app.xml': strToU8(`<?xml version="1.0"?><Properties><Pages>${pages}</Pages></Properties>`) } : {}),
      }),
    );

  it('is read by its title (runs joined, tables included) and its pages as saved', () => {
    const header = `<w:tbl><w:tr><w:tc>${para('ỦY BAN NHÂN DÂN')}${para('PHƯỜNG TÂN AN')}</w:tc><w:tc>${para('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')}</w:tc></w:tr></w:tbl>`;
    expect(inspectFile(DOCX, docx(`${header}${para('BIÊN ', 'BẢN')}${para('Họp Hội đồng Thi đua &amp; Khen thưởng')}`, 3))).toEqual({ documentType: 'Biên bản', pages: 3 });
    expect(inspectFile(DOCX, docx(para('Thư mời họp')))).toEqual({ documentType: null, pages: null });
  });

  it('that is not a zip at all is read as nothing', () => {
    expect(inspectFile(DOCX, Buffer.from('PK\x03\x04 not a zip'))).toEqual({ documentType: null, pages: null });
  });
});

describe('a PDF', () => {
  it('has its pages counted from the page tree', () => {
    const pages = [4, 5, 6].map(() => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>');
    const file = pdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R 4 0 R 5 0 R] /Count 3 >>', ...pages]);
    expect(inspectFile('application/pdf', file)).toEqual({ documentType: null, pages: 3 });
  });

  it('kept in object streams (PDF 1.5) has its pages counted too', () => {
    // Objects 1–5 (catalog, page tree, three pages) compressed in object stream 6; a cross-reference stream names /Root.
    const bodies = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R 4 0 R 5 0 R] /Count 3 >>', ...[3, 4, 5].map(() => '<< /Type /Page /Parent 2 0 R >>')];
    let header = '';
    let body = '';
    bodies.forEach((b, i) => {
      header += `${i + 1} ${body.length} `;
      body += `${b}\n`;
    });
    const objStm = stream(`/Type /ObjStm /N ${bodies.length} /First ${header.length}`, Buffer.from(header + body, 'latin1'));
    const xrefStm = stream('/Type /XRef /Size 8 /Root 1 0 R /W [1 2 1]', Buffer.alloc(8 * 4));
    const file = Buffer.concat([Buffer.from('%PDF-1.5\n6 0 obj\n', 'latin1'), objStm, Buffer.from('\nendobj\n7 0 obj\n', 'latin1'), xrefStm, Buffer.from('\nendobj\nstartxref\n0\n%%EOF\n', 'latin1')]);
    expect(inspectFile('application/pdf', file)).toEqual({ documentType: null, pages: 3 });
  });

  it('with a text layer is read by its title through the font’s ToUnicode map', () => {
    const title = 'TỜ TRÌNH';
    const chars = [...new Set(title)];
    const cmap = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap 1 begincodespacerange <00> <FF> endcodespacerange ${chars.length} beginbfchar ${chars
      .map((c, i) => `<${(i + 1).toString(16).padStart(2, '0')}> <${c.charCodeAt(0).toString(16).padStart(4, '0')}>`)
      .join(' ')} endbfchar endcmap`;
    const codes = [...title].map((c) => (chars.indexOf(c) + 1).toString(16).padStart(2, '0')).join('');
    const content = `BT /F1 14 Tf 1 0 0 1 60 800 Tm (UBND PH\\325\\332NG) Tj ET BT /F2 14 Tf 1 0 0 1 250 700 Tm <${codes}> Tj ET`;
    const file = pdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> /Contents 4 0 R >>',
      stream('', Buffer.from(content, 'latin1')),
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
      '<< /Type /Font /Subtype /Type3 /ToUnicode 7 0 R >>',
      stream('', Buffer.from(cmap, 'latin1')),
    ]);
    expect(inspectFile('application/pdf', file)).toEqual({ documentType: 'Tờ trình', pages: 1 });
  });

  it('that is damaged has no pages rather than a wrong count', () => {
    expect(inspectFile('application/pdf', Buffer.from('%PDF-1.4\nTO_TRINH\n%%EOF\n'))).toEqual({ documentType: null, pages: null });
  });
});

describe('other files', () => {
  it('an image is one page; a workbook is not read', () => {
    expect(inspectFile('image/png', Buffer.from([0x89, 0x50]))).toEqual({ documentType: null, pages: 1 });
    expect(inspectFile('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', Buffer.from('PK'))).toEqual({ documentType: null, pages: null });
  });
});
