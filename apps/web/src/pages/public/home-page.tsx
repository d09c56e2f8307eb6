import { useQuery } from '@apollo/client/react';
import { Button, Card, Col, Empty, Row, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { CampaignFields } from '../../features/campaign/use-campaigns';
import { graphql } from '../../gql';
import { campaignStatusLabels } from '../../i18n/labels';
import { PageSpinner } from '../../layout/page-spinner';
import { QueryErrors } from '../../layout/query-state';
import { formatDate } from '../../lib/format';
import { spreads } from '../../lib/graphql-runtime';

spreads(CampaignFields);

const HomeQuery = graphql(`
  query PublicHome {
    campaigns {
      ...CampaignFields
      issuerTitle
      document {
        number
        date
      }
      jurisdiction {
        id
        name
      }
    }
  }
`);

export function HomePage() {
  const { data, loading, error } = useQuery(HomeQuery);
  if (loading && !data) return <PageSpinner />;
  return (
    <>
      <Typography.Title level={2}>Phong trào thi đua chuyển đổi số</Typography.Title>
      <Typography.Paragraph style={{ maxWidth: 900 }}>
        Kết quả chấm điểm, xếp hạng chuyển đổi số của các cơ quan, đơn vị và danh sách tập thể, cá nhân được khen thưởng được công khai
        tại đây để mọi người cùng theo dõi.
      </Typography.Paragraph>
      <QueryErrors error={error} />
      {data?.campaigns.length === 0 && <Empty description="Chưa có phong trào nào được công bố." />}
      <Row gutter={[16, 16]}>
        {data?.campaigns.map((c) => (
          <Col key={c.id} xs={24} lg={12}>
            <Card
              title={<Link to={`/phong-trao/${encodeURIComponent(c.code)}`}>{c.name}</Link>}
              extra={<Tag color={c.status === 'PUBLISHED' ? 'green' : 'default'}>{campaignStatusLabels[c.status]}</Tag>}
            >
              <Typography.Paragraph>
                {c.issuerTitle}
                {c.document ? ` — Kế hoạch số ${c.document.number}${c.document.date ? ` ngày ${formatDate(c.document.date)}` : ''}` : ''}
              </Typography.Paragraph>
              <Typography.Paragraph type="secondary">
                Từ {formatDate(c.startDate)} đến {formatDate(c.endDate)} · Địa bàn: {c.jurisdiction.name}
              </Typography.Paragraph>
              <Space wrap>
                <Link to={`/phong-trao/${encodeURIComponent(c.code)}`}>
                  <Button>Nội dung phong trào</Button>
                </Link>
                <Link to={`/xep-hang?phongTrao=${encodeURIComponent(c.code)}`}>
                  <Button type="primary">Xếp hạng</Button>
                </Link>
                <Link to={`/khen-thuong?phongTrao=${encodeURIComponent(c.code)}`}>
                  <Button>Khen thưởng</Button>
                </Link>
              </Space>
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}
