/**
 * @module viz/flow
 * How many applications took each transition: history entries (`from`, event, `to`) matched to
 * the edges of a workflow graph. An event handled by a parent state, a target that is a
 * compound state (entered through its initial child) and eventless `always` steps the engine
 * took within the same command are all resolved, so counts land on the arrows the reader sees.
 */
import { anyState, type GraphEdge, type WorkflowGraph } from './graph.js';

/** The part of a history entry the counts read. */
export interface FlowEntry {
  from: string | null;
  to: string;
  event: { type: string };
}

/**
 * Counts, per transition key, the history entries that took it.
 *
 * @example
 * transitionCounts(graph, history); // { 'received|REGISTER|review': 12, 'review|DECIDE|deciding': 9, ... }
 */
export function transitionCounts(graph: WorkflowGraph, entries: Iterable<FlowEntry>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const entry of entries) {
    for (const edge of matchEntry(graph, entry)) counts[edge.key] = (counts[edge.key] ?? 0) + 1;
  }
  return counts;
}

/**
 * The edges one history entry went along, in order; empty when it matches none (the creating
 * entry, a system event that changed nothing, or a definition version that differs).
 *
 * @example
 * matchEntry(graph, { from: 'review', to: 'access.pending', event: { type: 'DECIDE' } }).map((e) => e.key);
 * // ['review|DECIDE|deciding', 'deciding|always|access']
 */
export function matchEntry(graph: WorkflowGraph, entry: FlowEntry): GraphEdge[] {
  if (entry.from === null) return [];
  const from = entry.from;
  const first = graph.edges.filter((edge) => edge.event === entry.event.type && covers(edge.source, from));
  for (const edge of first) if (edge.target === entry.to && edge.source === from) return [edge];
  for (const edge of first) if (covers(edge.target, entry.to) && !(edge.source === edge.target && from !== entry.to)) return [edge];
  for (const edge of first) {
    const rest = alwaysPath(graph, edge.target, entry.to, 3);
    if (rest) return [edge, ...rest];
  }
  return [];
}

function alwaysPath(graph: WorkflowGraph, at: string, to: string, depth: number): GraphEdge[] | null {
  if (depth === 0) return null;
  for (const edge of graph.edges) {
    if (edge.kind !== 'always' || !covers(edge.source, at)) continue;
    if (covers(edge.target, to)) return [edge];
    const rest = alwaysPath(graph, edge.target, to, depth - 1);
    if (rest) return [edge, ...rest];
  }
  return null;
}

/** True when state `outer` is `inner` or one of its ancestors (the pseudo-state '*' covers all). */
function covers(outer: string, inner: string): boolean {
  return outer === anyState || outer === inner || inner.startsWith(`${outer}.`);
}
