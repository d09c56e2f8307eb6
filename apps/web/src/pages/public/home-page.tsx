import { useQuery } from '@apollo/client/react';
import { Button, Col, Empty, Row, Space, Tag, theme } from 'antd';
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
  // The first page most visitors see stays light: plain elements in the theme's look instead of Card and Typography.
  const { token } = theme.useToken();
  const card = { background: token.colorBgContainer, borderRadius: token.borderRadiusLG, padding: 24, border: `1px solid ${token.colorBorderSecondary}`, height: '100%' };
  if (loading && !data) return <PageSpinner />;
  return (
    <>
      <h1 style={{ fontSize: token.fontSizeHeading2, fontWeight: 600, margin: '0 0 12px' }}>Phong trào thi đua chuyển đổi số</h1>
      <p style={{ maxWidth: 900 }}>
        Kết quả chấm điểm, xếp hạng chuyển đổi số của các cơ quan, đơn vị và danh sách tập thể, cá nhân được khen thưởng được công khai
        tại đây để mọi người cùng theo dõi.
      </p>
      <QueryErrors error={error} />
      {data?.campaigns.length === 0 && <Empty description="Chưa có phong trào nào được công bố." />}
      <Row gutter={[16, 16]}>
        {data?.campaigns.map((c) => (
          <Col key={c.id} xs={24} lg={12}>
            <section style={card}>
              <div style={{ display: 'flex', gap: 12, alignItems: 'flex-start', justifyContent: 'space-between', marginBottom: 12 }}>
                <h2 style={{ fontSize: token.fontSizeLG, fontWeight: 600, margin: 0 }}>
                  <Link to={`/phong-trao/${encodeURIComponent(c.code)}`}>{c.name}</Link>
                </h2>
                <Tag color={c.status === 'PUBLISHED' ? 'green' : 'default'}>{campaignStatusLabels[c.status]}</Tag>
              </div>
              <p>
                {c.issuerTitle}
                {c.document ? ` — Kế hoạch số ${c.document.number}${c.document.date ? ` ngày ${formatDate(c.document.date)}` : ''}` : ''}
              </p>
              <p style={{ color: token.colorTextSecondary }}>
                Từ {formatDate(c.startDate)} đến {formatDate(c.endDate)} · Địa bàn: {c.jurisdiction.name}
              </p>
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
            </section>
          </Col>
        ))}
      </Row>
    </>
  );
}
