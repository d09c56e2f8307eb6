import { chooseSuccessor, endingOf, successionStep, unitInForceOn, type AgencyUnit, type Ending } from '../campaign/agency.rules';

const unit = (id: string, validFrom: string | null, validTo: string | null, extra: Partial<AgencyUnit> = {}): AgencyUnit => ({ id, name: id, field: null, validFrom, validTo, ...extra });

/** Đà Nẵng: Sở TT-TT merged into Sở KH&CN on 1/3/2025. */
const STTTT = unit('Sở Thông tin và Truyền thông', null, '2025-03-01', { field: 'Thông tin và truyền thông' });
const SKHCN = unit('Sở Khoa học và Công nghệ', null, null, { field: 'Khoa học và công nghệ' });
const MERGED: Ending = { kind: 'MERGED', effectiveDate: '2025-03-01', successorIds: [SKHCN.id] };

function graph(units: AgencyUnit[], endings: Record<string, Ending>) {
  const byId = new Map(units.map((u) => [u.id, u]));
  return [(id: string) => byId.get(id), (id: string) => endings[id] ?? null] as const;
}

describe('the agency in force on a date', () => {
  it('is the unit itself while it exists, its successor from the day of the merger', () => {
    const [u, e] = graph([STTTT, SKHCN], { [STTTT.id]: MERGED });
    expect(unitInForceOn(STTTT.id, '2025-02-28', u, e).id).toBe(STTTT.id);
    expect(unitInForceOn(STTTT.id, '2025-03-01', u, e).id).toBe(SKHCN.id);
    expect(unitInForceOn(STTTT.id, '2026-12-15', u, e).id).toBe(SKHCN.id);
  });

  it('follows successors transitively, through a dissolution that names who takes over', () => {
    // Phòng Văn hóa và Thông tin of Buôn Ma Thuột → Sở Khoa học và Công nghệ tỉnh Đắk Lắk (1/7/2025), renamed later.
    const phong = unit('Phòng VH-TT', null, '2025-07-01');
    const so = unit('Sở KH&CN Đắk Lắk', null, '2026-01-01');
    const later = unit('Sở KH&CN mới', '2026-01-01', null);
    const [u, e] = graph([phong, so, later], {
      [phong.id]: { kind: 'DISSOLVED', effectiveDate: '2025-07-01', successorIds: [so.id] },
      [so.id]: { kind: 'MERGED', effectiveDate: '2026-01-01', successorIds: [later.id] },
    });
    expect(unitInForceOn(phong.id, '2025-06-30', u, e).id).toBe(phong.id);
    expect(unitInForceOn(phong.id, '2025-07-01', u, e).id).toBe(so.id);
    expect(unitInForceOn(phong.id, '2026-01-01', u, e).id).toBe(later.id);
  });

  it('is none after a dissolution without successor, and none before the unit existed; the walk says where it stopped', () => {
    const phong = unit('Phòng Nội vụ', null, '2025-07-01');
    const [u, e] = graph([phong, SKHCN], { [phong.id]: { kind: 'DISSOLVED', effectiveDate: '2025-07-01', successorIds: [] } });
    expect(unitInForceOn(phong.id, '2025-07-01', u, e)).toEqual({ id: null, last: phong.id });
    const young = unit('Sở mới', '2025-03-01', null);
    expect(unitInForceOn(young.id, '2025-02-28', ...graph([young], {}))).toEqual({ id: null, last: young.id });
    expect(unitInForceOn('không có', '2025-02-28', u, e)).toEqual({ id: null, last: null });
  });

  it('does not follow a change that did not end the unit (a move names the new parent as successor)', () => {
    expect(successionStep(STTTT, '2025-03-01', { kind: 'MOVED', effectiveDate: '2025-03-01', successorIds: [SKHCN.id] }, [SKHCN])).toEqual({ kind: 'NONE' });
    expect(successionStep(STTTT, '2025-02-01', MERGED, [SKHCN])).toEqual({ kind: 'IN_FORCE' });
  });

  it('stops on a cycle of successors instead of looping', () => {
    const a = unit('A', null, '2025-01-01');
    const b = unit('B', null, '2025-01-01');
    const [u, e] = graph([a, b], {
      A: { kind: 'MERGED', effectiveDate: '2025-01-01', successorIds: ['B'] },
      B: { kind: 'MERGED', effectiveDate: '2025-01-01', successorIds: ['A'] },
    });
    expect(unitInForceOn('A', '2025-06-01', u, e).id).toBeNull();
  });
});

describe('the successor of a split', () => {
  const split = unit('Sở Văn hóa, Thể thao và Du lịch', null, '2025-03-01', { field: 'Văn hóa' });
  const culture = unit('Sở Văn hóa và Thể thao', '2025-03-01', null, { field: 'văn hóa' });
  const tourism = unit('Sở Du lịch', '2025-03-01', null, { field: 'Du lịch' });

  it('is the one that kept the field, whatever the order of the links', () => {
    expect(chooseSuccessor(split, [culture, tourism])?.id).toBe(culture.id);
    expect(chooseSuccessor(split, [tourism, culture])?.id).toBe(culture.id);
  });

  it('else the one that kept the name', () => {
    const noField = { ...split, field: null };
    const kept = unit('Sở Văn hóa, Thể thao và Du lịch', '2025-03-01', null, { id: 'kept', name: 'Sở Văn hóa, Thể thao và Du lịch' });
    expect(chooseSuccessor(noField, [tourism, kept])?.id).toBe('kept');
  });

  it('else none: an agency is never guessed', () => {
    expect(chooseSuccessor({ ...split, field: null }, [culture, tourism])).toBeNull();
    expect(chooseSuccessor(split, [])).toBeNull();
    expect(chooseSuccessor(split, [split])).toBeNull();
    const [u, e] = graph([{ ...split, field: null }, culture, tourism], { [split.id]: { kind: 'SPLIT', effectiveDate: '2025-03-01', successorIds: [culture.id, tourism.id] } });
    expect(unitInForceOn(split.id, '2025-05-01', u, e)).toEqual({ id: null, last: split.id });
  });
});

describe('the change that ended a unit', () => {
  it('is the one on its end date, else the latest', () => {
    const early: Ending = { kind: 'MERGED', effectiveDate: '2024-01-01', successorIds: ['x'] };
    const onEnd: Ending = { kind: 'DISSOLVED', effectiveDate: '2025-07-01', successorIds: ['y'] };
    expect(endingOf({ validTo: '2025-07-01' }, [onEnd, early])).toBe(onEnd);
    expect(endingOf({ validTo: null }, [early, onEnd])).toBe(onEnd);
    expect(endingOf({ validTo: null }, [])).toBeNull();
  });
});
