import { useMutation } from '@apollo/client/react';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { applyServerErrors } from '../../lib/form-errors';
import { RegistrationsAdminQuery, ReturnRegistrationMutation, participantName, type AdminRegistration } from './campaign-admin-data';

/** Return a registration to its unit with the reason (required; checked as it is typed, the server's refusal beside it). */
export function ReturnRegistrationModal({ registration, onClose }: { registration: AdminRegistration | null; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const { message } = App.useApp();
  const [alert, setAlert] = useState<string | null>(null);
  const [send, { loading }] = useMutation(ReturnRegistrationMutation, { refetchQueries: [RegistrationsAdminQuery] });

  const onFinish = async ({ reason }: { reason: string }) => {
    if (!registration) return;
    setAlert(null);
    try {
      await send({ variables: { id: registration.id, reason: reason.trim() } });
      message.success(`Đã trả lại đăng ký của ${participantName(registration)}.`);
      form.resetFields();
      onClose();
    } catch (err) {
      setAlert(applyServerErrors(form, err, { REGISTRATION_STATE_INVALID: 'reason' }));
    }
  };

  return (
    <Modal
      open={!!registration}
      title="Trả lại đăng ký thi đua"
      okText="Trả lại"
      okButtonProps={{ danger: true }}
      cancelText="Đóng"
      confirmLoading={loading}
      onOk={() => form.submit()}
      onCancel={() => {
        setAlert(null);
        onClose();
      }}
      destroyOnHidden
    >
      {registration && <Typography.Paragraph>Đăng ký của {participantName(registration)} được trả lại để đơn vị sửa và gửi lại.</Typography.Paragraph>}
      <Form form={form} name="tra-lai-dang-ky" layout="vertical" onFinish={onFinish} initialValues={{ reason: '' }}>
        {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 16 }} />}
        <Form.Item
          name="reason"
          label="Lý do trả lại"
          rules={[
            { required: true, whitespace: true, message: 'Nhập lý do trả lại để đơn vị biết cần sửa gì.' },
            { max: 2000, message: 'Tối đa 2000 ký tự.' },
          ]}
        >
          <Input.TextArea rows={4} placeholder="Ví dụ: Nội dung cam kết chưa có chỉ tiêu cụ thể, đề nghị bổ sung." />
        </Form.Item>
      </Form>
    </Modal>
  );
}
