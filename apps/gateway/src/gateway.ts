import { readFileSync } from 'node:fs';
import http from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  ANONYMOUS,
  AuditEntry,
  createLogger,
  countSubgraphError,
  createServiceApp,
  createTokenVerifier,
  errorHandler,
  formatClientError,
  GATEWAY_SECRET_HEADER,
  hasRole,
  IDEMPOTENCY_HEADER,
  IDEMPOTENT_REPLAYED_HEADER,
  listen,
  openDatabase,
  platformErrors,
  readIdempotencyKey,
  REQUEST_ID_HEADER,
  type AppError,
  type Database,
  type RunningServer,
  type Viewer,
  graphqlMetricsPlugin,
} from '@thidua/platform';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import bundledSupergraph from '../supergraph.graphql';
import { Account } from './auth/account.entity';
import { AccountService } from './auth/account.service';
import { authError, sendError } from './auth/auth.errors';
import { sendPage } from './auth/auth.pages';
import { createAuthRouter } from './auth/auth.routes';
import { OidcService } from './auth/oidc';
import { Session } from './auth/session.entity';
import { SessionService, type Clock } from './auth/session.service';
import { originMatches, ViewerResolver } from './auth/viewer.middleware';
import type { GatewayConfig } from './config';
import { mysqlMigrations, sqliteMigrations } from './migrations';
import type { SubgraphName } from './subgraphs';
import { createRateLimiter, type RateLimiter } from './rate-limit';
import { loadWebConfig, webApp, type ExecuteOperation } from './web';

/** Every entity of the gateway's own database (accounts and sessions), listed explicitly. */
export const gatewayEntities = [AuditEntry, Account, Session];

/** Per-request state of the gateway: what it forwards to the subgraphs. */
export interface GatewayContext {
  authorization?: string;
  /** The client's Idempotency-Key, forwarded to the subgraph that runs a mutation (libs/platform idempotency.ts). */
  idempotencyKey?: string;
  /** A subgraph answered a mutation with the kept first answer of its key: the client is told so (the same header). */
  replayed?: boolean;
  requestId: string;
  viewer: Viewer;
}

/** graphql-armor's refusals, each with what it means in Vietnamese (the limit and what the query had). */
const QUERY_LIMITS: Array<[RegExp, (limit: string, found: string) => string]> = [
  [/depth limit of (\d+) exceeded, found (\d+)/i, (l, f) => `độ sâu ${f} vượt mức tối đa ${l}`],
  [/aliases limit of (\d+) exceeded, found (\d+)/i, (l, f) => `${f} bí danh, vượt mức tối đa ${l}`],
  [/cost limit of (\d+) exceeded, found (\d+)/i, (l, f) => `chi phí ${f} vượt mức tối đa ${l}; hãy giảm số bản ghi mỗi trang`],
  [/directives limit of (\d+) exceeded, found (\d+)/i, (l, f) => `${f} chỉ thị, vượt mức tối đa ${l}`],
  // graphql-js stops parsing at the limit, so the total is not known.
  [/Document contains more (?:that|than) (\d+) tokens()/i, (l) => `quá ${l} ký hiệu, mức tối đa cho phép`],
];
const QUERY_LIMIT_PATTERNS = [/depth limit/i, /aliases limit/i, /cost limit/i, /directives limit/i, /Document contains more (?:that|than) \d+ tokens/i];

/** A person's query, a query of the graph's own services (SERVICE token: report runs, eligibility), a mutation. */
type OperationKind = 'query' | 'service-query' | 'mutation';

/**
 * Set by the data source on each request to a subgraph: whether it carries a person's query, a service's query or a
 * mutation, so that the fetcher picks the deadline. Internal to the gateway: the fetcher removes it before the request
 * leaves (and a client's headers are never passed on, so no client can set it).
 */
export const OPERATION_KIND_HEADER = 'x-thidua-operation-kind';

/**
 * How long a subgraph has for its part: a query's (a person waits for the page) and a mutation's (a write). The
 * services' own queries (a report run walking a ranking of 10,000 units page by page) have nobody waiting for a page
 * and every part of their answer matters: they get the mutation's deadline, bounded by their own client's.
 */
export interface SubgraphDeadlines {
  queryMs: number;
  mutationMs: number;
}

function unavailable(service: string, code: 'SUBGRAPH_TIMEOUT' | 'SERVICE_UNAVAILABLE', kind: OperationKind): globalThis.Response {
  // A mutation that timed out may have been made after all: its own code says so, rather than that it failed.
  const outcomeUnknown = code === 'SUBGRAPH_TIMEOUT' && kind === 'mutation';
  const message = outcomeUnknown
    ? `Dịch vụ «${service}» không phản hồi kịp nên chưa rõ thay đổi đã được ghi nhận hay chưa; vui lòng tải lại để kiểm tra trước khi thực hiện lại. Gửi lại đúng thao tác đó với cùng khoá chống gửi trùng (Idempotency-Key) là an toàn: thay đổi chỉ được ghi một lần.`
    : code === 'SUBGRAPH_TIMEOUT'
      ? `Dịch vụ «${service}» không phản hồi kịp; phần dữ liệu của dịch vụ này bị bỏ trống.`
      : `Dịch vụ «${service}» tạm thời không truy cập được; phần dữ liệu của dịch vụ này bị bỏ trống.`;
  return new Response(JSON.stringify({ data: null, errors: [{ message, extensions: { code: outcomeUnknown ? 'OUTCOME_UNKNOWN' : code, lang: 'vi', service } }] }), {
    status: 200,
    headers: { 'content-type': 'application/json' },
  });
}

/** The operation kind the data source marked on a request (and the request's headers without the mark). */
function takeOperationKind(init: RequestInit | undefined): { kind: OperationKind; init: RequestInit | undefined } {
  const headers = init?.headers;
  if (!headers) return { kind: 'query', init };
  const h = new Headers(headers);
  const mark = h.get(OPERATION_KIND_HEADER);
  const kind: OperationKind = mark === 'mutation' || mark === 'service-query' ? mark : 'query';
  h.delete(OPERATION_KIND_HEADER);
  return { kind, init: { ...init, headers: h } };
}

/**
 * A fetch for one subgraph with a deadline: a hung or dead subgraph becomes a GraphQL error in
 * Vietnamese for its part of the plan, so the client gets partial data instead of a hung request.
 * A person's query has `queryMs` for each part, a mutation and a service's query `mutationMs` (as marked by the data
 * source, OPERATION_KIND_HEADER); a number is both.
 */
export function subgraphFetcher(service: string, deadlines: SubgraphDeadlines | number, logger: Logger): typeof fetch {
  const { queryMs, mutationMs } = typeof deadlines === 'number' ? { queryMs: deadlines, mutationMs: deadlines } : deadlines;
  return async (input, givenInit) => {
    const { kind, init } = takeOperationKind(givenInit);
    const timeoutMs = kind === 'query' ? queryMs : mutationMs;
    try {
      const res = await fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) });
      if (res.status >= 500) countSubgraphError(service, `HTTP_${res.status}`);
      if (!res.ok && (res.headers.get('content-type') ?? '').includes('json')) {
        // Our subgraphs answer refusals as GraphQL errors with a status; keep their message.
        const body = await res.text();
        return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
      }
      return res;
    } catch (err) {
      // Checked by name: the abort reason is a DOMException, not always an Error of this realm.
      const name = (err as { name?: unknown } | null)?.name;
      const timedOut = name === 'TimeoutError' || name === 'AbortError';
      logger.warn({ service, kind, timeoutMs, err: String(err) }, timedOut ? 'subgraph timeout' : 'subgraph unreachable');
      countSubgraphError(service, timedOut ? 'SUBGRAPH_TIMEOUT' : 'SERVICE_UNAVAILABLE');
      return unavailable(service, timedOut ? 'SUBGRAPH_TIMEOUT' : 'SERVICE_UNAVAILABLE', kind);
    }
  };
}

/** A malformed Idempotency-Key is refused at the edge (400, Vietnamese), before any subgraph is asked. */
function idempotencyKeyCheck(req: Request, res: Response, next: () => void): void {
  try {
    readIdempotencyKey(req.header(IDEMPOTENCY_HEADER));
    next();
  } catch (err) {
    const e = err as AppError;
    res.status(e.httpStatus).json({ errors: [{ message: e.message, extensions: { code: e.code, lang: 'vi', requestId: req.requestId } }] });
  }
}

/** Whether the operation the gateway sends a subgraph is a mutation (its plan prints `mutation …`, a query `query …` or `{`). */
export function isMutation(query: string | undefined): boolean {
  return /^\s*mutation\b/.test(query ?? '');
}

type ReceivedResponse = Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['didReceiveResponse']>>[0];

class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(url: string, private readonly secret: string, fetcher: typeof fetch) {
    super({ url, fetcher: fetcher as never });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http?.headers;
    if (!headers) return;
    headers.set(GATEWAY_SECRET_HEADER, this.secret);
    const service = 'viewer' in context && context.viewer ? hasRole(context.viewer, 'SERVICE') : false;
    headers.set(OPERATION_KIND_HEADER, isMutation(request.query) ? 'mutation' : service ? 'service-query' : 'query');
    if ('requestId' in context && context.requestId) headers.set(REQUEST_ID_HEADER, context.requestId);
    if ('authorization' in context && context.authorization) headers.set('authorization', context.authorization);
    if ('idempotencyKey' in context && context.idempotencyKey && isMutation(request.query)) headers.set(IDEMPOTENCY_HEADER, context.idempotencyKey);
  }

  override didReceiveResponse({ response, context }: ReceivedResponse): ReceivedResponse['response'] {
    if (response.http?.headers.get(IDEMPOTENT_REPLAYED_HEADER) === 'true' && 'requestId' in context) context.replayed = true;
    return response;
  }
}

/** Tells the client, in the subgraph's header, that its repeated mutation was answered with the first answer. */
const replayedHeaderPlugin: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        if (contextValue.replayed) response.http.headers.set(IDEMPOTENT_REPLAYED_HEADER, 'true');
      },
    };
  },
};

function loadSupergraph(config: GatewayConfig): string {
  return config.supergraphPath ? readFileSync(config.supergraphPath, 'utf8') : bundledSupergraph;
}

function queryLimitMessage(english: string): string {
  for (const [pattern, say] of QUERY_LIMITS) {
    const m = pattern.exec(english);
    if (m?.[1] && m[2] !== undefined) return `${platformErrors.QUERY_REJECTED} (${say(m[1], m[2])})`;
  }
  return platformErrors.QUERY_REJECTED;
}

/** Map an error leaving the gateway to what a client sees (Vietnamese, stable code, no internals). */
export function formatGatewayError(formatted: Parameters<typeof formatClientError>[0], error: unknown) {
  const ext = (formatted.extensions ?? {}) as Record<string, unknown>;
  if (ext.lang === 'vi' && typeof ext.code === 'string') {
    const { lang: _lang, ...rest } = ext;
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: rest };
  }
  if (QUERY_LIMIT_PATTERNS.some((p) => p.test(formatted.message))) {
    return {
      message: queryLimitMessage(formatted.message),
      locations: formatted.locations,
      extensions: { code: 'QUERY_REJECTED' },
    };
  }
  return formatClientError(formatted, error);
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Copy the named request headers that are present. */
function pickHeaders(req: Request, names: string[], into: Record<string, string>): Record<string, string> {
  for (const h of names) {
    const v = req.header(h);
    if (v) into[h] = v;
  }
  return into;
}

/**
 * Stream a request to another service and its answer back. The deadline covers the answer's headers only; a body then
 * streams as long as the client reads, and a client that goes away aborts the upstream request. Stream errors end the
 * response, never the process. Resolves to the error when the service could not answer before anything was sent
 * (the caller says so to the client), else to null.
 */
async function relay(
  req: Request,
  res: Response,
  opts: { url: string; headers: Record<string, string>; responseHeaders: string[]; deadlineMs: number; redirect?: 'follow' | 'manual' },
): Promise<unknown> {
  const abort = new AbortController();
  res.on('close', () => abort.abort());
  const deadline = setTimeout(() => abort.abort(), opts.deadlineMs);
  try {
    const upstream = await fetch(opts.url, {
      method: req.method,
      headers: opts.headers,
      body: SAFE_METHODS.has(req.method) ? undefined : (Readable.toWeb(req) as ReadableStream),
      duplex: 'half',
      redirect: opts.redirect ?? 'follow',
      signal: abort.signal,
    } as RequestInit);
    clearTimeout(deadline);
    res.status(upstream.status);
    for (const h of opts.responseHeaders) {
      const v = upstream.headers.get(h);
      if (v) res.setHeader(h, v);
    }
    if (upstream.body) await pipeline(Readable.fromWeb(upstream.body as never), res);
    else res.end();
    return null;
  } catch (err) {
    clearTimeout(deadline);
    if (!res.headersSent) return err;
    res.destroy();
    return null;
  }
}

/**
 * Proxy /files to the participants subgraph (the file owner), with the same headers as GraphQL calls (the
 * viewer's bearer token, from the request or minted for its session).
 */
function filesProxy(config: GatewayConfig, logger: Logger) {
  const base = new URL(config.subgraphUrls.participants);
  return async (req: Request, res: Response) => {
    const headers = pickHeaders(req, ['content-type', 'content-length'], { [GATEWAY_SECRET_HEADER]: config.gatewaySecret, [REQUEST_ID_HEADER]: req.requestId });
    if (req.auth?.forward) headers.authorization = req.auth.forward;
    const failed = await relay(req, res, {
      url: new URL(req.originalUrl, base.origin).toString(),
      headers,
      responseHeaders: ['content-type', 'content-length', 'content-disposition', 'x-content-type-options', 'cache-control'],
      // An upload is answered once it has all arrived: its deadline grows with its size (at least 250 kB/s, so a
      // 128 MiB bulk import's .zip has some nine minutes).
      deadlineMs: Math.max(config.subgraphTimeoutMs, 30_000) + (req.method === 'POST' ? Math.ceil((Number(req.header('content-length')) || 0) / 250) : 0),
    });
    if (failed) {
      logger.warn({ err: String(failed) }, 'files proxy failed');
      res.status(503).json({ errors: [{ message: platformErrors.SERVICE_UNAVAILABLE, extensions: { code: 'SERVICE_UNAVAILABLE', requestId: req.requestId } }] });
    }
  };
}

/**
 * Proxy POST /inbox/reports to the reporting subgraph: a city's signed report arriving at the province. No sign-in
 * (no viewer, no token forwarded): the sender's HMAC signature over the raw body, checked by reporting, is the
 * authentication. The body streams through unchanged, with the signature headers.
 */
function inboxProxy(config: GatewayConfig, logger: Logger) {
  const base = new URL(config.subgraphUrls.reporting);
  return async (req: Request, res: Response) => {
    const headers = pickHeaders(req, ['content-type', 'content-length', 'x-thidua-signature', 'x-thidua-timestamp', 'x-thidua-sender', IDEMPOTENCY_HEADER], {
      [GATEWAY_SECRET_HEADER]: config.gatewaySecret,
      [REQUEST_ID_HEADER]: req.requestId,
    });
    const failed = await relay(req, res, {
      url: new URL('/inbox/reports', base.origin).toString(),
      headers,
      responseHeaders: ['content-type', 'content-length'],
      deadlineMs: Math.max(config.subgraphTimeoutMs, 30_000) + Math.ceil((Number(req.header('content-length')) || 0) / 250),
    });
    if (failed) {
      logger.warn({ err: String(failed) }, 'inbox proxy failed');
      res.status(503).json({ errors: [{ message: platformErrors.SERVICE_UNAVAILABLE, extensions: { code: 'SERVICE_UNAVAILABLE', requestId: req.requestId } }] });
    }
  };
}

/**
 * Proxy GET /score-imports/template to the scoring subgraph: the lead agency's bulk score template as a download (a
 * province's is too big and too slow for a GraphQL answer). Scoring authorises the viewer's token again.
 */
function scoreTemplateProxy(config: GatewayConfig, logger: Logger) {
  const base = new URL(config.subgraphUrls.scoring);
  return async (req: Request, res: Response) => {
    const headers = pickHeaders(req, [], { [GATEWAY_SECRET_HEADER]: config.gatewaySecret, [REQUEST_ID_HEADER]: req.requestId });
    if (req.auth?.forward) headers.authorization = req.auth.forward;
    const failed = await relay(req, res, {
      url: new URL(req.originalUrl, base.origin).toString(),
      headers,
      responseHeaders: ['content-type', 'content-length', 'content-disposition', 'x-content-type-options', 'cache-control'],
      // Scoring sends the headers before it builds the workbook; the body then streams as long as it takes.
      deadlineMs: Math.max(config.subgraphTimeoutMs, 30_000),
    });
    if (failed) {
      logger.warn({ err: String(failed) }, 'score template proxy failed');
      res.status(503).json({ errors: [{ message: platformErrors.SERVICE_UNAVAILABLE, extensions: { code: 'SERVICE_UNAVAILABLE', requestId: req.requestId } }] });
    }
  };
}

/**
 * An upload authenticated by the session cookie must come from this site's own script: a cross-site form can post
 * multipart without a preflight, but it cannot add a custom header.
 */
function filesCsrf(req: Request, res: Response, next: NextFunction): void {
  if (req.auth?.source === 'session' && (req.header('x-thidua-csrf') !== '1' || !originMatches(req))) return sendError(req, res, authError('CSRF_REJECTED'));
  next();
}

/** "/dang-nhap?returnTo=/queues/…" keeping the path readable. */
function signInUrl(returnTo: string): string {
  return `/dang-nhap?returnTo=${encodeURIComponent(returnTo).replace(/%2F/gi, '/')}`;
}

/**
 * Proxy /queues (the report worker's bull-board dashboard, which serves itself under the same base path) for a
 * signed-in ADMIN, with the viewer's bearer token: the worker checks it again.
 */
function queuesProxy(config: GatewayConfig, logger: Logger) {
  return async (req: Request, res: Response) => {
    const auth = req.auth;
    if (!auth || auth.source === 'anonymous') {
      if (SAFE_METHODS.has(req.method)) return res.redirect(302, signInUrl(req.originalUrl));
      return res.status(401).json({ errors: [{ message: platformErrors.UNAUTHENTICATED, extensions: { code: 'UNAUTHENTICATED', requestId: req.requestId } }] });
    }
    if (!hasRole(auth.viewer, 'ADMIN')) {
      return sendPage(res, 403, 'Không có quyền truy cập', 'Chỉ quản trị viên được xem bảng điều khiển hàng đợi công việc nền.');
    }
    // The dashboard's buttons (retry, clean…) change jobs: from a browser they must come from this site.
    if (auth.source === 'session' && !SAFE_METHODS.has(req.method) && (!req.headers.origin || !originMatches(req))) {
      return sendError(req, res, authError('CSRF_REJECTED'));
    }
    const headers = pickHeaders(req, ['accept', 'content-type', 'content-length', 'if-none-match', 'if-modified-since'], { [REQUEST_ID_HEADER]: req.requestId });
    if (auth.forward) headers.authorization = auth.forward;
    const failed = await relay(req, res, {
      url: `${config.reportWorkerUrl}${req.originalUrl}`,
      headers,
      // fetch has already decoded any compression, so length and encoding are not passed on.
      responseHeaders: ['content-type', 'cache-control', 'etag', 'last-modified', 'location'],
      // The dashboard's own pages, not a subgraph's part of a query: the deadline it always had.
      deadlineMs: Math.max(config.subgraphTimeoutMs, 10_000),
      redirect: 'manual',
    });
    if (failed) {
      logger.warn({ err: String(failed), url: config.reportWorkerUrl }, 'queue dashboard unreachable');
      sendPage(
        res,
        503,
        'Bảng điều khiển hàng đợi chưa sẵn sàng',
        'Bảng điều khiển hàng đợi chạy cùng tiến trình xử lý báo cáo nền, chỉ có khi hệ thống dùng Redis. Tiến trình này hiện không truy cập được; vui lòng báo bộ phận vận hành hệ thống.',
      );
    }
  };
}

export interface GatewayOptions {
  /** Now, for sessions and lockouts (tests move it instead of waiting). */
  clock?: Clock;
  /** Where the gateway logs (tests read it); default: JSON on stdout at LOG_LEVEL. */
  logger?: Logger;
}

export interface RunningGateway extends RunningServer {
  db: Database;
  accounts: AccountService;
  sessions: SessionService;
}

/** Shown once, on the start that created the first ADMIN with a random password; never logged. */
function printFirstAdminPassword(password: string): void {
  const line = '═'.repeat(68);
  process.stdout.write(
    [
      '',
      line,
      ' Đã tạo tài khoản quản trị đầu tiên.',
      ` Tài khoản quản trị: admin / mật khẩu lần đầu: ${password}`,
      ' Hãy đổi mật khẩu ngay sau khi đăng nhập. Mật khẩu này chỉ hiện một lần.',
      line,
      '',
      '',
    ].join('\n'),
  );
}

/** Sessions idle or past their end are deleted this often (lookups refuse them anyway). */
const PURGE_INTERVAL_MS = 10 * 60_000;

/**
 * Boot the gateway: its database of accounts and sessions, the viewer from a bearer token or the session cookie,
 * static supergraph, query limits, per-subgraph deadlines, /auth, /files and /queues.
 */
export async function startGateway(config: GatewayConfig, options: GatewayOptions = {}): Promise<RunningGateway> {
  const logger = options.logger ?? createLogger('gateway', config.logLevel);
  const clock = options.clock ?? (() => new Date());
  const verify = createTokenVerifier(config.auth);
  const db = await openDatabase({ config, logger, entities: gatewayEntities, migrations: { mysql: mysqlMigrations, sqlite: sqliteMigrations } });
  let purge: NodeJS.Timeout | undefined;
  let rateLimiter: RateLimiter | undefined;
  try {
    const sessions = new SessionService(db, config.sessions, clock, logger);
    const accounts = new AccountService(db, sessions, config.sessions, clock, logger);
    const first = await accounts.ensureFirstAdmin(config.adminPassword);
    if (first.generatedPassword) printFirstAdminPassword(first.generatedPassword);
    if (first.created) logger.info({ username: 'admin', fromEnvironment: !first.generatedPassword }, 'first admin account created');
    const oidc = config.oidc
      ? new OidcService(config.oidc, { auth: config.auth, gatewaySecret: config.gatewaySecret, cookieSecure: config.sessions.cookieSecure, logger, clock })
      : undefined;
    if (oidc) sessions.useRefresher((s) => oidc.refresh(s));
    const viewers = new ViewerResolver({ auth: config.auth, verify, sessions, settings: config.sessions, clock, logger });

    const gateway = new ApolloGateway({
      supergraphSdl: loadSupergraph(config),
      buildService: ({ name }) => {
        const url = config.subgraphUrls[name as SubgraphName];
        if (!url) throw new Error(`no URL configured for subgraph ${name}`);
        return new SubgraphDataSource(url, config.gatewaySecret, subgraphFetcher(name, { queryMs: config.subgraphTimeoutMs, mutationMs: config.subgraphMutationTimeoutMs }, logger));
      },
    });
    const armor = new ApolloArmor({
      // Depth counts fields, not fragment spreads: a query written with fragments is as deep as the same query inlined.
      maxDepth: { n: config.limits.maxDepth, flattenFragments: true },
      maxAliases: { n: config.limits.maxAliases },
      // Fragments cost what the same selection costs inlined (as for depth): the web app's ranking row is a fragment.
      costLimit: { maxCost: config.limits.maxCost, flattenFragments: true },
      // Counted by graphql-js's own parser (parseOptions below): armor's token check throws from a plugin hook, which
      // Apollo Server answers with HTTP 500 instead of a refused query.
      maxTokens: { enabled: false },
      maxDirectives: { n: config.limits.maxDirectives },
      blockFieldSuggestion: { enabled: config.production },
    }).protect();
    const app = createServiceApp({ logger, ready: () => db.ping(), service: 'gateway' });
    app.set('trust proxy', config.trustProxy);
    rateLimiter = createRateLimiter(config.rateLimits, logger);
    const limit = rateLimiter.middleware;
    // The web app and, outside production, the offline GraphQL explorer on GET /graphql from a browser (apps/web). A
    // public page it renders here asks the graph as an anonymous visitor, through the same server as /graphql.
    // (Pages are asked for once the gateway listens, after `apollo` below has started.)
    const executeAnonymous: ExecuteOperation = async (operation, requestId) => {
      const response = await apollo.executeOperation(operation, { contextValue: { viewer: ANONYMOUS, requestId } });
      return response.body.kind === 'single' ? response.body.singleResult : { errors: [{ message: platformErrors.INTERNAL_SERVER_ERROR }] };
    };
    // Rendering a page is work done for the visitor: it counts against the address's limit, past which the browser
    // renders the page itself (and its requests meet the limit as usual).
    const limiter = rateLimiter;
    app.use(webApp(loadWebConfig(config.production, config.webDir), { execute: executeAnonymous, mayRender: (req) => limiter.allowsAnonymous(req.ip ?? 'unknown') }));
    const httpServer = http.createServer(app);
    const apollo = new ApolloServer<GatewayContext>({
      gateway,
      introspection: !config.production,
      includeStacktraceInErrorResponses: false,
      // runService stops the process on SIGTERM/SIGINT (servers, database, queues, traces); Apollo must not kill it first.
      stopOnTerminationSignals: false,
      allowBatchedHttpRequests: false,
      // Kept on (the default) on purpose: the session cookie makes GET and simple-content-type POSTs riskier.
      csrfPrevention: true,
      validationRules: armor.validationRules,
      parseOptions: { maxTokens: config.limits.maxTokens },
      plugins: [
        ...armor.plugins,
        ApolloServerPluginDrainHttpServer({ httpServer }),
        // The web app serves the explorer from its own bundle (offline); Apollo's landing page would load from a CDN.
        ApolloServerPluginLandingPageDisabled(),
        graphqlMetricsPlugin<GatewayContext>('gateway'),
        replayedHeaderPlugin,
      ],
      formatError: formatGatewayError,
    });
    await apollo.start();

    const withViewer = viewers.middleware();
    app.use('/auth', limit, createAuthRouter({ db, accounts, sessions, viewers, oidc, settings: config.sessions, clock }));
    const proxy = filesProxy(config, logger);
    app.post('/files', withViewer, limit, filesCsrf, proxy);
    app.get('/files/:id', withViewer, limit, proxy);
    app.get('/score-imports/template', withViewer, limit, scoreTemplateProxy(config, logger));
    app.post('/inbox/reports', limit, inboxProxy(config, logger));
    app.use('/queues', withViewer, limit, queuesProxy(config, logger));
    app.use(
      '/graphql',
      express.json({ limit: config.requestMaxBytes }),
      withViewer,
      limit,
      idempotencyKeyCheck,
      expressMiddleware(apollo, {
        context: async ({ req }: { req: Request }): Promise<GatewayContext> => ({
          authorization: req.auth?.forward,
          idempotencyKey: req.header(IDEMPOTENCY_HEADER) || undefined,
          requestId: req.requestId,
          viewer: req.viewer,
        }),
      }),
    );
    // Anything else: a Vietnamese answer rather than Express's English "Cannot GET".
    app.use((req: Request, res: Response) => {
      res.status(404).json({ errors: [{ message: platformErrors.NOT_FOUND, extensions: { code: 'NOT_FOUND', requestId: req.requestId } }] });
    });
    app.use(errorHandler());
    const running = await listen(app, config.host, config.port, httpServer);
    purge = setInterval(() => {
      sessions.purgeExpired().catch((err: unknown) => logger.warn({ err: String(err) }, 'session purge failed'));
    }, PURGE_INTERVAL_MS);
    purge.unref();
    logger.info({ url: `${running.url}/graphql`, signIn: oidc ? 'oidc' : 'local' }, 'gateway listening');
    return {
      ...running,
      db,
      accounts,
      sessions,
      close: async () => {
        clearInterval(purge);
        await apollo.stop();
        await running.close();
        await rateLimiter?.close();
        await db.close();
      },
    };
  } catch (err) {
    clearInterval(purge);
    await rateLimiter?.close();
    await db.close();
    throw err;
  }
}
