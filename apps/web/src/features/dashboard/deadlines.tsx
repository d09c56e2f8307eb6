import { Empty, Flex, Tag, Typography } from 'antd';
import type { MilestoneKind, Recurrence } from '../../gql/graphql';
import { milestoneKindLabels } from '../../i18n/labels';
import { dayjs, daysUntil, describeDaysLeft, formatDate } from '../../lib/format';

export interface MilestoneLike {
  id: string;
  kind: MilestoneKind;
  title: string;
  dueDate: string;
  recurrence: Recurrence;
  dueDateIn: string | null;
  sourceClause?: string | null;
}

/** The deadlines that fall in a year: yearly ones on that year's date, one-off ones dated in that year. */
export function deadlinesIn<M extends MilestoneLike>(milestones: M[], year: number): Array<M & { date: string }> {
  return milestones
    .map((m) => ({ ...m, date: m.recurrence === 'YEARLY' ? m.dueDateIn : m.dueDate.startsWith(`${year}-`) ? m.dueDate : null }))
    .filter((m): m is M & { date: string } => !!m.date)
    .sort((a, b) => a.date.localeCompare(b.date));
}

function DaysTag({ date }: { date: string }) {
  const days = daysUntil(date);
  // A deadline of a year already closed is history, not an alarm.
  if (days < 0 && dayjs(date).year() < dayjs().year()) return <Tag>Đã qua</Tag>;
  return <Tag color={days < 0 ? 'red' : days <= 7 ? 'orange' : 'blue'}>{describeDaysLeft(days)}</Tag>;
}

/** The year's deadlines with the days left to each. */
export function Deadlines({ milestones, year }: { milestones: MilestoneLike[]; year: number }) {
  const items = deadlinesIn(milestones, year);
  if (!items.length) return <Empty description={`Không có mốc thời hạn nào trong năm ${year}.`} />;
  return (
    <Flex vertical gap={12} role="list">
      {items.map((m) => (
        <Flex key={m.id} gap={12} justify="space-between" align="flex-start" role="listitem" style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 10 }}>
          <div style={{ minWidth: 0 }}>
            <div>
              <strong>{formatDate(m.date)}</strong> · {milestoneKindLabels[m.kind]}
            </div>
            <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, tooltip: m.title }} style={{ margin: 0 }}>
              {m.title}
            </Typography.Paragraph>
          </div>
          <DaysTag date={m.date} />
        </Flex>
      ))}
    </Flex>
  );
}
