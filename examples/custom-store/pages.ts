/**
 * @module examples/custom-store/pages
 * Paging and filtering for the JSON-file store: newest id first, an opaque cursor that names the
 * last id of the previous page, exact-match filters combined with AND.
 */
import { ReglamentError, type ApplicationQuery, type ApplicationRecord, type Page } from 'reglament';

const cursorPrefix = 'after:';

/** Sorts newest id first, skips up to the cursor and cuts one page. */
export function pageOf<T extends { id: string }>(items: T[], page: { limit?: number; cursor?: string }): Page<T> {
  const limit = page.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
    throw new ReglamentError('INVALID_INPUT', `limit must be an integer from 1 to 500, got ${limit}`, { path: '/limit' });
  }
  const after = page.cursor === undefined ? null : decodeCursor(page.cursor);
  const sorted = items.filter((item) => after === null || item.id < after).sort((a, b) => (a.id < b.id ? 1 : -1));
  const slice = sorted.slice(0, limit);
  const last = slice.at(-1);
  return { items: slice, nextCursor: sorted.length > limit && last ? encodeCursor(last.id) : null };
}

/** True when the application passes every filter of the query. */
export function matches(application: ApplicationRecord, query: ApplicationQuery): boolean {
  const fields = ['service', 'state', 'school', 'applicant', 'pupil', 'status'] as const;
  if (!fields.every((field) => query[field] === undefined || application[field] === query[field])) return false;
  return query.overdueAt === undefined || (application.nextDueAt !== null && application.nextDueAt <= query.overdueAt);
}

function encodeCursor(id: string): string {
  return Buffer.from(cursorPrefix + id, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): string {
  const decoded = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  if (!decoded.startsWith(cursorPrefix)) throw new ReglamentError('INVALID_INPUT', 'unknown cursor', { path: '/cursor' });
  return decoded.slice(cursorPrefix.length);
}
