import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { App, Button, Card, Descriptions, Empty, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { CertificateListQuery, DecisionDocumentQuery, DecisionQuery, type Decision } from '../../../features/decision/decision-data';
import { ExportButton } from '../../../layout/export-button';
import { QueryErrors } from '../../../layout/query-state';
import { toUserMessage } from '../../../lib/errors';
import { saveBase64File } from '../../../lib/files';
import { formatDate, formatMoney } from '../../../lib/format';
import { HomeAffairsNav } from '../home-affairs-nav';
import { PUBLIC_AWARDEES_PATH } from './public-path';

type AwardRow = Decision['awards'][number];

/** A recorded decision: its awardees and amounts, the Quyết định (Word) and the certificate list (Excel). */
export function DecisionPage() {
  const { id = '' } = useParams();
  const client = useApolloClient();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<'document' | 'certificates' | null>(null);
  const { data, loading, error } = useQuery(DecisionQuery, { variables: { id } });
  const d = data?.awardDecision;

  const download = async (what: 'document' | 'certificates') => {
    setBusy(what);
    try {
      if (what === 'document') {
        const { data: r } = await client.query({ query: DecisionDocumentQuery, variables: { id }, fetchPolicy: 'no-cache' });
        if (r?.awardDecision) saveBase64File(r.awardDecision.document);
      } else {
        const { data: r } = await client.query({ query: CertificateListQuery, variables: { id }, fetchPolicy: 'no-cache' });
        if (r?.awardDecision) saveBase64File(r.awardDecision.certificateList);
      }
    } catch (err) {
      message.error(toUserMessage(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <HomeAffairsNav />
      <Typography.Title level={2} style={{ margin: 0 }}>
        {d ? `Quyết định khen thưởng số ${d.number}` : 'Quyết định khen thưởng'}
      </Typography.Title>
      <QueryErrors error={error} />
      {!loading && !error && !d && <Empty description="Không tìm thấy quyết định này." />}
      {d && (
        <>
          <Card size="small" loading={loading}>
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2 }}
              items={[
                { key: 'number', label: 'Số, ký hiệu', children: d.number },
                { key: 'date', label: 'Ngày', children: formatDate(d.date) },
                { key: 'signer', label: 'Người ký', children: `${d.signerTitle} ${d.signer}` },
                { key: 'campaign', label: 'Phong trào', children: d.form?.campaign.name ?? '—' },
                { key: 'form', label: 'Hình thức', children: d.form?.name ?? '—' },
                { key: 'occasion', label: 'Đợt khen thưởng', children: d.occasion?.name ?? '—' },
                {
                  key: 'total',
                  label: 'Tổng tiền thưởng',
                  children: (
                    <Space>
                      <strong>{formatMoney(d.totalBonus)}</strong>
                      {d.fundExceeded && <Tag color="orange">Vượt quỹ, Nội vụ đã xác nhận</Tag>}
                    </Space>
                  ),
                },
              ]}
            />
            <Space wrap style={{ marginTop: 12 }}>
              <Button icon={<FileWordOutlined />} loading={busy === 'document'} onClick={() => void download('document')}>
                Tải Quyết định (Word)
              </Button>
              <Button icon={<FileExcelOutlined />} loading={busy === 'certificates'} onClick={() => void download('certificates')}>
                Tải danh sách in bằng, giấy khen
              </Button>
              <ExportButton<AwardRow>
                fileName={`quyet-dinh-${d.number.replace(/[^\p{L}\p{N}]+/gu, '-')}`}
                sheetName="Danh sách"
                title={`Danh sách khen thưởng theo Quyết định số ${d.number} ngày ${formatDate(d.date)}`}
                rows={d.awards}
                columns={[
                  { header: 'Tập thể, cá nhân', value: (a) => a.awardeeName, width: 36 },
                  { header: 'Tập thể / cá nhân', value: (a) => (a.collective ? 'Tập thể' : 'Cá nhân'), width: 14 },
                  { header: 'Đơn vị', value: (a) => a.awardeeUnitName ?? a.candidateUnit?.name ?? '', width: 36 },
                  { header: 'Tiền thưởng (đồng)', value: (a) => a.bonusAmount ?? null, width: 18, numFmt: '#,##0' },
                ]}
              />
              {d.form && (
                <Link to={`${PUBLIC_AWARDEES_PATH}?phongTrao=${encodeURIComponent(d.form.campaign.code)}${d.occasion ? `&dot=${d.occasion.id}` : ''}`}>Xem trên danh sách công khai</Link>
              )}
            </Space>
          </Card>
          <Table<AwardRow>
            rowKey="id"
            dataSource={d.awards}
            pagination={{ defaultPageSize: 50, hideOnSinglePage: true, showTotal: (n) => `${n} tập thể, cá nhân` }}
            columns={[
              { title: 'Tập thể, cá nhân', render: (_, a) => a.awardeeName },
              { title: 'Tập thể / cá nhân', width: 140, render: (_, a) => (a.collective ? 'Tập thể' : 'Cá nhân') },
              { title: 'Đơn vị', render: (_, a) => a.awardeeUnitName ?? a.candidateUnit?.name ?? '—' },
              { title: 'Tiền thưởng', align: 'right', render: (_, a) => formatMoney(a.bonusAmount) },
            ]}
          />
        </>
      )}
    </Space>
  );
}
