import type { AppRoute } from '../../lib/routes';

/** Administration (ADMIN). */
export const adminRoutes: AppRoute[] = [];
