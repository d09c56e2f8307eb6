import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Empty, Form, Select, Space, Table, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { candidateKindText, candidateName, NominationStatusTag } from '../../features/nomination';
import { QuotaFields, UnitNominationCampaignsQuery, UnitNominationRowFields, UnitNominationsQuery } from '../../features/nomination/nomination-data';
import type { UnitNominationRowFieldsFragment, UnitQuotaFieldsFragment } from '../../gql/graphql';
import { nominationStatusLabels } from '../../i18n/labels';
import { ExportButton } from '../../layout/export-button';
import { PageSpinner } from '../../layout/page-spinner';
import { QueryErrors } from '../../layout/query-state';
import { formatDate, formatDateTime, todayIso } from '../../lib/format';
import { spreads } from '../../lib/graphql-runtime';
import { useFilters } from '../../lib/use-filters';
import { UnitPageHeader } from './unit-page-header';
import { WithMyUnit, type MyUnit } from './use-my-unit';

spreads(UnitNominationRowFields, QuotaFields);

type Row = UnitNominationRowFieldsFragment;
type Campaign = NonNullable<ReturnType<typeof useCampaigns>['campaigns']>[number];

function useCampaigns() {
  const { data, loading, error } = useQuery(UnitNominationCampaignsQuery);
  return { campaigns: data?.campaigns, loading: loading && !data, error };
}

/** The occasion a unit most likely works on: the first not yet ended, else the latest. */
export function currentOccasion<T extends { id: string; endDate: string }>(occasions: readonly T[] | null | undefined): T | undefined {
  const list = [...(occasions ?? [])].sort((a, b) => a.endDate.localeCompare(b.endDate));
  const today = todayIso();
  return list.find((o) => o.endDate >= today) ?? list.at(-1);
}

/** «Chỉ tiêu: đã dùng 2/3» per form (or for all forms) of the occasion, for the unit. */
export function QuotaLine({ quotas, unitId }: { quotas: readonly UnitQuotaFieldsFragment[]; unitId: string }) {
  const mine = quotas.filter((q) => q.proposingUnit.id === unitId);
  if (!mine.length) return <Typography.Text type="secondary">Đợt này chưa giao chỉ tiêu đề nghị cho đơn vị.</Typography.Text>;
  return (
    <Space wrap>
      {mine.map((q) => (
        <Tag key={q.id} color={q.used >= q.maxNominations ? 'error' : 'blue'}>
          {q.form ? q.form.name : 'Mọi hình thức'} — Chỉ tiêu: đã dùng {q.used}/{q.maxNominations}
        </Tag>
      ))}
    </Space>
  );
}

function NominationList({ unit, campaign, occasionId }: { unit: MyUnit; campaign: Campaign; occasionId: string }) {
  const navigate = useNavigate();
  const { data, loading, error } = useQuery(UnitNominationsQuery, { variables: { campaignId: campaign.id, occasionId }, fetchPolicy: 'cache-and-network' });
  const occasion = campaign.occasions?.find((o) => o.id === occasionId);
  const rows = (data?.nominations ?? []).filter((n) => n.proposingUnit.id === unit.id);
  return (
    <Card
      title={occasion ? `Đề nghị khen thưởng — ${occasion.name}` : 'Đề nghị khen thưởng'}
      extra={
        <ExportButton<Row>
          fileName={`de-nghi-khen-thuong-${unit.code}`}
          sheetName="Đề nghị khen thưởng"
          title={`Đề nghị khen thưởng của ${unit.name} — ${occasion?.name ?? ''} — ${campaign.name}`}
          rows={rows}
          columns={[
            { header: 'Đối tượng', value: (r) => candidateKindText(r), width: 12 },
            { header: 'Tên tập thể, cá nhân', value: (r) => candidateName(r), width: 36 },
            { header: 'Hình thức khen thưởng', value: (r) => r.form.name, width: 36 },
            { header: 'Ngày đề nghị', value: (r) => formatDate(r.nominationDate), width: 14 },
            { header: 'Tình trạng', value: (r) => nominationStatusLabels[r.status], width: 24 },
            { header: 'Điều kiện', value: (r) => (r.eligibility.eligible ? 'Đủ điều kiện' : 'Chưa đủ điều kiện'), width: 18 },
            { header: 'Hồ sơ', value: (r) => (r.dossier.complete ? 'Đầy đủ' : 'Chưa đầy đủ'), width: 14 },
            { header: 'Lý do trả lại / không khen thưởng', value: (r) => r.returnReason ?? r.rejectionReason ?? '', width: 50 },
            { header: 'Tóm tắt thành tích', value: (r) => r.achievementSummary, width: 60 },
          ]}
        />
      }
    >
      <QueryErrors error={error} />
      <div style={{ marginBottom: 12 }}>
        <QuotaLine quotas={data?.quotas ?? []} unitId={unit.id} />
      </div>
      <Table<Row>
        size="middle"
        rowKey="id"
        loading={loading}
        dataSource={rows}
        locale={{ emptyText: <Empty description="Đơn vị chưa lập đề nghị khen thưởng nào trong đợt này." /> }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `${t} đề nghị` }}
        onRow={(r) => ({ onDoubleClick: () => navigate(`/don-vi-cua-toi/khen-thuong/${r.id}`) })}
        columns={[
          {
            title: 'Tập thể, cá nhân được đề nghị',
            render: (_, r) => (
              <div>
                <Link to={`/don-vi-cua-toi/khen-thuong/${r.id}`}>{candidateName(r)}</Link>
                <div>
                  <Typography.Text type="secondary">{candidateKindText(r)}</Typography.Text>
                </div>
              </div>
            ),
          },
          { title: 'Hình thức khen thưởng', render: (_, r) => r.form.name },
          { title: 'Ngày đề nghị', width: 120, render: (_, r) => formatDate(r.nominationDate) },
          {
            title: 'Tình trạng',
            width: 300,
            render: (_, r) => (
              <Space orientation="vertical" size={2}>
                <NominationStatusTag status={r.status} />
                {r.status === 'RETURNED' && r.returnReason && <Typography.Text type="danger">Lý do trả lại: {r.returnReason}</Typography.Text>}
                {r.status === 'REJECTED' && r.rejectionReason && <Typography.Text type="danger">Lý do: {r.rejectionReason}</Typography.Text>}
                {r.submittedAt && <Typography.Text type="secondary">Gửi lúc {formatDateTime(r.submittedAt)}</Typography.Text>}
              </Space>
            ),
          },
          {
            title: 'Điều kiện, hồ sơ',
            width: 200,
            render: (_, r) => (
              <Space orientation="vertical" size={2}>
                {r.eligibility.eligible ? <Tag color="success">Đủ điều kiện</Tag> : <Tag color="error">Chưa đủ điều kiện</Tag>}
                {r.dossier.complete ? <Tag color="success">Hồ sơ đầy đủ</Tag> : <Tag color="warning">Hồ sơ chưa đầy đủ</Tag>}
              </Space>
            ),
          },
          {
            title: '',
            width: 130,
            render: (_, r) => (
              <Button size="small" type={r.status === 'DRAFT' || r.status === 'RETURNED' ? 'primary' : 'default'} onClick={() => navigate(`/don-vi-cua-toi/khen-thuong/${r.id}`)}>
                {r.status === 'RETURNED' ? 'Sửa và gửi lại' : r.status === 'DRAFT' ? 'Hoàn thiện' : 'Xem'}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}

function Nominations({ unit }: { unit: MyUnit }) {
  const navigate = useNavigate();
  const [params, setFilters] = useFilters();
  const { campaigns, loading, error } = useCampaigns();
  if (loading) return <PageSpinner />;
  const list = campaigns ?? [];
  const campaign = list.find((c) => c.code === params.get('phong-trao')) ?? list[0];
  const occasionId = campaign?.occasions?.find((o) => o.id === params.get('dot'))?.id ?? currentOccasion(campaign?.occasions)?.id;
  return (
    <>
      <UnitPageHeader
        title="Đề nghị khen thưởng"
        unitName={unit.name}
        campaignName={campaign?.name}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(`/don-vi-cua-toi/khen-thuong/moi${campaign ? `?phong-trao=${encodeURIComponent(campaign.code)}${occasionId ? `&dot=${occasionId}` : ''}` : ''}`)}>
            Đề nghị khen thưởng
          </Button>
        }
      />
      <QueryErrors error={error} />
      {!list.length ? (
        <Empty description="Chưa có phong trào thi đua nào đang triển khai." />
      ) : (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Form layout="inline">
            <Form.Item label="Phong trào" htmlFor="loc-phong-trao">
              <Select
                id="loc-phong-trao"
                style={{ minWidth: 360 }}
                value={campaign?.code}
                options={list.map((c) => ({ value: c.code, label: c.name }))}
                onChange={(code: string) => setFilters({ 'phong-trao': code, dot: null })}
              />
            </Form.Item>
            <Form.Item label="Đợt khen thưởng" htmlFor="loc-dot">
              <Select
                id="loc-dot"
                style={{ minWidth: 320 }}
                value={occasionId}
                options={[...(campaign?.occasions ?? [])].sort((a, b) => a.endDate.localeCompare(b.endDate)).map((o) => ({ value: o.id, label: o.name }))}
                onChange={(id: string) => setFilters({ dot: id })}
              />
            </Form.Item>
          </Form>
          {campaign && occasionId ? (
            <NominationList unit={unit} campaign={campaign} occasionId={occasionId} />
          ) : (
            <Alert type="info" showIcon title="Phong trào chưa có đợt khen thưởng nào." />
          )}
        </Space>
      )}
    </>
  );
}

/** /don-vi-cua-toi/khen-thuong — the unit's nominations per campaign and occasion, their state and the occasion's quotas. */
export function NominationsPage() {
  return <WithMyUnit>{(unit) => <Nominations unit={unit} />}</WithMyUnit>;
}
