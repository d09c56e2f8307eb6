import { eligibility, type EligibilityFacts } from '../nomination/nomination.rules';

const base: EligibilityFacts = {
  candidateKind: 'UNIT',
  unitKind: 'WARD_PC',
  nominationDate: '2025-03-01',
  year: 2024,
  form: { name: 'Giấy khen của Chủ tịch UBND thành phố', authorityTitle: 'Chủ tịch UBND thành phố Buôn Ma Thuột', forCollectives: true, forIndividuals: true, validFrom: null, validTo: '2025-07-01' },
  decree: { number: '98/2023/NĐ-CP', blocksPendingProceedings: false },
  registered: { status: 'ACCEPTED' },
  score: { total: 85, maxPoints: 100, percent: 85, classification: 'Đạt (trên 70% điểm)', passes: true },
  ruleText: 'trên 70% điểm',
  tasks: { assigned: 2, completedOnTime: 2, rate: 100 },
  reporting: { submitted: true, onTime: true, deadline: '2024-12-10', submittedOn: '2024-12-05' },
  pendingProceedings: false,
  sameAchievementElsewhere: 0,
  initiativesUsedElsewhere: [],
};

const result = (f: EligibilityFacts, code: string) => eligibility(f).clauses.find((c) => c.code === code)?.result;

describe('eligibility, clause by clause', () => {
  it('is eligible when every clause passes or does not apply, and says what each rests on', () => {
    const e = eligibility(base);
    expect(e.eligible).toBe(true);
    expect(e.clauses.map((c) => [c.code, c.result])).toEqual([
      ['AUTHORITY_IN_FORCE', 'PASS'],
      ['FORM_FOR_CANDIDATE', 'PASS'],
      ['REGISTERED', 'PASS'],
      ['SCORE_THRESHOLD', 'PASS'],
      ['TASKS_ON_TIME', 'PASS'],
      ['REPORTS_ON_TIME', 'PASS'],
      ['ONE_ACHIEVEMENT_ONE_AWARD', 'PASS'],
      ['INITIATIVE_ONCE', 'PASS'],
      ['NO_PENDING_PROCEEDINGS', 'NOT_APPLICABLE'],
    ]);
    expect(e.clauses.find((c) => c.code === 'SCORE_THRESHOLD')?.basis).toBe('Điểm thẩm định đã công bố năm 2024: 85/100 điểm (85%), xếp loại «Đạt (trên 70% điểm)».');
  });

  it('names the clause a candidate fails', () => {
    expect(result({ ...base, score: { ...base.score!, total: 60, percent: 60, passes: false, classification: 'Chưa đạt' } }, 'SCORE_THRESHOLD')).toBe('FAIL');
    expect(result({ ...base, score: null }, 'SCORE_THRESHOLD')).toBe('FAIL');
    expect(result({ ...base, unitKind: 'ENTERPRISE', score: null }, 'SCORE_THRESHOLD')).toBe('NOT_APPLICABLE');
    expect(result({ ...base, registered: null }, 'REGISTERED')).toBe('FAIL');
    expect(result({ ...base, tasks: { assigned: 3, completedOnTime: 2, rate: 66.67 } }, 'TASKS_ON_TIME')).toBe('FAIL');
    expect(result({ ...base, sameAchievementElsewhere: 1 }, 'ONE_ACHIEVEMENT_ONE_AWARD')).toBe('FAIL');
    expect(result({ ...base, initiativesUsedElsewhere: ['Bản đồ số'] }, 'INITIATIVE_ONCE')).toBe('FAIL');
  });

  it('applies the law in force on the nomination date: no city-chair Giấy khen and no pending proceedings after 1/7/2025', () => {
    const later = { ...base, nominationDate: '2025-07-15', decree: { number: '152/2025/NĐ-CP', blocksPendingProceedings: true } };
    expect(result(later, 'AUTHORITY_IN_FORCE')).toBe('FAIL');
    expect(result({ ...later, pendingProceedings: true }, 'NO_PENDING_PROCEEDINGS')).toBe('FAIL');
    expect(result(later, 'NO_PENDING_PROCEEDINGS')).toBe('PASS');
    expect(eligibility(later).eligible).toBe(false);
  });

  it('judges the reporting record: on time passes, late or missing after the deadline fails, before it does not apply', () => {
    const clause = (reporting: EligibilityFacts['reporting']) => eligibility({ ...base, reporting }).clauses.find((c) => c.code === 'REPORTS_ON_TIME');
    expect(clause(base.reporting)).toMatchObject({ result: 'PASS', basis: 'Báo cáo kết quả năm 2024 gửi ngày 05/12/2024, trong hạn 10/12/2024.' });
    expect(clause({ submitted: true, onTime: false, deadline: '2024-12-10', submittedOn: '2024-12-20' })).toMatchObject({ result: 'FAIL', basis: 'Báo cáo kết quả năm 2024 gửi muộn ngày 20/12/2024, hạn 10/12/2024.' });
    expect(clause({ submitted: false, onTime: false, deadline: '2024-12-10', submittedOn: null })).toMatchObject({ result: 'FAIL', basis: 'Chưa gửi báo cáo kết quả năm 2024, hạn 10/12/2024.' });
    expect(clause({ submitted: false, onTime: false, deadline: '2025-12-10', submittedOn: null })?.result).toBe('NOT_APPLICABLE');
    expect(clause(null)?.result).toBe('NOT_APPLICABLE');
  });

  it('says what each clause rests on in plain Vietnamese: no service names, figures as Vietnamese write them', () => {
    const e = eligibility({ ...base, score: { total: 96.4, maxPoints: 100, percent: 96.4, classification: 'Tốt', passes: true }, tasks: { assigned: 3, completedOnTime: 3, rate: 100 } });
    const texts = e.clauses.flatMap((c) => [c.requirement, c.basis]);
    for (const t of texts) expect(t).not.toMatch(/dịch vụ|scoring|reporting|participants|\d\.\d/);
    const basis = (code: string) => e.clauses.find((c) => c.code === code)?.basis;
    expect(basis('SCORE_THRESHOLD')).toBe('Điểm thẩm định đã công bố năm 2024: 96,4/100 điểm (96,4%), xếp loại «Tốt».');
    expect(basis('AUTHORITY_IN_FORCE')).toBe('Chủ tịch UBND thành phố Buôn Ma Thuột có thẩm quyền đến hết ngày 30/06/2025; ngày đề nghị 01/03/2025.');
    expect(basis('FORM_FOR_CANDIDATE')).toBe('Phong trào tặng Giấy khen của Chủ tịch UBND thành phố cho tập thể và cá nhân; đối tượng được đề nghị là tập thể.');
    expect(basis('REGISTERED')).toBe('Đã đăng ký thi đua; đăng ký đã được chấp nhận.');
  });
});
