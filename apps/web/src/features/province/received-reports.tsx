// The reports cities sent this province's own thidua (POST /inbox/reports): who sent which report for which period,
// when it arrived, that its signature was checked, and its files to download.
import { FileExcelOutlined, FileTextOutlined, FileWordOutlined } from '@ant-design/icons';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { App, Button, Card, Empty, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { ReceivedReportsQuery as ReceivedReportsData, ReportKind } from '../../gql/graphql';
import { reportKindLabels } from '../../i18n/labels';
import { ExportButton } from '../../layout/export-button';
import { QueryErrors } from '../../layout/query-state';
import { toUserMessage } from '../../lib/errors';
import { saveBase64File } from '../../lib/files';
import { formatDateTime } from '../../lib/format';

export const ReceivedReportsQuery = graphql(`
  query ReceivedReports($year: Int) {
    receivedReports(year: $year) {
      id
      sender {
        code
        name
      }
      deliveryId
      reportName
      reportKind
      period
      receivedAt
      signatureVerified
      documents {
        name
        mimeType
      }
    }
  }
`);

export const ReceivedReportDocumentsQuery = graphql(`
  query ReceivedReportDocuments($id: ID!) {
    receivedReport(id: $id) {
      id
      documents {
        name
        mimeType
        base64
      }
    }
  }
`);

type Received = ReceivedReportsData['receivedReports'][number];

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const kindOf = (k: string) => reportKindLabels[k as ReportKind] ?? 'Báo cáo khác';
const iconOf = (mime: string) => (mime === XLSX_MIME ? <FileExcelOutlined /> : mime === DOCX_MIME ? <FileWordOutlined /> : <FileTextOutlined />);
const typeOf = (mime: string) => (mime === XLSX_MIME ? 'Excel' : mime === DOCX_MIME ? 'Word' : 'Tệp');

/**
 * «Báo cáo đã nhận»: the reports the cities sent to this province, each checked against its sender's shared key
 * when it arrived, newest first, of a year when one is given.
 */
export function ReceivedReports({ year }: { year?: number | null }) {
  const client = useApolloClient();
  const { message } = App.useApp();
  const { data, loading, error } = useQuery(ReceivedReportsQuery, { variables: { year: year ?? null }, fetchPolicy: 'cache-and-network' });
  const [downloading, setDownloading] = useState<string | null>(null);
  const rows = data?.receivedReports ?? [];

  const download = async (r: Received, index: number) => {
    setDownloading(`${r.id}-${index}`);
    try {
      const res = await client.query({ query: ReceivedReportDocumentsQuery, variables: { id: r.id }, fetchPolicy: 'no-cache' });
      const doc = res.data?.receivedReport?.documents[index];
      if (!doc) message.error('Không tìm thấy tệp của báo cáo này.');
      else saveBase64File(doc);
    } catch (err) {
      message.error(toUserMessage(err));
    } finally {
      setDownloading(null);
    }
  };

  const columns: ColumnsType<Received> = [
    { title: 'Đơn vị gửi', width: 220, render: (_, r) => r.sender.name },
    {
      title: 'Báo cáo',
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <span>{r.reportName}</span>
          <Typography.Text type="secondary">{kindOf(r.reportKind)}</Typography.Text>
        </Space>
      ),
    },
    { title: 'Kỳ', width: 90, render: (_, r) => `Năm ${r.period}` },
    { title: 'Nhận lúc', width: 160, render: (_, r) => formatDateTime(r.receivedAt) },
    {
      title: 'Chữ ký',
      width: 150,
      render: (_, r) =>
        r.signatureVerified ? (
          <Tooltip title="Chữ ký của nội dung đã được kiểm tra bằng khóa dùng chung với đơn vị gửi khi nhận.">
            <Tag color="green">Chữ ký hợp lệ</Tag>
          </Tooltip>
        ) : (
          <Tag color="red">Chưa kiểm tra chữ ký</Tag>
        ),
    },
    {
      title: 'Tệp',
      width: 220,
      render: (_, r) =>
        r.documents.length ? (
          <Space wrap size="small">
            {r.documents.map((d, i) => (
              <Button key={d.name} size="small" icon={iconOf(d.mimeType)} loading={downloading === `${r.id}-${i}`} onClick={() => void download(r, i)} aria-label={`Tải tệp ${typeOf(d.mimeType)} của ${r.reportName}`}>
                {typeOf(d.mimeType)}
              </Button>
            ))}
          </Space>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <Card
      size="small"
      title={year ? `Báo cáo đã nhận năm ${year}` : 'Báo cáo đã nhận'}
      extra={
        <ExportButton
          fileName={`bao-cao-da-nhan${year ? `-${year}` : ''}`}
          sheetName="Báo cáo đã nhận"
          title={year ? `Báo cáo các thành phố đã gửi tỉnh, năm ${year}` : 'Báo cáo các thành phố đã gửi tỉnh'}
          rows={rows}
          columns={[
            { header: 'STT', value: (r) => rows.indexOf(r) + 1, width: 6 },
            { header: 'Đơn vị gửi', value: (r) => r.sender.name, width: 36 },
            { header: 'Báo cáo', value: (r) => r.reportName, width: 48 },
            { header: 'Loại báo cáo', value: (r) => kindOf(r.reportKind), width: 22 },
            { header: 'Kỳ', value: (r) => `Năm ${r.period}`, width: 10 },
            { header: 'Nhận lúc', value: (r) => formatDateTime(r.receivedAt), width: 18 },
            { header: 'Chữ ký', value: (r) => (r.signatureVerified ? 'Chữ ký hợp lệ' : 'Chưa kiểm tra'), width: 16 },
            { header: 'Tệp', value: (r) => r.documents.map((d) => d.name).join('; '), width: 60 },
          ]}
        />
      }
    >
      <QueryErrors error={error} />
      <Table<Received>
        rowKey="id"
        size="small"
        loading={loading && !data}
        dataSource={rows}
        columns={columns}
        pagination={{ defaultPageSize: 10, hideOnSinglePage: true, showTotal: (n) => `${n} báo cáo` }}
        locale={{ emptyText: <Empty description={year ? `Chưa nhận được báo cáo nào của năm ${year} từ các thành phố.` : 'Chưa nhận được báo cáo nào từ các thành phố.'} /> }}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        Báo cáo do hệ thống của các thành phố gửi trực tiếp đến tỉnh. Mỗi báo cáo chỉ được nhận khi đơn vị gửi có trong danh sách được phép và chữ ký của nội dung khớp với khóa dùng chung; báo cáo gửi lại nhiều lần chỉ được lưu một lần.
      </Typography.Paragraph>
    </Card>
  );
}
