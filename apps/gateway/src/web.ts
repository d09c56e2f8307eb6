import compression from 'compression';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { platformErrors } from '@thidua/platform';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { readCookie, SESSION_COOKIE } from './auth/viewer.middleware';

/** Paths the gateway answers itself; everything else that asks for a page gets the web app. */
const API_PREFIXES = ['/graphql', '/files', '/score-imports', '/auth', '/queues', '/health'];

export interface WebConfig {
  /** The built web app (index.html, assets/), or undefined when it has not been built. */
  dir?: string;
  /** Serve the GraphQL explorer on GET /graphql from a browser (never in production). */
  explorer: boolean;
}

/** An operation of the graph as the web app's renderer asks for it, run by the gateway for an anonymous visitor. */
export type ExecuteOperation = (
  operation: { query: string; variables?: Record<string, unknown>; operationName?: string },
  requestId: string,
) => Promise<{ data?: unknown; errors?: ReadonlyArray<unknown> }>;

export interface WebOptions {
  /** Runs the operations of a page rendered here (the gateway's own graph, as an anonymous visitor); none: no rendering. */
  execute?: ExecuteOperation;
  /** Whether this visitor's page may be rendered now (the address's rate limit); otherwise the browser renders it. */
  mayRender?: (req: Request) => Promise<boolean>;
}

/** The web build's renderer of public pages (apps/web/src/server.tsx, built as server/render.cjs). */
interface PageRenderer {
  renderPage(
    url: string,
    execute: (operation: Parameters<ExecuteOperation>[0]) => ReturnType<ExecuteOperation>,
    signal?: AbortSignal,
  ): Promise<{ head: string; body: string } | null>;
}

const RENDERER = 'server/render.cjs';
/** The app's element in index.html, where a rendered page goes. */
const EMPTY_ROOT = '<div id="root"></div>';
/** How long rendering a page may take before the rest of index.html is sent as it is and the browser renders it. */
const RENDER_TIMEOUT_MS = 2000;

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

/** Vite's build manifest (.vite/manifest.json): for each source module, its chunk and the chunks it imports statically. */
type ViteManifest = Record<string, { file: string; imports?: string[] }>;

/** index.html, and for the pages a visitor opens by their address the same page with their code preloaded. */
interface PageTemplates {
  /** When the files were written: a new build is read again. */
  builtAt: string;
  html: string;
  landing: Array<{ path: RegExp; html: string }>;
  /** The renderer of public pages, when the build has one. */
  renderer?: PageRenderer;
}

/** The build's renderer, loaded again (with its chunks) when a new build has replaced it. */
function loadRenderer(dir: string): PageRenderer | undefined {
  const file = join(dir, RENDERER);
  if (!existsSync(file)) return undefined;
  const folder = join(dir, 'server');
  for (const key of Object.keys(require.cache)) if (key.startsWith(folder)) delete require.cache[key];
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a file of the web build, found at run time
  return require(file) as PageRenderer;
}

const LANDING_PAGES = '.vite/landing-pages.json';
const MANIFEST = '.vite/manifest.json';

/** When index.html and the files its hints come from were written (any change: a new build). */
function builtAt(dir: string): string {
  return ['index.html', LANDING_PAGES, MANIFEST, RENDERER].map((f) => (existsSync(join(dir, f)) ? statSync(join(dir, f)).mtimeMs : 0)).join();
}

/** "/don-vi/:code" → a pattern for the path, a ":name" standing for one part of it. */
function pathPattern(route: string): RegExp {
  const parts = route.split('/').map((p) => (p.startsWith(':') ? '[^/]+' : p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  return new RegExp(`^${parts.join('/')}/?$`);
}

/**
 * index.html with, for each landing page the web build lists (.vite/landing-pages.json: a path as the routes name it
 * and the page's module, or its modules: the page's and its route loader's), a `<link rel="modulepreload">` for each chunk of that module that index.html does not load
 * already (Vite's manifest gives the chunks). The browser then downloads the page's code with the entry's instead of
 * after the entry has run and asked for it. Without those files (an older build) every page is index.html as it is.
 */
function readTemplates(dir: string): PageTemplates {
  const templates: PageTemplates = { builtAt: builtAt(dir), html: readFileSync(join(dir, 'index.html'), 'utf8'), landing: [], renderer: loadRenderer(dir) };
  const html = templates.html;
  const pagesFile = join(dir, LANDING_PAGES);
  const manifestFile = join(dir, MANIFEST);
  if (!existsSync(pagesFile) || !existsSync(manifestFile)) return templates;
  const pages = JSON.parse(readFileSync(pagesFile, 'utf8')) as Record<string, string | string[]>;
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as ViteManifest;
  const head = html.lastIndexOf('</head>');
  if (head < 0) return templates;
  for (const [route, modules] of Object.entries(pages)) {
    const files: string[] = [];
    const visit = (key: string) => {
      const chunk = manifest[key];
      if (!chunk || files.includes(chunk.file)) return;
      files.push(chunk.file);
      for (const imported of chunk.imports ?? []) visit(imported);
    };
    for (const module of [modules].flat()) visit(module);
    const links = files
      .filter((f) => f.endsWith('.js') && !html.includes(`"/${f}"`))
      .map((f) => `    <link rel="modulepreload" crossorigin href="/${f}">\n`)
      .join('');
    if (links) templates.landing.push({ path: pathPattern(route), html: `${html.slice(0, head)}${links}  ${html.slice(head)}` });
  }
  return templates;
}

/**
 * The web application on the gateway's origin: hashed assets cached for a year, index.html for every page path
 * (client-side routes), and outside production the GraphQL explorer when a browser opens /graphql.
 */
export function webApp(config: WebConfig, options: WebOptions = {}): Router {
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
  let templates: PageTemplates | undefined;
  // Read (with the renderer's code) when the gateway starts, not on the first visitor's request.
  try {
    templates = readTemplates(dir);
  } catch {
    templates = undefined;
  }
  /**
   * A public page with a route loader, for a visitor who is not signed in, rendered with its data (apps/web/src/server.tsx):
   * readable before the app's code has run. Anything else, a renderer that fails or is late, or a graph that answers
   * with an error: null, and the browser renders the page as it does without the renderer.
   */
  const render = async (req: Request, renderer: PageRenderer, execute: ExecuteOperation): Promise<{ head: string; body: string } | null> => {
    const deadline = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => {
      timer = setTimeout(() => {
        deadline.abort();
        req.log?.warn({ path: req.path, ms: RENDER_TIMEOUT_MS }, 'page rendering late; sent for the browser to render');
        resolve(null);
      }, RENDER_TIMEOUT_MS);
    });
    try {
      const url = `http://localhost${req.originalUrl}`;
      return await Promise.race([renderer.renderPage(url, (operation) => execute(operation, req.requestId), deadline.signal), late]);
    } catch (err) {
      req.log?.warn({ err: String(err), path: req.path }, 'page rendering failed; sent for the browser to render');
      return null;
    } finally {
      clearTimeout(timer);
    }
  };
  router.use(async (req: Request, res: Response, next: NextFunction) => {
    if (!wantsPage(req) || API_PREFIXES.some((p) => req.path === p || req.path.startsWith(`${p}/`))) return next();
    pageHeaders(res);
    let html: string;
    let renderer: PageRenderer | undefined;
    try {
      if (templates?.builtAt !== builtAt(dir)) templates = readTemplates(dir);
      html = templates.landing.find((l) => l.path.test(req.path))?.html ?? templates.html;
      renderer = templates.renderer;
    } catch {
      // While a new build replaces the files, the page says so instead of an error.
      templates = undefined;
      res.status(503).type('html').send(NOT_BUILT);
      return;
    }
    const root = html.indexOf(EMPTY_ROOT);
    const execute = options.execute;
    if (!renderer || !execute || req.method !== 'GET' || readCookie(req, SESSION_COOKIE) || root < 0 || !(await (options.mayRender?.(req) ?? true))) {
      res.type('html').send(html);
      return;
    }
    // The head goes first, with the page's preload hints: the browser downloads the app's code while the page is being
    // rendered. Then the page, or the rest of index.html as it is.
    res.type('html');
    res.write(html.slice(0, root));
    (res as Response & { flush?: () => void }).flush?.();
    const page = await render(req, renderer, execute);
    res.end(page ? `${page.head}<div id="root">${page.body}</div>${html.slice(root + EMPTY_ROOT.length)}` : html.slice(root));
  });
  return router;
}
