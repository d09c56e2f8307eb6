import { useMutation } from '@apollo/client/react';
import { Alert, App, Button, Descriptions, Drawer, Form, Input, InputNumber, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { graphql } from '../../gql';
import { ruleTypeLabels } from '../../i18n/labels';
import { applyServerErrors } from '../../lib/form-errors';
import { formatNumber } from '../../lib/format';
import { spreads } from '../../lib/graphql-runtime';
import { errorCode } from '../unit-report/server-problems';
import { AssessmentFields } from './assessment-fragments';
import type { AssessmentState, IndicatorInfo, ScoreRow } from './assessment-types';
import { EvidenceUpload } from './evidence-upload';
import { describeRule, formatValue, MAX_SCORE_QUANTITY, pointsFor, pointsText, valueForRule, valueMessages, type ValueInput } from './scoring';

spreads(AssessmentFields);

const SelfAssess = graphql(`
  mutation UnitSelfAssess($id: ID!, $version: Int!, $code: String!, $value: ScoreValueInput!, $note: String, $evidence: [ID!]) {
    selfAssess(assessmentId: $id, expectedVersion: $version, indicatorCode: $code, value: $value, note: $note, evidenceFileIds: $evidence) {
      ...AssessmentFields
    }
  }
`);

interface Values extends ValueInput {
  note?: string | null;
  evidenceFileIds: string[];
}

/** What someone else saved for this indicator, shown beside the officer's own (kept) value after a refused save. */
interface Conflict {
  score: ScoreRow | null;
}

function SavedValue({ indicator, score }: { indicator: IndicatorInfo; score: ScoreRow | null | undefined }) {
  if (!score?.selfValue) return <span>chưa có giá trị</span>;
  return (
    <span>
      «{formatValue(indicator.ruleType, score.selfValue)}» — {pointsText(score.selfPoints ?? 0, indicator.groupKind)}
      {score.note ? `; ghi chú: ${score.note}` : ''}
      {score.evidenceFileIds.length ? `; ${score.evidenceFileIds.length} tệp minh chứng` : ''}
    </span>
  );
}

/**
 * One indicator of the assessment: what it asks and how it is scored, the value by its rule, a note and evidence
 * files; the points show as the officer types. Saving sends the version the page read: when someone saved first,
 * the page says so, shows their value and keeps the officer's in the form to save again.
 */
export function IndicatorEditor(props: {
  assessment: AssessmentState;
  indicator: IndicatorInfo;
  editable: boolean;
  onClose: () => void;
  /** Reads the assessment again; answers with its newest state. */
  reload: () => Promise<AssessmentState | null>;
}) {
  const { assessment, indicator, editable, onClose, reload } = props;
  const score = assessment.scores.find((s) => s.indicator.id === indicator.id) ?? null;
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [selfAssess] = useMutation(SelfAssess);
  const watched = Form.useWatch((values: Values) => values, form);
  const preview = pointsFor(indicator, watched ? valueForRule(indicator.ruleType, watched) : null);

  const initial: Values = {
    ...(score?.selfValue ?? {}),
    note: score?.note ?? '',
    evidenceFileIds: score?.evidenceFileIds ?? [],
  };

  const save = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setAlert(null);
    try {
      const res = await selfAssess({
        variables: {
          id: assessment.id,
          version: assessment.version,
          code: indicator.code,
          value: valueForRule(indicator.ruleType, v),
          note: v.note?.trim() ? v.note.trim() : null,
          evidence: v.evidenceFileIds ?? [],
        },
      });
      const saved = res.data?.selfAssess;
      const points = saved?.scores.find((s) => s.indicator.id === indicator.id)?.selfPoints ?? 0;
      message.success(`Đã lưu chỉ số ${indicator.code}: ${pointsText(points, indicator.groupKind)}. Tổng điểm tự chấm: ${formatNumber(saved?.selfTotal)} điểm.`);
      setConflict(null);
      onClose();
    } catch (err) {
      if (errorCode(err) === 'VERSION_CONFLICT') {
        const fresh = await reload().catch(() => null);
        setConflict({ score: fresh?.scores.find((s) => s.indicator.id === indicator.id) ?? null });
      } else {
        // A refused value or note shows beside its input (the graph names it: value.denominator, note); the rest above.
        setAlert(applyServerErrors(form, err));
      }
    } finally {
      setSaving(false);
    }
  };

  // No min/max on the inputs: out-of-range typing would be silently clamped; the rules say what is wrong instead.
  const number = (name: keyof ValueInput, label: string, opts: { integer?: boolean; max?: number; maxMessage?: string; extra?: string }) => (
    <Form.Item
      name={name}
      label={label}
      extra={opts.extra}
      rules={[
        { required: true, message: `Nhập ${label.charAt(0).toLowerCase()}${label.slice(1)}.` },
        { type: 'number', min: 0, message: 'Số liệu phải từ 0 trở lên.' },
        ...(opts.max !== undefined ? [{ type: 'number' as const, max: opts.max, message: opts.maxMessage ?? `Tối đa ${formatNumber(opts.max)}.` }] : []),
      ]}
    >
      <InputNumber precision={opts.integer ? 0 : undefined} decimalSeparator="," style={{ width: 200 }} />
    </Form.Item>
  );

  return (
    <Drawer
      open
      size={680}
      onClose={onClose}
      title={`Chỉ số ${indicator.code}`}
      footer={
        editable ? (
          <Space>
            <Button type="primary" onClick={() => void save()} loading={saving}>
              Lưu
            </Button>
            <Button onClick={onClose}>Đóng</Button>
          </Space>
        ) : undefined
      }
    >
      <Typography.Paragraph strong>{indicator.name}</Typography.Paragraph>
      <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label="Cách tính điểm">
          <Tag>{ruleTypeLabels[indicator.ruleType]}</Tag> {describeRule(indicator)}
        </Descriptions.Item>
        <Descriptions.Item label="Điểm tối đa">{formatNumber(indicator.maxPoints)}</Descriptions.Item>
        <Descriptions.Item label="Minh chứng cần có">{indicator.evidence ?? 'Không quy định'}</Descriptions.Item>
        {indicator.dataSource && <Descriptions.Item label="Nguồn số liệu">{indicator.dataSource}</Descriptions.Item>}
        {indicator.verifyingUnit && <Descriptions.Item label="Đơn vị thẩm định">{indicator.verifyingUnit}</Descriptions.Item>}
        {score?.verifiedPoints !== null && score?.verifiedPoints !== undefined && (
          <Descriptions.Item label="Điểm thẩm định">
            {pointsText(score.verifiedPoints, indicator.groupKind)}
            {score.adjustmentReason ? ` — lý do: ${score.adjustmentReason}` : ''}
          </Descriptions.Item>
        )}
      </Descriptions>

      {conflict && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="Phiếu vừa được người khác lưu trước bạn."
          description={
            <>
              <div>
                Giá trị mới nhất của chỉ số này trong hệ thống: <SavedValue indicator={indicator} score={conflict.score} />.
              </div>
              <div>Giá trị bạn vừa nhập vẫn được giữ nguyên bên dưới. Kiểm tra lại rồi bấm «Lưu» để ghi giá trị của bạn.</div>
            </>
          }
        />
      )}
      {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 16 }} />}

      <Form form={form} layout="vertical" initialValues={initial} disabled={!editable || saving}>
        {indicator.ruleType === 'YES_NO' && (
          <Form.Item name="yes" label="Đơn vị đã thực hiện?" rules={[{ required: true, message: 'Chọn Có hoặc Không.' }]}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={[
                { label: 'Có', value: true },
                { label: 'Không', value: false },
              ]}
            />
          </Form.Item>
        )}
        {indicator.ruleType === 'COUNT_BANDS' && number('count', 'Số lượng', { integer: true, max: MAX_SCORE_QUANTITY, maxMessage: valueMessages.countTooLarge })}
        {indicator.ruleType === 'RATIO' && (
          <>
            {number('numerator', 'Tử số (a)', { max: MAX_SCORE_QUANTITY, maxMessage: valueMessages.ratioTermTooLarge, extra: indicator.numeratorLabel ?? undefined })}
            <Form.Item
              name="denominator"
              label="Mẫu số (b)"
              extra={indicator.denominatorLabel ?? undefined}
              dependencies={['numerator']}
              rules={[
                { required: true, message: 'Nhập mẫu số (b).' },
                { type: 'number', min: 0, message: 'Số liệu phải từ 0 trở lên.' },
                { type: 'number', max: MAX_SCORE_QUANTITY, message: valueMessages.ratioTermTooLarge },
                // a > b is refused unless the indicator allows it (a growth rate), as the graph refuses it.
                ({ getFieldValue }) => ({
                  validator: async (_, b: number | null) => {
                    const a = getFieldValue('numerator') as number | null;
                    if (!indicator.ratioMayExceedOne && typeof a === 'number' && typeof b === 'number' && a >= 0 && b >= 0 && a > b) throw new Error(valueMessages.ratioAboveOne(a, b));
                  },
                }),
              ]}
            >
              <InputNumber decimalSeparator="," style={{ width: 200 }} />
            </Form.Item>
          </>
        )}
        {indicator.ruleType === 'MANUAL' && number('points', 'Điểm tự chấm', { max: indicator.maxPoints, extra: `Từ 0 đến ${formatNumber(indicator.maxPoints)} điểm.` })}

        <div style={{ margin: '-8px 0 16px' }}>
          Điểm tính được:{' '}
          <strong data-testid="diem-tinh-duoc">{preview === null ? 'chưa đủ số liệu' : `${pointsText(preview, indicator.groupKind)} / ${formatNumber(indicator.maxPoints)}`}</strong>
        </div>

        <Form.Item name="note" label="Ghi chú, giải trình" rules={[{ max: 2000, message: 'Ghi chú tối đa 2.000 ký tự.' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Form.Item name="evidenceFileIds" label="Tệp minh chứng">
          <EvidenceUpload disabled={!editable} buttonLabel="Đính kèm minh chứng" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
