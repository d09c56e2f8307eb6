import { FileExcelOutlined, FileWordOutlined, RedoOutlined } from '@ant-design/icons';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Breadcrumb, Button, Card, Descriptions, Empty, Progress, Result, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { LeadReportRunQuery } from '../../gql/graphql';
import { DOCX_MIME, ReportRunDocumentsQuery, ReportRunQuery, RetryDeliveryMutation, XLSX_MIME, describeAttempt, describeBoundary } from '../../features/report-runs/report-data';
import { RUN_COLORS } from '../../features/report-runs/run-state';
import { deliveryChannelLabels, deliveryStatusLabels, reportKindLabels, reportRunStatusLabels, reportTriggerLabels } from '../../i18n/labels';
import { ExportButton } from '../../layout/export-button';
import { PageSpinner } from '../../layout/page-spinner';
import { QueryErrors } from '../../layout/query-state';
import { toUserMessage } from '../../lib/errors';
import { saveBase64File } from '../../lib/files';
import { formatDateTime, formatInteger } from '../../lib/format';
import { LeadNav } from './lead-nav';

type Delivery = NonNullable<LeadReportRunQuery['reportRun']>['deliveries'][number];
type Attempt = Delivery['history'][number];

const DELIVERY_COLORS = { PENDING: 'processing', SENT: 'green', FAILED: 'red' } as const;

/**
 * One run of a report: its progress while it is built (the page asks again every second until it ends), the Excel
 * and Word documents, and each delivery to the province with every attempt.
 */
export function ReportRunPage() {
  const { id = '' } = useParams();
  const client = useApolloClient();
  const { message } = App.useApp();
  const { data, loading, error, startPolling, stopPolling } = useQuery(ReportRunQuery, { variables: { id } });
  const [retry] = useMutation(RetryDeliveryMutation);
  const [downloading, setDownloading] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const run = data?.reportRun;
  const building = run?.status === 'QUEUED' || run?.status === 'RUNNING';
  const sending = run?.deliveries.some((d) => d.status === 'PENDING') ?? false;

  // Ask again while the run is built or a delivery is on its way; stop once everything has ended.
  useEffect(() => {
    if (building) startPolling(1000);
    else if (sending) startPolling(5000);
    else stopPolling();
    return () => stopPolling();
  }, [building, sending, startPolling, stopPolling]);

  if (loading && !data) return <PageSpinner />;
  if (!run) return error ? <QueryErrors error={error} /> : <Result status="404" title="Không tìm thấy lượt lập báo cáo" />;

  const download = async (mimeType: string, label: string) => {
    setDownloading(mimeType);
    setFailure(null);
    try {
      const res = await client.query({ query: ReportRunDocumentsQuery, variables: { id }, fetchPolicy: 'no-cache' });
      const doc = res.data?.reportRun?.documents.find((d) => d.mimeType === mimeType);
      if (!doc) setFailure(`Lượt lập báo cáo này chưa có tệp ${label}.`);
      else saveBase64File(doc);
    } catch (err) {
      setFailure(toUserMessage(err));
    } finally {
      setDownloading(null);
    }
  };

  const onRetry = async (d: Delivery) => {
    try {
      await retry({ variables: { id: d.id } });
      message.success('Đã gửi lại; kết quả lần gửi sẽ hiện dưới đây.');
    } catch (err) {
      message.error(toUserMessage(err));
    }
  };

  const deliveryColumns: ColumnsType<Delivery> = [
    { title: 'Kênh gửi', width: 170, render: (_, d) => deliveryChannelLabels[d.channel] },
    { title: 'Nơi nhận', render: (_, d) => <Typography.Text copyable={false}>{d.target}</Typography.Text> },
    { title: 'Trạng thái', width: 170, render: (_, d) => <Tag color={DELIVERY_COLORS[d.status]}>{deliveryStatusLabels[d.status]}</Tag> },
    { title: 'Số lần gửi', width: 110, align: 'right', render: (_, d) => formatInteger(d.attempts) },
    { title: 'Gửi thành công lúc', width: 170, render: (_, d) => formatDateTime(d.sentAt) },
    {
      title: '',
      width: 110,
      render: (_, d) =>
        d.status === 'FAILED' ? (
          <Button size="small" icon={<RedoOutlined />} onClick={() => void onRetry(d)}>
            Gửi lại
          </Button>
        ) : null,
    },
  ];

  const attemptColumns: ColumnsType<Attempt> = [
    { title: 'Lần', width: 60, render: (_, __, i) => i + 1 },
    { title: 'Thời điểm', width: 170, render: (_, a) => formatDateTime(a.at) },
    { title: 'Kết quả', width: 150, render: (_, a) => (a.ok ? <Tag color="green">Thành công</Tag> : <Tag color="red">Không thành công</Tag>) },
    {
      title: 'Trả lời của nơi nhận',
      render: (_, a) => (
        <Tooltip title={a.detail}>
          <span>{describeAttempt(a)}</span>
        </Tooltip>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <LeadNav />
      <Breadcrumb
        items={[
          { title: <Link to="/dieu-hanh">Điều hành</Link> },
          { title: <Link to={`/dieu-hanh/bao-cao?phongTrao=${encodeURIComponent(run.definition.campaign.code)}&nam=${run.period}`}>Báo cáo định kỳ</Link> },
          { title: `Năm ${run.period}` },
        ]}
      />
      <div>
        <Typography.Title level={2} style={{ marginBottom: 4 }}>
          {run.definition.name} năm {run.period}
        </Typography.Title>
        <Space wrap>
          <Tag color={RUN_COLORS[run.status]}>{reportRunStatusLabels[run.status]}</Tag>
          <Tag>{reportKindLabels[run.definition.kind]}</Tag>
          <Tag>{describeBoundary(run)}</Tag>
        </Space>
      </div>
      <QueryErrors error={error} />
      {failure && <Alert type="error" showIcon title={failure} closable onClose={() => setFailure(null)} />}
      <Card size="small" title="Tiến độ lập báo cáo">
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Progress
            percent={run.progress}
            status={run.status === 'FAILED' ? 'exception' : run.status === 'SUCCEEDED' ? 'success' : 'active'}
            aria-label="Tiến độ lập báo cáo"
          />
          {building && <Typography.Text type="secondary">Hệ thống đang tổng hợp số liệu của các đơn vị; trang tự cập nhật khi có tiến độ mới.</Typography.Text>}
          {run.status === 'FAILED' && (
            <Alert
              type="error"
              showIcon
              title="Lập báo cáo không thành công."
              description={
                <>
                  {run.error ?? 'Không rõ nguyên nhân.'} Có thể yêu cầu lập lại ở trang <Link to="/dieu-hanh/bao-cao">Báo cáo định kỳ</Link>.
                </>
              }
            />
          )}
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'c', label: 'Phong trào', children: run.definition.campaign.name, span: 'filled' },
              { key: 'r', label: 'Nơi nhận', children: run.definition.recipient, span: 'filled' },
              { key: 't', label: 'Cách lập', children: reportTriggerLabels[run.trigger] ?? '—' },
              { key: 'q', label: 'Yêu cầu lúc', children: formatDateTime(run.createdAt) },
              { key: 's', label: 'Bắt đầu lập', children: formatDateTime(run.startedAt) },
              { key: 'f', label: 'Hoàn thành', children: formatDateTime(run.finishedAt) },
            ]}
          />
        </Space>
      </Card>
      <Card size="small" title="Tệp báo cáo">
        {run.status === 'SUCCEEDED' ? (
          <Space wrap>
            <Button type="primary" icon={<FileExcelOutlined />} loading={downloading === XLSX_MIME} onClick={() => void download(XLSX_MIME, 'Excel')}>
              Tải tệp Excel
            </Button>
            <Button type="primary" icon={<FileWordOutlined />} loading={downloading === DOCX_MIME} onClick={() => void download(DOCX_MIME, 'Word')}>
              Tải tệp Word
            </Button>
            <Typography.Text type="secondary">Văn bản Word theo thể thức Nghị định 30/2020/NĐ-CP; bảng tính Excel có một trang tổng hợp và một trang cho mỗi bảng số liệu.</Typography.Text>
          </Space>
        ) : (
          <Typography.Text type="secondary">Tệp báo cáo sẽ có khi lập xong.</Typography.Text>
        )}
      </Card>
      <Card
        size="small"
        title="Gửi báo cáo lên tỉnh"
        extra={
          run.deliveries.length > 0 && (
            <ExportButton
              fileName={`gui-bao-cao-${run.period}`}
              sheetName="Gửi báo cáo"
              title={`Các lần gửi ${run.definition.name} năm ${run.period}`}
              rows={run.deliveries.flatMap((d): Array<{ d: Delivery; h: Attempt | null; i: number }> => (d.history.length ? d.history.map((h, i) => ({ d, h, i })) : [{ d, h: null, i: 0 }]))}
              columns={[
                { header: 'Kênh gửi', value: ({ d }) => deliveryChannelLabels[d.channel], width: 20 },
                { header: 'Nơi nhận', value: ({ d }) => d.target, width: 40 },
                { header: 'Trạng thái', value: ({ d }) => deliveryStatusLabels[d.status], width: 18 },
                { header: 'Lần gửi', value: ({ h, i }) => (h ? i + 1 : null), width: 8 },
                { header: 'Thời điểm', value: ({ h }) => (h ? formatDateTime(h.at) : ''), width: 18 },
                { header: 'Kết quả', value: ({ h }) => (h ? (h.ok ? 'Thành công' : 'Không thành công') : ''), width: 16 },
                { header: 'Trả lời của nơi nhận', value: ({ h }) => (h ? describeAttempt(h) : ''), width: 50 },
              ]}
            />
          )
        }
      >
        {!run.definition.deliverToProvince ? (
          <Typography.Text type="secondary">Báo cáo này không gửi tự động lên tỉnh.</Typography.Text>
        ) : run.deliveries.length === 0 ? (
          <Empty description={run.status === 'SUCCEEDED' ? 'Hệ thống chưa được cấu hình nơi nhận của tỉnh; báo cáo chưa được gửi tự động.' : 'Báo cáo được gửi lên tỉnh sau khi lập xong.'} />
        ) : (
          <Table<Delivery>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={run.deliveries}
            columns={deliveryColumns}
            expandable={{
              rowExpandable: (d) => d.history.length > 0,
              expandedRowRender: (d) => <Table<Attempt> rowKey={(a) => a.at} size="small" pagination={false} dataSource={d.history} columns={attemptColumns} />,
            }}
          />
        )}
      </Card>
    </Space>
  );
}
