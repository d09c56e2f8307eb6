import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { applyServerErrors } from '../../lib/form-errors';

/**
 * Ask for the reason of a return or a refusal: checked as it is typed, and the server's refusal shown beside the
 * field (NOMINATION_REASON_REQUIRED, a too long text) or above it.
 */
export function ReasonModal(props: {
  open: boolean;
  title: string;
  label: string;
  okText: string;
  danger?: boolean;
  placeholder?: string;
  onSubmit: (reason: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const onFinish = async ({ reason }: { reason: string }) => {
    setAlert(null);
    setBusy(true);
    try {
      await props.onSubmit(reason.trim());
      form.resetFields();
      props.onClose();
    } catch (err) {
      setAlert(applyServerErrors(form, err, { NOMINATION_REASON_REQUIRED: 'reason' }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={props.open}
      title={props.title}
      okText={props.okText}
      cancelText="Đóng"
      okButtonProps={{ danger: props.danger }}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => {
        setAlert(null);
        props.onClose();
      }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" name="ly-do" aria-label={props.title} onFinish={onFinish} initialValues={{ reason: '' }}>
        {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 16 }} />}
        <Form.Item
          name="reason"
          label={props.label}
          rules={[
            { required: true, whitespace: true, message: 'Phải nêu lý do.' },
            { min: 10, message: 'Lý do ít nhất 10 ký tự, để đơn vị biết cần làm gì.' },
            { max: 2000, message: 'Tối đa 2000 ký tự.' },
          ]}
        >
          <Input.TextArea rows={4} placeholder={props.placeholder} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
