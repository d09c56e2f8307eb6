import { cpSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
// Jest loads a global setup without the project's module aliases, so the shared one is imported by its path.
// eslint-disable-next-line @nx/enforce-module-boundaries
import baseSetup from '../../../../libs/testing/src/global-setup';
import { buildWeb, ROOT } from './build-web';

/**
 * Before any journey: the databases and queues decided like every other test, and the web app built once. Journeys run
 * in parallel workers; building in each would rewrite dist/apps/web under a page that is loading its chunks. The run
 * serves its own copy of the build (tmp/web-e2e/<run>), so that another run building meanwhile (a developer's, a second
 * checkout's test) cannot empty the app under this one's pages.
 */
export default async function globalSetup(): Promise<void> {
  await baseSetup();
  buildWeb();
  const copies = join(ROOT, 'tmp/web-e2e');
  mkdirSync(copies, { recursive: true });
  for (const old of readdirSync(copies)) {
    const dir = join(copies, old);
    if (Date.now() - statSync(dir).mtimeMs > 6 * 3_600_000) rmSync(dir, { recursive: true, force: true });
  }
  const own = join(copies, `${process.pid}-${Date.now()}`);
  cpSync(join(ROOT, 'dist/apps/web'), own, { recursive: true });
  // The workers start after the global setup and inherit its environment.
  process.env.THIDUA_E2E_WEB_DIR = own;
}
