import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import { Alert, App, Button, Checkbox, Drawer, Form, Input, InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import type { OrgUnitKind, RuleType } from '../../gql/graphql';
import { orgUnitKindLabels, ruleTypeLabels } from '../../i18n/labels';
import { applyServerErrors } from '../../lib/form-errors';
import { formatNumber } from '../../lib/format';
import type { IndicatorFieldsFragment as IndicatorFields } from '../../gql/graphql';
import { FrameworkQuery, FrameworksQuery, UpdateIndicatorMutation } from './framework-data';

interface Values {
  name: string;
  maxPoints: number;
  ruleType: RuleType;
  bands?: Array<{ min: number; points: number }>;
  numeratorLabel?: string;
  denominatorLabel?: string;
  ratioMayExceedOne?: boolean;
  evidence?: string;
  dataSource?: string;
  verifyingUnit?: string;
  appliesToKinds?: OrgUnitKind[];
}

const KINDS = Object.keys(orgUnitKindLabels) as OrgUnitKind[];

/** Edit one indicator of a draft framework: its wording, points, scoring rule and evidence. */
export function IndicatorDrawer({ indicator, onClose }: { indicator: IndicatorFields | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  // The indicator's own fields come back with it; its group's and the framework's maxima are computed: read again.
  const [save, { loading }] = useMutation(UpdateIndicatorMutation, { refetchQueries: [FrameworkQuery, FrameworksQuery], awaitRefetchQueries: true });
  const [alert, setAlert] = useState<string | null>(null);
  const ruleType = Form.useWatch('ruleType', form);

  const onFinish = async (v: Values) => {
    if (!indicator) return;
    setAlert(null);
    try {
      await save({
        variables: {
          id: indicator.id,
          input: {
            name: v.name.trim(),
            maxPoints: v.maxPoints,
            ruleType: v.ruleType,
            bands: v.ruleType === 'COUNT_BANDS' ? (v.bands ?? []) : undefined,
            numeratorLabel: v.ruleType === 'RATIO' ? v.numeratorLabel?.trim() : undefined,
            denominatorLabel: v.ruleType === 'RATIO' ? v.denominatorLabel?.trim() : undefined,
            ratioMayExceedOne: v.ruleType === 'RATIO' ? v.ratioMayExceedOne === true : undefined,
            evidence: v.evidence?.trim() ?? '',
            dataSource: v.dataSource?.trim() ?? '',
            verifyingUnit: v.verifyingUnit?.trim() ?? '',
            appliesToKinds: v.appliesToKinds?.length ? v.appliesToKinds : undefined,
          },
        },
      });
      message.success(`Đã lưu chỉ số ${indicator.code}.`);
      onClose();
    } catch (err) {
      setAlert(applyServerErrors(form, err, { FRAMEWORK_INVALID: 'bands' }));
    }
  };

  return (
    <Drawer
      open={!!indicator}
      onClose={onClose}
      size={640}
      title={indicator ? `Sửa chỉ số ${indicator.code}` : ''}
      destroyOnHidden
      extra={
        <Button type="primary" loading={loading} onClick={() => form.submit()}>
          Lưu chỉ số
        </Button>
      }
    >
      {indicator && (
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={onFinish}
          initialValues={{
            name: indicator.name,
            maxPoints: indicator.maxPoints,
            ruleType: indicator.ruleType,
            bands: indicator.bands ?? [],
            numeratorLabel: indicator.numeratorLabel ?? '',
            denominatorLabel: indicator.denominatorLabel ?? '',
            ratioMayExceedOne: indicator.ratioMayExceedOne,
            evidence: indicator.evidence ?? '',
            dataSource: indicator.dataSource ?? '',
            verifyingUnit: indicator.verifyingUnit ?? '',
            appliesToKinds: indicator.appliesToKinds ?? [],
          }}
        >
          {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 16 }} />}
          <Form.Item name="name" label="Tên chỉ số" rules={[{ required: true, whitespace: true, message: 'Nhập tên chỉ số.' }, { max: 1000, message: 'Tên tối đa 1000 ký tự.' }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Space size="large" wrap>
            <Form.Item name="maxPoints" label="Điểm tối đa" rules={[{ required: true, message: 'Nhập điểm tối đa.' }, { type: 'number', min: 0.01, max: 10000, message: 'Điểm tối đa phải lớn hơn 0.' }]}>
              <InputNumber min={0} step={1} decimalSeparator="," style={{ width: 140 }} />
            </Form.Item>
            <Form.Item name="ruleType" label="Cách tính điểm" rules={[{ required: true, message: 'Chọn cách tính điểm.' }]}>
              <Select style={{ width: 220 }} options={(Object.keys(ruleTypeLabels) as RuleType[]).map((r) => ({ value: r, label: ruleTypeLabels[r] }))} />
            </Form.Item>
          </Space>
          {ruleType === 'COUNT_BANDS' && (
            <Form.Item label="Thang điểm theo số lượng" required>
              <Form.List
                name="bands"
                rules={[{ validator: async (_, bands?: unknown[]) => (bands?.length ? undefined : Promise.reject(new Error('Cần ít nhất một mức điểm.'))) }]}
              >
                {(fields, { add, remove }, { errors }) => (
                  <>
                    {fields.map((f) => (
                      <Space key={f.key} align="baseline">
                        <Form.Item name={[f.name, 'min']} rules={[{ required: true, message: 'Nhập số lượng.' }]}>
                          <InputNumber min={0} prefix="Từ" aria-label="Từ số lượng" style={{ width: 140 }} />
                        </Form.Item>
                        <Form.Item
                          name={[f.name, 'points']}
                          dependencies={['maxPoints']}
                          rules={[
                            { required: true, message: 'Nhập số điểm.' },
                            ({ getFieldValue }) => ({
                              validator: async (_, p?: number) => {
                                const max = getFieldValue('maxPoints') as number | undefined;
                                if (p !== undefined && p !== null && max !== undefined && p > max) throw new Error(`Không vượt điểm tối đa (${formatNumber(max)}).`);
                              },
                            }),
                          ]}
                        >
                          <InputNumber min={0} decimalSeparator="," suffix="điểm" aria-label="Số điểm" style={{ width: 140 }} />
                        </Form.Item>
                        <MinusCircleOutlined aria-label="Bỏ mức này" onClick={() => remove(f.name)} />
                      </Space>
                    ))}
                    <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ min: 0, points: 0 })}>
                      Thêm mức
                    </Button>
                    <Form.ErrorList errors={errors} />
                  </>
                )}
              </Form.List>
            </Form.Item>
          )}
          {ruleType === 'RATIO' && (
            <Space size="large" wrap>
              <Form.Item name="numeratorLabel" label="Tử số (a)" rules={[{ required: true, whitespace: true, message: 'Nhập nội dung tử số.' }]}>
                <Input style={{ width: 260 }} />
              </Form.Item>
              <Form.Item name="denominatorLabel" label="Mẫu số (b)" rules={[{ required: true, whitespace: true, message: 'Nhập nội dung mẫu số.' }]}>
                <Input style={{ width: 260 }} />
              </Form.Item>
            </Space>
          )}
          {ruleType === 'RATIO' && (
            <Form.Item
              name="ratioMayExceedOne"
              valuePropName="checked"
              extra="Dùng cho chỉ số như tốc độ tăng trưởng (năm nay so với năm trước). Khi a lớn hơn b, đơn vị vẫn chỉ được điểm tối đa. Không chọn thì đơn vị nhập a lớn hơn b sẽ bị từ chối."
            >
              <Checkbox>Tử số (a) có thể lớn hơn mẫu số (b)</Checkbox>
            </Form.Item>
          )}
          <Form.Item name="evidence" label="Tài liệu kiểm chứng" rules={[{ max: 2000, message: 'Tối đa 2000 ký tự.' }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="dataSource" label="Nguồn dữ liệu" rules={[{ max: 500, message: 'Tối đa 500 ký tự.' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="verifyingUnit" label="Đơn vị thẩm định" rules={[{ max: 500, message: 'Tối đa 500 ký tự.' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="appliesToKinds" label="Chỉ áp dụng cho" extra="Để trống: áp dụng cho mọi loại đơn vị của bộ chỉ số.">
            <Select mode="multiple" allowClear options={KINDS.map((k) => ({ value: k, label: orgUnitKindLabels[k] }))} placeholder="Mọi loại đơn vị" />
          </Form.Item>
        </Form>
      )}
    </Drawer>
  );
}
