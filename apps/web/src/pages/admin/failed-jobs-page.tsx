import { RedoOutlined, ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Card, Empty, Space, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { FailedJobsQuery, RetryFailedJobMutation, describeJobError, jobNameLabels } from '../../features/admin/jobs-data';
import type { AdminFailedJobsQuery } from '../../gql/graphql';
import { deliveryChannelLabels, deliveryStatusLabels, reportRunStatusLabels } from '../../i18n/labels';
import { ExportButton } from '../../layout/export-button';
import { QueryErrors } from '../../layout/query-state';
import { toUserMessage } from '../../lib/errors';
import { dayjs, formatDateTime, formatInteger } from '../../lib/format';
import { AdminNav } from './admin-nav';
import { JobQueuesCard } from './job-queues-card';

type Job = AdminFailedJobsQuery['failedJobs'][number];

function concerns(j: Job): string {
  const run = j.reportRun;
  if (!run) return j.name === 'reminders.daily' ? 'Nhắc việc các đơn vị trước và sau hạn' : '—';
  return `${run.definition.name} năm ${run.period} — ${run.definition.campaign.name}`;
}

/**
 * The queues of background work and their counts (JobQueuesCard); below, the report jobs that used up their tries (a run that could not be built, a delivery the province did not accept),
 * with why, and «Chạy lại»: the run is built again, the delivery sent again under the same key (the province still
 * files it once), another job runs again as it was.
 */
export function FailedJobsPage() {
  const { message } = App.useApp();
  const { data, loading, error, refetch } = useQuery(FailedJobsQuery, { fetchPolicy: 'cache-and-network', notifyOnNetworkStatusChange: true });
  const [retry] = useMutation(RetryFailedJobMutation);
  const [busy, setBusy] = useState<string | null>(null);
  const jobs = data?.failedJobs ?? [];

  const onRetry = async (j: Job) => {
    setBusy(j.id);
    try {
      await retry({ variables: { id: j.id } });
      message.success(`Đã chạy lại việc «${jobNameLabels[j.name] ?? 'việc nền'}»; kết quả sẽ hiện ở trang báo cáo.`);
      await refetch();
    } catch (err) {
      message.error(toUserMessage(err));
    } finally {
      setBusy(null);
    }
  };

  const columns: ColumnsType<Job> = [
    { title: 'Việc', width: 190, render: (_, j) => <strong>{jobNameLabels[j.name] ?? 'Việc nền khác'}</strong> },
    { title: 'Liên quan đến', render: (_, j) => concerns(j) },
    {
      title: 'Tình trạng hiện nay',
      width: 220,
      render: (_, j) =>
        j.delivery ? (
          <Space orientation="vertical" size={0}>
            <span>{deliveryChannelLabels[j.delivery.channel]}: {deliveryStatusLabels[j.delivery.status]}</span>
            <Typography.Text type="secondary">Đã gửi thử {formatInteger(j.delivery.attempts)} lần</Typography.Text>
          </Space>
        ) : j.reportRun ? (
          reportRunStatusLabels[j.reportRun.status]
        ) : (
          '—'
        ),
    },
    {
      title: 'Nguyên nhân',
      render: (_, j) => (
        <Tooltip title={j.error}>
          <span>{describeJobError(j)}</span>
        </Tooltip>
      ),
    },
    { title: 'Số lần thử', width: 100, align: 'right', render: (_, j) => formatInteger(j.attempts) },
    { title: 'Thất bại lúc', width: 150, render: (_, j) => formatDateTime(j.failedAt) },
    {
      title: '',
      width: 120,
      render: (_, j) => (
        <Button size="small" type="primary" icon={<RedoOutlined />} loading={busy === j.id} onClick={() => void onRetry(j)}>
          Chạy lại
        </Button>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <AdminNav />
      <Typography.Title level={2} style={{ margin: 0 }}>
        Việc nền lỗi
      </Typography.Title>
      <Typography.Text type="secondary">
        Các việc lập và gửi báo cáo đã thử hết số lần cho phép mà vẫn không thành công. Sau khi khắc phục nguyên nhân (nơi nhận của tỉnh hoạt động trở lại, dữ liệu được bổ sung), bấm «Chạy lại».
      </Typography.Text>
      <JobQueuesCard />
      <QueryErrors error={error} />
      <Card
        size="small"
        title={`${formatInteger(jobs.length)} việc lỗi`}
        extra={
          <Space>
            <Button icon={<ReloadOutlined />} onClick={() => void refetch()} loading={loading}>
              Tải lại
            </Button>
            <ExportButton
              fileName={`viec-nen-loi-${dayjs().format('YYYY-MM-DD')}`}
              sheetName="Việc nền lỗi"
              title="Việc nền lỗi"
              rows={jobs}
              columns={[
                { header: 'Việc', value: (j) => jobNameLabels[j.name] ?? 'Việc nền khác', width: 24 },
                { header: 'Liên quan đến', value: (j) => concerns(j), width: 60 },
                { header: 'Nguyên nhân', value: (j) => describeJobError(j), width: 50 },
                { header: 'Chi tiết lỗi', value: (j) => j.error, width: 50 },
                { header: 'Số lần thử', value: (j) => j.attempts, width: 10 },
                { header: 'Thất bại lúc', value: (j) => formatDateTime(j.failedAt), width: 18 },
              ]}
            />
          </Space>
        }
      >
        <Table<Job>
          rowKey="id"
          size="small"
          loading={loading && !data}
          dataSource={jobs}
          columns={columns}
          pagination={{ defaultPageSize: 20, hideOnSinglePage: true, showTotal: (n) => `${n} việc` }}
          locale={{ emptyText: <Empty description="Không có việc nền nào bị lỗi." /> }}
        />
      </Card>
    </Space>
  );
}
