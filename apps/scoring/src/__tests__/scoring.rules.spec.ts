import { applies, classify, MAX_SCORE_QUANTITY, pointsFor, rankByTotal, selfAssessmentOpen, totals, type ClassificationRule, type RuledIndicator } from '../assessment/scoring.rules';
import { completedOnTime, completionAfterReport, overdue, taskCompletion } from '../task/task.rules';

const ind = (over: Partial<RuledIndicator>): RuledIndicator => ({
  id: 'i',
  code: '1.1',
  maxPoints: 10,
  ruleType: 'MANUAL',
  ruleConfig: {},
  groupKind: 'NORMAL',
  appliesToKinds: null,
  ...over,
});

const BMT: ClassificationRule = { basis: 'PERCENT', bands: [{ min: 70, inclusive: false, label: 'Đạt', passes: true }], otherwise: { label: 'Chưa đạt', passes: false } };
const DN: ClassificationRule = {
  basis: 'POINTS',
  bands: [
    { min: 80, inclusive: true, label: 'Tốt', passes: true },
    { min: 65, inclusive: true, label: 'Khá', passes: false },
  ],
  otherwise: { label: 'Trung bình', passes: false },
};

describe('points per indicator', () => {
  it('scores each rule type and refuses values that do not fit', () => {
    expect(pointsFor(ind({ ruleType: 'YES_NO' }), { yes: true })).toEqual({ points: 10 });
    expect(pointsFor(ind({ ruleType: 'YES_NO' }), { yes: false })).toEqual({ points: 0 });
    const bands = ind({ ruleType: 'COUNT_BANDS', ruleConfig: { bands: [{ min: 1, points: 4 }, { min: 3, points: 10 }] } });
    expect([0, 1, 2, 3, 9].map((count) => pointsFor(bands, { count }))).toEqual([{ points: 0 }, { points: 4 }, { points: 4 }, { points: 10 }, { points: 10 }]);
    expect(pointsFor(ind({ ruleType: 'RATIO' }), { numerator: 2, denominator: 3 })).toEqual({ points: 6.67 });
    expect(pointsFor(ind({ ruleType: 'RATIO' }), { numerator: 0, denominator: 0 })).toEqual({ points: 0 });
    expect(pointsFor(ind({ ruleType: 'MANUAL' }), { points: 7.5 })).toEqual({ points: 7.5 });
    expect(pointsFor(ind({ ruleType: 'MANUAL' }), { points: 11 })).toEqual({ error: 'Điểm phải trong khoảng 0 – 10.' });
    expect(pointsFor(bands, { count: 1.5 })).toHaveProperty('error');
    expect(pointsFor(ind({ ruleType: 'YES_NO' }), {})).toHaveProperty('error');
  });

  it('refuses a ratio above 1 unless the indicator allows it, and then caps the points at the maximum', () => {
    const share = ind({ ruleType: 'RATIO', ruleConfig: { numeratorLabel: 'Số hồ sơ trực tuyến', denominatorLabel: 'Tổng số hồ sơ' } });
    expect(pointsFor(share, { numerator: 50, denominator: 40 })).toEqual({ error: 'Tử số (a) không được lớn hơn mẫu số (b) (50 > 40).' });
    expect(pointsFor(share, { numerator: 40.5, denominator: 40 })).toEqual({ error: 'Tử số (a) không được lớn hơn mẫu số (b) (40,5 > 40).' });
    // Nothing to count (b = 0) leaves nothing done: a must be 0 too.
    expect(pointsFor(share, { numerator: 5, denominator: 0 })).toEqual({ error: 'Tử số (a) không được lớn hơn mẫu số (b) (5 > 0).' });
    expect(pointsFor(share, { numerator: 40, denominator: 40 })).toEqual({ points: 10 });
    expect(pointsFor(share, { numerator: 39, denominator: 40 })).toEqual({ points: 9.75 });

    const growth = ind({ ruleType: 'RATIO', ruleConfig: { ratioMayExceedOne: true } });
    expect(pointsFor(growth, { numerator: 50, denominator: 40 })).toEqual({ points: 10 });
    expect(pointsFor(growth, { numerator: 30, denominator: 40 })).toEqual({ points: 7.5 });
    expect(pointsFor(growth, { numerator: 5, denominator: 0 })).toEqual({ points: 0 });
    expect(pointsFor(ind({ ruleType: 'RATIO', ruleConfig: { ratioMayExceedOne: false } }), { numerator: 50, denominator: 40 })).toHaveProperty('error');
  });

  it('bounds counts and ratio terms at one billion, and refuses what is not a finite number', () => {
    expect(MAX_SCORE_QUANTITY).toBe(1_000_000_000);
    const bands = ind({ ruleType: 'COUNT_BANDS', ruleConfig: { bands: [{ min: 1, points: 4 }, { min: 3, points: 10 }] } });
    expect(pointsFor(bands, { count: 1e308 })).toEqual({ error: 'Số lượng không được lớn hơn 1.000.000.000.' });
    expect(pointsFor(bands, { count: MAX_SCORE_QUANTITY + 1 })).toEqual({ error: 'Số lượng không được lớn hơn 1.000.000.000.' });
    expect(pointsFor(bands, { count: MAX_SCORE_QUANTITY })).toEqual({ points: 10 });
    for (const count of [Infinity, -Infinity, NaN, -1]) expect(pointsFor(bands, { count })).toHaveProperty('error');

    const tooBig = { error: 'Tử số (a) và mẫu số (b) không được lớn hơn 1.000.000.000.' };
    const growth = ind({ ruleType: 'RATIO', ruleConfig: { ratioMayExceedOne: true } });
    expect(pointsFor(growth, { numerator: 1e308, denominator: 1 })).toEqual(tooBig);
    expect(pointsFor(ind({ ruleType: 'RATIO' }), { numerator: 1, denominator: 1e308 })).toEqual(tooBig);
    expect(pointsFor(ind({ ruleType: 'RATIO' }), { numerator: MAX_SCORE_QUANTITY, denominator: MAX_SCORE_QUANTITY + 0.5 })).toEqual(tooBig);
    expect(pointsFor(ind({ ruleType: 'RATIO' }), { numerator: MAX_SCORE_QUANTITY / 2, denominator: MAX_SCORE_QUANTITY })).toEqual({ points: 5 });
    for (const n of [Infinity, NaN]) expect(pointsFor(growth, { numerator: n, denominator: 1 })).toHaveProperty('error');
  });
});

describe('totals and classification', () => {
  const inds = [ind({ id: 'a', maxPoints: 60 }), ind({ id: 'b', maxPoints: 40 }), ind({ id: 'bonus', groupKind: 'BONUS', maxPoints: 5 }), ind({ id: 'pen', groupKind: 'PENALTY', maxPoints: 5 })];

  it('adds bonus, subtracts penalty, and takes the percentage of the applicable max', () => {
    const t = totals(inds, new Map([['a', 50], ['b', 21], ['bonus', 5], ['pen', 2]]));
    expect(t).toEqual({ normal: 71, bonus: 5, penalty: 2, total: 74, max: 100, percent: 74 });
  });

  it('classifies by the campaign rule: BMT above 70%, ĐN 80 points and above = Tốt', () => {
    expect(classify(BMT, { total: 70, max: 100 })).toEqual({ label: 'Chưa đạt', passes: false });
    expect(classify(BMT, { total: 700.04, max: 1000 })).toEqual({ label: 'Đạt', passes: true });
    expect(classify(BMT, { total: 70.01, max: 100 })).toEqual({ label: 'Đạt', passes: true });
    expect(classify(DN, { total: 80, max: 100 })).toEqual({ label: 'Tốt', passes: true });
    expect(classify(DN, { total: 79.5, max: 100 })).toEqual({ label: 'Khá', passes: false });
    expect(classify(DN, { total: 40, max: 100 })).toEqual({ label: 'Trung bình', passes: false });
  });

  it('applies indicators to the unit kinds they name only', () => {
    expect(applies({ appliesToKinds: ['WARD_PC'] }, ['WARD_PC', 'COMMUNE_PC'], 'COMMUNE_PC')).toBe(false);
    expect(applies({ appliesToKinds: null }, ['WARD_PC', 'COMMUNE_PC'], 'COMMUNE_PC')).toBe(true);
    expect(applies({ appliesToKinds: null }, ['DEPARTMENT'], 'WARD_PC')).toBe(false);
  });
});

describe('ranking', () => {
  it('gives equal totals the same rank and skips the next', () => {
    const r = rankByTotal([{ u: 'a', total: 80 }, { u: 'b', total: 90 }, { u: 'c', total: 80 }, { u: 'd', total: 70 }]);
    expect(r.map((x) => [x.u, x.rank])).toEqual([['b', 1], ['a', 2], ['c', 2], ['d', 4]]);
  });
});

describe('self-assessment window', () => {
  it('is open inside the window or until a reopening date', () => {
    const w = { opens: '2024-11-01', closes: '2024-11-30' };
    expect(selfAssessmentOpen(w, null, '2024-11-15')).toBe(true);
    expect(selfAssessmentOpen(w, null, '2024-12-01')).toBe(false);
    expect(selfAssessmentOpen(w, '2024-12-05', '2024-12-03')).toBe(true);
  });
});

describe('assigned tasks', () => {
  it('computes completed on time and the completion rate per year', () => {
    const tasks = [
      { dueDate: '2024-06-30', completedOn: '2024-06-20' },
      { dueDate: '2024-09-30', completedOn: '2025-01-05' },
      { dueDate: '2024-12-31', completedOn: null },
      { dueDate: '2025-03-31', completedOn: '2025-03-31' },
    ];
    expect(tasks.map((t) => completedOnTime(t))).toEqual([true, false, null, true]);
    expect(taskCompletion(tasks, 2024)).toEqual({ year: 2024, assigned: 3, completed: 2, completedOnTime: 1, rate: 33.33 });
    expect(overdue({ dueDate: '2024-12-31', completedOn: null }, '2025-01-01')).toBe(true);
    expect(completionAfterReport(null, 100, '2024-06-20')).toBe('2024-06-20');
    expect(completionAfterReport('2024-06-20', 100, '2024-07-01')).toBe('2024-06-20');
    expect(completionAfterReport(null, 80, '2024-06-20')).toBeNull();
  });
});
