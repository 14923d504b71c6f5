/**
 * @module admin/data/counts
 * The figures painted on a workflow diagram: per state, how many applications are in it and
 * how many of those are past a term (asked of the store with its own count queries); per
 * transition, how many applications took it in a period (from their history).
 */
import type { Store } from '../../store/types.js';
import { transitionCounts, type FlowEntry } from '../../viz/flow.js';
import type { WorkflowGraph } from '../../viz/graph.js';
import type { DiagramCounts } from '../../viz/svg.js';
import { eachApplication } from './scan.js';

export interface CountScope {
  service: string;
  /** Only this school (a clerk's scope); all schools when absent. */
  school?: string | undefined;
  /** The instant "overdue" is measured at (ISO). */
  now: string;
}

/**
 * Applications and overdue applications per state; a nested state's parent gets the sum.
 *
 * @example
 * await stateCounts(store, graph, { service: 'diary-access', now: clock.now() });
 * // { received: { count: 2, overdue: 0 }, 'access.active': { count: 14, overdue: 0 }, access: { count: 15, overdue: 1 }, ... }
 */
export async function stateCounts(store: Store, graph: WorkflowGraph, scope: CountScope): Promise<NonNullable<DiagramCounts['states']>> {
  const base = { service: scope.service, ...(scope.school ? { school: scope.school } : {}) };
  const counts: NonNullable<DiagramCounts['states']> = {};
  const leaves = graph.nodes.filter((node) => node.children.length === 0 && node.kind !== 'any');
  await Promise.all(
    leaves.map(async (node) => {
      const [count, overdue] = await Promise.all([
        store.countApplications({ ...base, state: node.id }),
        store.countApplications({ ...base, state: node.id, status: 'open', overdueAt: scope.now }),
      ]);
      counts[node.id] = { count, overdue };
    }),
  );
  for (const node of [...graph.nodes].reverse()) {
    if (node.children.length === 0) continue;
    counts[node.id] = node.children.reduce((sum, child) => ({ count: sum.count + (counts[child]?.count ?? 0), overdue: sum.overdue + (counts[child]?.overdue ?? 0) }), { count: 0, overdue: 0 });
  }
  return counts;
}

export interface Period {
  /** Inclusive start, ISO instant. */
  from: string;
  /** Exclusive end, ISO instant. */
  to: string;
}

/**
 * How many applications took each transition in the period, from their history. Applications
 * untouched since before the period or created after it are skipped without reading history.
 *
 * @example
 * await flowInPeriod(store, graph, { service: 'diary-access', now }, { from: '2025-09-01T00:00:00Z', to: '2025-10-01T00:00:00Z' });
 */
export async function flowInPeriod(store: Store, graph: WorkflowGraph, scope: CountScope, period: Period): Promise<Record<string, number>> {
  const entries: FlowEntry[] = [];
  const query = { service: scope.service, ...(scope.school ? { school: scope.school } : {}) };
  for await (const application of eachApplication(store, query)) {
    if (application.updatedAt < period.from || application.createdAt >= period.to) continue;
    for (const entry of await store.getHistory(application.id)) {
      if (entry.at >= period.from && entry.at < period.to) entries.push(entry);
    }
  }
  return transitionCounts(graph, entries);
}
