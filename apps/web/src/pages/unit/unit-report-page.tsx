import { useQuery } from '@apollo/client/react';
import { Card, Result, Select, Space } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { MilestoneFields, UnitCampaignHeaderFields } from '../../features/campaign/use-campaigns';
import { UnitReportFields, UnitReportForm, type UnitReport } from '../../features/unit-report/report-form';
import { graphql } from '../../gql';
import { PageSpinner } from '../../layout/page-spinner';
import { QueryErrors } from '../../layout/query-state';
import { spreads } from '../../lib/graphql-runtime';
import { DeadlineText, deadlineOf, yearsSoFar } from './deadlines';
import { UnitPageHeader } from './unit-page-header';
import { WithMyUnit, type MyUnit } from './use-my-unit';

spreads(UnitReportFields, UnitCampaignHeaderFields, MilestoneFields);

const UnitReportPageQuery = graphql(`
  query UnitReportPage($code: String!, $year: Int!) {
    campaign(code: $code) {
      ...UnitCampaignHeaderFields
      milestones(kind: UNIT_REPORT_DUE) {
        ...MilestoneFields
        dueDateIn(year: $year)
      }
      unitReportTemplate {
        sourceClause
        version
        fields {
          code
          label
          type
          required
          unit
        }
      }
      unitReports(year: $year) {
        ...UnitReportFields
      }
    }
  }
`);

function UnitReportView({ unit, code, year }: { unit: MyUnit; code: string; year: number }) {
  const navigate = useNavigate();
  const { data, loading, error, refetch } = useQuery(UnitReportPageQuery, { variables: { code, year } });
  if (loading && !data) return <PageSpinner />;
  const campaign = data?.campaign;
  if (!campaign) return error ? <QueryErrors error={error} /> : <Result status="404" title="Không tìm thấy phong trào" />;
  const report: UnitReport | null = campaign.unitReports?.find((r) => r.unit.id === unit.id) ?? null;
  const due = deadlineOf(campaign.milestones, 'UNIT_REPORT_DUE');
  const template = campaign.unitReportTemplate;
  return (
    <>
      <UnitPageHeader
        title={`Báo cáo năm ${year}`}
        campaignName={campaign.name}
        unitName={unit.name}
        extra={
          <Select
            aria-label="Năm báo cáo"
            value={year}
            style={{ width: 140 }}
            options={yearsSoFar(campaign).map((y) => ({ value: y, label: `Năm ${y}` }))}
            onChange={(y) => navigate(`/don-vi-cua-toi/bao-cao/${encodeURIComponent(code)}/${y}`)}
          />
        }
      />
      <QueryErrors error={error} />
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Card size="small">
          Hạn gửi báo cáo năm {year}: <DeadlineText date={due?.date} done={report?.status === 'SUBMITTED'} />
          {due && <div style={{ color: 'rgba(0,0,0,0.45)' }}>{due.title}</div>}
          <div>Gửi tới: {campaign.leadAgency.name}</div>
        </Card>
        {template ? (
          <UnitReportForm campaign={campaign} unit={unit} year={year} fields={template.fields} report={report} deadline={due?.date ?? null} reload={async () => (await refetch()).data?.campaign?.unitReports?.find((r) => r.unit.id === unit.id) ?? null} />
        ) : (
          <Result status="info" title="Phong trào chưa có mẫu báo cáo năm" subTitle={`Khi ${campaign.leadAgency.name} ban hành mẫu báo cáo, đơn vị sẽ lập báo cáo tại đây.`} />
        )}
      </Space>
    </>
  );
}

/** /don-vi-cua-toi/bao-cao/:code/:year — the unit's annual report on the campaign. */
export function UnitReportPage() {
  const { code = '', year = '' } = useParams();
  return <WithMyUnit>{(unit) => <UnitReportView unit={unit} code={code} year={Number(year) || new Date().getFullYear()} />}</WithMyUnit>;
}
