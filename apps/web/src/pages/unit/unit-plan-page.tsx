import { useQuery } from '@apollo/client/react';
import { Card, Result, Space } from 'antd';
import { useParams } from 'react-router';
import { MilestoneFields, UnitCampaignHeaderFields } from '../../features/campaign/use-campaigns';
import { UnitPlanDetails, UnitPlanFields, UnitPlanForm, type UnitPlan } from '../../features/unit-plan/unit-plan-form';
import { graphql } from '../../gql';
import { PageSpinner } from '../../layout/page-spinner';
import { QueryErrors } from '../../layout/query-state';
import { spreads } from '../../lib/graphql-runtime';
import { DeadlineText, deadlineOf } from './deadlines';
import { UnitPageHeader } from './unit-page-header';
import { WithMyUnit, type MyUnit } from './use-my-unit';

spreads(UnitPlanFields, UnitCampaignHeaderFields, MilestoneFields);

const UnitPlanPageQuery = graphql(`
  query UnitPlanPage($code: String!, $unitId: ID!) {
    campaign(code: $code) {
      ...UnitCampaignHeaderFields
      milestones(kind: UNIT_PLAN_DUE) {
        ...MilestoneFields
      }
    }
    orgUnit(id: $unitId) {
      id
      unitPlans {
        ...UnitPlanFields
      }
    }
  }
`);

function UnitPlanView({ unit, code }: { unit: MyUnit; code: string }) {
  const { data, loading, error, refetch } = useQuery(UnitPlanPageQuery, { variables: { code, unitId: unit.id } });
  if (loading && !data) return <PageSpinner />;
  const campaign = data?.campaign;
  if (!campaign) return error ? <QueryErrors error={error} /> : <Result status="404" title="Không tìm thấy phong trào" />;
  const plan: UnitPlan | null = data?.orgUnit?.unitPlans.find((p) => p.campaign.id === campaign.id) ?? null;
  const due = deadlineOf(campaign.milestones, 'UNIT_PLAN_DUE');
  return (
    <>
      <UnitPageHeader title="Kế hoạch phát động phong trào của đơn vị" campaignName={campaign.name} unitName={unit.name} />
      <QueryErrors error={error} />
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Card size="small">
          Hạn gửi kế hoạch: <DeadlineText date={due?.date} done={!!plan} />
          {due && <div style={{ color: 'rgba(0,0,0,0.45)' }}>{due.title}</div>}
          <div>Gửi tới: {campaign.leadAgency.name}</div>
        </Card>
        {plan ? (
          <Card title="Kế hoạch đã gửi">
            <UnitPlanDetails plan={plan} />
          </Card>
        ) : (
          <UnitPlanForm campaignId={campaign.id} unitId={unit.id} dueDate={due?.date ?? null} onSent={() => void refetch()} />
        )}
      </Space>
    </>
  );
}

/** /don-vi-cua-toi/ke-hoach/:code — the unit sends its launch plan (file, number, date), on time or late. */
export function UnitPlanPage() {
  const { code = '' } = useParams();
  return <WithMyUnit>{(unit) => <UnitPlanView unit={unit} code={code} />}</WithMyUnit>;
}
