import { TeamOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute } from '../../lib/routes';

const AccountsPage = lazy(() => import('./accounts-page').then((m) => ({ default: m.AccountsPage })));

/** Administration (ADMIN). */
export const adminRoutes: AppRoute[] = [
  { path: '/quan-tri/tai-khoan', element: <AccountsPage />, roles: ['ADMIN'], menu: { label: 'Tài khoản', icon: <TeamOutlined />, group: 'admin', order: 90 } },
];
