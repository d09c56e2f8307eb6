import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { startAwards } from '@thidua/awards';
import { loadGatewayConfig, startGateway } from '@thidua/gateway';
import { startParticipants } from '@thidua/participants';
import { startReporting } from '@thidua/reporting';
import { startScoring } from '@thidua/scoring';
import { gqlOk, startStack, type TestStack } from '@thidua/testing';

const ROOT = join(__dirname, '../../../..');

/** Build the web app into dist/apps/web (skipped by the build when it is newer than its sources). */
export function buildWeb(): void {
  const r = spawnSync(process.execPath, ['tools/build.mjs', 'web'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('the web app did not build');
}

/** The whole graph on a fresh embedded database with both presets, the web app served by the gateway. */
export async function startWebStack(env: Record<string, string> = {}): Promise<TestStack & { call<T>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T> }> {
  buildWeb();
  const stack = await startStack({
    db: 'sqlite',
    subgraphs: { participants: startParticipants, scoring: startScoring, awards: startAwards, reporting: startReporting },
    gateway: (e) => startGateway(loadGatewayConfig({ ...e, WEB_DIR: join(ROOT, 'dist/apps/web') })),
    env: { REDIS_URL: '', ...env },
  });
  return { ...stack, call: <T>(query: string, variables: Record<string, unknown> = {}, token?: string) => gqlOk<T>(stack.url, query, variables, token) };
}
