import { ApartmentOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute } from '../../../lib/routes';

const OrgPage = lazy(() => import('./org-page').then((m) => ({ default: m.OrgPage })));
const OrgUnitPage = lazy(() => import('./org-unit-page').then((m) => ({ default: m.OrgUnitPage })));

const HOME_AFFAIRS: AppRoute['roles'] = ['HOME_AFFAIRS'];

/** Nội vụ: the org structure (create, rename, move, merge, split, dissolve) and each unit's timeline. */
export const orgRoutes: AppRoute[] = [
  { path: '/to-chuc', element: <OrgPage />, roles: HOME_AFFAIRS, menu: { label: 'Tổ chức bộ máy', icon: <ApartmentOutlined />, group: 'work', order: 35 } },
  { path: '/to-chuc/:id', element: <OrgUnitPage />, roles: HOME_AFFAIRS },
];
