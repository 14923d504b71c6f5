/**
 * @module testing/store/expect
 * Assertions the conformance cases share.
 */
import * as assert from 'uvu/assert';
import { isReglamentError, type ErrorCode } from '../../errors.js';

/**
 * Awaits `promise` and asserts it rejected with a ReglamentError of `code`.
 *
 * @example
 * await rejectsWith(store.commit(stale), 'VERSION_CONFLICT');
 */
export async function rejectsWith(promise: Promise<unknown>, code: ErrorCode): Promise<void> {
  let caught: unknown = null;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  assert.ok(caught !== null, `expected a rejection with ${code}, but it resolved`);
  assert.ok(
    isReglamentError(caught, code),
    `expected ReglamentError ${code}, got ${caught instanceof Error ? `${caught.name}: ${caught.message}` : String(caught)}`,
  );
}
