import { AuditOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute } from '../../../lib/routes';

const PipelinePage = lazy(() => import('./pipeline-page').then((m) => ({ default: m.PipelinePage })));
const NominationPage = lazy(() => import('./nomination-page').then((m) => ({ default: m.NominationPage })));
const ConsultationPage = lazy(() => import('./consultation-page').then((m) => ({ default: m.ConsultationPage })));

const HOME_AFFAIRS: AppRoute['roles'] = ['HOME_AFFAIRS'];

/** Nội vụ: the dossier pipeline, appraisal, the public consultation; the lead agency's review (LEAD_AGENCY). */
export const nominationRoutes: AppRoute[] = [
  { path: '/khen-thuong/de-nghi', element: <PipelinePage />, roles: HOME_AFFAIRS, menu: { label: 'Khen thưởng', icon: <AuditOutlined />, group: 'work', order: 30, section: '/khen-thuong' } },
  { path: '/khen-thuong/de-nghi/:id', element: <NominationPage />, roles: HOME_AFFAIRS },
  { path: '/khen-thuong/lay-y-kien', element: <ConsultationPage />, roles: HOME_AFFAIRS },
];
