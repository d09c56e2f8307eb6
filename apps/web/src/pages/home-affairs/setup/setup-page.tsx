import { PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Card, Checkbox, DatePicker, Empty, Form, Input, InputNumber, Modal, Radio, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { AwardCampaignPicker, useAwardCampaign } from '../../../features/decision/award-campaign';
import {
  AWARD_SETUP_READERS,
  AwardSetupDetailsQuery,
  CreateAwardFormMutation,
  CreateOccasionMutation,
  SetAwardRulesMutation,
  type SetupForm,
  type SetupOccasion,
  type SetupRules,
} from '../../../features/award-setup/setup-data';
import type { Authority, ConsultationStage, FormKind, OccasionKind, ReportConfirmer } from '../../../gql/graphql';
import { authorityLabels, consultationStageLabels, formKindLabels, occasionKindLabels, reportConfirmerLabels } from '../../../i18n/labels';
import { ExportButton } from '../../../layout/export-button';
import { QueryErrors } from '../../../layout/query-state';
import { applyServerErrors } from '../../../lib/form-errors';
import { formatDate, formatDateTime } from '../../../lib/format';
import { HomeAffairsNav } from '../home-affairs-nav';

const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/** "Tập thể và cá nhân", "Tập thể", "Cá nhân". */
function audienceOf(f: { forCollectives: boolean; forIndividuals: boolean }): string {
  if (f.forCollectives && f.forIndividuals) return 'Tập thể và cá nhân';
  return f.forCollectives ? 'Tập thể' : 'Cá nhân';
}

/** "Từ 01/01/2024 đến 30/6/2025", "Đến 30/6/2025", "Không thời hạn". */
function validityOf(f: { validFrom?: string | null; validTo?: string | null }): string {
  if (f.validFrom && f.validTo) return `Từ ${formatDate(f.validFrom)} đến ${formatDate(f.validTo)}`;
  if (f.validFrom) return `Từ ${formatDate(f.validFrom)}`;
  if (f.validTo) return `Đến hết ${formatDate(f.validTo)}`;
  return 'Không thời hạn';
}

function legalBasisOf(f: SetupForm): string {
  const l = f.legalBasis;
  if (!l) return '';
  return [l.number, l.date ? `ngày ${formatDate(l.date)}` : null, l.issuer].filter(Boolean).join(', ');
}

interface FormValues {
  code: string;
  name: string;
  kind: FormKind;
  authority: Authority;
  authorityTitle: string;
  audience: Array<'collectives' | 'individuals'>;
  legalNumber?: string;
  legalDate?: Dayjs | null;
  legalIssuer?: string;
  legalTitle?: string;
  validFrom?: Dayjs | null;
  validTo?: Dayjs | null;
}

/** Add an award form to the campaign. */
function NewFormModal({ open, onClose, campaign }: { open: boolean; onClose: () => void; campaign: { id: string; name: string } }) {
  const [form] = Form.useForm<FormValues>();
  const { message } = App.useApp();
  const [alert, setAlert] = useState<string | null>(null);
  const [create, { loading }] = useMutation(CreateAwardFormMutation, { refetchQueries: AWARD_SETUP_READERS });

  const onFinish = async (v: FormValues) => {
    setAlert(null);
    const legal = v.legalNumber?.trim();
    try {
      await create({
        variables: {
          input: {
            campaignId: campaign.id,
            code: v.code.trim(),
            name: v.name.trim(),
            kind: v.kind,
            authority: v.authority,
            authorityTitle: v.authorityTitle.trim(),
            forCollectives: v.audience.includes('collectives'),
            forIndividuals: v.audience.includes('individuals'),
            legalBasis: legal ? { number: legal, date: iso(v.legalDate), issuer: v.legalIssuer?.trim() ?? '', title: v.legalTitle?.trim() || null } : null,
            validFrom: iso(v.validFrom),
            validTo: iso(v.validTo),
          },
        },
      });
      message.success(`Đã thêm hình thức «${v.name.trim()}».`);
      onClose();
    } catch (err) {
      setAlert(
        applyServerErrors(form, err, {
          AWARD_FORM_CODE_TAKEN: 'code',
          AWARD_FORM_FOR_NOBODY: 'audience',
          'input.legalBasis.number': 'legalNumber',
          'input.legalBasis.issuer': 'legalIssuer',
          'input.legalBasis.date': 'legalDate',
          'input.legalBasis.title': 'legalTitle',
          'legalBasis.number': 'legalNumber',
          'legalBasis.issuer': 'legalIssuer',
        }),
      );
    }
  };

  return (
    <Modal
      open={open}
      onCancel={onClose}
      afterClose={() => {
        setAlert(null);
        form.resetFields();
      }}
      title="Thêm hình thức khen thưởng"
      okText="Thêm hình thức"
      cancelText="Hủy"
      confirmLoading={loading}
      onOk={() => form.submit()}
      width={720}
    >
      <Form<FormValues> form={form} name="hinhThuc" layout="vertical" onFinish={onFinish} initialValues={{ kind: 'GIAY_KHEN', audience: ['collectives', 'individuals'] }}>
        {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 16 }} />}
        <Typography.Paragraph type="secondary">{campaign.name}</Typography.Paragraph>
        <Form.Item
          name="code"
          label="Mã hình thức"
          extra="Mã ngắn để phân biệt trong phong trào, ví dụ GK-CT-UBND-PHUONG: chữ không dấu, số, dấu chấm, gạch ngang."
          rules={[
            { required: true, whitespace: true, message: 'Nhập mã hình thức.' },
            { pattern: CODE_PATTERN, message: 'Mã chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới (tối đa 64 ký tự).' },
          ]}
        >
          <Input style={{ width: 320 }} />
        </Form.Item>
        <Form.Item name="name" label="Tên hình thức khen thưởng" rules={[{ required: true, whitespace: true, message: 'Nhập tên hình thức.' }, { max: 500, message: 'Tối đa 500 ký tự.' }]}>
          <Input placeholder="Ví dụ: Giấy khen của Chủ tịch UBND phường" />
        </Form.Item>
        <Space wrap size="large" align="start">
          <Form.Item name="kind" label="Loại hình thức" rules={[{ required: true, message: 'Chọn loại hình thức.' }]}>
            <Select style={{ width: 240 }} options={(Object.keys(formKindLabels) as FormKind[]).map((k) => ({ value: k, label: formKindLabels[k] }))} />
          </Form.Item>
          <Form.Item name="authority" label="Cấp có thẩm quyền khen thưởng" rules={[{ required: true, message: 'Chọn cấp có thẩm quyền.' }]}>
            <Select style={{ width: 280 }} placeholder="Chọn cấp" options={(Object.keys(authorityLabels) as Authority[]).map((k) => ({ value: k, label: authorityLabels[k] }))} />
          </Form.Item>
        </Space>
        <Form.Item
          name="authorityTitle"
          label="Chức danh người ký khen thưởng"
          rules={[{ required: true, whitespace: true, message: 'Nhập chức danh người ký.' }, { max: 255, message: 'Tối đa 255 ký tự.' }]}
        >
          <Input placeholder="Ví dụ: Chủ tịch UBND phường Tân Lợi" />
        </Form.Item>
        <Form.Item name="audience" label="Khen thưởng cho" rules={[{ required: true, type: 'array', min: 1, message: 'Chọn tập thể, cá nhân hoặc cả hai.' }]}>
          <Checkbox.Group
            options={[
              { value: 'collectives', label: 'Tập thể' },
              { value: 'individuals', label: 'Cá nhân' },
            ]}
          />
        </Form.Item>
        <Space wrap size="large" align="start">
          <Form.Item name="validFrom" label="Áp dụng từ ngày">
            <DatePicker format="DD/MM/YYYY" style={{ width: 200 }} />
          </Form.Item>
          <Form.Item
            name="validTo"
            label="Đến hết ngày"
            dependencies={['validFrom']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, value: Dayjs | null | undefined) => {
                  const from = getFieldValue('validFrom') as Dayjs | null | undefined;
                  return value && from && value.isBefore(from, 'day') ? Promise.reject(new Error('Ngày hết hiệu lực phải sau ngày áp dụng.')) : Promise.resolve();
                },
              }),
            ]}
          >
            <DatePicker format="DD/MM/YYYY" style={{ width: 200 }} />
          </Form.Item>
        </Space>
        <div style={{ marginBottom: 8 }}>
          <Typography.Text strong>Căn cứ pháp lý</Typography.Text>
        </div>
        <Space wrap size="large" align="start">
          <Form.Item name="legalNumber" label="Số, ký hiệu văn bản" rules={[{ max: 64, message: 'Tối đa 64 ký tự.' }]}>
            <Input style={{ width: 200 }} placeholder="Ví dụ: 193/KH-UBND" />
          </Form.Item>
          <Form.Item name="legalDate" label="Ngày ban hành">
            <DatePicker format="DD/MM/YYYY" style={{ width: 180 }} />
          </Form.Item>
          <Form.Item
            name="legalIssuer"
            label="Cơ quan ban hành"
            dependencies={['legalNumber']}
            rules={[
              { max: 255, message: 'Tối đa 255 ký tự.' },
              ({ getFieldValue }) => ({
                validator: (_, value: string | undefined) =>
                  (getFieldValue('legalNumber') as string | undefined)?.trim() && !value?.trim() ? Promise.reject(new Error('Nhập cơ quan ban hành văn bản.')) : Promise.resolve(),
              }),
            ]}
          >
            <Input style={{ width: 240 }} placeholder="Ví dụ: UBND thành phố" />
          </Form.Item>
        </Space>
        <Form.Item name="legalTitle" label="Trích yếu văn bản" rules={[{ max: 1000, message: 'Tối đa 1000 ký tự.' }]}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface OccasionValues {
  kind: OccasionKind;
  name: string;
  year: number | null;
  startDate?: Dayjs | null;
  endDate: Dayjs | null;
}

/** Add an occasion (đợt khen thưởng) to the campaign. */
function NewOccasionModal({ open, onClose, campaign }: { open: boolean; onClose: () => void; campaign: { id: string; name: string } }) {
  const [form] = Form.useForm<OccasionValues>();
  const { message } = App.useApp();
  const [alert, setAlert] = useState<string | null>(null);
  const [create, { loading }] = useMutation(CreateOccasionMutation, { refetchQueries: AWARD_SETUP_READERS });

  const onFinish = async (v: OccasionValues) => {
    if (!v.endDate || v.year === null) return;
    setAlert(null);
    try {
      await create({ variables: { input: { campaignId: campaign.id, kind: v.kind, name: v.name.trim(), year: v.year, startDate: iso(v.startDate), endDate: iso(v.endDate) ?? '' } } });
      message.success(`Đã thêm đợt «${v.name.trim()}».`);
      onClose();
    } catch (err) {
      setAlert(applyServerErrors(form, err, { OCCASION_DATES_INVALID: 'endDate' }));
    }
  };

  return (
    <Modal
      open={open}
      onCancel={onClose}
      afterClose={() => {
        setAlert(null);
        form.resetFields();
      }}
      title="Thêm đợt khen thưởng"
      okText="Thêm đợt"
      cancelText="Hủy"
      confirmLoading={loading}
      onOk={() => form.submit()}
      width={620}
    >
      <Form<OccasionValues> form={form} name="dotKhenThuong" layout="vertical" onFinish={onFinish} initialValues={{ kind: 'ANNUAL', year: new Date().getFullYear(), endDate: null }}>
        {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 16 }} />}
        <Typography.Paragraph type="secondary">{campaign.name}</Typography.Paragraph>
        <Form.Item name="kind" label="Loại đợt" rules={[{ required: true, message: 'Chọn loại đợt.' }]}>
          <Radio.Group options={(Object.keys(occasionKindLabels) as OccasionKind[]).map((k) => ({ value: k, label: occasionKindLabels[k] }))} />
        </Form.Item>
        <Form.Item name="name" label="Tên đợt khen thưởng" rules={[{ required: true, whitespace: true, message: 'Nhập tên đợt.' }, { max: 255, message: 'Tối đa 255 ký tự.' }]}>
          <Input placeholder="Ví dụ: Khen thưởng hằng năm 2025" />
        </Form.Item>
        <Form.Item
          name="year"
          label="Năm"
          rules={[
            { required: true, message: 'Nhập năm.' },
            { type: 'number', min: 2000, max: 2100, message: 'Năm từ 2000 đến 2100.' },
          ]}
        >
          <InputNumber<number> precision={0} style={{ width: 120 }} />
        </Form.Item>
        <Space wrap size="large" align="start">
          <Form.Item name="startDate" label="Ngày bắt đầu nhận hồ sơ">
            <DatePicker format="DD/MM/YYYY" style={{ width: 200 }} />
          </Form.Item>
          <Form.Item
            name="endDate"
            label="Ngày kết thúc"
            dependencies={['startDate']}
            rules={[
              { required: true, message: 'Chọn ngày kết thúc đợt.' },
              ({ getFieldValue }) => ({
                validator: (_, value: Dayjs | null) => {
                  const start = getFieldValue('startDate') as Dayjs | null | undefined;
                  return value && start && value.isBefore(start, 'day') ? Promise.reject(new Error('Ngày kết thúc phải sau ngày bắt đầu.')) : Promise.resolve();
                },
              }),
            ]}
          >
            <DatePicker format="DD/MM/YYYY" style={{ width: 200 }} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

interface RulesValues {
  dossierCopies: number | null;
  leadReviewRequired: boolean;
  reportConfirmations: ReportConfirmer[];
  consultationDays: number | null;
  consultationStage: ConsultationStage;
}

/** The campaign's rules on dossiers: copies, the lead agency's review, the report's confirmations, the consultation. */
function RulesSection({ campaign, rules }: { campaign: { id: string; name: string }; rules: SetupRules }) {
  const [form] = Form.useForm<RulesValues>();
  const { message } = App.useApp();
  const [alert, setAlert] = useState<string | null>(null);
  const [save, { loading }] = useMutation(SetAwardRulesMutation, { refetchQueries: AWARD_SETUP_READERS });
  const days = Form.useWatch('consultationDays', form);

  useEffect(() => {
    form.setFieldsValue({
      dossierCopies: rules.dossierCopies,
      leadReviewRequired: rules.leadReviewRequired,
      reportConfirmations: [...rules.reportConfirmations],
      consultationDays: rules.consultationDays,
      consultationStage: rules.consultationStage,
    });
  }, [rules, form]);

  const onFinish = async (v: RulesValues) => {
    setAlert(null);
    try {
      await save({
        variables: {
          campaignId: campaign.id,
          expectedVersion: rules.version,
          input: {
            dossierCopies: v.dossierCopies ?? 1,
            leadReviewRequired: v.leadReviewRequired,
            reportConfirmations: v.reportConfirmations,
            consultationDays: v.consultationDays ?? 0,
            consultationStage: v.consultationStage,
          },
        },
      });
      message.success('Đã lưu quy định về hồ sơ của phong trào.');
    } catch (err) {
      setAlert(applyServerErrors(form, err));
    }
  };

  return (
    <Card
      title="Quy định về hồ sơ đề nghị khen thưởng"
      extra={
        <Typography.Text type="secondary">
          {rules.version === 0 || !rules.updatedAt ? 'Đang theo quy định mặc định' : `Cập nhật lúc ${formatDateTime(rules.updatedAt)}`}
        </Typography.Text>
      }
    >
      <Form<RulesValues> form={form} name="quyDinhHoSo" layout="vertical" onFinish={onFinish} aria-label="Quy định về hồ sơ">
        {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 16 }} />}
        <Form.Item
          name="dossierCopies"
          label="Số bộ hồ sơ mỗi đề nghị"
          extra={`Hiện nay: ${rules.copiesText}.`}
          rules={[
            { required: true, message: 'Nhập số bộ hồ sơ.' },
            { type: 'number', min: 1, max: 20, message: 'Từ 1 đến 20 bộ.' },
          ]}
        >
          <InputNumber<number> precision={0} style={{ width: 120 }} suffix="bộ" />
        </Form.Item>
        <Form.Item name="leadReviewRequired" label="Cơ quan thường trực tổng hợp, thẩm tra trước khi chuyển Nội vụ thẩm định" valuePropName="checked">
          <Switch checkedChildren="Có" unCheckedChildren="Không" />
        </Form.Item>
        <Form.Item name="reportConfirmations" label="Báo cáo thành tích phải có xác nhận của" rules={[{ required: true, type: 'array', min: 1, message: 'Chọn ít nhất một cấp xác nhận.' }]}>
          <Checkbox.Group options={(Object.keys(reportConfirmerLabels) as ReportConfirmer[]).map((k) => ({ value: k, label: reportConfirmerLabels[k] }))} />
        </Form.Item>
        <Form.Item
          name="consultationDays"
          label="Số ngày công khai, lấy ý kiến nhân dân"
          extra="Nhập 0 nếu phong trào không tổ chức lấy ý kiến."
          rules={[
            { required: true, message: 'Nhập số ngày công khai.' },
            { type: 'number', min: 0, max: 60, message: 'Từ 0 đến 60 ngày.' },
          ]}
        >
          <InputNumber<number> precision={0} style={{ width: 120 }} suffix="ngày" />
        </Form.Item>
        <Form.Item name="consultationStage" label="Thời điểm công khai" rules={[{ required: true, message: 'Chọn thời điểm công khai.' }]}>
          <Radio.Group disabled={days === 0} options={(Object.keys(consultationStageLabels) as ConsultationStage[]).map((k) => ({ value: k, label: consultationStageLabels[k] }))} />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={loading}>
          Lưu quy định
        </Button>
      </Form>
    </Card>
  );
}

/** /khen-thuong/thiet-lap — Nội vụ sets up a campaign's awards: its award forms, its occasions, the rules of its dossiers. */
export function AwardSetupPage() {
  const award = useAwardCampaign();
  const { campaign } = award;
  const { data, loading, error } = useQuery(AwardSetupDetailsQuery, { variables: { campaignId: campaign?.id ?? '' }, skip: !campaign });
  const [adding, setAdding] = useState<'form' | 'occasion' | null>(null);
  const details = data?.campaign;
  const forms = details?.awardForms ?? [];
  const occasions = [...(details?.occasions ?? [])].sort((a, b) => a.year - b.year || a.endDate.localeCompare(b.endDate));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <HomeAffairsNav />
      <Typography.Title level={2} style={{ margin: 0 }}>
        Thiết lập khen thưởng
      </Typography.Title>
      <Card size="small">
        <Space wrap>
          <AwardCampaignPicker award={award} occasion="none" />
          {details && (
            <Typography.Text type="secondary">
              Phong trào từ {formatDate(details.startDate)} đến {formatDate(details.endDate)}
            </Typography.Text>
          )}
        </Space>
      </Card>
      <QueryErrors error={award.error ?? error} />

      <Card
        title="Hình thức khen thưởng"
        extra={
          <Space wrap>
            <Button type="primary" icon={<PlusOutlined />} disabled={!details} onClick={() => setAdding('form')}>
              Thêm hình thức
            </Button>
            <ExportButton<SetupForm>
              fileName={`hinh-thuc-khen-thuong-${details?.code ?? ''}`}
              sheetName="Hình thức khen thưởng"
              title={`Hình thức khen thưởng — ${details?.name ?? ''}`}
              rows={forms}
              columns={[
                { header: 'Mã', value: (f) => f.code, width: 20 },
                { header: 'Hình thức', value: (f) => f.name, width: 48 },
                { header: 'Loại', value: (f) => formKindLabels[f.kind], width: 24 },
                { header: 'Cấp có thẩm quyền', value: (f) => authorityLabels[f.authority], width: 26 },
                { header: 'Người ký', value: (f) => f.authorityTitle, width: 36 },
                { header: 'Khen thưởng cho', value: (f) => audienceOf(f), width: 20 },
                { header: 'Thời hạn áp dụng', value: (f) => validityOf(f), width: 28 },
                { header: 'Căn cứ', value: (f) => legalBasisOf(f), width: 40 },
              ]}
            />
          </Space>
        }
      >
        <Table<SetupForm>
          rowKey="id"
          size="small"
          loading={loading}
          dataSource={forms}
          pagination={{ defaultPageSize: 10, hideOnSinglePage: true, showTotal: (n) => `${n} hình thức` }}
          locale={{ emptyText: <Empty description="Phong trào chưa có hình thức khen thưởng nào." /> }}
          columns={[
            {
              title: 'Hình thức',
              render: (_, f) => (
                <Space orientation="vertical" size={2}>
                  <span>{f.name}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    Mã {f.code}
                    {f.legalBasis ? ` — căn cứ ${legalBasisOf(f)}` : ''}
                  </Typography.Text>
                </Space>
              ),
            },
            { title: 'Loại', width: 170, render: (_, f) => <Tag>{formKindLabels[f.kind]}</Tag> },
            {
              title: 'Người ký',
              width: 260,
              render: (_, f) => (
                <Space orientation="vertical" size={2}>
                  <span>{f.authorityTitle}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {authorityLabels[f.authority]}
                  </Typography.Text>
                </Space>
              ),
            },
            { title: 'Khen thưởng cho', width: 160, render: (_, f) => audienceOf(f) },
            { title: 'Thời hạn áp dụng', width: 200, render: (_, f) => validityOf(f) },
          ]}
        />
      </Card>

      <Card
        title="Đợt khen thưởng"
        extra={
          <Space wrap>
            <Button type="primary" icon={<PlusOutlined />} disabled={!details} onClick={() => setAdding('occasion')}>
              Thêm đợt
            </Button>
            <ExportButton<SetupOccasion>
              fileName={`dot-khen-thuong-${details?.code ?? ''}`}
              sheetName="Đợt khen thưởng"
              title={`Đợt khen thưởng — ${details?.name ?? ''}`}
              rows={occasions}
              columns={[
                { header: 'Đợt khen thưởng', value: (o) => o.name, width: 48 },
                { header: 'Loại đợt', value: (o) => occasionKindLabels[o.kind], width: 14 },
                { header: 'Năm', value: (o) => o.year, width: 8 },
                { header: 'Bắt đầu', value: (o) => formatDate(o.startDate), width: 14 },
                { header: 'Kết thúc', value: (o) => formatDate(o.endDate), width: 14 },
              ]}
            />
          </Space>
        }
      >
        <Table<SetupOccasion>
          rowKey="id"
          size="small"
          loading={loading}
          dataSource={occasions}
          pagination={{ defaultPageSize: 10, hideOnSinglePage: true, showTotal: (n) => `${n} đợt` }}
          locale={{ emptyText: <Empty description="Phong trào chưa có đợt khen thưởng nào." /> }}
          columns={[
            { title: 'Đợt khen thưởng', render: (_, o) => o.name },
            { title: 'Loại đợt', width: 130, render: (_, o) => <Tag>{occasionKindLabels[o.kind]}</Tag> },
            { title: 'Năm', width: 80, render: (_, o) => o.year },
            { title: 'Thời gian', width: 240, render: (_, o) => (o.startDate ? `${formatDate(o.startDate)} – ${formatDate(o.endDate)}` : `Đến hết ${formatDate(o.endDate)}`) },
          ]}
        />
      </Card>

      {details && <RulesSection key={details.id} campaign={details} rules={details.awardRules} />}
      {details && <NewFormModal open={adding === 'form'} onClose={() => setAdding(null)} campaign={details} />}
      {details && <NewOccasionModal open={adding === 'occasion'} onClose={() => setAdding(null)} campaign={details} />}
    </Space>
  );
}
