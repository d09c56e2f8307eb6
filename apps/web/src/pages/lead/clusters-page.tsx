import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Card, Empty, List, Popconfirm, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { UnitSelect } from '../../features/accounts/unit-select';
import { AddClusterMemberMutation, ClustersAdminQuery, RemoveClusterMemberMutation, type AdminCluster } from '../../features/campaign-admin/campaign-admin-data';
import { CreateClusterModal } from '../../features/campaign-admin/create-cluster-modal';
import { orgUnitKindLabels } from '../../i18n/labels';
import { ExportButton } from '../../layout/export-button';
import { QueryErrors } from '../../layout/query-state';
import { toUserMessage } from '../../lib/errors';
import { LeadNav } from './lead-nav';

/** A cluster's members, removing one, and adding a unit chosen by name. */
function Members({ cluster }: { cluster: AdminCluster }) {
  const { message } = App.useApp();
  const [unitId, setUnitId] = useState<string | null>(null);
  const [add, adding] = useMutation(AddClusterMemberMutation);
  const [remove] = useMutation(RemoveClusterMemberMutation);
  const onAdd = async () => {
    if (!unitId) return;
    try {
      await add({ variables: { clusterId: cluster.id, unitId } });
      message.success('Đã thêm đơn vị vào cụm.');
      setUnitId(null);
    } catch (err) {
      message.error(toUserMessage(err));
    }
  };
  const onRemove = async (id: string, name: string) => {
    try {
      await remove({ variables: { clusterId: cluster.id, unitId: id } });
      message.success(`Đã đưa ${name} ra khỏi cụm.`);
    } catch (err) {
      message.error(toUserMessage(err));
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <List
        size="small"
        bordered
        dataSource={cluster.members}
        locale={{ emptyText: 'Cụm chưa có đơn vị nào.' }}
        pagination={cluster.members.length > 10 ? { pageSize: 10, size: 'small' } : false}
        renderItem={(u) => (
          <List.Item
            actions={[
              <Popconfirm key="bo" title={`Đưa ${u.name} ra khỏi cụm từ hôm nay?`} okText="Đưa ra" cancelText="Không" onConfirm={() => onRemove(u.id, u.name)}>
                <Button size="small" type="link" danger>
                  Đưa ra khỏi cụm
                </Button>
              </Popconfirm>,
            ]}
          >
            <Space size={8}>
              <span>{u.name}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {orgUnitKindLabels[u.kind]}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      <div style={{ display: 'flex', gap: 8, maxWidth: 720 }}>
        <div style={{ flex: 1, display: 'flex', flexDirection: 'column' }}>
          <UnitSelect value={unitId} onChange={setUnitId} id={`them-don-vi-${cluster.id}`} placeholder="Gõ tên đơn vị để thêm vào cụm" />
        </div>
        <Button type="primary" icon={<PlusOutlined />} disabled={!unitId} loading={adding.loading} onClick={onAdd}>
          Thêm vào cụm
        </Button>
      </div>
    </Space>
  );
}

/** The emulation clusters (cụm, khối thi đua) and their members. */
export function ClustersPage() {
  const { data, loading, error } = useQuery(ClustersAdminQuery);
  const [creating, setCreating] = useState(false);
  const clusters = [...(data?.clusters ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  type MemberRow = { cluster: AdminCluster; member: AdminCluster['members'][number] | null };
  const memberRows: MemberRow[] = clusters.flatMap((c): MemberRow[] => (c.members.length ? c.members.map((m) => ({ cluster: c, member: m })) : [{ cluster: c, member: null }]));

  const columns: ColumnsType<AdminCluster> = [
    { title: 'Cụm, khối thi đua', render: (_, c) => <strong>{c.name}</strong> },
    { title: 'Mô tả', render: (_, c) => c.description ?? '' },
    { title: 'Số đơn vị', width: 110, align: 'right', render: (_, c) => c.members.length },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <LeadNav />
      <Typography.Title level={2} style={{ margin: 0 }}>
        Cụm, khối thi đua
      </Typography.Title>
      <Card size="small">
        <Space wrap>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            Tạo cụm thi đua
          </Button>
          <ExportButton
            fileName="cum-khoi-thi-dua"
            sheetName="Cụm, khối thi đua"
            title="Các cụm, khối thi đua và đơn vị thành viên"
            rows={memberRows}
            columns={[
              { header: 'Cụm, khối thi đua', value: (r) => r.cluster.name, width: 40 },
              { header: 'Đơn vị thành viên', value: (r) => r.member?.name ?? '', width: 44 },
              { header: 'Loại đơn vị', value: (r) => (r.member ? orgUnitKindLabels[r.member.kind] : ''), width: 20 },
            ]}
          />
        </Space>
      </Card>
      <QueryErrors error={error} />
      <Table<AdminCluster>
        rowKey="id"
        loading={loading && !data}
        dataSource={clusters}
        columns={columns}
        expandable={{ expandedRowRender: (c) => <Members cluster={c} />, expandRowByClick: true }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50, 100], showTotal: (n) => `${n} cụm, khối`, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description="Chưa có cụm, khối thi đua nào." /> }}
      />
      <CreateClusterModal open={creating} onClose={() => setCreating(false)} />
    </Space>
  );
}
