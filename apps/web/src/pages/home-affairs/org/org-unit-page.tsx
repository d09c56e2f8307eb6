import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Button, Card, Descriptions, Dropdown, Empty, Space, Tag, Timeline, Typography } from 'antd';
import { Fragment, useState } from 'react';
import { Link, useParams } from 'react-router';
import { OrgChangeModal, type OrgChangeKind } from '../../../features/org-structure/org-change-modal';
import { OrgUnitQuery, OrgUnitsQuery, type OrgUnitChangeRow } from '../../../features/org-structure/org-data';
import { UnitDetailsModal } from '../../../features/org-structure/unit-details-modal';
import { orgUnitChangeKindLabels, orgUnitKindLabels } from '../../../i18n/labels';
import { ExportButton } from '../../../layout/export-button';
import { QueryErrors } from '../../../layout/query-state';
import { dayjs, formatDate, todayIso } from '../../../lib/format';

const COLORS: Record<OrgUnitChangeRow['kind'], string> = {
  CREATED: 'green',
  RENAMED: 'blue',
  MOVED: 'cyan',
  MERGED: 'purple',
  SPLIT: 'orange',
  DISSOLVED: 'red',
};

/** Units as links to their own timeline, "A, B và C". */
function UnitLinks({ units }: { units: Array<{ id: string; name: string; validTo?: string | null }> }) {
  return (
    <span>
      {[...units].sort((a, b) => a.name.localeCompare(b.name, 'vi')).map((u, i) => (
        <Fragment key={u.id}>
          {i > 0 && (i === units.length - 1 ? ' và ' : ', ')}
          <Link to={`/to-chuc/${u.id}`}>{u.name}</Link>
          {/* Units of one name before and after a reorganisation: the date tells them apart. */}
          {u.validTo && <Typography.Text type="secondary"> (đến {formatDate(dayjs(u.validTo).subtract(1, 'day').format('YYYY-MM-DD'))})</Typography.Text>}
        </Fragment>
      ))}
    </span>
  );
}

const basisText = (c: OrgUnitChangeRow) =>
  c.basis ? `${c.basis.number}${c.basis.date ? ` ngày ${formatDate(c.basis.date)}` : ''} của ${c.basis.issuer}${c.basis.title ? `: ${c.basis.title}` : ''}` : '';

/** What a change did, said from the point of view of the unit being viewed. */
function ChangeContent({ c, unitId }: { c: OrgUnitChangeRow; unitId: string }) {
  const others = (list: Array<{ id: string; name: string }>) => list.filter((u) => u.id !== unitId);
  const preds = others(c.predecessors);
  const succs = others(c.successors);
  // Said from where the unit viewed stands: among the units that ended, or among those that came out of the change.
  const ended = c.predecessors.some((u) => u.id === unitId);
  return (
    <Space orientation="vertical" size={2}>
      <span>
        <Tag color={COLORS[c.kind]}>{orgUnitChangeKindLabels[c.kind]}</Tag>{' '}
        <strong>từ ngày {formatDate(c.effectiveDate)}</strong>
      </span>
      {c.kind === 'MERGED' && !ended && preds.length > 0 && (
        <span>
          Hợp nhất từ: <UnitLinks units={preds} />
        </span>
      )}
      {c.kind === 'MERGED' && ended && succs.length > 0 && (
        <span>
          Sáp nhập vào: <UnitLinks units={succs} />
        </span>
      )}
      {c.kind === 'MERGED' && ended && preds.length > 0 && (
        <span>
          Cùng với: <UnitLinks units={preds} />
        </span>
      )}
      {c.kind === 'SPLIT' && !ended && preds.length > 0 && (
        <span>
          Chia tách từ: <UnitLinks units={preds} />
        </span>
      )}
      {c.kind === 'SPLIT' && ended && succs.length > 0 && (
        <span>
          Chia thành: <UnitLinks units={succs} />
        </span>
      )}
      {c.kind === 'SPLIT' && !ended && succs.length > 0 && (
        <span>
          Cùng với: <UnitLinks units={succs} />
        </span>
      )}
      {c.kind === 'DISSOLVED' && succs.length > 0 && (
        <span>
          Đơn vị kế thừa: <UnitLinks units={succs} />
        </span>
      )}
      {c.kind === 'MOVED' && succs.length > 0 && (
        <span>
          Trực thuộc: <UnitLinks units={succs} />
        </span>
      )}
      {c.kind === 'MOVED' && !c.subjects.some((u) => u.id === unitId) && c.subjects.length > 0 && (
        <span>
          Tiếp nhận: <UnitLinks units={c.subjects} />
        </span>
      )}
      {c.basis && <Typography.Text type="secondary">Căn cứ: {basisText(c)}</Typography.Text>}
      {c.note && <Typography.Text type="secondary">{c.note}</Typography.Text>}
    </Space>
  );
}

/** A unit's history: created, renamed, moved, merged, split, dissolved, with the legal basis and the units before and after. */
export function OrgUnitPage() {
  const { id = '' } = useParams();
  const { data, loading, error } = useQuery(OrgUnitQuery, { variables: { id } });
  const [change, setChange] = useState<OrgChangeKind | null>(null);
  const [editing, setEditing] = useState(false);
  const units = useQuery(OrgUnitsQuery, { variables: { asOf: todayIso(), search: null, first: 500, after: null }, skip: !change });
  const u = data?.orgUnit;
  const changes = [...(u?.changes ?? [])].sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate));
  const row = u && !u.validTo ? { ...u, version: 0 } : null;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/to-chuc">
        <ArrowLeftOutlined /> Tổ chức bộ máy
      </Link>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {u?.name ?? 'Đơn vị'}
      </Typography.Title>
      <QueryErrors error={error} />
      {!loading && !error && !u && <Empty description="Không tìm thấy đơn vị này." />}
      {u && (
        <>
          <Card size="small" loading={loading}>
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2 }}
              items={[
                { key: 'kind', label: 'Loại đơn vị', children: orgUnitKindLabels[u.kind] },
                { key: 'parent', label: 'Trực thuộc', children: u.parent ? <Link to={`/to-chuc/${u.parent.id}`}>{u.parent.name}</Link> : '—' },
                { key: 'from', label: 'Hoạt động từ', children: formatDate(u.validFrom) },
                { key: 'to', label: 'Tình trạng', children: u.validTo ? <Tag>Thôi hoạt động từ {formatDate(u.validTo)}</Tag> : <Tag color="green">Đang hoạt động</Tag> },
                { key: 'pred', label: 'Đơn vị tiền thân', children: u.predecessors.length ? <UnitLinks units={u.predecessors} /> : 'Không có' },
                { key: 'succ', label: 'Đơn vị kế thừa', children: u.successors.length ? <UnitLinks units={u.successors} /> : 'Không có' },
                { key: 'field', label: 'Lĩnh vực hoạt động', children: u.field || '—' },
                { key: 'tax', label: 'Mã số thuế', children: u.taxCode || '—' },
                { key: 'email', label: 'Thư điện tử nhận nhắc việc', children: u.email || 'Chưa có' },
              ]}
            />
            <Space wrap style={{ marginTop: 12 }}>
              {row && (
                <Dropdown
                  trigger={['click']}
                  menu={{
                    items: [
                      { key: 'rename', label: 'Đổi tên' },
                      { key: 'move', label: 'Chuyển trực thuộc' },
                      { key: 'merge', label: 'Sáp nhập' },
                      { key: 'split', label: 'Chia tách' },
                      { key: 'dissolve', label: 'Giải thể', danger: true },
                    ].map((a) => ({ ...a, onClick: () => setChange(a.key as OrgChangeKind) })),
                  }}
                >
                  <Button type="primary">Thay đổi đơn vị</Button>
                </Dropdown>
              )}
              {!u.validTo && <Button onClick={() => setEditing(true)}>Sửa thông tin liên hệ</Button>}
              <ExportButton<OrgUnitChangeRow>
                fileName={`lich-su-${u.code.toLowerCase()}`}
                sheetName="Lịch sử"
                title={`Lịch sử tổ chức của ${u.name}`}
                rows={changes}
                columns={[
                  { header: 'Ngày hiệu lực', value: (c) => new Date(`${c.effectiveDate}T00:00:00`), width: 14, numFmt: 'dd/mm/yyyy' },
                  { header: 'Thay đổi', value: (c) => orgUnitChangeKindLabels[c.kind], width: 16 },
                  { header: 'Đơn vị trước', value: (c) => c.predecessors.map((x) => x.name).join('; '), width: 36 },
                  { header: 'Đơn vị sau', value: (c) => c.successors.map((x) => x.name).join('; '), width: 36 },
                  { header: 'Căn cứ', value: (c) => basisText(c), width: 50 },
                  { header: 'Ghi chú', value: (c) => c.note ?? '', width: 30 },
                ]}
              />
            </Space>
          </Card>
          <Card size="small" title="Lịch sử tổ chức">
            {changes.length ? (
              <Timeline mode="start" items={changes.map((c) => ({ key: c.id, color: COLORS[c.kind], content: <ChangeContent c={c} unitId={u.id} /> }))} />
            ) : (
              <Empty description="Chưa ghi nhận thay đổi nào." />
            )}
          </Card>
          <UnitDetailsModal unit={u} open={editing} onClose={() => setEditing(false)} />
          {row && (
            <OrgChangeModal
              kind={change}
              unit={row}
              units={units.data?.orgUnits.edges.map((e) => e.node) ?? []}
              onClose={() => setChange(null)}
            />
          )}
        </>
      )}
    </Space>
  );
}
