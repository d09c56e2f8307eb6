import { ImportOutlined, SettingOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute } from '../../lib/routes';

const AccountsPage = lazy(() => import('./accounts-page').then((m) => ({ default: m.AccountsPage })));
const DirectoryImportPage = lazy(() => import('./directory-import-page').then((m) => ({ default: m.DirectoryImportPage })));
const AuditLogPage = lazy(() => import('./audit-log-page').then((m) => ({ default: m.AuditLogPage })));
const FailedJobsPage = lazy(() => import('./failed-jobs-page').then((m) => ({ default: m.FailedJobsPage })));
const ReportSchedulesPage = lazy(() => import('./report-schedules-page').then((m) => ({ default: m.ReportSchedulesPage })));

const ADMIN: AppRoute['roles'] = ['ADMIN'];

/** Administration (ADMIN; the directory import also Nội vụ's): one entry in the top menu, the others reached from AdminNav. */
export const adminRoutes: AppRoute[] = [
  { path: '/quan-tri/nhap-danh-ba', element: <DirectoryImportPage />, roles: ['HOME_AFFAIRS'], menu: { label: 'Nhập danh bạ đơn vị', icon: <ImportOutlined />, group: 'admin', order: 80 } },
  // The entry of the menu is the prefix of every administration page, so that it stays marked on each of them.
  { path: '/quan-tri', element: <AccountsPage />, roles: ADMIN, menu: { label: 'Quản trị', icon: <SettingOutlined />, group: 'admin', order: 90 } },
  { path: '/quan-tri/tai-khoan', element: <AccountsPage />, roles: ADMIN },
  { path: '/quan-tri/nhat-ky', element: <AuditLogPage />, roles: ADMIN },
  { path: '/quan-tri/viec-loi', element: <FailedJobsPage />, roles: ADMIN },
  { path: '/quan-tri/lich-bao-cao', element: <ReportSchedulesPage />, roles: ADMIN },
];
