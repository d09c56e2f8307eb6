import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Row, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { Chart, COLORS, type ChartOption } from '../../features/dashboard/chart';
import { type Attempt, ProvinceCampaignsQuery, ProvinceReportsQuery, describeSignature } from '../../features/province/province-data';
import { ReceivedReports } from '../../features/province/received-reports';
import { DOCX_MIME, ReportRunDocumentsQuery, XLSX_MIME, describeAttempt, describeBoundary } from '../../features/report-runs/report-data';
import { RunState } from '../../features/report-runs/run-state';
import type { OrgUnitKind, ProvinceReportsQuery as ProvinceReportsData } from '../../gql/graphql';
import { deliveryChannelLabels, deliveryStatusLabels, orgUnitKindLabels, reportKindLabels, reportRunStatusLabels, reportTriggerLabels } from '../../i18n/labels';
import { ExportButton } from '../../layout/export-button';
import { PageSpinner } from '../../layout/page-spinner';
import { QueryErrors } from '../../layout/query-state';
import { toUserMessage } from '../../lib/errors';
import { saveBase64File } from '../../lib/files';
import { dayjs, formatDate, formatDateTime, formatInteger, formatPercent } from '../../lib/format';
import { useFilters } from '../../lib/use-filters';

type Campaign = NonNullable<ProvinceReportsData['campaign']>;
type Definition = NonNullable<Campaign['reportDefinitions']>[number];
type Run = Definition['runs'][number] & { definition: Definition };
type Delivery = Run['deliveries'][number];
type Rate = NonNullable<Campaign['reportingProgress']>['rates'][number];
type MissingUnit = NonNullable<Campaign['reportingProgress']>['missingUnits'][number];

const DELIVERY_COLORS = { PENDING: 'processing', SENT: 'green', FAILED: 'red' } as const;
const GRID = { left: 8, right: 16, top: 36, bottom: 8, containLabel: true };
const kindLabel = (k: string | null | undefined) => (k ? (orgUnitKindLabels[k as OrgUnitKind] ?? 'Đơn vị khác') : 'Tất cả đơn vị');

function yearsOf(c: { startDate: string; endDate: string } | undefined): number[] {
  if (!c) return [];
  const years: number[] = [];
  for (let y = Math.min(Number(c.endDate.slice(0, 4)), dayjs().year()); y >= Number(c.startDate.slice(0, 4)); y--) years.push(y);
  return years;
}

/** The attempts of one delivery, each with the receiver's answer in words (its own text on hover). */
function AttemptTable({ history }: { history: Attempt[] }) {
  const columns: ColumnsType<Attempt> = [
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
  return <Table<Attempt> rowKey={(a) => a.at} size="small" pagination={false} dataSource={history} columns={columns} />;
}

/**
 * The province's page: per campaign of its area and year, the reports the city (or district-level authority) sent
 * it, each run with its documents and its deliveries attempt by attempt, whether the delivery was signed and accepted;
 * and how completely and on time the units under that authority reported, as a chart and the list of units missing.
 */
export function ProvinceReportsPage() {
  const client = useApolloClient();
  const { message } = App.useApp();
  const [params, set] = useFilters();
  const campaignsQ = useQuery(ProvinceCampaignsQuery);
  const campaigns = (campaignsQ.data?.campaigns ?? []).filter((c) => (c.reportDefinitions ?? []).some((d) => d.deliverToProvince));
  const campaign = campaigns.find((c) => c.code === params.get('phongTrao')) ?? campaigns[0];
  const years = yearsOf(campaign);
  const asked = Number(params.get('nam'));
  const year = years.includes(asked) ? asked : years[0];
  const { data, loading, error, startPolling, stopPolling } = useQuery(ProvinceReportsQuery, {
    variables: { campaignId: campaign?.id ?? '', year: year ?? 0 },
    skip: !campaign || !year,
  });
  const [downloading, setDownloading] = useState<string | null>(null);

  const c = data?.campaign;
  const runs: Run[] = (c?.reportDefinitions ?? [])
    .filter((d) => d.deliverToProvince)
    .flatMap((d) => d.runs.filter((r) => r.period === String(year)).map((r) => ({ ...r, definition: d })))
    .sort((a, b) => (b.finishedAt ?? b.createdAt).localeCompare(a.finishedAt ?? a.createdAt));
  const open = runs.some((r) => r.status === 'QUEUED' || r.status === 'RUNNING' || r.deliveries.some((d) => d.status === 'PENDING'));
  useEffect(() => {
    if (open) startPolling(3000);
    else stopPolling();
    return () => stopPolling();
  }, [open, startPolling, stopPolling]);

  const header = (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        Báo cáo nhận được
      </Typography.Title>
      <Typography.Text type="secondary">Báo cáo kết quả phong trào mà thành phố, cấp huyện trên địa bàn gửi tỉnh, cách gửi, và tình hình báo cáo của các đơn vị trực thuộc.</Typography.Text>
      <Space wrap>
        <Select
          aria-label="Phong trào"
          style={{ width: 'min(760px, calc(100vw - 200px))' }}
          loading={campaignsQ.loading}
          value={campaign?.code}
          onChange={(v: string) => set({ phongTrao: v, nam: null })}
          options={campaigns.map((x) => ({ value: x.code, label: x.name }))}
          placeholder="Chọn phong trào"
        />
        <Select aria-label="Năm" style={{ width: 120 }} value={year} onChange={(y: number) => set({ nam: y })} options={years.map((y) => ({ value: y, label: `Năm ${y}` }))} />
      </Space>
    </Space>
  );

  if (campaignsQ.loading && !campaignsQ.data) return <PageSpinner />;
  if (!campaign) {
    return (
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        {header}
        <QueryErrors error={campaignsQ.error} />
        <Empty description="Chưa có phong trào nào trên địa bàn của tỉnh gửi báo cáo lên tỉnh." />
        <ReceivedReports />
      </Space>
    );
  }

  const download = async (run: Run, mimeType: string, label: string) => {
    setDownloading(`${run.id}-${mimeType}`);
    try {
      const res = await client.query({ query: ReportRunDocumentsQuery, variables: { id: run.id }, fetchPolicy: 'no-cache' });
      const doc = res.data?.reportRun?.documents.find((d) => d.mimeType === mimeType);
      if (!doc) message.error(`Báo cáo này chưa có tệp ${label}.`);
      else saveBase64File(doc);
    } catch (err) {
      message.error(toUserMessage(err));
    } finally {
      setDownloading(null);
    }
  };

  const progress = c?.reportingProgress;
  const rates = (progress?.rates ?? []).filter((r) => r.unitKind !== null);
  const total = progress?.rates.find((r) => r.unitKind === null);
  const missing = progress?.missingUnits ?? [];
  const sender = `${campaign.leadAgency.name} (${campaign.issuerTitle})`;

  const runColumns: ColumnsType<Run> = [
    { title: 'Báo cáo', render: (_, r) => <Space orientation="vertical" size={0}><strong>{r.definition.name}</strong><Typography.Text type="secondary">{reportKindLabels[r.definition.kind]} · {describeBoundary(r)}</Typography.Text></Space> },
    { title: 'Kỳ', width: 90, render: (_, r) => `Năm ${r.period}` },
    { title: 'Trạng thái', width: 180, render: (_, r) => <RunState run={r} /> },
    { title: 'Hoàn thành lúc', width: 150, render: (_, r) => formatDateTime(r.finishedAt) },
    {
      title: 'Gửi tỉnh',
      width: 200,
      render: (_, r) =>
        r.deliveries.length ? (
          <Space orientation="vertical" size={2}>
            {r.deliveries.map((d) => (
              <Tag key={d.id} color={DELIVERY_COLORS[d.status]}>
                {deliveryChannelLabels[d.channel]}: {deliveryStatusLabels[d.status]}
              </Tag>
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">Chưa gửi</Typography.Text>
        ),
    },
    {
      title: 'Tệp báo cáo',
      width: 230,
      render: (_, r) =>
        r.status === 'SUCCEEDED' ? (
          <Space wrap size={4}>
            <Button size="small" icon={<FileWordOutlined />} loading={downloading === `${r.id}-${DOCX_MIME}`} onClick={() => void download(r, DOCX_MIME, 'Word')}>
              Tải Word
            </Button>
            <Button size="small" icon={<FileExcelOutlined />} loading={downloading === `${r.id}-${XLSX_MIME}`} onClick={() => void download(r, XLSX_MIME, 'Excel')}>
              Tải bảng tính
            </Button>
          </Space>
        ) : (
          <Typography.Text type="secondary">Có khi lập xong</Typography.Text>
        ),
    },
  ];

  const deliveryColumns: ColumnsType<Delivery> = [
    { title: 'Kênh gửi', width: 150, render: (_, d) => deliveryChannelLabels[d.channel] },
    { title: 'Nơi nhận', render: (_, d) => d.target },
    { title: 'Trạng thái', width: 150, render: (_, d) => <Tag color={DELIVERY_COLORS[d.status]}>{deliveryStatusLabels[d.status]}</Tag> },
    { title: 'Số lần gửi', width: 100, align: 'right', render: (_, d) => formatInteger(d.attempts) },
    { title: 'Gửi thành công lúc', width: 160, render: (_, d) => formatDateTime(d.sentAt) },
    {
      title: 'Chữ ký số',
      width: 260,
      render: (_, d) => {
        const s = describeSignature(d);
        return <Tag color={s.color}>{s.text}</Tag>;
      },
    },
  ];

  const rateOption: ChartOption = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => formatPercent(Number(v)) },
    legend: { top: 0 },
    grid: GRID,
    xAxis: { type: 'category', data: rates.map((r) => kindLabel(r.unitKind)), axisLabel: { interval: 0, width: 90, overflow: 'break' } },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      { type: 'bar', name: 'Đầy đủ', color: COLORS.done, data: rates.map((r) => r.completeness) },
      { type: 'bar', name: 'Đúng hạn', color: COLORS.onTime, data: rates.map((r) => r.timeliness) },
    ],
  };

  const rateColumns: ColumnsType<Rate> = [
    { title: 'Loại đơn vị', width: 170, render: (_, r) => (r.unitKind ? kindLabel(r.unitKind) : <strong>Tất cả đơn vị</strong>) },
    { title: 'Phải báo cáo', width: 110, align: 'right', render: (_, r) => formatInteger(r.expected) },
    { title: 'Đã gửi', width: 90, align: 'right', render: (_, r) => formatInteger(r.submitted) },
    { title: 'Đúng hạn', width: 90, align: 'right', render: (_, r) => formatInteger(r.onTime) },
    { title: 'Gửi muộn', width: 90, align: 'right', render: (_, r) => formatInteger(r.late) },
    { title: 'Tỷ lệ đầy đủ', width: 110, align: 'right', render: (_, r) => formatPercent(r.completeness) },
    { title: 'Tỷ lệ đúng hạn', width: 120, align: 'right', render: (_, r) => formatPercent(r.timeliness) },
  ];

  const file = (what: string) => `${what}-${campaign.code.toLowerCase()}-${year}`;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {header}
      <QueryErrors error={error} />
      {loading && !data ? (
        <PageSpinner />
      ) : (
        <>
          <Card
            size="small"
            title={`Báo cáo gửi tỉnh năm ${year}`}
            extra={
              <ExportButton
                fileName={file('bao-cao-nhan-duoc')}
                sheetName="Báo cáo nhận được"
                title={`Báo cáo ${campaign.name} gửi tỉnh năm ${year}`}
                rows={runs.flatMap((r) => (r.deliveries.length ? r.deliveries.map((d) => ({ r, d })) : [{ r, d: null as Delivery | null }]))}
                columns={[
                  { header: 'Báo cáo', value: ({ r }) => r.definition.name, width: 44 },
                  { header: 'Loại báo cáo', value: ({ r }) => reportKindLabels[r.definition.kind], width: 22 },
                  { header: 'Kỳ', value: ({ r }) => `Năm ${r.period}`, width: 10 },
                  { header: 'Trạng thái', value: ({ r }) => reportRunStatusLabels[r.status], width: 16 },
                  { header: 'Cách lập', value: ({ r }) => reportTriggerLabels[r.trigger] ?? '', width: 16 },
                  { header: 'Hoàn thành lúc', value: ({ r }) => formatDateTime(r.finishedAt), width: 18 },
                  { header: 'Kênh gửi', value: ({ d }) => (d ? deliveryChannelLabels[d.channel] : ''), width: 16 },
                  { header: 'Nơi nhận', value: ({ d }) => d?.target ?? '', width: 36 },
                  { header: 'Trạng thái gửi', value: ({ d }) => (d ? deliveryStatusLabels[d.status] : 'Chưa gửi'), width: 16 },
                  { header: 'Số lần gửi', value: ({ d }) => d?.attempts ?? null, width: 10 },
                  { header: 'Gửi thành công lúc', value: ({ d }) => (d ? formatDateTime(d.sentAt) : ''), width: 18 },
                  { header: 'Chữ ký số', value: ({ d }) => (d ? describeSignature(d).text : ''), width: 36 },
                ]}
              />
            }
          >
            <Descriptions
              size="small"
              style={{ marginBottom: 12 }}
              column={{ xs: 1, md: 2 }}
              items={[
                { key: 's', label: 'Đơn vị gửi', children: sender },
                { key: 'a', label: 'Địa bàn', children: campaign.jurisdiction.name },
              ]}
            />
            <Table<Run>
              rowKey="id"
              size="small"
              dataSource={runs}
              columns={runColumns}
              pagination={{ defaultPageSize: 10, hideOnSinglePage: true, showTotal: (n) => `${n} báo cáo` }}
              locale={{ emptyText: <Empty description={`Chưa nhận được báo cáo nào của năm ${year}.`} /> }}
              expandable={{
                defaultExpandAllRows: true,
                rowExpandable: (r) => r.deliveries.length > 0,
                expandedRowRender: (r) => (
                  <Table<Delivery>
                    rowKey="id"
                    size="small"
                    pagination={false}
                    dataSource={r.deliveries}
                    columns={deliveryColumns}
                    expandable={{ rowExpandable: (d) => d.history.length > 0, expandedRowRender: (d) => <AttemptTable history={d.history} /> }}
                  />
                ),
              }}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              Mỗi lần gửi qua đường kết nối trực tiếp đều kèm chữ ký số của nội dung bằng khóa dùng chung giữa thành phố và tỉnh; máy chủ tiếp nhận của tỉnh kiểm tra chữ ký và từ chối báo cáo có chữ ký không hợp lệ. Hệ thống ghi lại trả lời của nơi nhận cho từng lần gửi.
            </Typography.Paragraph>
          </Card>
          <Card
            size="small"
            title={`Tình hình báo cáo của các đơn vị năm ${year}`}
            extra={
              <ExportButton
                fileName={file('ty-le-bao-cao')}
                sheetName="Tỷ lệ báo cáo"
                title={`Tỷ lệ báo cáo đầy đủ, đúng hạn năm ${year} — ${campaign.name}`}
                rows={progress?.rates ?? []}
                columns={[
                  { header: 'Loại đơn vị', value: (r) => kindLabel(r.unitKind), width: 30 },
                  { header: 'Phải báo cáo', value: (r) => r.expected, width: 14, numFmt: '#,##0' },
                  { header: 'Đã gửi', value: (r) => r.submitted, width: 12, numFmt: '#,##0' },
                  { header: 'Đúng hạn', value: (r) => r.onTime, width: 12, numFmt: '#,##0' },
                  { header: 'Gửi muộn', value: (r) => r.late, width: 12, numFmt: '#,##0' },
                  { header: 'Tỷ lệ đầy đủ (%)', value: (r) => r.completeness, width: 16, numFmt: '0.0' },
                  { header: 'Tỷ lệ đúng hạn (%)', value: (r) => r.timeliness, width: 16, numFmt: '0.0' },
                ]}
              />
            }
          >
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              <Typography.Text>
                {total
                  ? `${formatInteger(total.submitted)}/${formatInteger(total.expected)} đơn vị đã gửi báo cáo năm ${year} (đầy đủ ${formatPercent(total.completeness)}, đúng hạn ${formatPercent(total.timeliness)})`
                  : `Chưa có số liệu báo cáo năm ${year}`}
                {progress?.deadline ? `; hạn gửi ${formatDate(progress.deadline)}.` : '.'}
              </Typography.Text>
              <Row gutter={[16, 16]}>
                <Col xs={24} xl={10}>
                  {rates.length ? <Chart option={rateOption} label={`Tỷ lệ báo cáo đầy đủ và đúng hạn theo loại đơn vị năm ${year}`} height={300} /> : <Empty description="Chưa có số liệu để vẽ biểu đồ." />}
                </Col>
                <Col xs={24} xl={14}>
                  <Table<Rate> rowKey={(r) => r.unitKind ?? 'tong'} size="small" pagination={false} dataSource={[...rates, ...(total ? [total] : [])]} columns={rateColumns} />
                </Col>
              </Row>
            </Space>
          </Card>
          <Card
            size="small"
            title={`Đơn vị chưa gửi báo cáo năm ${year} (${formatInteger(missing.length)})`}
            extra={
              <ExportButton
                fileName={file('chua-gui-bao-cao')}
                sheetName="Chưa gửi báo cáo"
                title={`Đơn vị chưa gửi báo cáo năm ${year} — ${campaign.name}`}
                rows={missing}
                columns={[
                  { header: 'STT', value: (u) => missing.indexOf(u) + 1, width: 6 },
                  { header: 'Đơn vị', value: (u) => u.name, width: 44 },
                  { header: 'Loại đơn vị', value: (u) => kindLabel(u.kind), width: 24 },
                  { header: 'Trực thuộc', value: (u) => u.parent?.name ?? '', width: 36 },
                ]}
              />
            }
          >
            {missing.length === 0 ? (
              <Alert type="success" showIcon title={`Mọi đơn vị phải báo cáo đã gửi báo cáo năm ${year}.`} />
            ) : (
              <Table<MissingUnit>
                rowKey="id"
                size="small"
                dataSource={missing}
                pagination={{ defaultPageSize: 10, showSizeChanger: true, pageSizeOptions: [10, 20, 50, 100], showTotal: (n) => `${n} đơn vị`, hideOnSinglePage: true }}
                columns={[
                  { title: 'STT', width: 64, render: (_, __, i) => i + 1 },
                  { title: 'Đơn vị', render: (_, u) => u.name },
                  { title: 'Loại đơn vị', width: 200, render: (_, u) => kindLabel(u.kind) },
                  { title: 'Trực thuộc', render: (_, u) => u.parent?.name ?? '—' },
                ]}
              />
            )}
          </Card>
        </>
      )}
      <ReceivedReports year={year} />
    </Space>
  );
}
