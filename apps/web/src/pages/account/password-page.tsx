import { Alert, Button, Card, Form, Input, Typography, App } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { restJson } from '../../lib/errors';
import { applyServerErrors } from '../../lib/form-errors';
import { homeFor } from '../../lib/home';
import { useSession } from '../../lib/session';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function PasswordPage() {
  const { session, refresh } = useSession();
  const [form] = Form.useForm<PasswordValues>();
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  const { message } = App.useApp();

  const onFinish = async (v: PasswordValues) => {
    setBusy(true);
    setAlert(null);
    try {
      await restJson('/auth/password', { body: { currentPassword: v.currentPassword, newPassword: v.newPassword } });
      const s = await refresh();
      message.success('Đã đổi mật khẩu.');
      navigate(homeFor(s.account?.roles ?? []), { replace: true });
    } catch (err) {
      setAlert(applyServerErrors(form, err, { PASSWORD_CURRENT_WRONG: 'currentPassword', PASSWORD_UNCHANGED: 'newPassword', PASSWORD_POLICY: 'newPassword' }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card style={{ maxWidth: 460, margin: '48px auto' }}>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        Đổi mật khẩu
      </Typography.Title>
      {session?.account?.mustChangePassword && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="Đây là mật khẩu tạm thời: hãy đặt mật khẩu mới trước khi làm việc." />
      )}
      {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={onFinish} disabled={busy}>
        <Form.Item name="currentPassword" label="Mật khẩu hiện tại" rules={[{ required: true, message: 'Nhập mật khẩu hiện tại.' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label="Mật khẩu mới"
          hasFeedback
          rules={[
            { required: true, message: 'Nhập mật khẩu mới.' },
            { min: 10, message: 'Mật khẩu cần ít nhất 10 ký tự.' },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="Nhập lại mật khẩu mới"
          dependencies={['newPassword']}
          hasFeedback
          rules={[
            { required: true, message: 'Nhập lại mật khẩu mới.' },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || getFieldValue('newPassword') === value ? Promise.resolve() : Promise.reject(new Error('Hai mật khẩu không khớp.')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          Lưu mật khẩu mới
        </Button>
      </Form>
    </Card>
  );
}
