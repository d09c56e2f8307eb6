import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import { Alert, App, Button, Card, Checkbox, Form, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import type { ReportFieldType } from '../../gql/graphql';
import { reportFieldTypeLabels } from '../../i18n/labels';
import { ExportButton } from '../../layout/export-button';
import { applyServerErrors } from '../../lib/form-errors';
import { CampaignAdminQuery, SetReportTemplateMutation, type AdminCampaign } from './campaign-admin-data';

interface FieldValue {
  code?: string;
  label?: string;
  type?: ReportFieldType;
  required?: boolean;
  unit?: string;
}

interface Values {
  fields: FieldValue[];
  sourceClause?: string;
}

const TYPE_OPTIONS = (Object.keys(reportFieldTypeLabels) as ReportFieldType[]).map((t) => ({ value: t, label: reportFieldTypeLabels[t] }));

/** The yearly unit report's template: the figures each unit reports (code, label, type, required, unit) and the plan's clause. */
export function ReportTemplateCard({ campaign }: { campaign: AdminCampaign }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [alert, setAlert] = useState<string | null>(null);
  const [save, { loading }] = useMutation(SetReportTemplateMutation, { refetchQueries: [CampaignAdminQuery] });
  const t = campaign.unitReportTemplate;

  const onFinish = async (v: Values) => {
    setAlert(null);
    try {
      await save({
        variables: {
          campaignId: campaign.id,
          sourceClause: v.sourceClause?.trim() || null,
          fields: v.fields.map((f) => ({ code: f.code?.trim() ?? '', label: f.label?.trim() ?? '', type: f.type ?? 'NUMBER', required: !!f.required, unit: f.unit?.trim() || null })),
        },
      });
      message.success('Đã lưu mẫu báo cáo năm của đơn vị.');
    } catch (err) {
      setAlert(applyServerErrors(form, err, { sourceClause: 'sourceClause' }));
    }
  };

  return (
    <Card
      title="Mẫu báo cáo năm của đơn vị"
      size="small"
      extra={
        <ExportButton
          fileName={`mau-bao-cao-${campaign.code}`}
          sheetName="Mẫu báo cáo"
          title={`Mẫu báo cáo năm của đơn vị — ${campaign.name}`}
          rows={t?.fields ?? []}
          columns={[
            { header: 'Mã chỉ tiêu', value: (f) => f.code, width: 14 },
            { header: 'Chỉ tiêu', value: (f) => f.label, width: 60 },
            { header: 'Kiểu dữ liệu', value: (f) => reportFieldTypeLabels[f.type], width: 14 },
            { header: 'Bắt buộc', value: (f) => (f.required ? 'Có' : 'Không'), width: 10 },
            { header: 'Đơn vị tính', value: (f) => f.unit ?? '', width: 14 },
          ]}
        />
      }
    >
      <Typography.Paragraph type="secondary">
        {t ? `Mẫu đang dùng có ${t.fields.length} chỉ tiêu; lưu lại sẽ áp dụng cho các báo cáo lập sau đó.` : 'Phong trào chưa có mẫu báo cáo năm: các đơn vị chưa lập được báo cáo.'}
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        name="mau-bao-cao"
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ sourceClause: t?.sourceClause ?? '', fields: t?.fields.map((f) => ({ ...f, unit: f.unit ?? '' })) ?? [{ type: 'NUMBER', required: true }] }}
      >
        {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 16 }} />}
        <Form.List
          name="fields"
          rules={[{ validator: (_, v?: FieldValue[]) => (v?.length ? Promise.resolve() : Promise.reject(new Error('Mẫu báo cáo cần ít nhất một chỉ tiêu.'))) }]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item
                    name={[f.name, 'code']}
                    rules={[
                      { required: true, whitespace: true, message: 'Nhập mã.' },
                      { pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, message: 'Mã chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang.' },
                    ]}
                  >
                    <Input aria-label={`Mã chỉ tiêu ${i + 1}`} placeholder="Mã" style={{ width: 110 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'label']} rules={[{ required: true, whitespace: true, message: 'Nhập tên chỉ tiêu.' }, { max: 500, message: 'Tối đa 500 ký tự.' }]}>
                    <Input aria-label={`Tên chỉ tiêu ${i + 1}`} placeholder="Tên chỉ tiêu" style={{ width: 340 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'type']} rules={[{ required: true, message: 'Chọn kiểu.' }]}>
                    <Select aria-label={`Kiểu dữ liệu chỉ tiêu ${i + 1}`} options={TYPE_OPTIONS} style={{ width: 140 }} placeholder="Kiểu dữ liệu" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'unit']} rules={[{ max: 64, message: 'Tối đa 64 ký tự.' }]}>
                    <Input aria-label={`Đơn vị tính chỉ tiêu ${i + 1}`} placeholder="Đơn vị tính" style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'required']} valuePropName="checked">
                    <Checkbox>Bắt buộc</Checkbox>
                  </Form.Item>
                  <MinusCircleOutlined aria-label={`Bỏ chỉ tiêu ${i + 1}`} onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Form.Item>
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ type: 'NUMBER', required: true })}>
                  Thêm chỉ tiêu
                </Button>
                <Form.ErrorList errors={errors} />
              </Form.Item>
            </>
          )}
        </Form.List>
        <Form.Item name="sourceClause" label="Điều, khoản của kế hoạch quy định việc báo cáo" rules={[{ max: 64, message: 'Tối đa 64 ký tự.' }]}>
          <Input placeholder="Ví dụ: VI.7" style={{ width: 200 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={loading}>
          Lưu mẫu báo cáo
        </Button>
      </Form>
    </Card>
  );
}
