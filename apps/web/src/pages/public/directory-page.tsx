import type { ApolloClient } from '@apollo/client';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { Button, Card, DatePicker, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import type { DirectoryPageQuery, OrgUnitKind } from '../../gql/graphql';
import { orgUnitKindLabels } from '../../i18n/labels';
import { ExportButton } from '../../layout/export-button';
import { QueryErrors } from '../../layout/query-state';
import { useFilters } from '../../lib/use-filters';
import { dayjs, formatDate } from '../../lib/format';

const DirectoryQuery = graphql(`
  query DirectoryPage($asOf: Date, $kind: OrgUnitKind, $search: String, $first: Int, $after: String) {
    orgUnits(asOf: $asOf, kind: $kind, search: $search, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          code
          name
          kind
          validFrom
          validTo
          parent {
            id
            name
          }
        }
      }
    }
  }
`);

type UnitConnection = DirectoryPageQuery['orgUnits'];
type UnitRow = UnitConnection['edges'][number]['node'];
const PAGE = 50;
/** The day before the 2025 reform of local government took effect. */
const BEFORE_REFORM = '2025-06-30';

/** The unit directory "as of" a date: the structure before and after 1/7/2025. */
export function DirectoryPage() {
  const client = useApolloClient();
  const [params, setFilters] = useFilters();
  const asOf = params.get('ngay') ?? dayjs().format('YYYY-MM-DD');
  const kind = (params.get('loai') as OrgUnitKind | null) ?? null;
  const search = params.get('tim') ?? '';
  const [searchText, setSearchText] = useState(search);
  const [page, setPage] = useState({ filter: '', current: 1 });
  const filter = `${asOf}|${kind ?? ''}|${search}`;
  const current = page.filter === filter ? page.current : 1;


  // Search as the user types, once they pause.
  useEffect(() => {
    const t = setTimeout(() => {
      if (searchText.trim() !== search) setFilters({ tim: searchText.trim() });
    }, 300);
    return () => clearTimeout(t);
  }, [searchText, search, setFilters]);

  const variables = { asOf, kind, search: search || null, first: PAGE * 4, after: null };
  const { data, loading, error, fetchMore } = useQuery(DirectoryQuery, { variables });
  const conn = data?.orgUnits;
  const rows = conn?.edges.map((e) => e.node) ?? [];
  const total = conn?.totalCount ?? 0;
  // Pages are fetched four at a time; going past what is loaded fetches the next ones.
  const needMore = !!conn?.pageInfo.hasNextPage && current * PAGE > rows.length;
  const cursor = conn?.pageInfo.endCursor ?? null;
  useEffect(() => {
    if (needMore && cursor) void fetchMore({ variables: { after: cursor } });
  }, [needMore, cursor, fetchMore]);

  const exportAll = async (): Promise<UnitRow[]> => {
    const all: UnitRow[] = [];
    let after: string | null = null;
    do {
      const res: ApolloClient.QueryResult<DirectoryPageQuery> = await client.query({
        query: DirectoryQuery,
        variables: { ...variables, first: 500, after },
        fetchPolicy: 'network-only',
      });
      const c: UnitConnection | undefined = res.data?.orgUnits;
      if (!c) break;
      all.push(...c.edges.map((e) => e.node));
      after = c.pageInfo.hasNextPage ? (c.pageInfo.endCursor ?? null) : null;
    } while (after);
    return all;
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        Danh bạ cơ quan, đơn vị
      </Typography.Title>
      <Card size="small">
        <Space wrap>
          <span>Cơ cấu tổ chức tại ngày</span>
          <DatePicker aria-label="Tại ngày" format="DD/MM/YYYY" allowClear={false} value={dayjs(asOf)} onChange={(d) => d && setFilters({ ngay: d.format('YYYY-MM-DD') })} />
          <Button onClick={() => setFilters({ ngay: BEFORE_REFORM })}>Trước sắp xếp (30/06/2025)</Button>
          <Button onClick={() => setFilters({ ngay: null })}>Hôm nay</Button>
          <Select
            aria-label="Loại đơn vị"
            allowClear
            placeholder="Mọi loại đơn vị"
            style={{ width: 220 }}
            value={kind ?? undefined}
            onChange={(v) => setFilters({ loai: v })}
            options={Object.entries(orgUnitKindLabels).map(([value, label]) => ({ value, label }))}
          />
          <Input.Search aria-label="Tìm theo tên" placeholder="Tìm theo tên" allowClear style={{ width: 260 }} value={searchText} onChange={(e) => setSearchText(e.target.value)} />
          <ExportButton<UnitRow>
            fileName={`danh-ba-don-vi-${asOf}`}
            sheetName="Danh bạ"
            title={`Danh bạ cơ quan, đơn vị tại ngày ${formatDate(asOf)}`}
            rows={exportAll}
            disabled={!total}
            columns={[
              { header: 'Tên đơn vị', value: (r) => r.name, width: 44 },
              { header: 'Mã', value: (r) => r.code, width: 20 },
              { header: 'Loại', value: (r) => orgUnitKindLabels[r.kind], width: 22 },
              { header: 'Trực thuộc', value: (r) => r.parent?.name ?? '', width: 40 },
              { header: 'Hoạt động từ', value: (r) => (r.validFrom ? new Date(`${r.validFrom}T00:00:00`) : null), width: 14, numFmt: 'dd/mm/yyyy' },
              { header: 'Thôi hoạt động từ', value: (r) => (r.validTo ? new Date(`${r.validTo}T00:00:00`) : null), width: 18, numFmt: 'dd/mm/yyyy' },
            ]}
          />
        </Space>
      </Card>
      <QueryErrors error={error} />
      <Table<UnitRow>
        rowKey="id"
        loading={loading || needMore}
        dataSource={rows.slice((current - 1) * PAGE, current * PAGE)}
        pagination={{
          current,
          pageSize: PAGE,
          total,
          showSizeChanger: false,
          onChange: (p) => setPage({ filter, current: p }),
          showTotal: (n) => `${n} đơn vị`,
        }}
        columns={[
          { title: 'Tên đơn vị', render: (_, r) => <Link to={`/don-vi/${encodeURIComponent(r.code)}`}>{r.name}</Link> },
          { title: 'Loại', width: 200, render: (_, r) => orgUnitKindLabels[r.kind] },
          { title: 'Trực thuộc', render: (_, r) => r.parent?.name ?? '—' },
          {
            title: 'Tình trạng',
            width: 220,
            render: (_, r) =>
              r.validTo ? <Tag>Thôi hoạt động từ {formatDate(r.validTo)}</Tag> : <Tag color="green">Đang hoạt động{r.validFrom ? ` từ ${formatDate(r.validFrom)}` : ''}</Tag>,
          },
        ]}
      />
    </Space>
  );
}
