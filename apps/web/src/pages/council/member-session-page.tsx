import { ArrowLeftOutlined, CheckOutlined, CloseOutlined, MinusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Card, Collapse, Empty, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  CastCouncilVoteMutation,
  candidateOf,
  CouncilAgendaQuery,
  CouncilReviewQuery,
  LIVE_TALLY_MS,
  RecuseCouncilMemberMutation,
  type AgendaNomination,
  type CouncilItemView,
  type CouncilMemberView,
  type CouncilReviewView,
} from '../../features/council/council-data';
import { CouncilResult, CouncilTally } from '../../features/council/council-tally';
import { RecusalModal } from '../../features/council/recusal-modal';
import { SessionFacts } from '../../features/council/session-header';
import { CandidateSummary, DossierChecklist, EligibilityList } from '../../features/nomination';
import type { VoteChoice } from '../../gql/enums';
import { voteChoiceLabels } from '../../i18n/labels';
import { PageSpinner } from '../../layout/page-spinner';
import { QueryErrors } from '../../layout/query-state';
import { toUserMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { useSession } from '../../lib/session';

const VOTE_COLOR: Record<VoteChoice, string> = { FOR: 'success', AGAINST: 'error', ABSTAIN: 'default' };
const VOTE_ICON: Record<VoteChoice, React.ReactNode> = { FOR: <CheckOutlined />, AGAINST: <CloseOutlined />, ABSTAIN: <MinusOutlined /> };

/** The dossier as the council reads it: candidate, form, summary, eligibility, the documents (open, save), nothing to edit. */
function DossierReadOnly({ nomination }: { nomination: AgendaNomination | undefined }) {
  if (!nomination) return <Typography.Text type="secondary">Đang tải hồ sơ…</Typography.Text>;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <CandidateSummary nomination={nomination} />
      <div>
        <Typography.Title level={5}>Điều kiện khen thưởng</Typography.Title>
        <EligibilityList eligibility={nomination.eligibility} />
      </div>
      <div>
        <Typography.Title level={5}>Thành phần hồ sơ</Typography.Title>
        <DossierChecklist dossier={nomination.dossier} readOnly />
      </div>
    </Space>
  );
}

/** The member's own ballot on one nomination: declare a conflict first, or vote (a later vote replaces the earlier). */
function MyBallot({ review, item, me }: { review: CouncilReviewView; item: CouncilItemView; me: CouncilMemberView }) {
  const { message } = App.useApp();
  const open = review.status === 'OPEN';
  const name = candidateOf(item.nomination);
  const mine = item.votes.find((v) => v.memberId === me.id);
  const recusal = item.recusals.find((r) => r.memberId === me.id);
  const [recusing, setRecusing] = useState(false);
  const [pending, setPending] = useState<VoteChoice | null>(null);
  const [cast] = useMutation(CastCouncilVoteMutation, { refetchQueries: [CouncilReviewQuery], awaitRefetchQueries: true });
  const [recuse] = useMutation(RecuseCouncilMemberMutation, { refetchQueries: [CouncilReviewQuery], awaitRefetchQueries: true });

  if (recusal) {
    return <Alert type="warning" showIcon title="Ông/bà đã rút lui khỏi việc xét đề nghị này (xung đột lợi ích); phiếu của ông/bà không được tính." description={`Lý do: ${recusal.reason}`} />;
  }
  const vote = async (choice: VoteChoice) => {
    setPending(choice);
    try {
      await cast({ variables: { reviewId: review.id, nominationId: item.nomination.id, memberId: me.id, vote: choice } });
      message.success(`Đã ghi phiếu «${voteChoiceLabels[choice]}» cho đề nghị khen thưởng ${name}.`);
    } catch (err) {
      message.error(toUserMessage(err));
    } finally {
      setPending(null);
    }
  };
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      {mine ? (
        <Space wrap>
          <Typography.Text strong>Phiếu của ông/bà:</Typography.Text>
          <Tag color={VOTE_COLOR[mine.vote]} icon={VOTE_ICON[mine.vote]}>
            {voteChoiceLabels[mine.vote]}
          </Tag>
          <Typography.Text type="secondary">lúc {formatDateTime(mine.at)}</Typography.Text>
        </Space>
      ) : (
        <Typography.Text strong>{open ? 'Ông/bà chưa biểu quyết đề nghị này.' : 'Ông/bà đã không biểu quyết đề nghị này.'}</Typography.Text>
      )}
      {open && (
        <Space wrap>
          {(['FOR', 'AGAINST', 'ABSTAIN'] as VoteChoice[]).map((c) => (
            <Button
              key={c}
              type={c === 'FOR' ? 'primary' : 'default'}
              danger={c === 'AGAINST'}
              loading={pending === c}
              disabled={!!pending || mine?.vote === c}
              onClick={() => vote(c)}
            >
              {voteChoiceLabels[c]}
            </Button>
          ))}
          {!mine && (
            <Button onClick={() => setRecusing(true)}>
              Nêu xung đột lợi ích
            </Button>
          )}
        </Space>
      )}
      {open && mine && <Typography.Text type="secondary">Ông/bà có thể đổi phiếu cho đến khi phiên họp kết thúc.</Typography.Text>}
      <RecusalModal
        open={recusing}
        title={`Xung đột lợi ích: đề nghị khen thưởng ${name}`}
        intro="Thành viên có xung đột lợi ích nêu lý do và rút lui trước khi biểu quyết; việc rút lui được ghi vào biên bản, ông/bà không biểu quyết đề nghị này."
        onClose={() => setRecusing(false)}
        onSubmit={async (reason) => {
          await recuse({ variables: { reviewId: review.id, nominationId: item.nomination.id, memberId: me.id, reason } });
          message.success('Đã ghi nhận việc rút lui của ông/bà.');
        }}
      />
    </Space>
  );
}

/** A council member's session: the agenda's dossiers read only, their own declarations and votes, the live count. */
export function MemberSessionPage() {
  const { id = '' } = useParams();
  const { session } = useSession();
  const { data, loading, error } = useQuery(CouncilReviewQuery, { variables: { id } });
  const review = data?.councilReview;
  const open = review?.status === 'OPEN';
  useQuery(CouncilReviewQuery, { variables: { id }, pollInterval: LIVE_TALLY_MS, skip: !open, fetchPolicy: 'network-only' });
  const agenda = useQuery(CouncilAgendaQuery, { variables: { id } });
  const me = review?.members.find((m) => !!m.userId && m.userId === session?.account?.id);

  if (loading && !review) return <PageSpinner />;
  if (!review) {
    return (
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <QueryErrors error={error} />
        {!error && <Empty description="Không tìm thấy phiên họp này." />}
      </Space>
    );
  }
  const dossierOf = (nominationId: string) => agenda.data?.councilReview?.items.find((i) => i.nomination.id === nominationId)?.nomination;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/hoi-dong">
        <ArrowLeftOutlined /> Các phiên họp của tôi
      </Link>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {review.name}
      </Typography.Title>
      <QueryErrors error={error ?? agenda.error} />
      <SessionFacts review={review} />
      {!me && <Alert type="info" showIcon title="Ông/bà không có tên trong thành phần phiên họp này: chỉ xem, không biểu quyết." />}
      {me && open && (
        <Alert
          type="info"
          showIcon
          title={`Ông/bà dự họp với chức vụ ${me.position}. Xem hồ sơ từng đề nghị; nếu có xung đột lợi ích, nêu lý do và rút lui trước khi biểu quyết. Số phiếu tự cập nhật vài giây một lần.`}
        />
      )}
      {!open && <Alert type="success" showIcon title="Phiên họp đã kết thúc; kết quả của từng đề nghị ghi dưới đây." />}
      <Typography.Title level={4} style={{ margin: 0 }}>
        Nội dung: các đề nghị được xét
      </Typography.Title>
      {review.items.map((item, i) => {
        const name = candidateOf(item.nomination);
        return (
          <Card
            key={item.nomination.id}
            role="region"
            aria-label={`Đề nghị: ${name}`}
            title={
              <Space wrap>
                <span>
                  {i + 1}. {name}
                </span>
                <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                  {item.nomination.form.name}; đơn vị đề nghị: {item.nomination.proposingUnit.name}
                </Typography.Text>
              </Space>
            }
            extra={!open && <CouncilResult status={item.nomination.status} rejectionReason={item.nomination.rejectionReason} />}
          >
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              <Collapse items={[{ key: 'ho-so', label: 'Hồ sơ đề nghị (chỉ xem)', children: <DossierReadOnly nomination={dossierOf(item.nomination.id)} /> }]} />
              {me && <MyBallot review={review} item={item} me={me} />}
              <CouncilTally tally={item.tally} passPercent={review.passPercent} closed={!open} />
            </Space>
          </Card>
        );
      })}
    </Space>
  );
}
