import type { FrameworkSpec, GroupSpec, IndicatorSpec, OrgUnitKind, RuleType } from '../framework/framework.types';
import { RULE_TYPES } from '../framework/framework.types';
import { SAMPLE_FRAMEWORKS, dti922SampleCommune, dti922SampleProvince } from '../preset/dti-922.preset';

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

/** Every group of the tree, depth first. */
const allGroups = (groups: GroupSpec[]): GroupSpec[] => groups.flatMap((g) => [g, ...allGroups(g.groups)]);

/** Every indicator under a group, at any depth. */
const indicatorsOf = (g: GroupSpec): IndicatorSpec[] => [...g.indicators, ...g.groups.flatMap(indicatorsOf)];

const groupPoints = (g: GroupSpec): number => sum(indicatorsOf(g).map((i) => i.maxPoints));

const allIndicators = (fw: FrameworkSpec): IndicatorSpec[] => fw.groups.flatMap(indicatorsOf);

const normalTotal = (fw: FrameworkSpec): number => sum(fw.groups.filter((g) => g.kind === 'NORMAL').map(groupPoints));

const pointsByCode = (fw: FrameworkSpec): Record<string, number> =>
  Object.fromEntries(allGroups(fw.groups).map((g) => [g.code, groupPoints(g)]));

/** Every string value anywhere in the object. */
const allStrings = (value: unknown): string[] => {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(allStrings);
  return [];
};

describe('DTI sample frameworks', () => {
  it('exports both samples', () => {
    expect(SAMPLE_FRAMEWORKS).toEqual([dti922SampleProvince, dti922SampleCommune]);
  });

  describe('province sample (QĐ 922/QĐ-BTTTT structure)', () => {
    it('has 1,000 points: foundation 500 and activity 500, with the eight pillars of QĐ 922', () => {
      expect(normalTotal(dti922SampleProvince)).toBe(1000);
      expect(dti922SampleProvince.groups.every((g) => g.kind === 'NORMAL')).toBe(true);
      expect(pointsByCode(dti922SampleProvince)).toEqual({
        '1': 500,
        '1.1': 100,
        '1.2': 100,
        '1.3': 100,
        '1.4': 100,
        '1.5': 100,
        '2': 500,
        '2.1': 200,
        '2.2': 150,
        '2.3': 150,
      });
      const names = Object.fromEntries(allGroups(dti922SampleProvince.groups).map((g) => [g.code, g.name]));
      expect(names).toEqual({
        '1': 'Nhóm chỉ số nền tảng chuyển đổi số',
        '1.1': 'Nhận thức số',
        '1.2': 'Thể chế số',
        '1.3': 'Hạ tầng số',
        '1.4': 'Nhân lực số',
        '1.5': 'An toàn thông tin mạng',
        '2': 'Nhóm chỉ số hoạt động chuyển đổi số',
        '2.1': 'Chính quyền số',
        '2.2': 'Kinh tế số',
        '2.3': 'Xã hội số',
      });
    });

    it('has 3–6 component indicators in every pillar, directly under it', () => {
      for (const top of dti922SampleProvince.groups) {
        expect(top.indicators).toEqual([]);
        for (const pillar of top.groups) {
          expect(pillar.groups).toEqual([]);
          expect(pillar.indicators.length).toBeGreaterThanOrEqual(3);
          expect(pillar.indicators.length).toBeLessThanOrEqual(6);
        }
      }
    });

    it('applies to provinces and cites QĐ 922', () => {
      expect(dti922SampleProvince).toMatchObject({ code: 'DTI-922-MAU-TINH', year: 2024, targetLevel: 'PROVINCE', appliesToKinds: ['PROVINCE_PC'] });
      expect(dti922SampleProvince.legalBasis).toMatchObject({ number: '922/QĐ-BTTTT', date: '2022-05-20', issuer: 'Bộ Thông tin và Truyền thông' });
    });
  });

  describe('commune sample', () => {
    it('has 100 normal points for a ward and for a commune in five groups, bonus and penalty of at most 5 each', () => {
      const forKind = (g: GroupSpec, kind: OrgUnitKind) => sum(indicatorsOf(g).filter((i) => i.appliesToKinds === null || i.appliesToKinds.includes(kind)).map((i) => i.maxPoints));
      for (const kind of ['WARD_PC', 'COMMUNE_PC'] as const) {
        expect(sum(dti922SampleCommune.groups.filter((g) => g.kind === 'NORMAL').map((g) => forKind(g, kind)))).toBe(100);
      }
      const top = dti922SampleCommune.groups.map((g) => [g.code, g.kind, forKind(g, 'WARD_PC')]);
      expect(top).toEqual([
        ['1', 'NORMAL', 20],
        ['2', 'NORMAL', 20],
        ['3', 'NORMAL', 30],
        ['4', 'NORMAL', 20],
        ['5', 'NORMAL', 10],
        ['6', 'BONUS', expect.any(Number)],
        ['7', 'PENALTY', expect.any(Number)],
      ]);
      for (const g of dti922SampleCommune.groups.filter((x) => x.kind !== 'NORMAL')) {
        expect(groupPoints(g)).toBeGreaterThan(0);
        expect(groupPoints(g)).toBeLessThanOrEqual(5);
        expect(g.indicators.length).toBeGreaterThanOrEqual(1);
        expect(g.indicators.length).toBeLessThanOrEqual(2);
      }
    });

    it('has 2–5 indicators per normal group (a ward-only or commune-only indicator has its counterpart)', () => {
      for (const g of dti922SampleCommune.groups.filter((x) => x.kind === 'NORMAL')) {
        expect(g.groups).toEqual([]);
        expect(g.indicators.length).toBeGreaterThanOrEqual(2);
        expect(g.indicators.length).toBeLessThanOrEqual(5);
      }
    });

    it('has indicators for wards only and for communes only, leaving both kinds the same applicable max', () => {
      expect(dti922SampleCommune).toMatchObject({ code: 'DTI-MAU-CAP-XA', year: 2024, targetLevel: 'COMMUNE' });
      expect(dti922SampleCommune.appliesToKinds).toEqual(['WARD_PC', 'COMMUNE_PC']);
      const indicators = allIndicators(dti922SampleCommune);
      expect(indicators.some((i) => i.appliesToKinds?.length === 1 && i.appliesToKinds[0] === 'WARD_PC')).toBe(true);
      expect(indicators.some((i) => i.appliesToKinds?.length === 1 && i.appliesToKinds[0] === 'COMMUNE_PC')).toBe(true);
      const applicableMax = (kind: OrgUnitKind): number =>
        sum(
          dti922SampleCommune.groups
            .filter((g) => g.kind === 'NORMAL')
            .flatMap(indicatorsOf)
            .filter((i) => i.appliesToKinds === null || i.appliesToKinds.includes(kind))
            .map((i) => i.maxPoints),
        );
      expect(applicableMax('WARD_PC')).toBe(applicableMax('COMMUNE_PC'));
    });
  });

  describe.each(SAMPLE_FRAMEWORKS.map((fw) => [fw.code, fw] as const))('%s', (_code, fw) => {
    it('is marked as a sample and says so in its name', () => {
      expect(fw.isSample).toBe(true);
      expect(fw.name.toLocaleLowerCase('vi')).toContain('mẫu');
      expect(fw.jurisdiction).toContain('Mẫu');
    });

    it('has unique, hierarchical group and indicator codes', () => {
      const codes = [...allGroups(fw.groups).map((g) => g.code), ...allIndicators(fw).map((i) => i.code)];
      expect(new Set(codes).size).toBe(codes.length);
      for (const c of codes) expect(c).toMatch(/^\d+(\.\d+)*$/);
      const check = (g: GroupSpec, parent: string | null): void => {
        if (parent === null) expect(g.code).toMatch(/^\d+$/);
        else expect(g.code).toMatch(new RegExp(`^${parent.replace(/\./g, '\\.')}\\.\\d+$`));
        for (const i of g.indicators) expect(i.code).toMatch(new RegExp(`^${g.code.replace(/\./g, '\\.')}\\.\\d+$`));
        for (const sub of g.groups) check(sub, g.code);
      };
      for (const g of fw.groups) check(g, null);
    });

    it('has positive whole-number max points', () => {
      for (const i of allIndicators(fw)) {
        expect(Number.isInteger(i.maxPoints)).toBe(true);
        expect(i.maxPoints).toBeGreaterThan(0);
      }
    });

    it('gives COUNT_BANDS indicators ascending bands topping out at max points', () => {
      for (const i of allIndicators(fw).filter((x) => x.ruleType === 'COUNT_BANDS')) {
        const bands = i.ruleConfig.bands ?? [];
        expect(bands.length).toBeGreaterThan(0);
        for (let k = 1; k < bands.length; k++) {
          expect(bands[k].min).toBeGreaterThan(bands[k - 1].min);
          expect(bands[k].points).toBeGreaterThan(bands[k - 1].points);
        }
        expect(bands[0].min).toBeGreaterThanOrEqual(0);
        expect(bands[0].points).toBeGreaterThan(0);
        expect(bands.every((b) => b.points <= i.maxPoints)).toBe(true);
        expect(bands[bands.length - 1].points).toBe(i.maxPoints);
      }
    });

    it('labels both terms of every RATIO and gives other rules no stray config', () => {
      for (const i of allIndicators(fw)) {
        if (i.ruleType === 'RATIO') {
          expect(i.ruleConfig.numeratorLabel?.trim()).toBeTruthy();
          expect(i.ruleConfig.denominatorLabel?.trim()).toBeTruthy();
          expect(i.ruleConfig.bands).toBeUndefined();
        } else if (i.ruleType !== 'COUNT_BANDS') {
          expect(i.ruleConfig).toEqual({});
        }
      }
    });

    it('names the evidence, data source and verifying unit of every indicator', () => {
      for (const i of allIndicators(fw)) {
        expect(i.evidence?.trim()).toBeTruthy();
        expect(i.dataSource?.trim()).toBeTruthy();
        expect(i.verifyingUnit?.trim()).toBeTruthy();
        if (i.appliesToKinds !== null) expect(i.appliesToKinds.every((k) => fw.appliesToKinds.includes(k))).toBe(true);
      }
    });

    it('keeps every string in Unicode NFC, trimmed', () => {
      for (const s of allStrings(fw)) {
        expect(s).toBe(s.normalize('NFC'));
        expect(s).toBe(s.trim());
      }
    });
  });

  it('uses all four rule types across the samples, and all four in the province sample', () => {
    const used = (fws: FrameworkSpec[]): Set<RuleType> => new Set(fws.flatMap(allIndicators).map((i) => i.ruleType));
    expect([...used(SAMPLE_FRAMEWORKS)].sort()).toEqual([...RULE_TYPES].sort());
    expect([...used([dti922SampleProvince])].sort()).toEqual([...RULE_TYPES].sort());
  });
});
