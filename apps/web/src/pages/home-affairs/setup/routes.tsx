import { lazy } from 'react';
import type { AppRoute } from '../../../lib/routes';

const AwardSetupPage = lazy(() => import('./setup-page').then((m) => ({ default: m.AwardSetupPage })));

/** Nội vụ: a campaign's award forms, occasions and dossier rules. */
export const setupRoutes: AppRoute[] = [{ path: '/khen-thuong/thiet-lap', element: <AwardSetupPage />, roles: ['HOME_AFFAIRS'] }];
