import { InboxOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import { Alert, Modal, Progress, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ExportButton } from '../../layout/export-button';
import { toUserMessage } from '../../lib/errors';
import { fileToBase64 } from '../../lib/files';
import { FrameworkQuery, FrameworksQuery, ImportFrameworkMutation } from './framework-data';

interface RowError {
  row: number | null;
  message: string;
}

type Stage = { step: 'idle' } | { step: 'reading' | 'checking'; percent: number } | { step: 'failed'; errors: RowError[] };

const MAX_BYTES = 10 * 1024 * 1024;

/**
 * Import a framework from its Excel workbook: a new framework, or (with `intoDraft`) the edited workbook of a draft.
 * The server checks every row and writes nothing when one is wrong; the rows in error are listed here.
 */
export function ImportFrameworkModal(props: { open: boolean; onClose: () => void; onImported: (f: { id: string; name: string }) => void; intoDraft?: { id: string; name: string } }) {
  const [run] = useMutation(ImportFrameworkMutation, { refetchQueries: props.intoDraft ? [FrameworksQuery, FrameworkQuery] : [FrameworksQuery] });
  const [stage, setStage] = useState<Stage>({ step: 'idle' });
  const [fileName, setFileName] = useState<string | null>(null);
  const busy = stage.step === 'reading' || stage.step === 'checking';

  const close = () => {
    if (busy) return;
    setStage({ step: 'idle' });
    setFileName(null);
    props.onClose();
  };

  const importFile = async (file: File) => {
    setFileName(file.name);
    if (file.size > MAX_BYTES) {
      setStage({ step: 'failed', errors: [{ row: null, message: 'Tệp lớn hơn 10 MB; bộ chỉ số thường chỉ vài trăm KB, hãy kiểm tra lại tệp.' }] });
      return;
    }
    setStage({ step: 'reading', percent: 20 });
    try {
      const base64 = await fileToBase64(file);
      setStage({ step: 'checking', percent: 60 });
      const { data } = await run({ variables: { base64, intoDraftId: props.intoDraft?.id ?? null } });
      const result = data?.importFramework;
      if (result?.ok && result.framework) {
        setStage({ step: 'idle' });
        setFileName(null);
        props.onImported(result.framework);
        return;
      }
      setStage({ step: 'failed', errors: result?.errors.length ? result.errors : [{ row: null, message: 'Tệp không nhập được.' }] });
    } catch (err) {
      setStage({ step: 'failed', errors: [{ row: null, message: toUserMessage(err) }] });
    }
  };

  const errors = stage.step === 'failed' ? stage.errors : [];
  return (
    <Modal
      open={props.open}
      title={props.intoDraft ? `Nhập lại tệp Excel vào bản nháp: ${props.intoDraft.name}` : 'Nhập bộ chỉ số từ tệp Excel'}
      onCancel={close}
      footer={null}
      width={820}
      destroyOnHidden
      mask={{ closable: !busy }}
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ margin: 0 }}>
          {props.intoDraft
            ? 'Chọn tệp Excel đã sửa (tải từ bản nháp này). Nội dung bản nháp được thay bằng nội dung tệp; bản nháp chỉ đổi khi mọi dòng đều hợp lệ.'
            : 'Chọn tệp Excel theo mẫu bộ chỉ số (có thể tải một bộ chỉ số hiện có làm mẫu). Bộ chỉ số mới được lưu ở dạng bản nháp; không có gì được lưu nếu một dòng có lỗi.'}
        </Typography.Paragraph>
        <Upload.Dragger
          accept=".xlsx"
          multiple={false}
          showUploadList={false}
          disabled={busy}
          beforeUpload={(file) => {
            void importFile(file);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">Bấm hoặc kéo tệp Excel (.xlsx) vào đây</p>
          {fileName && <p className="ant-upload-hint">{fileName}</p>}
        </Upload.Dragger>
        {busy && (
          <div>
            <Progress percent={stage.percent} status="active" aria-label="Tiến độ nhập tệp" />
            <Typography.Text type="secondary">{stage.step === 'reading' ? 'Đang đọc tệp…' : 'Đang kiểm tra từng dòng của bộ chỉ số…'}</Typography.Text>
          </div>
        )}
        {errors.length > 0 && (
          <>
            <Alert type="error" showIcon title={`Tệp có ${errors.length} lỗi; chưa có gì được lưu. Sửa các dòng dưới đây rồi nhập lại.`} />
            <Table<RowError & { key: number }>
              size="small"
              rowKey="key"
              dataSource={errors.map((e, i) => ({ ...e, key: i }))}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              columns={[
                { title: 'Dòng', width: 80, render: (_, e) => e.row ?? '—' },
                { title: 'Lỗi', render: (_, e) => e.message },
              ]}
            />
            <ExportButton
              fileName="loi-nhap-bo-chi-so"
              sheetName="Lỗi nhập"
              title={`Lỗi khi nhập tệp ${fileName ?? ''}`}
              rows={errors}
              columns={[
                { header: 'Dòng', value: (e) => e.row, width: 8 },
                { header: 'Lỗi', value: (e) => e.message, width: 90 },
              ]}
            />
          </>
        )}
      </Space>
    </Modal>
  );
}
