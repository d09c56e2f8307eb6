import { TeamOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Button, Card, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCampaignChoices } from '../../features/campaign/use-campaigns';
import { ConveneDrawer } from '../../features/council/convene-drawer';
import { CouncilOccasionsQuery, CouncilSessionsQuery, type CouncilSession } from '../../features/council/council-data';
import { councilStatusLabels, occasionKindLabels } from '../../i18n/labels';
import { ExportButton } from '../../layout/export-button';
import { QueryErrors } from '../../layout/query-state';
import { formatDate, formatPercent } from '../../lib/format';
import { useFilters } from '../../lib/use-filters';
import { HomeAffairsNav } from '../home-affairs/home-affairs-nav';

const passedCount = (s: CouncilSession) => s.items.filter((i) => i.nomination.status === 'RECOMMENDED' || i.nomination.status === 'DECIDED').length;

/** Nội vụ: the council's sessions of an occasion, and convening a new one on the occasion's appraised nominations. */
export function CouncilSessionsPage() {
  const [params, set] = useFilters();
  const choices = useCampaignChoices();
  const code = params.get('phongTrao');
  const campaign = choices.campaigns.find((c) => c.code === code) ?? choices.campaigns.find((c) => c.status === 'PUBLISHED') ?? choices.campaigns[0];
  const occasionsQuery = useQuery(CouncilOccasionsQuery, { variables: { campaignId: campaign?.id ?? '' }, skip: !campaign });
  const occasions = [...(occasionsQuery.data?.campaign?.occasions ?? [])].sort((a, b) => b.year - a.year || a.name.localeCompare(b.name, 'vi'));
  const occasion = occasions.find((o) => o.id === params.get('dot'));
  const sessions = useQuery(CouncilSessionsQuery, { variables: { occasionId: occasion?.id ?? '' }, skip: !occasion, fetchPolicy: 'cache-and-network' });
  const [convening, setConvening] = useState(false);
  const rows = [...(sessions.data?.councilReviews ?? [])].sort((a, b) => b.meetingDate.localeCompare(a.meetingDate));

  const columns: ColumnsType<CouncilSession> = [
    { title: 'Phiên họp', render: (_, s) => <Link to={`/khen-thuong/hoi-dong/${s.id}`}>{s.name}</Link> },
    { title: 'Ngày họp', width: 120, render: (_, s) => formatDate(s.meetingDate), sorter: (a, b) => a.meetingDate.localeCompare(b.meetingDate) },
    { title: 'Địa điểm', render: (_, s) => s.place },
    { title: 'Thành viên', width: 110, align: 'right', render: (_, s) => s.members.length },
    { title: 'Đề nghị được xét', width: 140, align: 'right', render: (_, s) => s.items.length },
    { title: 'Ngưỡng thông qua', width: 140, align: 'right', render: (_, s) => formatPercent(s.passPercent) },
    {
      title: 'Tình trạng',
      width: 220,
      render: (_, s) =>
        s.status === 'OPEN' ? (
          <Tag color="processing">{councilStatusLabels.OPEN}</Tag>
        ) : (
          <Space orientation="vertical" size={2}>
            <Tag>{councilStatusLabels.CLOSED}</Tag>
            <Typography.Text type="secondary">
              Thông qua {passedCount(s)}/{s.items.length} đề nghị
            </Typography.Text>
          </Space>
        ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <HomeAffairsNav />
      <Typography.Title level={2} style={{ margin: 0 }}>
        Hội đồng Thi đua - Khen thưởng
      </Typography.Title>
      <Card size="small">
        <Space wrap>
          <Select
            aria-label="Phong trào"
            style={{ minWidth: 340 }}
            value={campaign?.code}
            loading={choices.loading}
            onChange={(v) => set({ phongTrao: v, dot: null })}
            options={choices.campaigns.map((c) => ({ value: c.code, label: c.name }))}
          />
          <Select
            aria-label="Đợt khen thưởng"
            style={{ minWidth: 340 }}
            placeholder="Chọn đợt khen thưởng"
            value={occasion?.id}
            loading={occasionsQuery.loading}
            onChange={(v) => set({ dot: v })}
            options={occasions.map((o) => ({ value: o.id, label: `${o.name} (${occasionKindLabels[o.kind].toLowerCase()}, ${o.year})` }))}
          />
          <Button type="primary" icon={<TeamOutlined />} disabled={!occasion || !campaign} onClick={() => setConvening(true)}>
            Triệu tập phiên họp
          </Button>
          <ExportButton
            fileName={`hoi-dong-${campaign?.code ?? ''}`}
            sheetName="Phiên họp Hội đồng"
            title={`Các phiên họp Hội đồng Thi đua - Khen thưởng — ${occasion?.name ?? ''}`}
            rows={rows}
            columns={[
              { header: 'Phiên họp', value: (s) => s.name, width: 48 },
              { header: 'Ngày họp', value: (s) => formatDate(s.meetingDate), width: 12 },
              { header: 'Địa điểm', value: (s) => s.place, width: 36 },
              { header: 'Số thành viên', value: (s) => s.members.length, width: 12 },
              { header: 'Thành viên', value: (s) => s.members.map((m) => `${m.name} (${m.position})`).join('; '), width: 60 },
              { header: 'Số đề nghị được xét', value: (s) => s.items.length, width: 14 },
              { header: 'Ngưỡng thông qua (%)', value: (s) => s.passPercent, width: 14 },
              { header: 'Tình trạng', value: (s) => councilStatusLabels[s.status], width: 14 },
              { header: 'Số đề nghị được thông qua', value: (s) => (s.status === 'CLOSED' ? passedCount(s) : ''), width: 16 },
            ]}
          />
        </Space>
      </Card>
      <QueryErrors error={choices.error ?? occasionsQuery.error ?? sessions.error} />
      {occasion ? (
        <Table<CouncilSession>
          rowKey="id"
          loading={sessions.loading && !sessions.data}
          dataSource={rows}
          columns={columns}
          pagination={{ defaultPageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50, 100], showTotal: (n) => `${n} phiên họp`, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty description="Chưa có phiên họp nào của đợt này. Bấm «Triệu tập phiên họp» để đưa các đề nghị đã thẩm định ra Hội đồng." /> }}
        />
      ) : (
        <Empty description="Chọn đợt khen thưởng để xem các phiên họp của Hội đồng." />
      )}
      {campaign && occasion && <ConveneDrawer open={convening} onClose={() => setConvening(false)} campaignId={campaign.id} occasion={occasion} />}
    </Space>
  );
}
