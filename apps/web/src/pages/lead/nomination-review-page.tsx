import { RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Card, Drawer, Empty, Space, Spin, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { candidateName, NominationStatusTag } from '../../features/nomination';
import { NominationDossierView } from '../../features/nomination-review/nomination-dossier-view';
import { ReasonModal } from '../../features/nomination-review/reason-modal';
import { LeadReviewNominationMutation, ReviewCampaignQuery, ReviewNominationQuery, ReviewPipelineQuery, type PipelineRow } from '../../features/nomination-review/review-data';
import { ExportButton } from '../../layout/export-button';
import { QueryErrors } from '../../layout/query-state';
import { toUserMessage } from '../../lib/errors';
import { formatDate, formatDateTime } from '../../lib/format';
import { CampaignYearPicker, useLeadCampaign } from './lead-campaign';
import { LeadNav } from './lead-nav';

/** One submitted nomination, read-only, with the lead agency's two answers: forward it to Nội vụ, or return it. */
function ReviewDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { message, modal } = App.useApp();
  const { data, loading, error } = useQuery(ReviewNominationQuery, { variables: { id: id ?? '' }, skip: !id, fetchPolicy: 'network-only' });
  const [review, { loading: busy }] = useMutation(LeadReviewNominationMutation, { refetchQueries: [ReviewPipelineQuery] });
  const [returning, setReturning] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const n = data?.nomination;
  const pending = n?.status === 'SUBMITTED';

  const forward = async () => {
    if (!n) return;
    setProblem(null);
    try {
      await review({ variables: { id: n.id, version: n.version, forward: true } });
      message.success('Đã chuyển hồ sơ sang Nội vụ thẩm định.');
      onClose();
    } catch (err) {
      setProblem(toUserMessage(err));
    }
  };

  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size={980}
      title={n ? `Hồ sơ đề nghị: ${candidateName(n)}` : 'Hồ sơ đề nghị'}
      destroyOnHidden
      extra={
        pending && (
          <Space>
            <Button icon={<RollbackOutlined />} onClick={() => setReturning(true)}>
              Trả lại
            </Button>
            <Button
              type="primary"
              icon={<SendOutlined />}
              loading={busy}
              onClick={() => modal.confirm({ title: 'Chuyển hồ sơ này sang Nội vụ thẩm định?', okText: 'Chuyển Nội vụ', cancelText: 'Không', onOk: forward })}
            >
              Chuyển Nội vụ
            </Button>
          </Space>
        )
      }
    >
      <QueryErrors error={error} />
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      {loading && !data && <Spin />}
      {n && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <NominationStatusTag status={n.status} />
            <Typography.Text type="secondary">
              {n.form.name} · {n.occasion.name} · Đơn vị đề nghị: {n.proposingUnit.name}
            </Typography.Text>
          </Space>
          <NominationDossierView nomination={n} />
        </Space>
      )}
      {n && (
        <ReasonModal
          open={returning}
          title="Trả lại hồ sơ cho đơn vị đề nghị"
          label="Lý do trả lại"
          okText="Trả lại"
          placeholder="Ví dụ: Tờ trình chưa nêu số liệu kết quả chuyển đổi số năm của đơn vị."
          onSubmit={async (reason) => {
            await review({ variables: { id: n.id, version: n.version, forward: false, reason } });
            message.success('Đã trả lại hồ sơ cho đơn vị đề nghị.');
            onClose();
          }}
          onClose={() => setReturning(false)}
        />
      )}
    </Drawer>
  );
}

/**
 * The lead agency's review of nominations, where the campaign requires it (Đà Nẵng): the submitted ones, each opened
 * read-only, forwarded to Nội vụ or returned to the proposing unit with a reason.
 */
export function NominationReviewPage() {
  const lead = useLeadCampaign();
  const { campaign } = lead;
  const rules = useQuery(ReviewCampaignQuery, { variables: { id: campaign?.id ?? '' }, skip: !campaign });
  const required = rules.data?.campaign?.awardRules.leadReviewRequired;
  const { data, loading, error } = useQuery(ReviewPipelineQuery, {
    variables: { campaignId: campaign?.id ?? '', status: 'SUBMITTED' },
    skip: !campaign || !required,
    fetchPolicy: 'cache-and-network',
  });
  const [openId, setOpenId] = useState<string | null>(null);
  const rows = [...(data?.nominations ?? [])].sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''));

  const columns: ColumnsType<PipelineRow> = [
    {
      title: 'Tập thể, cá nhân được đề nghị',
      render: (_, r) => (
        <Typography.Link onClick={() => setOpenId(r.id)}>
          {candidateName(r)}
        </Typography.Link>
      ),
    },
    { title: 'Đơn vị đề nghị', render: (_, r) => r.proposingUnit.name },
    { title: 'Hình thức khen thưởng', render: (_, r) => r.form.name },
    { title: 'Đợt khen thưởng', width: 200, render: (_, r) => r.occasion.name },
    { title: 'Gửi lúc', width: 140, render: (_, r) => formatDateTime(r.submittedAt) },
    { title: '', width: 110, render: (_, r) => <Typography.Link onClick={() => setOpenId(r.id)}>Xem hồ sơ</Typography.Link> },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <LeadNav />
      <Typography.Title level={2} style={{ margin: 0 }}>
        Tổng hợp, thẩm tra hồ sơ khen thưởng
      </Typography.Title>
      <Card size="small">
        <Space wrap>
          <CampaignYearPicker lead={lead} withYear={false} />
          <ExportButton
            fileName={`ho-so-cho-tham-tra-${campaign?.code ?? ''}`}
            sheetName="Hồ sơ chờ thẩm tra"
            title={`Hồ sơ đề nghị khen thưởng chờ cơ quan thường trực thẩm tra — ${campaign?.name ?? ''}`}
            rows={rows}
            columns={[
              { header: 'Tập thể, cá nhân được đề nghị', value: (r) => candidateName(r), width: 34 },
              { header: 'Chức vụ', value: (r) => r.candidatePerson?.position ?? '', width: 26 },
              { header: 'Đơn vị đề nghị', value: (r) => r.proposingUnit.name, width: 32 },
              { header: 'Hình thức khen thưởng', value: (r) => r.form.name, width: 34 },
              { header: 'Đợt khen thưởng', value: (r) => r.occasion.name, width: 26 },
              { header: 'Ngày đề nghị', value: (r) => formatDate(r.nominationDate), width: 14 },
              { header: 'Gửi lúc', value: (r) => formatDateTime(r.submittedAt), width: 18 },
            ]}
          />
        </Space>
      </Card>
      <QueryErrors error={lead.error ?? rules.error ?? error} />
      {required === false && (
        <Alert
          type="info"
          showIcon
          title="Phong trào này không quy định cơ quan thường trực tổng hợp, thẩm tra hồ sơ khen thưởng: các đơn vị gửi hồ sơ thẳng đến Nội vụ thẩm định."
        />
      )}
      {required && (
        <Table<PipelineRow>
          rowKey="id"
          size="middle"
          loading={loading && !data}
          dataSource={rows}
          columns={columns}
          pagination={{ defaultPageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50, 100], showTotal: (n) => `${n} hồ sơ`, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty description="Không có hồ sơ nào đang chờ thẩm tra." /> }}
        />
      )}
      <ReviewDrawer id={openId} onClose={() => setOpenId(null)} />
    </Space>
  );
}
