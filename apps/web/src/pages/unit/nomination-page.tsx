import { DownloadOutlined, EditOutlined, SendOutlined, UploadOutlined } from '@ant-design/icons';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Breadcrumb, Button, Card, Checkbox, Col, DatePicker, Form, Input, Modal, Popconfirm, Radio, Result, Row, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { EvidenceUpload } from '../../features/assessment/evidence-upload';
import { CandidateSummary, candidateName, DossierChecklist, EligibilityList, NominationHistory, NominationStatusTag, type DossierItemView } from '../../features/nomination';
import {
  AttachDocumentMutation,
  NominationDraftQuery,
  QuotaFields,
  RemoveDocumentMutation,
  SubmitNominationMutation,
  UnitNominationFields,
  UnitNominationQuery,
  UnitNominationQuotasQuery,
  UpdateNominationMutation,
} from '../../features/nomination/nomination-data';
import type { DraftKind, ReportConfirmer } from '../../gql/enums';
import type { UnitNominationFieldsFragment, UnitQuotaFieldsFragment } from '../../gql/graphql';
import { checklistStatusLabels, reportConfirmerLabels } from '../../i18n/labels';
import { ExportButton } from '../../layout/export-button';
import { PageSpinner } from '../../layout/page-spinner';
import { QueryErrors } from '../../layout/query-state';
import { toUserErrors, toUserMessage } from '../../lib/errors';
import { saveBase64File } from '../../lib/files';
import { applyServerErrors } from '../../lib/form-errors';
import { dayjs, formatDate } from '../../lib/format';
import { spreads } from '../../lib/graphql-runtime';
import { useSession } from '../../lib/session';
import { QuotaLine } from './nominations-page';
import { WithMyUnit, type MyUnit } from './use-my-unit';

spreads(UnitNominationFields, QuotaFields);

type Nomination = UnitNominationFieldsFragment;
const EDITABLE = ['DRAFT', 'RETURNED'];

/** Why the nomination cannot be sent yet, each reason a sentence; none when it can. */
function blockers(n: Nomination, quotas: readonly UnitQuotaFieldsFragment[]): string[] {
  const out: string[] = [];
  if (!n.eligibility.eligible) {
    const failed = n.eligibility.clauses.filter((c) => c.result === 'FAIL').length;
    out.push(`Chưa đủ điều kiện khen thưởng: ${failed} điều kiện chưa đạt (xem mục «Điều kiện khen thưởng»).`);
  }
  const lacking = n.dossier.items.filter((i) => i.status !== 'PRESENT');
  if (lacking.length) out.push(`Hồ sơ chưa đầy đủ: ${lacking.map((i) => `«${i.label}» — ${i.detail.replace(/\.$/, '')}`).join('; ')}.`);
  // A returned nomination keeps its place in the quota; a draft takes one when sent.
  if (n.status === 'DRAFT') {
    for (const q of quotas.filter((x) => x.proposingUnit.id === n.proposingUnit.id && (!x.form || x.form.id === n.form.id))) {
      if (q.used >= q.maxNominations) out.push(`Đơn vị đã dùng hết chỉ tiêu của đợt${q.form ? ` cho ${q.form.name}` : ''}: đã dùng ${q.used}/${q.maxNominations}.`);
    }
  }
  return out;
}

interface AttachValues {
  fileIds: string[];
  issuedDate: Dayjs | null;
  validUntil: Dayjs | null;
  confirmations: ReportConfirmer[];
}

/** Upload a file for one item of the dossier (with its progress), then attach it with its dates and confirmations. */
function AttachDialog(props: { nomination: Nomination; item: DossierItemView | null; onClose: () => void }) {
  const { item, nomination: n } = props;
  const [form] = Form.useForm<AttachValues>();
  const { message } = App.useApp();
  const [alert, setAlert] = useState<string | null>(null);
  const [attach, { loading }] = useMutation(AttachDocumentMutation);
  const isReport = item?.kind === 'BAO_CAO_THANH_TICH';
  const required = n.campaign.awardRules.reportConfirmations;
  const close = () => {
    form.resetFields();
    setAlert(null);
    props.onClose();
  };
  const save = async () => {
    if (!item) return;
    let v: AttachValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setAlert(null);
    try {
      await attach({
        variables: {
          nominationId: n.id,
          kind: item.kind,
          fileId: v.fileIds[0] as string,
          issuedDate: v.issuedDate ? v.issuedDate.format('YYYY-MM-DD') : null,
          validUntil: v.validUntil ? v.validUntil.format('YYYY-MM-DD') : null,
          confirmations: isReport ? v.confirmations : null,
        },
      });
      message.success(`Đã thêm tài liệu vào mục «${item.label}».`);
      close();
    } catch (err) {
      setAlert(applyServerErrors(form, err, { DOSSIER_FILE_WRONG_KIND: 'fileIds', DOSSIER_FILE_NOT_FOUND: 'fileIds', fileId: 'fileIds' }));
    }
  };
  return (
    <Modal
      open={!!item}
      title={item ? `Tải lên: ${item.label}` : ''}
      okText="Thêm vào hồ sơ"
      cancelText="Đóng"
      confirmLoading={loading}
      onOk={() => void save()}
      onCancel={close}
      destroyOnHidden
      width={640}
    >
      {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 16 }} />}
      <Form<AttachValues> form={form} layout="vertical" initialValues={{ fileIds: [], issuedDate: null, validUntil: null, confirmations: [] }}>
        <Form.Item
          name="fileIds"
          label="Tệp văn bản"
          extra="Bản Word đã sửa từ dự thảo, hoặc bản chụp (PDF, ảnh) của văn bản đã ký."
          rules={[{ validator: (_, v: string[]) => (v?.length ? Promise.resolve() : Promise.reject(new Error('Chọn tệp để tải lên.'))) }]}
        >
          <EvidenceUpload max={1} buttonLabel="Chọn tệp" />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="issuedDate" label="Ngày ban hành" rules={[{ required: true, message: 'Chọn ngày ban hành văn bản.' }]}>
              <DatePicker format="DD/MM/YYYY" placeholder="Chọn ngày" style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="validUntil"
              label="Có hiệu lực đến"
              extra="Bỏ trống nếu văn bản không ghi thời hạn."
              dependencies={['issuedDate']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, v: Dayjs | null) => {
                    const issued = getFieldValue('issuedDate') as Dayjs | null;
                    return v && issued && v.isBefore(issued, 'day') ? Promise.reject(new Error('Ngày hết hiệu lực phải sau ngày ban hành.')) : Promise.resolve();
                  },
                }),
              ]}
            >
              <DatePicker format="DD/MM/YYYY" placeholder="Chọn ngày" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        {isReport && (
          <Form.Item
            name="confirmations"
            label="Báo cáo đã có xác nhận của"
            extra={`Phong trào yêu cầu xác nhận của: ${required.map((c) => reportConfirmerLabels[c].toLowerCase()).join(', ')}.`}
            rules={[
              {
                validator: (_, v: ReportConfirmer[]) => {
                  const missing = required.filter((c) => !(v ?? []).includes(c));
                  return missing.length ? Promise.reject(new Error(`Báo cáo thành tích còn thiếu xác nhận của ${missing.map((c) => reportConfirmerLabels[c].toLowerCase()).join(', ')}.`)) : Promise.resolve();
                },
                warningOnly: true,
              },
            ]}
          >
            <Checkbox.Group options={(['PROPOSING_LEVEL', 'UNIT_HEAD', 'DIRECT_SUPERIOR'] as ReportConfirmer[]).map((c) => ({ value: c, label: reportConfirmerLabels[c] }))} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** Download the drafted Tờ trình or Báo cáo thành tích (Word) to edit, sign and upload back. */
function DraftButton({ id, kind, label }: { id: string; kind: DraftKind; label: string }) {
  const client = useApolloClient();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={busy}
      onClick={async () => {
        setBusy(true);
        try {
          const { data } = await client.query({ query: NominationDraftQuery, variables: { id, kind }, fetchPolicy: 'network-only' });
          const draft = data?.nomination?.draft;
          if (draft) saveBase64File(draft);
        } catch (err) {
          message.error(toUserMessage(err));
        } finally {
          setBusy(false);
        }
      }}
    >
      {busy ? 'Đang lập dự thảo…' : label}
    </Button>
  );
}

interface EditValues {
  achievementSummary: string;
  pendingProceedings: boolean;
}

/** Correct the achievement summary and the declaration while the nomination is a draft or returned. */
function EditSummary({ n, onDone }: { n: Nomination; onDone: () => void }) {
  const [form] = Form.useForm<EditValues>();
  const { message } = App.useApp();
  const [alert, setAlert] = useState<string | null>(null);
  const [update, { loading }] = useMutation(UpdateNominationMutation);
  const save = async () => {
    let v: EditValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setAlert(null);
    try {
      await update({ variables: { id: n.id, expectedVersion: n.version, input: { achievementSummary: v.achievementSummary.trim(), pendingProceedings: v.pendingProceedings } } });
      message.success('Đã lưu tóm tắt thành tích.');
      onDone();
    } catch (err) {
      setAlert(applyServerErrors(form, err));
    }
  };
  return (
    <Form<EditValues> form={form} layout="vertical" disabled={loading} initialValues={{ achievementSummary: n.achievementSummary, pendingProceedings: n.pendingProceedings }} aria-label="Sửa đề nghị">
      {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 16 }} />}
      <Form.Item
        name="achievementSummary"
        label="Tóm tắt thành tích"
        rules={[
          { required: true, whitespace: true, message: 'Nhập tóm tắt thành tích.' },
          { min: 20, message: 'Tóm tắt thành tích ít nhất 20 ký tự.' },
          { max: 20000, message: 'Tóm tắt thành tích tối đa 20.000 ký tự.' },
        ]}
      >
        <Input.TextArea rows={6} showCount maxLength={20000} />
      </Form.Item>
      <Form.Item name="pendingProceedings" label="Đối tượng có đang bị xem xét kỷ luật, thanh tra, giải quyết khiếu nại, tố cáo không?">
        <Radio.Group
          options={[
            { value: false, label: 'Không' },
            { value: true, label: 'Có' },
          ]}
        />
      </Form.Item>
      <Space>
        <Button type="primary" loading={loading} onClick={() => void save()}>
          Lưu thay đổi
        </Button>
        <Button onClick={onDone}>Hủy</Button>
      </Space>
    </Form>
  );
}

function NominationView({ unit, id }: { unit: MyUnit; id: string }) {
  const { session } = useSession();
  const { message } = App.useApp();
  const { data, loading, error, refetch } = useQuery(UnitNominationQuery, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const n = data?.nomination;
  const quotasQ = useQuery(UnitNominationQuotasQuery, { variables: { occasionId: n?.occasion.id ?? '' }, skip: !n, fetchPolicy: 'cache-and-network' });
  const [removeDoc] = useMutation(RemoveDocumentMutation);
  const [submit, { loading: submitting }] = useMutation(SubmitNominationMutation);
  const [uploading, setUploading] = useState<DossierItemView | null>(null);
  const [editing, setEditing] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const infoRef = useRef<HTMLDivElement>(null);

  if (loading && !data) return <PageSpinner />;
  if (!n) return error ? <QueryErrors error={error} /> : <Result status="404" title="Không tìm thấy đề nghị khen thưởng" subTitle="Đề nghị không có hoặc không thuộc đơn vị của bạn." />;

  const editable = EDITABLE.includes(n.status) && n.proposingUnit.id === unit.id;
  const quotas = quotasQ.data?.quotas ?? [];
  // What is being typed into the summary is not in the nomination until it is saved: send it once saved (or dropped).
  const reasons = [...blockers(n, quotas), ...(editing && editable ? ['Tóm tắt thành tích đang sửa: bấm «Lưu thay đổi» (hoặc «Hủy») trước khi gửi.'] : [])];
  const name = candidateName(n);

  const onError = (err: unknown) => {
    if (toUserErrors(err).some((e) => e.code === 'VERSION_CONFLICT')) void refetch();
    message.error(toUserMessage(err));
  };

  const send = async () => {
    setSubmitError(null);
    try {
      await submit({ variables: { id: n.id, expectedVersion: n.version } });
      message.success(n.status === 'RETURNED' ? 'Đã gửi lại đề nghị khen thưởng.' : 'Đã gửi đề nghị khen thưởng.');
      void quotasQ.refetch();
    } catch (err) {
      if (toUserErrors(err).some((e) => e.code === 'VERSION_CONFLICT')) void refetch();
      setSubmitError(toUserMessage(err));
    }
  };

  return (
    <>
      <div style={{ marginBottom: 16 }}>
        <Breadcrumb
          items={[
            { title: <Link to="/don-vi-cua-toi">Việc của đơn vị</Link> },
            { title: <Link to={`/don-vi-cua-toi/khen-thuong?phong-trao=${encodeURIComponent(n.campaign.code)}&dot=${n.occasion.id}`}>Đề nghị khen thưởng</Link> },
            { title: name },
          ]}
        />
        <Space style={{ width: '100%', justifyContent: 'space-between', alignItems: 'flex-start' }} wrap>
          <div>
            <Typography.Title level={2} style={{ margin: '8px 0 4px' }}>
              Đề nghị khen thưởng: {name}
            </Typography.Title>
            <Typography.Text type="secondary">
              {n.form.name} — {n.occasion.name} — {n.campaign.name}
            </Typography.Text>
          </div>
          <NominationStatusTag status={n.status} />
        </Space>
      </div>
      <QueryErrors error={error} />

      {n.status === 'RETURNED' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="Đề nghị bị trả lại để bổ sung, sửa"
          description={
            <div>
              <div>
                <Typography.Text strong>Lý do: </Typography.Text>
                {n.returnReason ?? 'Không ghi lý do.'}
              </div>
              <Typography.Text type="secondary">Sửa đề nghị hoặc hồ sơ theo lý do trên rồi gửi lại.</Typography.Text>
            </div>
          }
          action={
            <Button
              type="primary"
              icon={<EditOutlined />}
              onClick={() => {
                setEditing(true);
                infoRef.current?.scrollIntoView({ behavior: 'smooth' });
              }}
            >
              Sửa và gửi lại
            </Button>
          }
        />
      )}
      {n.status === 'REJECTED' && n.rejectionReason && <Alert type="error" showIcon style={{ marginBottom: 16 }} title="Không được khen thưởng" description={`Lý do: ${n.rejectionReason}`} />}

      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <div ref={infoRef}>
          <Card
            title="Thông tin đề nghị"
            extra={
              editable &&
              !editing && (
                <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                  Sửa tóm tắt thành tích
                </Button>
              )
            }
          >
            {editing && editable ? <EditSummary n={n} onDone={() => setEditing(false)} /> : <CandidateSummary nomination={n} />}
          </Card>
        </div>

        <Card title="Điều kiện khen thưởng">
          <EligibilityList eligibility={n.eligibility} />
        </Card>

        <Card
          title="Hồ sơ đề nghị"
          extra={
            <Space wrap>
              <DraftButton id={n.id} kind="TO_TRINH" label="Tải dự thảo Tờ trình" />
              <DraftButton id={n.id} kind="BAO_CAO_THANH_TICH" label="Tải dự thảo Báo cáo thành tích" />
              <ExportButton<DossierItemView>
                fileName={`ho-so-de-nghi-${n.id.slice(0, 8)}`}
                sheetName="Hồ sơ đề nghị"
                title={`Hồ sơ đề nghị khen thưởng: ${name} — ${n.form.name} — ${n.occasion.name}`}
                rows={n.dossier.items}
                columns={[
                  { header: 'Tài liệu', value: (i) => i.label, width: 60 },
                  { header: 'Tình trạng', value: (i) => checklistStatusLabels[i.status], width: 18 },
                  { header: 'Chi tiết', value: (i) => i.detail, width: 50 },
                  {
                    header: 'Tệp trong hồ sơ',
                    value: (i) =>
                      n.dossier.documents
                        .filter((d) => d.kind === i.kind)
                        .map((d) => `${d.fileName ?? 'Tài liệu'}${d.issuedDate ? ` (ban hành ${formatDate(d.issuedDate)})` : ''}`)
                        .join('; '),
                    width: 50,
                  },
                  { header: 'Nội vụ đã xác nhận', value: (i) => (i.checked ? 'Có' : 'Chưa'), width: 18 },
                ]}
              />
            </Space>
          }
        >
          {editable && (
            <Typography.Paragraph type="secondary">
              Tải dự thảo về, sửa trong Word, trình ký rồi tải bản đã ký (hoặc bản Word đã sửa) lên đúng mục. Mỗi tệp phải đúng loại văn bản của mục.
            </Typography.Paragraph>
          )}
          <DossierChecklist
            dossier={n.dossier}
            readOnly={!editable}
            itemActions={(item) => (
              <Button size="small" icon={<UploadOutlined />} onClick={() => setUploading(item)} aria-label={`Tải lên: ${item.label}`}>
                Tải tệp lên
              </Button>
            )}
            onRemove={async (doc) => {
              try {
                await removeDoc({ variables: { id: doc.id } });
                message.success('Đã bỏ tài liệu khỏi hồ sơ.');
              } catch (err) {
                onError(err);
              }
            }}
          />
        </Card>

        {editable && (
          <Card title={n.status === 'RETURNED' ? 'Gửi lại đề nghị' : 'Gửi đề nghị'}>
            <div style={{ marginBottom: 12 }}>
              <QuotaLine quotas={quotas} unitId={unit.id} />
            </div>
            {reasons.length > 0 && (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 12 }}
                title="Chưa gửi được đề nghị"
                description={
                  <ul style={{ margin: 0, paddingLeft: 20 }}>
                    {reasons.map((r) => (
                      <li key={r}>{r}</li>
                    ))}
                  </ul>
                }
              />
            )}
            {submitError && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={submitError} />}
            <Popconfirm
              title={n.status === 'RETURNED' ? 'Gửi lại đề nghị đã sửa?' : 'Gửi đề nghị khen thưởng?'}
              description="Sau khi gửi, đơn vị không sửa được đề nghị và hồ sơ, trừ khi bị trả lại."
              okText="Gửi"
              cancelText="Không"
              disabled={reasons.length > 0}
              onConfirm={() => send()}
            >
              <Button type="primary" icon={<SendOutlined />} disabled={reasons.length > 0} loading={submitting}>
                {n.status === 'RETURNED' ? 'Gửi lại đề nghị' : 'Gửi đề nghị'}
              </Button>
            </Popconfirm>
          </Card>
        )}

        <Card title="Quá trình xử lý">
          <NominationHistory history={n.history} selfId={session?.account?.id ?? null} proposingUnitName={n.proposingUnit.name} leadReview={n.campaign.awardRules.leadReviewRequired} />
        </Card>
      </Space>
      <AttachDialog nomination={n} item={uploading} onClose={() => setUploading(null)} />
    </>
  );
}

/** /don-vi-cua-toi/khen-thuong/:id — one nomination: eligibility, dossier (drafts, uploads), submission, history. */
export function NominationPage() {
  const { id = '' } = useParams();
  return <WithMyUnit>{(unit) => <NominationView unit={unit} id={id} />}</WithMyUnit>;
}
