import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadGatewayConfig, startGateway } from '@thidua/gateway';
import { startParticipants } from '@thidua/participants';
import { presetId } from '@thidua/platform';
import { startReporting } from '@thidua/reporting';
import { startScoring } from '@thidua/scoring';
import { describeEachDatabase, gqlOk, isA4, renderDocument, startStack, type RenderedDocument, type TestStack } from '@thidua/testing';
import { startAwards } from '../src';
import { BMT, bmtScenario, VHTT, withoutConsultation } from './scenario';

const QUOC_HIEU = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const TAN_AN = presetId('OrgUnit', 'BMT-P-TAN-AN');

/** The text of a printed document with its layout's whitespace collapsed (a phrase may wrap). */
const flat = (d: RenderedDocument) => d.text.replace(/\s+/g, ' ');

/** What every Word document an officer receives must be: A4, the Quốc hiệu on one line, nothing of ours in the text. */
function expectPrintable(d: RenderedDocument): void {
  expect(isA4(d.pageSize)).toBe(true);
  expect(d.text.split('\n').some((line) => line.includes(QUOC_HIEU))).toBe(true);
  expect(d.text).toContain('Độc lập - Tự do - Hạnh phúc');
  const text = flat(d);
  for (const internal of ['dịch vụ', 'scoring', 'reporting', 'participants', 'kiểm chứng', '…', 'undefined', 'null']) expect(text).not.toContain(internal);
  // No enum code, and figures as Vietnamese write them (96,4 rather than 96.4).
  expect(text).not.toMatch(/\b[A-Z]{2,}_[A-Z_]+\b|\b(MALE|FEMALE|ACCEPTED|SUBMITTED)\b/);
  expect(text).not.toMatch(/\d\.\d{1,2}(?!\d)/);
}

/** The first and the last page (0-based) a phrase is printed on. */
const pageOf = (d: RenderedDocument, phrase: string) => d.pageTexts.findIndex((p) => p.replace(/\s+/g, ' ').includes(phrase));
const lastPageOf = (d: RenderedDocument, phrase: string) => d.pageTexts.findLastIndex((p) => p.replace(/\s+/g, ' ').includes(phrase));

describeEachDatabase('the Word documents people sign, as LibreOffice prints them', (db) => {
  let stack: TestStack;
  let lead: string;
  let homeAffairs: string;
  let scenario: ReturnType<typeof bmtScenario>;
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
    scenario = bmtScenario(stack, lead);
  });
  afterAll(() => stack?.close());

  /** Render a document the graph returns, keeping it and its PDF when THIDUA_DOCUMENTS_OUT names a folder (to look at). */
  const render = async (base64: string, name: string) => {
    const d = await renderDocument(base64, 'docx');
    if (process.env.THIDUA_DOCUMENTS_OUT) {
      mkdirSync(process.env.THIDUA_DOCUMENTS_OUT, { recursive: true });
      writeFileSync(join(process.env.THIDUA_DOCUMENTS_OUT, `${db}-${name}.pdf`), d.pdf);
      writeFileSync(join(process.env.THIDUA_DOCUMENTS_OUT, `${db}-${name}.docx`), Buffer.from(base64, 'base64'));
    }
    return d;
  };
  const drafts = async (id: string) =>
    (await gqlOk<{ nomination: { toTrinh: { name: string; base64: string }; report: { name: string; base64: string } } }>(stack.url, 'query($id: ID!) { nomination(id: $id) { toTrinh: draft(kind: TO_TRINH) { name base64 } report: draft(kind: BAO_CAO_THANH_TICH) { name base64 } } }', { id }, lead)).nomination;

  it('drafts the Tờ trình, the reports of a collective and of an individual, and the Biên bản open and closed, each as an officer expects to print it', async () => {
    await scenario.scoreUnits({ 'BMT-P-TAN-AN': 96.4 });
    const { formId, occasionId } = await scenario.formAndOccasion('Giấy khen của Chủ tịch UBND thành phố');
    const person = (
      await gqlOk<{ createPerson: { id: string } }>(
        stack.url,
        'mutation($i: PersonInput!) { createPerson(input: $i) { id } }',
        { i: { fullName: 'Nguyễn Thị Hoa', kind: 'CIVIL_SERVANT', unitId: TAN_AN, position: 'Phó Chủ tịch UBND phường', residence: 'Phường Tân An, tỉnh Đắk Lắk', dateOfBirth: '1985-04-12', gender: 'FEMALE', homeTown: 'Xã Hòa Thắng, tỉnh Đắk Lắk' } },
        homeAffairs,
      )
    ).createPerson;
    const nominate = async (candidate: Record<string, string>, achievementSummary: string) =>
      (
        await gqlOk<{ createNomination: { id: string; version: number } }>(
          stack.url,
          'mutation($i: NominationInput!) { createNomination(input: $i) { id version } }',
          { i: { campaignId: BMT, occasionId, formId, proposingUnitId: VHTT, ...candidate, achievementSummary, nominationDate: '2025-03-01' } },
          lead,
        )
      ).createNomination;
    const ward = await nominate({ candidateUnitId: TAN_AN }, 'Dẫn đầu thành phố về tỷ lệ hồ sơ trực tuyến toàn trình năm 2024.');
    const hoa = await nominate({ candidatePersonId: person.id }, 'Chỉ đạo số hóa toàn bộ hồ sơ hộ tịch của phường năm 2024.');

    // The Tờ trình: the proposing unit's, numbered with its abbreviation, its grounds in plain words.
    const ofWard = await drafts(ward.id);
    expect(ofWard.toTrinh.name).toBe('To-trinh-UBND-phuong-Tan-An.docx');
    const toTrinh = await render(ofWard.toTrinh.base64, 'to-trinh-tap-the');
    expectPrintable(toTrinh);
    expect(toTrinh.text).toMatch(/Số:\s+\/TTr-VHTT/);
    for (const phrase of [
      'PHÒNG VĂN HÓA VÀ THÔNG TIN',
      'Buôn Ma Thuột, ngày 01 tháng 03 năm 2025',
      'Về việc đề nghị tặng Giấy khen của Chủ tịch UBND thành phố',
      'Kính gửi: Chủ tịch UBND thành phố Buôn Ma Thuột.',
      'Căn cứ Nghị định số 98/2023/NĐ-CP',
      'tặng Giấy khen của Chủ tịch UBND thành phố cho UBND phường Tân An.',
      'Kết quả đánh giá, xếp loại mức độ chuyển đổi số năm 2024: 96,4/100 điểm',
      '- Đã đăng ký tham gia phong trào.',
      'Gửi đủ, đúng hạn các báo cáo định kỳ; báo cáo kết quả năm 2024 gửi ngày 05/12/2024.',
      'Kính trình Chủ tịch UBND thành phố Buôn Ma Thuột xem xét, quyết định./.',
      // The dossier as the plan asks it: the report confirmed by the proposing level, one copy.
      '- Báo cáo thành tích có xác nhận của cấp trình khen;',
      'Số lượng hồ sơ: 01 bộ.',
      'Nơi nhận:',
    ]) {
      expect(flat(toTrinh)).toContain(phrase);
    }
    // Internal checks are not grounds for a proposal.
    expect(flat(toTrinh)).not.toContain('thẩm quyền đến hết ngày');
    expect(flat(toTrinh)).not.toContain('Phong trào tặng');

    // The collective's report: NĐ 98/2023's form for a collective, its heading the candidate unit's, XÁC NHẬN beside the signature.
    const report = await render(ofWard.report.base64, 'bao-cao-tap-the');
    expectPrintable(report);
    for (const phrase of [
      '(Theo Mẫu số 02 ban hành kèm theo Nghị định số 98/2023/NĐ-CP của Chính phủ)',
      'BÁO CÁO THÀNH TÍCH',
      'I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH',
      '- Tên tập thể: UBND phường Tân An',
      'II. THÀNH TÍCH ĐẠT ĐƯỢC',
      'Dẫn đầu thành phố về tỷ lệ hồ sơ trực tuyến toàn trình năm 2024.',
      'III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC GHI NHẬN',
    ]) {
      expect(flat(report)).toContain(phrase);
    }
    expect(report.text.split('\n').slice(0, 4).join(' ')).toContain('UBND PHƯỜNG TÂN AN');
    expect(report.text.split('\n').some((line) => line.includes('XÁC NHẬN CỦA') && line.includes('THỦ TRƯỞNG ĐƠN VỊ'))).toBe(true);
    expect(flat(report)).toContain('CẤP TRÌNH KHEN');

    // The individual's report: the personal details of the decree's form, the unit's heading (never the person's name).
    const ofHoa = await drafts(hoa.id);
    const personal = await render(ofHoa.report.base64, 'bao-cao-ca-nhan');
    expectPrintable(personal);
    for (const phrase of [
      'I. SƠ LƯỢC LÝ LỊCH',
      '- Họ và tên: Nguyễn Thị Hoa',
      '- Ngày, tháng, năm sinh: 12/04/1985',
      '- Giới tính: Nữ',
      '- Quê quán: Xã Hòa Thắng, tỉnh Đắk Lắk',
      '- Nơi thường trú: Phường Tân An, tỉnh Đắk Lắk',
      '- Đơn vị công tác: UBND phường Tân An',
      '- Chức vụ (Đảng, chính quyền, đoàn thể): Phó Chủ tịch UBND phường',
      'Chỉ đạo số hóa toàn bộ hồ sơ hộ tịch của phường năm 2024.',
      '(Ký, ghi rõ họ tên)',
    ]) {
      expect(flat(personal)).toContain(phrase);
    }
    // NĐ 98/2023's number for an individual's form is not verified: the decree is named, no form number.
    expect(flat(personal)).toContain('(Theo mẫu báo cáo thành tích ban hành kèm theo Nghị định số 98/2023/NĐ-CP của Chính phủ)');
    expect(flat(personal)).not.toContain('Mẫu số');
    expect(personal.text).not.toContain('NGUYỄN THỊ HOA');
    expect(personal.text.split('\n').slice(0, 4).join(' ')).toContain('UBND PHƯỜNG TÂN AN');
    expect(personal.text.split('\n').some((line) => line.includes('XÁC NHẬN CỦA') && line.includes('NGƯỜI BÁO CÁO THÀNH TÍCH'))).toBe(true);
    const hoaToTrinh = await render(ofHoa.toTrinh.base64, 'to-trinh-ca-nhan');
    expectPrintable(hoaToTrinh);
    expect(flat(hoaToTrinh)).toContain('cho Nguyễn Thị Hoa, Phó Chủ tịch UBND phường, UBND phường Tân An.');

    // The council's minutes: both nominations appraised and put to a council of five.
    for (const n of [ward, hoa]) {
      for (const kind of ['TO_TRINH', 'BIEN_BAN_HOI_DONG', 'BAO_CAO_THANH_TICH']) await scenario.attach(n.id, kind, {});
      const sent = await gqlOk<{ submitNomination: { version: number } }>(stack.url, 'mutation($id: ID!, $v: Int!) { submitNomination(id: $id, expectedVersion: $v) { version } }', { id: n.id, v: n.version }, lead);
      for (const kind of ['TO_TRINH', 'BIEN_BAN_HOI_DONG', 'BAO_CAO_THANH_TICH']) await gqlOk(stack.url, 'mutation($id: ID!, $k: DocumentKind!) { confirmDossierItem(nominationId: $id, kind: $k) { id } }', { id: n.id, k: kind }, homeAffairs);
      await gqlOk(stack.url, 'mutation($id: ID!, $v: Int!) { appraiseNomination(id: $id, expectedVersion: $v, accept: true) { id } }', { id: n.id, v: sent.submitNomination.version }, homeAffairs);
    }
    const council = (
      await gqlOk<{ openCouncilReview: { id: string; version: number; members: Array<{ id: string }> } }>(
        stack.url,
        'mutation($i: CouncilReviewInput!) { openCouncilReview(input: $i) { id version members { id } } }',
        {
          i: {
            occasionId,
            name: 'Phiên họp Hội đồng Thi đua - Khen thưởng thành phố Buôn Ma Thuột',
            meetingDate: '2025-04-02',
            place: 'Phòng họp UBND thành phố Buôn Ma Thuột',
            passPercent: 60,
            nominationIds: [ward.id, hoa.id],
            members: [
              { name: 'Nguyễn Văn An', position: 'Chủ tịch Hội đồng' },
              { name: 'Trần Thị Bình', position: 'Phó Chủ tịch Hội đồng' },
              { name: 'Lê Văn Cường', position: 'Ủy viên' },
              { name: 'Phạm Thị Dung', position: 'Ủy viên' },
              { name: 'Hoàng Văn Em', position: 'Thư ký' },
            ],
          },
        },
        homeAffairs,
      )
    ).openCouncilReview;
    for (const n of [ward, hoa]) {
      for (const [k, choice] of ['FOR', 'FOR', 'FOR', 'AGAINST'].entries()) {
        await gqlOk(stack.url, 'mutation($r: ID!, $n: ID!, $m: ID!, $v: VoteChoice!) { castCouncilVote(reviewId: $r, nominationId: $n, memberId: $m, vote: $v) { id } }', { r: council.id, n: n.id, m: council.members[k]?.id, v: choice }, homeAffairs);
      }
    }
    const minutes = async (name: string) =>
      render((await gqlOk<{ councilReview: { minutes: { base64: string } } }>(stack.url, 'query($id: ID!) { councilReview(id: $id) { minutes { base64 } } }', { id: council.id }, homeAffairs)).councilReview.minutes.base64, name);

    // While the meeting is open: the votes so far, nothing concluded.
    const open = await minutes('bien-ban-dang-hop');
    expectPrintable(open);
    expect(flat(open)).toContain('BIÊN BẢN (DỰ THẢO)');
    // "Chưa kết luận" in each row's result (its cell wraps: "Chưa kết" / "luận").
    expect(flat(open).match(/Chưa kết/g)).toHaveLength(2);
    expect(open.text).not.toContain('Thông qua');

    await gqlOk(stack.url, 'mutation($id: ID!, $v: Int!) { closeCouncilReview(id: $id, expectedVersion: $v) { id } }', { id: council.id, v: council.version }, homeAffairs);
    const closed = await minutes('bien-ban');
    expectPrintable(closed);
    expect(closed.text).toMatch(/Số:\s+\/BB-HĐTĐKT/);
    // The council and the occasion each named once.
    expect(flat(closed)).toContain('Họp Hội đồng Thi đua - Khen thưởng thành phố Buôn Ma Thuột xét đề nghị khen thưởng hằng năm 2024');
    expect(flat(closed)).not.toMatch(/Họp Phiên họp|khen thưởng Khen thưởng/);
    // The vote table's columns fit their words: the figures, the percentage and the result on the row's first line.
    expect(closed.text.split('\n').some((line) => /\s3\s+1\s+1\s+60%\s+Thông qua/.test(line))).toBe(true);
    expect(flat(closed)).toContain('Hội đồng thống nhất đề nghị cấp có thẩm quyền khen thưởng 2 tập thể, cá nhân: UBND phường Tân An; Nguyễn Thị Hoa.');
    // The vote table printed once, a table of its own (not joined to the signatures' table below it).
    expect(flat(closed).match(/Tỷ lệ/g)).toHaveLength(1);
    // The signatures on the page of the conclusion.
    expect(pageOf(closed, 'KẾT LUẬN')).toBeGreaterThanOrEqual(0);
    expect(pageOf(closed, 'CHỦ TỊCH HỘI ĐỒNG')).toBe(pageOf(closed, 'KẾT LUẬN'));
    expect(lastPageOf(closed, 'Nguyễn Văn An')).toBe(pageOf(closed, 'KẾT LUẬN'));
    expect(lastPageOf(closed, 'Hoàng Văn Em')).toBe(pageOf(closed, 'KẾT LUẬN'));
    // Six documents printed by LibreOffice, one at a time, on a shared machine.
  }, 300_000);
});
