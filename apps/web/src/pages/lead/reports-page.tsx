import { FileAddOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Card, Empty, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { LeadReportDefinitionsQuery } from '../../gql/graphql';
import { ReportDefinitionsQuery, RequestReportRunMutation, describeBoundary, describeSchedule } from '../../features/report-runs/report-data';
import { RunState } from '../../features/report-runs/run-state';
import { reportKindLabels, reportRunStatusLabels, reportTriggerLabels } from '../../i18n/labels';
import { ExportButton } from '../../layout/export-button';
import { QueryErrors } from '../../layout/query-state';
import { toUserMessage } from '../../lib/errors';
import { formatDate, formatDateTime } from '../../lib/format';
import { CampaignYearPicker, useLeadCampaign } from './lead-campaign';
import { LeadNav } from './lead-nav';

type Definition = NonNullable<NonNullable<LeadReportDefinitionsQuery['campaign']>['reportDefinitions']>[number];
type Run = Definition['runs'][number];

/** Today in Vietnam (YYYY-MM-DD): the day a report counted by today's units is counted by. */
const todayInVietnam = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());

/**
 * The campaign's periodic reports (city summary, roll-up of the units' reports, report to the province, reviews):
 * the run of the chosen year, and a button to build it now; every run opens with its documents and deliveries. A
 * year's figures are counted by the units of that year, or rolled up to today's units (R25: after a merger).
 */
export function ReportsPage() {
  const lead = useLeadCampaign();
  const { campaign, year } = lead;
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { data, loading, error, startPolling, stopPolling } = useQuery(ReportDefinitionsQuery, { variables: { campaignId: campaign?.id ?? '' }, skip: !campaign });
  const [request] = useMutation(RequestReportRunMutation);
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const definitions = data?.campaign?.reportDefinitions ?? [];
  const [rolledUp, setRolledUp] = useState(false);
  const today = todayInVietnam();
  const runOf = (d: Definition) => d.runs.find((r) => r.period === String(year) && (rolledUp ? r.boundary === 'SUCCESSORS' && r.asOf === today : r.boundary === 'AS_WAS'));
  const building = definitions.some((d) => d.runs.some((r) => r.status === 'QUEUED' || r.status === 'RUNNING'));

  // A run being built (by the schedule, or by a colleague) moves its progress bar here too.
  useEffect(() => {
    if (building) startPolling(2000);
    else stopPolling();
    return () => stopPolling();
  }, [building, startPolling, stopPolling]);

  const requestRun = async (d: Definition) => {
    if (!year) return;
    setBusy(d.id);
    setFailure(null);
    try {
      const { data: res } = await request({ variables: { definitionId: d.id, year, boundary: rolledUp ? 'SUCCESSORS' : 'AS_WAS' } });
      const run = res?.requestReportRun;
      if (run) {
        message.info(run.status === 'SUCCEEDED' ? `Báo cáo năm ${year} đã được lập trước đó.` : `Đang lập báo cáo năm ${year}.`);
        navigate(`/dieu-hanh/bao-cao/lan-lap/${run.id}`);
      }
    } catch (err) {
      setFailure(toUserMessage(err));
    } finally {
      setBusy(null);
    }
  };

  const columns: ColumnsType<Definition> = [
    {
      title: 'Báo cáo',
      render: (_, d) => (
        <Space orientation="vertical" size={2}>
          <strong>{d.name}</strong>
          <Typography.Text type="secondary">
            {reportKindLabels[d.kind]} · Gửi: {d.recipient}
          </Typography.Text>
          <Space size={4} wrap>
            {d.deliverToProvince && <Tag color="blue">Tự động gửi lên tỉnh</Tag>}
            <Tag>{d.schedule?.enabled ? describeSchedule(d.schedule.pattern) : 'Lập khi có yêu cầu'}</Tag>
          </Space>
        </Space>
      ),
    },
    {
      title: `Năm ${year ?? ''}`,
      width: 200,
      render: (_, d) => {
        const run = runOf(d);
        if (!run) return <Typography.Text type="secondary">Chưa lập</Typography.Text>;
        return (
          <Space orientation="vertical" size={2}>
            <RunState run={run} />
            {run.finishedAt && <Typography.Text type="secondary">{formatDateTime(run.finishedAt)}</Typography.Text>}
          </Space>
        );
      },
    },
    {
      title: '',
      width: 220,
      render: (_, d) => {
        const run = runOf(d);
        return (
          <Space orientation="vertical" size={4}>
            {run && (
              <Link to={`/dieu-hanh/bao-cao/lan-lap/${run.id}`} aria-label={`Xem báo cáo năm ${year ?? ''}: ${d.name}`}>
                Xem, tải tệp báo cáo
              </Link>
            )}
            {(!run || run.status === 'FAILED') && (
              <Button type="primary" icon={<FileAddOutlined />} loading={busy === d.id} onClick={() => void requestRun(d)} aria-label={`Lập báo cáo năm ${year ?? ''}: ${d.name}`}>
                {run ? 'Lập lại' : `Lập báo cáo năm ${year ?? ''}`}
              </Button>
            )}
          </Space>
        );
      },
    },
  ];

  const runRows = (d: Definition) => [...d.runs].sort((a, b) => b.period.localeCompare(a.period));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <LeadNav />
      <Typography.Title level={2} style={{ margin: 0 }}>
        Báo cáo định kỳ
      </Typography.Title>
      <Card size="small">
        <Space wrap>
          <CampaignYearPicker lead={lead} />
          <Segmented
            aria-label="Số liệu theo"
            value={rolledUp ? 'hien-nay' : 'nam-bao-cao'}
            onChange={(v) => setRolledUp(v === 'hien-nay')}
            options={[
              { value: 'nam-bao-cao', label: 'Đơn vị của năm báo cáo' },
              { value: 'hien-nay', label: `Quy về đơn vị hiện nay (${formatDate(today)})` },
            ]}
          />
          <ExportButton
            fileName={`bao-cao-dinh-ky-${campaign?.code ?? ''}`}
            sheetName="Báo cáo định kỳ"
            title={`Các lượt lập báo cáo — ${campaign?.name ?? ''}`}
            rows={definitions.flatMap((d) => d.runs.map((r) => ({ d, r })))}
            columns={[
              { header: 'Báo cáo', value: ({ d }) => d.name, width: 50 },
              { header: 'Loại', value: ({ d }) => reportKindLabels[d.kind], width: 30 },
              { header: 'Năm', value: ({ r }) => Number(r.period), width: 8 },
              { header: 'Số liệu theo', value: ({ r }) => describeBoundary(r), width: 28 },
              { header: 'Trạng thái', value: ({ r }) => reportRunStatusLabels[r.status], width: 16 },
              { header: 'Cách lập', value: ({ r }) => reportTriggerLabels[r.trigger] ?? '', width: 20 },
              { header: 'Bắt đầu', value: ({ r }) => formatDateTime(r.createdAt), width: 18 },
              { header: 'Hoàn thành', value: ({ r }) => formatDateTime(r.finishedAt), width: 18 },
            ]}
          />
        </Space>
      </Card>
      <QueryErrors error={lead.error ?? error} />
      {failure && <Alert type="error" showIcon title={failure} closable onClose={() => setFailure(null)} />}
      <Table<Definition>
        rowKey="id"
        loading={loading || lead.loading}
        dataSource={definitions}
        columns={columns}
        pagination={false}
        expandable={{
          rowExpandable: (d) => d.runs.length > 0,
          expandedRowRender: (d) => (
            <Table<Run>
              rowKey="id"
              size="small"
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              dataSource={runRows(d)}
              columns={[
                { title: 'Năm', width: 80, render: (_, r) => r.period },
                { title: 'Số liệu theo', width: 220, render: (_, r) => describeBoundary(r) },
                { title: 'Trạng thái', width: 180, render: (_, r) => <RunState run={r} /> },
                { title: 'Cách lập', width: 170, render: (_, r) => reportTriggerLabels[r.trigger] ?? '—' },
                { title: 'Bắt đầu', width: 150, render: (_, r) => formatDateTime(r.createdAt) },
                { title: 'Hoàn thành', width: 150, render: (_, r) => formatDateTime(r.finishedAt) },
                { title: '', render: (_, r) => <Link to={`/dieu-hanh/bao-cao/lan-lap/${r.id}`}>Xem</Link> },
              ]}
            />
          ),
        }}
        locale={{ emptyText: <Empty description="Phong trào chưa có báo cáo định kỳ nào." /> }}
      />
    </Space>
  );
}
