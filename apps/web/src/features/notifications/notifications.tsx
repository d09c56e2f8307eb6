import { BellOutlined, CheckOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { App, Badge, Button, Card, Empty, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import type { MilestoneKind, NotificationKind, UnitNotificationsQuery } from '../../gql/graphql';
import { milestoneKindLabels, notificationKindLabels } from '../../i18n/labels';
import { ExportButton } from '../../layout/export-button';
import { QueryErrors } from '../../layout/query-state';
import { toUserMessage } from '../../lib/errors';
import { formatDate, formatDateTime } from '../../lib/format';

const NotificationsQuery = graphql(`
  query UnitNotifications($unitId: ID!, $unreadOnly: Boolean) {
    orgUnit(id: $unitId) {
      id
      notifications(unreadOnly: $unreadOnly) {
        id
        kind
        deadline
        dueDate
        text
        createdAt
        readAt
        campaign {
          id
          name
        }
      }
    }
  }
`);

const MarkRead = graphql(`
  mutation UnitMarkNotificationsRead($ids: [ID!]!) {
    markNotificationsRead(ids: $ids) {
      id
      readAt
    }
  }
`);

type Notice = NonNullable<NonNullable<UnitNotificationsQuery['orgUnit']>['notifications']>[number];

const KIND_COLOURS: Record<NotificationKind, string> = { REMINDER: 'gold', OVERDUE: 'red', ESCALATION: 'volcano' };

/** What the notice is about: the deadline's kind in words (the graph names it by a milestone code). */
export function deadlineLabel(deadline: string): string {
  return milestoneKindLabels[deadline as MilestoneKind] ?? 'Thời hạn của phong trào';
}

function useMarkRead() {
  const [mutate, { loading }] = useMutation(MarkRead);
  const { message } = App.useApp();
  const markRead = async (ids: string[]) => {
    if (!ids.length) return;
    try {
      await mutate({ variables: { ids } });
      message.success(ids.length === 1 ? 'Đã đánh dấu thông báo là đã đọc.' : `Đã đánh dấu ${ids.length} thông báo là đã đọc.`);
    } catch (err) {
      message.error(toUserMessage(err));
    }
  };
  return { markRead, loading };
}

/** The unread reminders and overdue notices on the unit's home page, each markable as read. */
export function UnreadNotifications({ unitId }: { unitId: string }) {
  const { data, error } = useQuery(NotificationsQuery, { variables: { unitId, unreadOnly: true } });
  const { markRead, loading } = useMarkRead();
  const unread = (data?.orgUnit?.notifications ?? []).filter((n) => !n.readAt);
  return (
    <Card
      title={
        <Space>
          <BellOutlined />
          Thông báo chưa đọc
          <Badge count={unread.length} showZero={false} />
        </Space>
      }
      extra={<Link to="/don-vi-cua-toi/thong-bao">Xem tất cả thông báo</Link>}
    >
      <QueryErrors error={error} />
      {unread.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Không có thông báo mới." />
      ) : (
        <Space orientation="vertical" size={0} style={{ width: '100%' }}>
          {unread.slice(0, 5).map((n, i) => (
            <div key={n.id} style={{ padding: '12px 0', borderTop: i ? '1px solid #f0f0f0' : undefined, display: 'flex', gap: 12, alignItems: 'flex-start' }}>
              <div style={{ flex: 1 }}>
                <Space wrap size={4} style={{ marginBottom: 4 }}>
                  <Tag color={KIND_COLOURS[n.kind]}>{notificationKindLabels[n.kind]}</Tag>
                  <Typography.Text strong>{deadlineLabel(n.deadline)}</Typography.Text>
                </Space>
                <div>{n.text}</div>
              </div>
              <Button size="small" icon={<CheckOutlined />} loading={loading} onClick={() => void markRead([n.id])} aria-label={`Đã đọc: ${n.text}`}>
                Đã đọc
              </Button>
            </div>
          ))}
        </Space>
      )}
      {unread.length > 5 && <Typography.Text type="secondary">Còn {unread.length - 5} thông báo chưa đọc khác.</Typography.Text>}
    </Card>
  );
}

/** Every notice the unit received, newest first: filter unread, mark some or all read, download the list. */
export function NotificationTable({ unitId, unitName }: { unitId: string; unitName: string }) {
  const [filter, setFilter] = useState<'unread' | 'all'>('all');
  const { data, loading: reading, error } = useQuery(NotificationsQuery, { variables: { unitId, unreadOnly: false } });
  const { markRead, loading } = useMarkRead();
  const [selected, setSelected] = useState<string[]>([]);
  const all = data?.orgUnit?.notifications ?? [];
  const rows = filter === 'unread' ? all.filter((n) => !n.readAt) : all;
  const unreadIds = all.filter((n) => !n.readAt).map((n) => n.id);
  const chosen = selected.filter((id) => unreadIds.includes(id));
  return (
    <Card>
      <QueryErrors error={error} />
      <Space style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }} wrap>
        <Space wrap>
          <Segmented
            value={filter}
            onChange={(v) => setFilter(v as 'unread' | 'all')}
            options={[
              { label: `Tất cả (${all.length})`, value: 'all' },
              { label: `Chưa đọc (${unreadIds.length})`, value: 'unread' },
            ]}
          />
          <Button disabled={!chosen.length} loading={loading} onClick={() => void markRead(chosen).then(() => setSelected([]))}>
            Đánh dấu đã đọc ({chosen.length})
          </Button>
          <Button disabled={!unreadIds.length} loading={loading} onClick={() => void markRead(unreadIds)}>
            Đánh dấu tất cả đã đọc
          </Button>
        </Space>
        <ExportButton<Notice>
          fileName="thong-bao"
          sheetName="Thông báo"
          title={`Thông báo nhắc việc của ${unitName}`}
          rows={rows}
          columns={[
            { header: 'Loại', value: (n) => notificationKindLabels[n.kind], width: 14 },
            { header: 'Việc', value: (n) => deadlineLabel(n.deadline), width: 30 },
            { header: 'Hạn', value: (n) => formatDate(n.dueDate), width: 12 },
            { header: 'Nội dung', value: (n) => n.text, width: 80 },
            { header: 'Ngày nhận', value: (n) => formatDateTime(n.createdAt), width: 18 },
            { header: 'Đã đọc', value: (n) => (n.readAt ? formatDateTime(n.readAt) : 'Chưa đọc'), width: 18 },
          ]}
        />
      </Space>
      <Table
        rowKey="id"
        size="small"
        loading={reading && !data}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `${t} thông báo` }}
        rowSelection={{ selectedRowKeys: chosen, onChange: (keys) => setSelected(keys.map(String)), getCheckboxProps: (n) => ({ disabled: !!n.readAt, 'aria-label': 'Chọn thông báo' }) }}
        locale={{ emptyText: <Empty description={filter === 'unread' ? 'Không có thông báo chưa đọc.' : 'Đơn vị chưa nhận thông báo nào.'} /> }}
        rowClassName={(n) => (n.readAt ? '' : 'thong-bao-chua-doc')}
        columns={[
          { title: 'Loại', width: 110, render: (_, n) => <Tag color={KIND_COLOURS[n.kind]}>{notificationKindLabels[n.kind]}</Tag> },
          {
            title: 'Nội dung',
            render: (_, n) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text strong={!n.readAt}>{n.text}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {deadlineLabel(n.deadline)} — hạn {formatDate(n.dueDate)}
                </Typography.Text>
              </Space>
            ),
          },
          { title: 'Ngày nhận', width: 150, render: (_, n) => formatDateTime(n.createdAt) },
          { title: 'Tình trạng', width: 150, render: (_, n) => (n.readAt ? `Đã đọc ${formatDate(n.readAt)}` : <Tag color="blue">Chưa đọc</Tag>) },
        ]}
      />
    </Card>
  );
}
