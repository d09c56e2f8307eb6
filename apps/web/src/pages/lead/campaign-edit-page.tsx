import { EditOutlined, GlobalOutlined, SendOutlined, SolutionOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Card, Descriptions, Result, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { CampaignAdminQuery, CampaignsAdminQuery, PublishCampaignMutation } from '../../features/campaign-admin/campaign-admin-data';
import { CampaignFormDrawer } from '../../features/campaign-admin/campaign-form-drawer';
import { FrameworksCard } from '../../features/campaign-admin/frameworks-card';
import { MilestonesCard } from '../../features/campaign-admin/milestones-card';
import { PhasesCard } from '../../features/campaign-admin/phases-card';
import { ReportTemplateCard } from '../../features/campaign-admin/report-template-card';
import { campaignStatusLabels, orgUnitKindLabels } from '../../i18n/labels';
import { PageSpinner } from '../../layout/page-spinner';
import { QueryErrors } from '../../layout/query-state';
import { toUserMessage } from '../../lib/errors';
import { formatDate, formatDateTime } from '../../lib/format';
import { useSession } from '../../lib/session';
import { LeadNav } from './lead-nav';

const doc = (d: { number: string; date?: string | null; issuer: string; title?: string | null }) =>
  `${d.number}${d.date ? ` ngày ${formatDate(d.date)}` : ''} của ${d.issuer}${d.title ? `: ${d.title}` : ''}`;

/** One campaign: its particulars, phases, milestones, unit report template and index frameworks; publication. */
export function CampaignEditPage() {
  const { id = '' } = useParams();
  const { data, loading, error } = useQuery(CampaignAdminQuery, { variables: { id } });
  const { modal, message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [publish] = useMutation(PublishCampaignMutation, { refetchQueries: [CampaignAdminQuery, CampaignsAdminQuery] });
  const { session } = useSession();
  const c = data?.campaign;

  if (loading && !data) return <PageSpinner />;
  if (!c) {
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <LeadNav />
        <QueryErrors error={error} />
        {!error && <Result status="404" title="Không tìm thấy phong trào" extra={<Link to="/dieu-hanh/phong-trao">Về danh sách phong trào</Link>} />}
      </Space>
    );
  }

  const onPublish = () =>
    modal.confirm({
      title: 'Công bố phong trào?',
      content: 'Sau khi công bố, phong trào hiện trên trang công khai và các đơn vị đăng ký thi đua được. Không thể chuyển lại thành dự thảo.',
      okText: 'Công bố',
      cancelText: 'Không',
      onOk: async () => {
        try {
          await publish({ variables: { id: c.id } });
          message.success('Đã công bố phong trào.');
        } catch (err) {
          message.error(toUserMessage(err));
        }
      },
    });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <LeadNav />
      <Typography.Title level={2} style={{ margin: 0 }}>
        {c.name}
      </Typography.Title>
      <QueryErrors error={error} />
      {session?.account?.orgUnitId && c.leadAgency.id !== session.account.orgUnitId && (
        <Alert type="info" showIcon title={`Chỉ cơ quan thường trực của phong trào (${c.leadAgency.name}) được thay đổi phong trào này; bạn đang xem.`} />
      )}
      <Card
        size="small"
        title={
          <Space>
            <Tag color={c.status === 'DRAFT' ? 'default' : c.status === 'PUBLISHED' ? 'green' : 'purple'}>{campaignStatusLabels[c.status]}</Tag>
            {c.publishedAt && <Typography.Text type="secondary">công bố {formatDateTime(c.publishedAt)}</Typography.Text>}
          </Space>
        }
        extra={
          <Space wrap>
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              Sửa thông tin
            </Button>
            {c.status === 'DRAFT' && (
              <Button type="primary" icon={<SendOutlined />} onClick={onPublish}>
                Công bố phong trào
              </Button>
            )}
            {c.status !== 'DRAFT' && (
              <>
                <Link to={`/dieu-hanh/dang-ky?phongTrao=${encodeURIComponent(c.code)}`}>
                  <SolutionOutlined /> Đăng ký thi đua
                </Link>
                <Link to={`/phong-trao/${encodeURIComponent(c.code)}`}>
                  <GlobalOutlined /> Xem trang công khai
                </Link>
              </>
            )}
          </Space>
        }
      >
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
          <Descriptions.Item label="Cơ quan ban hành">{c.issuerTitle}</Descriptions.Item>
          <Descriptions.Item label="Văn bản phát động">{c.document ? doc(c.document) : 'Chưa ghi'}</Descriptions.Item>
          <Descriptions.Item label="Thời gian">
            {formatDate(c.startDate)} – {formatDate(c.endDate)}
          </Descriptions.Item>
          <Descriptions.Item label="Địa bàn">{c.jurisdiction.name}</Descriptions.Item>
          <Descriptions.Item label="Cơ quan thường trực">{c.leadAgency.name}</Descriptions.Item>
          <Descriptions.Item label="Cơ quan thẩm định khen thưởng">{c.appraisingAgency.name}</Descriptions.Item>
          <Descriptions.Item label="Đơn vị bắt buộc tham gia" span={2}>
            {c.expectedUnitKinds.map((k) => orgUnitKindLabels[k]).join(', ')}
          </Descriptions.Item>
          <Descriptions.Item label="Căn cứ pháp lý" span={2}>
            {c.legalBasis.length ? (
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {c.legalBasis.map((b, i) => (
                  <li key={`${b.number}-${i}`}>{doc(b)}</li>
                ))}
              </ul>
            ) : (
              'Chưa ghi'
            )}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <PhasesCard campaign={c} />
      <MilestonesCard campaign={c} />
      <ReportTemplateCard key={`mau-${c.unitReportTemplate?.version ?? 0}`} campaign={c} />
      <FrameworksCard key={`bo-${(c.frameworks ?? []).map((f) => f.id).join(',')}`} campaign={c} />
      <CampaignFormDrawer open={editing} onClose={() => setEditing(false)} campaign={c} />
    </Space>
  );
}
