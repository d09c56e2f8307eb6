import { Progress, Space, Tag, Typography } from 'antd';
import type { NominationStatus } from '../../gql/enums';
import { formatPercent } from '../../lib/format';
import type { CouncilItemView } from './council-data';

/**
 * The count of one nomination as the meeting sees it: the votes for, against, abstaining, not yet cast and the
 * members who withdrew; the share for against the session's threshold; once closed, the council's conclusion.
 */
export function CouncilTally({ tally, passPercent, closed }: { tally: CouncilItemView['tally']; passPercent: number; closed: boolean }) {
  const parts = [
    `Đồng ý: ${tally.for}`,
    `Không đồng ý: ${tally.against}`,
    `Không biểu quyết: ${tally.abstain}`,
    `Chưa bỏ phiếu: ${tally.notVoted}`,
    ...(tally.recused ? [`Rút lui: ${tally.recused}`] : []),
  ];
  return (
    <div aria-label="Kết quả kiểm phiếu" role="group">
      <Space wrap size={[16, 4]}>
        <Typography.Text strong>{parts.join(' · ')}</Typography.Text>
        <Typography.Text type="secondary">
          {tally.voters} thành viên được biểu quyết trên {tally.members} thành viên
        </Typography.Text>
      </Space>
      <Space wrap size={[16, 4]} style={{ width: '100%' }}>
        <Progress
          percent={Math.min(100, tally.percentFor)}
          format={() => formatPercent(tally.percentFor)}
          success={{ percent: 0 }}
          strokeColor={tally.passed ? '#52c41a' : '#faad14'}
          style={{ width: 260, margin: 0 }}
          size="small"
        />
        <Typography.Text>
          Tỷ lệ đồng ý {formatPercent(tally.percentFor)} (ngưỡng thông qua {formatPercent(passPercent)})
        </Typography.Text>
        {closed ? (
          <Tag color={tally.passed ? 'success' : 'error'}>{tally.passed ? 'Thông qua' : 'Không thông qua'}</Tag>
        ) : (
          <Tag color={tally.passed ? 'green' : 'default'}>{tally.passed ? 'Đang đạt ngưỡng thông qua' : 'Chưa đạt ngưỡng thông qua'}</Tag>
        )}
      </Space>
    </div>
  );
}

/** What the council concluded for a nomination, once the session is closed. */
export function CouncilResult({ status, rejectionReason }: { status: NominationStatus; rejectionReason?: string | null }) {
  if (status === 'IN_COUNCIL') return null;
  const passed = status === 'RECOMMENDED' || status === 'DECIDED';
  return (
    <Space orientation="vertical" size={2}>
      <Tag color={passed ? 'success' : 'error'}>{passed ? 'Hội đồng thông qua, đề nghị khen thưởng' : 'Hội đồng không thông qua'}</Tag>
      {!passed && rejectionReason && <Typography.Text type="secondary">{rejectionReason}</Typography.Text>}
    </Space>
  );
}
