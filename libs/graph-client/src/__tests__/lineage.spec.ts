import { carriedOn, predecessorsIn, rollUpTo, type LineageNode } from '../lineage';

const unit = (id: string, kind: string, validFrom: string | null, validTo: string | null, changes: LineageNode['changes'] = []): LineageNode => ({ id, kind, validFrom, validTo, changes });
const change = (kind: string, effectiveDate: string, predecessors: string[], successors: string[]) => ({
  kind,
  effectiveDate,
  predecessors: predecessors.map((id) => ({ id })),
  successors: successors.map((id) => ({ id })),
});

describe('rolling a unit up to the units in force on a date', () => {
  // Two wards merged into a new one on 1/7/2025, which is merged again on 1/1/2027; a third split in two; a district office dissolved with its tasks handed to a department.
  const merged = change('MERGED', '2025-07-01', ['A', 'B'], ['AB']);
  const again = change('MERGED', '2027-01-01', ['AB', 'D'], ['ABD']);
  const split = change('SPLIT', '2025-07-01', ['C'], ['C1', 'C2']);
  const handed = change('DISSOLVED', '2025-07-01', ['OFFICE'], ['DEPT']);
  const nodes = new Map(
    [
      unit('A', 'WARD_PC', null, '2025-07-01', [merged]),
      unit('B', 'COMMUNE_PC', null, '2025-07-01', [merged]),
      unit('AB', 'WARD_PC', '2025-07-01', '2027-01-01', [merged, again]),
      unit('D', 'WARD_PC', null, '2027-01-01', [again]),
      unit('ABD', 'WARD_PC', '2027-01-01', null, [again]),
      unit('C', 'COMMUNE_PC', null, '2025-07-01', [split]),
      unit('C1', 'WARD_PC', '2025-07-01', null, [split]),
      unit('C2', 'COMMUNE_PC', '2025-07-01', null, [split]),
      unit('OFFICE', 'DEPARTMENT', null, '2025-07-01', [handed]),
      unit('DEPT', 'DEPARTMENT', null, null, [handed]),
    ].map((n) => [n.id, n]),
  );

  it('keeps a unit that still exists, and the units as they were before a change', () => {
    expect(rollUpTo('D', '2026-01-01', nodes)).toEqual([{ id: 'D', kind: 'WARD_PC' }]);
    expect(rollUpTo('A', '2025-06-30', nodes)).toEqual([{ id: 'A', kind: 'WARD_PC' }]);
  });

  it('follows mergers, one after another, to the unit in force on the date', () => {
    expect(rollUpTo('A', '2025-07-01', nodes)).toEqual([{ id: 'AB', kind: 'WARD_PC' }]);
    expect(rollUpTo('B', '2026-12-31', nodes)).toEqual([{ id: 'AB', kind: 'WARD_PC' }]);
    expect(rollUpTo('B', '2027-01-01', nodes)).toEqual([{ id: 'ABD', kind: 'WARD_PC' }]);
  });

  it('gives every part of a split, and nothing for a dissolution (tasks handed over do not carry the figures)', () => {
    expect(rollUpTo('C', '2026-01-01', nodes)).toEqual([
      { id: 'C1', kind: 'WARD_PC' },
      { id: 'C2', kind: 'COMMUNE_PC' },
    ]);
    expect(rollUpTo('OFFICE', '2026-01-01', nodes)).toEqual([]);
  });

  it('names the units whose figures a unit carries: mergers and splits, transitively, not a dissolution that handed over tasks', () => {
    // A and B reached ABD when AB merged into it (2027), not when they formed AB (2025).
    expect(predecessorsIn('ABD', nodes)).toEqual([
      { id: 'AB', on: '2027-01-01' },
      { id: 'D', on: '2027-01-01' },
      { id: 'A', on: '2027-01-01' },
      { id: 'B', on: '2027-01-01' },
    ]);
    expect(predecessorsIn('C2', nodes)).toEqual([{ id: 'C', on: '2025-07-01' }]);
    expect(predecessorsIn('DEPT', nodes)).toEqual([]);
    expect(predecessorsIn('A', nodes)).toEqual([]);
  });

  it('counts as a unit’s own, on a date, only what had reached it by then, unless the unit was formed later', () => {
    // D existed before 2027: its 2025 record is its own; AB, formed in 2025, carries A's and B's history of any year before.
    expect(carriedOn({ formedOn: null, predecessors: [{ id: 'X', on: '2027-01-01' }] }, '2025-12-10')).toEqual([]);
    expect(carriedOn({ formedOn: null, predecessors: [{ id: 'X', on: '2027-01-01' }] }, '2027-12-10')).toEqual(['X']);
    const ab = { formedOn: '2025-07-01', predecessors: [{ id: 'A', on: '2025-07-01' }, { id: 'B', on: '2025-07-01' }] };
    expect(carriedOn(ab, '2024-12-10')).toEqual(['A', 'B']);
    expect(carriedOn(ab, '2025-12-10')).toEqual(['A', 'B']);
  });

  it('gives nothing for a unit it does not know', () => {
    expect(rollUpTo('X', '2026-01-01', nodes)).toEqual([]);
  });
});
