import { lazy } from 'react';
import type { AppRoute } from '../../../lib/routes';

const DecisionsPage = lazy(() => import('./decisions-page').then((m) => ({ default: m.DecisionsPage })));
const NewDecisionPage = lazy(() => import('./new-decision-page').then((m) => ({ default: m.NewDecisionPage })));
const DecisionPage = lazy(() => import('./decision-page').then((m) => ({ default: m.DecisionPage })));
const FundsPage = lazy(() => import('./funds-page').then((m) => ({ default: m.FundsPage })));
const QuotasPage = lazy(() => import('./quotas-page').then((m) => ({ default: m.QuotasPage })));

const HOME_AFFAIRS: AppRoute['roles'] = ['HOME_AFFAIRS'];

/** Nội vụ: decisions, reward funds, bonus rates and base salaries, quotas. */
export const decisionRoutes: AppRoute[] = [
  { path: '/khen-thuong/quyet-dinh', element: <DecisionsPage />, roles: HOME_AFFAIRS },
  { path: '/khen-thuong/quyet-dinh/lap', element: <NewDecisionPage />, roles: HOME_AFFAIRS },
  { path: '/khen-thuong/quyet-dinh/:id', element: <DecisionPage />, roles: HOME_AFFAIRS },
  { path: '/khen-thuong/quy-va-muc-thuong', element: <FundsPage />, roles: HOME_AFFAIRS },
  { path: '/khen-thuong/chi-tieu', element: <QuotasPage />, roles: HOME_AFFAIRS },
];
