import { Typography } from 'antd';
import type { MilestoneKind, Recurrence } from '../../gql/graphql';
import { daysUntil, describeDaysLeft, formatDate, todayIso } from '../../lib/format';

export interface MilestoneLike {
  kind: MilestoneKind;
  title: string;
  dueDate: string;
  recurrence: Recurrence;
  /** Asked for the year being worked on; only yearly milestones need it. */
  dueDateIn?: string | null;
}

/**
 * The deadline of a kind of work: a yearly milestone's date in the year, else the earliest one-off date (the one the
 * graph judges a unit plan "on time" against).
 */
export function deadlineOf(milestones: readonly MilestoneLike[], kind: MilestoneKind): { date: string; title: string } | null {
  const of = milestones.filter((m) => m.kind === kind);
  const yearly = of.filter((m) => m.recurrence === 'YEARLY' && m.dueDateIn).sort((a, b) => (a.dueDateIn as string).localeCompare(b.dueDateIn as string))[0];
  if (yearly) return { date: yearly.dueDateIn as string, title: yearly.title };
  const once = of.filter((m) => m.recurrence === 'ONCE').sort((a, b) => a.dueDate.localeCompare(b.dueDate))[0];
  return once ? { date: once.dueDate, title: once.title } : null;
}

/** The year a unit works on in a campaign: this year while the campaign runs, else its nearest year. */
export function workYear(c: { startDate: string; endDate: string }, today = todayIso()): number {
  const year = Number(today.slice(0, 4));
  return Math.min(Math.max(year, Number(c.startDate.slice(0, 4))), Number(c.endDate.slice(0, 4)));
}

/** The campaign's years up to this one, newest first (the years a unit can have worked on). */
export function yearsSoFar(c: { startDate: string; endDate: string }, today = todayIso()): number[] {
  const years: number[] = [];
  for (let y = workYear(c, today); y >= Number(c.startDate.slice(0, 4)); y--) years.push(y);
  return years;
}

/** How a long-past deadline reads: the number of days stops meaning anything after a season. */
export function describeDeadline(date: string): string {
  const days = daysUntil(date);
  if (days < -90) return 'đã qua hạn';
  return describeDaysLeft(days);
}

/** "10/12/2026 (còn 11 ngày)": red when past and not done, orange in the last week, quiet once the work is done. */
export function DeadlineText({ date, done }: { date: string | null | undefined; done?: boolean }) {
  if (!date) return <Typography.Text type="secondary">Chưa quy định</Typography.Text>;
  if (done) return <span>{formatDate(date)}</span>;
  const days = daysUntil(date);
  const type = days < 0 ? 'danger' : days <= 7 ? 'warning' : undefined;
  return (
    <span>
      {formatDate(date)} <Typography.Text type={type}>({describeDeadline(date)})</Typography.Text>
    </span>
  );
}
