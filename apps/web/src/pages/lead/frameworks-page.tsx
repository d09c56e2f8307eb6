import { CopyOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { App, Button, Card, Empty, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { LeadFrameworksQuery } from '../../gql/graphql';
import { CopyFrameworkModal, useFrameworkDownload, usePublishFramework } from '../../features/framework/framework-actions';
import { FrameworksQuery } from '../../features/framework/framework-data';
import { ImportFrameworkModal } from '../../features/framework/import-framework-modal';
import { ClassificationRuleForm, ScoringPeriods } from '../../features/framework/scoring-settings';
import { frameworkStatusLabels, orgUnitKindLabels, targetLevelLabels } from '../../i18n/labels';
import { ExportButton } from '../../layout/export-button';
import { QueryErrors } from '../../layout/query-state';
import { dayjs, formatNumber } from '../../lib/format';
import { CampaignYearPicker, useLeadCampaign } from './lead-campaign';
import { LeadNav } from './lead-nav';

type Framework = LeadFrameworksQuery['frameworks'][number];

const TABS = ['bo-chi-so', 'ky-cham-diem', 'xep-loai'] as const;

/** The years a scoring period can be opened for: the campaign's, up to next year (opened ahead in December). */
function periodYears(c: { startDate: string; endDate: string }): number[] {
  const years: number[] = [];
  const last = Math.min(Number(c.endDate.slice(0, 4)), dayjs().year() + 1);
  for (let y = Number(c.startDate.slice(0, 4)); y <= last; y++) years.push(y);
  return years;
}

/** The list of index frameworks with their actions (download, copy for next year, publish, import). */
function FrameworkList() {
  const { data, loading, error } = useQuery(FrameworksQuery);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { download, busy } = useFrameworkDownload();
  const publish = usePublishFramework();
  const [importing, setImporting] = useState(false);
  const [copying, setCopying] = useState<Framework | null>(null);
  const rows = [...(data?.frameworks ?? [])].sort((a, b) => b.year - a.year || a.name.localeCompare(b.name, 'vi'));

  const columns: ColumnsType<Framework> = [
    {
      title: 'Bộ chỉ số',
      render: (_, f) => (
        <Space orientation="vertical" size={2}>
          <Link to={`/dieu-hanh/bo-chi-so/${f.id}`}>{f.name}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            Mã {f.code}
            {f.copiedFrom ? ` · sao chép từ bộ năm ${f.copiedFrom.year}` : ''}
          </Typography.Text>
        </Space>
      ),
    },
    { title: 'Năm', width: 80, render: (_, f) => f.year },
    {
      title: 'Áp dụng cho',
      width: 220,
      render: (_, f) => (
        <Space orientation="vertical" size={2}>
          <span>{targetLevelLabels[f.targetLevel]}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {f.appliesToKinds.map((k) => orgUnitKindLabels[k]).join(', ')}
          </Typography.Text>
        </Space>
      ),
    },
    { title: 'Điểm tối đa', width: 110, align: 'right', render: (_, f) => formatNumber(f.maxPoints) },
    {
      title: 'Tình trạng',
      width: 150,
      render: (_, f) => (
        <Space size={4} wrap>
          <Tag color={f.status === 'PUBLISHED' ? 'green' : 'gold'}>{frameworkStatusLabels[f.status]}</Tag>
          {f.isSample && <Tag>Bộ mẫu</Tag>}
        </Space>
      ),
    },
    {
      title: '',
      width: 330,
      render: (_, f) => (
        <Space wrap size={4}>
          <Button size="small" icon={<DownloadOutlined />} loading={busy === f.id} onClick={() => void download(f.id)}>
            Tải tệp Excel
          </Button>
          <Button size="small" icon={<CopyOutlined />} onClick={() => setCopying(f)}>
            Sao chép cho năm sau
          </Button>
          {f.status === 'DRAFT' && (
            <Button size="small" type="primary" onClick={() => publish(f)}>
              Ban hành
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Button type="primary" icon={<UploadOutlined />} onClick={() => setImporting(true)}>
          Nhập bộ chỉ số từ Excel
        </Button>
        <ExportButton
          fileName="danh-sach-bo-chi-so"
          sheetName="Bộ chỉ số"
          title="Danh sách bộ chỉ số đánh giá chuyển đổi số"
          rows={rows}
          columns={[
            { header: 'Mã', value: (f) => f.code, width: 20 },
            { header: 'Tên', value: (f) => f.name, width: 60 },
            { header: 'Năm', value: (f) => f.year, width: 8 },
            { header: 'Đối tượng', value: (f) => targetLevelLabels[f.targetLevel], width: 18 },
            { header: 'Áp dụng cho', value: (f) => f.appliesToKinds.map((k) => orgUnitKindLabels[k]).join(', '), width: 30 },
            { header: 'Điểm tối đa', value: (f) => f.maxPoints, width: 12, numFmt: '0.00' },
            { header: 'Điểm thưởng tối đa', value: (f) => f.maxBonus, width: 12, numFmt: '0.00' },
            { header: 'Điểm trừ tối đa', value: (f) => f.maxPenalty, width: 12, numFmt: '0.00' },
            { header: 'Tình trạng', value: (f) => frameworkStatusLabels[f.status], width: 14 },
          ]}
        />
      </Space>
      <QueryErrors error={error} />
      <Table<Framework>
        rowKey="id"
        loading={loading}
        dataSource={rows}
        columns={columns}
        pagination={{ defaultPageSize: 20, hideOnSinglePage: true, showTotal: (n) => `${n} bộ chỉ số` }}
        locale={{ emptyText: <Empty description="Chưa có bộ chỉ số nào." /> }}
      />
      <ImportFrameworkModal
        open={importing}
        onClose={() => setImporting(false)}
        onImported={(f) => {
          setImporting(false);
          message.success(`Đã nhập bộ chỉ số «${f.name}» (bản nháp).`);
          navigate(`/dieu-hanh/bo-chi-so/${f.id}`);
        }}
      />
      <CopyFrameworkModal
        source={copying}
        onClose={() => setCopying(null)}
        onCopied={(id) => {
          setCopying(null);
          message.success('Đã sao chép thành bản nháp cho năm sau.');
          navigate(`/dieu-hanh/bo-chi-so/${id}`);
        }}
      />
    </Space>
  );
}

/**
 * Frameworks (import, export, copy for next year, edit, publish), the campaign's scoring periods and its
 * classification rule: what the lead agency sets before the units assess themselves.
 */
export function FrameworksPage() {
  const lead = useLeadCampaign();
  const tab = (TABS as readonly string[]).includes(lead.params.get('muc') ?? '') ? (lead.params.get('muc') as (typeof TABS)[number]) : 'bo-chi-so';
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <LeadNav />
      <Typography.Title level={2} style={{ margin: 0 }}>
        Bộ chỉ số và kỳ chấm điểm
      </Typography.Title>
      <QueryErrors error={lead.error} />
      <Tabs
        activeKey={tab}
        onChange={(k) => lead.set({ muc: k === 'bo-chi-so' ? null : k })}
        items={[
          { key: 'bo-chi-so', label: 'Bộ chỉ số', children: <FrameworkList /> },
          {
            key: 'ky-cham-diem',
            label: 'Kỳ chấm điểm',
            children: (
              <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
                <Card size="small">
                  <CampaignYearPicker lead={lead} withYear={false} />
                </Card>
                {lead.campaign && <ScoringPeriods campaign={lead.campaign} years={periodYears(lead.campaign)} />}
              </Space>
            ),
          },
          {
            key: 'xep-loai',
            label: 'Quy tắc xếp loại',
            children: (
              <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
                <Card size="small">
                  <CampaignYearPicker lead={lead} withYear={false} />
                </Card>
                {lead.campaign && <ClassificationRuleForm key={lead.campaign.id} campaign={lead.campaign} />}
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}
