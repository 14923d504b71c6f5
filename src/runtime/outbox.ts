/**
 * @module runtime/outbox
 * The outbox loop: lease the effects available now, dispatch each through the ports, mark it
 * dispatched, or record the failure and retry later with exponential backoff (at most an hour).
 */
import type { Clock } from '../ports/types.js';
import type { Store } from '../store/types.js';
import { dispatchEffect, type DispatchContext } from './dispatch.js';
import type { Logger } from './types.js';

export interface OutboxOptions {
  store: Store;
  context: DispatchContext;
  clock: Clock;
  logger: Logger;
  owner: string;
  leaseMs: number;
}

/**
 * Creates `dispatchOutbox(now)`: returns how many effects were dispatched.
 *
 * @example
 * const dispatchOutbox = createOutboxDispatcher({ store, context, clock, logger, owner, leaseMs: 30_000 });
 * await dispatchOutbox(clock.now());
 */
export function createOutboxDispatcher({ store, context, clock, logger, owner, leaseMs }: OutboxOptions): (now?: string) => Promise<number> {
  return async function dispatchOutbox(now = clock.now()) {
    let done = 0;
    for (;;) {
      const batch = await store.claimOutbox(now, { owner, ms: leaseMs, limit: 100 });
      for (const row of batch) {
        try {
          await dispatchEffect(context, row);
          await store.markDispatched(row.id, owner, clock.now());
          done += 1;
        } catch (error) {
          const retryAt = new Date(Date.parse(clock.now()) + Math.min(3_600_000, 1000 * 2 ** row.attempts)).toISOString();
          logger.warn({ outbox: row.id, effect: row.effect.type, attempts: row.attempts + 1 }, 'effect dispatch failed, will retry');
          await store.markFailed(row.id, owner, error instanceof Error ? error.message : String(error), retryAt);
        }
      }
      if (batch.length < 100) return done;
    }
  };
}
