import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { Alert, App, Button, Card, Progress, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { graphql } from '../../gql';
import { ExportButton } from '../../layout/export-button';
import { toUserMessage } from '../../lib/errors';
import { fileToBase64, saveBase64File } from '../../lib/files';
import { formatNumber } from '../../lib/format';
import { spreads } from '../../lib/graphql-runtime';
import { AssessmentFields } from './assessment-fragments';

spreads(AssessmentFields);

const SheetQuery = graphql(`
  query UnitAssessmentSheet($id: ID!) {
    assessment(id: $id) {
      id
      sheet {
        name
        mimeType
        base64
      }
    }
  }
`);

const ImportSheet = graphql(`
  mutation UnitImportSelfAssessment($id: ID!, $base64: String!) {
    importSelfAssessment(assessmentId: $id, base64: $base64) {
      ok
      errors {
        row
        message
      }
      assessment {
        ...AssessmentFields
      }
    }
  }
`);

interface RowProblem {
  key: number;
  row: number | null;
  message: string;
}

type Outcome = { ok: true; fileName: string; total: number; max: number } | { ok: false; fileName: string; errors: RowProblem[] };

/** Base64 grows a file by a third; the graph takes requests up to 1 MiB. */
const MAX_SHEET_BYTES = 1_000_000;

/**
 * The Excel way: download the unit's sheet (its indicators, what is already filled in), fill it in Excel, upload it
 * back. Every wrong row is listed with its row number and nothing is written until every row is right.
 */
export function SheetImport({ assessmentId, unitName, year }: { assessmentId: string; unitName: string; year: number }) {
  const client = useApolloClient();
  const { message } = App.useApp();
  const [downloading, setDownloading] = useState(false);
  const [stage, setStage] = useState<{ percent: number; text: string } | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [importSheet] = useMutation(ImportSheet);

  const download = async () => {
    setDownloading(true);
    try {
      const { data, error } = await client.query({ query: SheetQuery, variables: { id: assessmentId }, fetchPolicy: 'network-only' });
      if (!data?.assessment) throw error ?? new Error('no sheet');
      saveBase64File(data.assessment.sheet);
    } catch (err) {
      message.error(`Không tải được phiếu Excel: ${toUserMessage(err)}`);
    } finally {
      setDownloading(false);
    }
  };

  const upload = async (file: File) => {
    setOutcome(null);
    if (file.size > MAX_SHEET_BYTES) {
      setOutcome({ ok: false, fileName: file.name, errors: [{ key: 0, row: null, message: 'Tệp lớn hơn 1 MB; hãy dùng đúng phiếu tải từ hệ thống.' }] });
      return;
    }
    try {
      setStage({ percent: 20, text: 'Đang đọc tệp…' });
      const base64 = await fileToBase64(file);
      setStage({ percent: 55, text: 'Đang gửi và kiểm tra từng dòng…' });
      const res = await importSheet({ variables: { id: assessmentId, base64 } });
      const r = res.data?.importSelfAssessment;
      setStage({ percent: 100, text: 'Đã kiểm tra xong.' });
      if (r?.ok && r.assessment) setOutcome({ ok: true, fileName: file.name, total: r.assessment.selfTotal, max: r.assessment.maxPoints });
      else setOutcome({ ok: false, fileName: file.name, errors: (r?.errors ?? []).map((e, i) => ({ key: i, row: e.row ?? null, message: e.message })) });
    } catch (err) {
      setOutcome({ ok: false, fileName: file.name, errors: [{ key: 0, row: null, message: toUserMessage(err) }] });
    } finally {
      setStage(null);
    }
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title="Bước 1. Tải phiếu tự đánh giá về máy">
        <Typography.Paragraph>
          Phiếu Excel có đủ các chỉ số áp dụng cho đơn vị và những gì đã nhập trên trang. Nhập số liệu vào các ô nền vàng; không sửa các cột «Mã», «Mã phiếu» và
          «Phiên bản».
        </Typography.Paragraph>
        <Button icon={<DownloadOutlined />} onClick={() => void download()} loading={downloading}>
          Tải phiếu Excel
        </Button>
      </Card>
      <Card title="Bước 2. Tải lên phiếu đã điền">
        <Typography.Paragraph type="secondary">
          Nếu sau khi tải phiếu về, phiếu đã được sửa trên trang này (hoặc người khác đã lưu), hệ thống sẽ không nhận tệp cũ: hãy tải phiếu mới rồi điền lại.
        </Typography.Paragraph>
        <Upload.Dragger
          accept=".xlsx"
          showUploadList={false}
          disabled={stage !== null}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p>Bấm để chọn hoặc kéo thả tệp Excel (.xlsx) đã điền vào đây</p>
        </Upload.Dragger>
        {stage && (
          <div style={{ marginTop: 16 }}>
            <Typography.Text>{stage.text}</Typography.Text>
            <Progress percent={stage.percent} status="active" />
          </div>
        )}
        {outcome?.ok === true && (
          <Alert
            type="success"
            showIcon
            style={{ marginTop: 16 }}
            title={`Đã nhập phiếu từ tệp «${outcome.fileName}».`}
            description={`Tổng điểm tự chấm hiện nay: ${formatNumber(outcome.total)}/${formatNumber(outcome.max)} điểm.`}
          />
        )}
        {outcome?.ok === false && (
          <div style={{ marginTop: 16 }}>
            <Alert
              type="error"
              showIcon
              title={`Tệp «${outcome.fileName}» có ${outcome.errors.length} lỗi; chưa có số liệu nào được ghi vào phiếu.`}
              description="Sửa các dòng dưới đây trong tệp Excel rồi tải lên lại."
              style={{ marginBottom: 12 }}
            />
            <Table
              size="small"
              rowKey="key"
              dataSource={outcome.errors}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              columns={[
                { title: 'Dòng', width: 80, render: (_, e) => e.row ?? 'Cả tệp' },
                { title: 'Lỗi', dataIndex: 'message' },
              ]}
              footer={() => (
                <ExportButton
                  fileName={`loi-phieu-tu-danh-gia-${year}`}
                  sheetName="Lỗi"
                  title={`Lỗi khi nhập phiếu tự đánh giá năm ${year} của ${unitName}`}
                  rows={outcome.errors}
                  columns={[
                    { header: 'Dòng', value: (e) => e.row ?? 'Cả tệp', width: 10 },
                    { header: 'Lỗi', value: (e) => e.message, width: 100 },
                  ]}
                />
              )}
            />
          </div>
        )}
      </Card>
    </Space>
  );
}
