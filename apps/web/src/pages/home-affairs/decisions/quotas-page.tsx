import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Card, Empty, Form, InputNumber, Modal, Progress, Select, Space, Table, Typography } from 'antd';
import { useLayoutEffect, useState } from 'react';
import { AwardCampaignPicker, useAwardCampaign } from '../../../features/decision/award-campaign';
import { QuotaUnitsQuery, QuotasQuery, SetQuotaMutation, type Quota } from '../../../features/decision/decision-data';
import { orgUnitKindLabels } from '../../../i18n/labels';
import { ExportButton } from '../../../layout/export-button';
import { QueryErrors } from '../../../layout/query-state';
import { applyServerErrors } from '../../../lib/form-errors';
import { formatDate, formatInteger, todayIso } from '../../../lib/format';
import { HomeAffairsNav } from '../home-affairs-nav';

interface Values {
  proposingUnitId: string;
  formId: string;
  maxNominations: number | null;
}

const ALL_FORMS = 'moi-hinh-thuc';

/** The quota of nominations each proposing unit may send at an occasion (for one form or all). */
export function QuotasPage() {
  const award = useAwardCampaign();
  const { campaign, occasion, forms } = award;
  const { message } = App.useApp();
  const { data, loading, error } = useQuery(QuotasQuery, { variables: { occasionId: occasion?.id ?? '' }, skip: !occasion });
  const [editing, setEditing] = useState<{ quota: Quota | null } | null>(null);
  const [form] = Form.useForm<Values>();
  const [alert, setAlert] = useState<string | null>(null);
  // The units expected at the occasion's end and those of today (after a reorganisation the successors propose).
  const asOf = occasion ? (occasion.endDate < todayIso() ? occasion.endDate : todayIso()) : null;
  const units = useQuery(QuotaUnitsQuery, { variables: { campaignId: campaign?.id ?? '', asOf }, skip: !campaign || !editing });
  const unitsToday = useQuery(QuotaUnitsQuery, { variables: { campaignId: campaign?.id ?? '', asOf: todayIso() }, skip: !campaign || !editing });
  const [save, { loading: saving }] = useMutation(SetQuotaMutation, { refetchQueries: [QuotasQuery] });
  const rows = [...(data?.quotas ?? [])].sort((a, b) => a.proposingUnit.name.localeCompare(b.proposingUnit.name, 'vi'));
  const unitOptions = [...new Map([...(units.data?.campaign?.expectedUnits ?? []), ...(unitsToday.data?.campaign?.expectedUnits ?? [])].map((u) => [u.id, u])).values()]
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
    .map((u) => ({ value: u.id, label: u.validTo ? `${u.name} (thôi hoạt động từ ${formatDate(u.validTo)})` : u.name, title: orgUnitKindLabels[u.kind] }));
  if (editing?.quota && !unitOptions.some((o) => o.value === editing.quota?.proposingUnit.id)) {
    unitOptions.unshift({ value: editing.quota.proposingUnit.id, label: editing.quota.proposingUnit.name, title: orgUnitKindLabels[editing.quota.proposingUnit.kind] });
  }

  // Before the dialog paints: a reset after it showed could wipe what the user had already typed.
  useLayoutEffect(() => {
    if (!editing) return;
    form.resetFields();
    if (editing.quota) form.setFieldsValue({ proposingUnitId: editing.quota.proposingUnit.id, formId: editing.quota.form?.id ?? ALL_FORMS, maxNominations: editing.quota.maxNominations });
  }, [editing, form]);

  const onFinish = async (v: Values) => {
    if (!occasion) return;
    setAlert(null);
    try {
      await save({ variables: { occasionId: occasion.id, proposingUnitId: v.proposingUnitId, formId: v.formId === ALL_FORMS ? null : v.formId, maxNominations: v.maxNominations ?? 0 } });
      message.success('Đã lưu chỉ tiêu.');
      setEditing(null);
    } catch (err) {
      setAlert(applyServerErrors(form, err));
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <HomeAffairsNav />
      <Typography.Title level={2} style={{ margin: 0 }}>
        Chỉ tiêu đề nghị khen thưởng
      </Typography.Title>
      <Card size="small">
        <Space wrap>
          <AwardCampaignPicker award={award} occasion="required" />
          <Button type="primary" icon={<PlusOutlined />} disabled={!occasion} onClick={() => setEditing({ quota: null })}>
            Đặt chỉ tiêu
          </Button>
          <ExportButton<Quota>
            fileName={`chi-tieu-${campaign?.code ?? ''}`}
            sheetName="Chỉ tiêu"
            title={`Chỉ tiêu đề nghị khen thưởng — ${occasion?.name ?? ''} — ${campaign?.name ?? ''}`}
            rows={rows}
            columns={[
              { header: 'Đơn vị đề nghị', value: (q) => q.proposingUnit.name, width: 40 },
              { header: 'Hình thức', value: (q) => q.form?.name ?? 'Mọi hình thức', width: 36 },
              { header: 'Chỉ tiêu', value: (q) => q.maxNominations, width: 10 },
              { header: 'Đã đề nghị', value: (q) => q.used, width: 12 },
              { header: 'Còn lại', value: (q) => q.maxNominations - q.used, width: 10 },
            ]}
          />
        </Space>
      </Card>
      <QueryErrors error={award.error ?? error} />
      <Table<Quota>
        rowKey="id"
        loading={loading}
        dataSource={rows}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, hideOnSinglePage: true, showTotal: (n) => `${n} chỉ tiêu` }}
        locale={{ emptyText: <Empty description={occasion ? 'Chưa đặt chỉ tiêu nào cho đợt này.' : 'Chọn đợt khen thưởng.'} /> }}
        columns={[
          { title: 'Đơn vị đề nghị', render: (_, q) => q.proposingUnit.name },
          { title: 'Hình thức', render: (_, q) => q.form?.name ?? 'Mọi hình thức' },
          { title: 'Chỉ tiêu', align: 'right', width: 100, render: (_, q) => formatInteger(q.maxNominations) },
          {
            title: 'Đã đề nghị',
            width: 220,
            render: (_, q) => (
              <Progress
                size="small"
                percent={q.maxNominations ? Math.round((q.used / q.maxNominations) * 100) : 100}
                status={q.used > q.maxNominations ? 'exception' : 'normal'}
                format={() => `${formatInteger(q.used)}/${formatInteger(q.maxNominations)}`}
              />
            ),
          },
          {
            title: '',
            width: 90,
            render: (_, q) => (
              <Button size="small" icon={<EditOutlined />} onClick={() => setEditing({ quota: q })}>
                Sửa
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={!!editing}
        onCancel={() => setEditing(null)}
        afterClose={() => setAlert(null)}
        title={editing?.quota ? 'Sửa chỉ tiêu' : 'Đặt chỉ tiêu'}
        okText="Lưu"
        cancelText="Hủy"
        confirmLoading={saving}
        onOk={() => form.submit()}
        destroyOnHidden
        width={620}
      >
        <Form<Values> form={form} layout="vertical" onFinish={onFinish} initialValues={{ formId: ALL_FORMS }}>
          {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 16 }} />}
          <Form.Item label="Đợt khen thưởng">{occasion?.name}</Form.Item>
          <Form.Item name="proposingUnitId" label="Đơn vị đề nghị" rules={[{ required: true, message: 'Chọn đơn vị đề nghị.' }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} disabled={!!editing?.quota} options={unitOptions} loading={units.loading || unitsToday.loading} placeholder="Gõ tên đơn vị để tìm" />
          </Form.Item>
          <Form.Item name="formId" label="Hình thức khen thưởng" rules={[{ required: true, message: 'Chọn hình thức.' }]}>
            <Select disabled={!!editing?.quota} options={[{ value: ALL_FORMS, label: 'Mọi hình thức' }, ...forms.map((f) => ({ value: f.id, label: f.name }))]} />
          </Form.Item>
          <Form.Item
            name="maxNominations"
            label="Số đề nghị tối đa"
            rules={[
              { required: true, message: 'Nhập số đề nghị tối đa.' },
              { type: 'number', min: 0, max: 10000, message: 'Từ 0 đến 10.000.' },
            ]}
          >
            <InputNumber<number> min={0} max={10000} precision={0} style={{ width: 160 }} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
