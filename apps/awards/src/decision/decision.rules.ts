import { formatVietnameseDate } from '@thidua/platform';
import type { Authority, FormKind } from '../award-form/award-form.entity';
import type { CandidateKind } from './decision.entity';

export interface BonusInputs {
  date: string;
  formKind: FormKind;
  authority: Authority;
  candidateKind: CandidateKind;
  /** The decree in force on the date. */
  decree: { code: string; number: string } | null;
  rates: Array<{ instrumentCode: string; formKind: FormKind; authority: Authority; candidateKind: CandidateKind; multiplier: number }>;
  salaries: Array<{ validFrom: string; amount: number; legalBasis: string }>;
}

export interface Bonus {
  amount: number;
  multiplier: number;
  baseSalary: number;
  basis: string;
}

const vnd = (n: number) => `${n.toLocaleString('vi-VN')} đồng`;

/**
 * Tiền thưởng = multiplier × lương cơ sở in force on the decision date, rounded up to the next ten thousand
 * đồng; null (with why) when the decree in force sets no rate for the case or no base salary is known.
 */
export function bonusFor(i: BonusInputs): { bonus: Bonus | null; explanation: string } {
  if (!i.decree) return { bonus: null, explanation: `Không xác định được nghị định có hiệu lực ngày ${formatVietnameseDate(i.date)}.` };
  const rate = i.rates.find((r) => r.instrumentCode === i.decree?.code && r.formKind === i.formKind && r.authority === i.authority && r.candidateKind === i.candidateKind);
  if (!rate) return { bonus: null, explanation: `Nghị định ${i.decree.number} chưa có hệ số tiền thưởng cho hình thức này trong hệ thống.` };
  const salary = i.salaries.filter((s) => s.validFrom <= i.date).sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1))[0];
  if (!salary) return { bonus: null, explanation: `Chưa có mức lương cơ sở áp dụng ngày ${formatVietnameseDate(i.date)}.` };
  const amount = Math.ceil((rate.multiplier * salary.amount) / 10_000 - 1e-9) * 10_000;
  const basis = `${rate.multiplier.toLocaleString('vi-VN')} × mức lương cơ sở ${vnd(salary.amount)} (${salary.legalBasis}) = ${vnd(amount)}, theo Nghị định ${i.decree.number}.`;
  return { bonus: { amount, multiplier: rate.multiplier, baseSalary: salary.amount, basis }, explanation: basis };
}
