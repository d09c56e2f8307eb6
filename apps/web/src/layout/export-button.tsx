import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { downloadExcel, type ExcelColumn } from '../lib/excel';

/** "Tải Excel" for any list: the rows shown, or a loader for all of them when the table is paged on the server. */
export function ExportButton<T>(props: {
  fileName: string;
  sheetName: string;
  title: string;
  columns: ExcelColumn<T>[];
  rows: T[] | (() => Promise<T[]>);
  disabled?: boolean;
}) {
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={busy}
      disabled={props.disabled || (Array.isArray(props.rows) && !props.rows.length)}
      onClick={async () => {
        setBusy(true);
        try {
          const rows = Array.isArray(props.rows) ? props.rows : await props.rows();
          await downloadExcel(props.fileName, props.sheetName, props.title, props.columns, rows);
        } catch {
          message.error('Không tạo được tệp Excel, vui lòng thử lại.');
        } finally {
          setBusy(false);
        }
      }}
    >
      Tải Excel
    </Button>
  );
}
