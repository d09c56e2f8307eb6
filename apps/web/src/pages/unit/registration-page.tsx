import { useQuery } from '@apollo/client/react';
import { Card, Result, Space } from 'antd';
import { useParams } from 'react-router';
import { MilestoneFields, UnitCampaignHeaderFields } from '../../features/campaign/use-campaigns';
import { RegistrationForm, UnitRegistrationFields, type UnitRegistration } from '../../features/registration/registration-form';
import { graphql } from '../../gql';
import { PageSpinner } from '../../layout/page-spinner';
import { QueryErrors } from '../../layout/query-state';
import { spreads } from '../../lib/graphql-runtime';
import { DeadlineText, deadlineOf } from './deadlines';
import { UnitPageHeader } from './unit-page-header';
import { WithMyUnit, type MyUnit } from './use-my-unit';

spreads(UnitRegistrationFields, UnitCampaignHeaderFields, MilestoneFields);

const RegistrationPageQuery = graphql(`
  query UnitRegistrationPage($code: String!, $unitId: ID!) {
    campaign(code: $code) {
      ...UnitCampaignHeaderFields
      contentAreas {
        code
        title
      }
      milestones(kind: REGISTRATION_DUE) {
        ...MilestoneFields
      }
    }
    orgUnit(id: $unitId) {
      id
      registrations {
        ...UnitRegistrationFields
      }
    }
  }
`);

function RegistrationView({ unit, code }: { unit: MyUnit; code: string }) {
  const { data, loading, error, refetch } = useQuery(RegistrationPageQuery, { variables: { code, unitId: unit.id } });
  if (loading && !data) return <PageSpinner />;
  const campaign = data?.campaign;
  if (!campaign) return error ? <QueryErrors error={error} /> : <Result status="404" title="Không tìm thấy phong trào" />;
  const mine = (regs: readonly UnitRegistration[] | undefined) => regs?.find((r) => r.campaign.id === campaign.id) ?? null;
  const registration = mine(data?.orgUnit?.registrations);
  const due = deadlineOf(campaign.milestones, 'REGISTRATION_DUE');
  return (
    <>
      <UnitPageHeader title="Đăng ký thi đua" campaignName={campaign.name} unitName={unit.name} />
      <QueryErrors error={error} />
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Card size="small">
          Hạn đăng ký: <DeadlineText date={due?.date} done={!!registration && registration.status !== 'DRAFT' && registration.status !== 'RETURNED'} />
          {due && <div style={{ color: 'rgba(0,0,0,0.45)' }}>{due.title}</div>}
          <div>Đăng ký gửi tới: {campaign.leadAgency.name}</div>
        </Card>
        <RegistrationForm
          campaign={campaign}
          unit={unit}
          registration={registration}
          reload={async () => mine((await refetch()).data?.orgUnit?.registrations)}
        />
      </Space>
    </>
  );
}

/** /don-vi-cua-toi/dang-ky/:code — the unit registers for a campaign with its commitments. */
export function RegistrationPage() {
  const { code = '' } = useParams();
  return <WithMyUnit>{(unit) => <RegistrationView unit={unit} code={code} />}</WithMyUnit>;
}
