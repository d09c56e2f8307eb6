import { randomUUID } from 'node:crypto';
import { recordAudit, type Database } from '@thidua/platform';
import { In, IsNull, LessThanOrEqual, MoreThanOrEqual, type EntityManager } from 'typeorm';
import { CampaignFramework, IndexFramework, Indicator, IndicatorGroup, type FrameworkStatus } from './framework.entity';
import { frameworkError } from './framework.errors';
import { chooseFramework, type FrameworkChoice } from './framework.rules';
import type { FrameworkSpec, GroupKind, GroupSpec, OrgUnitKind } from './framework.types';

/** A framework with its groups and indicators, as stored. */
export interface FrameworkTree {
  framework: IndexFramework;
  groups: IndicatorGroup[];
  indicators: Indicator[];
}

/** Group kind of each indicator: the kind of the group it sits in. */
export function indicatorKinds(groups: IndicatorGroup[]): Map<string, GroupKind> {
  return new Map(groups.map((g) => [g.id, g.kind]));
}

/**
 * Max points computed from indicators, never typed: NORMAL make the max, BONUS and PENALTY are reported apart. An
 * indicator for one kind only (wards, not communes) counts for that kind: with the framework's kinds given, each
 * figure is the most a unit of one kind can reach (the sample commune index is out of 100 for wards and for communes).
 */
export function frameworkMax(groups: IndicatorGroup[], indicators: Indicator[], kindsOfFramework?: readonly OrgUnitKind[]): { max: number; bonus: number; penalty: number } {
  const kinds = indicatorKinds(groups);
  const sum = (k: GroupKind, unitKind: OrgUnitKind | null) =>
    Math.round(
      indicators
        .filter((i) => kinds.get(i.groupId) === k && (unitKind === null || i.appliesToKinds === null || i.appliesToKinds.includes(unitKind)))
        .reduce((s, i) => s + i.maxPoints, 0) * 100,
    ) / 100;
  const perKind: Array<OrgUnitKind | null> = kindsOfFramework?.length ? [...kindsOfFramework] : [null];
  const most = (k: GroupKind) => Math.max(...perKind.map((u) => sum(k, u)));
  return { max: most('NORMAL'), bonus: most('BONUS'), penalty: most('PENALTY') };
}

/** JSON with object keys sorted, to compare two specs whatever order their keys were written in. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

/** Frameworks: stored from a spec (preset or Excel), copied for the next year, published, exported (R7). */
export class FrameworkService {
  constructor(private readonly db: Database) {}

  async byIds(ids: readonly string[]): Promise<IndexFramework[]> {
    return ids.length ? this.db.manager.find(IndexFramework, { where: { id: In([...ids]) } }) : [];
  }

  async byCode(code: string): Promise<IndexFramework | null> {
    return this.db.manager.findOne(IndexFramework, { where: { code } });
  }

  async list(filter: { year?: number | null; targetLevel?: string | null; publishedOnly: boolean }): Promise<IndexFramework[]> {
    const where: Record<string, unknown> = {};
    if (filter.targetLevel) where.targetLevel = filter.targetLevel;
    if (filter.publishedOnly) where.status = 'PUBLISHED';
    // A year lists the indices that assess it: those of that year and those in force over several years.
    const wheres = filter.year
      ? [
          { ...where, year: LessThanOrEqual(filter.year), yearTo: MoreThanOrEqual(filter.year) },
          { ...where, year: LessThanOrEqual(filter.year), yearTo: IsNull() },
        ]
      : where;
    return this.db.manager.find(IndexFramework, { where: wheres, order: { year: 'DESC', code: 'ASC' } });
  }

  async groupsOf(frameworkIds: readonly string[]): Promise<IndicatorGroup[]> {
    return frameworkIds.length ? this.db.manager.find(IndicatorGroup, { where: { frameworkId: In([...frameworkIds]) }, order: { ordinal: 'ASC' } }) : [];
  }

  async indicatorsOf(frameworkIds: readonly string[]): Promise<Indicator[]> {
    return frameworkIds.length ? this.db.manager.find(Indicator, { where: { frameworkId: In([...frameworkIds]) }, order: { ordinal: 'ASC' } }) : [];
  }

  async tree(id: string, m: EntityManager = this.db.manager): Promise<FrameworkTree> {
    const framework = await m.findOne(IndexFramework, { where: { id } });
    if (!framework) throw frameworkError('FRAMEWORK_NOT_FOUND', { id });
    const groups = await m.find(IndicatorGroup, { where: { frameworkId: id }, order: { ordinal: 'ASC' } });
    const indicators = await m.find(Indicator, { where: { frameworkId: id }, order: { ordinal: 'ASC' } });
    return { framework, groups, indicators };
  }

  /** Store a framework from its spec in one transaction. */
  async create(spec: FrameworkSpec, opts: { status?: FrameworkStatus; id?: string; copiedFromId?: string | null } = {}): Promise<IndexFramework> {
    return this.db.transaction(async (m) => {
      if (await m.findOne(IndexFramework, { where: { code: spec.code } })) throw frameworkError('FRAMEWORK_CODE_TAKEN', { code: spec.code });
      const framework = m.create(IndexFramework, {
        id: opts.id ?? randomUUID(),
        code: spec.code,
        name: spec.name,
        year: spec.year,
        yearTo: spec.yearTo === undefined ? spec.year : spec.yearTo,
        jurisdiction: spec.jurisdiction,
        targetLevel: spec.targetLevel,
        appliesToKinds: spec.appliesToKinds,
        legalBasis: spec.legalBasis,
        isSample: spec.isSample,
        status: opts.status ?? 'DRAFT',
        copiedFromId: opts.copiedFromId ?? null,
        createdAt: new Date(),
      });
      await m.save(framework);
      const counts = await this.writeTree(m, framework.id, spec);
      await recordAudit(m, { entityType: 'IndexFramework', entityId: framework.id, action: opts.copiedFromId ? 'copy' : 'create', after: { ...framework, ...counts } });
      return framework;
    });
  }

  /** Replace a draft's content (header and tree) with an edited spec, e.g. its Excel file edited by the lead agency. */
  async replaceDraft(id: string, spec: FrameworkSpec): Promise<IndexFramework> {
    return this.db.transaction(async (m) => {
      const before = await m.findOne(IndexFramework, { where: { id } });
      if (!before) throw frameworkError('FRAMEWORK_NOT_FOUND', { id });
      if (before.status !== 'DRAFT') throw frameworkError('FRAMEWORK_PUBLISHED', { id });
      return this.replaceContent(m, before, { ...spec, isSample: before.isSample }, 'replace');
    });
  }

  /**
   * Bring a shipped preset up to date with its spec while nobody has been assessed on it (an earlier version shipped
   * a defect: the commune sample whose wards and communes could not reach its 100 points). False when it is the same
   * or already in use: an index units were assessed on never changes.
   */
  async correctPreset(id: string, spec: FrameworkSpec, inUse: (m: EntityManager) => Promise<boolean>): Promise<boolean> {
    const wanted = { ...spec, yearTo: spec.yearTo === undefined ? spec.year : spec.yearTo };
    if (stableJson(await this.spec(id)) === stableJson(wanted)) return false;
    return this.db.transaction(async (m) => {
      const before = await m.findOne(IndexFramework, { where: { id } });
      if (!before || (await inUse(m))) return false;
      await this.replaceContent(m, before, wanted, 'preset correction');
      return true;
    });
  }

  /** Replace a framework's header and tree with a spec's (caller's transaction), audited. */
  private async replaceContent(m: EntityManager, before: IndexFramework, spec: FrameworkSpec, action: string): Promise<IndexFramework> {
    const id = before.id;
    await m.delete(Indicator, { frameworkId: id });
    await m.delete(IndicatorGroup, { frameworkId: id });
    const patch = {
      name: spec.name,
      year: spec.year,
      yearTo: spec.yearTo === undefined ? spec.year : spec.yearTo,
      jurisdiction: spec.jurisdiction,
      targetLevel: spec.targetLevel,
      appliesToKinds: spec.appliesToKinds,
      legalBasis: spec.legalBasis,
      isSample: spec.isSample,
    };
    await m.update(IndexFramework, { id }, patch);
    const counts = await this.writeTree(m, id, spec);
    const after = (await m.findOne(IndexFramework, { where: { id } })) as IndexFramework;
    await recordAudit(m, { entityType: 'IndexFramework', entityId: id, action, before, after: { ...after, ...counts } });
    return after;
  }

  /** Change one indicator of a draft. */
  async updateIndicator(id: string, patch: Partial<Pick<Indicator, 'name' | 'maxPoints' | 'ruleType' | 'ruleConfig' | 'evidence' | 'dataSource' | 'verifyingUnit' | 'appliesToKinds'>>): Promise<Indicator> {
    return this.db.transaction(async (m) => {
      const before = await m.findOne(Indicator, { where: { id } });
      if (!before) throw frameworkError('INDICATOR_NOT_FOUND', { id });
      const framework = await m.findOne(IndexFramework, { where: { id: before.frameworkId } });
      if (framework?.status !== 'DRAFT') throw frameworkError('FRAMEWORK_PUBLISHED', { id: before.frameworkId });
      const after = { ...before, ...patch };
      const bands = after.ruleType === 'COUNT_BANDS' ? (after.ruleConfig.bands ?? []) : [];
      if (after.ruleType === 'COUNT_BANDS' && (!bands.length || bands.some((b) => b.points < 0 || b.points > after.maxPoints))) {
        throw frameworkError('FRAMEWORK_INVALID', { reason: 'bands' }, 'Thang điểm theo số lượng phải có ít nhất một mức và không mức nào vượt điểm tối đa.');
      }
      await m.save(Indicator, after);
      await recordAudit(m, { entityType: 'Indicator', entityId: id, action: 'update', before, after });
      return after;
    });
  }

  /** Groups and indicators of a spec, in order (caller's transaction). */
  private async writeTree(m: EntityManager, frameworkId: string, spec: FrameworkSpec): Promise<{ groups: number; indicators: number; max: number; bonus: number; penalty: number }> {
    const groups: IndicatorGroup[] = [];
    const indicators: Indicator[] = [];
    let ordinal = 0;
    const walk = (g: GroupSpec, parentId: string | null) => {
      const group = m.create(IndicatorGroup, { id: randomUUID(), frameworkId, parentId, code: g.code, name: g.name, kind: g.kind, ordinal: ordinal++ });
      groups.push(group);
      for (const i of g.indicators) {
        indicators.push(
          m.create(Indicator, {
            id: randomUUID(),
            frameworkId,
            groupId: group.id,
            code: i.code,
            name: i.name,
            maxPoints: i.maxPoints,
            ruleType: i.ruleType,
            ruleConfig: i.ruleConfig,
            evidence: i.evidence,
            dataSource: i.dataSource,
            verifyingUnit: i.verifyingUnit,
            appliesToKinds: i.appliesToKinds,
            ordinal: ordinal++,
          }),
        );
      }
      for (const child of g.groups) walk(child, group.id);
    };
    for (const g of spec.groups) walk(g, null);
    const codes = indicators.map((i) => i.code);
    if (new Set(codes).size !== codes.length || !indicators.length) {
      throw frameworkError('FRAMEWORK_INVALID', { reason: 'indicator codes must be unique and at least one indicator is needed' });
    }
    await m.save(IndicatorGroup, groups, { chunk: 200 });
    await m.save(Indicator, indicators, { chunk: 200 });
    return { groups: groups.length, indicators: indicators.length, ...frameworkMax(groups, indicators) };
  }

  /** The spec of a stored framework (for Excel export and for copying). */
  async spec(id: string): Promise<FrameworkSpec> {
    const { framework, groups, indicators } = await this.tree(id);
    const build = (parentId: string | null): GroupSpec[] =>
      groups
        .filter((g) => g.parentId === parentId)
        .map((g) => ({
          code: g.code,
          name: g.name,
          kind: g.kind,
          groups: build(g.id),
          indicators: indicators
            .filter((i) => i.groupId === g.id)
            .map((i) => ({
              code: i.code,
              name: i.name,
              maxPoints: i.maxPoints,
              ruleType: i.ruleType,
              ruleConfig: i.ruleConfig,
              evidence: i.evidence,
              dataSource: i.dataSource,
              verifyingUnit: i.verifyingUnit,
              appliesToKinds: i.appliesToKinds,
            })),
        }));
    return {
      code: framework.code,
      name: framework.name,
      year: framework.year,
      yearTo: framework.yearTo,
      jurisdiction: framework.jurisdiction,
      targetLevel: framework.targetLevel,
      appliesToKinds: framework.appliesToKinds,
      legalBasis: framework.legalBasis,
      isSample: framework.isSample,
      groups: build(null),
    };
  }

  /** Next year's framework: a draft copy to edit, linked to the one it came from. */
  async copy(id: string, code: string, year: number): Promise<IndexFramework> {
    const spec = await this.spec(id);
    return this.create({ ...spec, code, year, yearTo: year, isSample: false }, { status: 'DRAFT', copiedFromId: id });
  }

  async publish(id: string): Promise<IndexFramework> {
    return this.db.transaction(async (m) => {
      const before = await m.findOne(IndexFramework, { where: { id } });
      if (!before) throw frameworkError('FRAMEWORK_NOT_FOUND', { id });
      if (before.status === 'PUBLISHED') return before;
      const after = { ...before, status: 'PUBLISHED' as const };
      await m.update(IndexFramework, { id }, { status: 'PUBLISHED' });
      await recordAudit(m, { entityType: 'IndexFramework', entityId: id, action: 'publish', before, after });
      return (await m.findOne(IndexFramework, { where: { id } })) as IndexFramework;
    });
  }

  /** The indices a campaign lists, by campaign (empty: the campaign scores on any published index in force). */
  async listedFor(campaignIds: readonly string[]): Promise<CampaignFramework[]> {
    return campaignIds.length ? this.db.manager.find(CampaignFramework, { where: { campaignId: In([...campaignIds]) } }) : [];
  }

  /** Replace the list of indices a campaign scores on (the lead agency's choice; published indices only). */
  async setListedFor(campaignId: string, frameworkIds: string[]): Promise<IndexFramework[]> {
    const ids = [...new Set(frameworkIds)];
    return this.db.transaction(async (m) => {
      const frameworks = ids.length ? await m.find(IndexFramework, { where: { id: In(ids) } }) : [];
      const missing = ids.find((id) => !frameworks.some((f) => f.id === id));
      if (missing) throw frameworkError('FRAMEWORK_NOT_FOUND', { id: missing });
      const draft = frameworks.find((f) => f.status !== 'PUBLISHED');
      if (draft) throw frameworkError('FRAMEWORK_NOT_PUBLISHED', { frameworkId: draft.id });
      const before = await m.find(CampaignFramework, { where: { campaignId } });
      await m.delete(CampaignFramework, { campaignId });
      if (ids.length) await m.save(CampaignFramework, ids.map((frameworkId) => m.create(CampaignFramework, { campaignId, frameworkId })));
      await recordAudit(m, {
        entityType: 'CampaignFramework',
        entityId: campaignId,
        action: 'set',
        before: before.map((r) => r.frameworkId),
        after: frameworks.map((f) => f.code),
      });
      return frameworks;
    });
  }

  /** The candidates for a campaign: the indices it lists, or every published one when it lists none. */
  async candidatesFor(campaignId: string, m: EntityManager = this.db.manager): Promise<IndexFramework[]> {
    const listed = await m.find(CampaignFramework, { where: { campaignId } });
    return listed.length
      ? m.find(IndexFramework, { where: { id: In(listed.map((l) => l.frameworkId)), status: 'PUBLISHED' } })
      : m.find(IndexFramework, { where: { status: 'PUBLISHED' } });
  }

  /** The index in force for a unit kind in a campaign's scoring year, on a date (see chooseFramework). */
  async inForce(campaignId: string, q: { year: number; kind: OrgUnitKind; onDate: string }, m: EntityManager = this.db.manager): Promise<FrameworkChoice<IndexFramework>> {
    return chooseFramework(await this.candidatesFor(campaignId, m), q);
  }

  /** For a campaign's scoring year, the index in force for each unit kind that has one (kinds with an ambiguous choice are left out). */
  async inForceByKind(campaignId: string, q: { year: number; onDate: string }): Promise<Array<{ kind: OrgUnitKind; framework: IndexFramework }>> {
    const candidates = await this.candidatesFor(campaignId);
    const kinds = [...new Set(candidates.flatMap((f) => f.appliesToKinds))].sort();
    const out: Array<{ kind: OrgUnitKind; framework: IndexFramework }> = [];
    for (const kind of kinds) {
      const choice = chooseFramework(candidates, { ...q, kind });
      if ('framework' in choice) out.push({ kind, framework: choice.framework });
    }
    return out;
  }
}
