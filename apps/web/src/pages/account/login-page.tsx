import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Divider, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { applyServerErrors } from '../../lib/form-errors';
import { homeFor } from '../../lib/home';
import { useSession } from '../../lib/session';

interface LoginValues {
  username: string;
  password: string;
}

/** Only same-origin paths are followed after signing in. */
function safeReturnTo(v: string | null): string | null {
  return v && v.startsWith('/') && !v.startsWith('//') ? v : null;
}

export function LoginPage() {
  const { session, signIn, expired } = useSession();
  const [form] = Form.useForm<LoginValues>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const returnTo = safeReturnTo(params.get('returnTo'));

  if (session?.authenticated && session.account) {
    return <Navigate to={session.account.mustChangePassword ? '/doi-mat-khau' : (returnTo ?? homeFor(session.account.roles))} replace />;
  }

  const onFinish = async (values: LoginValues) => {
    setBusy(true);
    setAlert(null);
    try {
      const s = await signIn(values.username.trim(), values.password);
      const account = s.account;
      navigate(account?.mustChangePassword ? '/doi-mat-khau' : (returnTo ?? homeFor(account?.roles ?? [])), { replace: true });
    } catch (err) {
      setAlert(applyServerErrors(form, err, { AUTH_INVALID_CREDENTIALS: 'password' }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card style={{ maxWidth: 420, margin: '48px auto' }}>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        Đăng nhập
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        Dành cho cán bộ các cơ quan, đơn vị tham gia phong trào. Người dân xem kết quả và khen thưởng không cần đăng nhập.
      </Typography.Paragraph>
      {expired && !alert && (
        <Alert type="warning" showIcon title="Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại để tiếp tục; bạn sẽ trở lại trang đang làm." style={{ marginBottom: 16 }} />
      )}
      {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} disabled={busy}>
        <Form.Item name="username" label="Tên đăng nhập" rules={[{ required: true, whitespace: true, message: 'Nhập tên đăng nhập.' }]}>
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item name="password" label="Mật khẩu" rules={[{ required: true, message: 'Nhập mật khẩu.' }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          Đăng nhập
        </Button>
      </Form>
      {session?.mode === 'oidc' && (
        <>
          <Divider plain>hoặc</Divider>
          <Button block href={`/auth/oidc/login${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ''}`}>
            Đăng nhập bằng tài khoản dùng chung của tỉnh
          </Button>
        </>
      )}
    </Card>
  );
}
