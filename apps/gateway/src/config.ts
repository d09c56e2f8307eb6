import { ConfigError, loadPlatformConfig, parseEnv, type PlatformConfig } from '@thidua/platform';
import { z } from 'zod';
import { passwordProblem } from './auth/account.rules';
import type { RateLimitSettings } from './rate-limit';
import { SUBGRAPHS, type SubgraphName } from './subgraphs';

/** Sign-in with an OpenID Connect issuer (only when issuer, client id and secret are all set). */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Unset: `<origin of the request>/auth/oidc/callback`. */
  redirectUrl?: string;
  scopes: string;
  /** RFC 8707 resource indicator sent with the authorization and token requests (the API's audience). */
  resource?: string;
}

export interface SessionSettings {
  idleMinutes: number;
  maxHours: number;
  lockMinutes: number;
  cookieSecure: boolean;
}

export interface GatewayConfig extends PlatformConfig {
  subgraphUrls: Record<SubgraphName, string>;
  /** A query's deadline for each subgraph's part (SUBGRAPH_TIMEOUT_MS): past it, partial data and SUBGRAPH_TIMEOUT. */
  subgraphTimeoutMs: number;
  /** A mutation's deadline for each subgraph's part (SUBGRAPH_MUTATION_TIMEOUT_MS): writes get longer than reads. */
  subgraphMutationTimeoutMs: number;
  supergraphPath?: string;
  /** The built web app (WEB_DIR); unset: found beside the gateway's bundle or under dist/apps/web. */
  webDir?: string;
  limits: { maxDepth: number; maxAliases: number; maxCost: number; maxTokens: number; maxDirectives: number };
  /** The first ADMIN's password on an empty accounts table; unset: a random one printed once. */
  adminPassword?: string;
  sessions: SessionSettings;
  oidc?: OidcSettings;
  reportWorkerUrl: string;
  rateLimits: RateLimitSettings;
  /** Express's `trust proxy`: which hops' X-Forwarded-For to believe for the client's IP (TRUST_PROXY). */
  trustProxy: string | number;
}

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

const gatewayEnv = z.object({
  // A person waits for a page: a query's part that has not answered in 3 s is left empty (partial data) rather than
  // holding the whole answer. A mutation writes: it gets longer (unset: 30 s, and never less than a query's deadline).
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(3_000),
  SUBGRAPH_MUTATION_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).optional(),
  SUPERGRAPH_PATH: z.string().min(1).optional(),
  WEB_DIR: z.string().min(1).optional(),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).max(50).default(12),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(1).max(200).default(20),
  // graphql-armor counts a list field as `first` × (2 + 1.5 × its selection), nested levels again × 1.5, fragments as
  // if inlined, and `__typename` as a field. The web app's ranking page of 1,000 rows as Apollo Client sends it (with
  // __typename in every selection; apps/web/src/features/ranking/use-rankings.ts) costs about 87,400 and the city
  // summary's 1,000-row ranking page about 52,000; 100,000 admits them, while two such pages in one operation, or a
  // page of 1,000 that also walks each unit's parents, are still refused (apps/gateway/test/gateway.spec.ts).
  GRAPHQL_MAX_COST: z.coerce.number().int().min(100).default(100_000),
  GRAPHQL_MAX_TOKENS: z.coerce.number().int().min(100).default(5_000),
  GRAPHQL_MAX_DIRECTIVES: z.coerce.number().int().min(1).default(50),
  // An empty value (a blank line in an env file) means unset, not a one-character password to refuse.
  ADMIN_PASSWORD: z.preprocess((v) => (v === '' ? undefined : v), z.string().optional()),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(7 * 24 * 60).default(120),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(30 * 24).default(12),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  COOKIE_SECURE: bool.optional(),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_REDIRECT_URL: z.url().optional(),
  OIDC_SCOPES: z.string().min(1).default('openid profile email'),
  OIDC_RESOURCE: z.string().min(1).optional(),
  REPORT_WORKER_URL: z.url().default('http://127.0.0.1:4005'),
  // Per client and minute: a page of the web app sends a handful of requests, so these leave room for quick work.
  RATE_LIMIT_ACCOUNT_PER_MINUTE: z.coerce.number().int().min(0).default(600),
  RATE_LIMIT_ANONYMOUS_PER_MINUTE: z.coerce.number().int().min(0).default(300),
  // Comments to a public consultation (open to everyone) per IP address and hour.
  RATE_LIMIT_COMMENTS_PER_HOUR: z.coerce.number().int().min(0).default(10),
  REDIS_URL: z.preprocess((v) => (v === '' ? undefined : v), z.url().optional()),
  // This installation's keys in Redis (reporting's queues use the same prefix).
  QUEUE_PREFIX: z.string().min(1).default('thidua'),
  // Behind an ingress or load balancer: the number of proxies in front (e.g. 1), or their addresses/subnets.
  TRUST_PROXY: z
    .string()
    .min(1)
    .default('loopback')
    .transform((v) => (/^\d+$/.test(v) ? Number(v) : v)),
});

/** Gateway settings: the platform's plus subgraph URLs (PARTICIPANTS_URL, …), timeouts, query limits, sign-in. */
export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const base = loadPlatformConfig('gateway', 4000, env);
  const e = parseEnv(gatewayEnv, env);
  const urls = Object.fromEntries(
    SUBGRAPHS.map((s) => [s.name, env[`${s.name.toUpperCase()}_URL`] ?? `http://127.0.0.1:${s.defaultPort}/graphql`]),
  ) as Record<SubgraphName, string>;
  for (const [name, url] of Object.entries(urls)) parseEnv(z.object({ [`${name.toUpperCase()}_URL`]: z.url() }), { [`${name.toUpperCase()}_URL`]: url });
  const problems: string[] = [];
  if (e.ADMIN_PASSWORD !== undefined) {
    const problem = passwordProblem(e.ADMIN_PASSWORD, 'admin');
    if (problem) problems.push(`ADMIN_PASSWORD: ${problem}`);
  }
  const oidcParts = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET].filter(Boolean).length;
  if (oidcParts > 0 && oidcParts < 3) problems.push('OIDC_ISSUER, OIDC_CLIENT_ID và OIDC_CLIENT_SECRET phải được đặt cùng nhau');
  if (e.OIDC_ISSUER && base.production && !e.OIDC_ISSUER.startsWith('https://')) problems.push('OIDC_ISSUER: phải dùng https khi NODE_ENV=production');
  if (problems.length) throw new ConfigError(problems);
  return {
    ...base,
    subgraphUrls: urls,
    subgraphTimeoutMs: e.SUBGRAPH_TIMEOUT_MS,
    subgraphMutationTimeoutMs: e.SUBGRAPH_MUTATION_TIMEOUT_MS ?? Math.max(30_000, e.SUBGRAPH_TIMEOUT_MS),
    supergraphPath: e.SUPERGRAPH_PATH,
    webDir: e.WEB_DIR,
    limits: {
      maxDepth: e.GRAPHQL_MAX_DEPTH,
      maxAliases: e.GRAPHQL_MAX_ALIASES,
      maxCost: e.GRAPHQL_MAX_COST,
      maxTokens: e.GRAPHQL_MAX_TOKENS,
      maxDirectives: e.GRAPHQL_MAX_DIRECTIVES,
    },
    adminPassword: e.ADMIN_PASSWORD,
    sessions: {
      idleMinutes: e.SESSION_IDLE_MINUTES,
      maxHours: e.SESSION_MAX_HOURS,
      lockMinutes: e.LOGIN_LOCK_MINUTES,
      cookieSecure: e.COOKIE_SECURE ?? base.production,
    },
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
        ? { issuer: e.OIDC_ISSUER, clientId: e.OIDC_CLIENT_ID, clientSecret: e.OIDC_CLIENT_SECRET, redirectUrl: e.OIDC_REDIRECT_URL, scopes: e.OIDC_SCOPES, resource: e.OIDC_RESOURCE }
        : undefined,
    reportWorkerUrl: e.REPORT_WORKER_URL.replace(/\/+$/, ''),
    rateLimits: { accountPerMinute: e.RATE_LIMIT_ACCOUNT_PER_MINUTE, anonymousPerMinute: e.RATE_LIMIT_ANONYMOUS_PER_MINUTE, publicCommentsPerHour: e.RATE_LIMIT_COMMENTS_PER_HOUR, redisUrl: e.REDIS_URL, prefix: e.QUEUE_PREFIX },
    trustProxy: e.TRUST_PROXY,
  };
}
