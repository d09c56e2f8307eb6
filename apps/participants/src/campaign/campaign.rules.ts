import type { Milestone } from './campaign.entity';

interface Span {
  startDate: string;
  endDate: string;
}

/** Is [start, end] inside the campaign's dates? */
export function withinCampaign(campaign: Span, start: string | null, end: string): boolean {
  return (start ?? end) >= campaign.startDate && end <= campaign.endDate && (start === null || start <= end);
}

/**
 * The deadline of a milestone in a given year: the same day each year for YEARLY ones, from the
 * first due date until the campaign ends; the due date itself in its year for ONCE ones.
 */
export function dueDateIn(m: Pick<Milestone, 'dueDate' | 'recurrence'>, campaign: Span, year: number): string | null {
  const firstYear = Number(m.dueDate.slice(0, 4));
  if (m.recurrence === 'ONCE') return firstYear === year ? m.dueDate : null;
  if (year < firstYear) return null;
  const candidate = `${String(year).padStart(4, '0')}${m.dueDate.slice(4)}`;
  // 29 February in a year that has none falls on 28 February.
  const d = new Date(`${candidate}T00:00:00Z`);
  const iso = Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== candidate ? `${year}-02-28` : candidate;
  return iso <= campaign.endDate ? iso : null;
}

/**
 * The date the structure of expected units is read at when none is asked: today clamped into the campaign. A jurisdiction
 * that ended before then does not pull the date back: its area is carried on by its units' successors (OrgUnitService.areaOn).
 */
export function defaultAsOf(campaign: Span, today: string): string {
  if (today > campaign.endDate) return campaign.endDate;
  if (today < campaign.startDate) return campaign.startDate;
  return today;
}
