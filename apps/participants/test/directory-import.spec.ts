import ExcelJS from 'exceljs';
import { loadGatewayConfig, startGateway } from '@thidua/gateway';
import { describeEachDatabase, errorCodes, gql, gqlOk, isA4, renderDocument, startStack, type TestStack } from '@thidua/testing';
import { startParticipants } from '../src';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Count {
  total: number;
  created: number;
  existing: number;
}
interface Imp {
  id: string;
  status: string;
  progress: number;
  units: Count;
  people: Count;
  registrations: Count;
  errorCount: number;
  failure: string | null;
  errors: Array<{ sheet: string | null; row: number | null; column: string | null; code: string; message: string }>;
}
const FIELDS = 'id status progress errorCount failure units { total created existing } people { total created existing } registrations { total created existing } errors { sheet row column code message }';

type Rows = Array<Record<string, string | number | Date>>;

/** The downloaded template with rows typed under its headers. */
async function workbook(templateBase64: string, sheets: { units?: Rows; people?: Rows; registrations?: Rows }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(templateBase64, 'base64') as unknown as ArrayBuffer);
  const fill = (name: string, rows: Rows | undefined) => {
    const ws = wb.getWorksheet(name) as ExcelJS.Worksheet;
    const cols = new Map<string, number>();
    ws.getRow(1).eachCell((cell, c) => cols.set(cell.text, c));
    (rows ?? []).forEach((values, i) => {
      const row = ws.getRow(i + 2);
      for (const [header, v] of Object.entries(values)) {
        const c = cols.get(header);
        if (!c) throw new Error(`no column ${header} in ${name}`);
        row.getCell(c).value = v;
      }
    });
  };
  fill('Đơn vị', sheets.units);
  fill('Cá nhân', sheets.people);
  fill('Đăng ký', sheets.registrations);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describeEachDatabase('directory import from Excel by Nội vụ', (db) => {
  let stack: TestStack;
  let admin: string;
  let homeAffairs: string;
  let lead: string;
  let officer: string;
  let template = '';
  let dnCampaign = '';
  const ok = <T = Record<string, unknown>>(query: string, v: Record<string, unknown> = {}, token = admin) => gqlOk<T>(stack.url, query, v, token);

  const start = async (file: Buffer, token = admin, upload = false): Promise<string> => {
    if (upload) {
      const form = new FormData();
      form.append('file', new Blob([file]), 'Nhap-danh-ba.xlsx');
      const up = (await (await fetch(`${stack.origin}/files`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } })).json()) as { id: string };
      return (await ok<{ startDirectoryImport: { id: string } }>('mutation($f: ID) { startDirectoryImport(fileId: $f) { id status } }', { f: up.id }, token)).startDirectoryImport.id;
    }
    return (await ok<{ startDirectoryImport: { id: string } }>('mutation($b: String, $n: String) { startDirectoryImport(base64: $b, fileName: $n) { id status } }', { b: file.toString('base64'), n: 'danh-ba.xlsx' }, token)).startDirectoryImport.id;
  };
  const finished = async (id: string, token = admin): Promise<Imp> => {
    for (let i = 0; i < 600; i++) {
      const r = (await ok<{ directoryImport: Imp }>(`query($id: ID!) { directoryImport(id: $id) { ${FIELDS} } }`, { id }, token)).directoryImport;
      if (r.status === 'DONE' || r.status === 'FAILED') return r;
      await sleep(100);
    }
    throw new Error('import did not finish');
  };
  const unitByCode = async (code: string) =>
    (await ok<{ orgUnit: { id: string; name: string; kind: string; validFrom: string | null; parent: { code: string } | null; people: Array<{ fullName: string }>; registrations: Array<{ status: string; commitments: string[]; campaign: { id: string } }> } | null }>(
      'query($c: String!) { orgUnit(code: $c) { id name kind validFrom parent { code } people { fullName } registrations { status commitments campaign { id } } } }',
      { c: code },
    )).orgUnit;

  beforeAll(async () => {
    stack = await startStack({ db, subgraphs: { participants: startParticipants }, gateway: (env) => startGateway(loadGatewayConfig(env)), env: { REDIS_URL: '' } });
    admin = await stack.token('ADMIN', undefined, { subject: 'quan-tri-danh-ba' });
    homeAffairs = await stack.token('HOME_AFFAIRS', undefined, { subject: 'noi-vu-danh-ba' });
    lead = await stack.token('LEAD_AGENCY', undefined, { subject: 'chu-tri-danh-ba' });
    const bmt = (await ok<{ orgUnit: { id: string } }>('{ orgUnit(code: "BMT") { id } }')).orgUnit;
    officer = await stack.token('UNIT_OFFICER', bmt.id, { subject: 'can-bo-bmt' });
    template = (await ok<{ directoryImportTemplate: { name: string; base64: string } }>('{ directoryImportTemplate { name mimeType base64 } }', {}, homeAffairs)).directoryImportTemplate.base64;
    const campaigns = (await ok<{ campaigns: Array<{ id: string; code: string }> }>('{ campaigns { id code } }')).campaigns;
    dnCampaign = (campaigns.find((c) => c.code === 'DN-CDS-2021-2030') as { id: string }).id;
  });
  afterAll(() => stack?.close());

  it('gives Nội vụ and the administrator the template; refuses everyone else', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(template, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Đơn vị', 'Cá nhân', 'Đăng ký', 'Hướng dẫn']);
    expect(wb.getWorksheet('Đơn vị')?.getRow(1).getCell(1).text).toBe('Mã đơn vị');
    // Every sheet prints on A4, one page wide; the data sheets repeat their header row on every page.
    for (const ws of wb.worksheets) expect([ws.name, ws.pageSetup.paperSize, ws.pageSetup.fitToPage, ws.pageSetup.fitToWidth]).toEqual([ws.name, 9, true, 1]);
    for (const name of ['Đơn vị', 'Cá nhân', 'Đăng ký']) expect(wb.getWorksheet(name)?.pageSetup.printTitlesRow).toBe('1:1');
    // Printed by LibreOffice: A4 pages, the headers and the guide whole.
    const printed = await renderDocument(template, 'xlsx');
    expect(isA4(printed.pageSize)).toBe(true);
    expect(printed.text).toContain('Mã đơn vị');
    expect(printed.text).toContain('Bắt buộc, một trong:');
    const t = await ok<{ directoryImportTemplate: { name: string } }>('{ directoryImportTemplate { name } }', {}, admin);
    expect(t.directoryImportTemplate.name).toBe('Nhap-danh-ba-don-vi.xlsx');
    for (const token of [lead, officer]) {
      for (const r of [
        await gql(stack.url, '{ directoryImportTemplate { name } }', {}, token),
        await gql(stack.url, 'mutation { startDirectoryImport(base64: "UEsDBA==") { id } }', {}, token),
        await gql(stack.url, '{ directoryImports { id } }', {}, token),
      ]) {
        expect(errorCodes(r)).toEqual(['FORBIDDEN']);
        expect(r.errors[0]?.message).toMatch(/[À-ỹ]/);
      }
    }
  });

  const units: Rows = [];
  const people: Rows = [];
  const registrations: Rows = [];
  // 50 units under Đà Nẵng: a root, nine under it, forty under those (each parent on an earlier row).
  units.push({ 'Mã đơn vị': 'nv-goc', 'Tên đơn vị': 'Ban chỉ đạo thử nghiệm nhập danh bạ', 'Loại đơn vị': 'Sở, ban, ngành', 'Mã đơn vị cấp trên': 'DNG', 'Ngày hiệu lực': '01/07/2025', 'Thư điện tử': 'bcd@daklak.gov.vn' });
  for (let i = 1; i <= 9; i++) units.push({ 'Mã đơn vị': `NV-${i}`, 'Tên đơn vị': `Phòng thử nghiệm số ${i}`, 'Loại đơn vị': 'UBND phường', 'Mã đơn vị cấp trên': 'NV-GOC', 'Ngày hiệu lực': new Date('2025-07-01T00:00:00Z') });
  for (let i = 10; i < 50; i++) units.push({ 'Mã đơn vị': `NV-${i}`, 'Tên đơn vị': `Tổ thử nghiệm số ${i}`, 'Loại đơn vị': i % 2 ? 'UBND xã' : 'Đoàn thể', 'Mã đơn vị cấp trên': `NV-${(i % 9) + 1}`, 'Lĩnh vực': 'Hành chính' });
  for (let i = 0; i < 20; i++) people.push({ 'Họ và tên': `Nguyễn Văn Thử ${i}`, 'Đối tượng': i % 2 ? 'Viên chức' : 'Cán bộ, công chức', 'Mã đơn vị': `NV-${(i % 9) + 1}`, 'Chức vụ': 'Chuyên viên' });
  people.push({ 'Họ và tên': 'Trần Thị Dân', 'Đối tượng': 'Người dân', 'Nơi cư trú': 'Đà Nẵng' });
  for (let i = 1; i <= 10; i++) registrations.push({ 'Mã phong trào': 'DN-CDS-2021-2030', 'Mã đơn vị': `NV-${i * 4}`, 'Nội dung cam kết': 'Hoàn thành 100% hồ sơ trực tuyến\nTập huấn kỹ năng số cho cán bộ', 'Gửi đăng ký': i % 2 ? 'Có' : '' });

  it('imports 50 units with their parents, people and registrations from an uploaded workbook, as one change; progress reaches 100', async () => {
    const file = await workbook(template, { units, people, registrations });
    const done = await finished(await start(file, admin, true));
    expect(done).toMatchObject({ status: 'DONE', progress: 100, errorCount: 0, failure: null });
    expect(done.units).toEqual({ total: 50, created: 50, existing: 0 });
    expect(done.people).toEqual({ total: 21, created: 21, existing: 0 });
    expect(done.registrations).toEqual({ total: 10, created: 10, existing: 0 });

    const root = await unitByCode('NV-GOC');
    expect(root).toMatchObject({ name: 'Ban chỉ đạo thử nghiệm nhập danh bạ', kind: 'DEPARTMENT', validFrom: '2025-07-01', parent: { code: 'DNG' } });
    expect(await unitByCode('NV-3')).toMatchObject({ kind: 'WARD_PC', validFrom: '2025-07-01', parent: { code: 'NV-GOC' } });
    const n12 = await unitByCode('NV-12');
    expect(n12).toMatchObject({ kind: 'MASS_ORGANISATION', parent: { code: 'NV-4' } });
    expect((await unitByCode('NV-1'))?.people.map((p) => p.fullName).sort()).toEqual(['Nguyễn Văn Thử 0', 'Nguyễn Văn Thử 18', 'Nguyễn Văn Thử 9']);
    const n4 = await unitByCode('NV-4');
    expect(n4?.registrations).toEqual([{ status: 'SUBMITTED', commitments: ['Hoàn thành 100% hồ sơ trực tuyến', 'Tập huấn kỹ năng số cho cán bộ'], campaign: { id: dnCampaign } }]);
    expect((await unitByCode('NV-8'))?.registrations[0]?.status).toBe('DRAFT');

    // Audit rows as the single-item paths write them, attributed to whoever started the import.
    const audit = (await ok<{ participantsAuditLog: Array<{ entityType: string; action: string }> }>('query { participantsAuditLog(actorId: "quan-tri-danh-ba", first: 500) { entityType action } }')).participantsAuditLog;
    const count = (t: string, a: string) => audit.filter((e) => e.entityType === t && e.action === a).length;
    expect(count('OrgUnit', 'create')).toBe(50);
    expect(count('OrgUnitChange', 'created')).toBe(50);
    expect(count('Person', 'create')).toBe(21);
    expect(count('Registration', 'create+submit')).toBe(5);
    expect(count('Registration', 'create')).toBe(5);
  });

  it('changes nothing when the same workbook is imported again: every row is recognised', async () => {
    const file = await workbook(template, { units, people, registrations });
    const done = await finished(await start(file));
    expect(done).toMatchObject({ status: 'DONE', progress: 100, errorCount: 0 });
    expect(done.units).toEqual({ total: 50, created: 0, existing: 50 });
    expect(done.people).toEqual({ total: 21, created: 0, existing: 21 });
    expect(done.registrations).toEqual({ total: 10, created: 0, existing: 10 });
    expect((await unitByCode('NV-1'))?.people).toHaveLength(3);
    expect((await unitByCode('NV-4'))?.registrations).toHaveLength(1);
  });

  it('with one bad row changes nothing and lists every error by sheet, row and column', async () => {
    const file = await workbook(template, {
      units: [
        { 'Mã đơn vị': 'SAI-1', 'Tên đơn vị': 'Đơn vị sai số 1', 'Loại đơn vị': 'UBND xã', 'Mã đơn vị cấp trên': 'DNG' },
        { 'Mã đơn vị': 'SAI-2', 'Tên đơn vị': 'Đơn vị sai số 2', 'Loại đơn vị': 'Hợp tác xã', 'Mã đơn vị cấp trên': 'SAI-1' },
        { 'Mã đơn vị': 'SAI-3', 'Tên đơn vị': 'Đơn vị sai số 3', 'Loại đơn vị': 'UBND xã', 'Mã đơn vị cấp trên': 'SAI-1' },
      ],
      people: [
        { 'Họ và tên': 'Lê Văn Mới', 'Đối tượng': 'Cán bộ, công chức', 'Mã đơn vị': 'SAI-3' },
        { 'Họ và tên': 'Lê Văn Lạc', 'Đối tượng': 'Viên chức', 'Mã đơn vị': 'KHONG-CO' },
      ],
    });
    const done = await finished(await start(file, homeAffairs), homeAffairs);
    expect(done).toMatchObject({ status: 'DONE', progress: 100, errorCount: 2 });
    expect(done.units.created + done.people.created).toBe(0);
    expect(done.errors.map(({ sheet, row, column, code }) => ({ sheet, row, column, code }))).toEqual([
      { sheet: 'Đơn vị', row: 3, column: 'Loại đơn vị', code: 'UNIT_KIND_UNKNOWN' },
      { sheet: 'Cá nhân', row: 3, column: 'Mã đơn vị', code: 'UNIT_NOT_FOUND' },
    ]);
    expect(done.errors[0]?.message).toBe('Trang "Đơn vị", dòng 3, cột "Loại đơn vị": loại đơn vị "Hợp tác xã" không có trong danh mục (xem trang "Hướng dẫn").');
    for (const code of ['SAI-1', 'SAI-3']) expect(await unitByCode(code)).toBeNull();
    const paged = (await ok<{ directoryImport: { errors: Array<{ code: string }> } }>('query($id: ID!) { directoryImport(id: $id) { errors(first: 1, offset: 1) { code } } }', { id: done.id }, homeAffairs)).directoryImport;
    expect(paged.errors).toEqual([{ code: 'UNIT_NOT_FOUND' }]);
  });

  it('rolls back rows already written when a later row is refused by the service (a name taken under the same parent)', async () => {
    const file = await workbook(template, {
      units: [
        { 'Mã đơn vị': 'LUI-1', 'Tên đơn vị': 'Đơn vị lùi số 1', 'Loại đơn vị': 'UBND xã', 'Mã đơn vị cấp trên': 'DNG' },
        { 'Mã đơn vị': 'LUI-2', 'Tên đơn vị': 'Đơn vị lùi số 2', 'Loại đơn vị': 'UBND xã', 'Mã đơn vị cấp trên': 'LUI-1' },
        { 'Mã đơn vị': 'LUI-3', 'Tên đơn vị': 'đơn vị lùi SỐ 2', 'Loại đơn vị': 'UBND xã', 'Mã đơn vị cấp trên': 'LUI-1' },
        { 'Mã đơn vị': 'LUI-4', 'Tên đơn vị': 'Đơn vị lùi số 4', 'Loại đơn vị': 'UBND xã', 'Mã đơn vị cấp trên': 'NV-GOC', 'Ngày hiệu lực': '31/02/2025' },
      ],
    });
    const done = await finished(await start(file, homeAffairs), homeAffairs);
    expect(done.errors.map(({ sheet, row, column, code }) => ({ sheet, row, column, code }))).toEqual([{ sheet: 'Đơn vị', row: 5, column: 'Ngày hiệu lực', code: 'VALUE_INVALID' }]);
    // Fixed date: the checks pass, the service refuses row 4 while writing, and rows 2–3 are rolled back.
    const fixed = await workbook(template, { units: [{ 'Mã đơn vị': 'LUI-1', 'Tên đơn vị': 'Đơn vị lùi số 1', 'Loại đơn vị': 'UBND xã', 'Mã đơn vị cấp trên': 'DNG' }, { 'Mã đơn vị': 'LUI-2', 'Tên đơn vị': 'Đơn vị lùi số 2', 'Loại đơn vị': 'UBND xã', 'Mã đơn vị cấp trên': 'LUI-1' }, { 'Mã đơn vị': 'LUI-3', 'Tên đơn vị': 'đơn vị lùi SỐ 2', 'Loại đơn vị': 'UBND xã', 'Mã đơn vị cấp trên': 'LUI-1' }] });
    const second = await finished(await start(fixed, homeAffairs), homeAffairs);
    expect(second.errors.map(({ sheet, row, column, code }) => ({ sheet, row, column, code }))).toEqual([{ sheet: 'Đơn vị', row: 4, column: 'Tên đơn vị', code: 'ORG_UNIT_NAME_TAKEN' }]);
    expect(second.errors[0]?.message).toMatch(/^Trang "Đơn vị", dòng 4, cột "Tên đơn vị": Đã có đơn vị cùng tên/);
    expect(second.units.created).toBe(0);
    expect(await unitByCode('LUI-1')).toBeNull();
    expect(await unitByCode('LUI-2')).toBeNull();
  });

  it('takes registrations only as createRegistration allows: Nội vụ alone may not register units, so nothing of its workbook changes', async () => {
    const file = await workbook(template, {
      units: [{ 'Mã đơn vị': 'NOI-VU-1', 'Tên đơn vị': 'Đơn vị của Nội vụ số 1', 'Loại đơn vị': 'UBND phường', 'Mã đơn vị cấp trên': 'DNG' }],
      registrations: [{ 'Mã phong trào': 'DN-CDS-2021-2030', 'Mã đơn vị': 'NOI-VU-1', 'Nội dung cam kết': 'Cam kết' }],
    });
    const refused = await finished(await start(file, homeAffairs), homeAffairs);
    expect(refused.errors.map((e) => [e.sheet, e.row, e.code])).toEqual([['Đăng ký', 2, 'FORBIDDEN']]);
    expect(await unitByCode('NOI-VU-1')).toBeNull();
    // Without the registrations, Nội vụ's units go in.
    const unitsOnly = await workbook(template, { units: [{ 'Mã đơn vị': 'NOI-VU-1', 'Tên đơn vị': 'Đơn vị của Nội vụ số 1', 'Loại đơn vị': 'UBND phường', 'Mã đơn vị cấp trên': 'DNG' }] });
    const done = await finished(await start(unitsOnly, homeAffairs), homeAffairs);
    expect(done).toMatchObject({ status: 'DONE', progress: 100, errorCount: 0, units: { total: 1, created: 1, existing: 0 } });
    expect(await unitByCode('NOI-VU-1')).toMatchObject({ kind: 'WARD_PC', parent: { code: 'DNG' } });
  });
});
