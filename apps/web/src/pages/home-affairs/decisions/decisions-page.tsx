import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Button, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { AwardCampaignPicker, useAwardCampaign } from '../../../features/decision/award-campaign';
import { DecisionAwardsQuery, decisionsOf, type DecisionRow } from '../../../features/decision/decision-data';
import { ExportButton } from '../../../layout/export-button';
import { QueryErrors } from '../../../layout/query-state';
import { formatDate, formatInteger, formatMoney } from '../../../lib/format';
import { HomeAffairsNav } from '../home-affairs-nav';
import { PUBLIC_AWARDEES_PATH } from './public-path';

/** The award decisions recorded for a campaign (and occasion), and «Lập quyết định». */
export function DecisionsPage() {
  const award = useAwardCampaign();
  const { campaign, occasion } = award;
  const navigate = useNavigate();
  const { data, loading, error } = useQuery(DecisionAwardsQuery, { variables: { campaignId: campaign?.id ?? '', occasionId: occasion?.id ?? null }, skip: !campaign });
  const rows = decisionsOf(data?.campaign?.awardees ?? []);
  const query = `?phongTrao=${encodeURIComponent(campaign?.code ?? '')}${occasion ? `&dot=${occasion.id}` : ''}`;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <HomeAffairsNav />
      <Typography.Title level={2} style={{ margin: 0 }}>
        Quyết định khen thưởng
      </Typography.Title>
      <Card size="small">
        <Space wrap>
          <AwardCampaignPicker award={award} />
          <Button type="primary" icon={<PlusOutlined />} disabled={!campaign} onClick={() => navigate(`/khen-thuong/quyet-dinh/lap${query}`)}>
            Lập quyết định
          </Button>
          <ExportButton<DecisionRow>
            fileName={`quyet-dinh-khen-thuong-${campaign?.code ?? ''}`}
            sheetName="Quyết định"
            title={`Quyết định khen thưởng — ${campaign?.name ?? ''}${occasion ? ` — ${occasion.name}` : ''}`}
            rows={rows}
            columns={[
              { header: 'Số, ký hiệu', value: (r) => r.number, width: 18 },
              { header: 'Ngày', value: (r) => new Date(`${r.date}T00:00:00`), width: 12, numFmt: 'dd/mm/yyyy' },
              { header: 'Người ký', value: (r) => r.signer, width: 24 },
              { header: 'Chức vụ người ký', value: (r) => r.signerTitle, width: 30 },
              { header: 'Hình thức', value: (r) => r.formName, width: 32 },
              { header: 'Đợt khen thưởng', value: (r) => r.occasionName, width: 26 },
              { header: 'Số tập thể, cá nhân', value: (r) => r.awardees, width: 12, numFmt: '#,##0' },
              { header: 'Tổng tiền thưởng (đồng)', value: (r) => r.totalBonus, width: 18, numFmt: '#,##0' },
              { header: 'Vượt quỹ', value: (r) => (r.fundExceeded ? 'Có (Nội vụ đã xác nhận)' : ''), width: 18 },
            ]}
          />
          <Link to={`${PUBLIC_AWARDEES_PATH}${query}`}>Danh sách công khai</Link>
        </Space>
      </Card>
      <QueryErrors error={award.error ?? error} />
      <Table<DecisionRow>
        rowKey="id"
        loading={loading || award.loading}
        dataSource={rows}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50, 100], showTotal: (n) => `${n} quyết định`, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description="Chưa ghi quyết định khen thưởng nào." /> }}
        columns={[
          { title: 'Số, ký hiệu', width: 170, render: (_, r) => <Link to={`/khen-thuong/quyet-dinh/${r.id}`} style={{ whiteSpace: 'nowrap' }}>{r.number}</Link> },
          { title: 'Ngày', width: 110, render: (_, r) => formatDate(r.date) },
          {
            title: 'Người ký',
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                <span>{r.signer}</span>
                <Typography.Text type="secondary">{r.signerTitle}</Typography.Text>
              </Space>
            ),
          },
          { title: 'Hình thức', render: (_, r) => r.formName },
          { title: 'Đợt', render: (_, r) => r.occasionName },
          { title: 'Số tập thể, cá nhân', align: 'right', width: 120, render: (_, r) => formatInteger(r.awardees) },
          {
            title: 'Tổng tiền thưởng',
            align: 'right',
            render: (_, r) => (
              <Space orientation="vertical" size={0} align="end">
                <span>{formatMoney(r.totalBonus)}</span>
                {r.fundExceeded && <Tag color="orange">Vượt quỹ, đã xác nhận</Tag>}
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}
