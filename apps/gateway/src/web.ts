import compression from 'compression';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { platformErrors } from '@thidua/platform';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';

/** Paths the gateway answers itself; everything else that asks for a page gets the web app. */
const API_PREFIXES = ['/graphql', '/files', '/score-imports', '/auth', '/queues', '/health'];

export interface WebConfig {
  /** The built web app (index.html, assets/), or undefined when it has not been built. */
  dir?: string;
  /** Serve the GraphQL explorer on GET /graphql from a browser (never in production). */
  explorer: boolean;
}

/** Where the built web app is: WEB_DIR, else dist/apps/web beside the gateway's bundle or under the working directory. */
export function loadWebConfig(production: boolean, webDir?: string): WebConfig {
  const candidates = webDir ? [resolve(webDir)] : [resolve(__dirname, '../web'), resolve(process.cwd(), 'dist/apps/web')];
  const dir = candidates.find((d) => existsSync(join(d, 'index.html')));
  return { dir, explorer: !production };
}

const NOT_BUILT = `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Thi đua chuyển đổi số</title>
<body style="font-family:sans-serif;max-width:640px;margin:64px auto;line-height:1.5">
<h1>Ứng dụng web chưa được xây dựng</h1>
<p>Chạy <code>npm run build</code> (hoặc <code>npm start</code>, lệnh này tự xây dựng) rồi tải lại trang. API GraphQL vẫn hoạt động tại <code>/graphql</code>.</p>
</body></html>`;

/** Headers for the app's HTML: no framing, no sniffing, scripts only from this origin (antd injects its styles). */
function pageHeaders(res: Response): void {
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('x-frame-options', 'DENY');
  res.setHeader('referrer-policy', 'same-origin');
  res.setHeader(
    'content-security-policy',
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  );
  res.setHeader('cache-control', 'no-cache');
}

/** A request for a page: a GET that accepts HTML (a browser, or a client that accepts anything) for a path without an extension. */
function wantsPage(req: Request): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const accept = req.headers.accept ?? '*/*';
  return accept.includes('text/html') || (accept.includes('*/*') && !/\.[a-z0-9]+$/i.test(req.path));
}

/**
 * The web application on the gateway's origin: hashed assets cached for a year, index.html for every page path
 * (client-side routes), and outside production the GraphQL explorer when a browser opens /graphql.
 */
export function webApp(config: WebConfig): Router {
  const router = express.Router();
  router.use(compression());
  if (!config.dir) {
    router.use((req: Request, res: Response, next: NextFunction) => {
      if (!wantsPage(req) || API_PREFIXES.some((p) => req.path.startsWith(p))) return next();
      pageHeaders(res);
      res.status(503).type('html').send(NOT_BUILT);
    });
    return router;
  }
  const dir = config.dir;
  const explorer = join(dir, 'explorer.html');
  router.get('/graphql', (req: Request, res: Response, next: NextFunction) => {
    // Only a browser gets the explorer; a GET query from a client stays a GraphQL request.
    if (!config.explorer || !(req.headers.accept ?? '').includes('text/html') || !existsSync(explorer)) return next();
    pageHeaders(res);
    res.sendFile(explorer);
  });
  router.use('/assets', express.static(join(dir, 'assets'), { immutable: true, maxAge: '365d', index: false }));
  router.use('/assets', (req: Request, res: Response) => {
    res.status(404).json({ errors: [{ message: platformErrors.NOT_FOUND, extensions: { code: 'NOT_FOUND', requestId: req.requestId } }] });
  });
  router.use(express.static(dir, { index: false, maxAge: '1h' }));
  router.use((req: Request, res: Response, next: NextFunction) => {
    if (!wantsPage(req) || API_PREFIXES.some((p) => req.path === p || req.path.startsWith(`${p}/`))) return next();
    pageHeaders(res);
    // While a new build replaces the files, the page says so instead of an error.
    res.sendFile(join(dir, 'index.html'), (err) => {
      if (err && !res.headersSent) res.status(503).type('html').send(NOT_BUILT);
    });
  });
  return router;
}
