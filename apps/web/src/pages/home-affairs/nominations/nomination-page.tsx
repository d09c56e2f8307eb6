import { ArrowLeftOutlined, CheckCircleOutlined, CheckOutlined, RollbackOutlined, StopOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Card, Result, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { candidateName, NominationStatusTag } from '../../../features/nomination';
import { NominationDossierView } from '../../../features/nomination-review/nomination-dossier-view';
import { ReasonModal } from '../../../features/nomination-review/reason-modal';
import {
  AppraiseNominationMutation,
  ConfirmDossierItemMutation,
  RejectNominationMutation,
  ReviewPipelineQuery,
  ReviewNominationQuery,
  type NominationDetail,
} from '../../../features/nomination-review/review-data';
import type { DocumentKind, NominationStatus } from '../../../gql/graphql';
import { QueryErrors } from '../../../layout/query-state';
import { toUserMessage } from '../../../lib/errors';
import { HomeAffairsNav } from '../home-affairs-nav';

/** States from which a nomination can still be refused (after submission, before the decision). */
const REJECTABLE: NominationStatus[] = ['SUBMITTED', 'FORWARDED', 'RETURNED', 'APPRAISED', 'IN_COUNCIL', 'RECOMMENDED'];

/** Whether the nomination is with Nội vụ for appraisal now. */
function atNoiVu(n: NominationDetail): boolean {
  return n.status === 'FORWARDED' || (n.status === 'SUBMITTED' && !n.campaign.awardRules.leadReviewRequired);
}

/** Nội vụ's actions on a nomination, by its state: confirm items, appraise, return or refuse with a reason. */
function Actions({ n }: { n: NominationDetail }) {
  const { message, modal } = App.useApp();
  const [problem, setProblem] = useState<string | null>(null);
  const [asking, setAsking] = useState<'return' | 'reject' | null>(null);
  const refetch = { refetchQueries: [ReviewPipelineQuery] };
  const [appraise, { loading: appraising }] = useMutation(AppraiseNominationMutation, refetch);
  const [reject] = useMutation(RejectNominationMutation, refetch);
  const here = atNoiVu(n);
  const open = n.dossier.items.filter((i) => i.status !== 'PRESENT' || !i.checked);
  const waitingForLead = n.status === 'SUBMITTED' && n.campaign.awardRules.leadReviewRequired;

  const onAppraise = async () => {
    setProblem(null);
    try {
      await appraise({ variables: { id: n.id, version: n.version, accept: true, items: n.dossier.items.filter((i) => i.checked).map((i) => i.kind) } });
      message.success('Đã thẩm định đạt.');
    } catch (err) {
      setProblem(toUserMessage(err));
    }
  };

  if (!here && !REJECTABLE.includes(n.status)) return null;
  return (
    <Card size="small" title="Thẩm định của Nội vụ">
      <Space orientation="vertical" style={{ width: '100%' }}>
        {problem && <Alert type="error" showIcon title={problem} closable={{ onClose: () => setProblem(null) }} />}
        {waitingForLead && <Alert type="info" showIcon title="Phong trào quy định cơ quan thường trực tổng hợp, thẩm tra hồ sơ trước; Nội vụ thẩm định sau khi hồ sơ được chuyển đến." />}
        {here && (
          <Typography.Text type={open.length ? 'warning' : 'success'}>
            {open.length
              ? `Còn ${open.length} mục của hồ sơ chưa được xác nhận: ${open.map((i) => `«${i.label}»`).join(', ')}. Mở từng tài liệu, đối chiếu rồi bấm «Xác nhận».`
              : 'Mọi mục của hồ sơ đã được xác nhận; có thể thẩm định đạt.'}
          </Typography.Text>
        )}
        <Space wrap>
          {here && (
            <Button
              type="primary"
              icon={<CheckCircleOutlined />}
              loading={appraising}
              onClick={() =>
                modal.confirm({
                  title: 'Thẩm định đạt đề nghị này?',
                  content: `${candidateName(n)} — ${n.form.name}. Đề nghị được chuyển xét khen thưởng (lấy ý kiến, Hội đồng).`,
                  okText: 'Thẩm định đạt',
                  cancelText: 'Không',
                  onOk: onAppraise,
                })
              }
            >
              Thẩm định đạt
            </Button>
          )}
          {here && (
            <Button icon={<RollbackOutlined />} onClick={() => setAsking('return')}>
              Trả lại để bổ sung, sửa
            </Button>
          )}
          {REJECTABLE.includes(n.status) && (
            <Button danger icon={<StopOutlined />} onClick={() => setAsking('reject')}>
              Không khen thưởng
            </Button>
          )}
        </Space>
      </Space>
      <ReasonModal
        open={asking === 'return'}
        title="Trả lại hồ sơ để đơn vị bổ sung, sửa"
        label="Lý do trả lại"
        okText="Trả lại"
        placeholder="Ví dụ: Báo cáo thành tích chưa có xác nhận của cấp trình khen."
        onSubmit={async (reason) => {
          await appraise({ variables: { id: n.id, version: n.version, accept: false, reason } });
          message.success('Đã trả lại hồ sơ cho đơn vị đề nghị.');
        }}
        onClose={() => setAsking(null)}
      />
      <ReasonModal
        open={asking === 'reject'}
        title="Không khen thưởng"
        label="Lý do không khen thưởng"
        okText="Không khen thưởng"
        danger
        onSubmit={async (reason) => {
          await reject({ variables: { id: n.id, version: n.version, reason } });
          message.success('Đã ghi không khen thưởng.');
        }}
        onClose={() => setAsking(null)}
      />
    </Card>
  );
}

/** Nội vụ's «Xác nhận» on one item of the dossier, while the nomination is with Nội vụ. */
function ConfirmItem({ n, item }: { n: NominationDetail; item: { kind: DocumentKind; label: string; status: string; checked: boolean } }) {
  const { message } = App.useApp();
  const [confirm, { loading }] = useMutation(ConfirmDossierItemMutation);
  if (!atNoiVu(n) || item.checked || item.status !== 'PRESENT') return null;
  return (
    <Button
      size="small"
      icon={<CheckOutlined />}
      loading={loading}
      aria-label={`Xác nhận ${item.label}`}
      onClick={async () => {
        try {
          await confirm({ variables: { id: n.id, kind: item.kind } });
          message.success(`Đã xác nhận «${item.label}».`);
        } catch (err) {
          message.error(toUserMessage(err));
        }
      }}
    >
      Xác nhận
    </Button>
  );
}

/** A nomination's whole dossier for Nội vụ, with the appraisal's actions by state. */
export function NominationPage() {
  const { id = '' } = useParams();
  const { data, loading, error } = useQuery(ReviewNominationQuery, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const n = data?.nomination;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <HomeAffairsNav />
      <Link to="/khen-thuong/de-nghi">
        <ArrowLeftOutlined /> Danh sách hồ sơ đề nghị
      </Link>
      <QueryErrors error={error} />
      {loading && !data && <Spin />}
      {data && !n && <Result status="404" title="Không tìm thấy đề nghị khen thưởng" subTitle="Đề nghị không còn hoặc bạn không có quyền xem." />}
      {n && (
        <>
          <Space wrap align="center">
            <Typography.Title level={2} style={{ margin: 0 }}>
              {candidateName(n)}
            </Typography.Title>
            <NominationStatusTag status={n.status} />
          </Space>
          <Typography.Text type="secondary">
            {n.form.name} · {n.occasion.name} · Đơn vị đề nghị: {n.proposingUnit.name}
          </Typography.Text>
          <Actions n={n} />
          <NominationDossierView nomination={n} itemExtra={(item) => <ConfirmItem n={n} item={item} />} />
        </>
      )}
    </Space>
  );
}
