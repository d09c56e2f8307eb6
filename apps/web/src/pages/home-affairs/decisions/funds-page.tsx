import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Button, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { campaignYears } from '../../../features/campaign/use-campaigns';
import { AwardCampaignPicker, useAwardCampaign } from '../../../features/decision/award-campaign';
import { BonusRatesQuery, RewardFundsQuery, type BaseSalary, type BonusRate, type RewardFund } from '../../../features/decision/decision-data';
import { BaseSalaryModal, BonusRateModal, RewardFundModal } from '../../../features/decision/fund-modals';
import { authorityLabels, candidateKindLabels, formKindLabels } from '../../../i18n/labels';
import { ExportButton } from '../../../layout/export-button';
import { QueryErrors } from '../../../layout/query-state';
import { formatDate, formatMoney, formatNumber, todayIso } from '../../../lib/format';
import { HomeAffairsNav } from '../home-affairs-nav';

/** Reward funds per year and occasion; the base salaries and the decrees' bonus multipliers that price each award. */
export function FundsPage() {
  const award = useAwardCampaign();
  const { campaign } = award;
  const funds = useQuery(RewardFundsQuery, { variables: { campaignId: campaign?.id ?? '' }, skip: !campaign });
  const rates = useQuery(BonusRatesQuery);
  const [fundModal, setFundModal] = useState<{ editing: RewardFund | null } | null>(null);
  const [salaryOpen, setSalaryOpen] = useState(false);
  const [rateModal, setRateModal] = useState<{ editing: BonusRate | null } | null>(null);
  const fundRows = [...(funds.data?.rewardFunds ?? [])].sort((a, b) => b.year - a.year || (a.occasion ? 1 : 0) - (b.occasion ? 1 : 0));
  const salaries = [...(rates.data?.baseSalaries ?? [])].sort((a, b) => b.validFrom.localeCompare(a.validFrom));
  const instruments = rates.data?.legalInstruments ?? [];
  const instrumentName = (code: string) => instruments.find((i) => i.code === code)?.number ?? code;
  const instrumentFrom = (code: string) => instruments.find((i) => i.code === code)?.validFrom ?? '';
  const today = todayIso();
  const inForce = (code: string) => {
    const i = instruments.find((x) => x.code === code);
    return !!i && i.validFrom <= today && (!i.validTo || i.validTo > today);
  };
  // The decree in force first, then the older ones; within one, as the decree lists them.
  const rateRows = [...(rates.data?.bonusRates ?? [])].sort(
    (a, b) => instrumentFrom(b.instrumentCode).localeCompare(instrumentFrom(a.instrumentCode)) || a.formKind.localeCompare(b.formKind) || a.authority.localeCompare(b.authority) || a.candidateKind.localeCompare(b.candidateKind),
  );
  const fullCampaign = award.campaigns.find((c) => c.id === campaign?.id);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <HomeAffairsNav />
      <Typography.Title level={2} style={{ margin: 0 }}>
        Quỹ khen thưởng và mức thưởng
      </Typography.Title>

      <Card
        size="small"
        title="Quỹ khen thưởng của phong trào"
        extra={
          <Space wrap>
            <Button type="primary" icon={<PlusOutlined />} disabled={!campaign} onClick={() => setFundModal({ editing: null })}>
              Đặt quỹ
            </Button>
            <ExportButton<RewardFund>
              fileName={`quy-khen-thuong-${campaign?.code ?? ''}`}
              sheetName="Quỹ khen thưởng"
              title={`Quỹ khen thưởng — ${campaign?.name ?? ''}`}
              rows={fundRows}
              columns={[
                { header: 'Năm', value: (f) => f.year, width: 8 },
                { header: 'Đợt khen thưởng', value: (f) => f.occasion?.name ?? 'Cả năm', width: 30 },
                { header: 'Nguồn kinh phí, căn cứ', value: (f) => f.source, width: 50 },
                { header: 'Số tiền (đồng)', value: (f) => f.amount, width: 18, numFmt: '#,##0' },
                { header: 'Đã dùng (đồng)', value: (f) => f.used, width: 18, numFmt: '#,##0' },
                { header: 'Còn lại (đồng)', value: (f) => f.remaining, width: 18, numFmt: '#,##0' },
              ]}
            />
          </Space>
        }
      >
        <Space style={{ marginBottom: 12 }} wrap>
          <AwardCampaignPicker award={award} occasion="none" />
        </Space>
        <QueryErrors error={award.error ?? funds.error} />
        <Table<RewardFund>
          rowKey="id"
          size="small"
          loading={funds.loading}
          dataSource={fundRows}
          pagination={{ defaultPageSize: 10, hideOnSinglePage: true, showTotal: (n) => `${n} quỹ` }}
          locale={{ emptyText: <Empty description="Chưa đặt quỹ khen thưởng nào cho phong trào này." /> }}
          columns={[
            { title: 'Năm', width: 80, render: (_, f) => f.year },
            { title: 'Đợt', render: (_, f) => f.occasion?.name ?? 'Cả năm' },
            { title: 'Nguồn kinh phí, căn cứ', render: (_, f) => f.source },
            { title: 'Số tiền', align: 'right', render: (_, f) => formatMoney(f.amount) },
            { title: 'Đã dùng', align: 'right', render: (_, f) => formatMoney(f.used) },
            { title: 'Còn lại', align: 'right', render: (_, f) => <Typography.Text type={f.remaining < 0 ? 'danger' : undefined}>{formatMoney(f.remaining)}</Typography.Text> },
            {
              title: '',
              width: 90,
              render: (_, f) => (
                <Button size="small" icon={<EditOutlined />} onClick={() => setFundModal({ editing: f })}>
                  Sửa
                </Button>
              ),
            },
          ]}
        />
      </Card>

      <Card
        size="small"
        title="Mức lương cơ sở"
        extra={
          <Space wrap>
            <Button icon={<PlusOutlined />} onClick={() => setSalaryOpen(true)}>
              Thêm mức lương cơ sở
            </Button>
            <ExportButton<BaseSalary>
              fileName="muc-luong-co-so"
              sheetName="Lương cơ sở"
              title="Mức lương cơ sở dùng tính tiền thưởng"
              rows={salaries}
              columns={[
                { header: 'Áp dụng từ ngày', value: (s) => new Date(`${s.validFrom}T00:00:00`), width: 16, numFmt: 'dd/mm/yyyy' },
                { header: 'Mức lương cơ sở (đồng)', value: (s) => s.amount, width: 20, numFmt: '#,##0' },
                { header: 'Căn cứ pháp lý', value: (s) => s.legalBasis, width: 50 },
              ]}
            />
          </Space>
        }
      >
        <QueryErrors error={rates.error} />
        <Table<BaseSalary>
          rowKey="validFrom"
          size="small"
          loading={rates.loading}
          dataSource={salaries}
          pagination={{ defaultPageSize: 10, hideOnSinglePage: true }}
          columns={[
            { title: 'Áp dụng từ ngày', width: 160, render: (_, s) => formatDate(s.validFrom) },
            { title: 'Mức lương cơ sở', align: 'right', width: 200, render: (_, s) => formatMoney(s.amount) },
            { title: 'Căn cứ pháp lý', render: (_, s) => s.legalBasis },
          ]}
        />
      </Card>

      <Card
        size="small"
        title="Hệ số tiền thưởng theo nghị định"
        extra={
          <Space wrap>
            <Button icon={<PlusOutlined />} onClick={() => setRateModal({ editing: null })}>
              Thêm hệ số
            </Button>
            <ExportButton<BonusRate>
              fileName="he-so-tien-thuong"
              sheetName="Hệ số tiền thưởng"
              title="Hệ số tiền thưởng (lần mức lương cơ sở) theo nghị định"
              rows={rateRows}
              columns={[
                { header: 'Nghị định', value: (r) => instrumentName(r.instrumentCode), width: 22 },
                { header: 'Loại hình thức', value: (r) => formKindLabels[r.formKind], width: 22 },
                { header: 'Cấp khen', value: (r) => authorityLabels[r.authority], width: 26 },
                { header: 'Đối tượng', value: (r) => candidateKindLabels[r.candidateKind], width: 12 },
                { header: 'Hệ số', value: (r) => r.multiplier, width: 10, numFmt: '0.0#' },
                { header: 'Ghi chú', value: (r) => r.note ?? '', width: 36 },
              ]}
            />
          </Space>
        }
      >
        <Table<BonusRate>
          rowKey={(r) => `${r.instrumentCode}|${r.formKind}|${r.authority}|${r.candidateKind}`}
          size="small"
          loading={rates.loading}
          dataSource={rateRows}
          pagination={{ defaultPageSize: 20, hideOnSinglePage: true, showTotal: (n) => `${n} hệ số` }}
          columns={[
            {
              title: 'Nghị định',
              width: 150,
              render: (_, r) => (
                <Space orientation="vertical" size={0}>
                  <span>{instrumentName(r.instrumentCode)}</span>
                  {inForce(r.instrumentCode) && <Tag color="green">Đang có hiệu lực</Tag>}
                </Space>
              ),
            },
            { title: 'Loại hình thức', render: (_, r) => formKindLabels[r.formKind] },
            { title: 'Cấp khen', render: (_, r) => authorityLabels[r.authority] },
            { title: 'Đối tượng', render: (_, r) => candidateKindLabels[r.candidateKind] },
            { title: 'Hệ số', align: 'right', render: (_, r) => formatNumber(r.multiplier) },
            { title: 'Ghi chú', render: (_, r) => r.note ?? '' },
            {
              title: '',
              width: 90,
              render: (_, r) => (
                <Button size="small" icon={<EditOutlined />} onClick={() => setRateModal({ editing: r })}>
                  Sửa
                </Button>
              ),
            },
          ]}
        />
      </Card>

      {campaign && (
        <RewardFundModal
          open={!!fundModal}
          onClose={() => setFundModal(null)}
          campaign={campaign}
          years={campaignYears(fullCampaign)}
          occasions={award.occasions}
          editing={fundModal?.editing ?? null}
        />
      )}
      <BaseSalaryModal open={salaryOpen} onClose={() => setSalaryOpen(false)} />
      <BonusRateModal open={!!rateModal} onClose={() => setRateModal(null)} editing={rateModal?.editing ?? null} instruments={instruments} />
    </Space>
  );
}
