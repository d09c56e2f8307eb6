import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Popconfirm, Radio, Select, Space, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { MilestoneKind, Recurrence } from '../../gql/graphql';
import { milestoneKindLabels, recurrenceLabels } from '../../i18n/labels';
import { ExportButton } from '../../layout/export-button';
import { toUserMessage } from '../../lib/errors';
import { applyServerErrors } from '../../lib/form-errors';
import { dayjs, formatDate } from '../../lib/format';
import { AddMilestoneMutation, CampaignAdminQuery, RemoveMilestoneMutation, UpdateMilestoneMutation, type AdminCampaign, type AdminMilestone } from './campaign-admin-data';

interface Values {
  kind: MilestoneKind;
  title: string;
  startDate: Dayjs | null;
  dueDate: Dayjs | null;
  recurrence: Recurrence;
  phaseId?: string | null;
  sourceClause?: string;
}

const KIND_OPTIONS = (Object.keys(milestoneKindLabels) as MilestoneKind[]).map((k) => ({ value: k, label: milestoneKindLabels[k] }));

/** The campaign's milestones (deadlines): add, change, remove. */
export function MilestonesCard({ campaign }: { campaign: AdminCampaign }) {
  const [editing, setEditing] = useState<AdminMilestone | 'new' | null>(null);
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [alert, setAlert] = useState<string | null>(null);
  const refetchQueries = [CampaignAdminQuery];
  const [add, added] = useMutation(AddMilestoneMutation, { refetchQueries });
  const [update, updated] = useMutation(UpdateMilestoneMutation, { refetchQueries });
  const [remove] = useMutation(RemoveMilestoneMutation, { refetchQueries });
  const outside = (d: Dayjs) => d.isBefore(dayjs(campaign.startDate), 'day') || d.isAfter(dayjs(campaign.endDate), 'day');

  const openEditor = (m: AdminMilestone | 'new') => {
    setAlert(null);
    setEditing(m);
    form.setFieldsValue(
      m === 'new'
        ? { kind: undefined, title: '', startDate: null, dueDate: null, recurrence: 'ONCE', phaseId: null, sourceClause: '' }
        : { kind: m.kind, title: m.title, startDate: m.startDate ? dayjs(m.startDate) : null, dueDate: dayjs(m.dueDate), recurrence: m.recurrence, phaseId: m.phase?.id ?? null, sourceClause: m.sourceClause ?? '' },
    );
  };

  const onFinish = async (v: Values) => {
    setAlert(null);
    const input = {
      kind: v.kind,
      title: v.title.trim(),
      startDate: v.startDate?.format('YYYY-MM-DD') ?? null,
      dueDate: v.dueDate?.format('YYYY-MM-DD') ?? '',
      recurrence: v.recurrence,
      phaseId: v.phaseId ?? null,
      sourceClause: v.sourceClause?.trim() || null,
    };
    try {
      if (editing === 'new') await add({ variables: { campaignId: campaign.id, input } });
      else if (editing) await update({ variables: { id: editing.id, input } });
      message.success(editing === 'new' ? 'Đã thêm mốc thời gian.' : 'Đã lưu mốc thời gian.');
      setEditing(null);
    } catch (err) {
      setAlert(applyServerErrors(form, err, { MILESTONE_OUTSIDE_CAMPAIGN: 'dueDate', MILESTONE_DATES_INVALID: 'startDate', PHASE_NOT_FOUND: 'phaseId' }));
    }
  };

  const onRemove = async (m: AdminMilestone) => {
    try {
      await remove({ variables: { id: m.id } });
      message.success('Đã xóa mốc thời gian.');
    } catch (err) {
      message.error(toUserMessage(err));
    }
  };

  return (
    <Card
      title="Mốc thời gian"
      size="small"
      extra={
        <>
          <ExportButton
            fileName={`moc-thoi-gian-${campaign.code}`}
            sheetName="Mốc thời gian"
            title={`Các mốc thời gian — ${campaign.name}`}
            rows={campaign.milestones}
            columns={[
              { header: 'Loại mốc', value: (m) => milestoneKindLabels[m.kind], width: 28 },
              { header: 'Nội dung', value: (m) => m.title, width: 50 },
              { header: 'Từ ngày', value: (m) => formatDate(m.startDate), width: 12 },
              { header: 'Hạn chót', value: (m) => formatDate(m.dueDate), width: 12 },
              { header: 'Lặp lại', value: (m) => recurrenceLabels[m.recurrence], width: 12 },
              { header: 'Giai đoạn', value: (m) => m.phase?.name ?? '', width: 24 },
              { header: 'Căn cứ (điều, khoản)', value: (m) => m.sourceClause ?? '', width: 16 },
            ]}
          />{' '}
          <Button icon={<PlusOutlined />} onClick={() => openEditor('new')}>
            Thêm mốc
          </Button>
        </>
      }
    >
      <Table<AdminMilestone>
        rowKey="id"
        size="small"
        dataSource={campaign.milestones}
        pagination={{ defaultPageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: 'Chưa có mốc thời gian nào.' }}
        columns={[
          { title: 'Loại mốc', width: 220, render: (_, m) => milestoneKindLabels[m.kind] },
          { title: 'Nội dung', render: (_, m) => m.title },
          { title: 'Hạn chót', width: 200, render: (_, m) => `${m.startDate ? `${formatDate(m.startDate)} – ` : ''}${formatDate(m.dueDate)}${m.recurrence === 'YEARLY' ? ' (hằng năm)' : ''}` },
          { title: 'Giai đoạn', width: 160, render: (_, m) => m.phase?.name ?? '' },
          { title: 'Căn cứ', width: 90, render: (_, m) => m.sourceClause ?? '' },
          {
            title: '',
            width: 110,
            render: (_, m) => (
              <Space>
                <Button size="small" icon={<EditOutlined />} aria-label={`Sửa mốc ${m.title}`} onClick={() => openEditor(m)} />
                <Popconfirm title="Xóa mốc thời gian này?" okText="Xóa" cancelText="Không" onConfirm={() => onRemove(m)}>
                  <Button size="small" danger icon={<DeleteOutlined />} aria-label={`Xóa mốc ${m.title}`} />
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={!!editing}
        forceRender
        title={editing === 'new' ? 'Thêm mốc thời gian' : 'Sửa mốc thời gian'}
        okText={editing === 'new' ? 'Thêm mốc' : 'Lưu mốc'}
        cancelText="Hủy"
        confirmLoading={added.loading || updated.loading}
        onOk={() => form.submit()}
        onCancel={() => setEditing(null)}
      >
        <Form<Values> form={form} name="moc-thoi-gian" layout="vertical" onFinish={onFinish}>
          {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 16 }} />}
          <Form.Item name="kind" label="Loại mốc" rules={[{ required: true, message: 'Chọn loại mốc.' }]}>
            <Select options={KIND_OPTIONS} placeholder="Chọn loại mốc" />
          </Form.Item>
          <Form.Item name="title" label="Nội dung" rules={[{ required: true, whitespace: true, message: 'Nhập nội dung của mốc.' }, { max: 500, message: 'Tối đa 500 ký tự.' }]}>
            <Input placeholder="Ví dụ: Các đơn vị gửi báo cáo kết quả năm" />
          </Form.Item>
          <Space wrap>
            <Form.Item name="startDate" label="Từ ngày (nếu là một khoảng)">
              <DatePicker format="DD/MM/YYYY" disabledDate={outside} />
            </Form.Item>
            <Form.Item
              name="dueDate"
              label="Hạn chót"
              dependencies={['startDate']}
              rules={[
                { required: true, message: 'Chọn hạn chót.' },
                ({ getFieldValue }) => ({
                  validator: (_, v: Dayjs | null) => {
                    const s = getFieldValue('startDate') as Dayjs | null;
                    return v && s && v.isBefore(s, 'day') ? Promise.reject(new Error('Hạn chót không được trước ngày bắt đầu.')) : Promise.resolve();
                  },
                }),
              ]}
            >
              <DatePicker format="DD/MM/YYYY" disabledDate={outside} />
            </Form.Item>
          </Space>
          <Form.Item name="recurrence" label="Lặp lại">
            <Radio.Group options={(Object.keys(recurrenceLabels) as Recurrence[]).map((r) => ({ value: r, label: recurrenceLabels[r] }))} />
          </Form.Item>
          <Form.Item name="phaseId" label="Thuộc giai đoạn">
            <Select allowClear placeholder="Không thuộc giai đoạn nào" options={campaign.phases.map((p) => ({ value: p.id, label: p.name }))} />
          </Form.Item>
          <Form.Item name="sourceClause" label="Điều, khoản của kế hoạch quy định mốc này" rules={[{ max: 64, message: 'Tối đa 64 ký tự.' }]}>
            <Input placeholder="Ví dụ: VI.7" style={{ width: 200 }} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
