import { UnitLineageDocument } from './generated/graph';
import type { GraphClient } from './graph-client';

/** A unit as the lineage rule needs it: its kind, its life, and the reorganisations it took part in. */
export interface LineageNode {
  id: string;
  kind: string;
  validFrom: string | null;
  validTo: string | null;
  changes: ReadonlyArray<{ kind: string; effectiveDate: string; predecessors: ReadonlyArray<{ id: string }>; successors: ReadonlyArray<{ id: string }> }>;
}

/** A unit in force on a date that a unit's figures roll up to. */
export interface SuccessorUnit {
  id: string;
  kind: string;
}

/** Reorganisations that carry a unit's area and figures to its successors (a dissolution hands over tasks at most). */
const CARRIES_FIGURES = new Set(['MERGED', 'SPLIT']);

export const inForceOn = (u: Pick<LineageNode, 'validFrom' | 'validTo'>, d: string): boolean => (u.validFrom === null || u.validFrom <= d) && (u.validTo === null || u.validTo > d);

/**
 * The units in force on `asOf` that a unit rolls up to: itself while it exists; else, through every merger or
 * split up to that date, the successors in force then (several after a split); none when it was dissolved without
 * one, or when a successor is not known. `nodes` must hold every unit reached (see `successorsOn`).
 */
export function rollUpTo(unitId: string, asOf: string, nodes: ReadonlyMap<string, LineageNode>): SuccessorUnit[] {
  const out = new Map<string, SuccessorUnit>();
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    const node = nodes.get(id);
    if (!node) return;
    if (inForceOn(node, asOf)) {
      out.set(id, { id, kind: node.kind });
      return;
    }
    for (const next of nextOf(node, asOf)) visit(next);
  };
  visit(unitId);
  return [...out.values()];
}

/** The units a unit's figures passed to, by mergers and splits that took effect on or before `asOf`. */
function nextOf(node: LineageNode, asOf: string): string[] {
  return node.changes
    .filter((c) => CARRIES_FIGURES.has(c.kind) && c.effectiveDate <= asOf && c.predecessors.some((p) => p.id === node.id))
    .flatMap((c) => c.successors.map((s) => s.id))
    .filter((id) => id !== node.id);
}

/** A unit whose figures a unit carries, and the day they reached it (the latest change on the way). */
export interface Predecessor {
  id: string;
  on: string;
}

/** What a unit carries from its predecessors: the day it was formed (null: before any record) and who, since when. */
export interface Lineage {
  formedOn: string | null;
  predecessors: Predecessor[];
}

/**
 * The predecessors whose figures a unit carries, by mergers and splits, as far back as `nodes` know (nearest first),
 * each with the day its figures reached the unit: when a ward absorbed another that had absorbed a third, the third's
 * reached the ward on the later of the two days.
 */
export function predecessorsIn(unitId: string, nodes: ReadonlyMap<string, LineageNode>): Predecessor[] {
  const out: Predecessor[] = [];
  const seen = new Set([unitId]);
  let frontier: Array<{ id: string; on: string | null }> = [{ id: unitId, on: null }];
  while (frontier.length) {
    const next: Array<{ id: string; on: string | null }> = [];
    for (const { id, on } of frontier) {
      for (const p of previousOf(nodes.get(id))) {
        if (seen.has(p.id)) continue;
        seen.add(p.id);
        const reached = on !== null && on > p.on ? on : p.on;
        out.push({ id: p.id, on: reached });
        next.push({ id: p.id, on: reached });
      }
    }
    frontier = next;
  }
  return out;
}

/**
 * Whose figures count as a unit's own for something counted on `until` (a deadline, the end of a year): the
 * predecessors merged into it by then; all of them when the unit was formed after `until` (it carries the history of
 * the units it replaced). A ward that absorbed another a year later did not have that one's report or result then.
 */
export function carriedOn(lineage: Lineage, until: string): string[] {
  const cut = lineage.formedOn !== null && lineage.formedOn > until ? lineage.formedOn : until;
  return lineage.predecessors.filter((p) => p.on <= cut).map((p) => p.id);
}

/** The units a unit was formed from (or received) by a merger or split, with the change's day. */
function previousOf(node: LineageNode | undefined): Predecessor[] {
  if (!node) return [];
  return node.changes
    .filter((c) => CARRIES_FIGURES.has(c.kind) && c.successors.some((s) => s.id === node.id))
    .flatMap((c) => c.predecessors.map((p) => ({ id: p.id, on: c.effectiveDate })))
    .filter((p) => p.id !== node.id);
}

const BATCH = 500;

/** Ask participants for the lineage of `ids` not yet in `nodes`, one graph call per 500 units. */
async function fetchLineage(graph: GraphClient, ids: readonly string[], nodes: Map<string, LineageNode>): Promise<void> {
  const missing = [...new Set(ids)].filter((id) => !nodes.has(id));
  for (let i = 0; i < missing.length; i += BATCH) {
    const batch = missing.slice(i, i + BATCH);
    const data = await graph.query(UnitLineageDocument, { ids: batch, n: batch.length });
    for (const e of data.orgUnits.edges) nodes.set(e.node.id, e.node as LineageNode);
  }
}

/**
 * Every unit's lineage (R2): the predecessors whose results and records it carries — the units merged into it or split
 * to form it, transitively, not a unit dissolved with its tasks handed to it — with the day each reached it
 * (`carriedOn` picks those of a date). Participants owns the lineage; one graph call per 500 units and generation.
 */
export async function predecessorsOf(graph: GraphClient, unitIds: readonly string[]): Promise<Map<string, Lineage>> {
  const nodes = new Map<string, LineageNode>();
  let frontier: string[] = [...new Set(unitIds)];
  for (let round = 0; frontier.length && round < 10; round++) {
    await fetchLineage(graph, frontier, nodes);
    frontier = [...new Set(frontier.flatMap((id) => previousOf(nodes.get(id)).map((p) => p.id)))].filter((id) => !nodes.has(id));
  }
  return new Map(unitIds.map((id) => [id, { formedOn: nodes.get(id)?.validFrom ?? null, predecessors: predecessorsIn(id, nodes) }]));
}

/**
 * For every unit, the units in force on `asOf` its figures roll up to (`rollUpTo`), asking participants for the
 * lineage in rounds of one graph call per 500 units until every successor on the way is known.
 */
export async function successorsOn(graph: GraphClient, unitIds: readonly string[], asOf: string): Promise<Map<string, SuccessorUnit[]>> {
  const nodes = new Map<string, LineageNode>();
  let frontier = [...new Set(unitIds)];
  for (let round = 0; frontier.length && round < 10; round++) {
    await fetchLineage(graph, frontier, nodes);
    frontier = [
      ...new Set(
        frontier.flatMap((id) => {
          const node = nodes.get(id);
          return node && !inForceOn(node, asOf) ? nextOf(node, asOf) : [];
        }),
      ),
    ].filter((id) => !nodes.has(id));
  }
  return new Map(unitIds.map((id) => [id, rollUpTo(id, asOf, nodes)]));
}
