import { useMutation } from '@apollo/client/react';
import { Alert, App, Col, Descriptions, Form, Input, InputNumber, Modal, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { toUserErrors } from '../../lib/errors';
import { applyServerErrors } from '../../lib/form-errors';
import { formatNumber } from '../../lib/format';
import { describeRule, describeValue } from './describe';
import { EvidenceLink } from './evidence-link';
import { VerifyScoreMutation, type ScoreRow } from './verification-data';

interface Values {
  points: number | null;
  reason?: string;
}

const REASON_REQUIRED = 'Điểm thẩm định khác điểm tự chấm cần ghi lý do.';

/** The newest saved verification of one indicator, for the "changed meanwhile" notice. */
export interface NewerScore {
  verifiedPoints: number | null;
  adjustmentReason: string | null;
}

/**
 * Verify one indicator: the unit's declaration on the left, the verifier's points and reason on the right. A score
 * different from the unit's needs a reason (checked as the verifier types, and by the server). When someone else
 * saved the assessment first, the newer value is shown and what the verifier typed stays in the form.
 */
export function VerifyScoreModal(props: {
  assessment: { id: string; version: number };
  row: ScoreRow | null;
  onClose: () => void;
  /** Reload the assessment and return the indicator's newest saved verification. */
  reload: (code: string) => Promise<NewerScore | null>;
}) {
  const { row, assessment } = props;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [verify, { loading }] = useMutation(VerifyScoreMutation);
  const [alert, setAlert] = useState<string | null>(null);
  const [newer, setNewer] = useState<NewerScore | null>(null);
  const self = row?.selfPoints ?? 0;

  const close = () => {
    setAlert(null);
    setNewer(null);
    props.onClose();
  };

  const onFinish = async (values: Values) => {
    if (!row) return;
    setAlert(null);
    try {
      await verify({
        variables: { id: assessment.id, version: assessment.version, code: row.indicator.code, points: values.points ?? 0, reason: values.reason?.trim() || null },
      });
      message.success(`Đã lưu điểm thẩm định chỉ số ${row.indicator.code}.`);
      close();
    } catch (err) {
      if (toUserErrors(err).some((e) => e.code === 'VERSION_CONFLICT')) {
        setNewer(await props.reload(row.indicator.code));
        setAlert(null);
        return;
      }
      setAlert(applyServerErrors(form, err, { ADJUSTMENT_REASON_REQUIRED: 'reason', SCORE_INVALID: 'points', reason: 'reason', points: 'points' }));
    }
  };

  const value = row ? describeValue(row.indicator, row.selfValue) : null;
  return (
    <Modal
      open={!!row}
      title={row ? `Thẩm định chỉ số ${row.indicator.code}` : ''}
      width={960}
      onCancel={close}
      onOk={() => form.submit()}
      okText="Lưu điểm thẩm định"
      cancelText="Đóng"
      confirmLoading={loading}
      destroyOnHidden
    >
      {row && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Text strong>{row.indicator.name}</Typography.Text>
          {newer && (
            <Alert
              type="warning"
              showIcon
              title="Phiếu vừa được người khác thay đổi trong lúc bạn thẩm định."
              description={
                <>
                  Điểm thẩm định đang lưu của chỉ số {row.indicator.code}:{' '}
                  <strong>{newer.verifiedPoints === null ? 'chưa thẩm định' : `${formatNumber(newer.verifiedPoints)} điểm`}</strong>
                  {newer.adjustmentReason ? ` (lý do: ${newer.adjustmentReason.replace(/[.\s]+$/, '')})` : ''}. Điểm và lý do bạn nhập vẫn được giữ dưới đây; bấm «Lưu điểm thẩm định» để lưu lại
                  theo dữ liệu mới nhất.
                </>
              }
            />
          )}
          {alert && <Alert type="error" showIcon title={alert} />}
          <Row gutter={24}>
            <Col xs={24} md={12}>
              <Typography.Title level={5}>Đơn vị kê khai</Typography.Title>
              <Descriptions
                size="small"
                column={1}
                bordered
                items={[
                  { key: 'rule', label: 'Cách tính', children: describeRule(row.indicator) },
                  { key: 'value', label: 'Giá trị kê khai', children: value ?? 'Chưa kê khai' },
                  { key: 'self', label: 'Điểm tự chấm', children: `${formatNumber(row.selfPoints)} / ${formatNumber(row.indicator.maxPoints)}` },
                  { key: 'note', label: 'Ghi chú của đơn vị', children: row.note || '—' },
                  {
                    key: 'files',
                    label: 'Minh chứng',
                    children: row.evidenceFileIds.length ? (
                      <Space orientation="vertical" size={2}>
                        {row.evidenceFileIds.map((id, i) => (
                          <EvidenceLink key={id} id={id} index={i} />
                        ))}
                      </Space>
                    ) : (
                      'Không có tệp'
                    ),
                  },
                  ...(row.indicator.evidence ? [{ key: 'required', label: 'Minh chứng yêu cầu', children: row.indicator.evidence }] : []),
                ]}
              />
            </Col>
            <Col xs={24} md={12}>
              <Typography.Title level={5}>Kết quả thẩm định</Typography.Title>
              <Form<Values>
                form={form}
                layout="vertical"
                initialValues={{ points: row.verifiedPoints ?? row.selfPoints ?? 0, reason: row.adjustmentReason ?? '' }}
                onFinish={onFinish}
                disabled={loading}
              >
                <Form.Item
                  name="points"
                  label="Điểm thẩm định"
                  extra={`Từ 0 đến ${formatNumber(row.indicator.maxPoints)} điểm; điểm tự chấm của đơn vị: ${formatNumber(self)}.`}
                  rules={[
                    { required: true, message: 'Nhập điểm thẩm định.' },
                    { type: 'number', min: 0, max: row.indicator.maxPoints, message: `Điểm thẩm định phải từ 0 đến ${formatNumber(row.indicator.maxPoints)}.` },
                  ]}
                >
                  <InputNumber style={{ width: 160 }} min={0} max={row.indicator.maxPoints} step={1} decimalSeparator="," suffix="điểm" />
                </Form.Item>
                <Form.Item
                  name="reason"
                  label="Lý do điều chỉnh"
                  dependencies={['points']}
                  rules={[
                    { max: 2000, message: 'Lý do tối đa 2000 ký tự.' },
                    ({ getFieldValue }) => ({
                      validator: (_, v?: string) => {
                        const points = getFieldValue('points') as number | null;
                        return points !== null && points !== undefined && Math.abs(points - self) > 1e-9 && !v?.trim() ? Promise.reject(new Error(REASON_REQUIRED)) : Promise.resolve();
                      },
                    }),
                  ]}
                >
                  <Input.TextArea rows={5} placeholder="Bắt buộc khi điểm thẩm định khác điểm tự chấm" showCount maxLength={2000} />
                </Form.Item>
              </Form>
            </Col>
          </Row>
        </Space>
      )}
    </Modal>
  );
}
