import { readFileSync } from 'node:fs';
import http from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  bearerAuth,
  createLogger,
  createServiceApp,
  createTokenVerifier,
  errorHandler,
  formatClientError,
  GATEWAY_SECRET_HEADER,
  listen,
  platformErrors,
  REQUEST_ID_HEADER,
  type RunningServer,
  type Viewer,
} from '@thidua/platform';
import express, { type Request, type Response } from 'express';
import type { Logger } from 'pino';
import bundledSupergraph from '../supergraph.graphql';
import type { GatewayConfig } from './config';
import type { SubgraphName } from './subgraphs';
import { loadWebConfig, webApp } from './web';

/** Per-request state of the gateway: what it forwards to the subgraphs. */
export interface GatewayContext {
  authorization?: string;
  requestId: string;
  viewer: Viewer;
}

const QUERY_LIMIT_PATTERNS = [/depth limit/i, /aliases limit/i, /cost limit/i, /directives limit/i, /token limit/i];

function unavailable(service: string, code: 'SUBGRAPH_TIMEOUT' | 'SERVICE_UNAVAILABLE'): globalThis.Response {
  const message =
    code === 'SUBGRAPH_TIMEOUT'
      ? `Dịch vụ «${service}» không phản hồi kịp; phần dữ liệu của dịch vụ này bị bỏ trống.`
      : `Dịch vụ «${service}» tạm thời không truy cập được; phần dữ liệu của dịch vụ này bị bỏ trống.`;
  return new Response(JSON.stringify({ data: null, errors: [{ message, extensions: { code, lang: 'vi', service } }] }), {
    status: 200,
    headers: { 'content-type': 'application/json' },
  });
}

/**
 * A fetch for one subgraph with a deadline: a hung or dead subgraph becomes a GraphQL error in
 * Vietnamese for its part of the plan, so the client gets partial data instead of a hung request.
 */
export function subgraphFetcher(service: string, timeoutMs: number, logger: Logger): typeof fetch {
  return async (input, init) => {
    try {
      const res = await fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) });
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
      logger.warn({ service, err: String(err) }, timedOut ? 'subgraph timeout' : 'subgraph unreachable');
      return unavailable(service, timedOut ? 'SUBGRAPH_TIMEOUT' : 'SERVICE_UNAVAILABLE');
    }
  };
}

class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(url: string, private readonly secret: string, fetcher: typeof fetch) {
    super({ url, fetcher: fetcher as never });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http?.headers;
    if (!headers) return;
    headers.set(GATEWAY_SECRET_HEADER, this.secret);
    if ('requestId' in context && context.requestId) headers.set(REQUEST_ID_HEADER, context.requestId);
    if ('authorization' in context && context.authorization) headers.set('authorization', context.authorization);
  }
}

function loadSupergraph(config: GatewayConfig): string {
  return config.supergraphPath ? readFileSync(config.supergraphPath, 'utf8') : bundledSupergraph;
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
      message: `${platformErrors.QUERY_REJECTED} (${formatted.message.replace(/^Syntax Error: /, '')})`,
      locations: formatted.locations,
      extensions: { code: 'QUERY_REJECTED' },
    };
  }
  return formatClientError(formatted, error);
}

/**
 * Proxy /files to the participants subgraph (the file owner), with the same headers as GraphQL calls.
 * The deadline covers the answer's headers only; a download then streams as long as the client reads, and a
 * client that goes away aborts the upstream request. Stream errors end the response, never the process.
 */
function filesProxy(config: GatewayConfig, logger: Logger) {
  const base = new URL(config.subgraphUrls.participants);
  return async (req: Request, res: Response) => {
    const target = new URL(req.originalUrl, base.origin);
    const headers: Record<string, string> = { [GATEWAY_SECRET_HEADER]: config.gatewaySecret, [REQUEST_ID_HEADER]: req.requestId };
    for (const h of ['authorization', 'content-type', 'content-length']) {
      const v = req.header(h);
      if (v) headers[h] = v;
    }
    const abort = new AbortController();
    res.on('close', () => abort.abort());
    const deadline = setTimeout(() => abort.abort(), Math.max(config.subgraphTimeoutMs, 30_000));
    try {
      const upstream = await fetch(target, {
        method: req.method,
        headers,
        body: req.method === 'POST' ? (Readable.toWeb(req) as ReadableStream) : undefined,
        duplex: 'half',
        signal: abort.signal,
      } as RequestInit);
      clearTimeout(deadline);
      res.status(upstream.status);
      for (const h of ['content-type', 'content-length', 'content-disposition', 'x-content-type-options', 'cache-control']) {
        const v = upstream.headers.get(h);
        if (v) res.setHeader(h, v);
      }
      if (upstream.body) await pipeline(Readable.fromWeb(upstream.body as never), res);
      else res.end();
    } catch (err) {
      clearTimeout(deadline);
      if (!res.headersSent) {
        logger.warn({ err: String(err) }, 'files proxy failed');
        res.status(503).json({ errors: [{ message: platformErrors.SERVICE_UNAVAILABLE, extensions: { code: 'SERVICE_UNAVAILABLE', requestId: req.requestId } }] });
      } else {
        res.destroy();
      }
    }
  };
}

/** Boot the gateway: static supergraph, JWT at the edge, query limits, per-subgraph deadlines. */
export async function startGateway(config: GatewayConfig): Promise<RunningServer> {
  const logger = createLogger('gateway', config.logLevel);
  const verify = createTokenVerifier(config.auth);
  const gateway = new ApolloGateway({
    supergraphSdl: loadSupergraph(config),
    buildService: ({ name }) => {
      const url = config.subgraphUrls[name as SubgraphName];
      if (!url) throw new Error(`no URL configured for subgraph ${name}`);
      return new SubgraphDataSource(url, config.gatewaySecret, subgraphFetcher(name, config.subgraphTimeoutMs, logger));
    },
  });
  const armor = new ApolloArmor({
    maxDepth: { n: config.limits.maxDepth },
    maxAliases: { n: config.limits.maxAliases },
    costLimit: { maxCost: config.limits.maxCost },
    maxTokens: { n: config.limits.maxTokens },
    maxDirectives: { n: config.limits.maxDirectives },
    blockFieldSuggestion: { enabled: config.production },
  }).protect();
  const app = createServiceApp({ logger, ready: async () => true });
  app.use(webApp(loadWebConfig(config.production)));
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: !config.production,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    validationRules: armor.validationRules,
    plugins: [
      ...armor.plugins,
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // The web app serves the explorer from its own bundle (offline, no CDN); Apollo's landing page loads from a CDN.
      ApolloServerPluginLandingPageDisabled(),
    ],
    formatError: formatGatewayError,
  });
  await apollo.start();

  const proxy = filesProxy(config, logger);
  app.post('/files', proxy);
  app.get('/files/:id', proxy);
  app.use(
    '/graphql',
    express.json({ limit: config.requestMaxBytes }),
    bearerAuth(verify),
    expressMiddleware(apollo, {
      context: async ({ req }: { req: Request }): Promise<GatewayContext> => ({
        authorization: req.headers.authorization,
        requestId: req.requestId,
        viewer: req.viewer,
      }),
    }),
  );
  app.use(errorHandler());
  const running = await listen(app, config.host, config.port, httpServer);
  logger.info({ url: `${running.url}/graphql` }, 'gateway listening');
  return {
    ...running,
    close: async () => {
      await apollo.stop();
      await running.close();
    },
  };
}
