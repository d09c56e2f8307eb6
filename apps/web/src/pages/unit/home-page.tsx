import { useQuery } from '@apollo/client/react';
import { Col, Empty, Row, Space, Tag, Typography } from 'antd';
import { UnreadNotifications } from '../../features/notifications/notifications';
import { graphql } from '../../gql';
import { orgUnitKindLabels } from '../../i18n/labels';
import { PageSpinner } from '../../layout/page-spinner';
import { QueryErrors } from '../../layout/query-state';
import { CampaignWorkCard } from './campaign-work-card';
import { WithMyUnit, type MyUnit } from './use-my-unit';

const ParticipationQuery = graphql(`
  query UnitParticipation($kind: OrgUnitKind!) {
    campaigns(status: PUBLISHED) {
      id
      code
      name
      startDate
      endDate
      expectedUnitKinds
      expectedUnits(kind: $kind) {
        id
      }
    }
  }
`);

function Home({ unit }: { unit: MyUnit }) {
  const { data, loading, error } = useQuery(ParticipationQuery, { variables: { kind: unit.kind } });
  if (loading && !data) return <PageSpinner />;
  // A unit takes part where its kind is expected and it lies in the campaign's area (as the structure is today).
  const campaigns = (data?.campaigns ?? []).filter((c) => c.expectedUnitKinds.includes(unit.kind) && c.expectedUnits.some((u) => u.id === unit.id));
  return (
    <>
      <Typography.Title level={2} style={{ marginBottom: 4 }}>
        Việc của đơn vị
      </Typography.Title>
      <Space style={{ marginBottom: 16 }} wrap>
        <Typography.Text strong>{unit.name}</Typography.Text>
        <Tag>{orgUnitKindLabels[unit.kind]}</Tag>
      </Space>
      <QueryErrors error={error} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            {campaigns.length === 0 && <Empty description="Đơn vị chưa thuộc phong trào thi đua nào đang triển khai." />}
            {campaigns.map((c) => (
              <CampaignWorkCard key={c.id} unit={unit} campaign={c} />
            ))}
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <UnreadNotifications unitId={unit.id} />
        </Col>
      </Row>
    </>
  );
}

/** /don-vi-cua-toi — what the unit has to do in each campaign it takes part in, with deadlines, and its new notices. */
export function UnitHomePage() {
  return <WithMyUnit>{(unit) => <Home unit={unit} />}</WithMyUnit>;
}
