import { Document, Packer, Paragraph, TextRun } from 'docx';
import ExcelJS from 'exceljs';
import { isA4, renderDocument } from '../documents';

describe('renderDocument prints a file as LibreOffice would', () => {
  it('reads a Word document back, page by page, on its paper size', async () => {
    const doc = new Document({
      sections: [
        { properties: { page: { size: { width: 11906, height: 16838 } } }, children: [new Paragraph({ children: [new TextRun('Trang một: 87,5 điểm')] })] },
        { properties: { page: { size: { width: 11906, height: 16838 } } }, children: [new Paragraph({ children: [new TextRun('Trang hai')] })] },
      ],
    });
    const r = await renderDocument(await Packer.toBuffer(doc), 'docx');
    expect(r.pages).toBe(2);
    expect(isA4(r.pageSize)).toBe(true);
    expect(r.pageTexts[0]).toContain('Trang một: 87,5 điểm');
    expect(r.pageTexts[1]).toContain('Trang hai');
    expect(r.pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 120_000);

  it('reads a workbook back on the paper it asks for', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Bảng');
    ws.pageSetup.paperSize = 5; // US Legal
    ws.columns = [{ width: 30 }, { width: 10 }];
    ws.addRow(['Đơn vị', 'Điểm']);
    ws.addRow(['Phường Tân An', 87.5]);
    const r = await renderDocument(Buffer.from(await wb.xlsx.writeBuffer()), 'xlsx');
    expect(r.pages).toBe(1);
    expect(r.pageSize).toEqual({ widthPt: 612, heightPt: 1008 });
    expect(r.text).toContain('Phường Tân An');
  }, 120_000);
});
