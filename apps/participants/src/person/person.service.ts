import { randomUUID } from 'node:crypto';
import { containsPattern, type Database, nameKey, recordAudit, updateVersioned, vietnameseSortKey } from '@thidua/platform';
import { In, type EntityManager } from 'typeorm';
import { Initiative, InitiativeAuthor, type RecognitionLevel } from '../initiative/initiative.entity';
import { OrgUnit } from '../org-unit/org-unit.entity';
import { orgUnitError } from '../org-unit/org-unit.errors';
import { Person, type Gender, type PersonKind } from './person.entity';
import { personError } from './person.errors';

export interface PersonFields {
  fullName: string;
  kind: PersonKind;
  unitId?: string | null;
  position?: string | null;
  email?: string | null;
  residence?: string | null;
  /** Absent (undefined): kept as recorded; null: cleared. */
  dateOfBirth?: string | null;
  gender?: Gender | null;
  homeTown?: string | null;
}

export interface InitiativeFields {
  title: string;
  authorIds: string[];
  unitId: string;
  campaignId?: string | null;
  field: string;
  recognitionLevel: RecognitionLevel;
  recognizedDate?: string | null;
  decisionNumber?: string | null;
  replicated?: boolean | null;
}

/** Kinds of person who must belong to a unit. */
export const NEEDS_UNIT: PersonKind[] = ['CIVIL_SERVANT', 'PUBLIC_EMPLOYEE', 'WORKER'];

/** People (R3) and their initiatives (R6). */
export class PersonService {
  constructor(private readonly db: Database) {}

  async byIds(ids: readonly string[]): Promise<Person[]> {
    if (!ids.length) return [];
    return this.db.manager.find(Person, { where: { id: In([...ids]) } });
  }

  async forUnits(ids: readonly string[]): Promise<Person[]> {
    if (!ids.length) return [];
    return this.db.manager.find(Person, { where: { unitId: In([...ids]) }, order: { sortKey: 'ASC' } });
  }

  /** `orRecordedBy`: with `unitId`, also the people outside every unit that unit recorded. */
  async list(filter: { unitId?: string | null; orRecordedBy?: boolean; ids?: string[] | null; kind?: PersonKind | null; search?: string | null; limit: number }): Promise<Person[]> {
    const qb = this.db.manager.createQueryBuilder(Person, 'p').where('1 = 1');
    if (filter.unitId) qb.andWhere(filter.orRecordedBy ? '(p.unit_id = :u OR p.recorded_by_unit_id = :u)' : 'p.unit_id = :u', { u: filter.unitId });
    if (filter.ids) qb.andWhere('p.id IN (:...ids)', { ids: filter.ids.length ? filter.ids : [''] });
    if (filter.kind) qb.andWhere('p.kind = :k', { k: filter.kind });
    if (filter.search) qb.andWhere("p.name_key LIKE :q ESCAPE '!'", { q: containsPattern(nameKey(filter.search)) });
    return qb.orderBy('p.sort_key', 'ASC').limit(filter.limit).getMany();
  }

  private fields(input: PersonFields): Partial<Person> {
    return {
      fullName: input.fullName,
      nameKey: nameKey(input.fullName),
      sortKey: vietnameseSortKey(input.fullName.split(' ').reverse().join(' ')),
      kind: input.kind,
      unitId: input.unitId ?? null,
      position: input.position ?? null,
      email: input.email ?? null,
      residence: input.residence ?? null,
      // Only what was sent: an edit that does not show the personal details keeps them.
      ...(input.dateOfBirth !== undefined ? { dateOfBirth: input.dateOfBirth } : {}),
      ...(input.gender !== undefined ? { gender: input.gender } : {}),
      ...(input.homeTown !== undefined ? { homeTown: input.homeTown } : {}),
    };
  }

  private async checkUnit(input: PersonFields, m: EntityManager = this.db.manager): Promise<void> {
    if (NEEDS_UNIT.includes(input.kind) && !input.unitId) throw personError('PERSON_UNIT_REQUIRED');
    if (input.unitId && !(await m.findOne(OrgUnit, { where: { id: input.unitId } }))) {
      throw orgUnitError('ORG_UNIT_NOT_FOUND', { id: input.unitId });
    }
  }

  /** `recordedByUnitId`: the unit whose officer records a person outside every unit (see Person.recordedByUnitId). */
  async create(input: PersonFields, recordedByUnitId: string | null = null): Promise<Person> {
    await this.checkUnit(input);
    return this.db.transaction((m) => this.insert(m, input, recordedByUnitId));
  }

  /** Create a person in the caller's transaction, with the same checks (the bulk import's path). */
  async createIn(m: EntityManager, input: PersonFields): Promise<Person> {
    await this.checkUnit(input, m);
    return this.insert(m, input);
  }

  private async insert(m: EntityManager, input: PersonFields, recordedByUnitId: string | null = null): Promise<Person> {
    const p = m.create(Person, { id: randomUUID(), ...this.fields(input), recordedByUnitId: input.unitId ? null : recordedByUnitId });
    await m.save(p);
    await recordAudit(m, { entityType: 'Person', entityId: p.id, action: 'create', after: p });
    return p;
  }

  async update(id: string, expectedVersion: number, input: PersonFields): Promise<Person> {
    await this.checkUnit(input);
    return this.db.transaction(async (m) => {
      const before = await m.findOne(Person, { where: { id } });
      if (!before) throw personError('PERSON_NOT_FOUND', { id });
      const after = await updateVersioned(m, Person, id, expectedVersion, this.fields(input), personError('PERSON_NOT_FOUND', { id }));
      await recordAudit(m, { entityType: 'Person', entityId: id, action: 'update', before, after });
      return after;
    });
  }

  // Initiatives

  async initiatives(filter: { campaignIds?: readonly string[]; unitIds?: readonly string[]; ids?: readonly string[] }): Promise<Initiative[]> {
    const where: Record<string, unknown> = {};
    if (filter.campaignIds) where.campaignId = In([...filter.campaignIds]);
    if (filter.unitIds) where.unitId = In([...filter.unitIds]);
    if (filter.ids) where.id = In([...filter.ids]);
    return this.db.manager.find(Initiative, { where, order: { recognizedDate: 'DESC', title: 'ASC' } });
  }

  async authorsOf(initiativeIds: readonly string[]): Promise<InitiativeAuthor[]> {
    if (!initiativeIds.length) return [];
    return this.db.manager.find(InitiativeAuthor, { where: { initiativeId: In([...initiativeIds]) }, order: { ordinal: 'ASC' } });
  }

  async initiativesOfPeople(personIds: readonly string[]): Promise<InitiativeAuthor[]> {
    if (!personIds.length) return [];
    return this.db.manager.find(InitiativeAuthor, { where: { personId: In([...personIds]) } });
  }

  private async checkAuthors(ids: string[]): Promise<void> {
    if (!ids.length) throw personError('INITIATIVE_AUTHORS_REQUIRED');
    const found = await this.byIds(ids);
    const missing = ids.filter((id) => !found.some((p) => p.id === id));
    if (missing.length) throw personError('PERSON_NOT_FOUND', { ids: missing });
  }

  async saveInitiative(id: string | null, expectedVersion: number | null, input: InitiativeFields): Promise<Initiative> {
    const authorIds = [...new Set(input.authorIds)];
    await this.checkAuthors(authorIds);
    return this.db.transaction(async (m) => {
      if (!(await m.findOne(OrgUnit, { where: { id: input.unitId } }))) throw orgUnitError('ORG_UNIT_NOT_FOUND', { id: input.unitId });
      const fields = {
        title: input.title,
        unitId: input.unitId,
        campaignId: input.campaignId ?? null,
        field: input.field,
        recognitionLevel: input.recognitionLevel,
        recognizedDate: input.recognizedDate ?? null,
        decisionNumber: input.decisionNumber ?? null,
        replicated: input.replicated ?? false,
      };
      let before: Initiative | null = null;
      let saved: Initiative;
      if (id) {
        before = await m.findOne(Initiative, { where: { id } });
        if (!before) throw personError('INITIATIVE_NOT_FOUND', { id });
        saved = await updateVersioned(m, Initiative, id, expectedVersion ?? -1, fields, personError('INITIATIVE_NOT_FOUND', { id }));
        await m.delete(InitiativeAuthor, { initiativeId: id });
      } else {
        saved = m.create(Initiative, { id: randomUUID(), ...fields });
        await m.save(saved);
      }
      await m.save(
        InitiativeAuthor,
        authorIds.map((personId, i) => m.create(InitiativeAuthor, { id: randomUUID(), initiativeId: saved.id, personId, ordinal: i })),
      );
      await recordAudit(m, { entityType: 'Initiative', entityId: saved.id, action: id ? 'update' : 'create', before, after: { ...saved, authorIds } });
      return saved;
    });
  }
}
