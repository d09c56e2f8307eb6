import { Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { RoleCode } from '../i18n/labels';
import { useSession } from '../lib/session';

/** Opens a page only for a signed-in viewer holding one of the roles (ADMIN opens every page). */
export function RequireRole({ roles, children }: { roles: RoleCode[]; children: ReactNode }) {
  const { session, loading, hasRole } = useSession();
  const location = useLocation();
  if (loading || !session) return <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />;
  if (!session.authenticated) {
    return <Navigate to={`/dang-nhap?returnTo=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  }
  if (!hasRole(...roles)) {
    return <Result status="403" title="Không có quyền truy cập" subTitle="Tài khoản của bạn không được phép mở trang này." />;
  }
  return <>{children}</>;
}
