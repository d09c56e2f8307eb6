import { ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Button, Card, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { JobQueuesQuery } from '../../features/admin/jobs-data';
import type { AdminJobQueuesQuery } from '../../gql/graphql';
import { jobQueueLabels } from '../../i18n/labels';
import { ExportButton } from '../../layout/export-button';
import { QueryErrors } from '../../layout/query-state';
import { dayjs, formatInteger } from '../../lib/format';

type Queue = AdminJobQueuesQuery['jobQueues'][number];

/** How often the counts are read again while the page is open. */
const REFRESH_MS = 5_000;

const queueLabel = (q: Queue) => jobQueueLabels[q.name] ?? 'Hàng đợi khác';

/** The counts, in the order and words of the table and of its Excel copy. */
const COUNTS: Array<{ title: string; width: number; value: (q: Queue) => number; alarm?: boolean }> = [
  { title: 'Đang chờ', width: 110, value: (q) => q.waiting },
  { title: 'Đang chạy', width: 110, value: (q) => q.active },
  { title: 'Chờ chạy lại/hẹn giờ', width: 170, value: (q) => q.delayed },
  { title: 'Lỗi', width: 110, value: (q) => q.failed, alarm: true },
  { title: 'Đã xong', width: 110, value: (q) => q.completed },
];

/**
 * «Hàng đợi việc nền»: for each queue of background work, how many jobs wait, run, wait for a retry or their time,
 * and failed for good; read again every few seconds while the page is open.
 */
export function JobQueuesCard() {
  const { data, loading, error, refetch } = useQuery(JobQueuesQuery, { fetchPolicy: 'cache-and-network', pollInterval: REFRESH_MS });
  const queues = data?.jobQueues ?? [];
  // Without Redis the imports run inside their own services: their queues cannot be counted from here.
  const importsHidden = !!data && !queues.some((q) => q.name === 'scoring' || q.name === 'participants');

  const columns: ColumnsType<Queue> = [
    { title: 'Hàng đợi', render: (_, q) => <strong>{queueLabel(q)}</strong> },
    ...COUNTS.map((c) => ({
      title: c.title,
      width: c.width,
      align: 'right' as const,
      render: (_: unknown, q: Queue) => {
        const n = c.value(q);
        return c.alarm && n > 0 ? <Typography.Text type="danger">{formatInteger(n)}</Typography.Text> : formatInteger(n);
      },
    })),
  ];

  return (
    <Card
      size="small"
      title="Hàng đợi việc nền"
      extra={
        <Space>
          <Button icon={<ReloadOutlined />} onClick={() => void refetch()}>
            Làm mới
          </Button>
          <ExportButton
            fileName={`hang-doi-viec-nen-${dayjs().format('YYYY-MM-DD-HHmm')}`}
            sheetName="Hàng đợi việc nền"
            title={`Hàng đợi việc nền lúc ${dayjs().format('HH:mm DD/MM/YYYY')}`}
            rows={queues}
            columns={[{ header: 'Hàng đợi', value: queueLabel, width: 26 }, ...COUNTS.map((c) => ({ header: c.title, value: c.value, width: 14 }))]}
          />
        </Space>
      }
    >
      <Space orientation="vertical" size="small" style={{ width: '100%' }}>
        <QueryErrors error={error} />
        <Table<Queue> rowKey="name" size="small" loading={loading && !data} dataSource={queues} columns={columns} pagination={false} aria-label="Hàng đợi việc nền" />
        <Typography.Text type="secondary">
          Số liệu tự cập nhật sau mỗi {REFRESH_MS / 1000} giây. «Lỗi» là việc đã thử hết số lần cho phép (việc lập và gửi báo cáo bị lỗi có ở danh sách bên dưới để chạy lại); «Đã xong» là việc đã hoàn thành còn được lưu lại.
          {importsHidden ? ' Việc nhập điểm hàng loạt và nhập danh bạ đơn vị chạy ngay trong dịch vụ của chúng nên không được đếm ở đây.' : ''}
        </Typography.Text>
      </Space>
    </Card>
  );
}
