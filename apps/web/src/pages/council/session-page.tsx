import { ArrowLeftOutlined, FileWordOutlined, StopOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Card, Empty, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  candidateOf,
  CastCouncilVoteMutation,
  CloseCouncilReviewMutation,
  CouncilReviewQuery,
  LIVE_TALLY_MS,
  RecuseCouncilMemberMutation,
  type CouncilItemView,
  type CouncilMemberView,
  type CouncilReviewView,
} from '../../features/council/council-data';
import { CouncilResult, CouncilTally } from '../../features/council/council-tally';
import { RecusalModal } from '../../features/council/recusal-modal';
import { SessionFacts } from '../../features/council/session-header';
import { useMinutesDownload } from '../../features/council/use-minutes';
import type { VoteChoice } from '../../gql/enums';
import { voteChoiceLabels } from '../../i18n/labels';
import { ExportButton } from '../../layout/export-button';
import { PageSpinner } from '../../layout/page-spinner';
import { QueryErrors } from '../../layout/query-state';
import { toUserMessage } from '../../lib/errors';
import { formatDateTime, formatPercent } from '../../lib/format';
import { HomeAffairsNav } from '../home-affairs/home-affairs-nav';

const VOTE_COLOR: Record<VoteChoice, string> = { FOR: 'success', AGAINST: 'error', ABSTAIN: 'default' };

interface Ballot {
  member: CouncilMemberView;
  vote: CouncilItemView['votes'][number] | undefined;
  recusal: CouncilItemView['recusals'][number] | undefined;
}

/** The secretariat records a paper ballot for a member without an account. */
function PaperBallot({ review, item, member }: { review: CouncilReviewView; item: CouncilItemView; member: CouncilMemberView }) {
  const { message } = App.useApp();
  const [choice, setChoice] = useState<VoteChoice | undefined>();
  const [cast, { loading }] = useMutation(CastCouncilVoteMutation, { refetchQueries: [CouncilReviewQuery], awaitRefetchQueries: true });
  return (
    <Space wrap size={4}>
      <Select<VoteChoice>
        aria-label={`Phiếu giấy của ${member.name}`}
        placeholder="Nội dung phiếu giấy"
        style={{ width: 190 }}
        size="small"
        value={choice}
        onChange={setChoice}
        options={(Object.keys(voteChoiceLabels) as VoteChoice[]).map((v) => ({ value: v, label: voteChoiceLabels[v] }))}
      />
      <Button
        size="small"
        type="primary"
        disabled={!choice}
        loading={loading}
        aria-label={`Ghi phiếu của ${member.name}`}
        onClick={async () => {
          if (!choice) return;
          try {
            await cast({ variables: { reviewId: review.id, nominationId: item.nomination.id, memberId: member.id, vote: choice } });
            message.success(`Đã ghi phiếu giấy của ${member.name}.`);
            setChoice(undefined);
          } catch (err) {
            message.error(toUserMessage(err));
          }
        }}
      >
        Ghi phiếu
      </Button>
    </Space>
  );
}

/** One nomination on the agenda: the live count, each member's ballot or recusal, the secretariat's entries. */
function AgendaItem({ review, item, index }: { review: CouncilReviewView; item: CouncilItemView; index: number }) {
  const open = review.status === 'OPEN';
  const name = candidateOf(item.nomination);
  const [recusing, setRecusing] = useState<CouncilMemberView | null>(null);
  const [recuse] = useMutation(RecuseCouncilMemberMutation, { refetchQueries: [CouncilReviewQuery], awaitRefetchQueries: true });
  const { message } = App.useApp();
  const ballots: Ballot[] = review.members.map((member) => ({
    member,
    vote: item.votes.find((v) => v.memberId === member.id),
    recusal: item.recusals.find((r) => r.memberId === member.id),
  }));
  return (
    <Card
      role="region"
      aria-label={`Đề nghị: ${name}`}
      title={
        <Space wrap>
          <span>
            {index + 1}. {name}
          </span>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            {item.nomination.form.name}; đơn vị đề nghị: {item.nomination.proposingUnit.name}
          </Typography.Text>
        </Space>
      }
      extra={!open && <CouncilResult status={item.nomination.status} rejectionReason={item.nomination.rejectionReason} />}
    >
      <CouncilTally tally={item.tally} passPercent={review.passPercent} closed={!open} />
      <Table<Ballot>
        style={{ marginTop: 12 }}
        size="small"
        rowKey={(b) => b.member.id}
        dataSource={ballots}
        pagination={{ defaultPageSize: 20, hideOnSinglePage: true, showTotal: (n) => `${n} thành viên` }}
        columns={[
          { title: 'Thành viên', render: (_, b) => b.member.name },
          { title: 'Chức vụ', width: 200, render: (_, b) => b.member.position },
          {
            title: 'Phiếu',
            width: 220,
            render: (_, b) =>
              b.recusal ? (
                <Space orientation="vertical" size={2}>
                  <Tag color="warning">Rút lui</Tag>
                  <Typography.Text type="secondary">Lý do: {b.recusal.reason}</Typography.Text>
                </Space>
              ) : b.vote ? (
                <Space orientation="vertical" size={2}>
                  <Tag color={VOTE_COLOR[b.vote.vote]}>{voteChoiceLabels[b.vote.vote]}</Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    lúc {formatDateTime(b.vote.at)}
                  </Typography.Text>
                </Space>
              ) : (
                <Typography.Text type="secondary">Chưa bỏ phiếu</Typography.Text>
              ),
          },
          {
            title: 'Cách bỏ phiếu',
            width: 420,
            render: (_, b) =>
              b.member.userId ? (
                <Typography.Text type="secondary">Tự bỏ phiếu bằng tài khoản</Typography.Text>
              ) : !open || b.recusal ? (
                <Typography.Text type="secondary">Phiếu giấy, thư ký ghi</Typography.Text>
              ) : (
                <Space wrap size={4}>
                  <PaperBallot review={review} item={item} member={b.member} />
                  {!b.vote && (
                    <Button size="small" type="link" onClick={() => setRecusing(b.member)}>
                      Ghi rút lui
                    </Button>
                  )}
                </Space>
              ),
          },
        ]}
      />
      <RecusalModal
        open={!!recusing}
        title={`Rút lui khỏi việc xét đề nghị khen thưởng ${name}`}
        intro={`Thư ký ghi việc rút lui của ${recusing?.name ?? ''} (thành viên không có tài khoản), trước khi thành viên bỏ phiếu; phiếu của thành viên không được tính.`}
        onClose={() => setRecusing(null)}
        onSubmit={async (reason) => {
          if (!recusing) return;
          await recuse({ variables: { reviewId: review.id, nominationId: item.nomination.id, memberId: recusing.id, reason } });
          message.success(`Đã ghi việc rút lui của ${recusing.name}.`);
        }}
      />
    </Card>
  );
}

/** Nội vụ runs a session: members, agenda, recusals, paper ballots, the live count, the minutes, closing it. */
export function CouncilSessionPage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const { data, loading, error, refetch } = useQuery(CouncilReviewQuery, { variables: { id } });
  const review = data?.councilReview;
  const open = review?.status === 'OPEN';
  useQuery(CouncilReviewQuery, { variables: { id }, pollInterval: LIVE_TALLY_MS, skip: !open, fetchPolicy: 'network-only' });
  const minutes = useMinutesDownload(review?.id);
  const [close, closing] = useMutation(CloseCouncilReviewMutation);

  if (loading && !review) return <PageSpinner />;
  if (!review) {
    return (
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <HomeAffairsNav />
        <QueryErrors error={error} />
        {!error && <Empty description="Không tìm thấy phiên họp này." />}
      </Space>
    );
  }

  const onClose = async () => {
    try {
      await close({ variables: { id: review.id, expectedVersion: review.version } });
      await refetch();
      message.success('Đã kết thúc phiên họp và kiểm phiếu.');
    } catch (err) {
      await refetch();
      message.error(toUserMessage(err));
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <HomeAffairsNav />
      <Link to={`/khen-thuong/hoi-dong?phongTrao=${encodeURIComponent(review.occasion.campaign.code)}&dot=${encodeURIComponent(review.occasion.id)}`}>
        <ArrowLeftOutlined /> Các phiên họp của đợt
      </Link>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {review.name}
      </Typography.Title>
      <QueryErrors error={error} />
      <SessionFacts review={review} />
      <Space wrap>
        <Button icon={<FileWordOutlined />} loading={minutes.busy} onClick={minutes.download}>
          {open ? 'Tải dự thảo Biên bản (Word)' : 'Tải Biên bản (Word)'}
        </Button>
        <ExportButton
          fileName={`ket-qua-hoi-dong-${review.meetingDate}`}
          sheetName="Kết quả biểu quyết"
          title={`Kết quả biểu quyết — ${review.name}, ngày ${review.meetingDate.split('-').reverse().join('/')}`}
          rows={review.items}
          columns={[
            { header: 'Tập thể, cá nhân', value: (i) => candidateOf(i.nomination), width: 36 },
            { header: 'Hình thức khen thưởng', value: (i) => i.nomination.form.name, width: 36 },
            { header: 'Đơn vị đề nghị', value: (i) => i.nomination.proposingUnit.name, width: 32 },
            { header: 'Đồng ý', value: (i) => i.tally.for, width: 10 },
            { header: 'Không đồng ý', value: (i) => i.tally.against, width: 12 },
            { header: 'Không biểu quyết', value: (i) => i.tally.abstain, width: 14 },
            { header: 'Chưa bỏ phiếu', value: (i) => i.tally.notVoted, width: 12 },
            { header: 'Rút lui', value: (i) => i.recusals.map((r) => `${r.memberName}: ${r.reason}`).join('; '), width: 40 },
            { header: 'Tỷ lệ đồng ý', value: (i) => formatPercent(i.tally.percentFor), width: 12 },
            { header: 'Kết quả', value: (i) => (open ? 'Chưa kết luận' : i.tally.passed ? 'Thông qua' : 'Không thông qua'), width: 16 },
          ]}
        />
        {open && (
          <Popconfirm
            title="Kết thúc phiên họp?"
            description="Sau khi kết thúc không ghi thêm phiếu hay việc rút lui; từng đề nghị được kiểm phiếu theo ngưỡng thông qua."
            okText="Kết thúc và kiểm phiếu"
            cancelText="Chưa"
            okButtonProps={{ danger: true }}
            onConfirm={onClose}
          >
            <Button danger icon={<StopOutlined />} loading={closing.loading}>
              Kết thúc phiên họp
            </Button>
          </Popconfirm>
        )}
      </Space>
      {open ? (
        <Alert type="info" showIcon title="Phiên họp đang diễn ra: số phiếu tự cập nhật vài giây một lần. Thư ký ghi phiếu giấy và việc rút lui của thành viên không có tài khoản." />
      ) : (
        <Alert type="success" showIcon title={`Phiên họp đã kết thúc: thông qua ${review.items.filter((i) => i.tally.passed).length}/${review.items.length} đề nghị.`} />
      )}
      <Card size="small" title="Thành phần Hội đồng">
        <Table<CouncilMemberView>
          size="small"
          rowKey="id"
          dataSource={review.members}
          pagination={{ defaultPageSize: 20, hideOnSinglePage: true, showTotal: (n) => `${n} thành viên` }}
          columns={[
            { title: 'STT', width: 60, align: 'center', render: (_, __, i) => i + 1 },
            { title: 'Họ và tên', render: (_, m) => m.name },
            { title: 'Chức vụ', render: (_, m) => m.position },
            { title: 'Cách bỏ phiếu', render: (_, m) => (m.userId ? 'Tự bỏ phiếu bằng tài khoản' : 'Phiếu giấy, thư ký ghi') },
          ]}
        />
        <div style={{ marginTop: 8 }}>
          <ExportButton
            fileName={`thanh-vien-hoi-dong-${review.meetingDate}`}
            sheetName="Thành viên"
            title={`Thành phần ${review.name}`}
            rows={review.members}
            columns={[
              { header: 'Họ và tên', value: (m) => m.name, width: 30 },
              { header: 'Chức vụ', value: (m) => m.position, width: 28 },
              { header: 'Cách bỏ phiếu', value: (m) => (m.userId ? 'Tự bỏ phiếu bằng tài khoản' : 'Phiếu giấy, thư ký ghi'), width: 28 },
            ]}
          />
        </div>
      </Card>
      <Typography.Title level={4} style={{ margin: 0 }}>
        Nội dung: các đề nghị được xét
      </Typography.Title>
      {review.items.map((item, i) => (
        <AgendaItem key={item.nomination.id} review={review} item={item} index={i} />
      ))}
    </Space>
  );
}
