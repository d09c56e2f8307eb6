import { useQuery } from '@apollo/client/react';
import { Button, Card, DatePicker, Empty, Form, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useState } from 'react';
import { listAccounts, type Account } from '../../features/accounts/accounts-api';
import { AuditLogQuery, gatewayAuditLog, mergeAuditLogs, recordName, type AuditRow } from '../../features/audit/audit-data';
import { auditActionLabel, auditEntityLabels, auditFieldLabel, auditSourceLabels, auditValueText, changedFields } from '../../features/audit/audit-labels';
import { roleLabels, type RoleCode } from '../../i18n/labels';
import { ExportButton } from '../../layout/export-button';
import { QueryErrors } from '../../layout/query-state';
import { dayjs, formatDate, formatDateTime } from '../../lib/format';
import { useFilters } from '../../lib/use-filters';
import { AdminNav } from './admin-nav';

/** How many of the newest entries each service is asked for (the most the services answer). */
const FIRST = 500;
const FORMAT = { date: formatDate, dateTime: formatDateTime };

/** Who did it: the account's name when the gateway knows it, otherwise the roles the token carried. */
function actorText(r: AuditRow, accounts: Map<string, Account>): string {
  if (!r.actorId) return 'Hệ thống (việc tự động)';
  const a = accounts.get(r.actorId);
  if (a) return a.displayName;
  const roles = r.actorRoles.map((x) => roleLabels[x as RoleCode]).filter(Boolean);
  return roles.length ? `Tài khoản kết nối của ${roles.join(', ').toLocaleLowerCase('vi')}` : 'Tài khoản không còn trong hệ thống';
}

function recordText(r: AuditRow): string {
  const name = recordName(r);
  return `${auditEntityLabels[r.entityType] ?? 'Bản ghi khác'}${name ? ` «${name}»` : ''}`;
}

/** One side of a changed field; an internal id is named as such, itself shown on hover. */
function Value({ value, present, color }: { value: unknown; present: boolean; color: string }) {
  if (!present) return <span>—</span>;
  const text = auditValueText(value, FORMAT);
  const span = <span style={{ color, whiteSpace: 'pre-wrap' }}>{text}</span>;
  return typeof value === 'string' && text !== value && /^[0-9a-f-]{36}$/i.test(value) ? <Tooltip title={value}>{span}</Tooltip> : span;
}

/** The fields a change touched, before and after side by side. */
function ChangeDiff({ row }: { row: AuditRow }) {
  const fields = changedFields(row.beforeJson, row.afterJson);
  if (!fields.length) return <Typography.Text type="secondary">Không có thông tin nào thay đổi.</Typography.Text>;
  return (
    <Table
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={fields}
      aria-label="Thông tin thay đổi"
      columns={[
        { title: 'Thông tin', width: 240, render: (_, f) => auditFieldLabel(f.key) },
        { title: 'Trước khi thay đổi', render: (_, f) => <Value value={f.before} present={!!row.beforeJson} color="#cf1322" /> },
        { title: 'Sau khi thay đổi', render: (_, f) => <Value value={f.after} present={!!row.afterJson} color="#389e0d" /> },
      ]}
    />
  );
}

/**
 * Everything that changed, in every service, in one list (R20): who, when, what, on which record, and each changed
 * field before and after. Filters by account, kind of record and record are asked of the services; the text search
 * and the dates filter the newest entries they answered.
 */
export function AuditLogPage() {
  const [params, set] = useFilters();
  const [form] = Form.useForm();
  const [accounts, setAccounts] = useState<Map<string, Account>>(new Map());
  const actorId = params.get('nguoi') ?? undefined;
  const entityType = params.get('loai') ?? undefined;
  const entityId = params.get('ma') ?? undefined;
  const text = params.get('tim') ?? '';
  const from = params.get('tu') ?? undefined;
  const to = params.get('den') ?? undefined;

  useEffect(() => {
    listAccounts()
      .then((list) => setAccounts(new Map(list.map((a) => [a.id, a]))))
      .catch(() => setAccounts(new Map()));
  }, []);

  // Every filter is asked of the services and of the gateway (each answers its newest matching entries), the time
  // range as whole days.
  const filters = useMemo(
    () => ({
      actorId,
      entityType,
      entityId,
      first: FIRST,
      search: text.trim() || undefined,
      from: from ? dayjs(from).startOf('day').toISOString() : undefined,
      to: to ? dayjs(to).endOf('day').toISOString() : undefined,
    }),
    [actorId, entityType, entityId, text, from, to],
  );
  const { data, loading, error } = useQuery(AuditLogQuery, { variables: filters, errorPolicy: 'all', fetchPolicy: 'cache-and-network' });
  const [gateway, setGateway] = useState<{ rows: AuditRow[]; error: unknown }>({ rows: [], error: null });
  useEffect(() => {
    let live = true;
    gatewayAuditLog(filters)
      .then((rows) => live && setGateway({ rows, error: null }))
      .catch((err: unknown) => live && setGateway({ rows: [], error: err }));
    return () => {
      live = false;
    };
  }, [filters]);
  const rows = useMemo(() => mergeAuditLogs(data, gateway.rows), [data, gateway.rows]);

  const columns: ColumnsType<AuditRow> = [
    { title: 'Thời điểm', width: 160, render: (_, r) => formatDateTime(r.at) },
    { title: 'Người thực hiện', width: 230, render: (_, r) => <Tooltip title={r.actorId ? `Mã tài khoản: ${r.actorId}` : undefined}>{actorText(r, accounts)}</Tooltip> },
    { title: 'Việc', width: 220, render: (_, r) => auditActionLabel(r.action) },
    { title: 'Bản ghi', render: (_, r) => <Tooltip title={`Mã bản ghi: ${r.entityId}`}>{recordText(r)}</Tooltip> },
    { title: 'Phân hệ', width: 190, render: (_, r) => <Tag>{auditSourceLabels[r.source]}</Tag> },
  ];

  const actorOptions = [...accounts.values()].map((a) => ({ value: a.id, label: `${a.displayName} (${a.username})` }));
  const entityOptions = Object.entries(auditEntityLabels)
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label, 'vi'));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <AdminNav />
      <Typography.Title level={2} style={{ margin: 0 }}>
        Nhật ký thay đổi
      </Typography.Title>
      <Typography.Text type="secondary">
        Mọi thay đổi trong các phân hệ tài khoản, phong trào, chấm điểm, báo cáo và khen thưởng: ai làm, lúc nào, việc gì, trên bản ghi nào, thông tin trước và sau khi thay đổi. Mở một dòng để xem các thông tin đã thay đổi.
      </Typography.Text>
      <Card size="small">
        <Form
          form={form}
          layout="inline"
          initialValues={{ nguoi: actorId, loai: entityType, ma: entityId, tim: text, khoang: from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : undefined }}
          onFinish={(v: { nguoi?: string; loai?: string; ma?: string; tim?: string; khoang?: [dayjs.Dayjs | null, dayjs.Dayjs | null] | null }) =>
            set({ nguoi: v.nguoi, loai: v.loai, ma: v.ma?.trim(), tim: v.tim?.trim(), tu: v.khoang?.[0]?.format('YYYY-MM-DD'), den: v.khoang?.[1]?.format('YYYY-MM-DD') })
          }
          style={{ rowGap: 12 }}
        >
          <Form.Item name="tim" label="Tìm trong nội dung">
            <Input allowClear placeholder="Số quyết định, tên đơn vị, tên người…" style={{ width: 260 }} />
          </Form.Item>
          <Form.Item name="nguoi" label="Người thực hiện">
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={actorOptions} placeholder="Mọi người" style={{ width: 240 }} />
          </Form.Item>
          <Form.Item name="loai" label="Loại bản ghi">
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={entityOptions} placeholder="Mọi loại" style={{ width: 240 }} />
          </Form.Item>
          <Form.Item name="ma" label="Mã bản ghi" rules={[{ max: 64, message: 'Mã bản ghi dài tối đa 64 ký tự.' }]}>
            <Input allowClear style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="khoang" label="Trong khoảng">
            <DatePicker.RangePicker format="DD/MM/YYYY" allowEmpty={[true, true]} placeholder={['Từ ngày', 'Đến ngày']} />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit">
                Lọc
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  form.setFieldsValue({ nguoi: undefined, loai: undefined, ma: undefined, tim: undefined, khoang: undefined });
                  set({ nguoi: null, loai: null, ma: null, tim: null, tu: null, den: null });
                }}
              >
                Bỏ lọc
              </Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      <QueryErrors error={error} />
      <QueryErrors error={gateway.error} />
      <Card
        size="small"
        title={`${rows.length} thay đổi`}
        extra={
          <ExportButton
            fileName={`nhat-ky-thay-doi-${dayjs().format('YYYY-MM-DD')}`}
            sheetName="Nhật ký thay đổi"
            title="Nhật ký thay đổi"
            rows={rows}
            columns={[
              { header: 'Thời điểm', value: (r) => formatDateTime(r.at), width: 18 },
              { header: 'Người thực hiện', value: (r) => actorText(r, accounts), width: 28 },
              { header: 'Việc', value: (r) => auditActionLabel(r.action), width: 26 },
              { header: 'Bản ghi', value: (r) => recordText(r), width: 40 },
              { header: 'Mã bản ghi', value: (r) => r.entityId, width: 38 },
              { header: 'Phân hệ', value: (r) => auditSourceLabels[r.source], width: 22 },
              {
                header: 'Thông tin thay đổi (trước → sau)',
                value: (r) =>
                  changedFields(r.beforeJson, r.afterJson)
                    .map((f) => `${auditFieldLabel(f.key)}: ${r.beforeJson ? auditValueText(f.before, FORMAT) : '—'} → ${r.afterJson ? auditValueText(f.after, FORMAT) : '—'}`)
                    .join('\n'),
                width: 70,
              },
            ]}
          />
        }
      >
        <Table<AuditRow>
          rowKey={(r) => `${r.source}-${r.id}`}
          size="small"
          loading={loading && !data}
          dataSource={rows}
          columns={columns}
          expandable={{ expandedRowRender: (r) => <ChangeDiff row={r} />, expandRowByClick: true }}
          pagination={{ defaultPageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50, 100], showTotal: (n) => `${n} thay đổi` }}
          locale={{ emptyText: <Empty description="Không có thay đổi nào khớp với điều kiện lọc." /> }}
        />
        <Typography.Text type="secondary">Mỗi phân hệ cho xem tối đa {FIRST} thay đổi gần nhất khớp với điều kiện lọc; tìm trong nội dung tìm theo mã bản ghi, việc và nội dung trước, sau thay đổi (có phân biệt dấu).</Typography.Text>
      </Card>
    </Space>
  );
}
