// How numbers, money and dates read in Vietnamese: dd/mm/yyyy, dot thousands, comma decimals.
import dayjs from 'dayjs';
import 'dayjs/locale/vi';

dayjs.locale('vi');

const integer = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2, minimumFractionDigits: 0 });

/** 1234567 → "1.234.567". */
export function formatInteger(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : integer.format(n);
}

/** 87.456 → "87,46". */
export function formatNumber(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : decimal.format(n);
}

/** 85.5 (already a percentage) → "85,5%". */
export function formatPercent(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : `${percent.format(n)}%`;
}

/** 1410000 → "1.410.000 đồng". */
export function formatMoney(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : `${integer.format(n)} đồng`;
}

/** "2025-12-10" or an ISO time → "10/12/2025". */
export function formatDate(d: string | null | undefined): string {
  return d ? dayjs(d).format('DD/MM/YYYY') : '—';
}

/** An ISO time → "14:05 10/12/2025". */
export function formatDateTime(d: string | null | undefined): string {
  return d ? dayjs(d).format('HH:mm DD/MM/YYYY') : '—';
}

/** Whole days from today to a date (negative when past). */
export function daysUntil(d: string, today = dayjs()): number {
  return dayjs(d).startOf('day').diff(today.startOf('day'), 'day');
}

/** "còn 5 ngày" / "hôm nay" / "quá hạn 3 ngày". */
export function describeDaysLeft(days: number): string {
  if (days > 0) return `còn ${days} ngày`;
  if (days === 0) return 'hạn chót hôm nay';
  return `quá hạn ${-days} ngày`;
}

/** Today as YYYY-MM-DD in the browser's time zone. */
export function todayIso(): string {
  return dayjs().format('YYYY-MM-DD');
}

export { dayjs };
