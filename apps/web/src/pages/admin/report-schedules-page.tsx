import { BellOutlined, EditOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Card, Empty, Form, InputNumber, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { ReportSchedulesQuery, RunRemindersMutation, SetReportScheduleMutation, parseSchedule, toCron, type SimpleSchedule } from '../../features/admin/jobs-data';
import { describeSchedule } from '../../features/report-runs/report-data';
import type { AdminReportSchedulesQuery } from '../../gql/graphql';
import { deliveryChannelLabels, reportKindLabels } from '../../i18n/labels';
import { ExportButton } from '../../layout/export-button';
import { QueryErrors } from '../../layout/query-state';
import { applyServerErrors } from '../../lib/form-errors';
import { toUserErrors } from '../../lib/errors';
import { formatInteger } from '../../lib/format';
import { AdminNav } from './admin-nav';

type Campaign = AdminReportSchedulesQuery['campaigns'][number];
type Definition = NonNullable<Campaign['reportDefinitions']>[number] & { campaign: Campaign };
type Channel = AdminReportSchedulesQuery['deliveryChannels'][number];

const tzLabel = (tz: string | undefined) => (!tz || tz === 'Asia/Ho_Chi_Minh' ? 'Giờ Việt Nam' : 'Múi giờ khác');
const scheduleText = (d: Definition) => (d.schedule ? describeSchedule(d.schedule.pattern) : 'Chưa đặt lịch');
const FREQUENCIES = [
  { value: 'YEARLY', label: 'Hằng năm' },
  { value: 'MONTHLY', label: 'Hằng tháng' },
  { value: 'DAILY', label: 'Hằng ngày' },
];

/** The form that sets one report's schedule: how often, which day, what time, on or off. */
function ScheduleModal({ definition, onClose }: { definition: Definition | null; onClose: () => void }) {
  const [form] = Form.useForm<SimpleSchedule & { enabled: boolean }>();
  const [setSchedule, { loading }] = useMutation(SetReportScheduleMutation);
  const [problem, setProblem] = useState<string | null>(null);
  const { message } = App.useApp();
  const frequency = Form.useWatch('frequency', form);
  const initial = (definition?.schedule && parseSchedule(definition.schedule.pattern)) ?? { frequency: 'YEARLY' as const, day: 13, month: 12, hour: 8, minute: 0 };

  const save = async () => {
    // Invalid boxes say why beside them; nothing is sent (and no unhandled rejection reaches the page).
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setProblem(null);
    try {
      await setSchedule({ variables: { definitionId: definition?.id ?? '', pattern: toCron(v), enabled: v.enabled } });
      message.success('Đã lưu lịch lập báo cáo.');
      onClose();
    } catch (err) {
      setProblem(applyServerErrors(form, err, { pattern: 'hour' }) ?? null);
    }
  };

  return (
    <Modal
      open={!!definition}
      title={`Lịch lập báo cáo «${definition?.name ?? ''}»`}
      okText="Lưu lịch"
      cancelText="Hủy"
      onOk={() => void save()}
      confirmLoading={loading}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ ...initial, enabled: definition?.schedule?.enabled ?? true }} preserve={false}>
        <Form.Item name="enabled" label="Tự động lập theo lịch" valuePropName="checked">
          <Switch checkedChildren="Bật" unCheckedChildren="Tắt" />
        </Form.Item>
        <Form.Item name="frequency" label="Lặp lại" rules={[{ required: true, message: 'Chọn cách lặp lại.' }]}>
          <Select options={FREQUENCIES} />
        </Form.Item>
        <Space wrap>
          {frequency !== 'DAILY' && (
            <Form.Item name="day" label="Ngày" rules={[{ required: true, message: 'Nhập ngày.' }, { type: 'integer', min: 1, max: 31, message: 'Ngày từ 1 đến 31.' }]}>
              <InputNumber aria-label="Ngày" />
            </Form.Item>
          )}
          {frequency === 'YEARLY' && (
            <Form.Item name="month" label="Tháng" rules={[{ required: true, message: 'Nhập tháng.' }, { type: 'integer', min: 1, max: 12, message: 'Tháng từ 1 đến 12.' }]}>
              <InputNumber aria-label="Tháng" />
            </Form.Item>
          )}
          <Form.Item name="hour" label="Giờ" rules={[{ required: true, message: 'Nhập giờ.' }, { type: 'integer', min: 0, max: 23, message: 'Giờ từ 0 đến 23.' }]}>
            <InputNumber aria-label="Giờ" />
          </Form.Item>
          <Form.Item name="minute" label="Phút" rules={[{ required: true, message: 'Nhập phút.' }, { type: 'integer', min: 0, max: 59, message: 'Phút từ 0 đến 59.' }]}>
            <InputNumber aria-label="Phút" />
          </Form.Item>
        </Space>
        <Typography.Text type="secondary">Theo giờ Việt Nam. Một báo cáo đã lập cho một năm không bị lập lại khi lịch chạy lần nữa.</Typography.Text>
        {problem && <Alert type="error" showIcon title={problem} style={{ marginTop: 12 }} />}
      </Form>
    </Modal>
  );
}

/**
 * When each report of each campaign is built by itself (the schedule in words, on or off, editable), whom it is
 * addressed to, and the channels a finished report is sent to the province by (set in the server's configuration:
 * shown read-only, without the shared key).
 */
export function ReportSchedulesPage() {
  const { data, loading, error } = useQuery(ReportSchedulesQuery, { fetchPolicy: 'cache-and-network' });
  const [editing, setEditing] = useState<Definition | null>(null);
  const definitions: Definition[] = (data?.campaigns ?? []).flatMap((c) => (c.reportDefinitions ?? []).map((d) => ({ ...d, campaign: c })));
  const channels = data?.deliveryChannels ?? [];
  const channelText = (d: Definition) => (d.deliverToProvince ? (channels.length ? channels.map((c) => deliveryChannelLabels[c.channel]).join(', ') : 'Chưa cấu hình nơi nhận') : 'Không gửi tỉnh');

  const columns: ColumnsType<Definition> = [
    { title: 'Phong trào', width: 260, render: (_, d) => d.campaign.name },
    { title: 'Báo cáo', render: (_, d) => <Space orientation="vertical" size={0}><strong>{d.name}</strong><Typography.Text type="secondary">{reportKindLabels[d.kind]}</Typography.Text></Space> },
    { title: 'Kính gửi', width: 220, render: (_, d) => d.recipient },
    { title: 'Lịch tự động', width: 220, render: (_, d) => <Space orientation="vertical" size={0}>{scheduleText(d)}{d.schedule && <Typography.Text type="secondary">{tzLabel(d.schedule.tz)}</Typography.Text>}</Space> },
    { title: 'Trạng thái', width: 110, render: (_, d) => (d.schedule?.enabled ? <Tag color="green">Đang bật</Tag> : <Tag>Đang tắt</Tag>) },
    { title: 'Gửi lên tỉnh qua', width: 170, render: (_, d) => channelText(d) },
    {
      title: '',
      width: 110,
      render: (_, d) => (
        <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(d)}>
          Sửa lịch
        </Button>
      ),
    },
  ];

  const channelColumns: ColumnsType<Channel> = [
    { title: 'Kênh gửi', width: 180, render: (_, c) => deliveryChannelLabels[c.channel] },
    { title: 'Nơi nhận', render: (_, c) => c.target },
    { title: 'Chữ ký số', width: 280, render: (_, c) => (c.signed ? <Tag color="green">Ký từng lần gửi bằng khóa dùng chung với tỉnh</Tag> : <Tag>Không ký</Tag>) },
    { title: 'Số lần thử gửi', width: 130, align: 'right', render: (_, c) => formatInteger(c.attempts) },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <AdminNav />
      <Typography.Title level={2} style={{ margin: 0 }}>
        Lịch báo cáo
      </Typography.Title>
      <QueryErrors error={error} />
      <Card
        size="small"
        title="Lịch tự động lập báo cáo"
        extra={
          <ExportButton
            fileName="lich-lap-bao-cao"
            sheetName="Lịch lập báo cáo"
            title="Lịch tự động lập báo cáo"
            rows={definitions}
            columns={[
              { header: 'Phong trào', value: (d) => d.campaign.name, width: 40 },
              { header: 'Báo cáo', value: (d) => d.name, width: 44 },
              { header: 'Loại báo cáo', value: (d) => reportKindLabels[d.kind], width: 22 },
              { header: 'Kính gửi', value: (d) => d.recipient, width: 36 },
              { header: 'Lịch tự động', value: (d) => scheduleText(d), width: 30 },
              { header: 'Trạng thái', value: (d) => (d.schedule?.enabled ? 'Đang bật' : 'Đang tắt'), width: 12 },
              { header: 'Gửi lên tỉnh qua', value: (d) => channelText(d), width: 26 },
            ]}
          />
        }
      >
        <Table<Definition>
          rowKey="id"
          size="small"
          loading={loading && !data}
          dataSource={definitions}
          columns={columns}
          pagination={{ defaultPageSize: 10, hideOnSinglePage: true, showTotal: (n) => `${n} báo cáo` }}
          locale={{ emptyText: <Empty description="Chưa có báo cáo định kỳ nào." /> }}
        />
      </Card>
      <Card
        size="small"
        title="Kênh gửi báo cáo lên tỉnh"
        extra={
          <ExportButton
            fileName="kenh-gui-bao-cao"
            sheetName="Kênh gửi"
            title="Kênh gửi báo cáo lên tỉnh"
            rows={channels}
            columns={[
              { header: 'Kênh gửi', value: (c) => deliveryChannelLabels[c.channel], width: 20 },
              { header: 'Nơi nhận', value: (c) => c.target, width: 50 },
              { header: 'Chữ ký số', value: (c) => (c.signed ? 'Có' : 'Không'), width: 12 },
              { header: 'Số lần thử gửi', value: (c) => c.attempts, width: 14 },
            ]}
          />
        }
      >
        {channels.length ? (
          <Table<Channel> rowKey={(c) => `${c.channel}-${c.target}`} size="small" pagination={false} dataSource={channels} columns={channelColumns} />
        ) : (
          <Empty description="Chưa cấu hình nơi nhận của tỉnh: báo cáo lập xong không được gửi tự động." />
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          Nơi nhận và khóa ký được đặt trong cấu hình của máy chủ báo cáo, không sửa được tại đây; khóa ký không bao giờ hiển thị.
        </Typography.Paragraph>
      </Card>
      <RemindersCard />
      <ScheduleModal definition={editing} onClose={() => setEditing(null)} />
    </Space>
  );
}

/** The daily reminder scan (deadlines near or past, the units that have not delivered), run now on demand. */
function RemindersCard() {
  const [run, { loading }] = useMutation(RunRemindersMutation);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const start = async () => {
    setOutcome(null);
    try {
      const r = (await run()).data?.runReminders;
      setOutcome({
        ok: true,
        text: r ? `Đã quét xong: ${formatInteger(r.created)} thông báo mới, ${formatInteger(r.digests)} thư tổng hợp được gửi.` : 'Đã quét xong.',
      });
    } catch (err) {
      setOutcome({ ok: false, text: toUserErrors(err).map((e) => e.message).join(' ') });
    }
  };
  return (
    <Card size="small" title="Nhắc việc">
      <Typography.Paragraph style={{ marginTop: 0 }}>
        Mỗi sáng hệ thống tự quét các hạn nộp sắp đến hoặc đã qua (kế hoạch, báo cáo năm, tự đánh giá, hồ sơ khen thưởng) và
        nhắc các đơn vị chưa nộp; mỗi thông báo chỉ gửi một lần. Có thể quét ngay, ví dụ sau khi sửa hạn nộp.
      </Typography.Paragraph>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Button icon={<BellOutlined />} loading={loading} onClick={() => void start()}>
          Quét nhắc việc ngay
        </Button>
        {outcome && <Alert type={outcome.ok ? 'success' : 'error'} showIcon title={outcome.text} />}
      </Space>
    </Card>
  );
}
