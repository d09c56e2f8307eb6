import { randomUUID } from 'node:crypto';
import { containsPattern, type Database, formatVietnameseDate, LegalDocumentValue, nameKey, platformError, recordAudit, rethrowUnique, todayInVietnam, updateVersioned, validOn, vietnameseSortKey } from '@thidua/platform';
import { In, IsNull, type EntityManager } from 'typeorm';
import {
  ClusterMember,
  EmulationCluster,
  OrgUnit,
  OrgUnitChange,
  OrgUnitChangeLink,
  OrgUnitVersion,
  type ChangeRole,
  type OrgUnitChangeKind,
  type OrgUnitKind,
} from './org-unit.entity';
import { orgUnitError } from './org-unit.errors';
import { canChangeOn, carriedOnBy, createsCycle, mergeShapeValid } from './org-unit.rules';

export interface NewUnit {
  /** Given by presets (presetId) so other services can refer to the unit; random otherwise. */
  id?: string;
  code: string;
  name: string;
  kind: OrgUnitKind;
  parentId?: string | null;
  validFrom?: string | null;
  field?: string | null;
  taxCode?: string | null;
  email?: string | null;
  basis?: LegalDocumentValue | null;
  /**
   * A day the unit is known to have existed, for a unit of the past recorded late (a preset adding the wards of a district
   * that has since ended): its parent must exist that day rather than today.
   */
  existedOn?: string | null;
}

export interface UnitListFilter {
  asOf: string;
  kind?: OrgUnitKind | null;
  parentId?: string | null;
  ids?: readonly string[] | null;
  search?: string | null;
  includeInactive?: boolean;
  offset: number;
  limit: number;
}

/** A unit as seen on a date: its attributes come from the version in force then. */
export interface UnitView extends OrgUnit {
  asOf?: string;
}

/** Org units, their history and lineage (R2). Every change is one transaction with its audit rows. */
export class OrgUnitService {
  constructor(private readonly db: Database) {}

  async byIds(ids: readonly string[]): Promise<OrgUnit[]> {
    if (!ids.length) return [];
    return this.db.manager.find(OrgUnit, { where: { id: In([...ids]) } });
  }

  async byCode(code: string): Promise<OrgUnit | null> {
    return this.db.manager.findOne(OrgUnit, { where: { code } });
  }

  async require(m: EntityManager, id: string): Promise<OrgUnit> {
    const u = await m.findOne(OrgUnit, { where: { id } });
    if (!u) throw orgUnitError('ORG_UNIT_NOT_FOUND', { id });
    return u;
  }

  async versionsOf(unitIds: readonly string[]): Promise<OrgUnitVersion[]> {
    if (!unitIds.length) return [];
    return this.db.manager.find(OrgUnitVersion, { where: { unitId: In([...unitIds]) }, order: { validFrom: 'ASC' } });
  }

  /**
   * Units valid on filter.asOf (or all, with includeInactive), with names and parents as of that date. In a transaction,
   * pass its manager: a second connection taken from the pool while the transaction holds one deadlocks the pool once
   * as many such transactions run as it has connections (MariaDB).
   */
  async list(filter: UnitListFilter, m: EntityManager = this.db.manager): Promise<{ nodes: UnitView[]; total: number }> {
    const versionInForce = '(v.valid_from IS NULL OR v.valid_from <= :d) AND (v.valid_to IS NULL OR v.valid_to > :d)';
    // An ended unit is listed (with includeInactive) under its last name.
    const lastVersionOfEnded =
      'u.valid_to IS NOT NULL AND u.valid_to <= :d AND v.valid_to = u.valid_to AND (v.valid_from IS NULL OR v.valid_from < u.valid_to)';
    const qb = m
      .createQueryBuilder(OrgUnit, 'u')
      .innerJoin(
        OrgUnitVersion,
        'v',
        `v.unit_id = u.id AND ((${versionInForce})${filter.includeInactive ? ` OR (${lastVersionOfEnded})` : ''})`,
        { d: filter.asOf },
      )
      .where('1 = 1');
    if (!filter.includeInactive) {
      qb.andWhere('(u.valid_from IS NULL OR u.valid_from <= :d) AND (u.valid_to IS NULL OR u.valid_to > :d)', { d: filter.asOf });
    }
    if (filter.kind) qb.andWhere('u.kind = :kind', { kind: filter.kind });
    if (filter.parentId) qb.andWhere('v.parent_id = :pid', { pid: filter.parentId });
    if (filter.ids) qb.andWhere(filter.ids.length ? 'u.id IN (:...ids)' : '1 = 0', { ids: [...filter.ids] });
    if (filter.search) qb.andWhere("v.name_key LIKE :q ESCAPE '!'", { q: containsPattern(nameKey(filter.search)) });
    const total = await qb.getCount();
    const rows = await qb
      .select(['u.id AS id', 'v.name AS name', 'v.parent_id AS parentId', 'v.sort_key AS sortKey'])
      .orderBy('v.sort_key', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .offset(filter.offset)
      .limit(filter.limit)
      .getRawMany<{ id: string; name: string; parentId: string | null }>();
    const ids = rows.map((r) => r.id);
    const units = new Map((ids.length ? await m.find(OrgUnit, { where: { id: In(ids) } }) : []).map((u) => [u.id, u]));
    const nodes = rows.flatMap((r) => {
      const u = units.get(r.id);
      return u ? [{ ...u, name: r.name, parentId: r.parentId, asOf: filter.asOf }] : [];
    });
    return { nodes, total };
  }

  /** The unit seen on date d (name and parent of that day), or null if it did not exist then. */
  viewOn(unit: OrgUnit, versions: OrgUnitVersion[], d: string): UnitView | null {
    if (!validOn(unit, d)) return null;
    const v = versions.find((x) => x.unitId === unit.id && validOn(x, d));
    return v ? { ...unit, name: v.name, parentId: v.parentId, asOf: d } : { ...unit, asOf: d };
  }

  /** The units under rootId on date d (not the root itself), optionally of some kinds, as seen that day, in dictionary order. Two queries. */
  async descendantsOn(rootId: string, d: string, kinds?: readonly OrgUnitKind[], m: EntityManager = this.db.manager): Promise<UnitView[]> {
    const rows = await m
      .createQueryBuilder(OrgUnitVersion, 'v')
      .innerJoin(OrgUnit, 'u', 'u.id = v.unit_id')
      .where('(v.valid_from IS NULL OR v.valid_from <= :d) AND (v.valid_to IS NULL OR v.valid_to > :d)', { d })
      .andWhere('(u.valid_from IS NULL OR u.valid_from <= :d) AND (u.valid_to IS NULL OR u.valid_to > :d)', { d })
      .select(['v.unit_id AS unitId', 'v.parent_id AS parentId', 'v.name AS name', 'v.sort_key AS sortKey', 'u.kind AS kind'])
      .getRawMany<{ unitId: string; parentId: string | null; name: string; sortKey: string; kind: OrgUnitKind }>();
    const children = new Map<string, typeof rows>();
    for (const r of rows) {
      if (!r.parentId) continue;
      const list = children.get(r.parentId) ?? [];
      list.push(r);
      children.set(r.parentId, list);
    }
    const found: typeof rows = [];
    const stack = [...(children.get(rootId) ?? [])];
    const seen = new Set<string>();
    while (stack.length) {
      const r = stack.pop() as (typeof rows)[number];
      if (seen.has(r.unitId)) continue;
      seen.add(r.unitId);
      if (!kinds || kinds.includes(r.kind)) found.push(r);
      stack.push(...(children.get(r.unitId) ?? []));
    }
    found.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
    const ids = found.map((r) => r.unitId);
    const units = new Map((ids.length ? await m.find(OrgUnit, { where: { id: In(ids) } }) : []).map((u) => [u.id, u]));
    return found.flatMap((r) => {
      const u = units.get(r.unitId);
      return u ? [{ ...u, name: r.name, parentId: r.parentId, asOf: d }] : [];
    });
  }

  /**
   * The area of `rootId` on date d (a campaign's expected units), optionally of some kinds, as seen that day, in dictionary order.
   * While the root exists: the units under it (a province that absorbed another has the other's units moved under it). Once it
   * ended (a district-level city on 1/7/2025): the units that carry on, on d, those it had on its last day, through mergers and
   * splits (org-unit.rules carriedOnBy), wherever they now stand. A few queries per generation of lineage, never one per unit.
   */
  async areaOn(rootId: string, d: string, kinds?: readonly OrgUnitKind[], m: EntityManager = this.db.manager): Promise<UnitView[]> {
    const root = await m.findOne(OrgUnit, { where: { id: rootId } });
    if (!root?.validTo || root.validTo > d) return this.descendantsOn(rootId, d, kinds, m);
    const last = new Date(`${root.validTo}T00:00:00Z`);
    last.setUTCDate(last.getUTCDate() - 1);
    const start = (await this.descendantsOn(rootId, last.toISOString().slice(0, 10), undefined, m)).map((u) => u.id);
    const { carriers, units } = await this.carriersOn(start, d, m);
    const ids = [...new Set([...carriers.values()].flat())].filter((id) => !kinds || kinds.includes((units.get(id) as OrgUnit).kind));
    if (!ids.length) return [];
    return (await this.list({ asOf: d, ids, offset: 0, limit: ids.length }, m)).nodes;
  }

  /**
   * For each unit, the units that carry it on on date d through mergers and splits (org-unit.rules carriedOnBy): itself
   * while it exists, none when it was dissolved (a dissolution's successor takes over tasks, not the unit's place in
   * a count or a ranking); with every unit met on the way. A few queries per 500 units and generation of lineage.
   */
  async carriersOn(unitIds: readonly string[], d: string, m: EntityManager = this.db.manager): Promise<{ carriers: Map<string, string[]>; units: Map<string, OrgUnit> }> {
    const units = new Map<string, OrgUnit>();
    const successors = new Map<string, string[]>();
    let frontier = [...new Set(unitIds)];
    while (frontier.length) {
      for (let i = 0; i < frontier.length; i += 500) for (const u of await m.find(OrgUnit, { where: { id: In(frontier.slice(i, i + 500)) } })) units.set(u.id, u);
      const ended = frontier.filter((id) => units.has(id) && !validOn(units.get(id) as OrgUnit, d));
      if (!ended.length) break;
      const rows: Array<{ fromId: string; toId: string }> = [];
      for (let i = 0; i < ended.length; i += 500) {
        rows.push(
          ...(await m
            .createQueryBuilder(OrgUnitChangeLink, 'p')
            .innerJoin(OrgUnitChange, 'c', 'c.id = p.change_id AND c.kind IN (:...kinds) AND c.effective_date <= :d', { kinds: ['MERGED', 'SPLIT'], d })
            .innerJoin(OrgUnitChangeLink, 's', 's.change_id = p.change_id AND s.role = :successor', { successor: 'SUCCESSOR' })
            .where('p.role = :predecessor AND p.unit_id IN (:...ids)', { predecessor: 'PREDECESSOR', ids: ended.slice(i, i + 500) })
            .select(['p.unit_id AS fromId', 's.unit_id AS toId'])
            .getRawMany<{ fromId: string; toId: string }>()),
        );
      }
      for (const r of rows) successors.set(r.fromId, [...(successors.get(r.fromId) ?? []), r.toId]);
      frontier = [...new Set(rows.map((r) => r.toId))].filter((id) => !units.has(id));
    }
    const exists = (id: string) => units.has(id) && validOn(units.get(id) as OrgUnit, d);
    return { carriers: new Map(unitIds.map((id) => [id, carriedOnBy([id], (x) => successors.get(x) ?? [], exists)])), units };
  }

  /** On MySQL, lock the units a change touches (in id order, so two changes cannot deadlock); SQLite queues transactions. */
  private async lock(m: EntityManager, ids: string[]): Promise<void> {
    if (this.db.kind !== 'mysql' || !ids.length) return;
    await m.find(OrgUnit, { where: { id: In([...new Set(ids)].sort()) }, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
  }

  /** Changes are recorded once they take effect: the unit's current fields are always those in force today. */
  private assertNotFuture(on: string): void {
    const today = todayInVietnam();
    if (on > today) {
      throw orgUnitError(
        'ORG_UNIT_CHANGE_IN_FUTURE',
        { effectiveDate: on, today },
        `Ngày hiệu lực ${formatVietnameseDate(on)} sau hôm nay (${formatVietnameseDate(today)}); hãy ghi nhận thay đổi tổ chức khi có hiệu lực.`,
      );
    }
  }

  /** Ids of the active units below the given ones (current structure). */
  private async activeSubtree(m: EntityManager, rootIds: string[]): Promise<Set<string>> {
    const all = await m.find(OrgUnit, { where: { validTo: IsNull() }, select: { id: true, parentId: true } });
    const children = new Map<string, string[]>();
    for (const u of all) {
      if (!u.parentId) continue;
      const siblings = children.get(u.parentId);
      if (siblings) siblings.push(u.id);
      else children.set(u.parentId, [u.id]);
    }
    const out = new Set<string>();
    const stack = [...rootIds];
    while (stack.length) {
      for (const c of children.get(stack.pop() as string) ?? []) {
        if (!out.has(c)) {
          out.add(c);
          stack.push(c);
        }
      }
    }
    return out;
  }

  private async assertParent(m: EntityManager, parentId: string | null | undefined, on: string, unitId?: string): Promise<void> {
    if (!parentId) return;
    const parent = await m.findOne(OrgUnit, { where: { id: parentId } });
    if (!parent || !validOn(parent, on)) throw orgUnitError('ORG_UNIT_PARENT_INVALID', { parentId });
    if (unitId) {
      const all = await m.find(OrgUnit, { select: { id: true, parentId: true } });
      const parentOf = new Map(all.map((u) => [u.id, u.parentId]));
      if (createsCycle(unitId, parentId, (id) => parentOf.get(id) ?? null)) throw orgUnitError('ORG_UNIT_PARENT_INVALID', { parentId });
    }
  }

  private async recordChange(
    m: EntityManager,
    kind: OrgUnitChangeKind,
    effectiveDate: string,
    basis: LegalDocumentValue | null | undefined,
    note: string | null | undefined,
    links: Array<[string, ChangeRole]>,
  ): Promise<OrgUnitChange> {
    const change = m.create(OrgUnitChange, {
      id: randomUUID(),
      kind,
      effectiveDate,
      basis: basis ?? null,
      note: note ?? null,
      createdAt: new Date(),
    });
    await m.save(change);
    await m.save(
      OrgUnitChangeLink,
      links.map(([unitId, role]) => m.create(OrgUnitChangeLink, { id: randomUUID(), changeId: change.id, unitId, role })),
    );
    await recordAudit(m, { entityType: 'OrgUnitChange', entityId: change.id, action: kind.toLowerCase(), after: { ...change, links } });
    return change;
  }

  /** Insert a unit with its first version; the caller's transaction. */
  private async insertUnit(m: EntityManager, input: NewUnit): Promise<OrgUnit> {
    const on = input.validFrom ?? input.existedOn ?? todayInVietnam();
    await this.assertParent(m, input.parentId, on);
    if (await m.findOne(OrgUnit, { where: { code: input.code } })) throw orgUnitError('ORG_UNIT_CODE_TAKEN', { code: input.code });
    const key = nameKey(input.name);
    const scopeKey = input.parentId ?? 'root';
    if (await m.findOne(OrgUnit, { where: { scopeKey, activeNameKey: key } })) {
      throw orgUnitError('ORG_UNIT_NAME_TAKEN', { name: input.name });
    }
    const unit = m.create(OrgUnit, {
      id: input.id ?? randomUUID(),
      code: input.code,
      kind: input.kind,
      name: input.name,
      nameKey: key,
      activeNameKey: key,
      scopeKey,
      sortKey: vietnameseSortKey(input.name),
      parentId: input.parentId ?? null,
      validFrom: input.validFrom ?? null,
      validTo: null,
      field: input.field ?? null,
      taxCode: input.taxCode ?? null,
      email: input.email ?? null,
    });
    try {
      await m.save(unit);
    } catch (err) {
      rethrowUnique(err, orgUnitError('ORG_UNIT_NAME_TAKEN', { name: input.name }));
    }
    await m.save(
      m.create(OrgUnitVersion, {
        id: randomUUID(),
        unitId: unit.id,
        name: unit.name,
        nameKey: unit.nameKey,
        sortKey: unit.sortKey,
        parentId: unit.parentId,
        validFrom: unit.validFrom,
        validTo: null,
      }),
    );
    await recordAudit(m, { entityType: 'OrgUnit', entityId: unit.id, action: 'create', after: unit });
    return unit;
  }

  async create(input: NewUnit): Promise<OrgUnit> {
    if (input.validFrom) this.assertNotFuture(input.validFrom);
    return this.db.transaction((m) => this.createIn(m, input));
  }

  /** Create a unit (its first version, the CREATED change, the audit rows) in the caller's transaction: the bulk import's path too. */
  async createIn(m: EntityManager, input: NewUnit): Promise<OrgUnit> {
    if (input.validFrom) this.assertNotFuture(input.validFrom);
    const unit = await this.insertUnit(m, input);
    await this.recordChange(m, 'CREATED', input.validFrom ?? todayInVietnam(), input.basis, null, [[unit.id, 'SUCCESSOR']]);
    return unit;
  }

  async updateDetails(id: string, expectedVersion: number, patch: Pick<NewUnit, 'field' | 'taxCode' | 'email'>): Promise<OrgUnit> {
    return this.db.transaction(async (m) => {
      const before = await this.require(m, id);
      const clean = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      const after = await updateVersioned(m, OrgUnit, id, expectedVersion, clean, orgUnitError('ORG_UNIT_NOT_FOUND', { id }));
      await recordAudit(m, { entityType: 'OrgUnit', entityId: id, action: 'update', before, after });
      return after;
    });
  }

  /**
   * From `on`, the unit has the given name and parent: the current version is closed and a new one opened,
   * or, when the current version itself began on `on`, corrected in place (no zero-length versions).
   */
  private async newVersion(m: EntityManager, unit: OrgUnit, on: string, name: string, parentId: string | null): Promise<OrgUnit> {
    const current = await m.findOne(OrgUnitVersion, { where: { unitId: unit.id, validTo: IsNull() } });
    if (!canChangeOn(unit, current?.validFrom ?? null, on)) throw orgUnitError('ORG_UNIT_CHANGE_DATE_INVALID', { effectiveDate: on });
    const key = nameKey(name);
    const scopeKey = parentId ?? 'root';
    const clash = await m.findOne(OrgUnit, { where: { scopeKey, activeNameKey: key } });
    if (clash && clash.id !== unit.id) throw orgUnitError('ORG_UNIT_NAME_TAKEN', { name });
    const fields = { name, nameKey: key, sortKey: vietnameseSortKey(name), parentId };
    if (current && current.validFrom === on) {
      Object.assign(current, fields);
      await m.save(current);
    } else {
      if (current) {
        current.validTo = on;
        await m.save(current);
      }
      await m.save(m.create(OrgUnitVersion, { id: randomUUID(), unitId: unit.id, ...fields, validFrom: on, validTo: null }));
    }
    const before = { ...unit };
    Object.assign(unit, { ...fields, activeNameKey: key, scopeKey });
    try {
      await m.save(unit);
    } catch (err) {
      rethrowUnique(err, orgUnitError('ORG_UNIT_NAME_TAKEN', { name }));
    }
    await recordAudit(m, { entityType: 'OrgUnit', entityId: unit.id, action: 'version', before, after: unit });
    return unit;
  }

  async rename(id: string, name: string, on: string, basis?: LegalDocumentValue | null): Promise<OrgUnit> {
    this.assertNotFuture(on);
    return this.db.transaction(async (m) => {
      await this.lock(m, [id]);
      const unit = await this.require(m, id);
      const updated = await this.newVersion(m, unit, on, name, unit.parentId);
      await this.recordChange(m, 'RENAMED', on, basis, null, [[id, 'SUBJECT']]);
      return updated;
    });
  }

  async move(id: string, parentId: string, on: string, basis?: LegalDocumentValue | null): Promise<OrgUnit> {
    this.assertNotFuture(on);
    return this.db.transaction(async (m) => {
      await this.lock(m, [id, parentId]);
      const unit = await this.require(m, id);
      await this.assertParent(m, parentId, on, id);
      const updated = await this.newVersion(m, unit, on, unit.name, parentId);
      await this.recordChange(m, 'MOVED', on, basis, null, [[id, 'SUBJECT'], [parentId, 'SUCCESSOR']]);
      return updated;
    });
  }

  /** End a unit on `on`: it stays stored, reachable through lineage, but no longer active or in any cluster. */
  private async endUnit(m: EntityManager, unit: OrgUnit, on: string): Promise<void> {
    const current = await m.findOne(OrgUnitVersion, { where: { unitId: unit.id, validTo: IsNull() } });
    if (!canChangeOn(unit, current?.validFrom ?? null, on) || unit.validFrom === on) {
      throw orgUnitError('ORG_UNIT_INACTIVE', { id: unit.id, effectiveDate: on });
    }
    if (current && current.validFrom === on) {
      // A version that would last no day at all (moved and merged on the same date): the previous one ends on `on`.
      await m.delete(OrgUnitVersion, { id: current.id });
    } else if (current) {
      current.validTo = on;
      await m.save(current);
    }
    const before = { ...unit };
    unit.validTo = on;
    unit.activeNameKey = null;
    await m.save(unit);
    await recordAudit(m, { entityType: 'OrgUnit', entityId: unit.id, action: 'end', before, after: unit });
    for (const membership of await m.find(ClusterMember, { where: { unitId: unit.id, validTo: IsNull() } })) {
      const was = { ...membership };
      membership.validTo = on;
      await m.save(membership);
      await recordAudit(m, { entityType: 'ClusterMember', entityId: membership.id, action: 'end', before: was, after: membership });
    }
  }

  /** Move the active children of `fromIds` under `toId` on `on`. */
  private async transferChildren(m: EntityManager, fromIds: string[], toId: string, on: string): Promise<void> {
    if ((await this.activeSubtree(m, fromIds)).has(toId)) throw orgUnitError('ORG_UNIT_PARENT_INVALID', { parentId: toId });
    const children = await m.find(OrgUnit, { where: { parentId: In(fromIds), validTo: IsNull() } });
    for (const child of children) {
      if (child.id === toId) continue;
      await this.newVersion(m, child, on, child.name, toId);
      await this.recordChange(m, 'MOVED', on, null, 'Chuyển đơn vị trực thuộc theo sắp xếp tổ chức', [[child.id, 'SUBJECT'], [toId, 'SUCCESSOR']]);
    }
  }

  async merge(input: {
    unitIds: string[];
    intoUnitId?: string | null;
    newUnit?: NewUnit | null;
    effectiveDate: string;
    basis?: LegalDocumentValue | null;
    note?: string | null;
  }): Promise<OrgUnitChange> {
    if (!mergeShapeValid(input.unitIds, input.intoUnitId, !!input.newUnit)) throw orgUnitError('ORG_UNIT_MERGE_INVALID');
    this.assertNotFuture(input.effectiveDate);
    return this.db.transaction(async (m) => {
      const on = input.effectiveDate;
      await this.lock(m, [...input.unitIds, ...(input.intoUnitId ? [input.intoUnitId] : [])]);
      if (input.intoUnitId && (await this.activeSubtree(m, input.unitIds)).has(input.intoUnitId)) {
        throw orgUnitError('ORG_UNIT_PARENT_INVALID', { parentId: input.intoUnitId });
      }
      const sources = await Promise.all(input.unitIds.map((id) => this.require(m, id)));
      for (const s of sources) if (!validOn(s, on)) throw orgUnitError('ORG_UNIT_INACTIVE', { id: s.id, effectiveDate: on });
      let target: OrgUnit;
      if (input.intoUnitId) {
        target = await this.require(m, input.intoUnitId);
        if (!validOn(target, on)) throw orgUnitError('ORG_UNIT_INACTIVE', { id: target.id, effectiveDate: on });
      }
      for (const s of sources) await this.endUnit(m, s, on);
      if (input.newUnit) {
        const parentId = input.newUnit.parentId === undefined ? (sources[0]?.parentId ?? null) : input.newUnit.parentId;
        target = await this.insertUnit(m, { ...input.newUnit, parentId, validFrom: on });
      }
      await this.transferChildren(m, input.unitIds, target!.id, on);
      return this.recordChange(m, 'MERGED', on, input.basis, input.note, [
        ...input.unitIds.map((id): [string, ChangeRole] => [id, 'PREDECESSOR']),
        [target!.id, 'SUCCESSOR'],
      ]);
    });
  }

  async split(input: { unitId: string; into: NewUnit[]; effectiveDate: string; basis?: LegalDocumentValue | null; note?: string | null }): Promise<OrgUnitChange> {
    if (input.into.length < 2) throw orgUnitError('ORG_UNIT_SPLIT_INVALID');
    this.assertNotFuture(input.effectiveDate);
    return this.db.transaction(async (m) => {
      const on = input.effectiveDate;
      await this.lock(m, [input.unitId]);
      const source = await this.require(m, input.unitId);
      if (!validOn(source, on)) throw orgUnitError('ORG_UNIT_INACTIVE', { id: source.id, effectiveDate: on });
      await this.endUnit(m, source, on);
      const created: OrgUnit[] = [];
      for (const n of input.into) {
        const parentId = n.parentId === undefined ? source.parentId : n.parentId;
        created.push(await this.insertUnit(m, { ...n, parentId, validFrom: on }));
      }
      await this.transferChildren(m, [source.id], created[0]!.id, on);
      return this.recordChange(m, 'SPLIT', on, input.basis, input.note, [
        [source.id, 'PREDECESSOR'],
        ...created.map((u): [string, ChangeRole] => [u.id, 'SUCCESSOR']),
      ]);
    });
  }

  /**
   * End a unit on `on`. Its active children move to `transferChildrenTo`; `successorId` names the unit that takes over its tasks
   * (a district-level office whose work went to a provincial department on 1/7/2025): both are SUCCESSOR links of the change.
   */
  async dissolve(
    id: string,
    on: string,
    basis?: LegalDocumentValue | null,
    transferChildrenTo?: string | null,
    note?: string | null,
    successorId?: string | null,
  ): Promise<OrgUnitChange> {
    this.assertNotFuture(on);
    return this.db.transaction(async (m) => {
      await this.lock(m, [id, ...(transferChildrenTo ? [transferChildrenTo] : []), ...(successorId ? [successorId] : [])]);
      const unit = await this.require(m, id);
      const activeChildren = await m.count(OrgUnit, { where: { parentId: id, validTo: IsNull() } });
      if (activeChildren && !transferChildrenTo) throw orgUnitError('ORG_UNIT_HAS_ACTIVE_CHILDREN', { id, activeChildren });
      if (transferChildrenTo) {
        const to = await this.require(m, transferChildrenTo);
        if (!validOn(to, on) || to.id === id) throw orgUnitError('ORG_UNIT_PARENT_INVALID', { parentId: transferChildrenTo });
      }
      if (successorId) {
        const successor = await m.findOne(OrgUnit, { where: { id: successorId } });
        if (!successor || !validOn(successor, on) || successor.id === id || (await this.activeSubtree(m, [id])).has(successor.id)) {
          throw orgUnitError('ORG_UNIT_SUCCESSOR_INVALID', { successorId });
        }
      }
      await this.endUnit(m, unit, on);
      if (transferChildrenTo) await this.transferChildren(m, [id], transferChildrenTo, on);
      const successors = [...new Set([transferChildrenTo, successorId].filter((x): x is string => !!x))];
      return this.recordChange(m, 'DISSOLVED', on, basis, note, [[id, 'PREDECESSOR'], ...successors.map((s): [string, ChangeRole] => [s, 'SUCCESSOR'])]);
    });
  }

  async linksOfUnits(unitIds: readonly string[]): Promise<OrgUnitChangeLink[]> {
    if (!unitIds.length) return [];
    return this.db.manager.find(OrgUnitChangeLink, { where: { unitId: In([...unitIds]) } });
  }

  async linksOfChanges(changeIds: readonly string[]): Promise<OrgUnitChangeLink[]> {
    if (!changeIds.length) return [];
    return this.db.manager.find(OrgUnitChangeLink, { where: { changeId: In([...changeIds]) } });
  }

  async changesByIds(ids: readonly string[]): Promise<OrgUnitChange[]> {
    if (!ids.length) return [];
    return this.db.manager.find(OrgUnitChange, { where: { id: In([...ids]) }, order: { effectiveDate: 'ASC' } });
  }

  // Clusters (cụm, khối thi đua)

  async createCluster(code: string, name: string, description: string | null): Promise<EmulationCluster> {
    return this.db.transaction(async (m) => {
      if (await m.findOne(EmulationCluster, { where: { code } })) throw orgUnitError('CLUSTER_CODE_TAKEN', { code });
      const c = m.create(EmulationCluster, { id: randomUUID(), code, name, description });
      await m.save(c);
      await recordAudit(m, { entityType: 'EmulationCluster', entityId: c.id, action: 'create', after: c });
      return c;
    });
  }

  async addMember(clusterId: string, unitId: string, validFrom: string | null): Promise<EmulationCluster> {
    return this.db.transaction(async (m) => {
      const lock = this.db.kind === 'mysql' ? { lock: { mode: 'pessimistic_write' as const } } : {};
      const c = await m.findOne(EmulationCluster, { where: { id: clusterId }, ...lock });
      if (!c) throw orgUnitError('CLUSTER_NOT_FOUND', { clusterId });
      await this.require(m, unitId);
      const open = await m.findOne(ClusterMember, { where: { clusterId, unitId, validTo: IsNull() } });
      if (open) throw platformError('DUPLICATE', { clusterId, unitId });
      const row = m.create(ClusterMember, { id: randomUUID(), clusterId, unitId, validFrom, validTo: null });
      await m.save(row);
      await recordAudit(m, { entityType: 'ClusterMember', entityId: row.id, action: 'create', after: row });
      return c;
    });
  }

  async removeMember(clusterId: string, unitId: string, validTo: string): Promise<EmulationCluster> {
    return this.db.transaction(async (m) => {
      const c = await m.findOne(EmulationCluster, { where: { id: clusterId } });
      if (!c) throw orgUnitError('CLUSTER_NOT_FOUND', { clusterId });
      const open = await m.findOne(ClusterMember, { where: { clusterId, unitId, validTo: IsNull() } });
      if (!open) throw platformError('NOT_FOUND', { clusterId, unitId });
      const before = { ...open };
      open.validTo = validTo;
      await m.save(open);
      await recordAudit(m, { entityType: 'ClusterMember', entityId: open.id, action: 'end', before, after: open });
      return c;
    });
  }

  async clusters(): Promise<EmulationCluster[]> {
    return this.db.manager.find(EmulationCluster, { order: { code: 'ASC' } });
  }

  async membershipsOfClusters(ids: readonly string[]): Promise<ClusterMember[]> {
    if (!ids.length) return [];
    return this.db.manager.find(ClusterMember, { where: { clusterId: In([...ids]) } });
  }

  async membershipsOfUnits(ids: readonly string[]): Promise<ClusterMember[]> {
    if (!ids.length) return [];
    return this.db.manager.find(ClusterMember, { where: { unitId: In([...ids]) } });
  }

  async clustersByIds(ids: readonly string[]): Promise<EmulationCluster[]> {
    if (!ids.length) return [];
    return this.db.manager.find(EmulationCluster, { where: { id: In([...ids]) } });
  }
}
