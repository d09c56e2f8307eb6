import { randomUUID } from 'node:crypto';
import { recordAudit, type Database } from '@thidua/platform';
import { In, type EntityManager } from 'typeorm';
import { IndexFramework, Indicator, IndicatorGroup, type FrameworkStatus } from './framework.entity';
import { frameworkError } from './framework.errors';
import type { FrameworkSpec, GroupKind, GroupSpec } from './framework.types';

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

/** Max points computed from indicators, never typed: NORMAL make the max, BONUS and PENALTY are reported apart. */
export function frameworkMax(groups: IndicatorGroup[], indicators: Indicator[]): { max: number; bonus: number; penalty: number } {
  const kinds = indicatorKinds(groups);
  const sum = (k: GroupKind) =>
    Math.round(indicators.filter((i) => kinds.get(i.groupId) === k).reduce((s, i) => s + i.maxPoints, 0) * 100) / 100;
  return { max: sum('NORMAL'), bonus: sum('BONUS'), penalty: sum('PENALTY') };
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
    if (filter.year) where.year = filter.year;
    if (filter.targetLevel) where.targetLevel = filter.targetLevel;
    if (filter.publishedOnly) where.status = 'PUBLISHED';
    return this.db.manager.find(IndexFramework, { where, order: { year: 'DESC', code: 'ASC' } });
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
      const groups: IndicatorGroup[] = [];
      const indicators: Indicator[] = [];
      let ordinal = 0;
      const walk = (g: GroupSpec, parentId: string | null) => {
        const group = m.create(IndicatorGroup, { id: randomUUID(), frameworkId: framework.id, parentId, code: g.code, name: g.name, kind: g.kind, ordinal: ordinal++ });
        groups.push(group);
        for (const i of g.indicators) {
          indicators.push(
            m.create(Indicator, {
              id: randomUUID(),
              frameworkId: framework.id,
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
      if (new Set(codes).size !== codes.length || !indicators.length) throw frameworkError('FRAMEWORK_INVALID', { reason: 'indicator codes must be unique and at least one indicator is needed' });
      await m.save(IndicatorGroup, groups, { chunk: 200 });
      await m.save(Indicator, indicators, { chunk: 200 });
      const max = frameworkMax(groups, indicators);
      await recordAudit(m, {
        entityType: 'IndexFramework',
        entityId: framework.id,
        action: opts.copiedFromId ? 'copy' : 'create',
        after: { ...framework, groups: groups.length, indicators: indicators.length, ...max },
      });
      return framework;
    });
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
    return this.create({ ...spec, code, year, isSample: false }, { status: 'DRAFT', copiedFromId: id });
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
}
