import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, DatePicker, Drawer, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { orgUnitKindLabels } from '../../i18n/labels';
import { applyServerErrors } from '../../lib/form-errors';
import { dayjs } from '../../lib/format';
import { AssignTaskMutation, TaskUnitsQuery, TasksQuery } from './task-data';

interface Values {
  planNumber: string;
  planTitle?: string;
  code?: string;
  title: string;
  dueDate: Dayjs | null;
  ownerUnitId: string;
  cooperatingUnitIds?: string[];
}

/** Assign a task of a plan to a unit (and the units cooperating on it). */
export function AssignTaskDrawer({ open, onClose, campaign, asOf }: { open: boolean; onClose: () => void; campaign: { id: string; name: string }; asOf?: string }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const { data } = useQuery(TaskUnitsQuery, { variables: { campaignId: campaign.id, asOf: asOf ?? null }, skip: !open });
  const [assign, { loading }] = useMutation(AssignTaskMutation, { refetchQueries: [TasksQuery] });
  const [alert, setAlert] = useState<string | null>(null);
  const units = [...(data?.campaign?.expectedUnits ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  const options = units.map((u) => ({ value: u.id, label: u.name, title: orgUnitKindLabels[u.kind] }));
  const owner = Form.useWatch('ownerUnitId', form);

  const onFinish = async (v: Values) => {
    if (!v.dueDate) return;
    setAlert(null);
    try {
      await assign({
        variables: {
          input: {
            campaignId: campaign.id,
            planNumber: v.planNumber.trim(),
            planTitle: v.planTitle?.trim() || null,
            code: v.code?.trim() || null,
            title: v.title.trim(),
            dueDate: v.dueDate.format('YYYY-MM-DD'),
            ownerUnitId: v.ownerUnitId,
            cooperatingUnitIds: (v.cooperatingUnitIds ?? []).filter((id) => id !== v.ownerUnitId),
          },
        },
      });
      message.success('Đã giao nhiệm vụ.');
      form.resetFields();
      onClose();
    } catch (err) {
      setAlert(applyServerErrors(form, err));
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={620}
      title="Giao nhiệm vụ cho đơn vị"
      destroyOnHidden
      extra={
        <Button type="primary" loading={loading} onClick={() => form.submit()}>
          Giao nhiệm vụ
        </Button>
      }
    >
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} initialValues={{ dueDate: null }}>
        {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 16 }} />}
        <Form.Item name="planNumber" label="Số, ký hiệu kế hoạch giao nhiệm vụ" rules={[{ required: true, whitespace: true, message: 'Nhập số, ký hiệu kế hoạch (ví dụ 193/KH-UBND).' }, { max: 64, message: 'Tối đa 64 ký tự.' }]}>
          <Input placeholder="Ví dụ: 193/KH-UBND" />
        </Form.Item>
        <Form.Item name="planTitle" label="Trích yếu kế hoạch" rules={[{ max: 500, message: 'Tối đa 500 ký tự.' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="code" label="Số thứ tự nhiệm vụ trong kế hoạch" rules={[{ max: 32, message: 'Tối đa 32 ký tự.' }]}>
          <Input style={{ width: 200 }} placeholder="Ví dụ: II.3" />
        </Form.Item>
        <Form.Item name="title" label="Nội dung nhiệm vụ" rules={[{ required: true, whitespace: true, message: 'Nhập nội dung nhiệm vụ.' }, { max: 1000, message: 'Tối đa 1000 ký tự.' }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="dueDate" label="Thời hạn hoàn thành" rules={[{ required: true, message: 'Chọn thời hạn hoàn thành.' }]}>
          <DatePicker format="DD/MM/YYYY" style={{ width: 200 }} disabledDate={(d) => d.isBefore(dayjs().subtract(5, 'year'), 'day')} />
        </Form.Item>
        <Form.Item name="ownerUnitId" label="Đơn vị chủ trì" rules={[{ required: true, message: 'Chọn đơn vị chủ trì.' }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={options} placeholder="Chọn đơn vị" loading={!data && open} />
        </Form.Item>
        <Form.Item name="cooperatingUnitIds" label="Đơn vị phối hợp">
          <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={options.filter((o) => o.value !== owner)} placeholder="Không có" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
