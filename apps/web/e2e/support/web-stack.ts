import { join } from 'node:path';
import { startAwards } from '@thidua/awards';
import { loadGatewayConfig, startGateway } from '@thidua/gateway';
import { startParticipants } from '@thidua/participants';
import { startReporting } from '@thidua/reporting';
import { startScoring } from '@thidua/scoring';
import { gqlOk, startStack, type TestStack } from '@thidua/testing';
import { ROOT } from './build-web';

/** The whole graph on a fresh embedded database with both presets, the web app (built, and copied for this run, by the global setup) served by the gateway. */
export async function startWebStack(env: Record<string, string> = {}): Promise<TestStack & { call<T>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T> }> {
  const stack = await startStack({
    db: 'sqlite',
    subgraphs: { participants: startParticipants, scoring: startScoring, awards: startAwards, reporting: startReporting },
    gateway: (e) => startGateway(loadGatewayConfig({ ...e, WEB_DIR: process.env.THIDUA_E2E_WEB_DIR ?? join(ROOT, 'dist/apps/web') })),
    env: { REDIS_URL: '', ...env },
  });
  return { ...stack, call: <T>(query: string, variables: Record<string, unknown> = {}, token?: string) => gqlOk<T>(stack.url, query, variables, token) };
}
