import { loadGatewayConfig, startGateway } from '@thidua/gateway';
import { startParticipants } from '@thidua/participants';
import { startReporting } from '@thidua/reporting';
import { startScoring } from '@thidua/scoring';
import { presetId } from '@thidua/platform';
import { describeEachDatabase, errorCodes, gql, gqlOk, isA4, renderDocument, startStack, type TestStack } from '@thidua/testing';
import ExcelJS from 'exceljs';
import { startAwards } from '../src';
import { recommendedNominations } from './decision-scenario';
import { BMT, withoutConsultation } from './scenario';

type File = { name: string; mimeType: string; base64: string };

/** Words that are ours, not an officer's: codes, service names, placeholders, notes on the legal tables. */
const INTERNAL = /BANG_KHEN|GIAY_KHEN|PROVINCE_CHAIR|ANNUAL|COLLECTIVE|INDIVIDUAL|ND-98|undefined|null|NaN|thidua|cần kiểm chứng|TODO|\[object/i;

describeEachDatabase('the Quyết định khen thưởng and the certificate list, drafted from data and read back as they print', (db) => {
  let stack: TestStack;
  let lead: string;
  let homeAffairs: string;
  beforeAll(async () => {
    stack = await startStack({
      db,
      subgraphs: { participants: startParticipants, scoring: startScoring, awards: startAwards, reporting: startReporting },
      gateway: (env) => startGateway(loadGatewayConfig(env)),
    });
    // Nominations here go to the council without the public consultation (tested in consultation.spec.ts).
    await withoutConsultation(stack, BMT);
    lead = await stack.token('LEAD_AGENCY', undefined, { subject: 'vhtt' });
    homeAffairs = await stack.token('HOME_AFFAIRS', undefined, { subject: 'noi-vu' });
  });
  afterAll(() => stack?.close());

  it('drafts the decision with its annex at the decision step, then gives the recorded decision and the list to print the Bằng khen', async () => {
    const { ids } = await recommendedNominations(stack, lead, homeAffairs, { 'BMT-P-TAN-AN': 85, 'BMT-P-EA-TAM': 90 }, [{ fullName: 'Đặng Minh Khoa', position: 'Chuyên viên' }]);
    const nominationIds = [ids['Đặng Minh Khoa'], ids['BMT-P-TAN-AN'], ids['BMT-P-EA-TAM']] as string[];

    // The draft, before the number is given: the province's people's committee on 20/5/2025 (NĐ 98/2023 in force).
    const preview = await gqlOk<{ awardDecisionPreview: { total: number; document: File } }>(
      stack.url,
      'query($i: AwardDecisionInput!) { awardDecisionPreview(input: $i) { total document { name mimeType base64 } } }',
      { i: { date: '2025-05-20', signerTitle: 'Chủ tịch UBND tỉnh Đắk Lắk', signer: 'Phạm Ngọc Nghị', nominationIds } },
      homeAffairs,
    );
    expect(preview.awardDecisionPreview.total).toBe(11_700_000);
    expect(preview.awardDecisionPreview.document.name).toBe('Du-thao-quyet-dinh-khen-thuong-Bang-khen-cua-Chu-tich-UBND-tinh-2025-05-20.docx');
    const draft = await renderDocument(preview.awardDecisionPreview.document.base64, 'docx');
    expect(isA4(draft.pageSize)).toBe(true);
    const first = draft.pageTexts[0] as string;
    // The Quốc hiệu on one line, beside the issuing body; the number left for the clerk, the day and month for the signing.
    expect(first).toMatch(/ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK\s+CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n/);
    expect(first).toMatch(/Số:\s+\/QĐ-UBND\s+Đắk Lắk, ngày\s+tháng\s+năm 2025/);
    const flat = draft.text.replace(/\s+/g, ' ');
    for (const phrase of [
      'QUYẾT ĐỊNH Về việc tặng Bằng khen của Chủ tịch UBND tỉnh',
      'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK',
      'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015',
      'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;',
      'Căn cứ Nghị định số 98/2023/NĐ-CP của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;',
      'Căn cứ Kế hoạch ngày 01/07/2023 của UBND thành phố Buôn Ma Thuột về phát động Phong trào thi đua “Chuyển đổi số giai đoạn 2023 - 2025”',
      'Căn cứ Biên bản họp Hội đồng Thi đua - Khen thưởng thành phố Buôn Ma Thuột ngày 02/04/2025;',
      'Xét đề nghị của Phòng Nội vụ thành phố Buôn Ma Thuột tại Tờ trình số',
      'QUYẾT ĐỊNH:',
      'Điều 1. Tặng Bằng khen của Chủ tịch UBND tỉnh cho 2 tập thể và 1 cá nhân (có danh sách kèm theo) đã có thành tích xuất sắc trong Phong trào thi đua “Chuyển đổi số giai đoạn 2023 - 2025” trên địa bàn thành phố Buôn Ma Thuột, năm 2024.',
      'tổng số tiền là 11.700.000 đồng (Mười một triệu bảy trăm nghìn đồng)',
      'Kinh phí khen thưởng được chi từ Quỹ thi đua, khen thưởng của UBND tỉnh Đắk Lắk.',
      'Chánh Văn phòng UBND tỉnh Đắk Lắk, Trưởng phòng Nội vụ thành phố Buôn Ma Thuột, Trưởng phòng Văn hóa và Thông tin thành phố Buôn Ma Thuột',
      'Nơi nhận:',
      '- Như Điều 3;',
      '- Lưu: VT.',
      'CHỦ TỊCH',
      'Phạm Ngọc Nghị',
      'DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH',
    ]) {
      expect(flat).toContain(phrase);
    }
    expect(flat).not.toMatch(INTERNAL);
    // The annex on its own page: collectives, then individuals, each with the amount, then the total.
    const annex = draft.pageTexts.at(-1) as string;
    expect(annex).toContain('Phụ lục');
    expect(annex).toMatch(/1\s+UBND phường Tân An\s+4\.680\.000/);
    expect(annex).toMatch(/2\s+UBND phường Ea Tam\s+4\.680\.000/);
    expect(annex).toMatch(/1\s+Đặng Minh Khoa, Chuyên viên, Phòng Văn hóa và Thông tin\s+2\.340\.000/);
    expect(annex).toMatch(/Tổng cộng\s+11\.700\.000/);
    expect(annex.indexOf('TẬP THỂ')).toBeLessThan(annex.indexOf('CÁ NHÂN'));

    // Recorded as signed by a vice-chairman; the decision's documents are Nội vụ's and the lead agency's, not a ward's.
    const recorded = await gqlOk<{ recordAwardDecision: { id: string } }>(
      stack.url,
      'mutation($i: AwardDecisionInput!) { recordAwardDecision(input: $i) { id } }',
      { i: { number: '880/QĐ-UBND', date: '2025-05-20', signer: 'Nguyễn Thiên Văn', signerTitle: 'KT. Chủ tịch - Phó Chủ tịch', nominationIds } },
      homeAffairs,
    );
    const id = recorded.recordAwardDecision.id;
    const ward = await stack.token('UNIT_OFFICER', presetId('OrgUnit', 'BMT-P-TAN-AN'));
    expect(errorCodes(await gql(stack.url, 'query($id: ID!) { awardDecision(id: $id) { document { name } } }', { id }, ward))).toEqual(['FORBIDDEN']);
    const files = await gqlOk<{ awardDecision: { document: File; certificateList: File } }>(
      stack.url,
      'query($id: ID!) { awardDecision(id: $id) { document { name mimeType base64 } certificateList { name mimeType base64 } } }',
      { id },
      lead,
    );
    const { document, certificateList } = files.awardDecision;
    expect(document.name).toBe('Quyet-dinh-880-QD-UBND-2025-05-20.docx');
    const signed = await renderDocument(document.base64, 'docx');
    expect(signed.pageTexts[0]).toMatch(/ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK\s+CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n/);
    expect(signed.pageTexts[0]).toMatch(/Số: 880\/QĐ-UBND\s+Đắk Lắk, ngày 20 tháng 05 năm 2025/);
    const signedFlat = signed.text.replace(/\s+/g, ' ');
    expect(signedFlat).toContain('KT. CHỦ TỊCH');
    expect(signedFlat).toContain('PHÓ CHỦ TỊCH');
    expect(signedFlat).toContain('Nguyễn Thiên Văn');
    expect(signedFlat).toContain('(Kèm theo Quyết định số 880/QĐ-UBND ngày 20/05/2025 của Chủ tịch UBND tỉnh Đắk Lắk)');
    expect(signedFlat).not.toMatch(INTERNAL);
    expect(signed.pageTexts.at(-1)).toMatch(/Tổng cộng\s+11\.700\.000/);

    // The certificate list: an Excel workbook on A4, dates stored as dates, numbers as numbers, in the annex's order.
    expect(certificateList).toMatchObject({ name: 'Danh-sach-in-Bang-khen-880-QD-UBND-2025-05-20.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(certificateList.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    expect(ws.pageSetup.paperSize).toBe(9);
    const header = ws.getRow(4).values as unknown[];
    expect(header.slice(1)).toEqual(['STT', 'Họ và tên / Tên tập thể', 'Chức vụ, đơn vị (cá nhân)', 'Hình thức khen thưởng', 'Số quyết định', 'Ngày quyết định', 'Số vào sổ']);
    const rows = [5, 6, 7].map((r) => (ws.getRow(r).values as unknown[]).slice(1));
    expect(rows).toEqual([
      [1, 'UBND phường Tân An', undefined, 'Bằng khen của Chủ tịch UBND tỉnh', '880/QĐ-UBND', new Date(Date.UTC(2025, 4, 20)), 1],
      [2, 'UBND phường Ea Tam', undefined, 'Bằng khen của Chủ tịch UBND tỉnh', '880/QĐ-UBND', new Date(Date.UTC(2025, 4, 20)), 2],
      [3, 'Đặng Minh Khoa', 'Chuyên viên, Phòng Văn hóa và Thông tin thành phố Buôn Ma Thuột', 'Bằng khen của Chủ tịch UBND tỉnh', '880/QĐ-UBND', new Date(Date.UTC(2025, 4, 20)), 3],
    ]);
    expect(ws.getCell('F5').numFmt).toBe('dd/mm/yyyy');
    const printed = await renderDocument(certificateList.base64, 'xlsx');
    expect(isA4(printed.pageSize)).toBe(true);
    expect(printed.pages).toBe(1);
    const sheetText = printed.text.replace(/\s+/g, ' ');
    expect(sheetText).toContain('DANH SÁCH IN BẰNG KHEN');
    expect(sheetText).toContain('Kèm theo Quyết định số 880/QĐ-UBND ngày 20/05/2025 của Chủ tịch UBND tỉnh Đắk Lắk');
    expect(printed.text).toMatch(/20\/05\/2025/);
    expect(sheetText).not.toMatch(INTERNAL);
  });
});
