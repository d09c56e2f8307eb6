import { timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express, type Request } from 'express';
import { GraphQLError, type DocumentNode } from 'graphql';
import type { Logger } from 'pino';
import { bearerAuth, createTokenVerifier, type TokenVerifier, type Viewer } from './auth';
import type { PlatformConfig } from './config';
import { runWithContext, type RequestContext } from './context';
import type { Database } from './database';
import { AppError, formatClientError, isOutage, platformErrors } from './errors';
import { createServiceApp, errorHandler, listen, type RunningServer } from './http';
import { IDEMPOTENCY_HEADER, idempotencyPlugin, readIdempotencyKey } from './idempotency';
import { graphqlMetricsPlugin } from './metrics';

/** Header carrying the gateway's shared secret; subgraphs refuse GraphQL calls without it. */
export const GATEWAY_SECRET_HEADER = 'x-thidua-gateway-secret';

/** What every resolver receives; services extend it with their loaders. */
export interface BaseContext extends RequestContext {
  viewer: Viewer;
}

export interface SubgraphOptions<TContext extends BaseContext> {
  config: PlatformConfig;
  logger: Logger;
  typeDefs: DocumentNode;
  /** Resolver map (typed by the service); receives TContext as context. */
  resolvers: Record<string, unknown>;
  /** Add per-request state (DataLoaders, services) to the base context. */
  buildContext: (base: BaseContext) => TContext;
  ready: () => Promise<boolean>;
  /** The service's database: mutations sent with an Idempotency-Key keep their answer there (idempotency_key). */
  db?: Database;
  /** Extra HTTP routes (files, …) mounted before GraphQL. */
  routes?: (app: Express, verify: TokenVerifier) => void;
  onStop?: () => Promise<void>;
}

export type RunningSubgraph = RunningServer;

type ResolverGroup = Record<string, Record<string, unknown>>;

/**
 * One resolver map from the modules' maps: each module (`src/<module>/<module>.resolver.ts`) resolves its own fields
 * of Query, Mutation and the shared types; a type's fields from several modules are combined.
 */
export function mergeResolvers<R extends object>(...groups: R[]): R {
  const out: ResolverGroup = {};
  for (const g of groups as unknown as ResolverGroup[]) {
    for (const [type, fields] of Object.entries(g)) out[type] = { ...(out[type] ?? {}), ...fields };
  }
  return out as R;
}

function secretMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function httpError(code: keyof typeof platformErrors | string, message: string, status: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code, lang: 'vi', http: { status } } });
}

/** Boot a federated subgraph: health, gateway-secret check, JWT verification, Vietnamese errors. */
export async function startSubgraph<TContext extends BaseContext>(opts: SubgraphOptions<TContext>): Promise<RunningSubgraph> {
  const { config, logger } = opts;
  const verify = createTokenVerifier(config.auth);
  const app = createServiceApp({ logger, ready: opts.ready, service: config.service });
  const httpServer = http.createServer(app);
  const plugins: ApolloServerPlugin<TContext>[] = [
    ApolloServerPluginDrainHttpServer({ httpServer }),
    ApolloServerPluginInlineTraceDisabled(),
    // Nothing sets cache hints, and the default cache-control plugin hooks every resolved field (12,000 for a page of
    // 1,000 ranking rows): off.
    ApolloServerPluginCacheControlDisabled(),
    graphqlMetricsPlugin<TContext>(config.service),
  ];
  if (opts.db) plugins.push(idempotencyPlugin<TContext>(opts.db, config.service));
  if (config.production) plugins.push(ApolloServerPluginLandingPageDisabled());
  const apollo = new ApolloServer<TContext>({
    schema: buildSubgraphSchema({ typeDefs: opts.typeDefs, resolvers: opts.resolvers as never }),
    introspection: !config.production,
    includeStacktraceInErrorResponses: false,
    // runService stops the process on SIGTERM/SIGINT (servers, database, queues, traces); Apollo must not kill it first.
    stopOnTerminationSignals: false,
    formatError: (formatted, error) => {
      const original = error instanceof GraphQLError ? error.originalError : error;
      if (original && !(original instanceof AppError)) {
        if (isOutage(original)) logger.warn({ err: original }, 'database or Redis unavailable: answered SERVICE_UNAVAILABLE');
        else logger.error({ err: original }, 'resolver error');
      }
      const out = formatClientError(formatted, error);
      return { ...out, extensions: { ...out.extensions, lang: 'vi', service: config.service } };
    },
    plugins,
  });
  await apollo.start();

  // Everything but health checks is reachable only through the gateway (so _entities cannot be called around it).
  app.use((req, res, next) => {
    if (!secretMatches(config.gatewaySecret, req.header(GATEWAY_SECRET_HEADER))) {
      res.status(403).json({ errors: [{ message: platformErrors.GATEWAY_REQUIRED, extensions: { code: 'GATEWAY_REQUIRED', lang: 'vi' } }] });
      return;
    }
    next();
  });
  opts.routes?.(app, verify);
  app.use(
    '/graphql',
    express.json({ limit: config.requestMaxBytes }),
    bearerAuth(verify),
    (req, _res, next) => {
      // A malformed Idempotency-Key is refused here (AppError → 400 by errorHandler), before anything runs.
      const idempotency = readIdempotencyKey(req.header(IDEMPOTENCY_HEADER));
      const ctx: BaseContext = { requestId: req.requestId, logger: req.log, viewer: req.viewer, ...(idempotency ? { idempotency } : {}) };
      (req as Request & { thiduaContext?: BaseContext }).thiduaContext = ctx;
      // Bind the request context (viewer, request id) to everything the resolvers await: audit rows and logs use it.
      runWithContext(ctx, () => next());
    },
    expressMiddleware(apollo, {
      context: async ({ req }: { req: Request }) => {
        const base = (req as Request & { thiduaContext?: BaseContext }).thiduaContext;
        if (!base) throw httpError('UNAUTHENTICATED', platformErrors.UNAUTHENTICATED, 401);
        return opts.buildContext(base);
      },
    }),
  );
  app.use(errorHandler());

  const running = await listen(app, config.host, config.port, httpServer);
  logger.info({ url: running.url }, `${config.service} subgraph listening`);
  return {
    ...running,
    close: async () => {
      await apollo.stop();
      await running.close();
      await opts.onStop?.();
    },
  };
}
