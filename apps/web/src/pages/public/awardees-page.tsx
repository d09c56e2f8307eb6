import { useQuery } from '@apollo/client/react';
import { Card, Empty, Select, Space, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import type { PublicAwardeesQuery } from '../../gql/graphql';
import { useCampaignChoices } from '../../features/campaign/use-campaigns';
import { occasionKindLabels } from '../../i18n/labels';
import { ExportButton } from '../../layout/export-button';
import { QueryErrors } from '../../layout/query-state';
import { useFilters } from '../../lib/use-filters';
import { formatDate, formatMoney } from '../../lib/format';

const AwardeesQuery = graphql(`
  query PublicAwardees($code: String!, $occasionId: ID) {
    campaign(code: $code) {
      id
      name
      occasions {
        id
        kind
        name
        year
      }
      awardees(occasionId: $occasionId) {
        id
        awardeeName
        collective
        awardeeUnitName
        candidateUnit {
          id
          code
          name
        }
        form {
          id
          name
        }
        occasion {
          id
          name
          year
        }
        decision {
          id
          number
          date
          signer
          signerTitle
        }
        bonusAmount
      }
    }
  }
`);

type AwardRow = NonNullable<NonNullable<PublicAwardeesQuery['campaign']>['awardees']>[number];

/** Who was awarded what, by which decision: open data per campaign and occasion. */
export function AwardeesPage() {
  const [params, setFilters] = useFilters();
  const { campaigns } = useCampaignChoices();
  const code = params.get('phongTrao') ?? campaigns[0]?.code;
  const occasionId = params.get('dot');
  const { data, loading, error } = useQuery(AwardeesQuery, { variables: { code: code ?? '', occasionId }, skip: !code });
  const campaign = data?.campaign;
  const rows = campaign?.awardees ?? [];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        Tập thể, cá nhân được khen thưởng
      </Typography.Title>
      <Card size="small">
        <Space wrap>
          <Select
            aria-label="Phong trào"
            style={{ minWidth: 360 }}
            value={code}
            onChange={(v) => setFilters({ phongTrao: v, dot: null })}
            options={campaigns.map((c) => ({ value: c.code, label: c.name }))}
          />
          <Select
            aria-label="Đợt khen thưởng"
            style={{ minWidth: 280 }}
            allowClear
            placeholder="Mọi đợt khen thưởng"
            value={occasionId ?? undefined}
            onChange={(v) => setFilters({ dot: v })}
            options={(campaign?.occasions ?? []).map((o) => ({ value: o.id, label: `${o.name} (${occasionKindLabels[o.kind].toLowerCase()}, ${o.year})` }))}
          />
          <ExportButton<AwardRow>
            fileName={`khen-thuong-${code ?? ''}`}
            sheetName="Khen thưởng"
            title={`Danh sách tập thể, cá nhân được khen thưởng — ${campaign?.name ?? ''}`}
            rows={rows}
            columns={[
              { header: 'Tập thể, cá nhân', value: (r) => r.awardeeName, width: 36 },
              { header: 'Tập thể / cá nhân', value: (r) => (r.collective ? 'Tập thể' : 'Cá nhân'), width: 14 },
              { header: 'Đơn vị', value: (r) => r.awardeeUnitName ?? r.candidateUnit?.name ?? '', width: 32 },
              { header: 'Hình thức', value: (r) => r.form.name, width: 30 },
              { header: 'Đợt', value: (r) => r.occasion.name, width: 24 },
              { header: 'Quyết định số', value: (r) => r.decision.number, width: 18 },
              { header: 'Ngày quyết định', value: (r) => new Date(`${r.decision.date}T00:00:00`), width: 14, numFmt: 'dd/mm/yyyy' },
              { header: 'Người ký', value: (r) => `${r.decision.signerTitle} ${r.decision.signer}`, width: 30 },
              { header: 'Tiền thưởng (đồng)', value: (r) => r.bonusAmount ?? null, width: 16, numFmt: '#,##0' },
            ]}
          />
        </Space>
      </Card>
      <QueryErrors error={error} />
      <Table<AwardRow>
        rowKey="id"
        loading={loading}
        dataSource={rows}
        pagination={{ defaultPageSize: 50, showSizeChanger: true, showTotal: (n) => `${n} khen thưởng` }}
        locale={{ emptyText: <Empty description="Chưa có quyết định khen thưởng nào được công bố." /> }}
        columns={[
          {
            title: 'Tập thể, cá nhân',
            render: (_, r) =>
              r.candidateUnit && r.collective ? <Link to={`/don-vi/${encodeURIComponent(r.candidateUnit.code)}`}>{r.awardeeName}</Link> : r.awardeeName,
          },
          { title: 'Đơn vị', render: (_, r) => r.awardeeUnitName ?? r.candidateUnit?.name ?? '—' },
          { title: 'Hình thức', render: (_, r) => r.form.name },
          { title: 'Đợt', render: (_, r) => r.occasion.name },
          {
            title: 'Quyết định',
            render: (_, r) => `Số ${r.decision.number} ngày ${formatDate(r.decision.date)} (${r.decision.signerTitle} ${r.decision.signer})`,
          },
          { title: 'Tiền thưởng', align: 'right', render: (_, r) => formatMoney(r.bonusAmount) },
        ]}
      />
    </Space>
  );
}
