import { useQuery } from '@apollo/client/react';
import { Card, Empty, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import type { AssessmentStatus, LeadAssessmentsQuery } from '../../gql/graphql';
import { ClassificationTag } from '../../features/ranking/classification-tag';
import { AssessmentSummaryFields } from '../../features/verification/verification-data';
import { assessmentStepLabels, orgUnitKindLabels } from '../../i18n/labels';
import { ExportButton } from '../../layout/export-button';
import { QueryErrors } from '../../layout/query-state';
import { formatDate, formatDateTime, formatNumber, formatPercent } from '../../lib/format';
import { spreads } from '../../lib/graphql-runtime';
import { CampaignYearPicker, useLeadCampaign } from './lead-campaign';
import { LeadNav } from './lead-nav';

spreads(AssessmentSummaryFields);

const AssessmentsQuery = graphql(`
  query LeadAssessments($campaignId: ID!, $year: Int!) {
    assessments(campaignId: $campaignId, year: $year) {
      ...AssessmentSummaryFields
      passes
      reopenedUntil
    }
  }
`);

type Row = LeadAssessmentsQuery['assessments'][number];

/** The state filter in the address, in words rather than codes (?trangThai=cho-tham-dinh). */
const SLUGS: Record<AssessmentStatus, string> = {
  SELF_ASSESSING: 'dang-tu-cham',
  SUBMITTED: 'cho-tham-dinh',
  VERIFIED: 'da-tham-dinh',
  PUBLISHED: 'da-cong-bo',
};
const ORDER: AssessmentStatus[] = ['SUBMITTED', 'SELF_ASSESSING', 'VERIFIED', 'PUBLISHED'];
const COLORS = { SELF_ASSESSING: 'default', SUBMITTED: 'orange', VERIFIED: 'blue', PUBLISHED: 'green' } as const;

/** The year's assessments of a campaign, by state: the ones waiting for verification first. */
export function VerificationListPage() {
  const lead = useLeadCampaign();
  const { campaign, year } = lead;
  const { data, loading, error } = useQuery(AssessmentsQuery, { variables: { campaignId: campaign?.id ?? '', year: year ?? 0 }, skip: !campaign || !year });
  const slug = lead.params.get('trangThai');
  const status = (Object.entries(SLUGS).find(([, s]) => s === slug)?.[0] as AssessmentStatus | undefined) ?? null;
  const all = data?.assessments ?? [];
  const rows = [...all.filter((a) => !status || a.status === status)].sort((x, y) => ORDER.indexOf(x.status) - ORDER.indexOf(y.status) || x.unitName.localeCompare(y.unitName, 'vi'));
  const count = (s: AssessmentStatus) => all.filter((a) => a.status === s).length;

  const columns: ColumnsType<Row> = [
    { title: 'Đơn vị', render: (_, r) => <Link to={`/dieu-hanh/tham-dinh/${r.id}`}>{r.unitName}</Link> },
    { title: 'Loại đơn vị', width: 150, render: (_, r) => orgUnitKindLabels[r.unitKind] },
    {
      title: 'Trạng thái',
      width: 170,
      render: (_, r) => (
        <Space size={4} wrap>
          <Tag color={COLORS[r.status]}>{assessmentStepLabels[r.status]}</Tag>
          {/* Reopened by the lead agency after the window closed: until when the unit may still change and submit it. */}
          {r.reopenedUntil && <Tag color="purple">Mở lại đến {formatDate(r.reopenedUntil)}</Tag>}
        </Space>
      ),
    },
    { title: 'Tự chấm', width: 100, align: 'right', render: (_, r) => formatNumber(r.selfTotal), sorter: (x, y) => x.selfTotal - y.selfTotal },
    { title: 'Thẩm định', width: 100, align: 'right', render: (_, r) => formatNumber(r.verifiedTotal) },
    { title: 'Tối đa', width: 80, align: 'right', render: (_, r) => formatNumber(r.maxPoints) },
    { title: 'Tỷ lệ', width: 90, align: 'right', render: (_, r) => formatPercent(r.percent), sorter: (x, y) => x.percent - y.percent },
    { title: 'Xếp loại', width: 170, render: (_, r) => (r.classification ? <ClassificationTag label={r.classification} passes={!!r.passes} /> : '—') },
    { title: 'Nộp lúc', width: 140, render: (_, r) => formatDateTime(r.submittedAt) },
    {
      title: '',
      width: 110,
      render: (_, r) => <Link to={`/dieu-hanh/tham-dinh/${r.id}`}>{r.status === 'SUBMITTED' ? 'Thẩm định' : 'Xem phiếu'}</Link>,
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <LeadNav />
      <Typography.Title level={2} style={{ margin: 0 }}>
        Thẩm định phiếu đánh giá
      </Typography.Title>
      <Card size="small">
        <Space wrap>
          <CampaignYearPicker lead={lead} />
          <Segmented
            aria-label="Trạng thái phiếu"
            value={status ?? 'ALL'}
            onChange={(v) => lead.set({ trangThai: v === 'ALL' ? null : SLUGS[v as AssessmentStatus] })}
            options={[{ value: 'ALL', label: `Tất cả (${all.length})` }, ...ORDER.map((s) => ({ value: s, label: `${assessmentStepLabels[s]} (${count(s)})` }))]}
          />
          <ExportButton
            fileName={`phieu-danh-gia-${campaign?.code ?? ''}-${year ?? ''}`}
            sheetName={`Phiếu đánh giá ${year ?? ''}`}
            title={`Phiếu đánh giá năm ${year ?? ''}${status ? ` (${assessmentStepLabels[status].toLocaleLowerCase('vi')})` : ''} — ${campaign?.name ?? ''}`}
            rows={rows}
            columns={[
              { header: 'Đơn vị', value: (r) => r.unitName, width: 40 },
              { header: 'Loại đơn vị', value: (r) => orgUnitKindLabels[r.unitKind], width: 20 },
              { header: 'Trạng thái', value: (r) => assessmentStepLabels[r.status], width: 18 },
              { header: 'Điểm tự chấm', value: (r) => r.selfTotal, width: 12, numFmt: '0.00' },
              { header: 'Điểm thẩm định', value: (r) => r.verifiedTotal, width: 12, numFmt: '0.00' },
              { header: 'Điểm tối đa', value: (r) => r.maxPoints, width: 12, numFmt: '0.00' },
              { header: 'Tỷ lệ (%)', value: (r) => r.percent, width: 10, numFmt: '0.00' },
              { header: 'Xếp loại', value: (r) => r.classification ?? '', width: 20 },
              { header: 'Nộp lúc', value: (r) => formatDateTime(r.submittedAt), width: 18 },
            ]}
          />
        </Space>
      </Card>
      <QueryErrors error={lead.error ?? error} />
      <Table<Row>
        rowKey="id"
        size="middle"
        loading={loading || lead.loading}
        dataSource={rows}
        columns={columns}
        pagination={{ defaultPageSize: 50, showSizeChanger: true, pageSizeOptions: [20, 50, 100], showTotal: (n) => `${n} phiếu`, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={`Chưa có phiếu đánh giá năm ${year ?? ''}${status ? ` ở trạng thái «${assessmentStepLabels[status]}»` : ''}.`} /> }}
      />
    </Space>
  );
}
