import { BellOutlined, CheckSquareOutlined, TrophyOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute } from '../../lib/routes';

const UnitHomePage = lazy(() => import('./home-page').then((m) => ({ default: m.UnitHomePage })));
const RegistrationPage = lazy(() => import('./registration-page').then((m) => ({ default: m.RegistrationPage })));
const UnitPlanPage = lazy(() => import('./unit-plan-page').then((m) => ({ default: m.UnitPlanPage })));
const AssessmentPage = lazy(() => import('./assessment-page').then((m) => ({ default: m.AssessmentPage })));
const UnitReportPage = lazy(() => import('./unit-report-page').then((m) => ({ default: m.UnitReportPage })));
const NotificationsPage = lazy(() => import('./notifications-page').then((m) => ({ default: m.NotificationsPage })));
const NominationsPage = lazy(() => import('./nominations-page').then((m) => ({ default: m.NominationsPage })));
const NominationNewPage = lazy(() => import('./nomination-new-page').then((m) => ({ default: m.NominationNewPage })));
const NominationPage = lazy(() => import('./nomination-page').then((m) => ({ default: m.NominationPage })));
const InitiativesPage = lazy(() => import('./initiatives-page').then((m) => ({ default: m.InitiativesPage })));
const UnitTasksPage = lazy(() => import('./tasks-page').then((m) => ({ default: m.UnitTasksPage })));
const PeoplePage = lazy(() => import('./people-page').then((m) => ({ default: m.PeoplePage })));

const roles: AppRoute['roles'] = ['UNIT_OFFICER'];

/** The unit officer's pages (UNIT_OFFICER). */
export const unitRoutes: AppRoute[] = [
  { path: '/don-vi-cua-toi', element: <UnitHomePage />, roles, menu: { label: 'Việc của đơn vị', icon: <CheckSquareOutlined />, group: 'work', order: 10 } },
  { path: '/don-vi-cua-toi/dang-ky/:code', element: <RegistrationPage />, roles },
  { path: '/don-vi-cua-toi/ke-hoach/:code', element: <UnitPlanPage />, roles },
  { path: '/don-vi-cua-toi/tu-danh-gia/:code/:year', element: <AssessmentPage />, roles },
  { path: '/don-vi-cua-toi/bao-cao/:code/:year', element: <UnitReportPage />, roles },
  { path: '/don-vi-cua-toi/thong-bao', element: <NotificationsPage />, roles, menu: { label: 'Thông báo', icon: <BellOutlined />, group: 'work', order: 11 } },
  { path: '/don-vi-cua-toi/khen-thuong', element: <NominationsPage />, roles, menu: { label: 'Khen thưởng', icon: <TrophyOutlined />, group: 'work', order: 12 } },
  { path: '/don-vi-cua-toi/khen-thuong/moi', element: <NominationNewPage />, roles },
  { path: '/don-vi-cua-toi/khen-thuong/:id', element: <NominationPage />, roles },
  { path: '/don-vi-cua-toi/sang-kien', element: <InitiativesPage />, roles },
  { path: '/don-vi-cua-toi/nhiem-vu', element: <UnitTasksPage />, roles },
  { path: '/don-vi-cua-toi/ca-nhan', element: <PeoplePage />, roles },
];
