import { useMutation } from '@apollo/client/react';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, Popconfirm, Space, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { UnitPlanFieldsFragment } from '../../gql/graphql';
import { toUserErrors } from '../../lib/errors';
import { dayjs, formatDate, formatInteger, todayIso } from '../../lib/format';
import { EvidenceUpload } from '../assessment/evidence-upload';
import { serverProblems } from '../unit-report/server-problems';

/** A unit's launch plan as its page reads it and sending it answers. */
export const UnitPlanFields = graphql(`
  fragment UnitPlanFields on UnitPlan {
    id
    number
    issuedDate
    receivedDate
    dueDate
    onTime
    version
    file {
      id
      name
      size
      downloadUrl
    }
    campaign {
      id
    }
  }
`);

const SubmitUnitPlan = graphql(`
  mutation UnitSubmitPlan($input: UnitPlanInput!) {
    submitUnitPlan(input: $input) {
      ...UnitPlanFields
    }
  }
`);

/** A plan as the plan page reads it. */
export type UnitPlan = UnitPlanFieldsFragment;

/** "Đúng hạn" / "Gửi muộn" against the campaign's deadline (none: nothing to judge). */
export function PlanTimelinessTag({ onTime }: { onTime: boolean | null }) {
  if (onTime === null) return null;
  return onTime ? <Tag color="success">Đúng hạn</Tag> : <Tag color="error">Gửi muộn</Tag>;
}

/** A sent plan as the unit and the lead agency see it. */
export function UnitPlanDetails({ plan }: { plan: UnitPlan }) {
  return (
    <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
      <Descriptions.Item label="Số, ký hiệu">{plan.number}</Descriptions.Item>
      <Descriptions.Item label="Ngày ban hành">{formatDate(plan.issuedDate)}</Descriptions.Item>
      <Descriptions.Item label="Ngày gửi, nhận">{formatDate(plan.receivedDate)}</Descriptions.Item>
      <Descriptions.Item label="Hạn gửi">{plan.dueDate ? formatDate(plan.dueDate) : 'Chưa quy định'}</Descriptions.Item>
      <Descriptions.Item label="Thời hạn">
        <PlanTimelinessTag onTime={plan.onTime} />
      </Descriptions.Item>
      <Descriptions.Item label="Tệp kế hoạch">
        {plan.file ? (
          <a href={plan.file.downloadUrl} download>
            {plan.file.name} ({formatInteger(Math.ceil(plan.file.size / 1024))} KB)
          </a>
        ) : (
          'Không có tệp'
        )}
      </Descriptions.Item>
    </Descriptions>
  );
}

interface Values {
  number: string;
  issuedDate: Dayjs;
  fileIds: string[];
}

const FIELD_OF_CODE: Record<string, keyof Values> = { UNIT_PLAN_DATE_INVALID: 'issuedDate', UNIT_PLAN_FILE_NOT_FOUND: 'fileIds' };
const FIELD_OF_INPUT: Record<string, keyof Values> = { number: 'number', issuedDate: 'issuedDate', fileId: 'fileIds' };

/** The unit's launch plan: its number, date and file, sent once to the lead agency and judged on time or late. */
export function UnitPlanForm(props: { campaignId: string; unitId: string; dueDate: string | null; onSent: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [submit] = useMutation(SubmitUnitPlan);
  const today = todayIso();
  const late = props.dueDate !== null && today > props.dueDate;

  const send = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setAlert(null);
    try {
      await submit({ variables: { input: { campaignId: props.campaignId, unitId: props.unitId, number: v.number.trim(), issuedDate: v.issuedDate.format('YYYY-MM-DD'), fileId: v.fileIds[0] } } });
      message.success('Đã gửi kế hoạch phát động của đơn vị.');
      props.onSent();
    } catch (err) {
      const placed = serverProblems(err).flatMap((p) => (FIELD_OF_INPUT[p.field] ? [{ name: FIELD_OF_INPUT[p.field], errors: [p.message] }] : []));
      const rest: string[] = [];
      for (const e of toUserErrors(err)) {
        const field = FIELD_OF_CODE[e.code];
        if (field) placed.push({ name: field, errors: [e.message] });
        else if (!placed.length) rest.push(e.message);
      }
      if (placed.length) form.setFields(placed);
      setAlert(rest.length ? [...new Set(rest)].join(' ') : null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="Gửi kế hoạch phát động phong trào của đơn vị">
      {late && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`Đã qua hạn gửi kế hoạch (${formatDate(props.dueDate)}).`}
          description="Kế hoạch vẫn được nhận và được ghi là gửi muộn."
        />
      )}
      {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" disabled={busy} initialValues={{ fileIds: [] }} style={{ maxWidth: 640 }}>
        <Form.Item
          name="number"
          label="Số, ký hiệu kế hoạch"
          extra="Ghi như trên văn bản, ví dụ 15/KH-UBND."
          rules={[
            { required: true, whitespace: true, message: 'Nhập số, ký hiệu của kế hoạch.' },
            { max: 64, message: 'Số, ký hiệu tối đa 64 ký tự.' },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="issuedDate" label="Ngày ban hành" rules={[{ required: true, message: 'Chọn ngày ban hành kế hoạch.' }]}>
          <DatePicker format="DD/MM/YYYY" placeholder="Chọn ngày" disabledDate={(d) => d.isAfter(dayjs(), 'day')} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          name="fileIds"
          label="Tệp kế hoạch (bản ký, đóng dấu)"
          required
          rules={[{ validator: async (_, ids: string[] | undefined) => { if (!ids?.length) throw new Error('Tải lên tệp kế hoạch của đơn vị.'); } }]}
        >
          <EvidenceUpload max={1} buttonLabel="Chọn tệp kế hoạch" />
        </Form.Item>
        <Space>
          <Popconfirm
            title="Gửi kế hoạch cho cơ quan thường trực?"
            description={late ? 'Kế hoạch gửi sau hạn sẽ được ghi là gửi muộn. Sau khi gửi không sửa được.' : 'Sau khi gửi không sửa được.'}
            okText="Gửi"
            cancelText="Không gửi"
            onConfirm={() => void send()}
          >
            <Button type="primary" loading={busy}>
              Gửi kế hoạch
            </Button>
          </Popconfirm>
        </Space>
      </Form>
    </Card>
  );
}
