// Files attached to what a unit sends: a self-assessed indicator's evidence, the launch plan, the annual report's
// attachments. The graph keeps only file ids; names come from the upload, or from the file itself later.
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Progress, Space, Typography, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { toUserMessage } from '../../lib/errors';
import { fileNameOf, uploadFile } from '../../lib/files';

/** What /files accepts (PDF, Word, Excel, PNG, JPEG) and its size limit. */
export const FILE_ACCEPT = '.pdf,.doc,.docx,.xls,.xlsx,.png,.jpg,.jpeg';
const MAX_BYTES = 20 * 1024 * 1024;

/** Names of files known only by id, asked once each (a HEAD request reads the name without the content). */
function useFileNames(ids: readonly string[], learned: Record<string, string>): Record<string, string> {
  const [fetched, setFetched] = useState<Record<string, string>>({});
  const asked = useRef(new Set<string>());
  useEffect(() => {
    for (const id of ids) {
      if (learned[id] || asked.current.has(id)) continue;
      asked.current.add(id);
      void fileNameOf(id).then((name) => setFetched((m) => ({ ...m, [id]: name ?? 'Tệp đính kèm' })));
    }
  }, [ids, learned]);
  return { ...fetched, ...learned };
}

interface Uploading {
  uid: string;
  name: string;
  percent: number;
}

/**
 * A form field holding file ids: choose files, each uploads at once with its progress, then shows as a link to
 * download it, with a button to take it off. Refusals (type, size) are said in Vietnamese.
 */
export function EvidenceUpload(props: { value?: string[]; onChange?: (ids: string[]) => void; disabled?: boolean; max?: number; buttonLabel?: string; id?: string }) {
  const { value, onChange, disabled, max = 20, buttonLabel = 'Chọn tệp để tải lên' } = props;
  const ids = value ?? [];
  const { message } = App.useApp();
  const [learned, setLearned] = useState<Record<string, string>>({});
  const [uploading, setUploading] = useState<Uploading[]>([]);
  const names = useFileNames(ids, learned);
  // Several uploads finish one after another: each adds its id to the value as it is then, not as it was at the start.
  const latest = useRef(ids);
  useEffect(() => {
    latest.current = ids;
  });

  const upload = async (file: File) => {
    if (file.size > MAX_BYTES) {
      message.error(`Tệp «${file.name}» lớn hơn 20 MB, không tải lên được.`);
      return;
    }
    if (latest.current.length >= max) {
      message.error(`Chỉ đính kèm được tối đa ${max} tệp.`);
      return;
    }
    const uid = `${Date.now()}-${Math.random()}`;
    setUploading((u) => [...u, { uid, name: file.name, percent: 0 }]);
    try {
      const saved = await uploadFile(file, (percent) => setUploading((u) => u.map((x) => (x.uid === uid ? { ...x, percent } : x))));
      setLearned((m) => ({ ...m, [saved.id]: saved.name }));
      const next = [...latest.current, saved.id];
      latest.current = next;
      onChange?.(next);
    } catch (err) {
      message.error(`Không tải lên được tệp «${file.name}»: ${toUserMessage(err)}`);
    } finally {
      setUploading((u) => u.filter((x) => x.uid !== uid));
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} id={props.id}>
      {ids.map((id) => (
        <Space key={id}>
          <PaperClipOutlined />
          <a href={`/files/${encodeURIComponent(id)}`} download>
            {names[id] ?? 'Đang tải tên tệp…'}
          </a>
          {!disabled && (
            <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`Bỏ tệp ${names[id] ?? ''}`} onClick={() => onChange?.(ids.filter((x) => x !== id))} />
          )}
        </Space>
      ))}
      {uploading.map((u) => (
        <div key={u.uid}>
          <Typography.Text type="secondary">Đang tải lên «{u.name}»</Typography.Text>
          <Progress percent={u.percent} size="small" status="active" />
        </div>
      ))}
      {!disabled && ids.length + uploading.length < max && (
        <Upload
          multiple={max > 1}
          accept={FILE_ACCEPT}
          showUploadList={false}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />}>{buttonLabel}</Button>
        </Upload>
      )}
      {!disabled && ids.length + uploading.length < max && (
        <Typography.Text type="secondary">Nhận tệp PDF, Word, Excel, ảnh PNG hoặc JPEG, mỗi tệp không quá 20 MB.</Typography.Text>
      )}
    </Space>
  );
}
