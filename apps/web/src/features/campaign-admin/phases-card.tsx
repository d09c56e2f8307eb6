import { PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { ExportButton } from '../../layout/export-button';
import { applyServerErrors } from '../../lib/form-errors';
import { dayjs, formatDate } from '../../lib/format';
import { AddPhaseMutation, CampaignAdminQuery, type AdminCampaign } from './campaign-admin-data';

interface Values {
  name: string;
  startDate: Dayjs | null;
  endDate: Dayjs | null;
}

type Phase = AdminCampaign['phases'][number];

/** The campaign's phases (giai đoạn) and adding one within the campaign's dates. */
export function PhasesCard({ campaign }: { campaign: AdminCampaign }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [alert, setAlert] = useState<string | null>(null);
  const [add, { loading }] = useMutation(AddPhaseMutation, { refetchQueries: [CampaignAdminQuery] });
  const outside = (d: Dayjs) => d.isBefore(dayjs(campaign.startDate), 'day') || d.isAfter(dayjs(campaign.endDate), 'day');

  const onFinish = async (v: Values) => {
    setAlert(null);
    try {
      await add({ variables: { campaignId: campaign.id, input: { name: v.name.trim(), startDate: v.startDate?.format('YYYY-MM-DD') ?? '', endDate: v.endDate?.format('YYYY-MM-DD') ?? '' } } });
      message.success('Đã thêm giai đoạn.');
      form.resetFields();
      setOpen(false);
    } catch (err) {
      setAlert(applyServerErrors(form, err, { PHASE_OUTSIDE_CAMPAIGN: 'endDate' }));
    }
  };

  return (
    <Card
      title="Giai đoạn"
      size="small"
      extra={
        <>
          <ExportButton
            fileName={`giai-doan-${campaign.code}`}
            sheetName="Giai đoạn"
            title={`Các giai đoạn — ${campaign.name}`}
            rows={campaign.phases}
            columns={[
              { header: 'Thứ tự', value: (p) => p.ordinal, width: 8 },
              { header: 'Giai đoạn', value: (p) => p.name, width: 40 },
              { header: 'Từ ngày', value: (p) => formatDate(p.startDate), width: 12 },
              { header: 'Đến ngày', value: (p) => formatDate(p.endDate), width: 12 },
            ]}
          />{' '}
          <Button icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            Thêm giai đoạn
          </Button>
        </>
      }
    >
      <Table<Phase>
        rowKey="id"
        size="small"
        dataSource={campaign.phases}
        pagination={{ defaultPageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: 'Phong trào chưa chia giai đoạn.' }}
        columns={[
          { title: 'Thứ tự', width: 80, render: (_, p) => p.ordinal },
          { title: 'Giai đoạn', render: (_, p) => p.name },
          { title: 'Thời gian', width: 240, render: (_, p) => `${formatDate(p.startDate)} – ${formatDate(p.endDate)}` },
        ]}
      />
      <Modal open={open} title="Thêm giai đoạn" okText="Thêm giai đoạn" cancelText="Hủy" confirmLoading={loading} onOk={() => form.submit()} onCancel={() => setOpen(false)} destroyOnHidden>
        <Form<Values> form={form} name="giai-doan" layout="vertical" onFinish={onFinish} initialValues={{ startDate: null, endDate: null }}>
          {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 16 }} />}
          <Form.Item name="name" label="Tên giai đoạn" rules={[{ required: true, whitespace: true, message: 'Nhập tên giai đoạn.' }, { max: 255, message: 'Tối đa 255 ký tự.' }]}>
            <Input placeholder="Ví dụ: Giai đoạn 2026 - 2027" />
          </Form.Item>
          <Form.Item name="startDate" label="Từ ngày" rules={[{ required: true, message: 'Chọn ngày bắt đầu giai đoạn.' }]}>
            <DatePicker format="DD/MM/YYYY" disabledDate={outside} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item
            name="endDate"
            label="Đến ngày"
            dependencies={['startDate']}
            rules={[
              { required: true, message: 'Chọn ngày kết thúc giai đoạn.' },
              ({ getFieldValue }) => ({
                validator: (_, v: Dayjs | null) => {
                  const s = getFieldValue('startDate') as Dayjs | null;
                  return v && s && !v.isAfter(s, 'day') ? Promise.reject(new Error('Ngày kết thúc phải sau ngày bắt đầu.')) : Promise.resolve();
                },
              }),
            ]}
          >
            <DatePicker format="DD/MM/YYYY" disabledDate={outside} style={{ width: 200 }} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
