import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Descriptions, Empty, Form, Input, List, Radio, Result, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { ConsultationCommentKind, PublicConsultationListQuery } from '../../gql/graphql';
import { useCampaignChoices } from '../../features/campaign/use-campaigns';
import { consultationCommentKindLabels, consultationStatusLabels } from '../../i18n/labels';
import { ExportButton } from '../../layout/export-button';
import { QueryErrors } from '../../layout/query-state';
import { applyServerErrors } from '../../lib/form-errors';
import { formatDate, formatDateTime } from '../../lib/format';
import { useFilters } from '../../lib/use-filters';

const CampaignQuery = graphql(`
  query PublicConsultationCampaign($code: String!) {
    campaign(code: $code) {
      id
      name
    }
  }
`);

const ConsultationListQuery = graphql(`
  query PublicConsultationList($campaignId: ID!) {
    publicConsultations(campaignId: $campaignId) {
      id
      startsOn
      endsOn
      status
      occasion {
        id
        name
      }
      nominees {
        nominationId
        collective
        name
        jobTitle
        unitName
        formName
        proposingUnitName
        achievementSummary
        publishedComments {
          id
          kind
          authorName
          content
          submittedAt
          answer
          answeredAt
        }
      }
    }
  }
`);

const SubmitComment = graphql(`
  mutation PublicSubmitConsultationComment($consultationId: ID!, $nominationId: ID!, $kind: ConsultationCommentKind!, $authorName: String!, $contact: String!, $content: String!) {
    submitConsultationComment(consultationId: $consultationId, nominationId: $nominationId, kind: $kind, authorName: $authorName, contact: $contact, content: $content) {
      message
      submittedAt
    }
  }
`);

type Consultation = PublicConsultationListQuery['publicConsultations'][number];
type Nominee = Consultation['nominees'][number];

const STATUS_COLOURS: Record<Consultation['status'], string> = { UPCOMING: 'default', OPEN: 'processing', ENDED: 'success' };
const ORDER: Record<Consultation['status'], number> = { OPEN: 0, UPCOMING: 1, ENDED: 2 };

/** An e-mail address or a Vietnamese phone number, as the service accepts them. */
function contactProblem(value: string | undefined): string | null {
  const c = (value ?? '').trim();
  if (!c) return 'Nhập thư điện tử hoặc số điện thoại để Thường trực Hội đồng trả lời.';
  if (c.includes('@')) return /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/.test(c) ? null : 'Địa chỉ thư điện tử chưa đúng.';
  const digits = c.replace(/[\s.()-]/g, '').replace(/^\+84/, '0').replace(/^84(?=\d{9,10}$)/, '0');
  return /^[+\d\s.()-]+$/.test(c) && /^0\d{9,10}$/.test(digits) ? null : 'Số điện thoại chưa đúng (10 hoặc 11 chữ số, bắt đầu bằng 0 hoặc +84).';
}

interface CommentValues {
  nominationId: string;
  kind: ConsultationCommentKind;
  authorName: string;
  contact: string;
  content: string;
}

/** Anyone sends a comment or an objection on a nominee while the consultation is open; the answer is a thanks. */
function CommentForm({ consultation, nominationId, onNominee }: { consultation: Consultation; nominationId: string | undefined; onNominee: (id: string) => void }) {
  const [form] = Form.useForm<CommentValues>();
  const [send, { loading }] = useMutation(SubmitComment);
  const [alert, setAlert] = useState<string | null>(null);
  const [thanks, setThanks] = useState<string | null>(null);

  const onFinish = async (values: CommentValues) => {
    setAlert(null);
    try {
      const r = await send({ variables: { consultationId: consultation.id, ...values } });
      setThanks(r.data?.submitConsultationComment.message ?? null);
      form.resetFields();
    } catch (err) {
      setAlert(applyServerErrors(form, err));
    }
  };

  if (thanks) {
    return (
      <Result
        status="success"
        title="Đã nhận ý kiến của ông/bà"
        subTitle={thanks}
        extra={
          <Button type="primary" onClick={() => setThanks(null)}>
            Gửi ý kiến khác
          </Button>
        }
      />
    );
  }
  return (
    <Form<CommentValues>
      form={form}
      layout="vertical"
      onFinish={onFinish}
      disabled={loading}
      initialValues={{ kind: 'COMMENT', nominationId: nominationId ?? (consultation.nominees.length === 1 ? consultation.nominees[0]?.nominationId : undefined) }}
      onValuesChange={(changed: Partial<CommentValues>) => changed.nominationId && onNominee(changed.nominationId)}
      aria-label="Gửi ý kiến"
    >
      {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 16 }} />}
      <Form.Item name="nominationId" label="Tập thể, cá nhân được đề nghị" rules={[{ required: true, message: 'Chọn tập thể, cá nhân ông/bà muốn góp ý.' }]}>
        <Select aria-label="Tập thể, cá nhân được đề nghị" options={consultation.nominees.map((n) => ({ value: n.nominationId, label: `${n.name} — ${n.formName}` }))} />
      </Form.Item>
      <Form.Item name="kind" label="Loại ý kiến">
        <Radio.Group
          options={(['COMMENT', 'OBJECTION'] as const).map((k) => ({ value: k, label: k === 'OBJECTION' ? 'Phản ánh (không đồng ý với đề nghị)' : consultationCommentKindLabels[k] }))}
        />
      </Form.Item>
      <Form.Item
        name="authorName"
        label="Họ và tên"
        validateFirst
        rules={[
          { required: true, whitespace: true, message: 'Nhập họ và tên của ông/bà.' },
          { min: 2, message: 'Họ và tên ít nhất 2 ký tự.' },
          { max: 120, message: 'Họ và tên tối đa 120 ký tự.' },
        ]}
      >
        <Input autoComplete="name" />
      </Form.Item>
      <Form.Item
        name="contact"
        label="Thư điện tử hoặc số điện thoại"
        extra="Chỉ Thường trực Hội đồng Thi đua - Khen thưởng dùng để trả lời; không bao giờ công khai."
        rules={[
          {
            required: true,
            validator: async (_, v: string | undefined) => {
              const problem = contactProblem(v);
              if (problem) throw new Error(problem);
            },
          },
        ]}
      >
        <Input autoComplete="email" />
      </Form.Item>
      <Form.Item
        name="content"
        label="Nội dung"
        validateFirst
        rules={[
          { required: true, whitespace: true, message: 'Nhập nội dung ý kiến.' },
          { min: 10, message: 'Nội dung ít nhất 10 ký tự.' },
          { max: 5000, message: 'Nội dung tối đa 5.000 ký tự.' },
        ]}
      >
        <Input.TextArea rows={5} showCount maxLength={5000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={loading}>
        Gửi ý kiến
      </Button>
    </Form>
  );
}

function NomineeItem({ nominee, open, onComment }: { nominee: Nominee; open: boolean; onComment: () => void }) {
  return (
    <List.Item
      actions={open ? [<Button key="gop-y" onClick={onComment}>Góp ý về đề nghị này</Button>] : []}
      style={{ alignItems: 'flex-start' }}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text strong style={{ fontSize: 16 }}>
          {nominee.name} <Tag>{nominee.collective ? 'Tập thể' : 'Cá nhân'}</Tag>
        </Typography.Text>
        <Descriptions size="small" column={1}>
          {!nominee.collective && nominee.jobTitle && <Descriptions.Item label="Chức vụ">{nominee.jobTitle}</Descriptions.Item>}
          {!nominee.collective && nominee.unitName && <Descriptions.Item label="Đơn vị công tác">{nominee.unitName}</Descriptions.Item>}
          <Descriptions.Item label="Hình thức khen thưởng">{nominee.formName}</Descriptions.Item>
          <Descriptions.Item label="Đơn vị đề nghị">{nominee.proposingUnitName}</Descriptions.Item>
          <Descriptions.Item label="Tóm tắt thành tích">{nominee.achievementSummary}</Descriptions.Item>
        </Descriptions>
        {nominee.publishedComments.map((c) => (
          <Card key={c.id} size="small" type="inner" title={`${consultationCommentKindLabels[c.kind]} của ${c.authorName} (${formatDateTime(c.submittedAt)})`}>
            <Typography.Paragraph>{c.content}</Typography.Paragraph>
            <Typography.Paragraph style={{ marginBottom: 0 }}>
              <Typography.Text strong>Trả lời của Thường trực Hội đồng ({formatDateTime(c.answeredAt)}): </Typography.Text>
              {c.answer}
            </Typography.Paragraph>
          </Card>
        ))}
      </Space>
    </List.Item>
  );
}

/** The comments the council has published, with its answers: what anyone can read on the page, never who sent them how. */
function PublishedCommentsExport({ consultation }: { consultation: Consultation }) {
  const rows = consultation.nominees.flatMap((nominee) => nominee.publishedComments.map((comment) => ({ nominee, comment })));
  if (!rows.length) return null;
  return (
    <ExportButton
      fileName={`y-kien-nhan-dan-${consultation.startsOn}`}
      sheetName="Ý kiến nhân dân"
      title={`Ý kiến nhân dân đã công khai — ${consultation.occasion.name} (lấy ý kiến từ ngày ${formatDate(consultation.startsOn)} đến ngày ${formatDate(consultation.endsOn)})`}
      rows={rows}
      columns={[
        { header: 'Tập thể, cá nhân được đề nghị', value: (r) => r.nominee.name, width: 32 },
        { header: 'Hình thức khen thưởng', value: (r) => r.nominee.formName, width: 28 },
        { header: 'Loại ý kiến', value: (r) => consultationCommentKindLabels[r.comment.kind], width: 14 },
        { header: 'Người gửi', value: (r) => r.comment.authorName, width: 24 },
        { header: 'Gửi lúc', value: (r) => formatDateTime(r.comment.submittedAt), width: 18 },
        { header: 'Nội dung', value: (r) => r.comment.content, width: 60 },
        { header: 'Trả lời của Thường trực Hội đồng', value: (r) => r.comment.answer, width: 60 },
        { header: 'Trả lời lúc', value: (r) => formatDateTime(r.comment.answeredAt), width: 18 },
      ]}
    />
  );
}

function ConsultationCard({ consultation }: { consultation: Consultation }) {
  const [nominationId, setNominationId] = useState<string | undefined>(undefined);
  const [formKey, setFormKey] = useState(0);
  const open = consultation.status === 'OPEN';
  return (
    <Card
      title={`${consultation.occasion.name}: công khai từ ngày ${formatDate(consultation.startsOn)} đến ngày ${formatDate(consultation.endsOn)}`}
      extra={
        <Space>
          <PublishedCommentsExport consultation={consultation} />
          <Tag color={STATUS_COLOURS[consultation.status]}>{consultationStatusLabels[consultation.status]}</Tag>
        </Space>
      }
    >
      {consultation.status === 'UPCOMING' && <Alert type="info" showIcon title={`Bắt đầu nhận ý kiến từ ngày ${formatDate(consultation.startsOn)}.`} style={{ marginBottom: 16 }} />}
      {consultation.status === 'ENDED' && <Alert type="info" showIcon title={`Đã hết thời gian nhận ý kiến (ngày ${formatDate(consultation.endsOn)}).`} style={{ marginBottom: 16 }} />}
      <List
        itemLayout="vertical"
        dataSource={consultation.nominees}
        rowKey="nominationId"
        renderItem={(n) => (
          <NomineeItem
            nominee={n}
            open={open}
            onComment={() => {
              setNominationId(n.nominationId);
              setFormKey((k) => k + 1);
              document.getElementById(`gop-y-${consultation.id}`)?.scrollIntoView({ behavior: 'smooth' });
            }}
          />
        )}
      />
      {open && (
        <Card id={`gop-y-${consultation.id}`} size="small" type="inner" title="Gửi ý kiến góp ý, phản ánh">
          <Typography.Paragraph type="secondary">
            Ý kiến được gửi tới Thường trực Hội đồng Thi đua - Khen thưởng. Ý kiến và nội dung trả lời chỉ được đăng trên trang này khi Thường trực Hội đồng quyết định công khai.
          </Typography.Paragraph>
          <CommentForm key={formKey} consultation={consultation} nominationId={nominationId} onNominee={setNominationId} />
        </Card>
      )}
    </Card>
  );
}

/** Lấy ý kiến nhân dân: the nominees each campaign publishes before its council or decision, and the public's comments. */
export function ConsultationPage() {
  const [params, setFilters] = useFilters();
  const { campaigns } = useCampaignChoices();
  const code = params.get('phongTrao') ?? campaigns[0]?.code;
  const campaign = useQuery(CampaignQuery, { variables: { code: code ?? '' }, skip: !code });
  const campaignId = campaign.data?.campaign?.id;
  const list = useQuery(ConsultationListQuery, { variables: { campaignId: campaignId ?? '' }, skip: !campaignId });
  const consultations = [...(list.data?.publicConsultations ?? [])].sort((a, b) => ORDER[a.status] - ORDER[b.status]);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        Lấy ý kiến nhân dân về danh sách đề nghị khen thưởng
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        Danh sách tập thể, cá nhân được đề nghị khen thưởng được công khai trong thời gian phong trào quy định để mọi người góp ý (dân chủ, công khai, minh bạch). Mọi phản ánh đều được
        Thường trực Hội đồng Thi đua - Khen thưởng xem xét, trả lời trước khi xét khen thưởng.
      </Typography.Paragraph>
      <Card size="small">
        <Select
          aria-label="Phong trào"
          style={{ minWidth: 360 }}
          value={code}
          onChange={(v) => setFilters({ phongTrao: v })}
          options={campaigns.map((c) => ({ value: c.code, label: c.name }))}
        />
      </Card>
      <QueryErrors error={campaign.error ?? list.error} />
      {list.loading || campaign.loading ? null : consultations.length ? (
        consultations.map((c) => <ConsultationCard key={c.id} consultation={c} />)
      ) : (
        <Card>
          <Empty description="Phong trào chưa công khai danh sách đề nghị khen thưởng nào để lấy ý kiến." />
        </Card>
      )}
    </Space>
  );
}
