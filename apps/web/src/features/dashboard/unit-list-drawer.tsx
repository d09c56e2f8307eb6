import { Drawer, Empty, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { orgUnitKindLabels } from '../../i18n/labels';
import type { OrgUnitKind } from '../../gql/graphql';
import { ExportButton } from '../../layout/export-button';
import type { ExcelColumn } from '../../lib/excel';

/** A row of a click-through list: a unit, and what the figure says about it. */
export interface UnitListRow {
  key: string;
  code?: string | null;
  name: string;
  kind?: OrgUnitKind | null;
  /** Extra columns (status, date, …) as text. */
  extra?: Record<string, string>;
  /** A link to act on the row (e.g. open the assessment to verify it). */
  action?: { to: string; label: string };
}

export interface UnitList {
  title: string;
  /** One sentence saying what the list is (shown above it and in the Excel file's title). */
  description?: string;
  fileName: string;
  extraColumns?: string[];
  rows: UnitListRow[];
}

/** A list of units with its Excel download (in a drawer, or in a tab of the dashboard). */
export function UnitListTable({ list, pageSize = 20 }: { list: UnitList; pageSize?: number }) {
  const extra = list.extraColumns ?? [];
  const columns: ColumnsType<UnitListRow> = [
    { title: 'STT', width: 64, render: (_, __, i) => i + 1 },
    { title: 'Đơn vị', render: (_, r) => (r.code ? <Link to={`/don-vi/${encodeURIComponent(r.code)}`}>{r.name}</Link> : r.name) },
    { title: 'Loại đơn vị', width: 170, render: (_, r) => (r.kind ? orgUnitKindLabels[r.kind] : '—') },
    ...extra.map((c) => ({ title: c, key: c, render: (_: unknown, r: UnitListRow) => r.extra?.[c] ?? '—' })),
    ...(list.rows.some((r) => r.action) ? [{ title: '', key: 'action', width: 120, render: (_: unknown, r: UnitListRow) => (r.action ? <Link to={r.action.to}>{r.action.label}</Link> : null) }] : []),
  ];
  const excel: ExcelColumn<UnitListRow>[] = [
    { header: 'STT', value: (r) => list.rows.indexOf(r) + 1, width: 6 },
    { header: 'Đơn vị', value: (r) => r.name, width: 44 },
    { header: 'Loại đơn vị', value: (r) => (r.kind ? orgUnitKindLabels[r.kind] : ''), width: 22 },
    ...extra.map((c) => ({ header: c, value: (r: UnitListRow) => r.extra?.[c] ?? '', width: 24 })),
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        {list.description ? <Typography.Text>{list.description}</Typography.Text> : <span />}
        <ExportButton fileName={list.fileName} sheetName={list.title} title={list.description ?? list.title} columns={excel} rows={list.rows} />
      </Space>
      <Table<UnitListRow>
        rowKey="key"
        size="small"
        dataSource={list.rows}
        columns={columns}
        pagination={{ defaultPageSize: pageSize, showSizeChanger: true, pageSizeOptions: [10, 20, 50, 100], showTotal: (n) => `${n} đơn vị`, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description="Không có đơn vị nào." /> }}
      />
    </Space>
  );
}

/** The list behind a number of the dashboard, in a drawer, downloadable as Excel. */
export function UnitListDrawer({ list, onClose, footer }: { list: UnitList | null; onClose: () => void; footer?: ReactNode }) {
  return (
    <Drawer open={!!list} onClose={onClose} size={Math.min(900, window.innerWidth - 40)} title={list?.title} destroyOnHidden footer={footer}>
      {list && <UnitListTable list={list} />}
    </Drawer>
  );
}
