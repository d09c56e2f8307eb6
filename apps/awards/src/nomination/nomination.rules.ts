import { vietnameseNumber } from '@thidua/documents';
import { canReadUnit, formatVietnameseDate, type Viewer } from '@thidua/platform';
import type { Nomination, NominationStatus } from './nomination.entity';


/** The day before an ISO date (the last day of an authority that ends on `validTo`). */
const dayBefore = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** Who may act on a nomination in which status, and where it goes (R14). */
export const WORKFLOW = {
  submit: { from: ['DRAFT', 'RETURNED'], to: 'SUBMITTED' },
  // Where the campaign requires it (ĐN), the lead agency compiles and reviews a submitted dossier and forwards it to
  // Nội vụ, or returns it; Nội vụ then appraises or returns only forwarded ones (NominationService.assertBeforeNoiVu).
  forward: { from: ['SUBMITTED'], to: 'FORWARDED' },
  return: { from: ['SUBMITTED', 'FORWARDED'], to: 'RETURNED' },
  appraise: { from: ['SUBMITTED', 'FORWARDED'], to: 'APPRAISED' },
  toCouncil: { from: ['APPRAISED'], to: 'IN_COUNCIL' },
  pass: { from: ['IN_COUNCIL'], to: 'RECOMMENDED' },
  fail: { from: ['IN_COUNCIL'], to: 'REJECTED' },
  decide: { from: ['RECOMMENDED'], to: 'DECIDED' },
  reject: { from: ['SUBMITTED', 'FORWARDED', 'APPRAISED', 'RECOMMENDED'], to: 'REJECTED' },
} as const satisfies Record<string, { from: readonly NominationStatus[]; to: NominationStatus }>;
export type WorkflowAction = keyof typeof WORKFLOW;

/** A nomination is seen by its proposing unit, its candidate unit and the roles that read every unit. */
export function canReadNomination(viewer: Viewer, n: Pick<Nomination, 'proposingUnitId' | 'candidateUnitId'>): boolean {
  return canReadUnit(viewer, n.proposingUnitId) || (!!n.candidateUnitId && canReadUnit(viewer, n.candidateUnitId));
}

/** The proposing unit may edit the nomination and its dossier only while it is a draft or returned for correction. */
export const EDITABLE_STATUSES: readonly NominationStatus[] = ['DRAFT', 'RETURNED'];

/** How many places of a quota the occasion's nominations take (the proposing unit's, for the form or for all). */
export function quotaUsed(q: { proposingUnitId: string; formKey: string }, occasionNominations: Array<{ proposingUnitId: string; formId: string; status: NominationStatus }>): number {
  return occasionNominations.filter((n) => n.proposingUnitId === q.proposingUnitId && (q.formKey === '' || n.formId === q.formKey) && holdsPlace(n.status)).length;
}

/** Nominations that hold a place: submitted at some point and not rejected (quotas, one achievement one award). */
export function holdsPlace(status: NominationStatus): boolean {
  return status !== 'DRAFT' && status !== 'REJECTED';
}

export type ClauseResult = 'PASS' | 'FAIL' | 'NOT_APPLICABLE';

/** One clause of eligibility: what it checks, what it rests on, and the outcome (R12). */
export interface Clause {
  code: string;
  /** What the clause requires, in Vietnamese. */
  requirement: string;
  /** The fact it rests on and where that fact comes from. */
  basis: string;
  result: ClauseResult;
}

/** The facts an eligibility decision needs, gathered from the graph and this service. */
export interface EligibilityFacts {
  candidateKind: 'UNIT' | 'PERSON';
  /** The candidate unit's kind: enterprises are not scored against the index (BMT III.1.c). */
  unitKind: string | null;
  nominationDate: string;
  year: number;
  form: { name: string; authorityTitle: string; forCollectives: boolean; forIndividuals: boolean; validFrom: string | null; validTo: string | null };
  /** Instrument in force on the nomination date: its number and whether pending proceedings block awards. */
  decree: { number: string; blocksPendingProceedings: boolean } | null;
  registered: { status: string } | null;
  /** Published score of the year under the campaign's rule; null when none is published. */
  score: { total: number; maxPoints: number; percent: number; classification: string; passes: boolean } | null;
  /** The campaign's rule as text, e.g. "trên 70% điểm". */
  ruleText: string;
  tasks: { assigned: number; completedOnTime: number; rate: number } | null;
  /** The year's unit report (reporting service): sent, on time, against which deadline; null when unknown. */
  reporting: { submitted: boolean; onTime: boolean; deadline: string | null; submittedOn: string | null } | null;
  pendingProceedings: boolean;
  /** Other live nominations of the same candidate for the same occasion. */
  sameAchievementElsewhere: number;
  /** Initiatives cited that already support another live nomination. */
  initiativesUsedElsewhere: string[];
}

/** Every clause, explained; eligible when none fails. */
export function eligibility(f: EligibilityFacts): { eligible: boolean; clauses: Clause[] } {
  const clauses: Clause[] = [];
  const add = (code: string, requirement: string, basis: string, result: ClauseResult) => clauses.push({ code, requirement, basis, result });
  const on = formatVietnameseDate(f.nominationDate);

  const available = (f.form.validFrom === null || f.form.validFrom <= f.nominationDate) && (f.form.validTo === null || f.nominationDate < f.form.validTo);
  add(
    'AUTHORITY_IN_FORCE',
    `${f.form.authorityTitle} còn thẩm quyền tặng ${f.form.name} vào ngày đề nghị.`,
    f.form.validTo ? `${f.form.authorityTitle} có thẩm quyền đến hết ngày ${formatVietnameseDate(dayBefore(f.form.validTo))}; ngày đề nghị ${on}.` : `Thẩm quyền không có thời hạn kết thúc; ngày đề nghị ${on}.`,
    available ? 'PASS' : 'FAIL',
  );
  const forKind = f.candidateKind === 'UNIT' ? f.form.forCollectives : f.form.forIndividuals;
  const forWhom = f.form.forCollectives && f.form.forIndividuals ? 'tập thể và cá nhân' : f.form.forCollectives ? 'tập thể' : 'cá nhân';
  add('FORM_FOR_CANDIDATE', `${f.form.name} dành cho ${f.candidateKind === 'UNIT' ? 'tập thể' : 'cá nhân'}.`, `Phong trào tặng ${f.form.name} cho ${forWhom}; đối tượng được đề nghị là ${f.candidateKind === 'UNIT' ? 'tập thể' : 'cá nhân'}.`, forKind ? 'PASS' : 'FAIL');

  if (f.candidateKind === 'UNIT') {
    add(
      'REGISTERED',
      'Có đăng ký thi đua thực hiện phong trào (BMT III.1; ĐN IV.1).',
      f.registered ? (f.registered.status === 'ACCEPTED' ? 'Đã đăng ký thi đua; đăng ký đã được chấp nhận.' : 'Đã gửi đăng ký thi đua.') : 'Chưa có đăng ký thi đua đã gửi.',
      f.registered ? 'PASS' : 'FAIL',
    );
    const scored = f.unitKind !== 'ENTERPRISE';
    add(
      'SCORE_THRESHOLD',
      `Kết quả chỉ số chuyển đổi số năm ${f.year} đạt yêu cầu của phong trào (${f.ruleText}).`,
      !scored
        ? 'Doanh nghiệp được xét theo kết quả ứng dụng công nghệ số, không chấm theo bộ chỉ số (BMT III.1.c).'
        : f.score
          ? `Điểm thẩm định đã công bố năm ${f.year}: ${vietnameseNumber(f.score.total)}/${vietnameseNumber(f.score.maxPoints)} điểm (${vietnameseNumber(f.score.percent)}%), xếp loại «${f.score.classification}».`
          : `Chưa có điểm thẩm định được công bố năm ${f.year}.`,
      !scored ? 'NOT_APPLICABLE' : f.score?.passes ? 'PASS' : 'FAIL',
    );
    add(
      'TASKS_ON_TIME',
      `Hoàn thành có chất lượng, đúng thời hạn các nhiệm vụ được giao năm ${f.year}.`,
      f.tasks && f.tasks.assigned
        ? `${f.tasks.completedOnTime}/${f.tasks.assigned} nhiệm vụ hoàn thành đúng hạn (${vietnameseNumber(f.tasks.rate)}%).`
        : `Không có nhiệm vụ được giao đến hạn trong năm ${f.year}.`,
      !f.tasks || !f.tasks.assigned ? 'NOT_APPLICABLE' : f.tasks.completedOnTime === f.tasks.assigned ? 'PASS' : 'FAIL',
    );
    const r = f.reporting;
    const due = r?.deadline ? formatVietnameseDate(r.deadline) : null;
    const [basis, result]: [string, ClauseResult] = !r
      ? ['Chưa có thông tin về báo cáo kết quả năm của đơn vị.', 'NOT_APPLICABLE']
      : r.submitted
        ? r.onTime
          ? [`Báo cáo kết quả năm ${f.year} gửi ngày ${formatVietnameseDate(r.submittedOn ?? '')}${due ? `, trong hạn ${due}` : ''}.`, 'PASS']
          : [`Báo cáo kết quả năm ${f.year} gửi muộn ngày ${formatVietnameseDate(r.submittedOn ?? '')}, hạn ${due}.`, 'FAIL']
        : r.deadline && r.deadline < f.nominationDate
          ? [`Chưa gửi báo cáo kết quả năm ${f.year}, hạn ${due}.`, 'FAIL']
          : [r.deadline ? `Chưa đến hạn gửi báo cáo kết quả năm ${f.year} (${due}).` : `Phong trào không đặt hạn báo cáo kết quả năm ${f.year}.`, 'NOT_APPLICABLE'];
    add('REPORTS_ON_TIME', `Thực hiện tốt chế độ thông tin, báo cáo: gửi báo cáo kết quả năm ${f.year} đúng hạn.`, basis, result);
  }

  add(
    'ONE_ACHIEVEMENT_ONE_AWARD',
    'Một thành tích chỉ được đề nghị khen thưởng một lần (Luật Thi đua, khen thưởng 2022).',
    f.sameAchievementElsewhere ? `Đối tượng đã có ${f.sameAchievementElsewhere} đề nghị khác trong cùng đợt.` : 'Không có đề nghị khác cho đối tượng trong cùng đợt.',
    f.sameAchievementElsewhere ? 'FAIL' : 'PASS',
  );
  add(
    'INITIATIVE_ONCE',
    'Mỗi sáng kiến chỉ làm căn cứ cho một hình thức khen thưởng (CV 5007/BNV-TĐKT).',
    f.initiativesUsedElsewhere.length ? `Sáng kiến đã làm căn cứ cho đề nghị khác: ${f.initiativesUsedElsewhere.join(', ')}.` : 'Các sáng kiến nêu chưa làm căn cứ cho đề nghị khác.',
    f.initiativesUsedElsewhere.length ? 'FAIL' : 'PASS',
  );
  add(
    'NO_PENDING_PROCEEDINGS',
    'Không đang bị xem xét kỷ luật, thanh tra, giải quyết khiếu nại (NĐ 152/2025/NĐ-CP, từ 01/7/2025).',
    f.decree
      ? f.decree.blocksPendingProceedings
        ? `Văn bản có hiệu lực ngày ${on}: ${f.decree.number}; đơn vị đề nghị ${f.pendingProceedings ? 'khai có' : 'khai không có'} vụ việc đang xem xét.`
        : `Văn bản có hiệu lực ngày ${on} (${f.decree.number}) chưa đặt điều kiện này.`
      : `Không xác định được văn bản có hiệu lực ngày ${on}.`,
    f.decree?.blocksPendingProceedings ? (f.pendingProceedings ? 'FAIL' : 'PASS') : 'NOT_APPLICABLE',
  );
  return { eligible: clauses.every((c) => c.result !== 'FAIL'), clauses };
}
