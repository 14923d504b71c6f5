/**
 * @module store/cursor
 * Page cursors and sizes shared by the store adapters. A cursor is the last id of a page,
 * base64url-encoded behind an adapter's tag, so that a string the store did not make (or a
 * cursor of another adapter) is refused with INVALID_INPUT rather than misread.
 */
import { ReglamentError } from '../errors.js';

/** Default and largest page size of the Store port. */
export const pageSizes = { default: 50, max: 500 } as const;

export interface CursorCodec {
  /** The cursor that continues after `lastId`. */
  encode(lastId: string): string;
  /** The id a cursor continues after; INVALID_INPUT for a string that is not a cursor. */
  decode(cursor: string): string;
}

/**
 * A cursor codec whose cursors carry `tag` (e.g. 'r1:' for SQLite, 'm1:' for MongoDB).
 *
 * @example
 * const cursors = cursorCodec('r1:');
 * cursors.decode(cursors.encode('app-1')); // 'app-1'
 */
export function cursorCodec(tag: string): CursorCodec {
  return {
    encode(lastId) {
      return Buffer.from(tag + lastId, 'utf8').toString('base64url');
    },
    decode(cursor) {
      const text = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
      if (!text.startsWith(tag) || text.length === tag.length) {
        throw new ReglamentError('INVALID_INPUT', 'not a page cursor of this store', { path: '/cursor' });
      }
      return text.slice(tag.length);
    },
  };
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
