import { TeamOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute } from '../../lib/routes';

const CouncilSessionsPage = lazy(() => import('./sessions-page').then((m) => ({ default: m.CouncilSessionsPage })));
const CouncilSessionPage = lazy(() => import('./session-page').then((m) => ({ default: m.CouncilSessionPage })));
const MyCouncilSessionsPage = lazy(() => import('./my-sessions-page').then((m) => ({ default: m.MyCouncilSessionsPage })));
const MemberSessionPage = lazy(() => import('./member-session-page').then((m) => ({ default: m.MemberSessionPage })));

/** The council: Nội vụ convenes and runs sessions; members (COUNCIL) read the agenda, declare conflicts and vote. */
export const councilRoutes: AppRoute[] = [
  { path: '/khen-thuong/hoi-dong', element: <CouncilSessionsPage />, roles: ['HOME_AFFAIRS'] },
  { path: '/khen-thuong/hoi-dong/:id', element: <CouncilSessionPage />, roles: ['HOME_AFFAIRS'] },
  { path: '/hoi-dong', element: <MyCouncilSessionsPage />, roles: ['COUNCIL'], menu: { label: 'Hội đồng', icon: <TeamOutlined />, group: 'work', order: 40 } },
  { path: '/hoi-dong/:id', element: <MemberSessionPage />, roles: ['COUNCIL'] },
];
