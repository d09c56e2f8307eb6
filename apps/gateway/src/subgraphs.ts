/** The subgraphs of the graph: name in the supergraph, where its SDL lives, its default port. */
export const SUBGRAPHS = [
  { name: 'participants', schemaPath: 'apps/participants/schema.graphql', defaultPort: 4001 },
  { name: 'scoring', schemaPath: 'apps/scoring/schema.graphql', defaultPort: 4002 },
  { name: 'awards', schemaPath: 'apps/awards/schema.graphql', defaultPort: 4003 },
  { name: 'reporting', schemaPath: 'apps/reporting/schema.graphql', defaultPort: 4004 },
] as const;

export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];
