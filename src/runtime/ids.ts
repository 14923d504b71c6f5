/**
 * @module runtime/ids
 * Time-sortable unique ids: milliseconds since the epoch (base 36, fixed width), a per-process
 * sequence and random characters, so ids sort by creation time.
 */
import { randomBytes } from 'node:crypto';
import type { Clock, IdGenerator } from '../ports/types.js';

/**
 * Creates an id generator; the clock is injected so tests get stable prefixes.
 *
 * @example
 * const ids = createIdGenerator({ clock });
 * ids.next() // 'mbx2k1c0-0001-9f3a1c'
 */
export function createIdGenerator({ clock = { now: () => new Date().toISOString() } }: { clock?: Clock } = {}): IdGenerator {
  let sequence = 0;
  const tail = randomBytes(3).toString('hex');
  return {
    next() {
      sequence = (sequence + 1) % 36 ** 4;
      return `${Date.parse(clock.now()).toString(36).padStart(9, '0')}-${sequence.toString(36).padStart(4, '0')}-${tail}`;
    },
  };
}
