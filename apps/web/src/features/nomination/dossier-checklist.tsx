import { DeleteOutlined, DownloadOutlined, EyeOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { ChecklistStatus, DocumentKind, ReportConfirmer } from '../../gql/enums';
import { checklistStatusLabels, reportConfirmerLabels } from '../../i18n/labels';
import { toUserMessage } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { openStoredFile } from './open-file';

export interface DossierItemView {
  kind: DocumentKind;
  label: string;
  status: ChecklistStatus;
  detail: string;
  checked: boolean;
}

export interface DossierDocumentView {
  id: string;
  kind: DocumentKind;
  fileId: string;
  fileName?: string | null;
  issuedDate?: string | null;
  validUntil?: string | null;
  confirmations?: ReportConfirmer[] | null;
  documentType?: string | null;
  pages?: number | null;
  checked?: boolean | null;
}

export interface DossierView {
  complete: boolean;
  copiesText?: string | null;
  items: DossierItemView[];
  documents: DossierDocumentView[];
}

const STATUS_COLOR: Record<ChecklistStatus, string> = { PRESENT: 'success', MISSING: 'error', EXPIRED: 'warning', UNCONFIRMED: 'warning' };

export function ChecklistStatusTag({ status }: { status: ChecklistStatus }) {
  return <Tag color={STATUS_COLOR[status]}>{checklistStatusLabels[status]}</Tag>;
}

/** One attached document: its name, dates, confirmations, and the links to open it, save it and (editing) remove it. */
function DocumentLine({ doc, onRemove }: { doc: DossierDocumentView; onRemove?: (doc: DossierDocumentView) => Promise<unknown> | void }) {
  const { message } = App.useApp();
  const name = doc.fileName ?? 'Tài liệu đính kèm';
  const facts = [
    doc.documentType ? `văn bản: ${doc.documentType}` : null,
    doc.pages ? `${doc.pages} trang` : null,
    doc.issuedDate ? `ban hành ${formatDate(doc.issuedDate)}` : null,
    doc.validUntil ? `hiệu lực đến ${formatDate(doc.validUntil)}` : null,
    doc.confirmations?.length ? `xác nhận: ${doc.confirmations.map((c) => reportConfirmerLabels[c].toLowerCase()).join(', ')}` : null,
  ].filter(Boolean);
  return (
    <div style={{ marginBottom: 4 }}>
      <Space wrap size={4}>
        <Typography.Text>{name}</Typography.Text>
        {doc.checked && <Tag color="success">Nội vụ đã xác nhận</Tag>}
        <Button
          size="small"
          type="link"
          icon={<EyeOutlined />}
          onClick={() => openStoredFile(doc.fileId, name).catch((e: unknown) => message.error(e instanceof Error ? e.message : toUserMessage(e)))}
        >
          Mở
        </Button>
        <a href={`/files/${encodeURIComponent(doc.fileId)}`} download={name}>
          <DownloadOutlined /> Tải về
        </a>
        {onRemove && (
          <Popconfirm title={`Bỏ tài liệu «${name}» khỏi hồ sơ?`} okText="Bỏ" cancelText="Không" onConfirm={() => onRemove(doc)}>
            <Button size="small" type="link" danger icon={<DeleteOutlined />}>
              Bỏ khỏi hồ sơ
            </Button>
          </Popconfirm>
        )}
      </Space>
      {facts.length > 0 && (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {facts.join(' · ')}
          </Typography.Text>
        </div>
      )}
    </div>
  );
}

/**
 * The dossier's checklist: each required document, its state and why, the documents attached to it (open in the
 * browser, save, and, unless `readOnly`, remove), and room for an item's own actions (the proposing unit's upload).
 */
export function DossierChecklist(props: {
  dossier: DossierView;
  readOnly?: boolean;
  /** Actions for an item (e.g. upload), shown when not read-only. */
  itemActions?: (item: DossierItemView) => ReactNode;
  onRemove?: (doc: DossierDocumentView) => Promise<unknown> | void;
  /** Extra content per item in read-only views (e.g. Nội vụ's confirm button). */
  itemExtra?: (item: DossierItemView) => ReactNode;
}) {
  const { dossier, readOnly = false } = props;
  const docsOf = (kind: DocumentKind) => dossier.documents.filter((d) => d.kind === kind);
  return (
    <div>
      <Space style={{ marginBottom: 8 }} wrap>
        {dossier.complete ? <Tag color="success">Hồ sơ đầy đủ</Tag> : <Tag color="error">Hồ sơ chưa đầy đủ</Tag>}
        {dossier.copiesText && <Typography.Text type="secondary">Số lượng hồ sơ: {dossier.copiesText}</Typography.Text>}
      </Space>
      <Table
        size="small"
        rowKey="kind"
        pagination={false}
        dataSource={dossier.items}
        columns={[
          { title: 'STT', width: 56, align: 'center', render: (_, __, i) => i + 1 },
          {
            title: 'Tài liệu',
            render: (_, item) => (
              <div>
                <Typography.Text strong>{item.label}</Typography.Text>
                <div>
                  <Typography.Text type={item.status === 'PRESENT' ? 'secondary' : 'danger'}>{item.detail}</Typography.Text>
                </div>
              </div>
            ),
          },
          {
            title: 'Tình trạng',
            width: 170,
            render: (_, item) => (
              <Space orientation="vertical" size={2}>
                <ChecklistStatusTag status={item.status} />
                {item.checked && <Tag color="success">Nội vụ đã xác nhận</Tag>}
              </Space>
            ),
          },
          {
            title: 'Tệp trong hồ sơ',
            render: (_, item) => {
              const docs = docsOf(item.kind);
              return (
                <div>
                  {docs.length === 0 && <Typography.Text type="secondary">Chưa có tệp</Typography.Text>}
                  {docs.map((d) => (
                    <DocumentLine key={d.id} doc={d} onRemove={readOnly ? undefined : props.onRemove} />
                  ))}
                  {!readOnly && props.itemActions?.(item)}
                  {props.itemExtra?.(item)}
                </div>
              );
            },
          },
        ]}
      />
    </div>
  );
}
