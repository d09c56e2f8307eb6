import { Empty, Timeline, Typography } from 'antd';
import type { NominationStatus } from '../../gql/enums';
import { nominationActionLabels, nominationStatusLabels } from '../../i18n/labels';
import { formatDateTime } from '../../lib/format';

export interface NominationStepView {
  action: string;
  fromStatus: NominationStatus;
  toStatus: NominationStatus;
  reason?: string | null;
  actorId: string;
  at: string;
}

const COLOR: Partial<Record<string, string>> = { submit: 'blue', forward: 'blue', return: 'orange', appraise: 'green', pass: 'green', decide: 'green', fail: 'red', reject: 'red' };

/**
 * Who acted, as the unit reads it: the proposing unit (or «Bạn» when it is the signed-in account), the lead agency,
 * Nội vụ, the council. A return of a submitted dossier is the lead agency's where the campaign has it review first.
 */
function whoActed(step: NominationStepView, o: { selfId?: string | null; proposingUnitName?: string | null; leadReview?: boolean }): string {
  if (o.selfId && step.actorId === o.selfId) return 'Bạn';
  switch (step.action) {
    case 'submit':
      return o.proposingUnitName ?? 'Đơn vị đề nghị';
    case 'forward':
      return 'Cơ quan thường trực của phong trào';
    case 'return':
      return o.leadReview && step.fromStatus === 'SUBMITTED' ? 'Cơ quan thường trực của phong trào' : 'Nội vụ';
    case 'toCouncil':
    case 'pass':
    case 'fail':
      return 'Hội đồng Thi đua - Khen thưởng';
    default:
      return 'Nội vụ';
  }
}

/** The nomination's steps as a timeline, oldest first: what was done, from which state to which, why, by whom, when. */
export function NominationHistory(props: { history: NominationStepView[]; selfId?: string | null; proposingUnitName?: string | null; leadReview?: boolean }) {
  if (!props.history.length) return <Empty description="Đề nghị chưa được gửi đi lần nào." />;
  const resubmits = new Set<number>();
  props.history.forEach((s, i) => {
    if (s.action === 'submit' && s.fromStatus === 'RETURNED') resubmits.add(i);
  });
  return (
    <Timeline
      items={props.history.map((s, i) => ({
        key: `${s.at}-${i}`,
        color: COLOR[s.action] ?? 'gray',
        content: (
          <div>
            <Typography.Text strong>{resubmits.has(i) ? 'Sửa và gửi lại đề nghị' : (nominationActionLabels[s.action] ?? 'Chuyển bước')}</Typography.Text>
            <div>
              <Typography.Text type="secondary">
                {formatDateTime(s.at)} · {whoActed(s, props)} · {nominationStatusLabels[s.fromStatus]} → {nominationStatusLabels[s.toStatus]}
              </Typography.Text>
            </div>
            {s.reason && <div>Lý do: {s.reason}</div>}
          </div>
        ),
      }))}
    />
  );
}
