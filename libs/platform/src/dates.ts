/** Today's date in Vietnam (Asia/Ho_Chi_Minh) as YYYY-MM-DD: deadlines are Vietnamese calendar days. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** dd/mm/yyyy, as Vietnamese documents write dates. */
export function formatVietnameseDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** Is d inside [from, to) where null means unbounded? */
export function validOn(range: { validFrom: string | null; validTo: string | null }, d: string): boolean {
  return (range.validFrom === null || range.validFrom <= d) && (range.validTo === null || d < range.validTo);
}

/** The day before an ISO date. */
export function dayBefore(iso: string): string {
  const t = new Date(`${iso}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() - 1);
  return t.toISOString().slice(0, 10);
}
