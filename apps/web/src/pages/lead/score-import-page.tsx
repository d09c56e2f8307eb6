import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Card, Col, Empty, Progress, Radio, Row, Space, Table, Tag, Typography, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { StatCard } from '../../features/dashboard/stat-card';
import { ScoreImportsQuery, ScoreImportStateQuery, StartScoreImportMutation, type ScoreImportProblem } from '../../features/score-import/score-import-data';
import type { ScoreImportKind } from '../../gql/graphql';
import { scoreImportErrorLabels, scoreImportKindLabels, scoreImportStatusLabels } from '../../i18n/labels';
import { ExportButton } from '../../layout/export-button';
import { QueryErrors } from '../../layout/query-state';
import { toUserMessage } from '../../lib/errors';
import { useImportProgress } from '../../lib/use-import-progress';
import { downloadFile, uploadFile } from '../../lib/files';
import { formatDateTime, formatInteger } from '../../lib/format';
import { CampaignYearPicker, useLeadCampaign } from './lead-campaign';
import { LeadNav } from './lead-nav';

const STATUS_COLORS = { QUEUED: 'default', RUNNING: 'processing', DONE: 'success', FAILED: 'error' } as const;

const errorLabel = (code: string) => scoreImportErrorLabels[code] ?? 'Dữ liệu không hợp lệ';

/**
 * "Nhập điểm hàng loạt": every unit's self-assessment or verified scores of a year from one workbook (a row per unit
 * × indicator), imported in the background; units with a wrong row are left out whole and listed with their errors.
 */
export function ScoreImportPage() {
  const lead = useLeadCampaign();
  const { campaign, year } = lead;
  const { message } = App.useApp();
  const [kind, setKind] = useState<ScoreImportKind>('SELF_ASSESSMENT');
  const [downloading, setDownloading] = useState(false);
  const [sending, setSending] = useState<number | null>(null);
  const [currentId, setCurrentId] = useState<string | null>(null);
  const [start] = useMutation(StartScoreImportMutation);
  const list = useQuery(ScoreImportsQuery, { variables: { campaignId: campaign?.id ?? '', year: year ?? null }, skip: !campaign || !year });
  const latestId = currentId ?? list.data?.scoreImports[0]?.id ?? null;
  const state = useQuery(ScoreImportStateQuery, { variables: { id: latestId ?? '' }, skip: !latestId });
  const current = state.data?.scoreImport ?? null;
  // The import runs in the background: its progress is asked every second until it is done.
  const running = useImportProgress(state, current?.status, list.refetch);

  const download = async () => {
    if (!campaign || !year) return;
    setDownloading(true);
    try {
      // A file download, not a GraphQL answer: a province's template (10,000 units) is some 19 MB and takes a while.
      const params = new URLSearchParams({ campaignId: campaign.id, year: String(year), kind });
      await downloadFile(`/score-imports/template?${params.toString()}`, `Nhap-diem-${year}.xlsx`);
    } catch (err) {
      message.error(`Không tải được bảng mẫu: ${toUserMessage(err)}`);
    } finally {
      setDownloading(false);
    }
  };

  const send = async (file: File) => {
    if (!campaign || !year) return;
    try {
      setSending(0);
      // The workbook or the .zip of the units' sheets goes to /files first (checked by its content there), then by its id.
      const source = { fileId: (await uploadFile(file, (p) => setSending(p))).id, fileName: file.name };
      const res = await start({ variables: { campaignId: campaign.id, year, kind, ...source } });
      const id = res.data?.startScoreImport.id ?? null;
      setCurrentId(id);
      void list.refetch();
      message.success('Đã nhận tệp; hệ thống đang nhập điểm.');
    } catch (err) {
      message.error(err instanceof Error && !('graphQLErrors' in err) && /[À-ỹ]/.test(err.message) ? err.message : `Không gửi được tệp: ${toUserMessage(err)}`);
    } finally {
      setSending(null);
    }
  };

  const problems = current?.errors ?? [];
  const columns: ColumnsType<ScoreImportProblem> = [
    { title: 'Đơn vị', width: 220, render: (_, e) => e.unitName ?? <Typography.Text type="secondary">(cả tệp)</Typography.Text> },
    { title: 'Trang', width: 150, render: (_, e) => e.sheet ?? '—' },
    { title: 'Dòng', width: 70, align: 'right', render: (_, e) => e.row ?? '—' },
    { title: 'Cột', width: 140, render: (_, e) => e.column ?? '—' },
    { title: 'Loại lỗi', width: 200, render: (_, e) => <Tag color="error">{errorLabel(e.code)}</Tag> },
    { title: 'Mô tả', render: (_, e) => e.message },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <LeadNav />
      <Typography.Title level={2} style={{ margin: 0 }}>
        Nhập điểm hàng loạt
      </Typography.Title>
      <Card size="small">
        <Space wrap>
          <CampaignYearPicker lead={lead} />
          <Radio.Group
            value={kind}
            onChange={(e) => setKind(e.target.value as ScoreImportKind)}
            optionType="button"
            options={(['SELF_ASSESSMENT', 'VERIFIED'] as const).map((k) => ({ value: k, label: scoreImportKindLabels[k] }))}
          />
        </Space>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title="Bước 1. Tải bảng mẫu" style={{ height: '100%' }}>
            <Typography.Paragraph>
              Bảng mẫu có một trang, mỗi dòng là một chỉ số của một đơn vị, đã điền sẵn các đơn vị {kind === 'VERIFIED' ? 'đã nộp phiếu chờ thẩm định' : 'đang tự đánh giá'} và các chỉ số áp
              dụng cho từng đơn vị. Có thể lọc theo đơn vị hoặc theo chỉ số; chỉ nhập vào các ô nền vàng, không sửa các cột «Mã phiếu», «Đơn vị», «Mã chỉ số». Dòng để trống được bỏ qua.
            </Typography.Paragraph>
            {kind === 'VERIFIED' && <Typography.Paragraph type="secondary">Điểm thẩm định khác điểm tự chấm phải ghi «Lý do điều chỉnh».</Typography.Paragraph>}
            <Button icon={<DownloadOutlined />} onClick={() => void download()} loading={downloading} disabled={!campaign || !year}>
              Tải bảng mẫu ({scoreImportKindLabels[kind].toLowerCase()})
            </Button>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="Bước 2. Tải lên tệp đã điền" style={{ height: '100%' }}>
            <Upload.Dragger
              accept=".xlsx,.zip"
              showUploadList={false}
              disabled={sending !== null || !campaign || !year}
              beforeUpload={(file) => {
                void send(file);
                return false;
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">Kéo thả hoặc bấm để chọn bảng nhập điểm (.xlsx)</p>
              <p className="ant-upload-hint">Với điểm tự đánh giá, cũng nhận tệp nén (.zip) gồm các phiếu tự đánh giá của từng đơn vị.</p>
            </Upload.Dragger>
            {sending !== null && <Progress percent={sending} size="small" />}
          </Card>
        </Col>
      </Row>
      <QueryErrors error={list.error ?? state.error} />
      <Card title="Bước 3. Kết quả nhập">
        {!current ? (
          <Empty description="Chưa có lượt nhập điểm nào cho năm này." />
        ) : (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Space wrap>
              <Typography.Text strong>{current.fileName}</Typography.Text>
              <Tag>{scoreImportKindLabels[current.kind]}</Tag>
              <Tag color={STATUS_COLORS[current.status]}>{scoreImportStatusLabels[current.status]}</Tag>
              <Typography.Text type="secondary">gửi lúc {formatDateTime(current.createdAt)}</Typography.Text>
            </Space>
            <Progress percent={current.progress} status={current.status === 'FAILED' ? 'exception' : running ? 'active' : 'success'} aria-label="Tiến độ nhập điểm" />
            {current.failure && <Alert type="error" showIcon message="Lượt nhập không hoàn thành do lỗi hệ thống; hãy gửi lại tệp." />}
            <Row gutter={[16, 16]}>
              <Col xs={12} md={6}>
                <StatCard title="Đơn vị trong tệp" value={formatInteger(current.unitsTotal)} />
              </Col>
              <Col xs={12} md={6}>
                <StatCard title="Đơn vị đã nhập" value={formatInteger(current.unitsImported)} />
              </Col>
              <Col xs={12} md={6}>
                <StatCard title="Đơn vị không nhập (có lỗi)" value={formatInteger(current.unitsRejected)} />
              </Col>
              <Col xs={12} md={6}>
                <StatCard title="Dòng đã nhập" value={`${formatInteger(current.rowsImported)} / ${formatInteger(current.rowsTotal)}`} />
              </Col>
            </Row>
            {!running && current.status === 'DONE' && !problems.length && <Alert type="success" showIcon message="Tất cả đơn vị trong tệp đã được nhập điểm." />}
            {problems.length > 0 && (
              <>
                <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
                  <Typography.Text>
                    {formatInteger(current.errorCount)} lỗi{current.errorCount > problems.length ? ` (hiển thị ${formatInteger(problems.length)} lỗi đầu)` : ''}. Đơn vị có lỗi không được ghi dòng
                    nào; sửa các dòng này rồi gửi lại tệp (các đơn vị đã nhập gửi lại không thay đổi).
                  </Typography.Text>
                  <ExportButton
                    fileName={`loi-nhap-diem-${campaign?.code ?? ''}-${year ?? ''}`}
                    sheetName="Lỗi nhập điểm"
                    title={`Lỗi khi nhập ${scoreImportKindLabels[current.kind].toLowerCase()} năm ${current.year} — tệp ${current.fileName}`}
                    rows={problems}
                    columns={[
                      { header: 'Đơn vị', value: (e) => e.unitName ?? '(cả tệp)', width: 36 },
                      { header: 'Trang', value: (e) => e.sheet ?? '', width: 20 },
                      { header: 'Dòng', value: (e) => e.row ?? null, width: 8 },
                      { header: 'Cột', value: (e) => e.column ?? '', width: 18 },
                      { header: 'Loại lỗi', value: (e) => errorLabel(e.code), width: 30 },
                      { header: 'Mô tả', value: (e) => e.message, width: 80 },
                    ]}
                  />
                </Space>
                <Table<ScoreImportProblem> size="small" rowKey={(e) => `${e.unitName}|${e.sheet}|${e.row}|${e.column}|${e.code}|${e.message}`} columns={columns} dataSource={problems} pagination={{ pageSize: 20 }} />
              </>
            )}
          </Space>
        )}
      </Card>
      {(list.data?.scoreImports.length ?? 0) > 1 && (
        <Card
          title="Các lượt nhập trước"
          size="small"
          extra={
            <ExportButton
              fileName={`cac-luot-nhap-diem-${campaign?.code ?? ''}-${year ?? ''}`}
              sheetName="Các lượt nhập điểm"
              title={`Các lượt nhập điểm năm ${year ?? ''} — ${campaign?.name ?? ''}`}
              rows={list.data?.scoreImports ?? []}
              columns={[
                { header: 'Thời điểm gửi', value: (r) => formatDateTime(r.createdAt), width: 18 },
                { header: 'Tệp', value: (r) => r.fileName, width: 36 },
                { header: 'Loại điểm', value: (r) => scoreImportKindLabels[r.kind], width: 20 },
                { header: 'Trạng thái', value: (r) => scoreImportStatusLabels[r.status], width: 16 },
                { header: 'Đơn vị trong tệp', value: (r) => r.unitsTotal, width: 12, numFmt: '#,##0' },
                { header: 'Đơn vị đã nhập', value: (r) => r.unitsImported, width: 12, numFmt: '#,##0' },
                { header: 'Đơn vị có lỗi', value: (r) => r.unitsRejected, width: 12, numFmt: '#,##0' },
                { header: 'Dòng đã nhập', value: (r) => r.rowsImported, width: 12, numFmt: '#,##0' },
                { header: 'Tổng số dòng', value: (r) => r.rowsTotal, width: 12, numFmt: '#,##0' },
                { header: 'Số lỗi', value: (r) => r.errorCount, width: 10, numFmt: '#,##0' },
                { header: 'Hoàn thành lúc', value: (r) => (r.finishedAt ? formatDateTime(r.finishedAt) : ''), width: 18 },
              ]}
            />
          }
        >
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={list.data?.scoreImports ?? []}
            onRow={(r) => ({ onClick: () => setCurrentId(r.id), style: { cursor: 'pointer' } })}
            columns={[
              { title: 'Thời điểm', width: 170, render: (_, r) => formatDateTime(r.createdAt) },
              { title: 'Tệp', render: (_, r) => r.fileName },
              { title: 'Loại điểm', width: 170, render: (_, r) => scoreImportKindLabels[r.kind] },
              { title: 'Trạng thái', width: 130, render: (_, r) => <Tag color={STATUS_COLORS[r.status]}>{scoreImportStatusLabels[r.status]}</Tag> },
              { title: 'Đã nhập / có lỗi', width: 150, render: (_, r) => `${formatInteger(r.unitsImported)} / ${formatInteger(r.unitsRejected)} đơn vị` },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}
