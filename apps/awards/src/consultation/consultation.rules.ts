import { formatVietnameseDate } from '@thidua/platform';

/** When the public consultation is held (the campaign's rules): before the council, or before the decision. */
export type ConsultationStageValue = 'BEFORE_COUNCIL' | 'BEFORE_DECISION';

/** A consultation's state on a day: not yet begun, open for comments, ended. */
export const CONSULTATION_STATUSES = ['UPCOMING', 'OPEN', 'ENDED'] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];

/** A comment (góp ý) or an objection (phản ánh: the nominee should not be awarded, and why). */
export const COMMENT_KINDS = ['COMMENT', 'OBJECTION'] as const;
export type CommentKind = (typeof COMMENT_KINDS)[number];

/** Comments one contact may send in an hour (the gateway limits each IP address besides). */
export const COMMENTS_PER_CONTACT_PER_HOUR = 5;

/** The longest period a consultation may run, in days (a typo of a year should not hold a nomination for months). */
export const MAX_CONSULTATION_DAYS = 120;

/** The day `days` after an ISO date. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Both ends are days of publication: open from `startsOn` through `endsOn`, ended the day after. */
export function consultationStatus(c: { startsOn: string; endsOn: string }, today: string): ConsultationStatus {
  if (today < c.startsOn) return 'UPCOMING';
  return today <= c.endsOn ? 'OPEN' : 'ENDED';
}

/**
 * The period of a new consultation: it starts today or later and lasts at least the campaign's days (the end, when
 * not given, is the start plus those days). Returns the end, or why the dates are refused.
 */
export function consultationPeriod(startsOn: string, endsOn: string | null | undefined, days: number, today: string): { endsOn: string } | { problem: string } {
  if (startsOn < today) return { problem: `Ngày bắt đầu công khai (${formatVietnameseDate(startsOn)}) không được trước ngày hôm nay (${formatVietnameseDate(today)}).` };
  const minimum = addDays(startsOn, days);
  const end = endsOn ?? minimum;
  if (end < minimum) return { problem: `Phong trào quy định công khai ${days} ngày: ngày kết thúc phải từ ${formatVietnameseDate(minimum)} trở đi.` };
  if (end > addDays(startsOn, MAX_CONSULTATION_DAYS)) return { problem: `Thời gian công khai không quá ${MAX_CONSULTATION_DAYS} ngày.` };
  return { endsOn: end };
}

/** The nomination status a consultation of this stage takes nominations in: appraised by Nội vụ, or recommended by the council. */
export function statusForStage(stage: ConsultationStageValue): 'APPRAISED' | 'RECOMMENDED' {
  return stage === 'BEFORE_COUNCIL' ? 'APPRAISED' : 'RECOMMENDED';
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;
/** Vietnamese numbers: 0 or +84 then 9 digits (mobile 03x–09x, landline 02x), or 10 digits for old landlines. */
const PHONE = /^0\d{9,10}$/;

/**
 * A contact as its author typed it, checked: an e-mail address or a Vietnamese phone number. Returns the key comments
 * are counted by (the e-mail in lower case; the phone's digits from 0), or null when it is neither.
 */
export function contactKey(contact: string): string | null {
  const c = contact.trim();
  if (c.includes('@')) return EMAIL.test(c) && c.length <= 254 ? c.toLowerCase() : null;
  if (!/^[+\d\s.()-]+$/.test(c)) return null;
  const digits = c.replace(/[\s.()-]/g, '').replace(/^\+84/, '0').replace(/^84(?=\d{9,10}$)/, '0');
  return PHONE.test(digits) ? digits : null;
}

/** Counts of a nomination's comments, for the record and the checks. */
export interface CommentCounts {
  comments: number;
  objections: number;
  unanswered: number;
  unansweredObjections: number;
}

export function countComments(list: ReadonlyArray<{ kind: CommentKind; answer: string | null }>): CommentCounts {
  return {
    comments: list.length,
    objections: list.filter((c) => c.kind === 'OBJECTION').length,
    unanswered: list.filter((c) => c.answer === null).length,
    unansweredObjections: list.filter((c) => c.kind === 'OBJECTION' && c.answer === null).length,
  };
}

/**
 * What keeps a nomination from the next step (the council, or the decision on `date`): a consultation still running
 * or ended on or after that day, or an objection not answered. Null when nothing does.
 */
export function consultationBlock(
  c: { startsOn: string; endsOn: string },
  counts: CommentCounts,
  date: string,
  today: string,
): { reason: 'NOT_ENDED' | 'OBJECTION_UNANSWERED'; text: string } | null {
  if (consultationStatus(c, today) !== 'ENDED' || c.endsOn >= date) {
    return { reason: 'NOT_ENDED', text: `việc công khai, lấy ý kiến từ ngày ${formatVietnameseDate(c.startsOn)} đến ngày ${formatVietnameseDate(c.endsOn)} chưa kết thúc trước ngày ${formatVietnameseDate(date)}` };
  }
  if (counts.unansweredObjections) return { reason: 'OBJECTION_UNANSWERED', text: `còn ${counts.unansweredObjections} ý kiến phản ánh chưa được trả lời` };
  return null;
}

/**
 * The consultation as the council's minutes record it, one sentence per consultation, e.g. "Đã công khai danh sách từ
 * ngày 01/12/2026 đến ngày 06/12/2026 trên Cổng thông tin; nhận 2 ý kiến (1 phản ánh); Thường trực Hội đồng đã trả lời đầy đủ."
 */
export function summaryLine(c: { startsOn: string; endsOn: string }, counts: CommentCounts): string {
  const received = counts.comments
    ? `nhận ${counts.comments} ý kiến${counts.objections ? ` (${counts.objections} phản ánh)` : ''}; ${counts.unanswered ? `còn ${counts.unanswered} ý kiến chưa được trả lời` : 'Thường trực Hội đồng đã trả lời đầy đủ'}`
    : 'không nhận được ý kiến nào';
  return `Đã công khai danh sách từ ngày ${formatVietnameseDate(c.startsOn)} đến ngày ${formatVietnameseDate(c.endsOn)} trên Cổng thông tin; ${received}.`;
}
