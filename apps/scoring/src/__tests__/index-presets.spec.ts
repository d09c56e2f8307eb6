import { classify, totals, type RuledIndicator } from '../assessment/scoring.rules';
import { frameworkToWorkbook, workbookToFramework } from '../framework/framework.excel';
import { chooseFramework, coversYear, yearsLabel, type FrameworkInForce } from '../framework/framework.rules';
import type { FrameworkSpec, GroupKind, GroupSpec, IndicatorSpec, OrgUnitKind } from '../framework/framework.types';
import { dakLak2534Departments } from '../preset/dak-lak-2534.preset';
import { daNang2386 } from '../preset/da-nang-2386.preset';
import { dti405Province } from '../preset/dti-405.preset';
import { dti922SampleCommune, dti922SampleProvince } from '../preset/dti-922.preset';
import { PRESET_CAMPAIGN_FRAMEWORKS, PRESET_FRAMEWORKS, PRESET_RULES } from '../preset/preset.service';

/** The indicators of a spec as the scoring rules see them, each with the kind of the group it sits in. */
const ruled = (fw: FrameworkSpec): RuledIndicator[] => {
  const out: RuledIndicator[] = [];
  const walk = (g: GroupSpec) => {
    for (const i of g.indicators) out.push({ ...i, id: i.code, groupKind: g.kind });
    g.groups.forEach(walk);
  };
  fw.groups.forEach(walk);
  return out;
};

const applicableTo = (fw: FrameworkSpec, kind: OrgUnitKind) => ruled(fw).filter((i) => i.appliesToKinds === null || i.appliesToKinds.includes(kind));

/** Totals of a unit of a kind given the points of each applicable indicator. */
const totalsFor = (fw: FrameworkSpec, kind: OrgUnitKind, points: (i: RuledIndicator) => number) => {
  const inds = applicableTo(fw, kind);
  return totals(inds, new Map(inds.map((i) => [i.id, points(i)])));
};

const best = (i: { groupKind: GroupKind; maxPoints: number }) => (i.groupKind === 'PENALTY' ? 0 : i.maxPoints);

const groupNames = (gs: GroupSpec[]): string[] => gs.flatMap((g) => [g.name, ...groupNames(g.groups)]);
const indicatorsOf = (gs: GroupSpec[]): IndicatorSpec[] => gs.flatMap((g) => [...g.indicators, ...indicatorsOf(g.groups)]);

const asStored = (fw: FrameworkSpec): FrameworkInForce => ({
  id: fw.code,
  code: fw.code,
  year: fw.year,
  yearTo: fw.yearTo === undefined ? fw.year : fw.yearTo,
  appliesToKinds: fw.appliesToKinds,
  legalBasis: fw.legalBasis,
  isSample: fw.isSample,
  status: 'PUBLISHED',
});

const ALL = PRESET_FRAMEWORKS.map(asStored);
const listedFor = (campaignCode: string) => {
  const codes = PRESET_CAMPAIGN_FRAMEWORKS.find((c) => c.campaignCode === campaignCode)?.frameworkCodes ?? [];
  return ALL.filter((f) => codes.includes(f.code));
};

describe('preset indices: a unit kind’s maximum and the campaign rules agree', () => {
  const cases = PRESET_FRAMEWORKS.flatMap((fw) => fw.appliesToKinds.flatMap((kind) => PRESET_RULES.map((r) => [fw.code, kind, r.campaignCode, fw, r.rule] as const)));

  it.each(cases)('%s, %s, rule of %s: the best score passes, zero does not', (_code, kind, _campaign, fw, rule) => {
    const top = totalsFor(fw, kind, best);
    expect(classify(rule, top).passes).toBe(true);
    expect(classify(rule, totalsFor(fw, kind, () => 0)).passes).toBe(false);
    // The best a unit can do without bonus points also passes: bonus points are not needed to reach the threshold.
    expect(classify(rule, totalsFor(fw, kind, (i) => (i.groupKind === 'NORMAL' ? i.maxPoints : 0))).passes).toBe(true);
  });

  it.each(PRESET_FRAMEWORKS.flatMap((fw) => fw.appliesToKinds.map((kind) => [fw.code, kind, fw] as const)))(
    '%s: a unit of kind %s can reach the full scale of the index',
    (_code, kind, fw) => {
      const scale = fw.code === dti922SampleCommune.code || fw.code === daNang2386.code ? 100 : 1000;
      expect(totalsFor(fw, kind, (i) => (i.groupKind === 'NORMAL' ? i.maxPoints : 0)).max).toBe(scale);
    },
  );

  it('classifies a Buôn Ma Thuột department at 71% as passing and at 70% not (trên 70% điểm)', () => {
    const rule = PRESET_RULES.find((r) => r.campaignCode === 'BMT-CDS-2023-2025')?.rule;
    if (!rule) throw new Error('BMT rule missing');
    expect(classify(rule, { total: 710, max: 1000 })).toEqual({ label: 'Đạt (trên 70% điểm)', passes: true });
    expect(classify(rule, { total: 700, max: 1000 }).passes).toBe(false);
  });
});

describe('preset indices: legal basis, structure and years', () => {
  it('every index cites its decision with number, date, issuer and title, and says what in it is a sample', () => {
    for (const fw of PRESET_FRAMEWORKS) {
      expect(fw.legalBasis).toEqual({ number: expect.any(String), date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), issuer: expect.any(String), title: expect.any(String) });
      expect(fw.isSample).toBe(true);
      expect(fw.name.toLocaleLowerCase('vi')).toContain('mẫu');
    }
    expect(dti405Province.legalBasis).toMatchObject({ number: '405/QĐ-BKHCN', date: '2025-04-03', issuer: 'Bộ Khoa học và Công nghệ' });
    expect(daNang2386.legalBasis).toMatchObject({ number: '2386/QĐ-UBND', date: '2025-11-05', issuer: 'Ủy ban nhân dân thành phố Đà Nẵng' });
    expect(dakLak2534Departments.legalBasis).toMatchObject({ number: '2534/QĐ-UBND', date: '2022-11-11', issuer: 'Ủy ban nhân dân tỉnh Đắk Lắk' });
  });

  it('405/QĐ-BKHCN: 8 main indicators in two groups, for provinces, from DTI 2024 on', () => {
    expect(dti405Province.groups.map((g) => [g.name, g.groups.map((x) => x.name)])).toEqual([
      ['Nhóm chỉ số nền tảng chung', ['Nhận thức số', 'Thể chế số', 'Hạ tầng số', 'Nhân lực số', 'An toàn thông tin mạng']],
      ['Nhóm chỉ số hoạt động', ['Hoạt động chính quyền số', 'Hoạt động kinh tế số', 'Hoạt động xã hội số']],
    ]);
    expect(dti405Province.appliesToKinds).toEqual(['PROVINCE_PC']);
    expect(yearsLabel(asStored(dti405Province))).toBe('từ 2024');
  });

  it('2386/QĐ-UBND: 8 groups with bonus and penalty points, for agencies, wards and communes (no district tier), from 2025', () => {
    expect(daNang2386.groups.map((g) => g.name)).toEqual([
      'Nhận thức số',
      'Thể chế số',
      'Hạ tầng số',
      'Ứng dụng công nghệ số',
      'Dịch vụ công trực tuyến',
      'Nhân lực số',
      'Xã hội số',
      'Điểm thưởng và điểm trừ',
    ]);
    expect(daNang2386.groups[7]?.groups.map((g) => g.kind)).toEqual(['BONUS', 'PENALTY']);
    expect(daNang2386.appliesToKinds).not.toContain('DISTRICT_PC');
    expect(daNang2386.appliesToKinds).toEqual(expect.arrayContaining(['DEPARTMENT', 'WARD_PC', 'COMMUNE_PC']));
    // Xã hội số is the wards' and communes' only.
    expect(indicatorsOf([daNang2386.groups[6] as GroupSpec]).every((i) => i.appliesToKinds?.every((k) => k === 'WARD_PC' || k === 'COMMUNE_PC'))).toBe(true);
    expect(yearsLabel(asStored(daNang2386))).toBe('từ 2025');
  });

  it('2534/QĐ-UBND shape: 6 main indicators for departments and mass organisations, 2022–2025', () => {
    expect(groupNames(dakLak2534Departments.groups).filter((n) => !n.startsWith('Nhóm'))).toEqual([
      'Nhận thức số',
      'Thể chế số',
      'Hạ tầng số',
      'Nhân lực số',
      'An toàn thông tin mạng',
      'Hoạt động chính quyền số',
    ]);
    expect(dakLak2534Departments.appliesToKinds).toEqual(['DEPARTMENT', 'MASS_ORGANISATION']);
    expect(yearsLabel(asStored(dakLak2534Departments))).toBe('2022–2025');
    expect(coversYear(asStored(dakLak2534Departments), 2024)).toBe(true);
    expect(coversYear(asStored(dakLak2534Departments), 2026)).toBe(false);
  });

  it('has unique codes and every indicator names its evidence, data source and verifying unit', () => {
    expect(new Set(PRESET_FRAMEWORKS.map((f) => f.code)).size).toBe(PRESET_FRAMEWORKS.length);
    for (const fw of PRESET_FRAMEWORKS) {
      const codes = indicatorsOf(fw.groups).map((i) => i.code);
      expect(new Set(codes).size).toBe(codes.length);
      for (const i of indicatorsOf(fw.groups)) {
        expect(i.evidence && i.dataSource && i.verifyingUnit).toBeTruthy();
        if (i.ruleType === 'COUNT_BANDS') expect(i.ruleConfig.bands?.at(-1)?.points).toBe(i.maxPoints);
      }
    }
  });
});

describe('choosing the index in force', () => {
  it('a 2024 provincial assessment runs on 405/QĐ-BKHCN once it is issued, on the 922 sample before', () => {
    expect(chooseFramework(ALL, { year: 2024, kind: 'PROVINCE_PC', onDate: '2025-06-30' })).toEqual({ framework: expect.objectContaining({ code: dti405Province.code }) });
    expect(chooseFramework(ALL, { year: 2024, kind: 'PROVINCE_PC', onDate: '2025-03-31' })).toEqual({ framework: expect.objectContaining({ code: dti922SampleProvince.code }) });
    expect(chooseFramework(ALL, { year: 2023, kind: 'PROVINCE_PC', onDate: '2025-06-30' })).toEqual({ error: 'NONE' });
  });

  it('Đà Nẵng: a 2025 department, ward or commune runs on 2386; a 2024 ward on the commune sample', () => {
    const dn = listedFor('DN-CDS-2021-2030');
    for (const kind of ['DEPARTMENT', 'WARD_PC', 'COMMUNE_PC'] as const) {
      expect(chooseFramework(dn, { year: 2025, kind, onDate: '2026-01-31' })).toEqual({ framework: expect.objectContaining({ code: daNang2386.code }) });
    }
    expect(chooseFramework(dn, { year: 2024, kind: 'WARD_PC', onDate: '2025-01-31' })).toEqual({ framework: expect.objectContaining({ code: dti922SampleCommune.code }) });
    // Before the decision was issued there is no index for a department's 2025 results.
    expect(chooseFramework(dn, { year: 2025, kind: 'DEPARTMENT', onDate: '2025-10-31' })).toEqual({ error: 'NONE' });
  });

  it('Buôn Ma Thuột: departments and mass organisations on the 2534-shaped index in 2023–2025, no index for enterprises', () => {
    const bmt = listedFor('BMT-CDS-2023-2025');
    for (const year of [2023, 2024, 2025]) {
      for (const kind of ['DEPARTMENT', 'MASS_ORGANISATION'] as const) {
        expect(chooseFramework(bmt, { year, kind, onDate: `${year}-12-10` })).toEqual({ framework: expect.objectContaining({ code: dakLak2534Departments.code }) });
      }
    }
    expect(chooseFramework(bmt, { year: 2024, kind: 'ENTERPRISE', onDate: '2024-12-10' })).toEqual({ error: 'NONE' });
  });

  it('two indices issued the same day for the same kind and year are ambiguous; a draft never counts', () => {
    const a = { ...asStored(daNang2386), id: 'a', code: 'A', isSample: false };
    const b = { ...a, id: 'b', code: 'B' };
    expect(chooseFramework([a, b], { year: 2025, kind: 'DEPARTMENT', onDate: '2026-01-01' })).toEqual({ error: 'AMBIGUOUS', codes: ['A', 'B'] });
    expect(chooseFramework([a, { ...b, status: 'DRAFT' }], { year: 2025, kind: 'DEPARTMENT', onDate: '2026-01-01' })).toEqual({ framework: a });
    // A real index wins over a sample issued the same day.
    expect(chooseFramework([{ ...b, isSample: true }, a], { year: 2025, kind: 'DEPARTMENT', onDate: '2026-01-01' })).toEqual({ framework: a });
  });
});

describe('the years of an index in its Excel workbook', () => {
  it.each([
    [dti405Province.code, dti405Province, null],
    [dakLak2534Departments.code, dakLak2534Departments, 2025],
  ] as const)('%s keeps its years through export and import', async (_code, fw, yearTo) => {
    const { spec, errors } = await workbookToFramework(await frameworkToWorkbook(fw));
    expect(errors).toEqual([]);
    expect(spec).toMatchObject({ year: fw.year, yearTo });
  });

  it('a one-year index reads back as one year, and a last year before the first is refused in Vietnamese', async () => {
    const { spec } = await workbookToFramework(await frameworkToWorkbook(dti922SampleCommune));
    expect(spec?.year).toBe(2024);
    expect(spec && 'yearTo' in spec).toBe(false);
    const bad = await workbookToFramework(await frameworkToWorkbook({ ...dakLak2534Departments, yearTo: 2021 }));
    expect(bad.spec).toBeNull();
    expect(bad.errors.map((e) => e.message)).toEqual([expect.stringContaining('"Áp dụng đến năm" phải là một năm từ năm áp dụng (2022) trở đi')]);
  });
});
