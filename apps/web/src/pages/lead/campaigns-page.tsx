import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Button, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { CampaignsAdminQuery, type AdminCampaignRow } from '../../features/campaign-admin/campaign-admin-data';
import { CampaignFormDrawer } from '../../features/campaign-admin/campaign-form-drawer';
import { campaignStatusLabels } from '../../i18n/labels';
import { ExportButton } from '../../layout/export-button';
import { QueryErrors } from '../../layout/query-state';
import { formatDate, formatDateTime } from '../../lib/format';
import { LeadNav } from './lead-nav';

const STATUS_COLOR: Record<AdminCampaignRow['status'], string> = { DRAFT: 'default', PUBLISHED: 'green', CLOSED: 'purple' };

/** The campaigns (drafts too) with their state; «Tạo phong trào» opens a new draft. */
export function CampaignsPage() {
  const { data, loading, error } = useQuery(CampaignsAdminQuery);
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();
  const rows = data?.campaigns ?? [];

  const columns: ColumnsType<AdminCampaignRow> = [
    {
      title: 'Phong trào',
      render: (_, c) => (
        <Space orientation="vertical" size={2}>
          <Link to={`/dieu-hanh/phong-trao/${c.id}`}>{c.name}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {c.document ? `${c.document.number}${c.document.date ? ` ngày ${formatDate(c.document.date)}` : ''} của ${c.document.issuer}` : c.issuerTitle}
          </Typography.Text>
        </Space>
      ),
    },
    { title: 'Địa bàn', width: 220, render: (_, c) => c.jurisdiction.name },
    { title: 'Thời gian', width: 210, sorter: (a, b) => a.startDate.localeCompare(b.startDate), render: (_, c) => `${formatDate(c.startDate)} – ${formatDate(c.endDate)}` },
    { title: 'Cơ quan thường trực', width: 240, render: (_, c) => c.leadAgency.name },
    {
      title: 'Tình trạng',
      width: 170,
      filters: (Object.keys(campaignStatusLabels) as AdminCampaignRow['status'][]).map((s) => ({ text: campaignStatusLabels[s], value: s })),
      onFilter: (v, c) => c.status === v,
      render: (_, c) => (
        <Space orientation="vertical" size={2}>
          <Tag color={STATUS_COLOR[c.status]}>{campaignStatusLabels[c.status]}</Tag>
          {c.publishedAt && <Typography.Text type="secondary" style={{ fontSize: 12 }}>công bố {formatDateTime(c.publishedAt)}</Typography.Text>}
        </Space>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <LeadNav />
      <Typography.Title level={2} style={{ margin: 0 }}>
        Phong trào thi đua
      </Typography.Title>
      <Card size="small">
        <Space wrap>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            Tạo phong trào
          </Button>
          <ExportButton
            fileName="phong-trao-thi-dua"
            sheetName="Phong trào"
            title="Danh sách phong trào thi đua"
            rows={rows}
            columns={[
              { header: 'Phong trào', value: (c) => c.name, width: 60 },
              { header: 'Văn bản phát động', value: (c) => (c.document ? `${c.document.number}${c.document.date ? ` ngày ${formatDate(c.document.date)}` : ''}` : ''), width: 26 },
              { header: 'Cơ quan ban hành', value: (c) => c.issuerTitle, width: 30 },
              { header: 'Địa bàn', value: (c) => c.jurisdiction.name, width: 30 },
              { header: 'Từ ngày', value: (c) => formatDate(c.startDate), width: 12 },
              { header: 'Đến ngày', value: (c) => formatDate(c.endDate), width: 12 },
              { header: 'Cơ quan thường trực', value: (c) => c.leadAgency.name, width: 36 },
              { header: 'Tình trạng', value: (c) => campaignStatusLabels[c.status], width: 16 },
            ]}
          />
        </Space>
      </Card>
      <QueryErrors error={error} />
      <Table<AdminCampaignRow>
        rowKey="id"
        loading={loading && !data}
        dataSource={rows}
        columns={columns}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50, 100], showTotal: (n) => `${n} phong trào`, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description="Chưa có phong trào nào." /> }}
      />
      <CampaignFormDrawer open={creating} onClose={() => setCreating(false)} onCreated={(id) => navigate(`/dieu-hanh/phong-trao/${id}`)} />
    </Space>
  );
}
