/**
 * @module store/sqlite/cursor
 * This adapter's page cursors: the shared codec (`store/cursor`) with the tag 'r1:'.
 */
import { cursorCodec } from '../cursor.js';

export { pageLimit, pageSizes } from '../cursor.js';

const cursors = cursorCodec('r1:');

/** The cursor that continues after `lastId`. */
export const encodeCursor = cursors.encode;

/** The id a cursor continues after; INVALID_INPUT for a string that is not a cursor. */
export const decodeCursor = cursors.decode;
