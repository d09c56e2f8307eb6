import { useApolloClient, useMutation } from '@apollo/client/react';
import { Alert, App, Form, Input, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { toUserMessage } from '../../lib/errors';
import { saveBase64File } from '../../lib/files';
import { applyServerErrors } from '../../lib/form-errors';
import { CopyFrameworkMutation, FrameworkWorkbookQuery, FrameworksQuery, PublishFrameworkMutation, nextCode } from './framework-data';

/** Download a framework's workbook (asked for only now: it is large). */
export function useFrameworkDownload() {
  const client = useApolloClient();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const download = async (id: string) => {
    setBusy(id);
    try {
      const { data } = await client.query({ query: FrameworkWorkbookQuery, variables: { id }, fetchPolicy: 'no-cache' });
      if (data?.framework) saveBase64File(data.framework.workbook);
      else message.error('Không tìm thấy bộ chỉ số.');
    } catch (err) {
      message.error(toUserMessage(err));
    } finally {
      setBusy(null);
    }
  };
  return { download, busy };
}

/** Publish a draft after confirmation: from then on units are assessed against it and it no longer changes. */
export function usePublishFramework() {
  const { modal, message } = App.useApp();
  const [publish] = useMutation(PublishFrameworkMutation, { refetchQueries: [FrameworksQuery] });
  return (f: { id: string; name: string; year: number }) =>
    modal.confirm({
      title: `Ban hành bộ chỉ số năm ${f.year}?`,
      content: `«${f.name}» sẽ được dùng để các đơn vị tự đánh giá và không sửa được nữa (muốn sửa phải sao chép thành bản mới).`,
      okText: 'Ban hành',
      cancelText: 'Hủy',
      onOk: async () => {
        try {
          await publish({ variables: { id: f.id } });
          message.success('Đã ban hành bộ chỉ số.');
        } catch (err) {
          message.error(toUserMessage(err));
        }
      },
    });
}

interface CopyValues {
  code: string;
  year: number;
}

/** Copy a framework for another year as a draft to edit. */
export function CopyFrameworkModal({ source, onClose, onCopied }: { source: { id: string; code: string; name: string; year: number } | null; onClose: () => void; onCopied: (id: string) => void }) {
  const [form] = Form.useForm<CopyValues>();
  const [copy, { loading }] = useMutation(CopyFrameworkMutation, { refetchQueries: [FrameworksQuery] });
  const [alert, setAlert] = useState<string | null>(null);

  const onFinish = async (v: CopyValues) => {
    if (!source) return;
    setAlert(null);
    try {
      const { data } = await copy({ variables: { id: source.id, code: v.code.trim().toUpperCase(), year: v.year } });
      if (data?.copyFramework) onCopied(data.copyFramework.id);
    } catch (err) {
      setAlert(applyServerErrors(form, err, { FRAMEWORK_CODE_TAKEN: 'code', code: 'code', year: 'year' }));
    }
  };

  return (
    <Modal
      open={!!source}
      title="Sao chép bộ chỉ số cho năm sau"
      okText="Sao chép"
      cancelText="Hủy"
      onCancel={() => {
        setAlert(null);
        onClose();
      }}
      onOk={() => form.submit()}
      confirmLoading={loading}
      destroyOnHidden
    >
      {source && (
        <Form<CopyValues> form={form} layout="vertical" onFinish={onFinish} initialValues={{ code: nextCode(source.code, source.year + 1), year: source.year + 1 }}>
          <p>
            Bản sao của «{source.name}» là bản nháp: sửa từng chỉ số hoặc nhập lại tệp Excel đã sửa, rồi ban hành.
          </p>
          {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 16 }} />}
          <Form.Item name="year" label="Năm áp dụng" rules={[{ required: true, message: 'Nhập năm áp dụng.' }, { type: 'number', min: 2000, max: 2100, message: 'Năm không hợp lệ.' }]}>
            <InputNumber style={{ width: 140 }} />
          </Form.Item>
          <Form.Item
            name="code"
            label="Mã bộ chỉ số mới"
            rules={[
              { required: true, whitespace: true, message: 'Nhập mã bộ chỉ số.' },
              { pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, message: 'Mã gồm chữ không dấu, số, dấu chấm, gạch ngang (tối đa 64 ký tự).' },
            ]}
          >
            <Input style={{ textTransform: 'uppercase' }} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
