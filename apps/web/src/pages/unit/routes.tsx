import type { AppRoute } from '../../lib/routes';

/** The unit officer's pages (UNIT_OFFICER). */
export const unitRoutes: AppRoute[] = [];
