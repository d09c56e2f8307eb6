import type { GraphClient } from './graph-client';

const BATCH = 500;

/**
 * Every unit's predecessors, through all reorganisations (participants owns the lineage): a merged or renamed
 * unit's scores stay reachable from its successor. One graph call per 500 units.
 */
export async function predecessorsOf(graph: GraphClient, unitIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (let i = 0; i < unitIds.length; i += BATCH) {
    const ids = unitIds.slice(i, i + BATCH);
    const data = await graph.query<{ orgUnits: { edges: Array<{ node: { id: string; predecessors: Array<{ id: string }> } }> } }>(
      'query($ids: [ID!]!, $n: Int!) { orgUnits(ids: $ids, includeInactive: true, first: $n) { edges { node { id predecessors(transitive: true) { id } } } } }',
      { ids, n: ids.length },
    );
    for (const e of data.orgUnits.edges) out.set(e.node.id, e.node.predecessors.map((p) => p.id));
  }
  return out;
}
