import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(__dirname, '../../../..');

/** Build the web app into dist/apps/web (skipped by the build when it is newer than its sources). */
export function buildWeb(): void {
  const r = spawnSync(process.execPath, ['tools/build.mjs', 'web'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('the web app did not build');
}
