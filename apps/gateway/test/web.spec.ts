import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startParticipants } from '@thidua/participants';
import { gql, startStack, type TestStack } from '@thidua/testing';
import express from 'express';
import type { AddressInfo } from 'node:net';
import { loadGatewayConfig, startGateway } from '../src';
import { loadWebConfig, webApp } from '../src/web';

// The gateway serves a built web app (here a stand-in with the same layout as dist/apps/web) on the graph's origin.
describe('the web app on the gateway', () => {
  let stack: TestStack;
  let web: string;
  beforeAll(async () => {
    web = mkdtempSync(join(tmpdir(), 'thidua-web-'));
    mkdirSync(join(web, 'assets'));
    writeFileSync(
      join(web, 'index.html'),
      '<!doctype html><head><title>Thi đua chuyển đổi số</title><script type="module" crossorigin src="/assets/main-abc123.js"></script>' +
        '<link rel="modulepreload" crossorigin href="/assets/react-abc123.js"></head><div id="root"></div>',
    );
    writeFileSync(join(web, 'explorer.html'), '<!doctype html><title>GraphQL — thidua</title>');
    writeFileSync(join(web, 'assets', 'main-abc123.js'), 'console.log("thidua");'.repeat(200));
    // What the web build writes for the gateway's preload hints: Vite's manifest and the pages opened by their address.
    mkdirSync(join(web, '.vite'));
    const manifest = {
      'index.html': { file: 'assets/main-abc123.js', isEntry: true, imports: ['_react-abc123.js'] },
      '_react-abc123.js': { file: 'assets/react-abc123.js' },
      '_table-abc123.js': { file: 'assets/table-abc123.js', imports: ['_react-abc123.js'] },
      'src/pages/public/rankings-page.tsx': { file: 'assets/rankings-page-abc123.js', isDynamicEntry: true, imports: ['_react-abc123.js', '_table-abc123.js', 'index.html'] },
      'src/pages/public/unit-page.tsx': { file: 'assets/unit-page-abc123.js', isDynamicEntry: true, imports: ['_table-abc123.js'] },
      'src/features/ranking/rankings-query.ts': { file: 'assets/rankings-query-abc123.js', isDynamicEntry: true, imports: ['_react-abc123.js', 'index.html'] },
    };
    writeFileSync(join(web, '.vite', 'manifest.json'), JSON.stringify(manifest));
    writeFileSync(join(web, '.vite', 'landing-pages.json'), JSON.stringify({
        // A page's route loader's module and the page's, in the order they are needed.
        '/xep-hang': ['src/features/ranking/rankings-query.ts', 'src/pages/public/rankings-page.tsx'],
        '/don-vi/:code': 'src/pages/public/unit-page.tsx',
      }));
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

  it("preloads the code of a page opened by its address with index.html's", async () => {
    const page = async (path: string) => {
      const html = await (await fetch(`${stack.origin}${path}`, { headers: { accept: 'text/html' } })).text();
      return [...html.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">/g)].map((m) => m[1]);
    };
    // The page's chunks (its loader's first) and what they import, once each and in that order, besides what
    // index.html loads already.
    expect(await page('/xep-hang?phongTrao=BMT&nam=2026')).toEqual([
      '/assets/react-abc123.js',
      '/assets/rankings-query-abc123.js',
      '/assets/rankings-page-abc123.js',
      '/assets/table-abc123.js',
    ]);
    expect(await page('/don-vi/P-BMT')).toEqual(['/assets/react-abc123.js', '/assets/unit-page-abc123.js', '/assets/table-abc123.js']);
    expect(await page('/')).toEqual(['/assets/react-abc123.js']);
    expect(await page('/don-vi/P-BMT/lich-su')).toEqual(['/assets/react-abc123.js']);
    // The build's own files are not served.
    expect((await fetch(`${stack.origin}/.vite/manifest.json`)).status).toBe(404);
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

  it('never gives the explorer in production: /graphql stays the graph alone', async () => {
    const config = loadWebConfig(true, web);
    expect(config).toEqual({ dir: web, explorer: false });
    const app = express();
    app.use(webApp(config));
    app.use('/graphql', (_req, res) => res.status(400).json({ errors: [{ message: 'graph' }] }));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, { headers: { accept: 'text/html' } });
      const body = await res.text();
      expect(body).not.toContain('GraphQL — thidua');
      expect(body).toContain('graph');
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it("sends a public page rendered with the graph's answers to a visitor not signed in, and leaves the rest to the browser", async () => {
    // A stand-in for the web build's renderer (apps/web/src/server.tsx, built as server/render.cjs): the ranking's
    // address is rendered with what the graph answers an anonymous visitor; one address fails, one is late.
    mkdirSync(join(web, 'server'), { recursive: true });
    writeFileSync(
      join(web, 'server', 'render.cjs'),
      `exports.renderPage = async (url, execute) => {
        const { pathname } = new URL(url);
        if (pathname === '/hong') throw new Error('the renderer failed');
        if (pathname === '/cham') await new Promise((r) => setTimeout(r, 5000));
        if (pathname !== '/xep-hang') return null;
        const { data } = await execute({ query: '{ viewer { anonymous } }' });
        return { head: '<style>.x{}</style>', body: '<p>' + JSON.stringify(data) + ' ' + url + '</p>' };
      };`,
    );
    try {
      const page = async (path: string, cookie?: string) => (await fetch(`${stack.origin}${path}`, { headers: { accept: 'text/html', ...(cookie ? { cookie } : {}) } })).text();
      const rendered = await page('/xep-hang?phongTrao=BMT&nam=2026');
      // The head first, with the page's preload hints, then the page's styles and state before its markup.
      expect(rendered).toContain('<link rel="modulepreload" crossorigin href="/assets/rankings-page-abc123.js">');
      expect(rendered).toContain('<style>.x{}</style><div id="root"><p>{"viewer":{"anonymous":true}} http://localhost/xep-hang?phongTrao=BMT&nam=2026</p></div>');
      // A signed-in visitor's session may see more than the public: the browser asks for the page with it.
      expect(await page('/xep-hang?phongTrao=BMT&nam=2026', 'thidua_session=abc')).toContain('<div id="root"></div>');
      // A page the renderer does not render, fails on or is late with (2 s): index.html as it is, at once or after it.
      for (const path of ['/', '/hong', '/cham']) {
        const started = Date.now();
        expect(await page(path)).toContain('<div id="root"></div>');
        expect(Date.now() - started).toBeLessThan(4000);
      }
      // Past the address's rate limit, the page is not rendered: the browser renders it (and meets the limit itself).
      for (const allowed of [true, false]) {
        const app = express();
        app.use(webApp(loadWebConfig(false, web), { execute: async () => ({ data: { viewer: { anonymous: true } } }), mayRender: async () => allowed }));
        const server = app.listen(0, '127.0.0.1');
        await new Promise((r) => server.once('listening', r));
        try {
          const html = await (await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/xep-hang`, { headers: { accept: 'text/html' } })).text();
          expect(html.includes('<div id="root"></div>')).toBe(!allowed);
        } finally {
          await new Promise((r) => server.close(r));
        }
      }
    } finally {
      rmSync(join(web, 'server'), { recursive: true, force: true });
    }
  });

  it('answers unknown API paths in Vietnamese', async () => {
    const res = await fetch(`${stack.origin}/api/khong-co`, { method: 'POST' });
    expect(res.status).toBe(404);
    const body = (await res.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(body.errors[0]?.extensions.code).toBe('NOT_FOUND');
    expect(body.errors[0]?.message).toMatch(/Không tìm thấy/);
  });
});
