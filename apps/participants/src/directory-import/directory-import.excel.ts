import { fitRowHeights, printOnA4 } from '@thidua/documents';
import ExcelJS from 'exceljs';
import { ORG_UNIT_KIND_LABELS, ORG_UNIT_KINDS } from '@thidua/platform';
import { PERSON_KINDS, type PersonKind } from '../person/person.entity';

/** The sheets of the workbook, in the order they are imported (a person's unit may be new, a registration's too). */
export const SHEETS = { units: 'Đơn vị', people: 'Cá nhân', registrations: 'Đăng ký', guide: 'Hướng dẫn' } as const;

/** Column headers of each sheet (row 1); the data starts on row 2. */
export const UNIT_COLUMNS = {
  code: 'Mã đơn vị',
  name: 'Tên đơn vị',
  kind: 'Loại đơn vị',
  parentCode: 'Mã đơn vị cấp trên',
  validFrom: 'Ngày hiệu lực',
  field: 'Lĩnh vực',
  taxCode: 'Mã số thuế',
  email: 'Thư điện tử',
  basisNumber: 'Số văn bản thành lập',
  basisDate: 'Ngày văn bản',
  basisIssuer: 'Cơ quan ban hành',
} as const;

export const PERSON_COLUMNS = {
  fullName: 'Họ và tên',
  kind: 'Đối tượng',
  unitCode: 'Mã đơn vị',
  position: 'Chức vụ',
  email: 'Thư điện tử',
  residence: 'Nơi cư trú',
} as const;

export const REGISTRATION_COLUMNS = {
  campaignCode: 'Mã phong trào',
  unitCode: 'Mã đơn vị',
  commitments: 'Nội dung cam kết',
  submit: 'Gửi đăng ký',
} as const;


export const PERSON_KIND_LABELS: Record<PersonKind, string> = {
  CIVIL_SERVANT: 'Cán bộ, công chức',
  PUBLIC_EMPLOYEE: 'Viên chức',
  WORKER: 'Người lao động',
  CITIZEN: 'Người dân',
  BUSINESS_PERSON: 'Doanh nhân',
  INTELLECTUAL: 'Trí thức',
  SCIENTIST: 'Nhà khoa học',
  OVERSEAS_VIETNAMESE: 'Người Việt Nam ở nước ngoài',
};

/** Case, spacing and Unicode form do not matter when a label or a header is matched. */
export function looseKey(s: string): string {
  return s.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
}

function labelLookup<K extends string>(kinds: readonly K[], labels: Record<K, string>): (text: string) => K | null {
  const map = new Map<string, K>();
  for (const k of kinds) {
    map.set(looseKey(labels[k]), k);
    map.set(looseKey(k), k);
  }
  return (text) => map.get(looseKey(text)) ?? null;
}

export const orgUnitKindOf = labelLookup(ORG_UNIT_KINDS, ORG_UNIT_KIND_LABELS);
export const personKindOf = labelLookup(PERSON_KINDS, PERSON_KIND_LABELS);

/** One data row of a sheet: its number in Excel and its cells by column key (texts; dates as YYYY-MM-DD). */
export interface SheetRow<K extends string> {
  row: number;
  cells: Record<K, string>;
}

/** A problem found while reading the file (a missing column, an unreadable file). */
export interface ReadIssue {
  sheet: string | null;
  row: number | null;
  column: string | null;
  code: string;
  message: string;
}

export interface DirectoryWorkbook {
  units: Array<SheetRow<keyof typeof UNIT_COLUMNS>>;
  people: Array<SheetRow<keyof typeof PERSON_COLUMNS>>;
  registrations: Array<SheetRow<keyof typeof REGISTRATION_COLUMNS>>;
  issues: ReadIssue[];
}

const DATE_COLUMNS = new Set<string>([UNIT_COLUMNS.validFrom, UNIT_COLUMNS.basisDate]);

/** A cell as text: dates as YYYY-MM-DD (Excel dates, or typed dd/mm/yyyy), links and formulas by what they show. */
function cellText(cell: ExcelJS.Cell, isDate: boolean): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'result' in v && v.result instanceof Date) return v.result.toISOString().slice(0, 10);
  const text = (typeof v === 'object' && 'text' in v && typeof v.text === 'string' ? v.text : cell.text ?? '').normalize('NFC').trim();
  if (isDate) {
    const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
    if (m) return `${m[3]}-${(m[2] as string).padStart(2, '0')}-${(m[1] as string).padStart(2, '0')}`;
  }
  return text;
}

function readSheet<K extends string>(ws: ExcelJS.Worksheet, columns: Record<K, string>, required: NoInfer<K>[], issues: ReadIssue[]): Array<SheetRow<K>> {
  const at = new Map<string, number>();
  ws.getRow(1).eachCell((cell, c) => at.set(looseKey(cell.text ?? ''), c));
  const index = {} as Record<K, number | undefined>;
  let missing = false;
  for (const key of Object.keys(columns) as K[]) {
    index[key] = at.get(looseKey(columns[key]));
    if (index[key] === undefined && required.includes(key)) {
      missing = true;
      issues.push({ sheet: ws.name, row: 1, column: columns[key], code: 'COLUMN_MISSING', message: `Trang "${ws.name}", dòng 1: thiếu cột "${columns[key]}" (hãy dùng tệp mẫu).` });
    }
  }
  if (missing) return [];
  const rows: Array<SheetRow<K>> = [];
  ws.eachRow((row, r) => {
    if (r === 1) return;
    const cells = {} as Record<K, string>;
    let any = false;
    for (const key of Object.keys(columns) as K[]) {
      const c = index[key];
      cells[key] = c === undefined ? '' : cellText(row.getCell(c), DATE_COLUMNS.has(columns[key]));
      if (cells[key]) any = true;
    }
    if (any) rows.push({ row: r, cells });
  });
  return rows;
}

/** Read the workbook: the three sheets by name (each optional), their rows by header. */
export async function readDirectoryWorkbook(bytes: Buffer): Promise<DirectoryWorkbook> {
  const out: DirectoryWorkbook = { units: [], people: [], registrations: [], issues: [] };
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    out.issues.push({ sheet: null, row: null, column: null, code: 'FILE_UNREADABLE', message: 'Không đọc được tệp: cần tệp Excel (.xlsx) theo mẫu nhập danh bạ.' });
    return out;
  }
  const sheet = (name: string) => wb.worksheets.find((w) => looseKey(w.name) === looseKey(name));
  const units = sheet(SHEETS.units);
  const people = sheet(SHEETS.people);
  const registrations = sheet(SHEETS.registrations);
  if (!units && !people && !registrations) {
    out.issues.push({ sheet: null, row: null, column: null, code: 'FILE_NO_SHEETS', message: `Tệp không có trang "${SHEETS.units}", "${SHEETS.people}" hay "${SHEETS.registrations}" (hãy dùng tệp mẫu).` });
    return out;
  }
  if (units) out.units = readSheet(units, UNIT_COLUMNS, ['code', 'name', 'kind'], out.issues);
  if (people) out.people = readSheet(people, PERSON_COLUMNS, ['fullName', 'kind'], out.issues);
  if (registrations) out.registrations = readSheet(registrations, REGISTRATION_COLUMNS, ['campaignCode', 'unitCode'], out.issues);
  return out;
}

const GUIDE: Array<[string, string, string]> = [
  [SHEETS.units, UNIT_COLUMNS.code, 'Bắt buộc. Chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới (tối đa 64 ký tự). Mã đã có trong danh bạ thì dòng được bỏ qua (nhập lại tệp không tạo trùng).'],
  [SHEETS.units, UNIT_COLUMNS.name, 'Bắt buộc. Không trùng tên đơn vị khác cùng cấp trên.'],
  [SHEETS.units, UNIT_COLUMNS.kind, `Bắt buộc, một trong: ${Object.values(ORG_UNIT_KIND_LABELS).join('; ')}.`],
  [SHEETS.units, UNIT_COLUMNS.parentCode, 'Mã của đơn vị cấp trên: đơn vị đã có trong danh bạ, hoặc đơn vị ở dòng phía trên trong trang này. Để trống nếu không có cấp trên.'],
  [SHEETS.units, UNIT_COLUMNS.validFrom, 'Ngày thành lập / có hiệu lực (dd/mm/yyyy), không sau hôm nay. Để trống nếu không rõ.'],
  [SHEETS.units, `${UNIT_COLUMNS.field}, ${UNIT_COLUMNS.taxCode}, ${UNIT_COLUMNS.email}`, 'Không bắt buộc.'],
  [SHEETS.units, `${UNIT_COLUMNS.basisNumber}, ${UNIT_COLUMNS.basisDate}, ${UNIT_COLUMNS.basisIssuer}`, 'Văn bản thành lập (không bắt buộc); nếu ghi số văn bản thì cần cơ quan ban hành.'],
  [SHEETS.people, PERSON_COLUMNS.fullName, 'Bắt buộc. Người cùng họ tên trong cùng đơn vị đã có trong danh bạ thì dòng được bỏ qua.'],
  [SHEETS.people, PERSON_COLUMNS.kind, `Bắt buộc, một trong: ${Object.values(PERSON_KIND_LABELS).join('; ')}.`],
  [SHEETS.people, PERSON_COLUMNS.unitCode, 'Mã đơn vị công tác (đã có, hoặc ở trang "Đơn vị" của tệp này). Bắt buộc với cán bộ, công chức, viên chức, người lao động.'],
  [SHEETS.people, `${PERSON_COLUMNS.position}, ${PERSON_COLUMNS.email}, ${PERSON_COLUMNS.residence}`, 'Không bắt buộc.'],
  [SHEETS.registrations, REGISTRATION_COLUMNS.campaignCode, 'Bắt buộc: mã của phong trào thi đua.'],
  [SHEETS.registrations, REGISTRATION_COLUMNS.unitCode, 'Bắt buộc: mã đơn vị đăng ký (đã có, hoặc ở trang "Đơn vị" của tệp này), thuộc phạm vi của phong trào. Đơn vị đã đăng ký phong trào này thì dòng được bỏ qua.'],
  [SHEETS.registrations, REGISTRATION_COLUMNS.commitments, 'Mỗi nội dung cam kết một dòng trong ô (Alt+Enter).'],
  [SHEETS.registrations, REGISTRATION_COLUMNS.submit, '"Có" để gửi đăng ký ngay (cần ít nhất một cam kết), để trống hoặc "Không" để lưu bản nháp. Chỉ cơ quan chủ trì và quản trị hệ thống được nhập đăng ký.'],
  ['', '', 'Cả tệp được nhập hoặc không có gì thay đổi: nếu có dòng sai, danh sách lỗi ghi rõ trang, dòng, cột; sửa rồi nhập lại cả tệp.'],
];

/** The empty workbook to fill: the three sheets with their headers, and the guide; each prints on A4 landscape, one page wide. */
export async function directoryTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'thidua';
  const add = (name: string, headers: string[], example: string[]) => {
    const ws = wb.addWorksheet(name);
    ws.addRow(headers);
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    headers.forEach((h, i) => (ws.getColumn(i + 1).width = Math.max(14, h.length + 4)));
    printOnA4(ws, { landscape: true, printTitlesRow: '1:1' });
    // An example as a cell note on the header, so the data rows start empty.
    headers.forEach((_, i) => {
      if (example[i]) ws.getRow(1).getCell(i + 1).note = `Ví dụ: ${example[i]}`;
    });
  };
  add(SHEETS.units, Object.values(UNIT_COLUMNS), ['UBND-XA-EA-KAO', 'UBND xã Ea Kao', ORG_UNIT_KIND_LABELS.COMMUNE_PC, 'BMT', '01/07/2025', 'Quản lý nhà nước', '', 'ubnd.eakao@daklak.gov.vn', '1234/QĐ-UBND', '30/06/2025', 'UBND tỉnh Đắk Lắk']);
  add(SHEETS.people, Object.values(PERSON_COLUMNS), ['Nguyễn Văn An', PERSON_KIND_LABELS.CIVIL_SERVANT, 'UBND-XA-EA-KAO', 'Chủ tịch UBND xã', 'an.nv@daklak.gov.vn', '']);
  add(SHEETS.registrations, Object.values(REGISTRATION_COLUMNS), ['BMT-CDS-2023-2025', 'UBND-XA-EA-KAO', 'Hoàn thành 100% hồ sơ trực tuyến', 'Có']);
  const guide = wb.addWorksheet(SHEETS.guide);
  guide.addRow(['Trang', 'Cột', 'Cách ghi']);
  guide.getRow(1).font = { bold: true };
  for (const g of GUIDE) guide.addRow(g);
  guide.getColumn(1).width = 14;
  guide.getColumn(2).width = 30;
  guide.getColumn(3).width = 90;
  // The guide is read on paper too: its text wraps, each row as tall as its lines, the header on every page.
  guide.eachRow((row) => row.eachCell((cell) => (cell.alignment = { vertical: 'top', wrapText: true })));
  fitRowHeights(guide, 1, guide.rowCount);
  printOnA4(guide, { landscape: true, printTitlesRow: '1:1' });
  for (const col of [...Object.values(UNIT_COLUMNS)].filter((h) => DATE_COLUMNS.has(h))) {
    const ws = wb.getWorksheet(SHEETS.units) as ExcelJS.Worksheet;
    ws.getColumn(Object.values(UNIT_COLUMNS).indexOf(col as never) + 1).numFmt = 'dd/mm/yyyy';
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
