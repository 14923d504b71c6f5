/**
 * @module runtime/outbox
 * The outbox loop: lease the effects available now, dispatch each through the ports, mark it
 * dispatched, or record the failure and retry later with exponential backoff (at most an hour).
 * Each application's effects go out in their order; those of different applications go out
 * side by side, so their writes (notices, marks) land in the same turn and a store that groups
 * a turn's writes (SQLite) pays one durable transaction for them, not one each.
 */
import type { Clock } from '../ports/types.js';
import type { OutboxRecord, Store } from '../store/types.js';
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
  async function dispatchOne(row: OutboxRecord): Promise<boolean> {
    try {
      await dispatchEffect(context, row);
      await store.markDispatched(row.id, owner, clock.now());
      return true;
    } catch (error) {
      const retryAt = new Date(Date.parse(clock.now()) + Math.min(3_600_000, 1000 * 2 ** row.attempts)).toISOString();
      logger.warn({ outbox: row.id, effect: row.effect.type, attempts: row.attempts + 1 }, 'effect dispatch failed, will retry');
      await store.markFailed(row.id, owner, error instanceof Error ? error.message : String(error), retryAt);
      return false;
    }
  }
  async function dispatchInOrder(rows: OutboxRecord[]): Promise<number> {
    let done = 0;
    for (const row of rows) if (await dispatchOne(row)) done += 1;
    return done;
  }
  return async function dispatchOutbox(now = clock.now()) {
    let done = 0;
    for (;;) {
      const batch = await store.claimOutbox(now, { owner, ms: leaseMs, limit: 100 });
      const byApplication = new Map<string, OutboxRecord[]>();
      for (const row of batch) {
        const rows = byApplication.get(row.applicationId);
        if (rows) rows.push(row);
        else byApplication.set(row.applicationId, [row]);
      }
      const counts = await Promise.all([...byApplication.values()].map(dispatchInOrder));
      done += counts.reduce((sum, count) => sum + count, 0);
      if (batch.length < 100) return done;
    }
  };
}
