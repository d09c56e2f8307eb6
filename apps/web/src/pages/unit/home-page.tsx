import { useQuery } from '@apollo/client/react';
import { Button, Card, Col, Empty, Row, Space, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
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
  const navigate = useNavigate();
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
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            <Card size="small" title="Khen thưởng">
              <Typography.Paragraph style={{ marginBottom: 8 }}>Đề nghị khen thưởng tập thể, cá nhân của đơn vị, kèm hồ sơ; theo dõi kết quả xét.</Typography.Paragraph>
              <Button onClick={() => navigate('/don-vi-cua-toi/khen-thuong')}>Đề nghị khen thưởng của đơn vị</Button>
            </Card>
            <Card size="small" title="Nhiệm vụ, sáng kiến và cá nhân">
              <Typography.Paragraph style={{ marginBottom: 8 }}>Báo cáo tiến độ nhiệm vụ được giao; ghi nhận sáng kiến, giải pháp và thông tin cá nhân mà hồ sơ khen thưởng dẫn chứng.</Typography.Paragraph>
              <Space wrap>
                <Button onClick={() => navigate('/don-vi-cua-toi/nhiem-vu')}>Nhiệm vụ được giao</Button>
                <Button onClick={() => navigate('/don-vi-cua-toi/sang-kien')}>Sáng kiến, giải pháp</Button>
                <Button onClick={() => navigate('/don-vi-cua-toi/ca-nhan')}>Cá nhân của đơn vị</Button>
              </Space>
            </Card>
            <UnreadNotifications unitId={unit.id} />
          </Space>
        </Col>
      </Row>
    </>
  );
}

/** /don-vi-cua-toi — what the unit has to do in each campaign it takes part in, with deadlines, and its new notices. */
export function UnitHomePage() {
  return <WithMyUnit>{(unit) => <Home unit={unit} />}</WithMyUnit>;
}
