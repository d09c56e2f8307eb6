// Jest loads a global setup without the project's module aliases, so the shared one is imported by its path.
// eslint-disable-next-line @nx/enforce-module-boundaries
import baseSetup from '../../../../libs/testing/src/global-setup';
import { buildWeb } from './build-web';

/**
 * Before any journey: the databases and queues decided like every other test, and the web app built once. Journeys run
 * in parallel workers; building in each would rewrite dist/apps/web under a page that is loading its chunks.
 */
export default async function globalSetup(): Promise<void> {
  await baseSetup();
  buildWeb();
}
