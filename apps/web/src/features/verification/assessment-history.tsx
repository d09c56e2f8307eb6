import { Empty, Timeline, Typography } from 'antd';
import { assessmentActionLabels } from '../../i18n/labels';
import { formatDateTime, formatNumber } from '../../lib/format';

interface Change {
  at: string;
  action: string;
  indicatorCode: string | null;
  before: string | null;
  after: string | null;
}

function parse(json: string | null): Record<string, unknown> | null {
  if (!json) return null;
  try {
    const v: unknown = JSON.parse(json);
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const num = (v: unknown) => (typeof v === 'number' ? formatNumber(v) : null);

/** One step of the history in words: who did what, and the points it left. */
function describe(c: Change): string {
  const [verb] = c.action.split(' ');
  const after = parse(c.after);
  if (verb === 'self-assess' && c.indicatorCode) {
    const p = num(after?.selfPoints);
    return `${assessmentActionLabels['self-assess']} chỉ số ${c.indicatorCode}${p ? `: ${p} điểm` : ''}`;
  }
  if (verb === 'verify' && c.indicatorCode) {
    const p = num(after?.verifiedPoints);
    const reason = typeof after?.adjustmentReason === 'string' && after.adjustmentReason ? ` (lý do: ${after.adjustmentReason})` : '';
    return `Thẩm định chỉ số ${c.indicatorCode}${p ? `: ${p} điểm` : ''}${reason}`;
  }
  if (verb === 'verify') return assessmentActionLabels['verify-complete'];
  if (verb === 'reopen' && typeof after?.reopenedUntil === 'string') {
    return `${assessmentActionLabels.reopen} đến ngày ${after.reopenedUntil.split('-').reverse().join('/')}`;
  }
  return assessmentActionLabels[verb ?? ''] ?? 'Thay đổi khác';
}

/** Every change of the assessment, newest first (the audit the graph keeps). */
export function AssessmentHistory({ history }: { history: Change[] }) {
  if (!history.length) return <Empty description="Chưa có thay đổi nào." />;
  const items = [...history].reverse();
  return (
    <Timeline
      items={items.map((c, i) => ({
        key: `${c.at}-${i}`,
        content: (
          <div>
            <Typography.Text type="secondary">{formatDateTime(c.at)}</Typography.Text> · {describe(c)}
          </div>
        ),
      }))}
    />
  );
}
