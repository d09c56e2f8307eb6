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

/** Money as a Vietnamese document writes it: "4.680.000" (đồng, no decimals). */
export const formatMoney = (n: number): string => Math.round(n).toLocaleString('vi-VN');

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];

/** A group of three digits read aloud; `full` when a higher group precedes it ("không trăm linh năm"). */
function readGroup(n: number, full: boolean): string {
  const [h, t, u] = [Math.floor(n / 100), Math.floor(n / 10) % 10, n % 10];
  const words: string[] = [];
  if (h > 0 || full) words.push(DIGITS[h] as string, 'trăm');
  if (t === 0) {
    if (u > 0 && words.length) words.push('linh');
  } else if (t === 1) words.push('mười');
  else words.push(DIGITS[t] as string, 'mươi');
  if (u > 0) words.push(u === 1 && t >= 2 ? 'mốt' : u === 5 && t >= 1 ? 'lăm' : (DIGITS[u] as string));
  return words.join(' ');
}

/** Below a thousand million, read by groups of three (triệu, nghìn, units); zero groups are skipped. */
function readBelowBillion(n: number, full: boolean): string {
  const groups = [Math.floor(n / 1_000_000), Math.floor(n / 1_000) % 1_000, n % 1_000];
  const units = ['triệu', 'nghìn', ''];
  const words: string[] = [];
  groups.forEach((g, i) => {
    if (g === 0) return;
    words.push(readGroup(g, full || words.length > 0), units[i] as string);
  });
  return words.filter(Boolean).join(' ');
}

/**
 * An amount in đồng written out as a Vietnamese decision writes it ("Bốn triệu sáu trăm tám mươi nghìn đồng"):
 * groups of three digits (trăm, mươi; "linh" for a missing ten, "mốt", "lăm"), tỷ repeating above a thousand million.
 */
export function amountInWords(amount: number): string {
  const n = Math.round(Math.abs(amount));
  if (!Number.isSafeInteger(n)) throw new RangeError('amount too large to write out');
  const read = (x: number, full: boolean): string => {
    const billions = Math.floor(x / 1_000_000_000);
    const rest = x % 1_000_000_000;
    if (!billions) return readBelowBillion(rest, full);
    return [read(billions, full), 'tỷ', rest ? readBelowBillion(rest, true) : ''].filter(Boolean).join(' ');
  };
  const words = n === 0 ? 'không' : read(n, false);
  const text = `${amount < 0 ? 'âm ' : ''}${words} đồng`;
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

/** A reward fund as the check reads it. */
export interface FundFigures {
  amount: number;
  used: number;
}

export interface FundCheck {
  /** What is left after this decision (null: no fund set). */
  remainingAfter: number | null;
  exceeds: boolean;
  /** A sentence for Nội vụ, or null when nothing needs saying. */
  warning: string | null;
}

/**
 * The decision's bonuses counted against the fund they come from: what would remain and, when the total would go
 * over it, a warning with the figures. Without a fund set there is nothing to check, and the preview says so.
 */
export function checkFund(fund: (FundFigures & { label: string }) | null, total: number): FundCheck {
  if (!fund) return { remainingAfter: null, exceeds: false, warning: 'Chưa đặt quỹ khen thưởng cho năm, đợt này: tổng tiền thưởng chưa được đối chiếu với quỹ.' };
  const remaining = fund.amount - fund.used;
  const remainingAfter = remaining - total;
  if (remainingAfter >= 0) return { remainingAfter, exceeds: false, warning: null };
  return {
    remainingAfter,
    exceeds: true,
    warning: `Tổng tiền thưởng ${formatMoney(total)} đồng vượt quỹ khen thưởng ${fund.label} (${formatMoney(fund.amount)} đồng, đã dùng ${formatMoney(fund.used)} đồng, còn lại ${formatMoney(remaining)} đồng) ${formatMoney(-remainingAfter)} đồng.`,
  };
}

/**
 * The fund a decision of an occasion counts against: the occasion's own, else the year's. Each decision counts against
 * one fund only, so a year's fund counts the decisions of that year's occasions that have no fund of their own.
 */
export function governingFund<F extends { year: number; occasionId: string | null }>(funds: F[], occasion: { id: string; year: number }): F | null {
  return funds.find((f) => f.occasionId === occasion.id) ?? funds.find((f) => f.occasionId === null && f.year === occasion.year) ?? null;
}

/** Bonuses counted against a fund: its occasion's decisions, or (a year's fund) those of the year's occasions without a fund. */
export function fundUsed(
  fund: { year: number; occasionId: string | null },
  funds: Array<{ year: number; occasionId: string | null }>,
  occasions: Array<{ id: string; year: number }>,
  decisions: Array<{ occasionId: string | null; totalBonus: number }>,
): number {
  const counted = new Set(
    fund.occasionId ? [fund.occasionId] : occasions.filter((o) => o.year === fund.year && !funds.some((f) => f.occasionId === o.id)).map((o) => o.id),
  );
  return decisions.reduce((sum, d) => sum + (d.occasionId && counted.has(d.occasionId) ? d.totalBonus : 0), 0);
}

/** "UBND tỉnh Đắk Lắk" → "Ủy ban nhân dân tỉnh Đắk Lắk". */
export const fullBodyName = (name: string): string => name.replace(/^UBND\b/u, 'Ủy ban nhân dân');

/** The head of an agency, as Điều 3 names who executes: Giám đốc Sở …, Trưởng phòng …, Chánh Văn phòng …. */
export function headOf(agency: string): string {
  if (/^Sở\s/u.test(agency)) return `Giám đốc ${agency}`;
  if (/^Phòng\s/u.test(agency)) return `Trưởng ${agency.charAt(0).toLocaleLowerCase('vi')}${agency.slice(1)}`;
  if (/^Văn phòng\s/u.test(agency)) return `Chánh ${agency}`;
  if (/^Ban\s/u.test(agency)) return `Trưởng ${agency.charAt(0).toLocaleLowerCase('vi')}${agency.slice(1)}`;
  return `Thủ trưởng ${agency}`;
}

/** The position over the signature: "CHỦ TỊCH", or "KT. CHỦ TỊCH" over "PHÓ CHỦ TỊCH" for a vice-chair signing for the chair. */
export function signaturePosition(signerTitle: string): string {
  const t = signerTitle.trim();
  if (/^KT\.?\s/iu.test(t) || /^Phó Chủ tịch/iu.test(t)) return 'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH';
  if (/^Chủ tịch/iu.test(t)) return 'CHỦ TỊCH';
  return t.toLocaleUpperCase('vi');
}

/**
 * The laws a Chủ tịch UBND's decision rests on, by the decision's date: the law on local government in force (the
 * 2015 law with its 2019 amendments, the 2025 law from 1/7/2025) and the law on emulation and commendation.
 */
export function lawBases(date: string): string[] {
  const localGovernment =
    date >= '2025-07-01'
      ? 'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;'
      : 'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;';
  const emulation =
    date >= '2024-01-01'
      ? 'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;'
      : 'Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng ngày 16 tháng 11 năm 2013;';
  return [localGovernment, emulation];
}

/** "Căn cứ Nghị định số 98/2023/NĐ-CP của Chính phủ quy định chi tiết …;" from the decree in force. */
export function decreeBasis(decree: { number: string; title: string }): string {
  const title = decree.title.trim().replace(/[.;]+$/u, '');
  return `Căn cứ Nghị định số ${decree.number} của Chính phủ ${title.charAt(0).toLocaleLowerCase('vi')}${title.slice(1)};`;
}

const DOCUMENT_TYPES = ['Kế hoạch', 'Quyết định', 'Nghị quyết', 'Chỉ thị', 'Công văn', 'Hướng dẫn', 'Thông báo'];

/**
 * "Căn cứ Kế hoạch số 39/KH-UBND ngày 08/3/2023 của UBND tỉnh Đắk Lắk về phát động …;" from the campaign plan the form
 * rests on (a section reference after a comma, ", mục III.3", is dropped: the decision cites the plan).
 */
export function planBasis(doc: { number: string; date?: string | null; issuer: string; title?: string | null }): string {
  const title = (doc.title ?? '').replace(/,\s*mục\s+[\w.]+\s*$/u, '').trim();
  const type = DOCUMENT_TYPES.find((t) => title.startsWith(t));
  const rest = type ? title.slice(type.length).trim() : title;
  const date = doc.date ? ` ngày ${formatVietnameseDate(doc.date)}` : '';
  const about = rest ? ` về ${rest.charAt(0).toLocaleLowerCase('vi')}${rest.slice(1)}` : '';
  // A plan whose number the data does not know ("…/KH-UBND") is cited without one, never with a placeholder.
  const number = /…|\.\.\./.test(doc.number) ? '' : ` số ${doc.number}`;
  return `Căn cứ ${type ?? 'văn bản'}${number}${date} của ${doc.issuer}${about};`;
}

/** "2 tập thể và 3 cá nhân", "1 cá nhân". */
export function awardeeCount(collectives: number, individuals: number): string {
  const parts = [collectives ? `${collectives} tập thể` : '', individuals ? `${individuals} cá nhân` : ''].filter(Boolean);
  return parts.join(' và ');
}

/** A unit with the units above it, as the graph gives them. */
export type UnitChain = { name: string; kind: string; parent?: UnitChain | null } | null | undefined;
const chainOf = (u: UnitChain): Array<{ name: string; kind: string }> => (u ? [{ name: u.name, kind: u.kind }, ...chainOf(u.parent)] : []);
const BODY_KINDS: Record<string, string[]> = { PROVINCE_CHAIR: ['PROVINCE_PC'], CITY_CHAIR: ['CITY_PC', 'DISTRICT_PC'], COMMUNE_CHAIR: ['WARD_PC', 'COMMUNE_PC'] };

/**
 * The body whose chairman confers the form, as it stood on the decision's date: the province's people's committee at or
 * above the campaign's issuer (then its jurisdiction) for a province chairman's Bằng khen, the city's for its Giấy khen,
 * the proposing ward's or commune's for theirs; the form's own wording ("Chủ tịch UBND tỉnh Đắk Lắk" → "UBND tỉnh Đắk
 * Lắk") when none is found.
 */
export function issuingBody(form: { authority: string; authorityTitle: string }, bodies: { issuer: UnitChain; jurisdiction: UnitChain; proposers: UnitChain[] }): string {
  const kinds = BODY_KINDS[form.authority] ?? [];
  const candidates = form.authority === 'COMMUNE_CHAIR' ? bodies.proposers.flatMap(chainOf) : [...chainOf(bodies.issuer), ...chainOf(bodies.jurisdiction)];
  return candidates.find((u) => kinds.includes(u.kind))?.name ?? form.authorityTitle.replace(/^Chủ tịch\s+/iu, '');
}
