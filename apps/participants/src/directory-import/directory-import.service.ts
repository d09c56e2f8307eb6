import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { AppError, entityCode, hasRole, legalDocument, nameKey, recordAudit, runWithContext, todayInVietnam, validOn, type Database, type FileStore, type Viewer } from '@thidua/platform';
import { PARTICIPANTS_JOBS, type JobRunner, type OpenWork } from '@thidua/jobs';
import type { Logger } from 'pino';
import { In, type EntityManager } from 'typeorm';
import type { z } from 'zod';
import { Campaign } from '../campaign/campaign.entity';
import { OrgUnit } from '../org-unit/org-unit.entity';
import { orgUnitInput } from '../org-unit/org-unit.resolver';
import type { NewUnit, OrgUnitService } from '../org-unit/org-unit.service';
import { Person } from '../person/person.entity';
import { personInput } from '../person/person.resolver';
import { NEEDS_UNIT, type PersonFields, type PersonService } from '../person/person.service';
import { Registration } from '../registration/registration.entity';
import { commitments as commitmentsInput } from '../registration/registration.resolver';
import type { RegistrationService } from '../registration/registration.service';
import { DirectoryImport, DirectoryImportError } from './directory-import.entity';
import { directoryImportError } from './directory-import.errors';
import { directoryTemplate, looseKey, orgUnitKindOf, PERSON_COLUMNS, personKindOf, readDirectoryWorkbook, REGISTRATION_COLUMNS, SHEETS, UNIT_COLUMNS, type ReadIssue } from './directory-import.excel';

/** Errors kept per import: beyond that the list would help nobody; the count stays exact. */
const MAX_STORED_ERRORS = 10_000;

type Issue = ReadIssue;

/** A file to import. */
export interface DirectoryImportInput {
  fileName: string;
  bytes: Buffer;
}

/** Rows that passed the checks that need no database write, ready for the services. */
interface UnitRow {
  row: number;
  input: NewUnit;
  parentCode: string | null;
}
interface PersonRow {
  row: number;
  input: PersonFields;
  unitCode: string | null;
}
interface RegistrationRow {
  row: number;
  campaignId: string;
  unitCode: string;
  commitments: string[];
  submit: boolean;
}

/** Thrown inside the write transaction when any row failed: nothing of the workbook is kept. */
class Rollback extends Error {}

/** Which column a service's refusal is about. */
const UNIT_ERROR_COLUMN: Record<string, string> = {
  ORG_UNIT_CODE_TAKEN: UNIT_COLUMNS.code,
  ORG_UNIT_NAME_TAKEN: UNIT_COLUMNS.name,
  ORG_UNIT_PARENT_INVALID: UNIT_COLUMNS.parentCode,
  ORG_UNIT_CHANGE_IN_FUTURE: UNIT_COLUMNS.validFrom,
};
const PERSON_ERROR_COLUMN: Record<string, string> = { PERSON_UNIT_REQUIRED: PERSON_COLUMNS.unitCode, ORG_UNIT_NOT_FOUND: PERSON_COLUMNS.unitCode };
const REGISTRATION_ERROR_COLUMN: Record<string, string> = {
  REGISTRATION_UNIT_NOT_EXPECTED: REGISTRATION_COLUMNS.unitCode,
  ORG_UNIT_INACTIVE: REGISTRATION_COLUMNS.unitCode,
  ORG_UNIT_NOT_FOUND: REGISTRATION_COLUMNS.unitCode,
  REGISTRATION_DUPLICATE: REGISTRATION_COLUMNS.unitCode,
  REGISTRATION_CAMPAIGN_CLOSED: REGISTRATION_COLUMNS.campaignCode,
  CAMPAIGN_NOT_FOUND: REGISTRATION_COLUMNS.campaignCode,
  REGISTRATION_COMMITMENTS_REQUIRED: REGISTRATION_COLUMNS.commitments,
};

function issue(sheet: string | null, row: number | null, column: string | null, code: string, message: string): Issue {
  const place = [sheet ? `Trang "${sheet}"` : null, row ? `dòng ${row}` : null, column ? `cột "${column}"` : null].filter(Boolean).join(', ');
  return { sheet, row, column, code, message: `${place ? `${place}: ` : ''}${message}` };
}

/** A row's value refused by the mutation's own input schema: one issue per field, in the field's column. */
function schemaIssues(sheet: string, row: number, error: z.ZodError, columns: Record<string, string>): Issue[] {
  const seen = new Set<string>();
  const out: Issue[] = [];
  for (const e of error.issues) {
    const field = String(e.path[0] ?? '');
    const column = columns[field] ?? null;
    if (seen.has(field)) continue;
    seen.add(field);
    out.push(issue(sheet, row, column, 'VALUE_INVALID', e.message || 'Giá trị không hợp lệ.'));
  }
  return out;
}

const blank = (s: string) => (s === '' ? null : s);

/**
 * Nội vụ's bulk import of the unit directory (issue 10) as a background job: units, people and registrations of one
 * workbook, checked with the mutations' own input schemas and written through the services' own write paths (the same
 * rules, the same audit rows, attributed to whoever started the import), all in one transaction: any bad row and nothing
 * changes. Rows already recorded (a unit's code, a person's name in their unit, a unit's registration) are recognised
 * and left as they are, so importing the same workbook twice changes nothing the second time.
 */
export class DirectoryImportService {
  /** Set at boot (in-process or BullMQ); without it imports run only when `run` is called. */
  jobs: JobRunner | null = null;

  constructor(
    private readonly db: Database,
    private readonly orgUnits: OrgUnitService,
    private readonly people: PersonService,
    private readonly registrations: RegistrationService,
    private readonly store: FileStore | null,
    private readonly logger: Logger,
  ) {}

  async byIds(ids: readonly string[]): Promise<DirectoryImport[]> {
    return ids.length ? this.db.manager.find(DirectoryImport, { where: { id: In([...ids]) } }) : [];
  }

  async list(limit = 50): Promise<DirectoryImport[]> {
    return this.db.manager.find(DirectoryImport, { order: { createdAt: 'DESC' }, take: limit });
  }

  async errorsOf(importId: string, first: number, offset: number): Promise<DirectoryImportError[]> {
    return this.db.manager.find(DirectoryImportError, { where: { importId }, order: { seq: 'ASC' }, take: first, skip: offset });
  }

  template(): Promise<Buffer> {
    return directoryTemplate();
  }

  private requireStore(): FileStore {
    if (!this.store) throw new Error('directory imports need a file store');
    return this.store;
  }

  /** Store the file, record the import and queue it; the job does the rest. */
  async start(input: DirectoryImportInput, viewer: Viewer): Promise<DirectoryImport> {
    const created = await this.create(input, viewer);
    await this.jobs?.enqueue(PARTICIPANTS_JOBS.importDirectory, { importId: created.id }, { jobId: `directory-import.${created.id}` });
    return created;
  }

  private async create(input: DirectoryImportInput, viewer: Viewer): Promise<DirectoryImport> {
    if (!input.bytes.length) throw directoryImportError('DIRECTORY_IMPORT_FILE_EMPTY');
    const sha256 = await this.requireStore().put(input.bytes);
    return this.db.transaction(async (m) => {
      const row = m.create(DirectoryImport, {
        id: randomUUID(),
        fileName: input.fileName.slice(0, 255),
        fileSha256: sha256,
        status: 'QUEUED',
        progress: 0,
        unitsTotal: 0,
        unitsCreated: 0,
        unitsExisting: 0,
        peopleTotal: 0,
        peopleCreated: 0,
        peopleExisting: 0,
        registrationsTotal: 0,
        registrationsCreated: 0,
        registrationsExisting: 0,
        errorCount: 0,
        failure: null,
        actorId: viewer.userId ?? 'unknown',
        actorRoles: viewer.roles.join(','),
        actorUnitId: viewer.orgUnitId ?? null,
        createdAt: new Date(),
        finishedAt: null,
      });
      await m.save(row);
      await recordAudit(m, { entityType: 'DirectoryImport', entityId: row.id, action: 'create', after: row });
      return row;
    });
  }

  /** Imports still queued or running, with their jobs: queued again after a restart, or when Redis has lost them. */
  openWork(): OpenWork<{ importId: string }> {
    return {
      job: PARTICIPANTS_JOBS.importDirectory,
      open: async () =>
        (await this.db.manager.find(DirectoryImport, { where: { status: In(['QUEUED', 'RUNNING']) }, select: { id: true } })).map((i) => ({ jobId: `directory-import.${i.id}`, payload: { importId: i.id } })),
    };
  }

  async markFailed(importId: string, error: string): Promise<void> {
    await this.db.manager.update(DirectoryImport, { id: importId, status: In(['QUEUED', 'RUNNING']) }, { status: 'FAILED', failure: error.slice(0, 2000), finishedAt: new Date() });
  }

  private async setProgress(id: string, patch: Partial<DirectoryImport>, progress?: (p: number) => Promise<void>): Promise<void> {
    await this.db.manager.update(DirectoryImport, { id }, patch);
    if (patch.progress !== undefined) await progress?.(patch.progress);
  }

  /**
   * Run an import: read the workbook, check every row, then write all of it in one transaction through the services;
   * any error, found before or while writing, and the transaction is rolled back. Safe to run again (a retry).
   */
  async run(importId: string, progress?: (percent: number) => Promise<void>): Promise<DirectoryImport> {
    const imp = await this.db.manager.findOne(DirectoryImport, { where: { id: importId } });
    if (!imp) throw directoryImportError('DIRECTORY_IMPORT_NOT_FOUND', { id: importId });
    if (imp.status === 'DONE' || imp.status === 'FAILED') return imp;
    await this.db.manager.delete(DirectoryImportError, { importId });
    await this.setProgress(importId, { status: 'RUNNING', progress: 1 }, progress);

    const book = await readDirectoryWorkbook(await readFile(this.requireStore().pathOf(imp.fileSha256)));
    const issues: Issue[] = [...book.issues];
    await this.setProgress(importId, { progress: 10, unitsTotal: book.units.length, peopleTotal: book.people.length, registrationsTotal: book.registrations.length }, progress);
    const viewer: Viewer = { userId: imp.actorId, roles: imp.actorRoles.split(',').filter(Boolean) as Viewer['roles'], orgUnitId: imp.actorUnitId, anonymous: false };

    // 1. Every row checked as the mutations check their input, references resolved against the directory and the file.
    const codes = [...new Set([...book.units.map((r) => r.cells.code), ...book.units.map((r) => r.cells.parentCode), ...book.people.map((r) => r.cells.unitCode), ...book.registrations.map((r) => r.cells.unitCode)].filter(Boolean).map((c) => c.toUpperCase()))];
    const known = new Map<string, OrgUnit>();
    for (let i = 0; i < codes.length; i += 500) for (const u of await this.db.manager.find(OrgUnit, { where: { code: In(codes.slice(i, i + 500)) } })) known.set(u.code, u);
    const today = todayInVietnam();

    const units: UnitRow[] = [];
    let unitsExisting = 0;
    const inFile = new Map<string, number>();
    for (const r of book.units) {
      const sheet = SHEETS.units;
      const c = r.cells;
      const rowIssues: Issue[] = [];
      const kind = orgUnitKindOf(c.kind);
      if (c.kind && !kind) rowIssues.push(issue(sheet, r.row, UNIT_COLUMNS.kind, 'UNIT_KIND_UNKNOWN', `loại đơn vị "${c.kind}" không có trong danh mục (xem trang "${SHEETS.guide}").`));
      const basis = c.basisNumber || c.basisIssuer || c.basisDate ? legalDocument.safeParse({ number: c.basisNumber, date: blank(c.basisDate), issuer: c.basisIssuer, title: null }) : null;
      if (basis && !basis.success) rowIssues.push(issue(sheet, r.row, c.basisNumber ? UNIT_COLUMNS.basisIssuer : UNIT_COLUMNS.basisNumber, 'VALUE_INVALID', `văn bản thành lập cần số văn bản và cơ quan ban hành (${basis.error.issues[0]?.message ?? ''}).`));
      const parsed = orgUnitInput.omit({ basis: true, parentId: true }).safeParse({
        code: c.code,
        name: c.name,
        kind: kind ?? 'DEPARTMENT',
        field: blank(c.field),
        email: blank(c.email),
        validFrom: blank(c.validFrom),
        taxCode: blank(c.taxCode),
      });
      if (!parsed.success) rowIssues.push(...schemaIssues(sheet, r.row, parsed.error, UNIT_COLUMNS));
      const code = entityCode.safeParse(c.code).data ?? c.code.toUpperCase();
      if (parsed.success && parsed.data.validFrom && parsed.data.validFrom > today) {
        rowIssues.push(issue(sheet, r.row, UNIT_COLUMNS.validFrom, 'ORG_UNIT_CHANGE_IN_FUTURE', `ngày hiệu lực ${c.validFrom} sau hôm nay; đơn vị được ghi nhận khi đã có hiệu lực.`));
      }
      const first = inFile.get(code);
      if (first !== undefined) rowIssues.push(issue(sheet, r.row, UNIT_COLUMNS.code, 'CODE_DUPLICATE', `mã "${code}" đã có ở dòng ${first} của trang này.`));
      else if (code) inFile.set(code, r.row);
      const parentCode = c.parentCode ? c.parentCode.toUpperCase() : null;
      if (parentCode) {
        const dbParent = known.get(parentCode);
        const earlier = inFile.get(parentCode);
        if (parentCode === code) rowIssues.push(issue(sheet, r.row, UNIT_COLUMNS.parentCode, 'ORG_UNIT_PARENT_INVALID', 'đơn vị không thể là cấp trên của chính nó.'));
        else if (dbParent) {
          if (!validOn(dbParent, (parsed.success && parsed.data.validFrom) || today)) rowIssues.push(issue(sheet, r.row, UNIT_COLUMNS.parentCode, 'ORG_UNIT_PARENT_INVALID', `đơn vị cấp trên "${parentCode}" đã thôi hoạt động.`));
        } else if (earlier === undefined || earlier === r.row) {
          const later = book.units.some((x) => x.row > r.row && x.cells.code.toUpperCase() === parentCode);
          rowIssues.push(
            issue(sheet, r.row, UNIT_COLUMNS.parentCode, 'PARENT_NOT_FOUND', later ? `đơn vị cấp trên "${parentCode}" ở dòng phía dưới; hãy ghi đơn vị cấp trên trước.` : `không có đơn vị mã "${parentCode}" trong danh bạ hay trong trang "${SHEETS.units}".`),
          );
        }
      }
      if (rowIssues.length || !parsed.success || !kind) {
        issues.push(...rowIssues);
        continue;
      }
      if (known.has(code)) {
        // Recorded already (the same workbook imported again): recognised, left as it is.
        unitsExisting++;
        continue;
      }
      units.push({ row: r.row, parentCode, input: { ...parsed.data, code, kind, basis: basis?.success ? basis.data : null } });
    }
    const newUnitCodes = new Set(units.map((u) => u.input.code));
    const unitKnown = (code: string) => known.has(code) || newUnitCodes.has(code) || inFile.has(code);

    const personRows: PersonRow[] = [];
    let peopleExisting = 0;
    const personKeys = new Map<string, number>();
    const existingPeople = new Set<string>();
    {
      const names = [...new Set(book.people.map((r) => nameKey(r.cells.fullName.normalize('NFC').trim())))];
      for (let i = 0; i < names.length; i += 500) {
        for (const p of await this.db.manager.find(Person, { where: { nameKey: In(names.slice(i, i + 500)) }, select: { id: true, nameKey: true, unitId: true } })) existingPeople.add(`${p.unitId ?? ''}|${p.nameKey}`);
      }
    }
    for (const r of book.people) {
      const sheet = SHEETS.people;
      const c = r.cells;
      const rowIssues: Issue[] = [];
      const kind = personKindOf(c.kind);
      if (c.kind && !kind) rowIssues.push(issue(sheet, r.row, PERSON_COLUMNS.kind, 'PERSON_KIND_UNKNOWN', `đối tượng "${c.kind}" không có trong danh mục (xem trang "${SHEETS.guide}").`));
      const parsed = personInput.omit({ unitId: true }).safeParse({ fullName: c.fullName, kind: kind ?? 'CITIZEN', position: blank(c.position), email: blank(c.email), residence: blank(c.residence) });
      if (!parsed.success) rowIssues.push(...schemaIssues(sheet, r.row, parsed.error, PERSON_COLUMNS));
      const unitCode = c.unitCode ? c.unitCode.toUpperCase() : null;
      if (unitCode && !unitKnown(unitCode)) rowIssues.push(issue(sheet, r.row, PERSON_COLUMNS.unitCode, 'UNIT_NOT_FOUND', `không có đơn vị mã "${unitCode}" trong danh bạ hay trong trang "${SHEETS.units}".`));
      if (!unitCode && kind && NEEDS_UNIT.includes(kind)) rowIssues.push(issue(sheet, r.row, PERSON_COLUMNS.unitCode, 'PERSON_UNIT_REQUIRED', 'cán bộ, công chức, viên chức, người lao động phải thuộc một đơn vị.'));
      const key = `${unitCode ?? ''}|${parsed.success ? nameKey(parsed.data.fullName) : ''}`;
      const first = personKeys.get(key);
      if (parsed.success && first !== undefined) rowIssues.push(issue(sheet, r.row, PERSON_COLUMNS.fullName, 'PERSON_DUPLICATE', `"${parsed.data.fullName}" của cùng đơn vị đã có ở dòng ${first} của trang này.`));
      else personKeys.set(key, r.row);
      if (rowIssues.length || !parsed.success || !kind) {
        issues.push(...rowIssues);
        continue;
      }
      const existingUnit = unitCode ? known.get(unitCode) : null;
      if ((!unitCode || existingUnit) && existingPeople.has(`${existingUnit?.id ?? ''}|${nameKey(parsed.data.fullName)}`)) {
        peopleExisting++;
        continue;
      }
      personRows.push({ row: r.row, unitCode, input: { ...parsed.data, kind, unitId: null } });
    }

    const regRows: RegistrationRow[] = [];
    let registrationsExisting = 0;
    // Registrations as createRegistration allows them: the lead agency (and the administrator) registers any unit.
    const mayRegister = hasRole(viewer, 'ADMIN', 'LEAD_AGENCY');
    const recordingPaper = mayRegister;
    const campaigns = new Map((await this.db.manager.find(Campaign, { select: { id: true, code: true } })).map((c) => [looseKey(c.code), c]));
    const regKeys = new Map<string, number>();
    const existingRegs = new Set<string>();
    {
      const ids = [...new Set(book.registrations.map((r) => campaigns.get(looseKey(r.cells.campaignCode))?.id).filter((x): x is string => !!x))];
      if (ids.length) for (const g of await this.db.manager.find(Registration, { where: { campaignId: In(ids) }, select: { id: true, campaignId: true, participantKey: true } })) existingRegs.add(`${g.campaignId}|${g.participantKey}`);
    }
    for (const r of book.registrations) {
      const sheet = SHEETS.registrations;
      const c = r.cells;
      if (!mayRegister) {
        issues.push(issue(sheet, r.row, null, 'FORBIDDEN', 'chỉ cơ quan chủ trì và quản trị hệ thống được nhập đăng ký thi đua cho đơn vị.'));
        continue;
      }
      const rowIssues: Issue[] = [];
      const campaign = campaigns.get(looseKey(c.campaignCode));
      if (!c.campaignCode) rowIssues.push(issue(sheet, r.row, REGISTRATION_COLUMNS.campaignCode, 'VALUE_INVALID', 'cần mã phong trào.'));
      else if (!campaign) rowIssues.push(issue(sheet, r.row, REGISTRATION_COLUMNS.campaignCode, 'CAMPAIGN_NOT_FOUND', `không có phong trào mã "${c.campaignCode}".`));
      const unitCode = c.unitCode.toUpperCase();
      if (!unitCode) rowIssues.push(issue(sheet, r.row, REGISTRATION_COLUMNS.unitCode, 'VALUE_INVALID', 'cần mã đơn vị.'));
      else if (!unitKnown(unitCode)) rowIssues.push(issue(sheet, r.row, REGISTRATION_COLUMNS.unitCode, 'UNIT_NOT_FOUND', `không có đơn vị mã "${unitCode}" trong danh bạ hay trong trang "${SHEETS.units}".`));
      const lines = c.commitments.split(/\r?\n/).map((s) => s.trim()).filter(Boolean);
      const parsed = commitmentsInput.safeParse(lines);
      if (!parsed.success) rowIssues.push(issue(sheet, r.row, REGISTRATION_COLUMNS.commitments, 'VALUE_INVALID', parsed.error.issues[0]?.message ?? 'Nội dung cam kết không hợp lệ.'));
      const submitText = looseKey(c.submit);
      const submit = ['có', 'co', 'x', 'gửi', 'yes'].includes(submitText);
      if (submitText && !submit && !['không', 'khong', 'nháp', 'no'].includes(submitText)) rowIssues.push(issue(sheet, r.row, REGISTRATION_COLUMNS.submit, 'VALUE_INVALID', `ghi "Có" hoặc "Không" (không phải "${c.submit}").`));
      if (submit && parsed.success && !parsed.data.length) rowIssues.push(issue(sheet, r.row, REGISTRATION_COLUMNS.commitments, 'REGISTRATION_COMMITMENTS_REQUIRED', 'gửi đăng ký cần ít nhất một nội dung cam kết.'));
      const key = `${campaign?.id ?? ''}|${unitCode}`;
      const first = regKeys.get(key);
      if (first !== undefined) rowIssues.push(issue(sheet, r.row, REGISTRATION_COLUMNS.unitCode, 'REGISTRATION_DUPLICATE', `đơn vị "${unitCode}" đã đăng ký phong trào này ở dòng ${first} của trang này.`));
      else regKeys.set(key, r.row);
      if (rowIssues.length || !campaign || !parsed.success) {
        issues.push(...rowIssues);
        continue;
      }
      const existingUnit = known.get(unitCode);
      if (existingUnit && existingRegs.has(`${campaign.id}|unit:${existingUnit.id}`)) {
        registrationsExisting++;
        continue;
      }
      regRows.push({ row: r.row, campaignId: campaign.id, unitCode, commitments: parsed.data, submit });
    }
    await this.setProgress(importId, { progress: 40 }, progress);

    // 2. Written in one transaction through the services' own paths; a refusal on any row rolls all of it back.
    let created = { units: 0, people: 0, registrations: 0 };
    if (!issues.length) {
      const total = units.length + personRows.length + regRows.length;
      let done = 0;
      let lastReported = 40;
      const step = async () => {
        done++;
        const p = 40 + Math.floor((done / Math.max(1, total)) * 55);
        if (p >= lastReported + 5) {
          lastReported = p;
          // On MySQL the row is updated beside the transaction (another connection); SQLite's one connection is inside it.
          if (this.db.kind === 'mysql') await this.db.manager.update(DirectoryImport, { id: importId }, { progress: p });
          await progress?.(p);
        }
      };
      const context = { requestId: importId, logger: this.logger, viewer };
      try {
        created = await runWithContext(context, () =>
          this.db.transaction(async (m) => {
            const written = await this.write(m, units, personRows, regRows, known, recordingPaper, issues, step);
            if (issues.length) throw new Rollback();
            return written;
          }),
        );
      } catch (err) {
        if (!(err instanceof Rollback)) throw err;
        created = { units: 0, people: 0, registrations: 0 };
      }
    }

    const order = [SHEETS.units, SHEETS.people, SHEETS.registrations];
    const ordered = issues
      .map((i, n) => ({ i, n }))
      .sort((x, y) => (x.i.sheet ? order.indexOf(x.i.sheet as never) : -1) - (y.i.sheet ? order.indexOf(y.i.sheet as never) : -1) || (x.i.row ?? 0) - (y.i.row ?? 0) || x.n - y.n)
      .slice(0, MAX_STORED_ERRORS)
      .map(({ i }, seq) => ({ id: randomUUID(), importId, seq, ...i, message: i.message.slice(0, 2000) }));
    const finished = await this.db.transaction(async (m) => {
      for (let i = 0; i < ordered.length; i += 200) await m.insert(DirectoryImportError, ordered.slice(i, i + 200));
      await m.update(DirectoryImport, { id: importId }, {
        status: 'DONE',
        progress: 100,
        unitsTotal: book.units.length,
        unitsCreated: created.units,
        unitsExisting: issues.length ? 0 : unitsExisting,
        peopleTotal: book.people.length,
        peopleCreated: created.people,
        peopleExisting: issues.length ? 0 : peopleExisting,
        registrationsTotal: book.registrations.length,
        registrationsCreated: created.registrations,
        registrationsExisting: issues.length ? 0 : registrationsExisting,
        errorCount: issues.length,
        finishedAt: new Date(),
      });
      const after = (await m.findOne(DirectoryImport, { where: { id: importId } })) as DirectoryImport;
      await runWithContext({ requestId: importId, logger: this.logger, viewer }, () => recordAudit(m, { entityType: 'DirectoryImport', entityId: importId, action: 'finish', before: imp, after }));
      return after;
    });
    await progress?.(100);
    return finished;
  }

  /** The rows in sheet order (a parent before its children, units before their people and registrations); refusals become issues. */
  private async write(
    m: EntityManager,
    units: UnitRow[],
    people: PersonRow[],
    regs: RegistrationRow[],
    known: Map<string, OrgUnit>,
    recordingPaper: boolean,
    issues: Issue[],
    step: () => Promise<void>,
  ): Promise<{ units: number; people: number; registrations: number }> {
    const idOf = new Map<string, string>([...known.values()].map((u) => [u.code, u.id]));
    const refused = (sheet: string, row: number, err: unknown, columns: Record<string, string>) => {
      if (!(err instanceof AppError)) throw err;
      issues.push(issue(sheet, row, columns[err.code] ?? null, err.code, err.message));
    };
    const count = { units: 0, people: 0, registrations: 0 };
    for (const u of units) {
      const parentId = u.parentCode ? idOf.get(u.parentCode) : null;
      if (u.parentCode && !parentId) {
        issues.push(issue(SHEETS.units, u.row, UNIT_COLUMNS.parentCode, 'PARENT_NOT_FOUND', `đơn vị cấp trên "${u.parentCode}" chưa được tạo (dòng của nó có lỗi).`));
        continue;
      }
      try {
        const unit = await this.orgUnits.createIn(m, { ...u.input, parentId: parentId ?? null });
        idOf.set(unit.code, unit.id);
        count.units++;
      } catch (err) {
        refused(SHEETS.units, u.row, err, UNIT_ERROR_COLUMN);
      }
      await step();
    }
    for (const p of people) {
      const unitId = p.unitCode ? idOf.get(p.unitCode) : null;
      if (p.unitCode && !unitId) {
        issues.push(issue(SHEETS.people, p.row, PERSON_COLUMNS.unitCode, 'UNIT_NOT_FOUND', `đơn vị "${p.unitCode}" chưa được tạo (dòng của nó có lỗi).`));
        continue;
      }
      try {
        await this.people.createIn(m, { ...p.input, unitId: unitId ?? null });
        count.people++;
      } catch (err) {
        refused(SHEETS.people, p.row, err, PERSON_ERROR_COLUMN);
      }
      await step();
    }
    const inScope = new Map<string, Set<string>>();
    for (const r of regs) {
      const unitId = idOf.get(r.unitCode);
      if (!unitId) {
        issues.push(issue(SHEETS.registrations, r.row, REGISTRATION_COLUMNS.unitCode, 'UNIT_NOT_FOUND', `đơn vị "${r.unitCode}" chưa được tạo (dòng của nó có lỗi).`));
        continue;
      }
      try {
        await this.registrations.createIn(m, { campaignId: r.campaignId, unitId, personId: null, commitments: r.commitments, submit: r.submit, recordingPaper }, inScope);
        count.registrations++;
      } catch (err) {
        refused(SHEETS.registrations, r.row, err, REGISTRATION_ERROR_COLUMN);
      }
      await step();
    }
    return count;
  }
}
