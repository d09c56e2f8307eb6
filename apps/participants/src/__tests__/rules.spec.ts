import { defaultAsOf, dueDateIn, withinCampaign } from '../campaign/campaign.rules';
import { canChangeOn, carriedOnBy, createsCycle, mergeShapeValid, walkLineage } from '../org-unit/org-unit.rules';
import { countsAsRegistered, nextRegistrationStatus } from '../registration/registration.rules';
import { planCoverage, planOnTime } from '../unit-plan/unit-plan.rules';

const BMT = { startDate: '2023-07-01', endDate: '2025-12-31' };

describe('campaign deadlines', () => {
  it('repeats a yearly deadline (unit reports by 10/12) every year of the campaign only', () => {
    const m = { dueDate: '2023-12-10', recurrence: 'YEARLY' as const };
    expect(dueDateIn(m, BMT, 2023)).toBe('2023-12-10');
    expect(dueDateIn(m, BMT, 2025)).toBe('2025-12-10');
    expect(dueDateIn(m, BMT, 2022)).toBeNull();
    expect(dueDateIn(m, BMT, 2026)).toBeNull();
    expect(dueDateIn({ dueDate: '2023-07-30', recurrence: 'ONCE' }, BMT, 2024)).toBeNull();
  });

  it('keeps milestones inside the campaign', () => {
    expect(withinCampaign(BMT, '2024-07-01', '2024-09-30')).toBe(true);
    expect(withinCampaign(BMT, null, '2026-01-15')).toBe(false);
    expect(withinCampaign(BMT, '2023-01-01', '2023-08-01')).toBe(false);
  });

  it('reads the structure today, clamped into the campaign, even after its jurisdiction ended', () => {
    expect(defaultAsOf(BMT, '2026-11-22')).toBe('2025-12-31');
    expect(defaultAsOf(BMT, '2024-03-01')).toBe('2024-03-01');
    expect(defaultAsOf(BMT, '2023-01-01')).toBe('2023-07-01');
  });
});

describe('org unit history', () => {
  it('carries a unit on through its successors by mergers and splits, to those that exist on the date', () => {
    // Thắng Lợi merged into Thành Công (2024), which merged into phường Buôn Ma Thuột (2025); Ea Tam still exists; X was split.
    const next: Record<string, string[]> = { thangLoi: ['thanhCong'], thanhCong: ['bmt'], tanLoi: ['bmt'], x: ['y', 'z'] };
    const exists = new Set(['bmt', 'eaTam', 'y', 'z']);
    const on = (start: string[]) => carriedOnBy(start, (id) => next[id] ?? [], (id) => exists.has(id));
    expect(on(['thangLoi', 'thanhCong', 'tanLoi', 'eaTam'])).toEqual(['eaTam', 'bmt']);
    expect(on(['x'])).toEqual(['y', 'z']);
    expect(on(['gone'])).toEqual([]);
  });

  it('accepts a change on a day the unit exists, from its current version on', () => {
    expect(canChangeOn({ validFrom: null, validTo: null }, '2025-07-01', '2025-07-01')).toBe(true);
    expect(canChangeOn({ validFrom: null, validTo: null }, '2025-07-01', '2025-06-30')).toBe(false);
    expect(canChangeOn({ validFrom: null, validTo: '2025-07-01' }, null, '2025-07-01')).toBe(false);
  });

  it('validates the shape of a merge', () => {
    expect(mergeShapeValid(['a', 'b'], null, true)).toBe(true);
    expect(mergeShapeValid(['a'], null, true)).toBe(false);
    expect(mergeShapeValid(['a'], 'b', false)).toBe(true);
    expect(mergeShapeValid(['a', 'a'], null, true)).toBe(false);
    expect(mergeShapeValid(['a'], 'a', false)).toBe(false);
  });

  it('follows lineage through several reorganisations without looping', () => {
    const next: Record<string, string[]> = { a: ['c'], b: ['c'], c: ['d'], d: ['c'] };
    expect(walkLineage(['a'], (id) => next[id] ?? [])).toEqual(['c', 'd']);
  });

  it('detects a parent cycle', () => {
    const parent: Record<string, string | null> = { a: null, b: 'a', c: 'b' };
    expect(createsCycle('a', 'c', (id) => parent[id] ?? null)).toBe(true);
    expect(createsCycle('c', 'a', (id) => parent[id] ?? null)).toBe(false);
  });
});

describe('registrations', () => {
  it('moves draft → submitted → returned → submitted → accepted and nothing else', () => {
    expect(nextRegistrationStatus('DRAFT', 'submit')).toBe('SUBMITTED');
    expect(nextRegistrationStatus('SUBMITTED', 'return')).toBe('RETURNED');
    expect(nextRegistrationStatus('RETURNED', 'submit')).toBe('SUBMITTED');
    expect(nextRegistrationStatus('SUBMITTED', 'accept')).toBe('ACCEPTED');
    expect(nextRegistrationStatus('ACCEPTED', 'edit')).toBeNull();
    expect(nextRegistrationStatus('DRAFT', 'accept')).toBeNull();
    expect(countsAsRegistered('DRAFT')).toBe(false);
    expect(countsAsRegistered('SUBMITTED')).toBe(true);
  });
});

describe('unit plan coverage', () => {
  it('computes on time against the deadline and coverage per kind', () => {
    expect(planOnTime('2023-07-30', '2023-07-30')).toBe(true);
    expect(planOnTime('2023-07-31', '2023-07-30')).toBe(false);
    const expected = [
      { id: 'w1', kind: 'WARD_PC' },
      { id: 'w2', kind: 'WARD_PC' },
      { id: 'd1', kind: 'DEPARTMENT' },
    ];
    const rows = planCoverage(expected, new Map([['w1', { onTime: true }], ['d1', { onTime: false }]]));
    expect(rows).toEqual([
      { kind: null, expected: 3, submitted: 2, onTime: 1, percent: 66.67, missingIds: ['w2'] },
      { kind: 'DEPARTMENT', expected: 1, submitted: 1, onTime: 0, percent: 100, missingIds: [] },
      { kind: 'WARD_PC', expected: 2, submitted: 1, onTime: 1, percent: 50, missingIds: ['w2'] },
    ]);
  });
});
