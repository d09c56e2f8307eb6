import { ImportOutlined, TeamOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute } from '../../lib/routes';

const AccountsPage = lazy(() => import('./accounts-page').then((m) => ({ default: m.AccountsPage })));
const DirectoryImportPage = lazy(() => import('./directory-import-page').then((m) => ({ default: m.DirectoryImportPage })));

/** Administration (ADMIN; the directory import also Nội vụ's). */
export const adminRoutes: AppRoute[] = [
  { path: '/quan-tri/nhap-danh-ba', element: <DirectoryImportPage />, roles: ['HOME_AFFAIRS'], menu: { label: 'Nhập danh bạ đơn vị', icon: <ImportOutlined />, group: 'admin', order: 80 } },
  { path: '/quan-tri/tai-khoan', element: <AccountsPage />, roles: ['ADMIN'], menu: { label: 'Tài khoản', icon: <TeamOutlined />, group: 'admin', order: 90 } },
];
