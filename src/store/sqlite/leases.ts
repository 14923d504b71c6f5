/**
 * @module store/sqlite/leases
 * Timers and outbox rows claimed with a lease. A claim selects free-or-expired rows and writes
 * the owner in one immediate transaction: the write lock is held from the select on, so two
 * processes on one file never both lease a row while the lease holds.
 */
import type { Database } from 'better-sqlite3';
import type { Lease, OutboxRecord, TimerRecord } from '../types.js';
import { toOutbox, toTimer, type OutboxRow, type TimerRow } from './rows.js';

export interface LeaseKeeper {
  timersOf(applicationId: string): TimerRecord[];
  claimDueTimers(now: string, lease: Lease): TimerRecord[];
  claimOutbox(now: string, lease: Lease): OutboxRecord[];
  markDispatched(id: string, owner: string, at: string): void;
  markFailed(id: string, owner: string, error: string, retryAt: string): void;
}

function leaseEnd(now: string, lease: Lease): string {
  return new Date(Date.parse(now) + lease.ms).toISOString();
}

/**
 * Prepares the lease statements on `db`.
 *
 * @example
 * const leases = createLeaseKeeper(db);
 * leases.claimDueTimers(clock.now(), { owner: 'scheduler-1', ms: 30_000, limit: 100 });
 */
export function createLeaseKeeper(db: Database): LeaseKeeper {
  const selectTimersOf = db.prepare('SELECT * FROM timers WHERE application_id = ? ORDER BY due_at, id');
  const selectDueTimers = db.prepare(`SELECT id FROM timers
    WHERE due_at <= ? AND (lease_until IS NULL OR lease_until <= ?) ORDER BY due_at, id LIMIT ?`).pluck();
  const leaseTimer = db.prepare('UPDATE timers SET lease_owner = ?, lease_until = ? WHERE id = ? RETURNING *');
  const selectPending = db.prepare(`SELECT id FROM outbox
    WHERE dispatched_at IS NULL AND available_at <= ? AND (lease_until IS NULL OR lease_until <= ?)
    ORDER BY available_at, id LIMIT ?`).pluck();
  const leaseOutbox = db.prepare('UPDATE outbox SET lease_owner = ?, lease_until = ? WHERE id = ? RETURNING *');
  const dispatched = db.prepare(`UPDATE outbox SET dispatched_at = ?, attempts = attempts + 1,
    lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ? AND dispatched_at IS NULL`);
  const failed = db.prepare(`UPDATE outbox SET attempts = attempts + 1, last_error = ?, available_at = ?,
    lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ? AND dispatched_at IS NULL`);

  const claimTimers = db.transaction((now: string, lease: Lease): TimerRecord[] => {
    const until = leaseEnd(now, lease);
    const ids = selectDueTimers.all(now, now, lease.limit) as string[];
    return ids.map((id) => toTimer(leaseTimer.get(lease.owner, until, id) as TimerRow));
  });
  const claimRows = db.transaction((now: string, lease: Lease): OutboxRecord[] => {
    const until = leaseEnd(now, lease);
    const ids = selectPending.all(now, now, lease.limit) as string[];
    return ids.map((id) => toOutbox(leaseOutbox.get(lease.owner, until, id) as OutboxRow));
  });

  return {
    timersOf: (applicationId) => (selectTimersOf.all(applicationId) as TimerRow[]).map(toTimer),
    claimDueTimers: (now, lease) => claimTimers.immediate(now, lease),
    claimOutbox: (now, lease) => claimRows.immediate(now, lease),
    markDispatched(id, owner, at) {
      dispatched.run(at, id, owner);
    },
    markFailed(id, owner, error, retryAt) {
      failed.run(error, retryAt, id, owner);
    },
  };
}
