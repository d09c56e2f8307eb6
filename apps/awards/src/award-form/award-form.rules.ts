import { validOn } from '@thidua/platform';

/** May the form's authority confer it on this date? (A district-level city's chairman confers nothing after 1/7/2025.) */
export function formAvailableOn(form: { validFrom: string | null; validTo: string | null }, date: string): boolean {
  return validOn(form, date);
}

/** The legal instrument in force on a date among those of one family (the latest that began on or before it). */
export function instrumentInForce<T extends { validFrom: string; validTo: string | null }>(instruments: T[], date: string): T | null {
  return (
    instruments
      .filter((i) => i.validFrom <= date && (i.validTo === null || date <= i.validTo))
      .sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1))[0] ?? null
  );
}
