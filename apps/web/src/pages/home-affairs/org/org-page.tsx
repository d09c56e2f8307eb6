import { DownOutlined, MergeCellsOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Button, Card, DatePicker, Dropdown, Empty, Input, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { OrgChangeModal, type OrgChangeKind } from '../../../features/org-structure/org-change-modal';
import { buildTree, OrgUnitsQuery, type OrgTreeNode, type OrgUnitRow } from '../../../features/org-structure/org-data';
import { orgUnitKindLabels } from '../../../i18n/labels';
import { ExportButton } from '../../../layout/export-button';
import { QueryErrors } from '../../../layout/query-state';
import { dayjs, formatDate, todayIso } from '../../../lib/format';
import { useFilters } from '../../../lib/use-filters';

const PAGE = 500;
/** The day before the 2025 reform of local government took effect. */
const BEFORE_REFORM = '2025-06-30';

interface Row {
  key: string;
  unit: OrgUnitRow;
  children?: Row[];
}

const toRows = (nodes: OrgTreeNode[]): Row[] => nodes.map((n) => ({ key: n.key, unit: n.unit, children: n.children.length ? toRows(n.children) : undefined }));

/** The tree of units as of a date, a search, and the changes Nội vụ records with their legal basis. */
export function OrgPage() {
  const [params, setFilters] = useFilters();
  const navigate = useNavigate();
  const asOf = params.get('ngay') ?? todayIso();
  const search = params.get('tim') ?? '';
  const [searchText, setSearchText] = useState(search);
  const [change, setChange] = useState<{ kind: OrgChangeKind; unit: OrgUnitRow | null } | null>(null);

  useEffect(() => {
    const t = setTimeout(() => {
      if (searchText.trim() !== search) setFilters({ tim: searchText.trim() });
    }, 300);
    return () => clearTimeout(t);
  }, [searchText, search, setFilters]);

  // Every unit of the day (a few hundred), page by page, so the tree is whole.
  const { data, loading, error, fetchMore } = useQuery(OrgUnitsQuery, { variables: { asOf, search: null, first: PAGE, after: null } });
  const conn = data?.orgUnits;
  const units = useMemo(() => conn?.edges.map((e) => e.node) ?? [], [conn]);
  const cursor = conn?.pageInfo.hasNextPage ? (conn.pageInfo.endCursor ?? null) : null;
  useEffect(() => {
    if (cursor) void fetchMore({ variables: { after: cursor } });
  }, [cursor, fetchMore]);

  const needle = search.toLocaleLowerCase('vi');
  const matches = needle ? units.filter((u) => u.name.toLocaleLowerCase('vi').includes(needle)) : [];
  const rows: Row[] = needle ? matches.map((u) => ({ key: u.id, unit: u })) : toRows(buildTree(units));
  const defaultExpanded = useMemo(() => buildTree(units).map((n) => n.key), [units]);
  const isToday = asOf === todayIso();

  const actions = (u: OrgUnitRow) => [
    { key: 'rename', label: 'Đổi tên' },
    { key: 'move', label: 'Chuyển trực thuộc' },
    { key: 'create', label: 'Thành lập đơn vị trực thuộc' },
    { key: 'merge', label: 'Sáp nhập' },
    { key: 'split', label: 'Chia tách' },
    { key: 'dissolve', label: 'Giải thể', danger: true },
  ].map((a) => ({ ...a, onClick: () => setChange({ kind: a.key as OrgChangeKind, unit: u }) }));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        Tổ chức bộ máy
      </Typography.Title>
      <Card size="small">
        <Space wrap>
          <span>Cơ cấu tổ chức tại ngày</span>
          <DatePicker aria-label="Tại ngày" format="DD/MM/YYYY" allowClear={false} value={dayjs(asOf)} onChange={(d) => d && setFilters({ ngay: d.format('YYYY-MM-DD') })} />
          <Button onClick={() => setFilters({ ngay: BEFORE_REFORM })}>Trước sắp xếp (30/06/2025)</Button>
          <Button onClick={() => setFilters({ ngay: null })}>Hôm nay</Button>
          <Input.Search aria-label="Tìm theo tên" placeholder="Tìm theo tên" allowClear style={{ width: 260 }} value={searchText} onChange={(e) => setSearchText(e.target.value)} />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setChange({ kind: 'create', unit: null })}>
            Thành lập đơn vị
          </Button>
          <Button icon={<MergeCellsOutlined />} onClick={() => setChange({ kind: 'merge', unit: null })}>
            Sáp nhập đơn vị
          </Button>
          <ExportButton<OrgUnitRow>
            fileName={`to-chuc-bo-may-${asOf}`}
            sheetName="Tổ chức bộ máy"
            title={`Cơ cấu tổ chức tại ngày ${formatDate(asOf)}`}
            rows={needle ? matches : units}
            columns={[
              { header: 'Tên đơn vị', value: (r) => r.name, width: 44 },
              { header: 'Mã', value: (r) => r.code, width: 22 },
              { header: 'Loại', value: (r) => orgUnitKindLabels[r.kind], width: 26 },
              { header: 'Trực thuộc', value: (r) => r.parent?.name ?? '', width: 40 },
              { header: 'Hoạt động từ', value: (r) => (r.validFrom ? new Date(`${r.validFrom}T00:00:00`) : null), width: 14, numFmt: 'dd/mm/yyyy' },
              { header: 'Thôi hoạt động từ', value: (r) => (r.validTo ? new Date(`${r.validTo}T00:00:00`) : null), width: 18, numFmt: 'dd/mm/yyyy' },
            ]}
          />
        </Space>
      </Card>
      {!isToday && <Typography.Text type="secondary">Đang xem cơ cấu tổ chức tại ngày {formatDate(asOf)}; các thay đổi ghi với ngày hiệu lực của văn bản.</Typography.Text>}
      <QueryErrors error={error} />
      <Table<Row>
        // The tree opens its top-level units when they arrive (a new key mounts it again); a search's flat list is not
        // mounted again when the units are read again (after a change, or page by page), or a menu open in it would close.
        key={needle ? `${asOf}|${needle}` : `${asOf}|${defaultExpanded.join(',')}`}
        rowKey="key"
        size="middle"
        loading={loading || !!cursor}
        dataSource={rows}
        expandable={{ defaultExpandedRowKeys: defaultExpanded }}
        pagination={{ defaultPageSize: 50, hideOnSinglePage: true, showTotal: () => `${needle ? matches.length : units.length} đơn vị` }}
        locale={{ emptyText: <Empty description={needle ? 'Không có đơn vị nào có tên như vậy.' : 'Không có đơn vị nào vào ngày này.'} /> }}
        columns={[
          { title: 'Tên đơn vị', render: (_, r) => <Link to={`/to-chuc/${r.unit.id}`}>{r.unit.name}</Link> },
          { title: 'Loại', width: 240, render: (_, r) => orgUnitKindLabels[r.unit.kind] },
          ...(needle ? [{ title: 'Trực thuộc', render: (_: unknown, r: Row) => r.unit.parent?.name ?? '—' }] : []),
          {
            title: 'Hoạt động',
            width: 200,
            render: (_, r) => (r.unit.validTo ? <Tag>Thôi hoạt động từ {formatDate(r.unit.validTo)}</Tag> : <Tag color="green">{r.unit.validFrom ? `Từ ${formatDate(r.unit.validFrom)}` : 'Đang hoạt động'}</Tag>),
          },
          {
            title: '',
            width: 230,
            render: (_, r) => (
              <Space>
                <Button size="small" onClick={() => navigate(`/to-chuc/${r.unit.id}`)}>
                  Lịch sử
                </Button>
                <Dropdown menu={{ items: actions(r.unit) }} trigger={['click']}>
                  <Button size="small" aria-label={`Thay đổi ${r.unit.name}`}>
                    Thay đổi <DownOutlined />
                  </Button>
                </Dropdown>
              </Space>
            ),
          },
        ]}
      />
      <OrgChangeModal
        kind={change?.kind ?? null}
        unit={change?.unit ?? null}
        units={units}
        onClose={() => setChange(null)}
        onDone={({ kind, unitId }) => {
          if (!isToday) setFilters({ ngay: null });
          if (unitId && (kind === 'merge' || kind === 'split')) navigate(`/to-chuc/${unitId}`);
        }}
      />
    </Space>
  );
}
