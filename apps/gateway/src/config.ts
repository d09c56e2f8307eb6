import { loadPlatformConfig, parseEnv, type PlatformConfig } from '@thidua/platform';
import { z } from 'zod';
import { SUBGRAPHS, type SubgraphName } from './subgraphs';

export interface GatewayConfig extends PlatformConfig {
  subgraphUrls: Record<SubgraphName, string>;
  subgraphTimeoutMs: number;
  supergraphPath?: string;
  limits: { maxDepth: number; maxAliases: number; maxCost: number; maxTokens: number; maxDirectives: number };
}

const gatewayEnv = z.object({
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  SUPERGRAPH_PATH: z.string().min(1).optional(),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).max(50).default(12),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(1).max(200).default(20),
  GRAPHQL_MAX_COST: z.coerce.number().int().min(100).default(20_000),
  GRAPHQL_MAX_TOKENS: z.coerce.number().int().min(100).default(5_000),
  GRAPHQL_MAX_DIRECTIVES: z.coerce.number().int().min(1).default(50),
});

/** Gateway settings: the platform's plus subgraph URLs (PARTICIPANTS_URL, …), timeouts and query limits. */
export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const base = loadPlatformConfig('gateway', 4000, env, { database: false });
  const e = parseEnv(gatewayEnv, env);
  const urls = Object.fromEntries(
    SUBGRAPHS.map((s) => [s.name, env[`${s.name.toUpperCase()}_URL`] ?? `http://127.0.0.1:${s.defaultPort}/graphql`]),
  ) as Record<SubgraphName, string>;
  for (const [name, url] of Object.entries(urls)) parseEnv(z.object({ [`${name.toUpperCase()}_URL`]: z.url() }), { [`${name.toUpperCase()}_URL`]: url });
  return {
    ...base,
    subgraphUrls: urls,
    subgraphTimeoutMs: e.SUBGRAPH_TIMEOUT_MS,
    supergraphPath: e.SUPERGRAPH_PATH,
    limits: {
      maxDepth: e.GRAPHQL_MAX_DEPTH,
      maxAliases: e.GRAPHQL_MAX_ALIASES,
      maxCost: e.GRAPHQL_MAX_COST,
      maxTokens: e.GRAPHQL_MAX_TOKENS,
      maxDirectives: e.GRAPHQL_MAX_DIRECTIVES,
    },
  };
}
