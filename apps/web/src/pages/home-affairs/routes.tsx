import type { AppRoute } from '../../lib/routes';
import { decisionRoutes } from './decisions/routes';
import { nominationRoutes } from './nominations/routes';
import { orgRoutes } from './org/routes';
import { setupRoutes } from './setup/routes';

/** Nội vụ's pages (HOME_AFFAIRS), one folder per part of its work; the council's pages are in ../council. */
export const homeAffairsRoutes: AppRoute[] = [...nominationRoutes, ...decisionRoutes, ...orgRoutes, ...setupRoutes];
