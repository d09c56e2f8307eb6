import { useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Col, Empty, Row, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { Chart, COLORS, type ChartOption } from '../../features/dashboard/chart';
import { ASSESSMENT_STEPS, DashboardQuery, REGISTRATION_STEPS, dashboardFigures, kindLabel } from '../../features/dashboard/dashboard-data';
import { Deadlines } from '../../features/dashboard/deadlines';
import { StatCard } from '../../features/dashboard/stat-card';
import { UnitListDrawer, UnitListTable, type UnitList } from '../../features/dashboard/unit-list-drawer';
import type { OrgUnitKind } from '../../gql/graphql';
import { PageSpinner } from '../../layout/page-spinner';
import { QueryErrors } from '../../layout/query-state';
import { formatDate, formatInteger, formatPercent } from '../../lib/format';
import { CampaignYearPicker, useLeadCampaign } from './lead-campaign';
import { LeadNav } from './lead-nav';

const GRID = { left: 8, right: 16, top: 36, bottom: 8, containLabel: true };

/** Figures as clickable words under a chart: the same lists as the bars, for keyboards and for reading. */
function FigureLinks({ items }: { items: Array<{ label: string; value: number | string; open: () => void }> }) {
  return (
    <Space wrap size={[4, 0]}>
      {items.map((i) => (
        <Button key={i.label} type="link" size="small" onClick={i.open} style={{ paddingInline: 4 }}>
          {i.label}: {i.value}
        </Button>
      ))}
    </Space>
  );
}

/**
 * The lead agency's view of a campaign's year: who registered, sent a launch plan and the yearly report, where the
 * assessments stand, and how many days are left to each deadline. Every figure opens the list behind it.
 */
export function DashboardPage() {
  const lead = useLeadCampaign();
  const { campaign, year, asOf } = lead;
  const { data, loading, error } = useQuery(DashboardQuery, {
    variables: { campaignId: campaign?.id ?? '', year: year ?? 0, asOf: asOf ?? null },
    skip: !campaign || !year,
  });
  const [list, setList] = useState<UnitList | null>(null);

  const header = (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      <LeadNav />
      <Typography.Title level={2} style={{ margin: 0 }}>
        Điều hành phong trào
      </Typography.Title>
      <CampaignYearPicker lead={lead} />
    </Space>
  );
  if (lead.loading || (loading && !data)) {
    return (
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        {header}
        <PageSpinner />
      </Space>
    );
  }
  const c = data?.campaign;
  if (!campaign || !year || !c) {
    return (
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        {header}
        <QueryErrors error={lead.error ?? error} />
        <Empty description="Chưa có phong trào nào để theo dõi." />
      </Space>
    );
  }

  const f = dashboardFigures(c, data?.assessments ?? [], year, campaign.code);
  const expected = f.expected.length;
  const planPercent = f.coverageTotal?.percent ?? 0;
  const reportRate = f.rateTotal;

  const registrationOption: ChartOption = {
    tooltip: { trigger: 'item' },
    grid: GRID,
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: REGISTRATION_STEPS.map((s) => s.label) },
    series: [
      {
        type: 'bar',
        name: 'Số đăng ký',
        label: { show: true, position: 'right' },
        data: REGISTRATION_STEPS.map((s, i) => ({
          value: f.registrationCount(s.status),
          itemStyle: { color: [COLORS.onTime, COLORS.waiting, COLORS.returned, COLORS.draft, COLORS.missing][i] },
        })),
      },
    ],
  };

  const registrationParts = ['ACCEPTED', 'SUBMITTED', 'NONE'] as const;
  const registrationKindOption: ChartOption = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: GRID,
    xAxis: { type: 'category', data: f.registrationsByKind.map((r) => kindLabel(r.kind)), axisLabel: { interval: 0, width: 90, overflow: 'break' } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { type: 'bar', stack: 'registrations', name: 'Đã tiếp nhận', color: COLORS.onTime, data: f.registrationsByKind.map((r) => r.accepted) },
      { type: 'bar', stack: 'registrations', name: 'Chờ tiếp nhận', color: COLORS.waiting, data: f.registrationsByKind.map((r) => r.submitted) },
      { type: 'bar', stack: 'registrations', name: 'Chưa đăng ký', color: COLORS.missing, data: f.registrationsByKind.map((r) => r.missing.length) },
    ],
  };

  const kinds = f.coverageByKind.map((p) => p.kind as OrgUnitKind);
  const planOption: ChartOption = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: GRID,
    xAxis: { type: 'category', data: kinds.map(kindLabel), axisLabel: { interval: 0, width: 90, overflow: 'break' } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { type: 'bar', stack: 'plans', name: 'Đúng hạn', color: COLORS.onTime, data: f.coverageByKind.map((p) => p.onTime) },
      { type: 'bar', stack: 'plans', name: 'Gửi muộn', color: COLORS.late, data: f.coverageByKind.map((p) => p.submitted - p.onTime) },
      { type: 'bar', stack: 'plans', name: 'Chưa gửi', color: COLORS.missing, data: f.coverageByKind.map((p) => p.expected - p.submitted) },
    ],
  };

  const reportOption: ChartOption = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => formatPercent(Number(v)) },
    legend: { top: 0 },
    grid: GRID,
    xAxis: { type: 'category', data: f.ratesByKind.map((r) => kindLabel(r.unitKind)), axisLabel: { interval: 0, width: 90, overflow: 'break' } },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      { type: 'bar', name: 'Đầy đủ', color: COLORS.done, data: f.ratesByKind.map((r) => r.completeness) },
      { type: 'bar', name: 'Đúng hạn', color: COLORS.onTime, data: f.ratesByKind.map((r) => r.timeliness) },
    ],
  };

  const assessmentOption: ChartOption = {
    tooltip: { trigger: 'item' },
    grid: GRID,
    xAxis: { type: 'category', data: ASSESSMENT_STEPS.map((s) => s.label), axisLabel: { interval: 0, width: 64, overflow: 'break' } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: 'Số phiếu',
        label: { show: true, position: 'top' },
        data: ASSESSMENT_STEPS.map((s, i) => ({
          value: f.assessmentCount(s.status),
          itemStyle: { color: [COLORS.missing, COLORS.draft, COLORS.waiting, COLORS.late, COLORS.onTime][i] },
        })),
      },
    ],
  };

  const missingTabs = [
    { key: 'dang-ky', list: f.registrationList('NONE'), label: 'Chưa đăng ký' },
    { key: 'ke-hoach', list: f.planList(null, 'missing'), label: 'Chưa gửi kế hoạch' },
    { key: 'bao-cao', list: f.reportList(null, 'missing'), label: `Chưa gửi báo cáo năm ${year}` },
    { key: 'danh-gia', list: f.assessmentList('NONE'), label: 'Chưa có phiếu đánh giá' },
  ];

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {header}
      <QueryErrors error={error} />
      {expected === 0 && (
        <Alert
          type="info"
          showIcon
          title={`Không có đơn vị bắt buộc tham gia theo cơ cấu tổ chức ngày ${formatDate(asOf)}.`}
          description="Các số liệu đăng ký, kế hoạch phát động và báo cáo tính trên các đơn vị này; hãy chọn một năm khác."
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={12} md={8} xl={4}>
          <StatCard
            title="Đơn vị phải tham gia"
            value={formatInteger(expected)}
            hint={`theo cơ cấu ngày ${formatDate(asOf)}`}
            onOpen={() =>
              setList({
                title: 'Đơn vị bắt buộc tham gia',
                description: `${expected} đơn vị bắt buộc tham gia phong trào theo cơ cấu tổ chức ngày ${formatDate(asOf)}.`,
                fileName: `don-vi-tham-gia-${campaign.code}-${year}`,
                rows: f.expected.map((u) => ({ key: u.id, code: u.code, name: u.name, kind: u.kind })),
              })
            }
          />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <StatCard
            title="Chưa đăng ký thi đua"
            value={formatInteger(f.registrationCount('NONE'))}
            tone={f.registrationCount('NONE') ? 'warning' : 'success'}
            hint={`${formatInteger(f.registered)} đăng ký đã gửi`}
            onOpen={() => setList(f.registrationList('NONE'))}
          />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <StatCard
            title="Đã gửi kế hoạch phát động"
            value={formatPercent(planPercent)}
            hint={`${formatInteger(f.coverageTotal?.submitted ?? 0)}/${formatInteger(f.coverageTotal?.expected ?? 0)} đơn vị`}
            onOpen={() => setList(f.planList(null, 'missing'))}
          />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <StatCard
            title={`Báo cáo năm ${year} đã gửi`}
            value={formatPercent(reportRate?.completeness ?? 0)}
            hint={`đúng hạn ${formatPercent(reportRate?.timeliness ?? 0)}${c.reportingProgress?.deadline ? ` · hạn ${formatDate(c.reportingProgress.deadline)}` : ''}`}
            onOpen={() => setList(f.reportList(null, 'missing'))}
          />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <StatCard
            title="Chờ thẩm định"
            value={formatInteger(f.assessmentCount('SUBMITTED'))}
            suffix="phiếu"
            tone={f.assessmentCount('SUBMITTED') ? 'warning' : undefined}
            hint="phiếu đơn vị đã nộp"
            onOpen={() => setList(f.assessmentList('SUBMITTED'))}
          />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <StatCard
            title="Đã công bố"
            value={formatInteger(f.assessmentCount('PUBLISHED'))}
            suffix="phiếu"
            tone="success"
            hint={`kết quả năm ${year} đã công khai`}
            onOpen={() => setList(f.assessmentList('PUBLISHED'))}
          />
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Card
                title="Đăng ký thi đua"
                size="small"
                extra={campaign && <Link to={`/dieu-hanh/dang-ky?phongTrao=${encodeURIComponent(campaign.code)}`}>Tiếp nhận, trả lại</Link>}
              >
                <Chart label="Số đăng ký thi đua theo trạng thái" option={registrationOption} onSelect={(p) => setList(f.registrationList(REGISTRATION_STEPS[p.dataIndex].status))} />
                <FigureLinks items={REGISTRATION_STEPS.map((s) => ({ label: s.label, value: f.registrationCount(s.status), open: () => setList(f.registrationList(s.status)) }))} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title="Đăng ký thi đua theo loại đơn vị" size="small">
                <Chart
                  label="Số đơn vị đã đăng ký thi đua theo loại đơn vị"
                  option={registrationKindOption}
                  onSelect={(p) => {
                    const row = f.registrationsByKind[p.dataIndex];
                    if (row) setList(f.registrationKindList(row.kind, registrationParts[p.seriesIndex ?? 0]));
                  }}
                />
                <FigureLinks
                  items={f.registrationsByKind.map((r) => ({
                    label: `${kindLabel(r.kind)} chưa đăng ký`,
                    value: `${r.missing.length}/${r.expected}`,
                    open: () => setList(f.registrationKindList(r.kind, 'NONE')),
                  }))}
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title="Kế hoạch phát động của đơn vị" size="small">
                <Chart
                  label="Số đơn vị đã gửi kế hoạch phát động theo loại đơn vị"
                  option={planOption}
                  onSelect={(p) => setList(f.planList(kinds[p.dataIndex], (['onTime', 'late', 'missing'] as const)[p.seriesIndex ?? 0]))}
                />
                <FigureLinks
                  items={[
                    { label: 'Đúng hạn', value: f.coverageTotal?.onTime ?? 0, open: () => setList(f.planList(null, 'onTime')) },
                    { label: 'Gửi muộn', value: (f.coverageTotal?.submitted ?? 0) - (f.coverageTotal?.onTime ?? 0), open: () => setList(f.planList(null, 'late')) },
                    { label: 'Chưa gửi', value: (f.coverageTotal?.expected ?? 0) - (f.coverageTotal?.submitted ?? 0), open: () => setList(f.planList(null, 'missing')) },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={`Báo cáo kết quả năm ${year} của đơn vị`} size="small">
                <Chart
                  label="Tỷ lệ đơn vị gửi báo cáo đầy đủ và đúng hạn theo loại đơn vị"
                  option={reportOption}
                  onSelect={(p) => setList(f.reportList(f.ratesByKind[p.dataIndex]?.unitKind ?? null, 'sent'))}
                />
                <FigureLinks
                  items={[
                    { label: 'Đã gửi', value: `${reportRate?.submitted ?? 0}/${reportRate?.expected ?? 0}`, open: () => setList(f.reportList(null, 'sent')) },
                    { label: 'Gửi muộn', value: reportRate?.late ?? 0, open: () => setList(f.reportList(null, 'sent')) },
                    { label: 'Chưa gửi', value: c.reportingProgress?.missingUnits.length ?? 0, open: () => setList(f.reportList(null, 'missing')) },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={`Phiếu đánh giá năm ${year}`} size="small" extra={<Link to={`/dieu-hanh/tham-dinh?${lead.params.toString()}`}>Danh sách phiếu</Link>}>
                <Chart label="Số phiếu đánh giá theo trạng thái" option={assessmentOption} onSelect={(p) => setList(f.assessmentList(ASSESSMENT_STEPS[p.dataIndex].status))} />
                <FigureLinks items={ASSESSMENT_STEPS.map((s) => ({ label: s.label, value: f.assessmentCount(s.status), open: () => setList(f.assessmentList(s.status)) }))} />
              </Card>
            </Col>
          </Row>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={`Thời hạn năm ${year}`} size="small">
            <Deadlines milestones={c.milestones} year={year} />
          </Card>
        </Col>
      </Row>
      <Card title="Đơn vị còn thiếu" size="small">
        <Tabs items={missingTabs.map((t) => ({ key: t.key, label: `${t.label} (${t.list.rows.length})`, children: <UnitListTable list={t.list} pageSize={10} /> }))} />
      </Card>
      <UnitListDrawer list={list} onClose={() => setList(null)} />
    </Space>
  );
}
