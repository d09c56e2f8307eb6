import DataLoader from 'dataloader';
import { PeopleNamesDocument, UnitNamesDocument } from './generated/graph';
import { predecessorsOf, type Lineage } from './lineage';
import type { GraphClient } from './graph-client';

const BATCH = 500;

/** A per-request loader of units' lineage (history follows merged and split units), batched 500 to a graph call. */
export function predecessorsLoader(graph: GraphClient): DataLoader<string, Lineage> {
  return new DataLoader<string, Lineage>(
    async (ids) => {
      const map = await predecessorsOf(graph, ids);
      return ids.map((id) => map.get(id) ?? { formedOn: null, predecessors: [] });
    },
    { maxBatchSize: BATCH },
  );
}

/** Units' names (current, or the last for a dissolved unit) by id, as participants knows them; one call per 500. */
export async function unitNamesOf(graph: GraphClient, unitIds: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const unique = [...new Set(unitIds)];
  for (let i = 0; i < unique.length; i += BATCH) {
    const ids = unique.slice(i, i + BATCH);
    const data = await graph.query(UnitNamesDocument, { ids, n: ids.length });
    for (const e of data.orgUnits.edges) out.set(e.node.id, e.node.name);
  }
  return out;
}

/** People's full names and their unit's name by id; one call per 500. */
export async function peopleOf(graph: GraphClient, personIds: readonly string[]): Promise<Map<string, { fullName: string; unitName: string | null }>> {
  const out = new Map<string, { fullName: string; unitName: string | null }>();
  const unique = [...new Set(personIds)];
  for (let i = 0; i < unique.length; i += BATCH) {
    const ids = unique.slice(i, i + BATCH);
    const data = await graph.query(PeopleNamesDocument, { ids, n: ids.length });
    for (const p of data.people) out.set(p.id, { fullName: p.fullName, unitName: p.unit?.name ?? null });
  }
  return out;
}
