/**
 * @module store/mongodb/queries
 * Listing and counting applications. Each filter is an equality on a top-level field of the
 * application document; "overdue" is `nextDueAt <= instant` (string order is time order for
 * canonical ISO instants, and a null `nextDueAt` never matches a string range). Pages run by
 * `_id` descending, continued by a cursor on the last `_id`; `indexes.ts` has an index ending in
 * `_id` for each filter so the sort needs no in-memory stage.
 */
import type { Filter } from 'mongodb';
import type { ApplicationQuery, ApplicationRecord, Page } from '../types.js';
import type { Connection } from './connection.js';
import { decodeCursor, encodeCursor, pageLimit } from './cursor.js';
import { recordProjection, toApplication, type ApplicationDocument } from './documents.js';

const equalityFields = ['service', 'state', 'school', 'applicant', 'pupil', 'status'] as const;

/**
 * The MongoDB filter of a query (without its page).
 *
 * @example
 * applicationFilter({ state: 'review', school: 'school-1' }); // { state: 'review', school: 'school-1' }
 */
export function applicationFilter(query: Omit<ApplicationQuery, 'limit' | 'cursor'>): Filter<ApplicationDocument> {
  const filter: Record<string, unknown> = {};
  for (const field of equalityFields) {
    if (query[field] !== undefined) filter[field] = query[field];
  }
  if (query.overdueAt !== undefined) filter.nextDueAt = { $lte: query.overdueAt };
  return filter as Filter<ApplicationDocument>;
}

/**
 * One page of applications matching `query`, newest id first.
 *
 * @example
 * const page = await listApplications(connection, { state: 'review', school: 'school-1', limit: 20 });
 */
export async function listApplications(connection: Connection, query: ApplicationQuery): Promise<Page<ApplicationRecord>> {
  const limit = pageLimit(query.limit);
  const filter = applicationFilter(query);
  if (query.cursor !== undefined) filter._id = { $lt: decodeCursor(query.cursor) };
  const documents = await connection.applications
    .find(filter, { projection: recordProjection })
    .sort({ _id: -1 })
    .limit(limit + 1)
    .toArray();
  const items = documents.slice(0, limit).map(toApplication);
  return { items, nextCursor: documents.length > limit ? encodeCursor(items[items.length - 1]!.id) : null };
}

/**
 * How many applications match `query`.
 *
 * @example
 * const overdue = await countApplications(connection, { overdueAt: now, status: 'open' });
 */
export function countApplications(connection: Connection, query: Omit<ApplicationQuery, 'limit' | 'cursor'>): Promise<number> {
  return connection.applications.countDocuments(applicationFilter(query));
}
