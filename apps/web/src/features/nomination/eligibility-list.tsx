import { CheckCircleFilled, CloseCircleFilled, MinusCircleFilled } from '@ant-design/icons';
import { Alert, List, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { ClauseResult } from '../../gql/enums';
import { clauseResultLabels } from '../../i18n/labels';

export interface EligibilityView {
  eligible: boolean;
  clauses: Array<{ code: string; requirement: string; basis: string; result: ClauseResult }>;
}

const LOOK: Record<ClauseResult, { color: string; icon: ReactNode }> = {
  PASS: { color: 'success', icon: <CheckCircleFilled style={{ color: '#52c41a' }} /> },
  FAIL: { color: 'error', icon: <CloseCircleFilled style={{ color: '#ff4d4f' }} /> },
  NOT_APPLICABLE: { color: 'default', icon: <MinusCircleFilled style={{ color: '#bfbfbf' }} /> },
};

/** Eligibility clause by clause: what is required, the fact it rests on, and the result in colour. */
export function EligibilityList({ eligibility, compact }: { eligibility: EligibilityView; compact?: boolean }) {
  const failed = eligibility.clauses.filter((c) => c.result === 'FAIL').length;
  return (
    <div>
      {!compact && (
        <Alert
          type={eligibility.eligible ? 'success' : 'error'}
          showIcon
          style={{ marginBottom: 12 }}
          title={eligibility.eligible ? 'Đủ điều kiện khen thưởng theo các điều kiện dưới đây.' : `Chưa đủ điều kiện: ${failed} điều kiện chưa đạt.`}
        />
      )}
      <List
        size="small"
        bordered
        dataSource={eligibility.clauses}
        renderItem={(c) => (
          <List.Item key={c.code} extra={<Tag color={LOOK[c.result].color}>{clauseResultLabels[c.result]}</Tag>}>
            <Space align="start">
              {LOOK[c.result].icon}
              <div>
                <Typography.Text strong>{c.requirement}</Typography.Text>
                <div>
                  <Typography.Text type="secondary">{c.basis}</Typography.Text>
                </div>
              </div>
            </Space>
          </List.Item>
        )}
      />
    </div>
  );
}
