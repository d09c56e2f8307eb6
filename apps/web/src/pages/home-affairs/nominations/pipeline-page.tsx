import { useQuery } from '@apollo/client/react';
import { Card, Col, Empty, Row, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { StatCard } from '../../../features/dashboard/stat-card';
import { candidateName, NominationStatusTag } from '../../../features/nomination';
import { PIPELINE_ORDER, ReviewPipelineQuery, STATUS_GROUPS, STATUS_SLUGS, type PipelineRow } from '../../../features/nomination-review/review-data';
import { useReviewCampaign } from '../../../features/nomination-review/use-review-campaign';
import type { NominationStatus } from '../../../gql/graphql';
import { nominationStatusLabels } from '../../../i18n/labels';
import { ExportButton } from '../../../layout/export-button';
import { QueryErrors } from '../../../layout/query-state';
import { formatDate } from '../../../lib/format';
import { HomeAffairsNav } from '../home-affairs-nav';

/** Where Nội vụ acts on a nomination in this state (the link's words in the list); a submitted one waits for the lead agency where the campaign has it review first. */
const ACTIONABLE: NominationStatus[] = ['SUBMITTED', 'FORWARDED'];

/** The dossier pipeline: every nomination of a campaign with its state, filtered, counted and exported. */
export function PipelinePage() {
  const rc = useReviewCampaign();
  const { campaign, occasion, params, set } = rc;
  const { data, loading, error } = useQuery(ReviewPipelineQuery, {
    variables: { campaignId: campaign?.id ?? '', occasionId: occasion?.id ?? null },
    skip: !campaign,
    fetchPolicy: 'cache-and-network',
  });
  const all = (data?.nominations ?? []).filter((n) => n.status !== 'DRAFT');
  const formId = params.get('hinhThuc');
  const unitId = params.get('donVi');
  const group = STATUS_GROUPS.find((g) => g.key === params.get('nhom')) ?? null;
  const slug = params.get('trangThai');
  const status = (Object.entries(STATUS_SLUGS).find(([, s]) => s === slug)?.[0] as NominationStatus | undefined) ?? null;

  // The cards and the state counts follow the other filters (form, unit), not the state itself.
  const scoped = all.filter((n) => (!formId || n.form.id === formId) && (!unitId || n.proposingUnit.id === unitId));
  const rows = scoped
    .filter((n) => (!group || group.statuses.includes(n.status)) && (!status || n.status === status))
    .sort((x, y) => PIPELINE_ORDER.indexOf(x.status) - PIPELINE_ORDER.indexOf(y.status) || (y.submittedAt ?? '').localeCompare(x.submittedAt ?? '') || candidateName(x).localeCompare(candidateName(y), 'vi'));
  const units = [...new Map(all.map((n) => [n.proposingUnit.id, n.proposingUnit.name])).entries()].sort((a, b) => a[1].localeCompare(b[1], 'vi'));
  const countOf = (statuses: NominationStatus[]) => scoped.filter((n) => statuses.includes(n.status)).length;
  const filterWords = [
    occasion?.name,
    formId ? rc.forms.find((f) => f.id === formId)?.name : null,
    unitId ? units.find(([id]) => id === unitId)?.[1] : null,
    group && group.key !== 'de-xuat' ? group.title.toLocaleLowerCase('vi') : null,
    status ? nominationStatusLabels[status].toLocaleLowerCase('vi') : null,
  ].filter(Boolean);

  const columns: ColumnsType<PipelineRow> = [
    {
      title: 'Tập thể, cá nhân được đề nghị',
      render: (_, r) => (
        <div>
          <Link to={`/khen-thuong/de-nghi/${r.id}`}>{candidateName(r)}</Link>
          {r.candidatePerson?.position && (
            <div>
              <Typography.Text type="secondary">{r.candidatePerson.position}</Typography.Text>
            </div>
          )}
        </div>
      ),
    },
    { title: 'Đơn vị đề nghị', render: (_, r) => r.proposingUnit.name },
    { title: 'Hình thức khen thưởng', render: (_, r) => r.form.name },
    { title: 'Đợt khen thưởng', width: 200, render: (_, r) => r.occasion.name },
    { title: 'Ngày trình', width: 110, render: (_, r) => formatDate(r.submittedAt), sorter: (x, y) => (x.submittedAt ?? '').localeCompare(y.submittedAt ?? '') },
    { title: 'Trạng thái', width: 190, render: (_, r) => <NominationStatusTag status={r.status} /> },
    { title: '', width: 110, render: (_, r) => <Link to={`/khen-thuong/de-nghi/${r.id}`}>{ACTIONABLE.includes(r.status) && !(r.status === 'SUBMITTED' && rc.rules?.leadReviewRequired) ? 'Thẩm định' : 'Xem hồ sơ'}</Link> },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <HomeAffairsNav />
      <Typography.Title level={2} style={{ margin: 0 }}>
        Hồ sơ đề nghị khen thưởng
      </Typography.Title>
      <Card size="small">
        <Space wrap>
          <Select
            aria-label="Phong trào"
            style={{ width: 'min(640px, calc(100vw - 200px))' }}
            loading={rc.loading}
            value={campaign?.code}
            onChange={rc.setCampaign}
            options={rc.campaigns.map((c) => ({ value: c.code, label: c.name }))}
            placeholder="Chọn phong trào"
          />
          <Select
            aria-label="Đợt khen thưởng"
            style={{ width: 260 }}
            value={occasion?.id ?? ''}
            onChange={(v) => rc.setOccasion(v || null)}
            options={[{ value: '', label: 'Mọi đợt khen thưởng' }, ...rc.occasions.map((o) => ({ value: o.id, label: o.name }))]}
          />
        </Space>
        <Space wrap style={{ marginTop: 8 }}>
          <Select
            aria-label="Hình thức khen thưởng"
            style={{ width: 300 }}
            value={formId ?? ''}
            onChange={(v) => set({ hinhThuc: v || null })}
            options={[{ value: '', label: 'Mọi hình thức khen thưởng' }, ...rc.forms.map((f) => ({ value: f.id, label: f.name }))]}
          />
          <Select
            aria-label="Đơn vị đề nghị"
            style={{ width: 280 }}
            showSearch={{ optionFilterProp: 'label' }}
            value={unitId ?? ''}
            onChange={(v) => set({ donVi: v || null })}
            options={[{ value: '', label: 'Mọi đơn vị đề nghị' }, ...units.map(([id, name]) => ({ value: id, label: name }))]}
          />
          <Select
            aria-label="Trạng thái"
            style={{ width: 300 }}
            value={status ?? ''}
            onChange={(v) => set({ trangThai: v ? STATUS_SLUGS[v as NominationStatus] : null, nhom: null })}
            options={[
              { value: '', label: 'Mọi trạng thái' },
              ...PIPELINE_ORDER.map((s) => ({ value: s, label: `${nominationStatusLabels[s]} (${countOf([s])})` })),
            ]}
          />
          <ExportButton
            fileName={`de-nghi-khen-thuong-${campaign?.code ?? ''}`}
            sheetName="Đề nghị khen thưởng"
            title={`Đề nghị khen thưởng${filterWords.length ? ` (${filterWords.join(', ')})` : ''} — ${campaign?.name ?? ''}`}
            rows={rows}
            columns={[
              { header: 'Tập thể, cá nhân được đề nghị', value: (r) => candidateName(r), width: 34 },
              { header: 'Chức vụ', value: (r) => r.candidatePerson?.position ?? '', width: 26 },
              { header: 'Đơn vị đề nghị', value: (r) => r.proposingUnit.name, width: 32 },
              { header: 'Hình thức khen thưởng', value: (r) => r.form.name, width: 34 },
              { header: 'Đợt khen thưởng', value: (r) => r.occasion.name, width: 26 },
              { header: 'Ngày đề nghị', value: (r) => formatDate(r.nominationDate), width: 14 },
              { header: 'Ngày trình', value: (r) => formatDate(r.submittedAt), width: 14 },
              { header: 'Trạng thái', value: (r) => nominationStatusLabels[r.status], width: 30 },
            ]}
          />
        </Space>
      </Card>
      <QueryErrors error={rc.error ?? error} />
      <Row gutter={[12, 12]}>
        {STATUS_GROUPS.map((g) => (
          <Col key={g.key} xs={12} md={6}>
            <div style={{ height: '100%', borderRadius: 8, outline: group?.key === g.key ? '2px solid #1d4f91' : undefined }}>
              <StatCard
                title={g.title}
                value={countOf(g.statuses)}
                tone={g.tone}
                hint={g.key === 'de-xuat' ? 'Mọi hồ sơ đã trình' : g.statuses.map((s) => nominationStatusLabels[s]).join(', ')}
                onOpen={() => set({ nhom: group?.key === g.key ? null : g.key, trangThai: null })}
              />
            </div>
          </Col>
        ))}
      </Row>
      <Space wrap size={[4, 8]} aria-label="Số hồ sơ theo trạng thái">
        {PIPELINE_ORDER.map((s) => (
          <Tag.CheckableTag
            key={s}
            checked={status === s}
            onChange={(on) => set({ trangThai: on ? STATUS_SLUGS[s] : null, nhom: null })}
            style={{ border: '1px solid #d9d9d9' }}
          >
            {nominationStatusLabels[s]}: {countOf([s])}
          </Tag.CheckableTag>
        ))}
      </Space>
      <Table<PipelineRow>
        rowKey="id"
        size="middle"
        loading={(loading && !data) || rc.loading}
        dataSource={rows}
        columns={columns}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50, 100], showTotal: (n) => `${n} hồ sơ`, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={all.length ? 'Không có hồ sơ nào khớp với bộ lọc.' : 'Phong trào chưa có hồ sơ đề nghị khen thưởng nào được trình.'} /> }}
      />
    </Space>
  );
}
