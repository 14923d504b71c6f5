/**
 * @module admin/data/scan
 * Reads every application matching a query, page by page, so the pages and statistics never
 * hold more than one page of the store's answer in flight.
 */
import type { ApplicationQuery, ApplicationRecord, Store } from '../../store/types.js';

/**
 * Yields each application matching `query` (the store's pagination followed to the end).
 *
 * @example
 * for await (const application of eachApplication(store, { service: 'diary-access' })) count++;
 */
export async function* eachApplication(store: Store, query: Omit<ApplicationQuery, 'limit' | 'cursor'>): AsyncGenerator<ApplicationRecord> {
  let cursor: string | undefined;
  do {
    const page = await store.listApplications({ ...query, limit: 500, ...(cursor ? { cursor } : {}) });
    yield* page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

/**
 * Collects `eachApplication` into an array.
 *
 * @example
 * const open = await allApplications(store, { service: 'diary-access', status: 'open' });
 */
export async function allApplications(store: Store, query: Omit<ApplicationQuery, 'limit' | 'cursor'>): Promise<ApplicationRecord[]> {
  const items: ApplicationRecord[] = [];
  for await (const application of eachApplication(store, query)) items.push(application);
  return items;
}
