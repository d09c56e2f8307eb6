import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Card, Empty, Popconfirm, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { AcceptRegistrationMutation, RegistrationsAdminQuery, participantName, type AdminRegistration } from '../../features/campaign-admin/campaign-admin-data';
import { ReturnRegistrationModal } from '../../features/campaign-admin/return-registration-modal';
import type { RegistrationStatus } from '../../gql/graphql';
import { orgUnitKindLabels, registrationStatusLabels } from '../../i18n/labels';
import { ExportButton } from '../../layout/export-button';
import { QueryErrors } from '../../layout/query-state';
import { toUserMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { CampaignYearPicker, useLeadCampaign } from './lead-campaign';
import { LeadNav } from './lead-nav';

/** The statuses as the address names them (?tinhTrang=…). */
export const REGISTRATION_FILTERS: Array<{ status: RegistrationStatus; slug: string; color: string }> = [
  { status: 'SUBMITTED', slug: 'cho-tiep-nhan', color: 'gold' },
  { status: 'ACCEPTED', slug: 'da-tiep-nhan', color: 'green' },
  { status: 'RETURNED', slug: 'tra-lai', color: 'red' },
  { status: 'DRAFT', slug: 'ban-nhap', color: 'default' },
];

const colorOf = (s: RegistrationStatus) => REGISTRATION_FILTERS.find((f) => f.status === s)?.color ?? 'default';
const kindOf = (r: AdminRegistration) => (r.unit ? orgUnitKindLabels[r.unit.kind] : 'Cá nhân');

/** The registrations of a campaign: filter by status, accept, or return with a reason; Excel. */
export function RegistrationsPage() {
  const lead = useLeadCampaign();
  const { campaign } = lead;
  const { message } = App.useApp();
  const { data, loading, error } = useQuery(RegistrationsAdminQuery, { variables: { campaignId: campaign?.id ?? '' }, skip: !campaign });
  const [accept] = useMutation(AcceptRegistrationMutation, { refetchQueries: [RegistrationsAdminQuery] });
  const [returning, setReturning] = useState<AdminRegistration | null>(null);
  const slug = lead.params.get('tinhTrang');
  const filter = REGISTRATION_FILTERS.find((f) => f.slug === slug)?.status ?? null;
  const all = data?.registrations ?? [];
  const rows = all.filter((r) => !filter || r.status === filter);
  const count = (s: RegistrationStatus) => all.filter((r) => r.status === s).length;

  const onAccept = async (r: AdminRegistration) => {
    try {
      await accept({ variables: { id: r.id } });
      message.success(`Đã tiếp nhận đăng ký của ${participantName(r)}.`);
    } catch (err) {
      message.error(toUserMessage(err));
    }
  };

  const columns: ColumnsType<AdminRegistration> = [
    {
      title: 'Đơn vị, cá nhân',
      width: 260,
      sorter: (a, b) => participantName(a).localeCompare(participantName(b), 'vi'),
      render: (_, r) => (
        <Space orientation="vertical" size={2}>
          <span>{participantName(r)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {kindOf(r)}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: 'Nội dung cam kết',
      render: (_, r) => (
        <ol style={{ margin: 0, paddingLeft: 18 }}>
          {r.commitments.map((c, i) => (
            <li key={i}>{c}</li>
          ))}
        </ol>
      ),
    },
    { title: 'Ngày gửi', width: 150, sorter: (a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''), render: (_, r) => formatDateTime(r.submittedAt) },
    {
      title: 'Tình trạng',
      width: 220,
      render: (_, r) => (
        <Space orientation="vertical" size={2}>
          <Tag color={colorOf(r.status)}>{registrationStatusLabels[r.status]}</Tag>
          {r.status === 'RETURNED' && r.returnReason && (
            <Typography.Text type="danger" style={{ fontSize: 12 }}>
              Lý do: {r.returnReason}
            </Typography.Text>
          )}
          {r.decidedAt && r.status === 'ACCEPTED' && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              ngày {formatDateTime(r.decidedAt)}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: 'Xử lý',
      width: 210,
      render: (_, r) =>
        r.status === 'SUBMITTED' ? (
          <Space>
            <Popconfirm title={`Tiếp nhận đăng ký của ${participantName(r)}?`} okText="Tiếp nhận" cancelText="Không" onConfirm={() => onAccept(r)}>
              <Button size="small" type="primary" icon={<CheckOutlined />}>
                Tiếp nhận
              </Button>
            </Popconfirm>
            <Button size="small" danger icon={<RollbackOutlined />} onClick={() => setReturning(r)}>
              Trả lại
            </Button>
          </Space>
        ) : r.status === 'RETURNED' ? (
          <Typography.Text type="secondary">Chờ đơn vị sửa và gửi lại</Typography.Text>
        ) : r.status === 'DRAFT' ? (
          <Typography.Text type="secondary">Đơn vị chưa gửi</Typography.Text>
        ) : null,
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <LeadNav />
      <Typography.Title level={2} style={{ margin: 0 }}>
        Đăng ký thi đua
      </Typography.Title>
      <Card size="small">
        <Space wrap>
          <CampaignYearPicker lead={lead} withYear={false} />
          <ExportButton
            fileName={`dang-ky-thi-dua-${campaign?.code ?? ''}`}
            sheetName="Đăng ký thi đua"
            title={`Đăng ký thi đua — ${campaign?.name ?? ''}${filter ? ` (${registrationStatusLabels[filter]})` : ''}`}
            rows={rows}
            columns={[
              { header: 'Đơn vị, cá nhân', value: (r) => participantName(r), width: 36 },
              { header: 'Loại', value: (r) => kindOf(r), width: 18 },
              { header: 'Nội dung cam kết', value: (r) => r.commitments.map((c, i) => `${i + 1}. ${c}`).join('\n'), width: 70 },
              { header: 'Ngày gửi', value: (r) => formatDateTime(r.submittedAt), width: 18 },
              { header: 'Tình trạng', value: (r) => registrationStatusLabels[r.status], width: 22 },
              { header: 'Lý do trả lại', value: (r) => (r.status === 'RETURNED' ? (r.returnReason ?? '') : ''), width: 40 },
            ]}
          />
        </Space>
      </Card>
      <QueryErrors error={lead.error ?? error} />
      <Segmented
        aria-label="Lọc theo tình trạng"
        value={filter ?? 'ALL'}
        onChange={(v) => lead.set({ tinhTrang: v === 'ALL' ? null : REGISTRATION_FILTERS.find((f) => f.status === v)?.slug })}
        options={[
          { value: 'ALL', label: `Tất cả (${all.length})` },
          ...REGISTRATION_FILTERS.map((f) => ({ value: f.status, label: `${registrationStatusLabels[f.status]} (${count(f.status)})` })),
        ]}
      />
      <Table<AdminRegistration>
        rowKey="id"
        loading={(loading && !data) || lead.loading}
        dataSource={rows}
        columns={columns}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50, 100], showTotal: (n) => `${n} đăng ký`, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={filter ? `Không có đăng ký nào ở tình trạng «${registrationStatusLabels[filter]}».` : 'Phong trào chưa nhận đăng ký nào.'} /> }}
      />
      <ReturnRegistrationModal registration={returning} onClose={() => setReturning(null)} />
    </Space>
  );
}
