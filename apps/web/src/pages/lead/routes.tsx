import { DashboardOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute } from '../../lib/routes';

const DashboardPage = lazy(() => import('./dashboard-page').then((m) => ({ default: m.DashboardPage })));
const VerificationListPage = lazy(() => import('./verification-list-page').then((m) => ({ default: m.VerificationListPage })));
const VerificationPage = lazy(() => import('./verification-page').then((m) => ({ default: m.VerificationPage })));
const FrameworksPage = lazy(() => import('./frameworks-page').then((m) => ({ default: m.FrameworksPage })));
const FrameworkPage = lazy(() => import('./framework-page').then((m) => ({ default: m.FrameworkPage })));
const TasksPage = lazy(() => import('./tasks-page').then((m) => ({ default: m.TasksPage })));
const ReportsPage = lazy(() => import('./reports-page').then((m) => ({ default: m.ReportsPage })));
const ScoreImportPage = lazy(() => import('./score-import-page').then((m) => ({ default: m.ScoreImportPage })));
const ReportRunPage = lazy(() => import('./report-run-page').then((m) => ({ default: m.ReportRunPage })));
const NominationReviewPage = lazy(() => import('./nomination-review-page').then((m) => ({ default: m.NominationReviewPage })));
const CampaignsPage = lazy(() => import('./campaigns-page').then((m) => ({ default: m.CampaignsPage })));
const CampaignEditPage = lazy(() => import('./campaign-edit-page').then((m) => ({ default: m.CampaignEditPage })));
const RegistrationsPage = lazy(() => import('./registrations-page').then((m) => ({ default: m.RegistrationsPage })));
const ClustersPage = lazy(() => import('./clusters-page').then((m) => ({ default: m.ClustersPage })));

const LEAD: AppRoute['roles'] = ['LEAD_AGENCY'];

/** The lead agency's pages (LEAD_AGENCY): one entry in the top menu, the others reached from LeadNav. */
export const leadRoutes: AppRoute[] = [
  { path: '/dieu-hanh', element: <DashboardPage />, roles: LEAD, menu: { label: 'Điều hành', icon: <DashboardOutlined />, group: 'work', order: 20 } },
  { path: '/dieu-hanh/tham-dinh', element: <VerificationListPage />, roles: LEAD },
  { path: '/dieu-hanh/tham-dinh/:id', element: <VerificationPage />, roles: LEAD },
  { path: '/dieu-hanh/nhap-diem', element: <ScoreImportPage />, roles: LEAD },
  { path: '/dieu-hanh/bo-chi-so', element: <FrameworksPage />, roles: LEAD },
  { path: '/dieu-hanh/bo-chi-so/:id', element: <FrameworkPage />, roles: LEAD },
  { path: '/dieu-hanh/nhiem-vu', element: <TasksPage />, roles: LEAD },
  { path: '/dieu-hanh/bao-cao', element: <ReportsPage />, roles: LEAD },
  { path: '/dieu-hanh/bao-cao/lan-lap/:id', element: <ReportRunPage />, roles: LEAD },
  { path: '/dieu-hanh/khen-thuong', element: <NominationReviewPage />, roles: LEAD },
  { path: '/dieu-hanh/phong-trao', element: <CampaignsPage />, roles: LEAD },
  { path: '/dieu-hanh/phong-trao/:id', element: <CampaignEditPage />, roles: LEAD },
  { path: '/dieu-hanh/dang-ky', element: <RegistrationsPage />, roles: LEAD },
  { path: '/dieu-hanh/cum-thi-dua', element: <ClustersPage />, roles: LEAD },
];
