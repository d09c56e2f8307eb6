import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import { Alert, App, Button, Card, Descriptions, Form, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { RegistrationStatus, UnitRegistrationFieldsFragment } from '../../gql/graphql';
import { registrationStatusLabels } from '../../i18n/labels';
import { ExportButton } from '../../layout/export-button';
import { formatDateTime } from '../../lib/format';
import { applyServerErrors } from '../../lib/form-errors';
import { errorCode } from '../unit-report/server-problems';

/** A unit's registration as its page reads it and every change of it answers (Registration is normalised by id). */
export const UnitRegistrationFields = graphql(`
  fragment UnitRegistrationFields on Registration {
    id
    status
    commitments
    returnReason
    submittedAt
    decidedAt
    version
    campaign {
      id
    }
  }
`);

const CreateRegistration = graphql(`
  mutation UnitCreateRegistration($campaignId: ID!, $unitId: ID!, $commitments: [String!]!, $submit: Boolean) {
    createRegistration(campaignId: $campaignId, unitId: $unitId, commitments: $commitments, submit: $submit) {
      ...UnitRegistrationFields
    }
  }
`);

const UpdateRegistration = graphql(`
  mutation UnitUpdateRegistration($id: ID!, $expectedVersion: Int!, $commitments: [String!]!) {
    updateRegistration(id: $id, expectedVersion: $expectedVersion, commitments: $commitments) {
      ...UnitRegistrationFields
    }
  }
`);

const SubmitRegistration = graphql(`
  mutation UnitSubmitRegistration($id: ID!) {
    submitRegistration(id: $id) {
      ...UnitRegistrationFields
    }
  }
`);

/** A registration as the registration page reads it. */
export type UnitRegistration = UnitRegistrationFieldsFragment;

const STATUS_COLOURS: Record<RegistrationStatus, string> = { DRAFT: 'default', SUBMITTED: 'processing', ACCEPTED: 'success', RETURNED: 'error' };

export function RegistrationStatusTag({ status }: { status: RegistrationStatus | null }) {
  if (!status) return <Tag color="warning">Chưa đăng ký</Tag>;
  return <Tag color={STATUS_COLOURS[status]}>{registrationStatusLabels[status]}</Tag>;
}

interface Values {
  commitments: string[];
}

const clean = (list: readonly (string | undefined)[] | undefined) => (list ?? []).map((c) => (c ?? '').trim()).filter(Boolean);
const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The unit's registration for a campaign: commitments written and saved as a draft, then sent to the lead agency.
 * A returned registration shows the reason and is corrected and sent again; a sent one is read only.
 */
export function RegistrationForm(props: {
  campaign: { id: string; name: string; contentAreas: Array<{ code: string; title: string }> };
  unit: { id: string; name: string };
  registration: UnitRegistration | null;
  /** Reads the registration again from the graph (after creating it, or when someone else changed it). */
  reload: () => Promise<UnitRegistration | null>;
}) {
  const { campaign, unit, registration: reg, reload } = props;
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [alert, setAlert] = useState<string | null>(null);
  const [newer, setNewer] = useState<string[] | null>(null);
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const [create] = useMutation(CreateRegistration);
  const [update] = useMutation(UpdateRegistration);
  const [submitOne] = useMutation(SubmitRegistration);
  const editable = !reg || reg.status === 'DRAFT' || reg.status === 'RETURNED';

  const save = async (submit: boolean) => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const commitments = clean(values.commitments);
    // Blank lines are not sent: the server's n-th commitment is the form's line `sentFrom[n]`.
    const sentFrom = (values.commitments ?? []).flatMap((c, i) => ((c ?? '').trim() ? [i] : []));
    setBusy(submit ? 'submit' : 'save');
    setAlert(null);
    try {
      if (!reg) {
        await create({ variables: { campaignId: campaign.id, unitId: unit.id, commitments, submit } });
        await reload();
      } else {
        if (!same(commitments, reg.commitments)) await update({ variables: { id: reg.id, expectedVersion: reg.version, commitments } });
        if (submit) await submitOne({ variables: { id: reg.id } });
      }
      setNewer(null);
      message.success(submit ? 'Đã gửi đăng ký thi đua tới cơ quan thường trực.' : 'Đã lưu bản nháp đăng ký thi đua.');
    } catch (err) {
      if (errorCode(err) === 'VERSION_CONFLICT') {
        // Someone else saved first: show what they saved, keep what this officer typed, let them decide.
        const fresh = await reload().catch(() => null);
        setNewer(fresh?.commitments ?? []);
      } else {
        // A refused commitment (a character pasted from elsewhere, too long) shows beside its own line.
        const lines = Object.fromEntries(sentFrom.map((line, n) => [`commitments.${n}`, ['commitments', line]]));
        setAlert(applyServerErrors(form, err, { ...lines, REGISTRATION_COMMITMENTS_REQUIRED: 'commitments' }));
      }
    } finally {
      setBusy(null);
    }
  };

  const addSuggestion = (text: string) => {
    const current = clean(form.getFieldValue('commitments') as string[] | undefined);
    if (current.includes(text)) return;
    form.setFieldValue('commitments', [...current, text]);
  };

  const exportRows = (reg?.commitments ?? []).map((text, i) => ({ n: i + 1, text }));

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title="Tình trạng đăng ký"
        extra={
          <ExportButton
            fileName="dang-ky-thi-dua"
            sheetName="Đăng ký thi đua"
            title={`Đăng ký thi đua của ${unit.name} — ${campaign.name}`}
            rows={exportRows}
            columns={[
              { header: 'STT', value: (r) => r.n, width: 6 },
              { header: 'Nội dung cam kết', value: (r) => r.text, width: 100 },
            ]}
          />
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="Trạng thái">
            <RegistrationStatusTag status={reg?.status ?? null} />
          </Descriptions.Item>
          <Descriptions.Item label="Ngày gửi">{formatDateTime(reg?.submittedAt)}</Descriptions.Item>
          {(reg?.status === 'ACCEPTED' || reg?.status === 'RETURNED') && (
            <Descriptions.Item label={reg.status === 'ACCEPTED' ? 'Ngày tiếp nhận' : 'Ngày trả lại'}>{formatDateTime(reg.decidedAt)}</Descriptions.Item>
          )}
        </Descriptions>
        {reg?.status === 'RETURNED' && (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 12 }}
            title="Đăng ký bị trả lại"
            description={
              <>
                <div>Lý do: {reg.returnReason ?? 'không ghi lý do'}</div>
                <div>Sửa nội dung cam kết theo yêu cầu rồi bấm «Gửi lại đăng ký».</div>
              </>
            }
          />
        )}
        {reg?.status === 'SUBMITTED' && (
          <Alert type="info" showIcon style={{ marginTop: 12 }} title="Đăng ký đã được gửi và đang chờ cơ quan thường trực tiếp nhận; trong thời gian này không sửa được." />
        )}
        {reg?.status === 'ACCEPTED' && <Alert type="success" showIcon style={{ marginTop: 12 }} title="Đăng ký thi đua của đơn vị đã được tiếp nhận." />}
      </Card>

      {editable ? (
        <Card title="Nội dung cam kết thi đua">
          {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 16 }} />}
          {newer && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title="Đăng ký vừa được người khác sửa và lưu trước bạn."
              description={
                <>
                  <div>Nội dung mới nhất đang lưu trong hệ thống:</div>
                  <ol style={{ margin: '4px 0' }}>
                    {newer.map((c) => (
                      <li key={c}>{c}</li>
                    ))}
                  </ol>
                  <div>Nội dung bạn vừa nhập vẫn được giữ nguyên bên dưới. Kiểm tra lại rồi bấm lưu để ghi nội dung của bạn.</div>
                </>
              }
            />
          )}
          <Form form={form} layout="vertical" initialValues={{ commitments: reg?.commitments.length ? reg.commitments : [''] }} disabled={busy !== null}>
            <Form.List
              name="commitments"
              rules={[
                {
                  validator: async (_, list: string[] | undefined) => {
                    if (!clean(list).length) throw new Error('Ghi ít nhất một nội dung cam kết.');
                  },
                },
              ]}
            >
              {(fields, { add, remove }, { errors }) => (
                <>
                  {fields.map((field, index) => (
                    <Form.Item key={field.key} label={`Cam kết ${index + 1}`} required={false}>
                      <Space.Compact style={{ width: '100%' }}>
                        <Form.Item
                          name={field.name}
                          noStyle
                          rules={[
                            { whitespace: true, message: 'Nội dung cam kết không được để trống.' },
                            { max: 2000, message: 'Mỗi nội dung cam kết tối đa 2.000 ký tự.' },
                          ]}
                        >
                          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} aria-label={`Cam kết ${index + 1}`} placeholder="Ví dụ: 100% văn bản đi được ký số, gửi nhận trên môi trường mạng" />
                        </Form.Item>
                        {fields.length > 1 && <Button icon={<DeleteOutlined />} aria-label={`Xóa cam kết ${index + 1}`} onClick={() => remove(field.name)} />}
                      </Space.Compact>
                    </Form.Item>
                  ))}
                  <Form.ErrorList errors={errors} />
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')} disabled={fields.length >= 50}>
                    Thêm cam kết
                  </Button>
                </>
              )}
            </Form.List>
            <Space wrap style={{ marginTop: 24 }}>
              <Button onClick={() => void save(false)} loading={busy === 'save'}>
                Lưu bản nháp
              </Button>
              <Popconfirm
                title={reg?.status === 'RETURNED' ? 'Gửi lại đăng ký?' : 'Gửi đăng ký thi đua?'}
                description="Sau khi gửi, đơn vị không sửa được cho đến khi cơ quan thường trực trả lại."
                okText="Gửi"
                cancelText="Không gửi"
                onConfirm={() => void save(true)}
              >
                <Button type="primary" loading={busy === 'submit'}>
                  {reg?.status === 'RETURNED' ? 'Gửi lại đăng ký' : 'Gửi đăng ký'}
                </Button>
              </Popconfirm>
            </Space>
          </Form>
        </Card>
      ) : (
        <Card title="Nội dung cam kết thi đua">
          <ol style={{ margin: 0, paddingInlineStart: 24 }}>
            {(reg?.commitments ?? []).map((c, i) => (
              <li key={i} style={{ padding: '4px 0' }}>
                {c}
              </li>
            ))}
          </ol>
        </Card>
      )}

      {editable && campaign.contentAreas.length > 0 && (
        <Card title="Gợi ý: các nội dung thi đua của phong trào">
          <Typography.Paragraph type="secondary">Bấm «Thêm vào cam kết» để đưa một nội dung vào đăng ký, rồi ghi cụ thể chỉ tiêu của đơn vị.</Typography.Paragraph>
          <Table
            size="small"
            rowKey="code"
            pagination={false}
            showHeader={false}
            dataSource={campaign.contentAreas}
            columns={[
              { width: 48, render: (_, a) => `${a.code})` },
              { dataIndex: 'title' },
              {
                width: 160,
                render: (_, a) => (
                  <Button size="small" onClick={() => addSuggestion(a.title)}>
                    Thêm vào cam kết
                  </Button>
                ),
              },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}
