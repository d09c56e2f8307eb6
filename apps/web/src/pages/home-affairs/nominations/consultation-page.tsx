import { MessageOutlined, NotificationOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Card, Checkbox, DatePicker, Drawer, Empty, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { candidateName } from '../../../features/nomination';
import {
  AnswerConsultationCommentMutation,
  OpenConsultationMutation,
  ReviewConsultationCommentsQuery,
  ReviewConsultationsQuery,
  ReviewPipelineQuery,
} from '../../../features/nomination-review/review-data';
import { useReviewCampaign, type ReviewCampaign } from '../../../features/nomination-review/use-review-campaign';
import type { ReviewConsultationCommentsQuery as CommentsData, ReviewConsultationsQuery as ConsultationsData } from '../../../gql/graphql';
import { consultationCommentKindLabels, consultationStatusLabels } from '../../../i18n/labels';
import { ExportButton } from '../../../layout/export-button';
import { QueryErrors } from '../../../layout/query-state';
import { applyServerErrors } from '../../../lib/form-errors';
import { dayjs, formatDate, formatDateTime } from '../../../lib/format';
import { HomeAffairsNav } from '../home-affairs-nav';

type Consultation = ConsultationsData['publicConsultations'][number];
type Comment = CommentsData['consultationComments'][number];

const STATUS_COLOURS: Record<Consultation['status'], string> = { UPCOMING: 'default', OPEN: 'processing', ENDED: 'success' };

interface OpenValues {
  occasionId: string;
  nominationIds: string[];
  startsOn: Dayjs | null;
  endsOn: Dayjs | null;
}

/** Open a consultation for an occasion: the appraised nominees to publish, from a date, for the campaign's days. */
function OpenConsultationDrawer({ rc, open, onClose, published, onOpened }: { rc: ReviewCampaign; open: boolean; onClose: () => void; published: Set<string>; onOpened: (id: string) => void }) {
  const [form] = Form.useForm<OpenValues>();
  const { message } = App.useApp();
  const [alert, setAlert] = useState<string | null>(null);
  const [send, { loading }] = useMutation(OpenConsultationMutation, { refetchQueries: [ReviewConsultationsQuery, ReviewPipelineQuery] });
  const days = rc.rules?.consultationDays ?? 0;
  const beforeCouncil = rc.rules?.consultationStage !== 'BEFORE_DECISION';
  const occasionId = Form.useWatch('occasionId', form);
  const { data, loading: loadingNominees } = useQuery(ReviewPipelineQuery, {
    variables: { campaignId: rc.campaign?.id ?? '', occasionId: occasionId ?? null, status: beforeCouncil ? 'APPRAISED' : 'RECOMMENDED' },
    skip: !open || !rc.campaign || !occasionId,
    fetchPolicy: 'network-only',
  });
  const candidates = (data?.nominations ?? []).filter((n) => !published.has(n.id));

  const onFinish = async (v: OpenValues) => {
    if (!v.startsOn) return;
    setAlert(null);
    try {
      const r = await send({ variables: { occasionId: v.occasionId, nominationIds: v.nominationIds, startsOn: v.startsOn.format('YYYY-MM-DD'), endsOn: v.endsOn ? v.endsOn.format('YYYY-MM-DD') : null } });
      const c = r.data?.openConsultation;
      message.success(c ? `Đã công khai danh sách từ ngày ${formatDate(c.startsOn)} đến ngày ${formatDate(c.endsOn)}.` : 'Đã công khai danh sách.');
      form.resetFields();
      if (c) onOpened(c.id);
      onClose();
    } catch (err) {
      setAlert(applyServerErrors(form, err, { nominationIds: 'nominationIds', CONSULTATION_NOMINATIONS_INVALID: 'nominationIds' }));
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={640}
      title="Công khai danh sách để lấy ý kiến"
      destroyOnHidden
      extra={
        <Button type="primary" loading={loading} onClick={() => form.submit()}>
          Công khai
        </Button>
      }
    >
      <Form<OpenValues>
        form={form}
        layout="vertical"
        name="mo-lay-y-kien"
        aria-label="Công khai danh sách để lấy ý kiến"
        onFinish={onFinish}
        initialValues={{ occasionId: rc.occasion?.id, nominationIds: [], startsOn: dayjs().startOf('day'), endsOn: days ? dayjs().startOf('day').add(days, 'day') : null }}
        onValuesChange={(changed: Partial<OpenValues>) => {
          if ('startsOn' in changed && changed.startsOn && days) form.setFieldValue('endsOn', changed.startsOn.add(days, 'day'));
          if ('occasionId' in changed) form.setFieldValue('nominationIds', []);
        }}
      >
        {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 16 }} />}
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={
            days
              ? `Phong trào quy định công khai ít nhất ${days} ngày, ${beforeCouncil ? 'trước khi Hội đồng Thi đua - Khen thưởng họp xét' : 'sau khi Hội đồng họp xét, trước khi quyết định khen thưởng'}.`
              : 'Phong trào không quy định lấy ý kiến nhân dân.'
          }
        />
        <Form.Item name="occasionId" label="Đợt khen thưởng" rules={[{ required: true, message: 'Chọn đợt khen thưởng.' }]}>
          <Select options={rc.occasions.map((o) => ({ value: o.id, label: o.name }))} placeholder="Chọn đợt khen thưởng" />
        </Form.Item>
        <Form.Item
          name="nominationIds"
          label={beforeCouncil ? 'Các đề nghị đã thẩm định được công khai' : 'Các đề nghị Hội đồng đã thông qua được công khai'}
          rules={[{ required: true, type: 'array', min: 1, message: 'Chọn ít nhất một đề nghị để công khai.' }]}
          extra={
            !occasionId
              ? 'Chọn đợt khen thưởng trước.'
              : loadingNominees
                ? 'Đang tải danh sách…'
                : candidates.length
                  ? undefined
                  : `Đợt này chưa có đề nghị nào ${beforeCouncil ? 'đã thẩm định' : 'được Hội đồng thông qua'} mà chưa công khai.`
          }
        >
          <Checkbox.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
            options={candidates.map((n) => ({ value: n.id, label: `${candidateName(n)} — ${n.form.name} (${n.proposingUnit.name})` }))}
          />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item name="startsOn" label="Công khai từ ngày" rules={[{ required: true, message: 'Chọn ngày bắt đầu công khai.' }]}>
            <DatePicker format="DD/MM/YYYY" style={{ width: 180 }} />
          </Form.Item>
          <Form.Item
            name="endsOn"
            label="Đến hết ngày"
            dependencies={['startsOn']}
            extra={days ? `Mặc định ${days} ngày kể từ ngày bắt đầu.` : undefined}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, value: Dayjs | null) => {
                  const start = getFieldValue('startsOn') as Dayjs | null;
                  if (!value || !start) return Promise.resolve();
                  if (value.isBefore(start.add(days, 'day'), 'day')) return Promise.reject(new Error(`Phải công khai ít nhất ${days} ngày: chọn từ ngày ${start.add(days, 'day').format('DD/MM/YYYY')}.`));
                  return Promise.resolve();
                },
              }),
            ]}
          >
            <DatePicker format="DD/MM/YYYY" style={{ width: 180 }} />
          </Form.Item>
        </Space>
      </Form>
    </Drawer>
  );
}

interface AnswerValues {
  answer: string;
  publish: boolean;
}

/** Answer one comment; publishing shows the comment and the answer on the public page (never the contact). */
function AnswerModal({ comment, nominee, onClose }: { comment: Comment | null; nominee: string; onClose: () => void }) {
  const [form] = Form.useForm<AnswerValues>();
  const { message } = App.useApp();
  const [alert, setAlert] = useState<string | null>(null);
  const [send, { loading }] = useMutation(AnswerConsultationCommentMutation);
  const onFinish = async (v: AnswerValues) => {
    if (!comment) return;
    setAlert(null);
    try {
      await send({ variables: { id: comment.id, version: comment.version, answer: v.answer.trim(), publish: !!v.publish } });
      message.success(v.publish ? 'Đã trả lời và công khai ý kiến.' : 'Đã lưu câu trả lời.');
      onClose();
    } catch (err) {
      setAlert(applyServerErrors(form, err));
    }
  };
  return (
    <Modal
      open={!!comment}
      onCancel={onClose}
      title={comment ? `Trả lời ${consultationCommentKindLabels[comment.kind].toLocaleLowerCase('vi')} về ${nominee}` : ''}
      okText="Lưu trả lời"
      cancelText="Đóng"
      confirmLoading={loading}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {comment && (
        <Form<AnswerValues>
          form={form}
          layout="vertical"
          name="tra-loi-y-kien"
          aria-label="Trả lời ý kiến"
          onFinish={onFinish}
          initialValues={{ answer: comment.answer ?? '', publish: comment.published }}
        >
          {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 16 }} />}
          <Card size="small" style={{ marginBottom: 16 }}>
            <Typography.Text strong>
              {consultationCommentKindLabels[comment.kind]} của {comment.authorName || 'người gửi không nêu tên'}
            </Typography.Text>{' '}
            <Typography.Text type="secondary">
              ({comment.contact || 'không có liên hệ'}, {formatDateTime(comment.submittedAt)})
            </Typography.Text>
            <Typography.Paragraph style={{ margin: '8px 0 0', whiteSpace: 'pre-wrap' }}>{comment.content}</Typography.Paragraph>
          </Card>
          <Form.Item
            name="answer"
            label="Trả lời của Thường trực Hội đồng"
            rules={[
              { required: true, whitespace: true, message: 'Nhập câu trả lời.' },
              { min: 10, message: 'Câu trả lời ít nhất 10 ký tự.' },
              { max: 2000, message: 'Tối đa 2000 ký tự.' },
            ]}
          >
            <Input.TextArea rows={5} />
          </Form.Item>
          <Form.Item name="publish" valuePropName="checked">
            <Checkbox>Công khai ý kiến và câu trả lời trên trang «Lấy ý kiến nhân dân» (không công khai thông tin liên hệ)</Checkbox>
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

/** The comments of one consultation with the senders' contacts, answered one by one. */
function Comments({ consultation }: { consultation: Consultation }) {
  const { data, loading, error } = useQuery(ReviewConsultationCommentsQuery, { variables: { consultationId: consultation.id }, fetchPolicy: 'cache-and-network' });
  const [answering, setAnswering] = useState<Comment | null>(null);
  const names = new Map(consultation.nominees.map((n) => [n.nominationId, n.name]));
  const comments = [...(data?.consultationComments ?? [])].sort((a, b) => Number(!!a.answer) - Number(!!b.answer) || b.submittedAt.localeCompare(a.submittedAt));
  const unanswered = comments.filter((c) => !c.answer).length;
  const columns: ColumnsType<Comment> = [
    { title: 'Về đề nghị', width: 180, render: (_, c) => <Link to={`/khen-thuong/de-nghi/${c.nominationId}`}>{names.get(c.nominationId) ?? '—'}</Link> },
    { title: 'Loại', width: 100, render: (_, c) => <Tag color={c.kind === 'OBJECTION' ? 'red' : 'blue'}>{consultationCommentKindLabels[c.kind]}</Tag> },
    {
      title: 'Người gửi',
      width: 190,
      render: (_, c) => (
        <div>
          {c.authorName || '—'}
          <div>
            <Typography.Text type="secondary">{c.contact || '—'}</Typography.Text>
          </div>
        </div>
      ),
    },
    { title: 'Nội dung', render: (_, c) => <span style={{ whiteSpace: 'pre-wrap' }}>{c.content}</span> },
    { title: 'Gửi lúc', width: 140, render: (_, c) => formatDateTime(c.submittedAt) },
    {
      title: 'Trả lời',
      render: (_, c) =>
        c.answer ? (
          <div>
            <span style={{ whiteSpace: 'pre-wrap' }}>{c.answer}</span>
            <div>{c.published ? <Tag color="green">Đã công khai</Tag> : <Tag>Không công khai</Tag>}</div>
          </div>
        ) : (
          <Tag color="orange">Chưa trả lời</Tag>
        ),
    },
    {
      title: '',
      width: 110,
      render: (_, c) => (
        <Button size="small" icon={<MessageOutlined />} onClick={() => setAnswering(c)} aria-label={`Trả lời ý kiến của ${c.authorName || 'người gửi'}`}>
          {c.answer ? 'Sửa' : 'Trả lời'}
        </Button>
      ),
    },
  ];
  return (
    <Card
      size="small"
      title={`Ý kiến nhận được (${comments.length}${unanswered ? `, ${unanswered} chưa trả lời` : ''})`}
      extra={
        <ExportButton
          fileName={`y-kien-${consultation.startsOn}`}
          sheetName="Ý kiến"
          title={`Ý kiến về danh sách đề nghị khen thưởng ${consultation.occasion.name}, công khai từ ngày ${formatDate(consultation.startsOn)} đến ngày ${formatDate(consultation.endsOn)}`}
          rows={comments}
          columns={[
            { header: 'Về đề nghị', value: (c) => names.get(c.nominationId) ?? '', width: 30 },
            { header: 'Loại', value: (c) => consultationCommentKindLabels[c.kind], width: 12 },
            { header: 'Người gửi', value: (c) => c.authorName ?? '', width: 24 },
            { header: 'Liên hệ', value: (c) => c.contact ?? '', width: 24 },
            { header: 'Nội dung', value: (c) => c.content, width: 60 },
            { header: 'Gửi lúc', value: (c) => formatDateTime(c.submittedAt), width: 18 },
            { header: 'Trả lời', value: (c) => c.answer ?? '', width: 60 },
            { header: 'Trả lời lúc', value: (c) => formatDateTime(c.answeredAt), width: 18 },
            { header: 'Công khai', value: (c) => (c.published ? 'Có' : 'Không'), width: 10 },
          ]}
        />
      }
    >
      <QueryErrors error={error} />
      <Table<Comment>
        rowKey="id"
        size="small"
        loading={loading && !data}
        dataSource={comments}
        columns={columns}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50, 100], showTotal: (n) => `${n} ý kiến`, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description="Chưa nhận được ý kiến nào." /> }}
      />
      <AnswerModal comment={answering} nominee={answering ? (names.get(answering.nominationId) ?? '') : ''} onClose={() => setAnswering(null)} />
    </Card>
  );
}

/** The public consultation: open one for an occasion, read the comments with their contacts, answer and publish. */
export function ConsultationPage() {
  const rc = useReviewCampaign();
  const { campaign, params, set } = rc;
  const [opening, setOpening] = useState(false);
  const { data, loading, error } = useQuery(ReviewConsultationsQuery, { variables: { campaignId: campaign?.id ?? '' }, skip: !campaign, fetchPolicy: 'cache-and-network' });
  const consultations = (data?.publicConsultations ?? []).filter((c) => !rc.occasion || c.occasion.id === rc.occasion.id);
  const published = new Set((data?.publicConsultations ?? []).flatMap((c) => c.nominees.map((n) => n.nominationId)));
  const selected = consultations.find((c) => c.id === params.get('lanCongKhai')) ?? consultations[0];
  const days = rc.rules?.consultationDays ?? 0;

  const columns: ColumnsType<Consultation> = [
    { title: 'Đợt khen thưởng', render: (_, c) => c.occasion.name },
    { title: 'Thời gian công khai', width: 230, render: (_, c) => `${formatDate(c.startsOn)} – ${formatDate(c.endsOn)}` },
    { title: 'Tình trạng', width: 150, render: (_, c) => <Tag color={STATUS_COLOURS[c.status]}>{consultationStatusLabels[c.status]}</Tag> },
    { title: 'Tập thể, cá nhân', render: (_, c) => c.nominees.map((n) => n.name).join('; ') },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <HomeAffairsNav />
      <Typography.Title level={2} style={{ margin: 0 }}>
        Công khai, lấy ý kiến nhân dân
      </Typography.Title>
      <Card size="small">
        <Space wrap>
          <Select
            aria-label="Phong trào"
            style={{ width: 'min(640px, calc(100vw - 200px))' }}
            loading={rc.loading}
            value={campaign?.code}
            onChange={rc.setCampaign}
            options={rc.campaigns.map((c) => ({ value: c.code, label: c.name }))}
            placeholder="Chọn phong trào"
          />
          <Select
            aria-label="Đợt khen thưởng"
            style={{ width: 260 }}
            value={rc.occasion?.id ?? ''}
            onChange={(v) => set({ dot: v || null, lanCongKhai: null })}
            options={[{ value: '', label: 'Mọi đợt khen thưởng' }, ...rc.occasions.map((o) => ({ value: o.id, label: o.name }))]}
          />
          <Button type="primary" icon={<NotificationOutlined />} disabled={!campaign || !days} onClick={() => setOpening(true)}>
            Công khai danh sách
          </Button>
          <ExportButton
            fileName={`lay-y-kien-${campaign?.code ?? ''}`}
            sheetName="Lấy ý kiến"
            title={`Các đợt công khai, lấy ý kiến — ${campaign?.name ?? ''}`}
            rows={consultations}
            columns={[
              { header: 'Đợt khen thưởng', value: (c) => c.occasion.name, width: 30 },
              { header: 'Từ ngày', value: (c) => formatDate(c.startsOn), width: 14 },
              { header: 'Đến ngày', value: (c) => formatDate(c.endsOn), width: 14 },
              { header: 'Tình trạng', value: (c) => consultationStatusLabels[c.status], width: 18 },
              { header: 'Tập thể, cá nhân', value: (c) => c.nominees.map((n) => n.name).join('; '), width: 60 },
            ]}
          />
        </Space>
        {rc.rules && (
          <div style={{ marginTop: 8 }}>
            <Typography.Text type="secondary">
              {days
                ? `Phong trào quy định công khai danh sách ít nhất ${days} ngày ${rc.rules.consultationStage === 'BEFORE_DECISION' ? 'sau khi Hội đồng họp xét, trước khi quyết định khen thưởng' : 'trước khi Hội đồng Thi đua - Khen thưởng họp xét'}.`
                : 'Phong trào không quy định lấy ý kiến nhân dân.'}
            </Typography.Text>
          </div>
        )}
      </Card>
      <QueryErrors error={rc.error ?? error} />
      <Table<Consultation>
        rowKey="id"
        size="middle"
        loading={(loading && !data) || rc.loading}
        dataSource={consultations}
        columns={columns}
        rowSelection={{ type: 'radio', selectedRowKeys: selected ? [selected.id] : [], onChange: (keys) => set({ lanCongKhai: String(keys[0] ?? '') }), columnTitle: 'Xem' }}
        onRow={(c) => ({ onClick: () => set({ lanCongKhai: c.id }), style: { cursor: 'pointer' } })}
        pagination={{ defaultPageSize: 10, showTotal: (n) => `${n} đợt công khai`, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description="Chưa công khai danh sách đề nghị nào để lấy ý kiến." /> }}
      />
      {selected && <Comments key={selected.id} consultation={selected} />}
      {campaign && <OpenConsultationDrawer rc={rc} open={opening} onClose={() => setOpening(false)} published={published} onOpened={(id) => set({ lanCongKhai: id })} />}
    </Space>
  );
}
