import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Card, Checkbox, DatePicker, Empty, Form, Input, InputNumber, Radio, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { ClassificationBasis } from '../../gql/graphql';
import { classificationBasisLabels } from '../../i18n/labels';
import { ExportButton } from '../../layout/export-button';
import { QueryErrors } from '../../layout/query-state';
import { applyServerErrors } from '../../lib/form-errors';
import { formatDate, formatNumber, todayIso } from '../../lib/format';
import { OpenScoringPeriodMutation, ScoringSettingsQuery, SetClassificationRuleMutation } from './framework-data';

interface PeriodValues {
  year: number;
  window: [Dayjs, Dayjs] | null;
}

/** The campaign's scoring years and their self-assessment windows; a new year is opened here. */
export function ScoringPeriods({ campaign, years }: { campaign: { id: string; code: string; name: string }; years: number[] }) {
  const { data, loading, error } = useQuery(ScoringSettingsQuery, { variables: { campaignId: campaign.id } });
  const [open, { loading: saving }] = useMutation(OpenScoringPeriodMutation, { refetchQueries: [ScoringSettingsQuery] });
  const [form] = Form.useForm<PeriodValues>();
  const { message } = App.useApp();
  const [alert, setAlert] = useState<string | null>(null);
  const periods = [...(data?.campaign?.scoringPeriods ?? [])].sort((a, b) => b.year - a.year);
  const opened = new Set(periods.map((p) => p.year));
  const free = years.filter((y) => !opened.has(y));
  const today = todayIso();

  const onFinish = async (v: PeriodValues) => {
    if (!v.window) return;
    setAlert(null);
    try {
      await open({ variables: { campaignId: campaign.id, year: v.year, opens: v.window[0].format('YYYY-MM-DD'), closes: v.window[1].format('YYYY-MM-DD') } });
      message.success(`Đã mở kỳ chấm điểm năm ${v.year}.`);
      form.resetFields();
    } catch (err) {
      setAlert(applyServerErrors(form, err, { SCORING_PERIOD_EXISTS: 'year', SCORING_PERIOD_INVALID: 'window', year: 'year' }));
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <QueryErrors error={error} />
      <Card
        size="small"
        title="Các kỳ chấm điểm"
        extra={
          <ExportButton
            fileName={`ky-cham-diem-${campaign.code}`}
            sheetName="Kỳ chấm điểm"
            title={`Kỳ chấm điểm — ${campaign.name}`}
            rows={periods}
            columns={[
              { header: 'Năm', value: (p) => p.year, width: 8 },
              { header: 'Tự đánh giá từ ngày', value: (p) => formatDate(p.selfAssessmentOpens), width: 20 },
              { header: 'Đến hết ngày', value: (p) => formatDate(p.selfAssessmentCloses), width: 20 },
            ]}
          />
        }
      >
        <Table
          rowKey="id"
          size="small"
          loading={loading}
          pagination={false}
          dataSource={periods}
          locale={{ emptyText: <Empty description="Phong trào chưa mở kỳ chấm điểm nào." /> }}
          columns={[
            { title: 'Năm', width: 100, render: (_, p) => <strong>{p.year}</strong> },
            { title: 'Đơn vị tự đánh giá', render: (_, p) => `Từ ${formatDate(p.selfAssessmentOpens)} đến hết ${formatDate(p.selfAssessmentCloses)}` },
            {
              title: 'Tình trạng',
              width: 180,
              render: (_, p) =>
                today < p.selfAssessmentOpens ? <Tag>Chưa đến hạn</Tag> : today <= p.selfAssessmentCloses ? <Tag color="green">Đang tự đánh giá</Tag> : <Tag>Đã hết hạn tự đánh giá</Tag>,
            },
          ]}
        />
      </Card>
      <Card size="small" title="Mở kỳ chấm điểm mới">
        {free.length === 0 ? (
          <Typography.Text type="secondary">Mọi năm của phong trào đã có kỳ chấm điểm.</Typography.Text>
        ) : (
          <Form<PeriodValues> form={form} layout="inline" onFinish={onFinish} initialValues={{ year: free[0], window: null }}>
            {alert && <Alert type="error" showIcon title={alert} style={{ width: '100%', marginBottom: 12 }} />}
            <Form.Item name="year" label="Năm" rules={[{ required: true, message: 'Chọn năm.' }]}>
              <Radio.Group optionType="button" options={free.map((y) => ({ value: y, label: String(y) }))} />
            </Form.Item>
            <Form.Item
              name="window"
              label="Đơn vị tự đánh giá"
              rules={[
                { required: true, message: 'Chọn thời gian tự đánh giá.' },
                {
                  validator: async (_, w: [Dayjs, Dayjs] | null) => {
                    if (w && w[1].isBefore(w[0], 'day')) throw new Error('Ngày kết thúc phải sau ngày bắt đầu.');
                  },
                },
              ]}
            >
              <DatePicker.RangePicker format="DD/MM/YYYY" placeholder={['Từ ngày', 'Đến ngày']} />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit" loading={saving}>
                Mở kỳ chấm điểm
              </Button>
            </Form.Item>
          </Form>
        )}
      </Card>
    </Space>
  );
}

interface RuleValues {
  basis: ClassificationBasis;
  bands: Array<{ min: number; inclusive: boolean; label: string; passes: boolean }>;
  otherwiseLabel: string;
  otherwisePasses: boolean;
}

/** The campaign's classification rule: bands from the top down, and the label below the last band. */
export function ClassificationRuleForm({ campaign }: { campaign: { id: string } }) {
  const { data, loading, error } = useQuery(ScoringSettingsQuery, { variables: { campaignId: campaign.id } });
  const [save, { loading: saving }] = useMutation(SetClassificationRuleMutation, { refetchQueries: [ScoringSettingsQuery] });
  const [form] = Form.useForm<RuleValues>();
  const { message } = App.useApp();
  const [alert, setAlert] = useState<string | null>(null);
  const basis = Form.useWatch('basis', form);
  const rule = data?.campaign?.classificationRule;
  if (loading && !data) return <Card loading />;

  const onFinish = async (v: RuleValues) => {
    setAlert(null);
    try {
      await save({
        variables: {
          campaignId: campaign.id,
          rule: { basis: v.basis, otherwiseLabel: v.otherwiseLabel.trim(), otherwisePasses: !!v.otherwisePasses, bands: v.bands.map((b) => ({ ...b, label: b.label.trim(), inclusive: !!b.inclusive, passes: !!b.passes })) },
        },
      });
      message.success('Đã lưu quy tắc xếp loại.');
    } catch (err) {
      setAlert(applyServerErrors(form, err));
    }
  };

  const unit = basis === 'POINTS' ? 'điểm' : '%';
  return (
    <Card size="small" title="Quy tắc xếp loại của phong trào">
      <QueryErrors error={error} />
      <Typography.Paragraph type="secondary">
        Kết quả của đơn vị được xếp vào mức cao nhất mà đơn vị đạt (so với ngưỡng của mức); dưới mọi mức thì nhận xếp loại cuối cùng. Thay đổi áp dụng cho mọi kết quả của phong trào, kể
        cả kết quả đã công bố.
      </Typography.Paragraph>
      {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 16 }} />}
      <Form<RuleValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{
          basis: rule?.basis ?? 'PERCENT',
          bands: rule?.bands.map((b) => ({ ...b })) ?? [{ min: 70, inclusive: false, label: 'Đạt', passes: true }],
          otherwiseLabel: rule?.otherwiseLabel ?? 'Chưa đạt',
          otherwisePasses: rule?.otherwisePasses ?? false,
        }}
      >
        <Form.Item name="basis" label="Xếp loại theo" rules={[{ required: true, message: 'Chọn cách xếp loại.' }]}>
          <Radio.Group options={(Object.keys(classificationBasisLabels) as ClassificationBasis[]).map((b) => ({ value: b, label: classificationBasisLabels[b] }))} />
        </Form.Item>
        <Form.List
          name="bands"
          rules={[{ validator: async (_, bands?: unknown[]) => (bands?.length ? undefined : Promise.reject(new Error('Cần ít nhất một mức xếp loại.'))) }]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="baseline" wrap>
                  <Typography.Text>Mức {i + 1}:</Typography.Text>
                  <Form.Item name={[f.name, 'min']} rules={[{ required: true, message: 'Nhập ngưỡng.' }]}>
                    <InputNumber min={0} decimalSeparator="," suffix={unit} aria-label={`Ngưỡng mức ${i + 1}`} style={{ width: 130 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'inclusive']} valuePropName="checked">
                    <Checkbox>tính cả ngưỡng</Checkbox>
                  </Form.Item>
                  <Form.Item name={[f.name, 'label']} rules={[{ required: true, whitespace: true, message: 'Nhập tên xếp loại.' }]}>
                    <Input placeholder="Tên xếp loại" aria-label={`Tên xếp loại mức ${i + 1}`} style={{ width: 220 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'passes']} valuePropName="checked">
                    <Checkbox>đạt yêu cầu của phong trào</Checkbox>
                  </Form.Item>
                  <MinusCircleOutlined aria-label={`Bỏ mức ${i + 1}`} onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Form.Item>
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ min: 0, inclusive: true, label: '', passes: true })}>
                  Thêm mức xếp loại
                </Button>
                <Form.ErrorList errors={errors} />
              </Form.Item>
            </>
          )}
        </Form.List>
        <Space align="baseline" wrap>
          <Form.Item name="otherwiseLabel" label="Xếp loại khi dưới mọi mức" rules={[{ required: true, whitespace: true, message: 'Nhập tên xếp loại.' }]}>
            <Input style={{ width: 260 }} />
          </Form.Item>
          <Form.Item name="otherwisePasses" valuePropName="checked" label=" ">
            <Checkbox>vẫn đạt yêu cầu</Checkbox>
          </Form.Item>
        </Space>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={saving}>
            Lưu quy tắc xếp loại
          </Button>
        </Form.Item>
      </Form>
      {rule && (
        <Typography.Text type="secondary">
          Đang áp dụng: {[...rule.bands].sort((x, y) => y.min - x.min).map((b) => `${b.label} (${b.inclusive ? 'từ' : 'trên'} ${formatNumber(b.min)}${rule.basis === 'POINTS' ? ' điểm' : '%'})`).join('; ')}; còn lại: {rule.otherwiseLabel}.
        </Typography.Text>
      )}
    </Card>
  );
}
