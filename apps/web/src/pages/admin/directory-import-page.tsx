import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Card, Col, Empty, Progress, Row, Space, Table, Tag, Typography, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { StatCard } from '../../features/dashboard/stat-card';
import { DirectoryImportsQuery, DirectoryImportStateQuery, DirectoryImportTemplateQuery, StartDirectoryImportMutation, type DirectoryImportProblem } from '../../features/directory-import/directory-import-data';
import { directoryImportErrorLabels, directoryImportStatusLabels } from '../../i18n/labels';
import { ExportButton } from '../../layout/export-button';
import { QueryErrors } from '../../layout/query-state';
import { toUserMessage } from '../../lib/errors';
import { useImportProgress } from '../../lib/use-import-progress';
import { saveBase64File, uploadFile } from '../../lib/files';
import { formatDateTime, formatInteger } from '../../lib/format';
import { useSession } from '../../lib/session';
import { AdminNav } from './admin-nav';

const STATUS_COLORS = { QUEUED: 'default', RUNNING: 'processing', DONE: 'success', FAILED: 'error' } as const;

const errorLabel = (code: string) => directoryImportErrorLabels[code] ?? 'Dữ liệu không hợp lệ';

/**
 * "Nhập danh bạ đơn vị" (Nội vụ, quản trị): units, people and registrations from one workbook, imported in the
 * background; one wrong row and nothing changes, every error listed by sheet, row and column.
 */
export function DirectoryImportPage() {
  const { session } = useSession();
  const client = useApolloClient();
  const { message } = App.useApp();
  const [downloading, setDownloading] = useState(false);
  const [sending, setSending] = useState<number | null>(null);
  const [currentId, setCurrentId] = useState<string | null>(null);
  const [start] = useMutation(StartDirectoryImportMutation);
  const list = useQuery(DirectoryImportsQuery);
  const latestId = currentId ?? list.data?.directoryImports[0]?.id ?? null;
  const state = useQuery(DirectoryImportStateQuery, { variables: { id: latestId ?? '' }, skip: !latestId });
  const current = state.data?.directoryImport ?? null;
  // The import runs in the background: its progress is asked every second until it is done.
  const running = useImportProgress(state, current?.status, list.refetch);

  const download = async () => {
    setDownloading(true);
    try {
      const { data, error } = await client.query({ query: DirectoryImportTemplateQuery, fetchPolicy: 'network-only' });
      if (!data?.directoryImportTemplate) throw error ?? new Error('no template');
      saveBase64File(data.directoryImportTemplate);
    } catch (err) {
      message.error(`Không tải được tệp mẫu: ${toUserMessage(err)}`);
    } finally {
      setDownloading(false);
    }
  };

  const send = async (file: File) => {
    try {
      setSending(0);
      const uploaded = await uploadFile(file, (p) => setSending(p));
      const res = await start({ variables: { fileId: uploaded.id, fileName: file.name } });
      setCurrentId(res.data?.startDirectoryImport.id ?? null);
      void list.refetch();
      message.success('Đã nhận tệp; hệ thống đang nhập danh bạ.');
    } catch (err) {
      message.error(`Không gửi được tệp: ${toUserMessage(err)}`);
    } finally {
      setSending(null);
    }
  };

  const problems = current?.errors ?? [];
  const columns: ColumnsType<DirectoryImportProblem> = [
    { title: 'Trang', width: 120, render: (_, e) => e.sheet ?? <Typography.Text type="secondary">(cả tệp)</Typography.Text> },
    { title: 'Dòng', width: 70, align: 'right', render: (_, e) => e.row ?? '—' },
    { title: 'Cột', width: 170, render: (_, e) => e.column ?? '—' },
    { title: 'Loại lỗi', width: 220, render: (_, e) => <Tag color="error">{errorLabel(e.code)}</Tag> },
    { title: 'Mô tả', render: (_, e) => e.message },
  ];
  const sheetCount = (c: { total: number; created: number; existing: number }) => `${formatInteger(c.created)} mới, ${formatInteger(c.existing)} đã có / ${formatInteger(c.total)} dòng`;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {session?.account?.roles.includes('ADMIN') && <AdminNav />}
      <Typography.Title level={2} style={{ margin: 0 }}>
        Nhập danh bạ đơn vị
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title="Bước 1. Tải tệp mẫu" style={{ height: '100%' }}>
            <Typography.Paragraph>
              Tệp mẫu có ba trang: «Đơn vị» (mã, tên, loại đơn vị, mã đơn vị cấp trên, ngày hiệu lực …), «Cá nhân» (họ tên, đối tượng, mã đơn vị công tác …) và «Đăng ký» (mã phong trào, mã đơn vị,
              nội dung cam kết); trang «Hướng dẫn» nói cách ghi từng cột. Đơn vị cấp trên có thể là đơn vị ở dòng phía trên trong cùng tệp. Trang nào không dùng thì để trống.
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary">Đăng ký thi đua chỉ do cơ quan chủ trì hoặc quản trị hệ thống nhập.</Typography.Paragraph>
            <Button icon={<DownloadOutlined />} onClick={() => void download()} loading={downloading}>
              Tải tệp mẫu
            </Button>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="Bước 2. Tải lên tệp đã điền" style={{ height: '100%' }}>
            <Upload.Dragger
              accept=".xlsx"
              showUploadList={false}
              disabled={sending !== null}
              beforeUpload={(file) => {
                void send(file);
                return false;
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">Kéo thả hoặc bấm để chọn tệp danh bạ (.xlsx)</p>
              <p className="ant-upload-hint">Cả tệp được nhập, hoặc không có gì thay đổi nếu có dòng sai. Nhập lại cùng tệp không tạo trùng.</p>
            </Upload.Dragger>
            {sending !== null && <Progress percent={sending} size="small" />}
          </Card>
        </Col>
      </Row>
      <QueryErrors error={list.error ?? state.error} />
      <Card title="Bước 3. Kết quả nhập">
        {!current ? (
          <Empty description="Chưa có lượt nhập danh bạ nào." />
        ) : (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Space wrap>
              <Typography.Text strong>{current.fileName}</Typography.Text>
              <Tag color={STATUS_COLORS[current.status]}>{directoryImportStatusLabels[current.status]}</Tag>
              <Typography.Text type="secondary">gửi lúc {formatDateTime(current.createdAt)}</Typography.Text>
            </Space>
            <Progress percent={current.progress} status={current.status === 'FAILED' ? 'exception' : running ? 'active' : 'success'} aria-label="Tiến độ nhập danh bạ" />
            {current.failure && <Alert type="error" showIcon message="Lượt nhập không hoàn thành do lỗi hệ thống; hãy gửi lại tệp." />}
            <Row gutter={[16, 16]}>
              <Col xs={24} md={8}>
                <StatCard title="Đơn vị" value={sheetCount(current.units)} />
              </Col>
              <Col xs={24} md={8}>
                <StatCard title="Cá nhân" value={sheetCount(current.people)} />
              </Col>
              <Col xs={24} md={8}>
                <StatCard title="Đăng ký" value={sheetCount(current.registrations)} />
              </Col>
            </Row>
            {!running && current.status === 'DONE' && !problems.length && <Alert type="success" showIcon message="Đã nhập toàn bộ tệp." />}
            {problems.length > 0 && (
              <>
                <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
                  <Typography.Text>
                    {formatInteger(current.errorCount)} lỗi{current.errorCount > problems.length ? ` (hiển thị ${formatInteger(problems.length)} lỗi đầu)` : ''}. Chưa có gì thay đổi trong danh bạ; sửa các dòng này rồi
                    gửi lại cả tệp.
                  </Typography.Text>
                  <ExportButton
                    fileName="loi-nhap-danh-ba"
                    sheetName="Lỗi nhập danh bạ"
                    title={`Lỗi khi nhập danh bạ — tệp ${current.fileName}`}
                    rows={problems}
                    columns={[
                      { header: 'Trang', value: (e) => e.sheet ?? '(cả tệp)', width: 16 },
                      { header: 'Dòng', value: (e) => e.row ?? null, width: 8 },
                      { header: 'Cột', value: (e) => e.column ?? '', width: 22 },
                      { header: 'Loại lỗi', value: (e) => errorLabel(e.code), width: 32 },
                      { header: 'Mô tả', value: (e) => e.message, width: 80 },
                    ]}
                  />
                </Space>
                <Table<DirectoryImportProblem> size="small" rowKey={(e) => `${e.sheet}|${e.row}|${e.column}|${e.code}|${e.message}`} columns={columns} dataSource={problems} pagination={{ pageSize: 20 }} />
              </>
            )}
          </Space>
        )}
      </Card>
      {(list.data?.directoryImports.length ?? 0) > 1 && (
        <Card
          title="Các lượt nhập trước"
          size="small"
          extra={
            <ExportButton
              fileName="cac-luot-nhap-danh-ba"
              sheetName="Các lượt nhập danh bạ"
              title="Các lượt nhập danh bạ đơn vị"
              rows={list.data?.directoryImports ?? []}
              columns={[
                { header: 'Thời điểm gửi', value: (r) => formatDateTime(r.createdAt), width: 18 },
                { header: 'Tệp', value: (r) => r.fileName, width: 36 },
                { header: 'Trạng thái', value: (r) => directoryImportStatusLabels[r.status], width: 16 },
                { header: 'Đơn vị mới', value: (r) => r.units.created, width: 12, numFmt: '#,##0' },
                { header: 'Đơn vị đã có', value: (r) => r.units.existing, width: 12, numFmt: '#,##0' },
                { header: 'Cá nhân mới', value: (r) => r.people.created, width: 12, numFmt: '#,##0' },
                { header: 'Cá nhân đã có', value: (r) => r.people.existing, width: 12, numFmt: '#,##0' },
                { header: 'Đăng ký mới', value: (r) => r.registrations.created, width: 12, numFmt: '#,##0' },
                { header: 'Đăng ký đã có', value: (r) => r.registrations.existing, width: 12, numFmt: '#,##0' },
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
            dataSource={list.data?.directoryImports ?? []}
            onRow={(r) => ({ onClick: () => setCurrentId(r.id), style: { cursor: 'pointer' } })}
            columns={[
              { title: 'Thời điểm', width: 170, render: (_, r) => formatDateTime(r.createdAt) },
              { title: 'Tệp', render: (_, r) => r.fileName },
              { title: 'Trạng thái', width: 130, render: (_, r) => <Tag color={STATUS_COLORS[r.status]}>{directoryImportStatusLabels[r.status]}</Tag> },
              { title: 'Đơn vị mới', width: 110, align: 'right', render: (_, r) => formatInteger(r.units.created) },
              { title: 'Lỗi', width: 80, align: 'right', render: (_, r) => formatInteger(r.errorCount) },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}
