import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { applyServerErrors } from '../../lib/form-errors';

/**
 * A member's conflict of interest on one nomination, declared before voting: the reason, checked as it is typed; the
 * server's refusal (already voted, the session closed) beside it.
 */
export function RecusalModal(props: { open: boolean; title: string; intro: string; onSubmit: (reason: string) => Promise<unknown>; onClose: () => void }) {
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
      setAlert(applyServerErrors(form, err, { COUNCIL_ALREADY_VOTED: 'reason', COUNCIL_CLOSED: 'reason', COUNCIL_NOT_YOUR_VOTE: 'reason' }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={props.open}
      title={props.title}
      okText="Ghi nhận rút lui"
      cancelText="Đóng"
      okButtonProps={{ danger: true }}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => {
        setAlert(null);
        props.onClose();
      }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" name="rut-lui" aria-label={props.title} onFinish={onFinish} initialValues={{ reason: '' }}>
        <Alert type="info" showIcon title={props.intro} style={{ marginBottom: 16 }} />
        {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 16 }} />}
        <Form.Item
          name="reason"
          label="Lý do xung đột lợi ích"
          rules={[
            { required: true, whitespace: true, message: 'Phải nêu lý do rút lui.' },
            { min: 10, message: 'Lý do ít nhất 10 ký tự, để ghi vào biên bản.' },
            { max: 2000, message: 'Tối đa 2000 ký tự.' },
          ]}
        >
          <Input.TextArea rows={3} placeholder="Ví dụ: là người thân của cá nhân được đề nghị" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
