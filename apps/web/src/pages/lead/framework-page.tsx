import { CopyOutlined, DownloadOutlined, EditOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Alert, App, Breadcrumb, Button, Card, Descriptions, Result, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { GroupKind } from '../../gql/graphql';
import { CopyFrameworkModal, useFrameworkDownload, usePublishFramework } from '../../features/framework/framework-actions';
import { FrameworkQuery } from '../../features/framework/framework-data';
import type { IndicatorFieldsFragment as IndicatorFields } from '../../gql/graphql';
import { ImportFrameworkModal } from '../../features/framework/import-framework-modal';
import { IndicatorDrawer } from '../../features/framework/indicator-drawer';
import { describeRule } from '../../features/verification/describe';
import { frameworkStatusLabels, groupKindLabels, orgUnitKindLabels, ruleTypeLabels, targetLevelLabels } from '../../i18n/labels';
import { ExportButton } from '../../layout/export-button';
import { PageSpinner } from '../../layout/page-spinner';
import { QueryErrors } from '../../layout/query-state';
import { formatDate, formatNumber } from '../../lib/format';
import { LeadNav } from './lead-nav';

interface GroupLike {
  id: string;
  code: string;
  name: string;
  kind: GroupKind;
  maxPoints: number;
  indicators: IndicatorFields[];
  groups?: GroupLike[];
}

/** A row of the tree: a group (with its children) or an indicator. */
interface TreeRow {
  key: string;
  code: string;
  name: string;
  maxPoints: number;
  group?: GroupLike;
  indicator?: IndicatorFields;
  children?: TreeRow[];
}

function toRows(g: GroupLike): TreeRow {
  return {
    key: g.id,
    code: g.code,
    name: g.name,
    maxPoints: g.maxPoints,
    group: g,
    children: [...g.indicators.map((i): TreeRow => ({ key: i.id, code: i.code, name: i.name, maxPoints: i.maxPoints, indicator: i })), ...(g.groups ?? []).map(toRows)],
  };
}

function flatIndicators(g: GroupLike, path: string): Array<IndicatorFields & { groupName: string }> {
  return [...g.indicators.map((i) => ({ ...i, groupName: path })), ...(g.groups ?? []).flatMap((c) => flatIndicators(c, `${path} / ${c.code}. ${c.name}`))];
}

/** A framework as a tree of groups and indicators; a draft is edited here (one indicator, or a re-imported workbook). */
export function FrameworkPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { data, loading, error } = useQuery(FrameworkQuery, { variables: { id } });
  const { download, busy } = useFrameworkDownload();
  const publish = usePublishFramework();
  const [editing, setEditing] = useState<IndicatorFields | null>(null);
  const [importing, setImporting] = useState(false);
  const [copying, setCopying] = useState(false);
  if (loading && !data) return <PageSpinner />;
  const f = data?.framework;
  if (!f) return error ? <QueryErrors error={error} /> : <Result status="404" title="Không tìm thấy bộ chỉ số" />;
  const draft = f.status === 'DRAFT';
  const groups = f.groups as GroupLike[];
  const tree = groups.map(toRows);
  const flat = groups.flatMap((g) => flatIndicators(g, `${g.code}. ${g.name}`));

  const columns: ColumnsType<TreeRow> = [
    { title: 'Mã', width: 110, render: (_, r) => (r.group ? <strong>{r.code}</strong> : r.code) },
    {
      title: 'Nhóm, chỉ số',
      render: (_, r) =>
        r.group ? (
          <Space size={4} wrap>
            <strong>{r.name}</strong>
            {r.group.kind !== 'NORMAL' && <Tag color={r.group.kind === 'BONUS' ? 'green' : 'red'}>{groupKindLabels[r.group.kind]}</Tag>}
          </Space>
        ) : (
          <Space orientation="vertical" size={2}>
            <span>{r.name}</span>
            {r.indicator?.evidence && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                Minh chứng: {r.indicator.evidence}
              </Typography.Text>
            )}
          </Space>
        ),
    },
    {
      title: 'Cách tính điểm',
      width: 300,
      render: (_, r) =>
        r.indicator ? (
          <Typography.Text style={{ fontSize: 13 }}>
            {describeRule(r.indicator)}
            {r.indicator.appliesToKinds?.length ? ` Chỉ áp dụng: ${r.indicator.appliesToKinds.map((k) => orgUnitKindLabels[k]).join(', ')}.` : ''}
          </Typography.Text>
        ) : null,
    },
    { title: 'Điểm tối đa', width: 110, align: 'right', render: (_, r) => formatNumber(r.maxPoints) },
    {
      title: '',
      width: 90,
      render: (_, r) =>
        r.indicator && draft ? (
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(r.indicator ?? null)} aria-label={`Sửa chỉ số ${r.code}`}>
            Sửa
          </Button>
        ) : null,
    },
  ];

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <LeadNav />
      <Breadcrumb items={[{ title: <Link to="/dieu-hanh">Điều hành</Link> }, { title: <Link to="/dieu-hanh/bo-chi-so">Bộ chỉ số</Link> }, { title: `Năm ${f.year}` }]} />
      <div>
        <Typography.Title level={2} style={{ marginBottom: 4 }}>
          {f.name}
        </Typography.Title>
        <Space wrap>
          <Tag color={draft ? 'gold' : 'green'}>{frameworkStatusLabels[f.status]}</Tag>
          <Tag>Năm {f.year}</Tag>
          {f.isSample && <Tag>Bộ mẫu</Tag>}
        </Space>
      </div>
      <QueryErrors error={error} />
      {draft ? (
        <Alert
          type="info"
          showIcon
          title="Bản nháp: sửa từng chỉ số, hoặc tải tệp Excel, sửa rồi nhập lại vào bản nháp. Ban hành khi đã hoàn chỉnh; sau khi ban hành không sửa được nữa."
        />
      ) : (
        <Alert type="success" showIcon title="Đã ban hành: dùng để các đơn vị tự đánh giá. Muốn thay đổi, hãy sao chép thành bản nháp mới." />
      )}
      <Card size="small">
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 3 }}
            items={[
              { key: 'code', label: 'Mã', children: f.code },
              { key: 'level', label: 'Đối tượng', children: targetLevelLabels[f.targetLevel] },
              { key: 'kinds', label: 'Áp dụng cho', children: f.appliesToKinds.map((k) => orgUnitKindLabels[k]).join(', ') },
              { key: 'max', label: 'Điểm tối đa', children: formatNumber(f.maxPoints) },
              { key: 'bonus', label: 'Điểm thưởng tối đa', children: formatNumber(f.maxBonus) },
              { key: 'penalty', label: 'Điểm trừ tối đa', children: formatNumber(f.maxPenalty) },
              { key: 'scope', label: 'Phạm vi', children: f.jurisdiction },
              {
                key: 'basis',
                label: 'Căn cứ',
                children: f.legalBasis ? `${f.legalBasis.number}${f.legalBasis.date ? ` ngày ${formatDate(f.legalBasis.date)}` : ''} của ${f.legalBasis.issuer}` : '—',
              },
              { key: 'copy', label: 'Sao chép từ', children: f.copiedFrom ? <Link to={`/dieu-hanh/bo-chi-so/${f.copiedFrom.id}`}>Bộ năm {f.copiedFrom.year}</Link> : '—' },
            ]}
          />
          <Space wrap>
            <Button icon={<DownloadOutlined />} loading={busy === f.id} onClick={() => void download(f.id)}>
              Tải tệp Excel của bộ chỉ số
            </Button>
            {draft && (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                Nhập lại tệp Excel đã sửa
              </Button>
            )}
            <Button icon={<CopyOutlined />} onClick={() => setCopying(true)}>
              Sao chép cho năm sau
            </Button>
            {draft && (
              <Button type="primary" onClick={() => publish(f)}>
                Ban hành
              </Button>
            )}
            <ExportButton
              fileName={`chi-so-${f.code}`}
              sheetName="Chỉ số"
              title={`Danh sách chỉ số: ${f.name}`}
              rows={flat}
              columns={[
                { header: 'Nhóm', value: (i) => i.groupName, width: 40 },
                { header: 'Mã', value: (i) => i.code, width: 8 },
                { header: 'Chỉ số', value: (i) => i.name, width: 60 },
                { header: 'Cách tính', value: (i) => ruleTypeLabels[i.ruleType], width: 18 },
                { header: 'Điểm tối đa', value: (i) => i.maxPoints, width: 10, numFmt: '0.00' },
                { header: 'Tài liệu kiểm chứng', value: (i) => i.evidence ?? '', width: 40 },
              ]}
            />
          </Space>
        </Space>
      </Card>
      <Table<TreeRow>
        rowKey="key"
        size="small"
        dataSource={tree}
        columns={columns}
        pagination={false}
        expandable={{ defaultExpandAllRows: true }}
      />
      <IndicatorDrawer indicator={editing} onClose={() => setEditing(null)} />
      <ImportFrameworkModal
        open={importing}
        intoDraft={{ id: f.id, name: f.name }}
        onClose={() => setImporting(false)}
        onImported={() => {
          setImporting(false);
          message.success('Đã thay nội dung bản nháp bằng tệp Excel.');
        }}
      />
      <CopyFrameworkModal
        source={copying ? f : null}
        onClose={() => setCopying(false)}
        onCopied={(copyId) => {
          setCopying(false);
          message.success('Đã sao chép thành bản nháp cho năm sau.');
          navigate(`/dieu-hanh/bo-chi-so/${copyId}`);
        }}
      />
    </Space>
  );
}
