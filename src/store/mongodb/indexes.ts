/**
 * @module store/mongodb/indexes
 * The indexes behind every query the engine, the scheduler and the API make, created on
 * `init()`. `createIndexes` with the same names and keys is a no-op, so several processes may
 * run it at once. Unique constraints rely on `_id` only: a unique violation raised by an update
 * is not reported as 11000 by every MongoDB-compatible server, an insert or upsert on `_id` is.
 * No partial, sparse or TTL indexes: FerretDB lacks them.
 */
import type { IndexDescription } from 'mongodb';
import type { Connection } from './connection.js';

/** Indexes of `<prefix>applications`; list queries sort by `_id` descending, so it ends each key. */
export const applicationIndexes: IndexDescription[] = [
  { name: 'school_state', key: { school: 1, state: 1, _id: -1 } },
  { name: 'state_school', key: { state: 1, school: 1, _id: -1 } },
  { name: 'service_state_school', key: { service: 1, state: 1, school: 1, _id: -1 } },
  { name: 'status', key: { status: 1, _id: -1 } },
  { name: 'applicant', key: { applicant: 1, _id: -1 } },
  { name: 'pupil', key: { pupil: 1, _id: -1 } },
  // Overdue: a range on nextDueAt, optionally with the status.
  { name: 'nextDueAt_status', key: { nextDueAt: 1, status: 1 } },
  // Scheduler and dispatcher: documents with a timer / an outbox entry to claim.
  { name: 'timerClaimableAt', key: { timerClaimableAt: 1 } },
  { name: 'outboxClaimableAt', key: { outboxClaimableAt: 1 } },
  // markDispatched / markFailed find an outbox entry by its id.
  { name: 'outbox_id', key: { 'outbox.id': 1 } },
];

/** Indexes of `<prefix>revisions`: recent revisions (repair), and one application's log. */
export const revisionIndexes: IndexDescription[] = [
  { name: 'loggedAt', key: { loggedAt: 1 } },
  { name: 'applicationId_rev', key: { applicationId: 1, rev: 1 } },
];

/** Indexes of `<prefix>records`: by kind and keys, and by kind alone, id descending. */
export const recordIndexes: IndexDescription[] = [
  { name: 'kind_keyPairs_id', key: { kind: 1, keyPairs: 1, id: -1 } },
  { name: 'kind_id', key: { kind: 1, id: -1 } },
];

/**
 * Creates the collections' indexes (idempotent). Key reservations are found by `_id` alone.
 *
 * @example
 * await ensureIndexes(await connector.get());
 */
export async function ensureIndexes(connection: Connection): Promise<void> {
  // One index per call: FerretDB 1.24 drops the connection (a server panic) when one
  // `createIndexes` names several indexes that all exist already.
  for (const index of applicationIndexes) await connection.applications.createIndexes([index]);
  for (const index of revisionIndexes) await connection.revisions.createIndexes([index]);
  for (const index of recordIndexes) await connection.records.createIndexes([index]);
  // Create the collection up front, so that a transaction never has to (MongoDB < 4.4 cannot).
  await connection.db.createCollection(connection.commandKeys.collectionName).catch((error: unknown) => {
    if ((error as { code?: unknown }).code !== namespaceExists) throw error;
  });
}

/** Server error code of `createCollection` for a collection that exists. */
const namespaceExists = 48;
