import { CheckCircleOutlined, EditOutlined, GlobalOutlined, RollbackOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Breadcrumb, Button, Card, Col, Collapse, DatePicker, Descriptions, Empty, Form, Modal, Result, Row, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ClassificationTag } from '../../features/ranking/classification-tag';
import { AssessmentHistory } from '../../features/verification/assessment-history';
import { describeRule, describeValue } from '../../features/verification/describe';
import { EvidenceLink } from '../../features/verification/evidence-link';
import {
  CompleteVerificationMutation,
  PublishAssessmentMutation,
  ReopenAssessmentMutation,
  VerificationQuery,
  sections,
  type GroupNode,
  type ScoreRow,
} from '../../features/verification/verification-data';
import { VerifyScoreModal, type NewerScore } from '../../features/verification/verify-score-modal';
import { assessmentStepLabels, groupKindLabels, orgUnitKindLabels } from '../../i18n/labels';
import { ExportButton } from '../../layout/export-button';
import { PageSpinner } from '../../layout/page-spinner';
import { QueryErrors } from '../../layout/query-state';
import { toUserErrors, toUserMessage } from '../../lib/errors';
import { applyServerErrors } from '../../lib/form-errors';
import { dayjs, formatDate, formatDateTime, formatNumber, formatPercent } from '../../lib/format';
import { LeadNav } from './lead-nav';

type Row = ScoreRow & { subgroup: string | null };

const STATUS_COLORS = { SELF_ASSESSING: 'default', SUBMITTED: 'orange', VERIFIED: 'blue', PUBLISHED: 'green' } as const;

/** The unit's declaration of one indicator: value, note, evidence files. */
function Declaration({ r }: { r: Row }) {
  const value = describeValue(r.indicator, r.selfValue);
  return (
    <Space orientation="vertical" size={2}>
      <span>{value ?? <Typography.Text type="secondary">Chưa kê khai</Typography.Text>}</span>
      {r.note && <Typography.Text type="secondary">Ghi chú: {r.note}</Typography.Text>}
      {r.evidenceFileIds.map((id, i) => (
        <EvidenceLink key={id} id={id} index={i} />
      ))}
    </Space>
  );
}

/**
 * Verification side by side: for every indicator, what the unit declared (value, note, evidence) next to the points
 * it computed and the lead agency's points with the reason of any change; then complete, publish, or reopen.
 */
export function VerificationPage() {
  const { id = '' } = useParams();
  const { message, modal } = App.useApp();
  const { data, loading, error, refetch } = useQuery(VerificationQuery, { variables: { id } });
  const [editing, setEditing] = useState<Row | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [reopening, setReopening] = useState(false);
  const [reopenForm] = Form.useForm<{ until: Dayjs | null }>();
  const [complete, completeState] = useMutation(CompleteVerificationMutation);
  const [publish, publishState] = useMutation(PublishAssessmentMutation);
  const [reopen, reopenState] = useMutation(ReopenAssessmentMutation);

  if (loading && !data) return <PageSpinner />;
  const a = data?.assessment;
  if (!a) return error ? <QueryErrors error={error} /> : <Result status="404" title="Không tìm thấy phiếu đánh giá" />;

  const groups = sections(a.framework.groups as GroupNode[], a.scores);
  const adjusted = a.scores.filter((s) => s.verifiedPoints !== null && s.verifiedPoints !== s.selfPoints).length;
  const canVerify = a.status === 'SUBMITTED';
  const canReopen = a.status === 'SELF_ASSESSING' || a.status === 'SUBMITTED';
  const confirmed = a.status === 'VERIFIED' || a.status === 'PUBLISHED';

  /** Reload after someone else changed the assessment; say so, with the newest state. */
  const reloadAfterConflict = async (what: string) => {
    const fresh = await refetch();
    const s = fresh.data?.assessment;
    setNotice(`Phiếu vừa được người khác thay đổi nên chưa ${what}. Dữ liệu mới nhất đã được tải lại (trạng thái: ${s ? assessmentStepLabels[s.status].toLocaleLowerCase('vi') : 'không rõ'}); hãy kiểm tra rồi thực hiện lại.`);
  };

  const step = async (run: () => Promise<unknown>, done: string, what: string) => {
    setNotice(null);
    try {
      await run();
      message.success(done);
    } catch (err) {
      if (toUserErrors(err).some((e) => e.code === 'VERSION_CONFLICT')) await reloadAfterConflict(what);
      else setNotice(toUserMessage(err));
    }
  };

  const onComplete = () =>
    modal.confirm({
      title: 'Hoàn tất thẩm định phiếu này?',
      content: `Các chỉ số chưa điều chỉnh được giữ điểm tự chấm của đơn vị. ${adjusted ? `Đã điều chỉnh ${adjusted} chỉ số.` : 'Chưa điều chỉnh chỉ số nào.'}`,
      okText: 'Hoàn tất thẩm định',
      cancelText: 'Hủy',
      onOk: () => step(() => complete({ variables: { id: a.id, version: a.version } }), 'Đã hoàn tất thẩm định.', 'hoàn tất thẩm định'),
    });

  const onPublish = () =>
    modal.confirm({
      title: 'Công bố kết quả của đơn vị?',
      content: 'Sau khi công bố, tổng điểm, xếp loại và thứ hạng của đơn vị được công khai trên trang xếp hạng.',
      okText: 'Công bố',
      cancelText: 'Hủy',
      onOk: () => step(() => publish({ variables: { id: a.id, version: a.version } }), 'Đã công bố kết quả.', 'công bố'),
    });

  const onReopen = async (values: { until: Dayjs | null }) => {
    if (!values.until) return;
    setNotice(null);
    try {
      await reopen({ variables: { id: a.id, version: a.version, until: values.until.format('YYYY-MM-DD') } });
      message.success(`Đã mở lại phiếu cho đơn vị đến ngày ${values.until.format('DD/MM/YYYY')}.`);
      setReopening(false);
    } catch (err) {
      if (toUserErrors(err).some((e) => e.code === 'VERSION_CONFLICT')) {
        setReopening(false);
        await reloadAfterConflict('mở lại');
        return;
      }
      const rest = applyServerErrors(reopenForm, err, { until: 'until', VALIDATION_FAILED: 'until' });
      if (rest) setNotice(rest);
    }
  };

  const reload = async (code: string): Promise<NewerScore | null> => {
    const fresh = await refetch();
    const s = fresh.data?.assessment?.scores.find((x) => x.indicator.code === code);
    return s ? { verifiedPoints: s.verifiedPoints, adjustmentReason: s.adjustmentReason } : null;
  };

  const columns: ColumnsType<Row> = [
    { title: 'Mã', width: 64, render: (_, r) => <strong>{r.indicator.code}</strong> },
    {
      title: 'Chỉ số',
      render: (_, r) => (
        <Space orientation="vertical" size={2}>
          {r.subgroup && <Typography.Text type="secondary">{r.subgroup}</Typography.Text>}
          <span>{r.indicator.name}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {describeRule(r.indicator)}
            {r.indicator.evidence ? ` Minh chứng: ${r.indicator.evidence}` : ''}
          </Typography.Text>
        </Space>
      ),
    },
    { title: 'Đơn vị kê khai', width: 300, render: (_, r) => (r.applicable ? <Declaration r={r} /> : <Typography.Text type="secondary">Không áp dụng cho đơn vị</Typography.Text>) },
    {
      title: 'Điểm tự chấm',
      width: 110,
      align: 'right',
      render: (_, r) => (r.applicable ? `${formatNumber(r.selfPoints)} / ${formatNumber(r.indicator.maxPoints)}` : '—'),
    },
    {
      title: 'Điểm thẩm định',
      width: 230,
      render: (_, r) => {
        if (!r.applicable) return '—';
        if (r.verifiedPoints === null) {
          // Completing the verification confirms every indicator not adjusted at the unit's own points.
          if (confirmed) {
            return (
              <span>
                <strong>{formatNumber(r.selfPoints)}</strong> <Typography.Text type="secondary">(giữ điểm tự chấm)</Typography.Text>
              </span>
            );
          }
          return <Typography.Text type="secondary">{a.status === 'SUBMITTED' ? 'Chưa điều chỉnh' : '—'}</Typography.Text>;
        }
        const changed = Math.abs(r.verifiedPoints - (r.selfPoints ?? 0)) > 1e-9;
        return (
          <Space orientation="vertical" size={2}>
            <span>
              <strong>{formatNumber(r.verifiedPoints)}</strong> {changed && <Tag color="orange">Đã điều chỉnh</Tag>}
            </span>
            {r.adjustmentReason && <Typography.Text type="secondary">Lý do: {r.adjustmentReason}</Typography.Text>}
          </Space>
        );
      },
    },
    {
      title: '',
      width: 120,
      render: (_, r) =>
        r.applicable && canVerify ? (
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(r)} aria-label={`Thẩm định chỉ số ${r.indicator.code}`}>
            Thẩm định
          </Button>
        ) : null,
    },
  ];

  const allRows = groups.flatMap((g) => g.rows.map((r) => ({ ...r, groupName: `${g.group.code}. ${g.group.name}` })));

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <LeadNav />
      <Breadcrumb
        items={[
          { title: <Link to="/dieu-hanh">Điều hành</Link> },
          { title: <Link to={`/dieu-hanh/tham-dinh?phongTrao=${encodeURIComponent(a.campaign.code)}&nam=${a.year}`}>Thẩm định</Link> },
          { title: a.unitName },
        ]}
      />
      <div>
        <Typography.Title level={2} style={{ marginBottom: 4 }}>
          {a.unitName}: phiếu đánh giá năm {a.year}
        </Typography.Title>
        <Space wrap>
          <Tag color={STATUS_COLORS[a.status]}>{assessmentStepLabels[a.status]}</Tag>
          <Tag>{orgUnitKindLabels[a.unitKind]}</Tag>
          {a.reopenedUntil && <Tag color="purple">Mở lại đến {formatDate(a.reopenedUntil)}</Tag>}
        </Space>
      </div>
      <QueryErrors error={error} />
      {notice && <Alert type="warning" showIcon title={notice} closable onClose={() => setNotice(null)} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card size="small">
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2 }}
              items={[
                { key: 'c', label: 'Phong trào', children: a.campaign.name, span: 'filled' },
                { key: 'f', label: 'Bộ chỉ số', children: a.framework.name, span: 'filled' },
                { key: 'self', label: 'Điểm tự chấm', children: formatNumber(a.selfTotal) },
                { key: 'ver', label: 'Điểm thẩm định', children: a.verifiedTotal === null ? 'Chưa thẩm định' : formatNumber(a.verifiedTotal) },
                { key: 'max', label: 'Điểm tối đa', children: `${formatNumber(a.maxPoints)} (không kể điểm thưởng)` },
                { key: 'pct', label: 'Tỷ lệ', children: formatPercent(a.percent) },
                { key: 'cls', label: 'Xếp loại', children: a.classification ? <ClassificationTag label={a.classification} passes={!!a.passes} /> : '—' },
                { key: 'adj', label: 'Chỉ số đã điều chỉnh', children: formatNumber(adjusted) },
                { key: 'sub', label: 'Đơn vị nộp lúc', children: formatDateTime(a.submittedAt), span: 'filled' },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title="Thao tác">
            <Space orientation="vertical" style={{ width: '100%' }}>
              {a.status === 'SUBMITTED' && (
                <Button type="primary" block icon={<CheckCircleOutlined />} onClick={onComplete} loading={completeState.loading}>
                  Hoàn tất thẩm định
                </Button>
              )}
              {a.status === 'VERIFIED' && (
                <Button type="primary" block icon={<GlobalOutlined />} onClick={onPublish} loading={publishState.loading}>
                  Công bố kết quả
                </Button>
              )}
              {a.status === 'PUBLISHED' && (
                <Alert type="success" showIcon title={`Đã công bố lúc ${formatDateTime(a.publishedAt)}.`} description={<Link to={`/don-vi/${encodeURIComponent(a.unit.code)}`}>Xem trang công khai của đơn vị</Link>} />
              )}
              {canReopen && (
                <Button block icon={<RollbackOutlined />} onClick={() => setReopening(true)}>
                  Mở lại để đơn vị tự đánh giá
                </Button>
              )}
              <ExportButton
                fileName={`tham-dinh-${a.year}-${a.unit.code}`}
                sheetName="Thẩm định"
                title={`Kết quả thẩm định năm ${a.year}: ${a.unitName}`}
                rows={allRows}
                columns={[
                  { header: 'Nhóm', value: (r) => r.groupName, width: 30 },
                  { header: 'Mã', value: (r) => r.indicator.code, width: 8 },
                  { header: 'Chỉ số', value: (r) => r.indicator.name, width: 50 },
                  { header: 'Giá trị kê khai', value: (r) => (r.applicable ? (describeValue(r.indicator, r.selfValue) ?? '') : 'Không áp dụng'), width: 30 },
                  { header: 'Ghi chú của đơn vị', value: (r) => r.note ?? '', width: 30 },
                  { header: 'Số tệp minh chứng', value: (r) => r.evidenceFileIds.length, width: 10 },
                  { header: 'Điểm tối đa', value: (r) => r.indicator.maxPoints, width: 10, numFmt: '0.00' },
                  { header: 'Điểm tự chấm', value: (r) => r.selfPoints, width: 10, numFmt: '0.00' },
                  { header: 'Điểm thẩm định', value: (r) => (r.applicable ? (r.verifiedPoints ?? (confirmed ? r.selfPoints : null)) : null), width: 10, numFmt: '0.00' },
                  { header: 'Lý do điều chỉnh', value: (r) => r.adjustmentReason ?? '', width: 40 },
                ]}
              />
            </Space>
          </Card>
        </Col>
      </Row>
      {groups.length === 0 && <Empty description="Bộ chỉ số không có nhóm chỉ số nào." />}
      {groups.map((g) => (
        <Card
          key={g.group.id}
          size="small"
          title={`${g.group.code}. ${g.group.name}${g.group.kind !== 'NORMAL' ? ` (${groupKindLabels[g.group.kind].toLocaleLowerCase('vi')})` : ''}`}
          extra={
            <Typography.Text>
              Tự chấm <strong>{formatNumber(g.self)}</strong> · Thẩm định <strong>{formatNumber(g.verified)}</strong> · Tối đa {formatNumber(g.group.maxPoints)}
            </Typography.Text>
          }
        >
          <Table<Row>
            rowKey={(r) => r.indicator.id}
            size="small"
            pagination={false}
            dataSource={g.rows}
            columns={columns}
            rowClassName={(r) => (r.applicable ? '' : 'row-not-applicable')}
            data-testid={`nhom-${g.group.code}`}
          />
        </Card>
      ))}
      <Collapse
        items={[{ key: 'history', label: `Lịch sử thay đổi của phiếu (${formatNumber(a.history.length)} lần)`, children: <AssessmentHistory history={a.history} /> }]}
      />
      <VerifyScoreModal assessment={{ id: a.id, version: a.version }} row={editing} onClose={() => setEditing(null)} reload={reload} />
      <Modal
        open={reopening}
        title="Mở lại phiếu để đơn vị tự đánh giá"
        okText="Mở lại"
        cancelText="Hủy"
        onCancel={() => setReopening(false)}
        onOk={() => reopenForm.submit()}
        confirmLoading={reopenState.loading}
        destroyOnHidden
      >
        <Typography.Paragraph>
          Đơn vị được sửa và nộp lại phiếu đến hết ngày đã chọn; điểm thẩm định đã nhập (nếu có) sẽ được bỏ để thẩm định lại trên phiếu đơn vị nộp.
        </Typography.Paragraph>
        <Form form={reopenForm} layout="vertical" onFinish={onReopen} initialValues={{ until: dayjs().add(7, 'day') }}>
          <Form.Item name="until" label="Mở lại đến ngày" rules={[{ required: true, message: 'Chọn ngày hết hạn mở lại.' }]}>
            <DatePicker format="DD/MM/YYYY" disabledDate={(d) => d.isBefore(dayjs(), 'day')} style={{ width: 200 }} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
