import { formatVietnameseDate } from '@thidua/platform';
import type { NotificationKind } from './reminder.entity';

export const DEADLINE_LABELS: Record<string, string> = {
  UNIT_PLAN_DUE: 'gửi kế hoạch phát động phong trào thi đua của đơn vị',
  UNIT_REPORT_DUE: 'gửi báo cáo kết quả thực hiện phong trào hằng năm',
  SELF_ASSESSMENT_DUE: 'gửi kết quả tự đánh giá chỉ số chuyển đổi số',
  DOSSIER_DUE: 'hoàn thiện, gửi hồ sơ đề nghị khen thưởng',
};

/** A deadline of a campaign and the units that have not delivered. */
export interface OpenDeadline {
  campaignId: string;
  campaignName: string;
  /** The lead agency in force on the scan's day; null when none is (no escalation then). */
  leadAgencyId: string | null;
  deadline: keyof typeof DEADLINE_LABELS | string;
  dueDate: string;
  missing: Array<{ id: string; name: string }>;
}

export interface Notice {
  dedupKey: string;
  recipientUnitId: string;
  campaignId: string;
  deadline: string;
  dueDate: string;
  kind: NotificationKind;
  text: string;
}

const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * The notices a day's scan owes: before a deadline, one reminder per window crossed (e.g. 7, 3, 1 days) to each unit
 * that has not delivered; after it (within `overdueForDays`), one overdue notice per unit and one escalation to the
 * lead agency in force on the day listing them (none when no agency is in force). Keys make every notice once.
 */
export function noticesFor(today: string, d: OpenDeadline, reminderDays: number[], overdueForDays = 30): Notice[] {
  const left = days(today, d.dueDate);
  const what = DEADLINE_LABELS[d.deadline] ?? d.deadline;
  const due = formatVietnameseDate(d.dueDate);
  const base = { campaignId: d.campaignId, deadline: d.deadline, dueDate: d.dueDate };
  const key = (kind: string, window: number | string, unit: string) => `${d.campaignId}|${d.deadline}|${d.dueDate}|${kind}|${window}|${unit}`.slice(0, 191);
  if (!d.missing.length) return [];
  if (left >= 0) {
    const window = [...reminderDays].sort((a, b) => a - b).find((w) => left <= w);
    if (window === undefined) return [];
    return d.missing.map((u) => ({
      ...base,
      kind: 'REMINDER' as const,
      recipientUnitId: u.id,
      dedupKey: key('REMINDER', window, u.id),
      text: `Nhắc việc: hạn ${what} là ngày ${due} (${left === 0 ? 'hôm nay' : `còn ${left} ngày`}) – ${d.campaignName}.`,
    }));
  }
  if (-left > overdueForDays) return [];
  return [
    ...d.missing.map((u) => ({
      ...base,
      kind: 'OVERDUE' as const,
      recipientUnitId: u.id,
      dedupKey: key('OVERDUE', 0, u.id),
      text: `Quá hạn: đơn vị chưa ${what}; hạn đã hết ngày ${due} – ${d.campaignName}.`,
    })),
    ...(d.leadAgencyId
      ? [
          {
            ...base,
            kind: 'ESCALATION' as const,
            recipientUnitId: d.leadAgencyId,
            dedupKey: key('ESCALATION', 0, d.leadAgencyId),
            text: `Báo cáo cơ quan thường trực: ${d.missing.length} đơn vị chưa ${what} (hạn ${due}): ${d.missing.map((u) => u.name).join('; ')} – ${d.campaignName}.`,
          },
        ]
      : []),
  ];
}
