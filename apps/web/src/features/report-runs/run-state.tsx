import { Progress, Space, Tag } from 'antd';
import type { ReportRunStatus } from '../../gql/graphql';
import { reportRunStatusLabels } from '../../i18n/labels';

export const RUN_COLORS: Record<ReportRunStatus, string> = { QUEUED: 'default', RUNNING: 'processing', SUCCEEDED: 'green', FAILED: 'red' };

/** A run's state: a progress bar while it is being built, its result once done. */
export function RunState({ run }: { run: { status: ReportRunStatus; progress: number } }) {
  if (run.status === 'QUEUED' || run.status === 'RUNNING') {
    return (
      <Space orientation="vertical" size={0} style={{ width: 160 }}>
        <Tag color={RUN_COLORS[run.status]}>{reportRunStatusLabels[run.status]}</Tag>
        <Progress percent={run.progress} size="small" status="active" />
      </Space>
    );
  }
  return <Tag color={RUN_COLORS[run.status]}>{reportRunStatusLabels[run.status]}</Tag>;
}
