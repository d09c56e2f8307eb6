import { InboxOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute } from '../../lib/routes';

const ProvinceReportsPage = lazy(() => import('./reports-page').then((m) => ({ default: m.ProvinceReportsPage })));

/** The province (PROVINCE): the reports received from each city, their deliveries, and the units' completeness. */
export const provinceRoutes: AppRoute[] = [
  { path: '/tinh', element: <ProvinceReportsPage />, roles: ['PROVINCE'], menu: { label: 'Báo cáo nhận được', icon: <InboxOutlined />, group: 'work', order: 50 } },
];
