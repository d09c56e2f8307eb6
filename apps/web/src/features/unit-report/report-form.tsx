import { useMutation } from '@apollo/client/react';
import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Popconfirm, Radio, Space, Tag } from 'antd';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { ReportFieldType, UnitReportFieldsFragment } from '../../gql/graphql';
import { ExportButton } from '../../layout/export-button';
import { toUserMessage } from '../../lib/errors';
import { formatDate, formatNumber, formatPercent, todayIso } from '../../lib/format';
import { EvidenceUpload } from '../assessment/evidence-upload';
import { errorCode, serverProblems } from './server-problems';

/** A unit's yearly report as its page reads it and every change of it answers. */
export const UnitReportFields = graphql(`
  fragment UnitReportFields on UnitReport {
    id
    year
    status
    values {
      code
      label
      value
    }
    attachmentIds
    deadline
    submittedAt
    submittedOn
    late
    version
    unit {
      id
    }
  }
`);

const SaveReport = graphql(`
  mutation UnitSaveReport($input: UnitReportInput!) {
    saveUnitReport(input: $input) {
      ...UnitReportFields
    }
  }
`);

const SubmitReport = graphql(`
  mutation UnitSubmitReport($id: ID!, $version: Int!) {
    submitUnitReport(id: $id, expectedVersion: $version) {
      ...UnitReportFields
    }
  }
`);

/** A report as the report page reads it. */
export type UnitReport = UnitReportFieldsFragment;

export interface TemplateField {
  code: string;
  label: string;
  type: ReportFieldType;
  required: boolean;
  unit: string | null;
}

type FormValue = number | boolean | string | null | undefined;

interface Values {
  values: Record<string, FormValue>;
  attachmentIds: string[];
}

/** The stored string as the form's input wants it. */
function toForm(type: ReportFieldType, raw: string | null | undefined): FormValue {
  if (raw === null || raw === undefined || raw === '') return undefined;
  if (type === 'NUMBER' || type === 'PERCENT') return Number(raw);
  if (type === 'BOOLEAN') return raw === 'true';
  return raw;
}

/** The form's value as the graph stores it (numbers with a dot, yes/no as true/false). */
function fromForm(type: ReportFieldType, v: FormValue): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (type === 'BOOLEAN') return v ? 'true' : 'false';
  if (type === 'TEXT') return String(v).trim() || null;
  return String(v);
}

/** A value as it reads in a sent report. */
export function formatReportValue(f: TemplateField, raw: string | null | undefined): string {
  if (raw === null || raw === undefined || raw === '') return '—';
  if (f.type === 'BOOLEAN') return raw === 'true' ? 'Có' : 'Không';
  if (f.type === 'PERCENT') return formatPercent(Number(raw));
  if (f.type === 'NUMBER') return `${formatNumber(Number(raw))}${f.unit ? ` ${f.unit}` : ''}`;
  return raw;
}

/** "Nộp muộn" / "Đúng hạn" once sent. */
export function ReportTimelinessTag({ report }: { report: Pick<UnitReport, 'status' | 'late' | 'deadline'> }) {
  if (report.status !== 'SUBMITTED') return null;
  if (report.late) return <Tag color="error">Nộp muộn</Tag>;
  return report.deadline ? <Tag color="success">Đúng hạn</Tag> : null;
}

/** The input for a field by its type; Form.Item hands it the value, onChange and id, passed on to the control. */
function FieldInput({ field, ...control }: { field: TemplateField; id?: string; value?: FormValue; onChange?: (v: FormValue) => void }) {
  switch (field.type) {
    case 'BOOLEAN':
      return (
        <Radio.Group
          id={control.id}
          value={control.value}
          onChange={(e) => control.onChange?.(e.target.value as boolean)}
          optionType="button"
          options={[
            { label: 'Có', value: true },
            { label: 'Không', value: false },
          ]}
        />
      );
    case 'PERCENT':
      // No min/max on the inputs: out-of-range typing would be silently clamped; the rules say what is wrong instead.
      return <InputNumber id={control.id} value={control.value as number | null | undefined} onChange={(v) => control.onChange?.(v)} decimalSeparator="," suffix="%" style={{ width: 200 }} />;
    case 'NUMBER':
      return (
        <InputNumber
          id={control.id}
          value={control.value as number | null | undefined}
          onChange={(v) => control.onChange?.(v)}
          decimalSeparator=","
          suffix={field.unit ?? undefined}
          style={{ width: 240 }}
        />
      );
    case 'TEXT':
      return <Input.TextArea id={control.id} value={(control.value as string | null | undefined) ?? undefined} onChange={(e) => control.onChange?.(e.target.value)} autoSize={{ minRows: 3, maxRows: 10 }} />;
  }
}

function rulesFor(field: TemplateField) {
  switch (field.type) {
    case 'PERCENT':
      return [{ type: 'number' as const, min: 0, max: 100, message: 'Tỷ lệ phải từ 0 đến 100.' }];
    case 'NUMBER':
      return [{ type: 'number' as const, min: 0, message: 'Số liệu phải từ 0 trở lên.' }];
    case 'TEXT':
      return [{ max: 5000, message: 'Tối đa 5.000 ký tự.' }];
    default:
      return [];
  }
}

/**
 * The unit's annual report on the campaign: the campaign's fields by their type and attachments, saved as a draft,
 * then sent with every required field. Sent after the deadline it is still accepted and marked late.
 */
export function UnitReportForm(props: {
  campaign: { id: string; name: string };
  unit: { id: string; name: string };
  year: number;
  fields: TemplateField[];
  report: UnitReport | null;
  deadline: string | null;
  /** Reads the report again; answers with its newest state. */
  reload: () => Promise<UnitReport | null>;
}) {
  const { campaign, unit, year, fields, report, deadline } = props;
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [newer, setNewer] = useState<Array<{ label: string; stored: string; mine: string }> | null>(null);
  const [saveReport] = useMutation(SaveReport);
  const [submitReport] = useMutation(SubmitReport);
  const late = deadline !== null && todayIso() > deadline;
  const stored = new Map((report?.values ?? []).map((v) => [v.code, v.value]));

  if (report?.status === 'SUBMITTED') {
    return (
      <Card
        title={`Báo cáo năm ${year} đã gửi`}
        extra={
          <ExportButton
            fileName={`bao-cao-nam-${year}`}
            sheetName="Báo cáo"
            title={`Báo cáo kết quả thực hiện phong trào năm ${year} — ${unit.name}`}
            rows={fields}
            columns={[
              { header: 'Chỉ tiêu', value: (f) => f.label, width: 70 },
              { header: 'Kết quả', value: (f) => formatReportValue(f, stored.get(f.code)), width: 60 },
            ]}
          />
        }
      >
        <Space style={{ marginBottom: 16 }} wrap>
          <Tag color="blue">Đã gửi ngày {formatDate(report.submittedOn ?? report.submittedAt)}</Tag>
          <ReportTimelinessTag report={report} />
          {report.late && report.deadline && <span>Hạn gửi là ngày {formatDate(report.deadline)}; báo cáo vẫn được cơ quan thường trực tiếp nhận.</span>}
        </Space>
        <Descriptions bordered size="small" column={1}>
          {fields.map((f) => (
            <Descriptions.Item key={f.code} label={f.label}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{formatReportValue(f, stored.get(f.code))}</span>
            </Descriptions.Item>
          ))}
          <Descriptions.Item label="Tệp đính kèm">{report.attachmentIds.length ? <EvidenceUpload value={report.attachmentIds} disabled /> : 'Không có'}</Descriptions.Item>
        </Descriptions>
      </Card>
    );
  }

  const initial: Values = {
    values: Object.fromEntries(fields.map((f) => [f.code, toForm(f.type, stored.get(f.code))])),
    attachmentIds: report?.attachmentIds ?? [],
  };

  const place = (err: unknown): boolean => {
    const problems = serverProblems(err).filter((p) => fields.some((f) => f.code === p.field));
    if (problems.length) form.setFields(problems.map((p) => ({ name: ['values', p.field], errors: [p.message] })));
    return problems.length > 0;
  };

  const input = (v: Values) => ({
    campaignId: campaign.id,
    year,
    unitId: unit.id,
    values: fields.map((f) => ({ code: f.code, value: fromForm(f.type, v.values?.[f.code]) })),
    attachmentIds: v.attachmentIds ?? [],
  });

  const run = async (submit: boolean) => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    if (submit) {
      const empty = fields.filter((f) => f.required && fromForm(f.type, v.values?.[f.code]) === null);
      if (empty.length) {
        form.setFields(empty.map((f) => ({ name: ['values', f.code], errors: ['Chỉ tiêu bắt buộc: cần nhập trước khi gửi.'] })));
        setAlert(`Còn ${empty.length} chỉ tiêu bắt buộc chưa nhập.`);
        return;
      }
    }
    setBusy(submit ? 'submit' : 'save');
    setAlert(null);
    setNewer(null);
    try {
      const saved = (await saveReport({ variables: { input: input(v) } })).data?.saveUnitReport;
      if (submit && saved) {
        const sent = (await submitReport({ variables: { id: saved.id, version: saved.version } })).data?.submitUnitReport;
        message.success(sent?.late ? 'Đã gửi báo cáo. Báo cáo gửi sau hạn nên được ghi là nộp muộn.' : 'Đã gửi báo cáo năm tới cơ quan thường trực.');
      } else {
        message.success('Đã lưu bản nháp báo cáo.');
      }
      await props.reload();
    } catch (err) {
      if (errorCode(err) === 'VERSION_CONFLICT') {
        // Someone else changed the draft first: show what they saved where it differs, keep what this officer typed.
        const fresh = await props.reload().catch(() => null);
        const theirs = new Map((fresh?.values ?? []).map((x) => [x.code, x.value]));
        setNewer(
          fields
            .filter((f) => (theirs.get(f.code) ?? null) !== fromForm(f.type, v.values?.[f.code]))
            .map((f) => ({ label: f.label, stored: formatReportValue(f, theirs.get(f.code)), mine: formatReportValue(f, fromForm(f.type, v.values?.[f.code])) })),
        );
      } else if (!place(err)) {
        setAlert(toUserMessage(err));
      } else {
        setAlert('Một số chỉ tiêu chưa hợp lệ: xem các ô được đánh dấu.');
      }
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card title={`Báo cáo kết quả thực hiện phong trào năm ${year}`} extra={report ? <Tag>Bản nháp</Tag> : <Tag color="warning">Chưa lập</Tag>}>
      {late && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`Đã qua hạn gửi báo cáo (${formatDate(deadline)}).`}
          description="Báo cáo vẫn được nhận và sẽ được ghi là nộp muộn."
        />
      )}
      {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 16 }} />}
      {newer && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="Báo cáo vừa được người khác lưu trước bạn."
          description={
            <>
              {newer.length ? (
                <ul style={{ margin: '4px 0', paddingInlineStart: 20 }}>
                  {newer.map((d) => (
                    <li key={d.label}>
                      {d.label}: trong hệ thống là «{d.stored}», bạn nhập «{d.mine}»
                    </li>
                  ))}
                </ul>
              ) : (
                <div>Số liệu mới nhất trùng với số liệu bạn nhập.</div>
              )}
              <div>Số liệu bạn nhập vẫn được giữ nguyên bên dưới. Kiểm tra lại rồi bấm lưu hoặc gửi để ghi số liệu của bạn.</div>
            </>
          }
        />
      )}
      <Form form={form} layout="vertical" initialValues={initial} disabled={busy !== null} style={{ maxWidth: 900 }}>
        {fields.map((f) => (
          <Form.Item key={f.code} name={['values', f.code]} label={f.label} required={f.required} rules={rulesFor(f)}>
            <FieldInput field={f} />
          </Form.Item>
        ))}
        <Form.Item name="attachmentIds" label="Tệp đính kèm (báo cáo có chữ ký, số liệu minh chứng)">
          <EvidenceUpload buttonLabel="Đính kèm tệp" />
        </Form.Item>
        <Space wrap>
          <Button onClick={() => void run(false)} loading={busy === 'save'}>
            Lưu bản nháp
          </Button>
          <Popconfirm
            title="Gửi báo cáo năm?"
            description={late ? 'Báo cáo gửi sau hạn sẽ được ghi là nộp muộn. Sau khi gửi không sửa được.' : 'Sau khi gửi không sửa được.'}
            okText="Gửi"
            cancelText="Không gửi"
            onConfirm={() => void run(true)}
          >
            <Button type="primary" loading={busy === 'submit'}>
              Gửi báo cáo
            </Button>
          </Popconfirm>
        </Space>
      </Form>
    </Card>
  );
}
