/**
 * @module store/mongodb/claims
 * Leases on the timers and outbox entries embedded in application documents. A claim finds
 * documents with work due through the indexed `timerClaimableAt` / `outboxClaimableAt`, then
 * leases entries of each document by appending a `lease` revision (see `revisions.ts`): of
 * several processes claiming at once exactly one gets each revision, the others re-read and see
 * the lease. (`arrayFilters` / `$[id]` could update one entry in place, but FerretDB lacks them,
 * and its conditional updates are not atomic.)
 */
import type { Lease, OutboxRecord, TimerRecord } from '../types.js';
import type { Connection } from './connection.js';
import { toOutbox, toTimer, type ApplicationDocument, type OutboxEntry, type TimerEntry } from './documents.js';
import { isOutboxClaimable, isTimerClaimable, leaseEnd } from './leases.js';
import { appendRevision, readCurrent } from './revisions.js';

type Entry = TimerEntry | OutboxEntry;

/** How one kind of embedded entry is leased: where it lives and what makes it claimable. */
interface Claimable<R> {
  field: 'timers' | 'outbox';
  indexField: 'timerClaimableAt' | 'outboxClaimableAt';
  entries(document: ApplicationDocument): Entry[];
  isClaimable(entry: Entry, now: string): boolean;
  order(entry: Entry): string;
  toRecord(applicationId: string, entry: Entry): R;
}

const timers: Claimable<TimerRecord> = {
  field: 'timers',
  indexField: 'timerClaimableAt',
  entries: (document) => document.timers,
  isClaimable: (entry, now) => isTimerClaimable(entry as TimerEntry, now),
  order: (entry) => (entry as TimerEntry).dueAt,
  toRecord: (applicationId, entry) => toTimer(applicationId, entry as TimerEntry),
};

const outbox: Claimable<OutboxRecord> = {
  field: 'outbox',
  indexField: 'outboxClaimableAt',
  entries: (document) => document.outbox,
  isClaimable: (entry, now) => isOutboxClaimable(entry as OutboxEntry, now),
  order: (entry) => (entry as OutboxEntry).availableAt,
  toRecord: (applicationId, entry) => toOutbox(applicationId, entry as OutboxEntry),
};

const maxRoundsPerDocument = 5;
/** A claim stops when a query finds fewer candidates than it still wants; this only bounds a pathological race. */
const maxQueryRounds = 1_000;

const byOrder = (kind: Claimable<unknown>) => (a: Entry, b: Entry) =>
  kind.order(a) < kind.order(b) ? -1 : kind.order(a) > kind.order(b) ? 1 : a.id < b.id ? -1 : 1;

async function claimInDocument<R>(connection: Connection, kind: Claimable<R>, id: string, now: string, lease: Lease, wanted: number): Promise<R[]> {
  for (let round = 0; round < maxRoundsPerDocument; round += 1) {
    const current = await readCurrent(connection, id);
    if (!current) return [];
    const due = kind.entries(current).filter((entry) => kind.isClaimable(entry, now)).sort(byOrder(kind)).slice(0, wanted);
    if (due.length === 0) return [];
    const ids = due.map((entry) => entry.id);
    const until = leaseEnd(now, lease.ms);
    const next = await appendRevision(connection, id, current, { kind: 'lease', field: kind.field, ids, owner: lease.owner, until });
    if (next) return kind.entries(next).filter((entry) => ids.includes(entry.id)).map((entry) => kind.toRecord(id, entry));
  }
  return [];
}

async function claim<R>(connection: Connection, kind: Claimable<R>, now: string, lease: Lease): Promise<R[]> {
  const claimed: R[] = [];
  const seen: string[] = [];
  for (let round = 0; round < maxQueryRounds && claimed.length < lease.limit; round += 1) {
    const wanted = lease.limit - claimed.length;
    const candidates = await connection.applications
      .find({ [kind.indexField]: { $lte: now }, ...(seen.length ? { _id: { $nin: seen } } : {}) }, { projection: { _id: 1 } })
      .sort({ [kind.indexField]: 1 })
      .limit(wanted)
      .toArray();
    for (const candidate of candidates) {
      seen.push(candidate._id);
      claimed.push(...(await claimInDocument(connection, kind, candidate._id, now, lease, lease.limit - claimed.length)));
      if (claimed.length >= lease.limit) break;
    }
    if (candidates.length < wanted) break;
  }
  return claimed;
}

/**
 * Leases up to `lease.limit` timers due at `now` whose lease is free or expired.
 *
 * @example
 * const due = await claimTimers(connection, clock.now().toISOString(), { owner: 'worker-1', ms: 60_000, limit: 100 });
 */
export function claimTimers(connection: Connection, now: string, lease: Lease): Promise<TimerRecord[]> {
  return claim(connection, timers, now, lease);
}

/**
 * Leases up to `lease.limit` undispatched outbox entries available at `now`.
 *
 * @example
 * const effects = await claimOutbox(connection, now, { owner: 'worker-1', ms: 60_000, limit: 20 });
 */
export function claimOutbox(connection: Connection, now: string, lease: Lease): Promise<OutboxRecord[]> {
  return claim(connection, outbox, now, lease);
}

/**
 * Settles the outbox entry `id` (dispatched, or failed with a retry time) if `owner` holds its
 * lease; a former lease holder changes nothing.
 *
 * @example
 * await settleOutbox(connection, 'app-1:effect-1', 'worker-1', { dispatchedAt: now });
 */
export async function settleOutbox(
  connection: Connection,
  id: string,
  owner: string,
  outcome: { dispatchedAt: string } | { error: string; retryAt: string },
): Promise<boolean> {
  const found = await connection.applications.findOne({ 'outbox.id': id }, { projection: { _id: 1 } });
  if (!found) return false;
  for (let round = 0; round < maxRoundsPerDocument * 4; round += 1) {
    const current = await readCurrent(connection, found._id);
    const entry = current?.outbox.find((candidate) => candidate.id === id);
    if (!current || !entry || entry.leaseOwner !== owner || entry.dispatchedAt !== null) return false;
    if (await appendRevision(connection, found._id, current, { kind: 'settle', id, owner, ...outcome })) return true;
  }
  return false;
}
