import type { AppRoute } from '../../lib/routes';

/** The lead agency's pages (LEAD_AGENCY). */
export const leadRoutes: AppRoute[] = [];
