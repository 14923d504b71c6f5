/**
 * @module stats/collect
 * The effectful shell of the statistics: pages through a Store's applications (500 at a time)
 * and reads each decided application's history, feeding the pure builder. Memory holds one
 * page and the counters, never the whole store.
 */
import type { ApplicationQuery, HistoryEntry, Store } from '../store/types.js';
import { createServiceStatsBuilder, type ServiceStatsOptions } from './aggregate.js';
import type { ServiceStats } from './types.js';

export interface CollectServiceStatsOptions extends ServiceStatsOptions {
  /** Narrows the applications, e.g. `{ school: 'school-7' }` or `{ service: 'appeal' }`. */
  query?: Omit<ApplicationQuery, 'limit' | 'cursor'>;
  /** Page size, default 500 (the store's maximum). */
  pageSize?: number;
}

/**
 * Statistics of the applications in a store.
 *
 * @example
 * const stats = await collectServiceStats(store, { calendar, asOf: clock.now(), decisionTerms: decisionTermsOf(definitions) });
 */
export async function collectServiceStats(store: Pick<Store, 'listApplications' | 'getHistory'>, options: CollectServiceStatsOptions): Promise<ServiceStats> {
  const { query = {}, pageSize = 500, ...statsOptions } = options;
  const builder = createServiceStatsBuilder(statsOptions);
  let cursor: string | undefined;
  do {
    const page = await store.listApplications({ ...query, limit: pageSize, ...(cursor ? { cursor } : {}) });
    for (const application of page.items) {
      // Only a met term needs the history (to name the decision's outcome).
      const history: HistoryEntry[] = application.terms.some((term) => term.metAt !== null) ? await store.getHistory(application.id) : [];
      builder.add(application, history);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return builder.report();
}
