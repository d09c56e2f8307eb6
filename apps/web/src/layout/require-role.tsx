import { Spin } from 'antd';
import { lazy, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { RoleCode } from '../i18n/labels';
import { useSession } from '../lib/session';

const Forbidden = lazy(() => import('./forbidden').then((m) => ({ default: m.Forbidden })));

/** Opens a page only for a signed-in viewer holding one of the roles (ADMIN opens every page). */
export function RequireRole({ roles, children }: { roles: RoleCode[]; children: ReactNode }) {
  const { session, loading, hasRole } = useSession();
  const location = useLocation();
  if (loading || !session) return <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />;
  if (!session.authenticated) {
    return <Navigate to={`/dang-nhap?returnTo=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  }
  if (!hasRole(...roles)) {
    return <Forbidden />;
  }
  return <>{children}</>;
}
