import { FormOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Card, Empty, Form, Input, InputNumber, Modal, Progress, Slider, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { EvidenceUpload } from '../../features/assessment/evidence-upload';
import { ReportTaskProgressMutation, UnitAssignedTasksQuery, type UnitTask } from '../../features/initiative/unit-tasks-data';
import { EvidenceLink } from '../../features/verification/evidence-link';
import { ExportButton } from '../../layout/export-button';
import { QueryErrors } from '../../layout/query-state';
import { applyServerErrors } from '../../lib/form-errors';
import { daysUntil, describeDaysLeft, formatDate, todayIso } from '../../lib/format';
import { UnitPageHeader } from './unit-page-header';
import { WithMyUnit, type MyUnit } from './use-my-unit';

/** Where a task stands, from its dates (computed by the graph, never typed). */
function stateOf(t: UnitTask): { label: string; color: string } {
  if (t.completedOn) return t.completedOnTime ? { label: 'Hoàn thành đúng hạn', color: 'green' } : { label: 'Hoàn thành muộn', color: 'orange' };
  return t.overdue ? { label: 'Quá hạn', color: 'red' } : { label: 'Đang thực hiện', color: 'blue' };
}

/** The unit's part in a task: in charge of it, or cooperating. */
const isOwner = (t: UnitTask, unit: MyUnit) => t.owner.id === unit.id;

function ProgressHistory({ task }: { task: UnitTask }) {
  if (!task.progress.length) return <Typography.Text type="secondary">Chưa báo cáo tiến độ lần nào.</Typography.Text>;
  return (
    <Timeline
      items={task.progress.map((p, i) => ({
        key: `${p.reportedOn}-${i}`,
        content: (
          <Space orientation="vertical" size={2}>
            <span>
              <strong>{formatDate(p.reportedOn)}</strong>: đạt {p.percent}%
            </span>
            {p.note && <Typography.Text type="secondary">{p.note}</Typography.Text>}
            {p.evidenceFileIds.map((id, k) => (
              <EvidenceLink key={id} id={id} index={k} />
            ))}
          </Space>
        ),
      }))}
    />
  );
}

interface Values {
  percent: number | null;
  note?: string;
  evidenceFileIds: string[];
}

/** Report a task's progress today: the percent reached (never lower than the last report), a note, evidence. */
function ReportModal({ task: asked, onClose }: { task: UnitTask | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  // The task stays shown while the dialog closes.
  const [last, setLast] = useState<UnitTask | null>(asked);
  if (asked && asked !== last) setLast(asked);
  const task = asked ?? last;
  const { message } = App.useApp();
  const [alert, setAlert] = useState<string | null>(null);
  const [report, { loading }] = useMutation(ReportTaskProgressMutation, { refetchQueries: [UnitAssignedTasksQuery] });

  useEffect(() => {
    if (asked) form.setFieldsValue({ percent: asked.percent, note: '', evidenceFileIds: [] });
  }, [asked, form]);

  const onFinish = async (v: Values) => {
    if (!task || v.percent === null) return;
    setAlert(null);
    try {
      await report({ variables: { taskId: task.id, expectedVersion: task.version, percent: v.percent, note: v.note?.trim() || null, evidenceFileIds: v.evidenceFileIds } });
      message.success(v.percent === 100 ? 'Đã báo cáo hoàn thành nhiệm vụ.' : `Đã báo cáo tiến độ ${v.percent}%.`);
      onClose();
    } catch (err) {
      setAlert(applyServerErrors(form, err, { TASK_PROGRESS_INVALID: 'percent' }));
    }
  };

  return (
    <Modal
      open={!!asked}
      onCancel={onClose}
      afterClose={() => {
        setAlert(null);
        form.resetFields();
      }}
      title="Báo cáo tiến độ nhiệm vụ"
      okText="Gửi báo cáo"
      cancelText="Hủy"
      confirmLoading={loading}
      onOk={() => form.submit()}
      width={640}
    >
      {task && (
        <Form<Values> form={form} name="tienDo" layout="vertical" onFinish={onFinish} initialValues={{ percent: task.percent, evidenceFileIds: [] }}>
          {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 16 }} />}
          <Typography.Paragraph>
            <strong>{task.title}</strong>
            <br />
            <Typography.Text type="secondary">
              Kế hoạch {task.planNumber}, thời hạn {formatDate(task.dueDate)}. Lần trước: {task.percent}%.
            </Typography.Text>
          </Typography.Paragraph>
          <Form.Item label="Ngày báo cáo">{formatDate(todayIso())} (hôm nay)</Form.Item>
          <Form.Item
            name="percent"
            label="Tiến độ đạt được (%)"
            extra="Đạt 100% là hoàn thành nhiệm vụ; ngày hoàn thành là hôm nay."
            rules={[
              { required: true, message: 'Nhập tiến độ đạt được.' },
              { type: 'number', min: task.percent, max: 100, message: `Tiến độ từ ${task.percent}% (lần báo cáo trước) đến 100%.` },
            ]}
          >
            <InputNumber<number> precision={0} style={{ width: 140 }} suffix="%" aria-label="Tiến độ đạt được" />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.percent !== b.percent}>
            {() => (
              <Slider
                min={0}
                max={100}
                value={form.getFieldValue('percent') ?? 0}
                onChange={(v) => form.setFieldsValue({ percent: Math.max(v, task.percent) })}
                marks={{ 0: '0%', 50: '50%', 100: '100%' }}
                style={{ marginBottom: 24 }}
              />
            )}
          </Form.Item>
          <Form.Item name="note" label="Nội dung đã thực hiện" rules={[{ max: 2000, message: 'Tối đa 2000 ký tự.' }]}>
            <Input.TextArea rows={3} placeholder="Những việc đã làm, kết quả, khó khăn" />
          </Form.Item>
          <Form.Item name="evidenceFileIds" label="Minh chứng">
            <EvidenceUpload max={10} buttonLabel="Chọn tệp minh chứng" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

function Tasks({ unit }: { unit: MyUnit }) {
  const { data, loading, error } = useQuery(UnitAssignedTasksQuery, { variables: { unitId: unit.id } });
  const [reporting, setReporting] = useState<UnitTask | null>(null);
  const rows = [...(data?.assignedTasks ?? [])].sort((a, b) => Number(!!a.completedOn) - Number(!!b.completedOn) || a.dueDate.localeCompare(b.dueDate));

  return (
    <>
      <UnitPageHeader
        title="Nhiệm vụ được giao"
        unitName={unit.name}
        extra={
          <ExportButton<UnitTask>
            fileName={`nhiem-vu-${unit.code}`}
            sheetName="Nhiệm vụ"
            title={`Nhiệm vụ được giao — ${unit.name}`}
            rows={rows}
            columns={[
              { header: 'Kế hoạch', value: (t) => t.planNumber, width: 16 },
              { header: 'Số thứ tự', value: (t) => t.code ?? '', width: 10 },
              { header: 'Nhiệm vụ', value: (t) => t.title, width: 60 },
              { header: 'Vai trò của đơn vị', value: (t) => (isOwner(t, unit) ? 'Chủ trì' : `Phối hợp với ${t.owner.name}`), width: 30 },
              { header: 'Thời hạn', value: (t) => formatDate(t.dueDate), width: 12 },
              { header: 'Tiến độ (%)', value: (t) => t.percent, width: 10 },
              { header: 'Ngày hoàn thành', value: (t) => formatDate(t.completedOn), width: 14 },
              { header: 'Tình trạng', value: (t) => stateOf(t).label, width: 20 },
              { header: 'Báo cáo gần nhất', value: (t) => t.progress.at(-1)?.note ?? '', width: 40 },
            ]}
          />
        }
      />
      <Typography.Paragraph type="secondary">
        Nhiệm vụ cơ quan thường trực giao cho đơn vị theo kế hoạch của phong trào. Đơn vị chủ trì báo cáo tiến độ kèm minh chứng; mức độ hoàn thành đúng hạn được tính từ ngày hoàn thành và thời hạn.
      </Typography.Paragraph>
      <QueryErrors error={error} />
      <Card size="small">
        <Table<UnitTask>
          rowKey="id"
          loading={loading}
          dataSource={rows}
          expandable={{ expandedRowRender: (t) => <ProgressHistory task={t} /> }}
          pagination={{ defaultPageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50, 100], hideOnSinglePage: true, showTotal: (n) => `${n} nhiệm vụ` }}
          locale={{ emptyText: <Empty description="Đơn vị chưa được giao nhiệm vụ nào." /> }}
          columns={[
            {
              title: 'Nhiệm vụ',
              render: (_, t) => (
                <Space orientation="vertical" size={2}>
                  <span>{t.title}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    Kế hoạch {t.planNumber}
                    {t.code ? `, nhiệm vụ ${t.code}` : ''}
                    {t.campaign ? ` — ${t.campaign.name}` : ''}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: 'Vai trò',
              width: 200,
              render: (_, t) => (isOwner(t, unit) ? <Tag color="geekblue">Chủ trì</Tag> : <Typography.Text type="secondary">Phối hợp với {t.owner.name}</Typography.Text>),
            },
            {
              title: 'Thời hạn',
              width: 150,
              render: (_, t) => (
                <Space orientation="vertical" size={2}>
                  <span>{formatDate(t.dueDate)}</span>
                  {!t.completedOn && (
                    <Typography.Text type={t.overdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
                      {describeDaysLeft(daysUntil(t.dueDate))}
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
            { title: 'Tiến độ', width: 160, render: (_, t) => <Progress percent={t.percent} size="small" status={t.overdue ? 'exception' : t.completedOn ? 'success' : 'active'} /> },
            {
              title: 'Tình trạng',
              width: 180,
              render: (_, t) => (
                <Space orientation="vertical" size={2}>
                  <Tag color={stateOf(t).color}>{stateOf(t).label}</Tag>
                  {t.completedOn && <Typography.Text type="secondary">ngày {formatDate(t.completedOn)}</Typography.Text>}
                </Space>
              ),
            },
            {
              title: '',
              width: 150,
              render: (_, t) =>
                isOwner(t, unit) && !t.completedOn ? (
                  <Button size="small" icon={<FormOutlined />} aria-label={`Báo cáo tiến độ: ${t.title}`} onClick={() => setReporting(t)}>
                    Báo cáo tiến độ
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      <ReportModal task={reporting} onClose={() => setReporting(null)} />
    </>
  );
}

/** /don-vi-cua-toi/nhiem-vu — the tasks assigned to the unit, their progress, and reporting it with evidence. */
export function UnitTasksPage() {
  return <WithMyUnit>{(unit) => <Tasks unit={unit} />}</WithMyUnit>;
}
