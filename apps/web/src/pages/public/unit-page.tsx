import { useQuery } from '@apollo/client/react';
import { Card, Descriptions, Empty, Result, Space, Table, Tag, Timeline, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { graphql } from '../../gql';
import type { PublicUnitQuery } from '../../gql/graphql';
import { ClassificationTag } from '../../features/ranking/classification-tag';
import { orgUnitChangeKindLabels, orgUnitKindLabels } from '../../i18n/labels';
import { ExportButton } from '../../layout/export-button';
import { PageSpinner } from '../../layout/page-spinner';
import { QueryErrors } from '../../layout/query-state';
import { formatDate, formatMoney, formatNumber, formatPercent } from '../../lib/format';

const UnitQuery = graphql(`
  query PublicUnit($code: String!) {
    orgUnit(code: $code) {
      id
      code
      name
      kind
      validFrom
      validTo
      parent {
        id
        code
        name
      }
      predecessors(transitive: true) {
        id
        code
        name
        validTo
      }
      successors(transitive: true) {
        id
        code
        name
      }
      changes {
        id
        kind
        effectiveDate
        note
        basis {
          number
          date
          issuer
        }
        predecessors {
          id
          code
          name
        }
        successors {
          id
          code
          name
        }
      }
      assessments {
        id
        year
        status
        unitName
        maxPoints
        selfTotal
        verifiedTotal
        percent
        classification
        passes
        campaign {
          id
          name
        }
        framework {
          id
          name
          groups {
            id
            code
            name
            kind
            maxPoints
            indicators {
              id
              code
            }
            groups {
              id
              indicators {
                id
                code
              }
              groups {
                id
                indicators {
                  id
                  code
                }
              }
            }
          }
        }
        scores {
          applicable
          selfPoints
          verifiedPoints
          indicator {
            id
            code
          }
        }
      }
      awards {
        id
        awardeeName
        form {
          id
          name
        }
        occasion {
          id
          name
        }
        decision {
          id
          number
          date
        }
        bonusAmount
      }
    }
  }
`);

type Unit = NonNullable<PublicUnitQuery['orgUnit']>;
type AssessmentRow = NonNullable<Unit['assessments']>[number];
interface GroupNode {
  indicators: { code: string }[];
  groups?: GroupNode[];
}

function indicatorCodes(g: GroupNode): string[] {
  return [...g.indicators.map((i) => i.code), ...(g.groups ?? []).flatMap(indicatorCodes)];
}

/** Points per top-level group of the index: verified points where the lead agency verified, else the unit's own. */
function groupTotals(a: AssessmentRow) {
  const points = new Map(a.scores.map((s) => [s.indicator.code, s.applicable ? (s.verifiedPoints ?? s.selfPoints ?? 0) : 0]));
  return a.framework.groups.map((g) => ({
    key: g.id,
    name: g.name,
    kind: g.kind,
    maxPoints: g.maxPoints,
    points: indicatorCodes(g as GroupNode).reduce((sum, code) => sum + (points.get(code) ?? 0), 0),
  }));
}

/** "2025-12-10" as the calendar day a spreadsheet stores. */
const asDay = (d: string | null | undefined) => (d ? new Date(`${d.slice(0, 10)}T00:00:00`) : null);
/** A penalty group's points count against the total: shown (and exported) as a negative number. */
const signedPoints = (g: { kind: string; points: number }) => (g.kind === 'PENALTY' && g.points ? -g.points : g.points);
const basisText = (b: { number: string; date?: string | null; issuer: string }) => `${b.number}${b.date ? ` ngày ${formatDate(b.date)}` : ''} của ${b.issuer}`;

/** A unit's public page: what it is, its published scores per group and year, its history across merges, its awards. */
export function UnitPage() {
  const { code = '' } = useParams();
  const { data, loading, error } = useQuery(UnitQuery, { variables: { code } });
  if (loading && !data) return <PageSpinner />;
  const u = data?.orgUnit;
  if (!u) return error ? <QueryErrors error={error} /> : <Result status="404" title="Không tìm thấy đơn vị" />;
  const published = [...(u.assessments ?? [])].filter((a) => a.status === 'PUBLISHED').sort((a, b) => b.year - a.year);
  const groupRows = published.flatMap((a) => groupTotals(a).map((g) => ({ ...g, key: `${a.id}|${g.key}`, assessment: a })));
  // A unit in force since before it was recorded (no «Hoạt động từ») has its CREATED change dated the day it was entered:
  // not an event of its history (it read «Thành lập» today, after its own merges).
  const changes = [...u.changes].filter((c) => u.validFrom || c.kind !== 'CREATED').sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate));
  const fileCode = u.code.toLowerCase();
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <QueryErrors error={error} />
      <div>
        <Typography.Title level={2} style={{ marginBottom: 4 }}>
          {u.name}
        </Typography.Title>
        <Space wrap>
          <Tag>{orgUnitKindLabels[u.kind]}</Tag>
          {u.validTo ? <Tag color="default">Thôi hoạt động từ {formatDate(u.validTo)}</Tag> : <Tag color="green">Đang hoạt động</Tag>}
        </Space>
      </div>
      <Card title="Thông tin đơn vị">
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
          <Descriptions.Item label="Trực thuộc">
            {u.parent ? <Link to={`/don-vi/${encodeURIComponent(u.parent.code)}`}>{u.parent.name}</Link> : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="Hoạt động từ">{formatDate(u.validFrom)}</Descriptions.Item>
          {u.predecessors.length > 0 && (
            <Descriptions.Item label="Hình thành từ" span={2}>
              {u.predecessors.map((p, i) => (
                <span key={p.id}>
                  {i > 0 && ', '}
                  <Link to={`/don-vi/${encodeURIComponent(p.code)}`}>{p.name}</Link>
                </span>
              ))}
            </Descriptions.Item>
          )}
          {u.successors.length > 0 && (
            <Descriptions.Item label="Nay là" span={2}>
              {u.successors.map((s, i) => (
                <span key={s.id}>
                  {i > 0 && ', '}
                  <Link to={`/don-vi/${encodeURIComponent(s.code)}`}>{s.name}</Link>
                </span>
              ))}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card
        title="Kết quả chuyển đổi số đã công bố"
        extra={
          published.length ? (
            <ExportButton
              fileName={`ket-qua-chuyen-doi-so-${fileCode}`}
              sheetName="Kết quả đã công bố"
              title={`Kết quả chuyển đổi số đã công bố — ${u.name}`}
              rows={groupRows}
              columns={[
                { header: 'Năm', value: (g) => g.assessment.year, width: 8 },
                { header: 'Phong trào', value: (g) => g.assessment.campaign.name, width: 40 },
                { header: 'Kết quả của đơn vị', value: (g) => g.assessment.unitName, width: 30 },
                { header: 'Nhóm chỉ số', value: (g) => g.name, width: 40 },
                { header: 'Điểm', value: (g) => signedPoints(g), width: 10, numFmt: '0.00' },
                { header: 'Điểm tối đa', value: (g) => g.maxPoints, width: 10, numFmt: '0.00' },
                { header: 'Tổng điểm năm', value: (g) => g.assessment.verifiedTotal ?? g.assessment.selfTotal, width: 12, numFmt: '0.00' },
                { header: 'Tỷ lệ (%)', value: (g) => g.assessment.percent, width: 10, numFmt: '0.00' },
                { header: 'Xếp loại', value: (g) => g.assessment.classification ?? '', width: 14 },
              ]}
            />
          ) : null
        }
      >
        {!u.assessments ? (
          <Empty description="Chưa tải được kết quả chấm điểm (dịch vụ chấm điểm chưa phản hồi); vui lòng thử lại sau." />
        ) : published.length === 0 ? (
          <Empty description="Chưa có kết quả được công bố." />
        ) : (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            {published.map((a) => (
              <Card
                key={a.id}
                type="inner"
                // Wrapped, not cut short: the end of the title names the unit (a predecessor) whose result this is.
                styles={{ title: { whiteSpace: 'normal' } }}
                title={`Năm ${a.year} — ${a.campaign.name}${a.unitName !== u.name ? ` (kết quả của ${a.unitName})` : ''}`}
                extra={
                  <Space>
                    <strong>
                      {formatNumber(a.verifiedTotal ?? a.selfTotal)} / {formatNumber(a.maxPoints)} điểm ({formatPercent(a.percent)})
                    </strong>
                    {a.classification && <ClassificationTag label={a.classification} passes={!!a.passes} />}
                  </Space>
                }
              >
                <Table
                  size="small"
                  pagination={false}
                  dataSource={groupTotals(a)}
                  columns={[
                    { title: 'Nhóm chỉ số', dataIndex: 'name' },
                    { title: 'Điểm', width: 120, align: 'right', render: (_, g) => formatNumber(signedPoints(g)) },
                    { title: 'Tối đa', width: 120, align: 'right', render: (_, g) => formatNumber(g.maxPoints) },
                  ]}
                />
              </Card>
            ))}
          </Space>
        )}
      </Card>
      <Card
        title="Lịch sử tổ chức"
        extra={
          changes.length ? (
            <ExportButton
              fileName={`lich-su-to-chuc-${fileCode}`}
              sheetName="Lịch sử tổ chức"
              title={`Lịch sử tổ chức — ${u.name}`}
              rows={changes}
              columns={[
                { header: 'Ngày hiệu lực', value: (c) => asDay(c.effectiveDate), width: 14, numFmt: 'dd/mm/yyyy' },
                { header: 'Thay đổi', value: (c) => orgUnitChangeKindLabels[c.kind], width: 22 },
                { header: 'Từ', value: (c) => (c.kind === 'CREATED' ? '' : c.predecessors.map((p) => p.name).join(', ')), width: 44 },
                { header: 'Thành', value: (c) => c.successors.map((p) => p.name).join(', '), width: 44 },
                { header: 'Căn cứ', value: (c) => (c.basis ? basisText(c.basis) : ''), width: 44 },
                { header: 'Ghi chú', value: (c) => c.note ?? '', width: 40 },
              ]}
            />
          ) : null
        }
      >
        {changes.length === 0 ? (
          <Empty description="Không có thay đổi tổ chức." />
        ) : (
          <Timeline
            items={changes.map((c) => ({
              content: (
                <div>
                  <strong>
                    {formatDate(c.effectiveDate)}: {orgUnitChangeKindLabels[c.kind]}
                  </strong>
                  {c.predecessors.length > 0 && c.kind !== 'CREATED' && <div>Từ: {c.predecessors.map((p) => p.name).join(', ')}</div>}
                  {c.successors.length > 0 && <div>Thành: {c.successors.map((p) => p.name).join(', ')}</div>}
                  {c.basis && <div>Căn cứ: {basisText(c.basis)}</div>}
                  {c.note && <Typography.Text type="secondary">{c.note}</Typography.Text>}
                </div>
              ),
            }))}
          />
        )}
      </Card>
      <Card
        title="Khen thưởng"
        extra={
          u.awards?.length ? (
            <ExportButton
              fileName={`khen-thuong-${fileCode}`}
              sheetName="Khen thưởng"
              title={`Khen thưởng — ${u.name}`}
              rows={u.awards}
              columns={[
                { header: 'Tập thể, cá nhân', value: (a) => a.awardeeName, width: 36 },
                { header: 'Hình thức', value: (a) => a.form.name, width: 36 },
                { header: 'Đợt', value: (a) => a.occasion.name, width: 28 },
                { header: 'Quyết định số', value: (a) => a.decision.number, width: 18 },
                { header: 'Ngày quyết định', value: (a) => asDay(a.decision.date), width: 14, numFmt: 'dd/mm/yyyy' },
                { header: 'Tiền thưởng (đồng)', value: (a) => a.bonusAmount ?? null, width: 16, numFmt: '#,##0' },
              ]}
            />
          ) : null
        }
      >
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={u.awards ?? []}
          locale={{
            emptyText: <Empty description={u.awards ? 'Chưa có khen thưởng.' : 'Chưa tải được khen thưởng (dịch vụ khen thưởng chưa phản hồi); vui lòng thử lại sau.'} />,
          }}
          columns={[
            { title: 'Hình thức', render: (_, a) => a.form.name },
            { title: 'Đợt', render: (_, a) => a.occasion.name },
            { title: 'Quyết định', render: (_, a) => `Số ${a.decision.number} ngày ${formatDate(a.decision.date)}` },
            { title: 'Tiền thưởng', align: 'right', render: (_, a) => formatMoney(a.bonusAmount) },
          ]}
        />
      </Card>
    </Space>
  );
}
