import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Button, Card, Col, Empty, Progress, Row, Space, Table, Tag, Timeline, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { StatCard } from '../../features/dashboard/stat-card';
import { AssignTaskDrawer } from '../../features/tasks/assign-task-drawer';
import { TASK_STATES, TasksQuery, taskState, type Task, type TaskState } from '../../features/tasks/task-data';
import { EvidenceLink } from '../../features/verification/evidence-link';
import { orgUnitKindLabels } from '../../i18n/labels';
import { ExportButton } from '../../layout/export-button';
import { QueryErrors } from '../../layout/query-state';
import { daysUntil, describeDaysLeft, formatDate, formatInteger, formatPercent } from '../../lib/format';
import { CampaignYearPicker, useLeadCampaign } from './lead-campaign';
import { LeadNav } from './lead-nav';

const stateOf = (s: TaskState) => TASK_STATES.find((x) => x.state === s) ?? TASK_STATES[0];

/** A task's progress reports, oldest first, with their evidence. */
function ProgressHistory({ task }: { task: Task }) {
  if (!task.progress.length) return <Typography.Text type="secondary">Đơn vị chưa báo cáo tiến độ.</Typography.Text>;
  return (
    <Timeline
      items={task.progress.map((p, i) => ({
        key: `${p.reportedOn}-${i}`,
        content: (
          <Space orientation="vertical" size={2}>
            <span>
              <strong>{formatDate(p.reportedOn)}</strong>: đạt {p.percent}%
            </span>
            {p.note && <Typography.Text type="secondary">{p.note}</Typography.Text>}
            {p.evidenceFileIds.map((id, k) => (
              <EvidenceLink key={id} id={id} index={k} />
            ))}
          </Space>
        ),
      }))}
    />
  );
}

/** Tasks assigned to units under the campaign's plans, the year's progress, and assigning a new one. */
export function TasksPage() {
  const lead = useLeadCampaign();
  const { campaign, year, asOf } = lead;
  const { data, loading, error } = useQuery(TasksQuery, { variables: { campaignId: campaign?.id ?? null, year: year ?? null }, skip: !campaign || !year });
  const [assigning, setAssigning] = useState(false);
  const slug = lead.params.get('tinhTrang');
  const filter = TASK_STATES.find((s) => s.slug === slug)?.state ?? null;
  const all = data?.assignedTasks ?? [];
  const rows = all.filter((t) => !filter || taskState(t) === filter);
  const count = (s: TaskState) => all.filter((t) => taskState(t) === s).length;
  const done = count('ON_TIME') + count('LATE');

  const columns: ColumnsType<Task> = [
    {
      title: 'Nhiệm vụ',
      render: (_, t) => (
        <Space orientation="vertical" size={2}>
          <span>{t.title}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            Kế hoạch {t.planNumber}
            {t.code ? `, nhiệm vụ ${t.code}` : ''}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: 'Đơn vị chủ trì',
      width: 240,
      render: (_, t) => (
        <Space orientation="vertical" size={2}>
          <span>{t.owner.name}</span>
          {t.cooperatingUnits.length > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              Phối hợp: {t.cooperatingUnits.map((u) => u.name).join(', ')}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: 'Thời hạn',
      width: 150,
      sorter: (a, b) => a.dueDate.localeCompare(b.dueDate),
      render: (_, t) => (
        <Space orientation="vertical" size={2}>
          <span>{formatDate(t.dueDate)}</span>
          {!t.completedOn && (
            <Typography.Text type={t.overdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
              {describeDaysLeft(daysUntil(t.dueDate))}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { title: 'Tiến độ', width: 160, render: (_, t) => <Progress percent={t.percent} size="small" status={t.overdue ? 'exception' : t.completedOn ? 'success' : 'active'} /> },
    {
      title: 'Tình trạng',
      width: 190,
      render: (_, t) => {
        const s = stateOf(taskState(t));
        return (
          <Space orientation="vertical" size={2}>
            <Tag color={s.color}>{s.label}</Tag>
            {t.completedOn && <Typography.Text type="secondary">ngày {formatDate(t.completedOn)}</Typography.Text>}
          </Space>
        );
      },
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <LeadNav />
      <Typography.Title level={2} style={{ margin: 0 }}>
        Nhiệm vụ được giao
      </Typography.Title>
      <Card size="small">
        <Space wrap>
          <CampaignYearPicker lead={lead} />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAssigning(true)} disabled={!campaign}>
            Giao nhiệm vụ
          </Button>
          <ExportButton
            fileName={`nhiem-vu-${campaign?.code ?? ''}-${year ?? ''}`}
            sheetName={`Nhiệm vụ ${year ?? ''}`}
            title={`Nhiệm vụ được giao có thời hạn trong năm ${year ?? ''} — ${campaign?.name ?? ''}`}
            rows={rows}
            columns={[
              { header: 'Kế hoạch', value: (t) => t.planNumber, width: 16 },
              { header: 'Số thứ tự', value: (t) => t.code ?? '', width: 10 },
              { header: 'Nhiệm vụ', value: (t) => t.title, width: 60 },
              { header: 'Đơn vị chủ trì', value: (t) => t.owner.name, width: 36 },
              { header: 'Loại đơn vị', value: (t) => orgUnitKindLabels[t.owner.kind], width: 18 },
              { header: 'Đơn vị phối hợp', value: (t) => t.cooperatingUnits.map((u) => u.name).join('; '), width: 40 },
              { header: 'Thời hạn', value: (t) => formatDate(t.dueDate), width: 12 },
              { header: 'Tiến độ (%)', value: (t) => t.percent, width: 10 },
              { header: 'Ngày hoàn thành', value: (t) => formatDate(t.completedOn), width: 14 },
              { header: 'Tình trạng', value: (t) => stateOf(taskState(t)).label, width: 20 },
            ]}
          />
        </Space>
      </Card>
      <QueryErrors error={lead.error ?? error} />
      <Row gutter={[16, 16]}>
        <Col xs={12} md={8} xl={4}>
          <StatCard title="Nhiệm vụ trong năm" value={formatInteger(all.length)} onOpen={() => lead.set({ tinhTrang: null })} />
        </Col>
        {TASK_STATES.map((s) => (
          <Col key={s.state} xs={12} md={8} xl={4}>
            <StatCard
              title={s.label}
              value={formatInteger(count(s.state))}
              tone={s.state === 'OVERDUE' && count(s.state) ? 'warning' : s.state === 'ON_TIME' ? 'success' : undefined}
              onOpen={() => lead.set({ tinhTrang: s.slug })}
            />
          </Col>
        ))}
        <Col xs={12} md={8} xl={4}>
          <StatCard title="Tỷ lệ hoàn thành đúng hạn" value={all.length ? formatPercent((count('ON_TIME') / all.length) * 100) : '—'} hint={`${formatInteger(done)} nhiệm vụ đã hoàn thành`} />
        </Col>
      </Row>
      {filter && (
        <Space>
          <Typography.Text>
            Đang lọc: <Tag color={stateOf(filter).color}>{stateOf(filter).label}</Tag>
          </Typography.Text>
          <Button size="small" onClick={() => lead.set({ tinhTrang: null })}>
            Xem tất cả
          </Button>
        </Space>
      )}
      <Table<Task>
        rowKey="id"
        loading={loading || lead.loading}
        dataSource={rows}
        columns={columns}
        expandable={{ expandedRowRender: (t) => <ProgressHistory task={t} /> }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50, 100], showTotal: (n) => `${n} nhiệm vụ`, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={`Chưa có nhiệm vụ nào có thời hạn trong năm ${year ?? ''}.`} /> }}
      />
      {campaign && <AssignTaskDrawer open={assigning} onClose={() => setAssigning(false)} campaign={campaign} asOf={asOf} />}
    </Space>
  );
}
