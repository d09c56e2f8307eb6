import { useQuery } from '@apollo/client/react';
import { Card, Empty, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { MyCouncilSessionsQuery } from '../../features/council/council-data';
import type { MyCouncilSessionsQuery as MyQuery } from '../../gql/graphql';
import { councilStatusLabels } from '../../i18n/labels';
import { ExportButton } from '../../layout/export-button';
import { QueryErrors } from '../../layout/query-state';
import { formatDate } from '../../lib/format';
import { useSession } from '../../lib/session';

type Row = MyQuery['myCouncilReviews'][number];

/** A council member's sessions (the ones their account sits on), with how far their own voting has gone. */
export function MyCouncilSessionsPage() {
  const { session } = useSession();
  const me = session?.account?.id ?? null;
  const { data, loading, error } = useQuery(MyCouncilSessionsQuery, { fetchPolicy: 'cache-and-network' });
  const rows = data?.myCouncilReviews ?? [];
  const memberOf = (r: Row) => r.members.find((m) => m.userId === me);
  const done = (r: Row) => {
    const m = memberOf(r);
    return m ? r.items.filter((i) => i.votes.some((v) => v.memberId === m.id) || i.recusals.some((x) => x.memberId === m.id)).length : 0;
  };

  const columns: ColumnsType<Row> = [
    { title: 'Phiên họp', render: (_, r) => <Link to={`/hoi-dong/${r.id}`}>{r.name}</Link> },
    {
      title: 'Đợt khen thưởng',
      render: (_, r) => (
        <Space orientation="vertical" size={2}>
          <span>{r.occasion.name}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.occasion.campaign.name}
          </Typography.Text>
        </Space>
      ),
    },
    { title: 'Ngày họp', width: 120, render: (_, r) => formatDate(r.meetingDate) },
    { title: 'Địa điểm', render: (_, r) => r.place },
    { title: 'Chức vụ của tôi', width: 180, render: (_, r) => memberOf(r)?.position ?? '—' },
    { title: 'Đã biểu quyết', width: 140, align: 'right', render: (_, r) => `${done(r)}/${r.items.length} đề nghị` },
    { title: 'Tình trạng', width: 130, render: (_, r) => <Tag color={r.status === 'OPEN' ? 'processing' : 'default'}>{councilStatusLabels[r.status]}</Tag> },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        Các phiên họp Hội đồng Thi đua - Khen thưởng của tôi
      </Typography.Title>
      <Card size="small">
        <ExportButton
          fileName="phien-hop-hoi-dong-cua-toi"
          sheetName="Phiên họp"
          title="Các phiên họp Hội đồng Thi đua - Khen thưởng"
          rows={rows}
          columns={[
            { header: 'Phiên họp', value: (r) => r.name, width: 48 },
            { header: 'Phong trào', value: (r) => r.occasion.campaign.name, width: 40 },
            { header: 'Đợt khen thưởng', value: (r) => r.occasion.name, width: 36 },
            { header: 'Ngày họp', value: (r) => formatDate(r.meetingDate), width: 12 },
            { header: 'Địa điểm', value: (r) => r.place, width: 32 },
            { header: 'Chức vụ', value: (r) => memberOf(r)?.position ?? '', width: 20 },
            { header: 'Số đề nghị', value: (r) => r.items.length, width: 10 },
            { header: 'Đã biểu quyết', value: (r) => done(r), width: 12 },
            { header: 'Tình trạng', value: (r) => councilStatusLabels[r.status], width: 14 },
          ]}
        />
      </Card>
      <QueryErrors error={error} />
      <Table<Row>
        rowKey="id"
        loading={loading && !data}
        dataSource={rows}
        columns={columns}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50, 100], showTotal: (n) => `${n} phiên họp`, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description="Ông/bà chưa là thành viên của phiên họp Hội đồng nào." /> }}
      />
    </Space>
  );
}
