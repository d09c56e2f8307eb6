import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startParticipants } from '@thidua/participants';
import { gql, startStack, type TestStack } from '@thidua/testing';
import { loadGatewayConfig, startGateway } from '../src';

// The gateway serves a built web app (here a stand-in with the same layout as dist/apps/web) on the graph's origin.
describe('the web app on the gateway', () => {
  let stack: TestStack;
  let web: string;
  beforeAll(async () => {
    web = mkdtempSync(join(tmpdir(), 'thidua-web-'));
    mkdirSync(join(web, 'assets'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>Thi đua chuyển đổi số</title><div id="root"></div>');
    writeFileSync(join(web, 'explorer.html'), '<!doctype html><title>GraphQL — thidua</title>');
    writeFileSync(join(web, 'assets', 'main-abc123.js'), 'console.log("thidua");'.repeat(200));
    stack = await startStack({
      db: 'sqlite',
      presets: false,
      subgraphs: { participants: startParticipants },
      gateway: (env) => startGateway(loadGatewayConfig({ ...env, WEB_DIR: web })),
    });
  });
  afterAll(async () => {
    await stack?.close();
    rmSync(web, { recursive: true, force: true });
  });

  it('answers every page path with the app, in a browser or not, with safe headers', async () => {
    for (const [path, accept] of [
      ['/', undefined],
      ['/', 'text/html,application/xhtml+xml'],
      ['/xep-hang?phongTrao=BMT', 'text/html'],
      ['/don-vi-cua-toi/tu-danh-gia/DN/2026', 'text/html'],
    ] as const) {
      const res = await fetch(`${stack.origin}${path}`, { headers: accept ? { accept } : {} });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<div id="root"></div>');
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('cache-control')).toBe('no-cache');
    }
  });

  it('serves hashed assets for a year, compressed', async () => {
    const res = await fetch(`${stack.origin}/assets/main-abc123.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toMatch(/max-age=31536000.*immutable/);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect((await fetch(`${stack.origin}/assets/none.js`)).status).toBe(404);
  });

  it('keeps /graphql a GraphQL endpoint, and gives a browser the explorer outside production', async () => {
    const page = await fetch(`${stack.origin}/graphql`, { headers: { accept: 'text/html' } });
    expect(await page.text()).toContain('GraphQL — thidua');
    expect((await gql(stack.url, '{ viewer { anonymous } }')).data).toEqual({ viewer: { anonymous: true } });
    const get = await fetch(`${stack.origin}/graphql?query=${encodeURIComponent('{ viewer { anonymous } }')}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(await get.json()).toEqual({ data: { viewer: { anonymous: true } } });
  });

  it('answers unknown API paths in Vietnamese', async () => {
    const res = await fetch(`${stack.origin}/api/khong-co`, { method: 'POST' });
    expect(res.status).toBe(404);
    const body = (await res.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(body.errors[0]?.extensions.code).toBe('NOT_FOUND');
    expect(body.errors[0]?.message).toMatch(/Không tìm thấy/);
  });
});
