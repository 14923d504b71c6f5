/**
 * @module store/mongodb/cursor
 * Page cursors and sizes: a cursor is the last id of a page, base64url-encoded behind a tag so
 * that a string the store did not make is refused (INVALID_INPUT) rather than misread.
 */
import { ReglamentError } from '../../errors.js';

const tag = 'm1:';

/** Default and largest page size of the Store port. */
export const pageSizes = { default: 50, max: 500 } as const;

/**
 * The cursor that continues after `lastId`.
 *
 * @example
 * encodeCursor('app-000000042'); // 'bTE6YXBwLTAwMDAwMDA0Mg'
 */
export function encodeCursor(lastId: string): string {
  return Buffer.from(tag + lastId, 'utf8').toString('base64url');
}

/**
 * The id a cursor continues after; INVALID_INPUT for a string that is not a cursor.
 *
 * @example
 * decodeCursor(encodeCursor('app-1')); // 'app-1'
 */
export function decodeCursor(cursor: string): string {
  const text = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  if (!text.startsWith(tag) || text.length === tag.length) {
    throw new ReglamentError('INVALID_INPUT', 'not a page cursor of this store', { path: '/cursor' });
  }
  return text.slice(tag.length);
}

/**
 * The page size to use: the default when absent, at most the maximum; INVALID_INPUT below 1.
 *
 * @example
 * pageLimit(undefined); // 50
 * pageLimit(10_000); // 500
 */
export function pageLimit(limit: number | undefined): number {
  if (limit === undefined) return pageSizes.default;
  if (!Number.isInteger(limit) || limit < 1) {
    throw new ReglamentError('INVALID_INPUT', `page limit must be a positive integer, got ${limit}`, { path: '/limit' });
  }
  return Math.min(limit, pageSizes.max);
}
