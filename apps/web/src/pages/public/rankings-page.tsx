import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Alert, Card, Empty, Segmented, Select, Space, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useLoaderData } from 'react-router';
import type { OrgUnitKind } from '../../gql/graphql';
import { campaignYears, useCampaignChoices } from '../../features/campaign/use-campaigns';
import { ClassificationTag } from '../../features/ranking/classification-tag';
import { RankingClustersQuery, type RankingsLoaderData } from '../../features/ranking/rankings-query';
import { NO_RANKING, useLoadedRanking, type RankingRow, type RankingState } from '../../features/ranking/use-rankings';
import { orgUnitKindLabels } from '../../i18n/labels';
import { ExportButton } from '../../layout/export-button';
import { QueryErrors } from '../../layout/query-state';
import { useFilters } from '../../lib/use-filters';
import { formatDate, formatNumber, formatPercent } from '../../lib/format';

function Change({ value }: { value: number | null }) {
  if (value === null || value === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
  if (value === 0) return <span>0</span>;
  return value > 0 ? (
    <Typography.Text type="success">
      <ArrowUpOutlined /> {formatNumber(value)}
    </Typography.Text>
  ) : (
    <Typography.Text type="danger">
      <ArrowDownOutlined /> {formatNumber(-value)}
    </Typography.Text>
  );
}

/** The units a rolled-up row is made of, each with its own result: "gồm UBND phường A (80 điểm), …". */
const partsText = (r: RankingRow) => r.parts.map((p) => `${p.unit.name} (${formatNumber(p.total)}/${formatNumber(p.maxPoints)} điểm)`).join('; ');

/**
 * The public ranking of a campaign's year: filter by unit kind and cluster, as the units were when assessed or rolled
 * up to today's units (R25: a merged unit counted once, named with its parts), download as Excel. The route's loader
 * has asked for the ranking the address chooses (features/ranking/rankings-query.ts).
 */
export function RankingsPage() {
  const loaded = useLoaderData() as RankingsLoaderData;
  return loaded ? <LoadedRankingsPage loaded={loaded} /> : <RankingsView ranking={NO_RANKING} />;
}

function LoadedRankingsPage({ loaded }: { loaded: NonNullable<RankingsLoaderData> }) {
  return <RankingsView ranking={useLoadedRanking(loaded)} />;
}

function RankingsView({ ranking }: { ranking: RankingState }) {
  const [params, setFilters] = useFilters();
  const { campaigns, loading: campaignsLoading } = useCampaignChoices();
  const { data: clusterData } = useQuery(RankingClustersQuery);
  const code = params.get('phongTrao') ?? campaigns[0]?.code;
  const campaign = campaigns.find((c) => c.code === code);
  const years = campaignYears(campaign);
  const year = Number(params.get('nam')) || years[0];
  const kind = (params.get('loai') as OrgUnitKind | null) ?? null;
  const clusterId = params.get('cum');
  const rolledUp = params.get('donVi') === 'hien-nay';
  const { rows, total, asOf, loading, more, error } = ranking;
  const viewText = rolledUp
    ? `Quy về đơn vị đang tồn tại ngày ${formatDate(asOf)}: đơn vị đã sáp nhập được tính một lần dưới đơn vị kế thừa, điểm là trung bình điểm của các đơn vị hợp thành (điểm riêng của từng đơn vị ghi dưới tên).`
    : `Theo đơn vị như khi đánh giá năm ${year ?? ''}.`;
  const topLabel = rows[0]?.classification;


  const columns = useMemo(
    () => [
      { title: 'Hạng', dataIndex: 'rank', width: 80, sorter: (a: RankingRow, b: RankingRow) => a.rank - b.rank },
      {
        title: 'Đơn vị',
        render: (_: unknown, r: RankingRow) => (
          <>
            <Link to={`/don-vi/${encodeURIComponent(r.unit.code)}`}>{r.unit.name}</Link>
            {r.parts.length ? (
              <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 13 }}>
                Gồm: {partsText(r)}
              </Typography.Paragraph>
            ) : null}
          </>
        ),
      },
      { title: 'Loại đơn vị', width: 180, render: (_: unknown, r: RankingRow) => orgUnitKindLabels[r.unitKind] },
      {
        title: 'Tổng điểm',
        width: 130,
        align: 'right' as const,
        render: (_: unknown, r: RankingRow) => `${formatNumber(r.total)} / ${formatNumber(r.maxPoints)}`,
      },
      { title: 'Tỷ lệ', width: 100, align: 'right' as const, render: (_: unknown, r: RankingRow) => formatPercent(r.percent) },
      {
        title: 'Xếp loại',
        width: 130,
        render: (_: unknown, r: RankingRow) => <ClassificationTag label={r.classification} passes={r.passes} top={r.classification === topLabel} />,
      },
      { title: 'So với năm trước', width: 150, align: 'right' as const, render: (_: unknown, r: RankingRow) => <Change value={r.change ?? null} /> },
    ],
    [topLabel],
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        Xếp hạng chuyển đổi số
      </Typography.Title>
      <Card size="small">
        <Space wrap>
          <Select
            aria-label="Phong trào"
            style={{ minWidth: 360 }}
            loading={campaignsLoading}
            value={code}
            onChange={(v) => setFilters({ phongTrao: v, nam: null })}
            options={campaigns.map((c) => ({ value: c.code, label: c.name }))}
            placeholder="Chọn phong trào"
          />
          <Select aria-label="Năm" style={{ width: 120 }} value={year} onChange={(v) => setFilters({ nam: v })} options={years.map((y) => ({ value: y, label: `Năm ${y}` }))} />
          <Select
            aria-label="Loại đơn vị"
            style={{ width: 220 }}
            allowClear
            placeholder="Mọi loại đơn vị"
            value={kind ?? undefined}
            onChange={(v) => setFilters({ loai: v })}
            options={(campaign?.expectedUnitKinds ?? []).map((k) => ({ value: k, label: orgUnitKindLabels[k] }))}
          />
          <Select
            aria-label="Cụm thi đua"
            style={{ width: 240 }}
            allowClear
            placeholder="Mọi cụm thi đua"
            value={clusterId ?? undefined}
            onChange={(v) => setFilters({ cum: v })}
            options={(clusterData?.clusters ?? []).map((c) => ({ value: c.id, label: c.name }))}
          />
          <Segmented
            aria-label="Cách xác định đơn vị"
            value={rolledUp ? 'hien-nay' : 'khi-danh-gia'}
            onChange={(v) => setFilters({ donVi: v === 'hien-nay' ? 'hien-nay' : null })}
            options={[
              { value: 'khi-danh-gia', label: 'Đơn vị khi đánh giá' },
              { value: 'hien-nay', label: 'Quy về đơn vị hiện nay' },
            ]}
          />
          <ExportButton
            // The whole ranking, once the rows after the first screen have come.
            disabled={loading || more}
            fileName={`xep-hang-${code ?? ''}-${year ?? ''}${rolledUp ? '-don-vi-hien-nay' : ''}`}
            sheetName={`Xếp hạng ${year ?? ''}`}
            title={`Xếp hạng chuyển đổi số năm ${year ?? ''} — ${campaign?.name ?? ''}${rolledUp ? ` (quy về đơn vị ngày ${formatDate(asOf)})` : ''}`}
            rows={rows}
            columns={[
              { header: 'Hạng', value: (r) => r.rank, width: 8 },
              { header: 'Đơn vị', value: (r) => r.unit.name, width: 40 },
              { header: 'Loại đơn vị', value: (r) => orgUnitKindLabels[r.unitKind], width: 22 },
              { header: 'Tổng điểm', value: (r) => r.total, width: 12, numFmt: '0.00' },
              { header: 'Điểm tối đa', value: (r) => r.maxPoints, width: 12, numFmt: '0.00' },
              { header: 'Tỷ lệ (%)', value: (r) => r.percent, width: 10, numFmt: '0.00' },
              { header: 'Xếp loại', value: (r) => r.classification, width: 14 },
              { header: 'Điểm năm trước', value: (r) => r.previousTotal ?? null, width: 14, numFmt: '0.00' },
              { header: 'Thay đổi', value: (r) => r.change ?? null, width: 12, numFmt: '0.00' },
              ...(rolledUp ? [{ header: 'Gồm các đơn vị (điểm riêng)', value: (r: RankingRow) => partsText(r) || null, width: 60 }] : []),
            ]}
          />
        </Space>
      </Card>
      <Alert type="info" showIcon title={viewText} />
      <QueryErrors error={error} />
      <Table<RankingRow>
        rowKey={(r) => r.unit.id}
        size="middle"
        loading={loading}
        dataSource={rows}
        columns={columns}
        pagination={{ defaultPageSize: 50, showSizeChanger: true, pageSizeOptions: [20, 50, 100, 200], showTotal: (n) => (more ? `${n}/${total} đơn vị, đang tải tiếp…` : `${n} đơn vị`) }}
        locale={{ emptyText: <Empty description={year ? `Chưa có kết quả được công bố cho năm ${year}.` : 'Chọn phong trào và năm.'} /> }}
        footer={() => (total ? (rolledUp ? `${total} đơn vị hiện nay có kết quả được công bố (quy về đơn vị kế thừa)` : `${total} đơn vị có kết quả được công bố`) : null)}
      />
    </Space>
  );
}
