/**
 * @module store/mongodb/leases
 * Pure lease arithmetic over the timers and outbox entries embedded in an application document.
 * A timer (or undispatched outbox entry) can be claimed at `now` when it is due and its lease is
 * free or expired; the document keeps the earliest such instant (`timerClaimableAt`,
 * `outboxClaimableAt`) so one indexed range query finds the documents with work to claim.
 * Instants are canonical `toISOString()` strings, so string order is time order.
 */
import type { OutboxEntry, TimerEntry } from './documents.js';

function laterOf(instant: string, leaseUntil: string | null): string {
  return leaseUntil !== null && leaseUntil > instant ? leaseUntil : instant;
}

function earliest(instants: string[]): string | null {
  let found: string | null = null;
  for (const instant of instants) if (found === null || instant < found) found = instant;
  return found;
}

/** The instant a lease of `ms` milliseconds taken at `now` runs out. */
export function leaseEnd(now: string, ms: number): string {
  return new Date(Date.parse(now) + ms).toISOString();
}

/**
 * When the first of `timers` can be claimed, or null when there are none.
 *
 * @example
 * timerClaimableAt([{ dueAt: '2026-03-02T09:00:00.000Z', leaseUntil: '2026-03-02T09:05:00.000Z', … }]);
 * // '2026-03-02T09:05:00.000Z'
 */
export function timerClaimableAt(timers: TimerEntry[]): string | null {
  return earliest(timers.map((timer) => laterOf(timer.dueAt, timer.leaseUntil)));
}

/** True when `timer` is due at `now` and nobody holds a live lease on it. */
export function isTimerClaimable(timer: TimerEntry, now: string): boolean {
  return laterOf(timer.dueAt, timer.leaseUntil) <= now;
}

/**
 * When the first undispatched entry of `outbox` can be claimed, or null when there is none.
 *
 * @example
 * outboxClaimableAt([]); // null
 */
export function outboxClaimableAt(outbox: OutboxEntry[]): string | null {
  return earliest(outbox.filter((entry) => entry.dispatchedAt === null).map((entry) => laterOf(entry.availableAt, entry.leaseUntil)));
}

/** True when `entry` is undispatched, available at `now` and nobody holds a live lease on it. */
export function isOutboxClaimable(entry: OutboxEntry, now: string): boolean {
  return entry.dispatchedAt === null && laterOf(entry.availableAt, entry.leaseUntil) <= now;
}
