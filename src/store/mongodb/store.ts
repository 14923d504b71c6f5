/**
 * @module store/mongodb/store
 * `createMongoStore`: the Store port on MongoDB (a standalone, a replica set, a sharded cluster
 * or a MongoDB-compatible server such as FerretDB).
 *
 * Design: one command, one revision of one application document — no multi-document transaction.
 *
 * - `<prefix>applications` holds ONE DOCUMENT PER APPLICATION with everything a command
 *   changes: the record (top-level fields, queried through indexes), its history (JSON strings,
 *   oldest first), its pending and past timers and outbox entries, and the results of its
 *   idempotent commands. So the record, the history entry, the timers and the outbox of a
 *   command change together or not at all.
 * - `<prefix>revisions` is the log that makes each change of such a document atomic on every
 *   server: revision `r` of application `A` is committed by inserting `A@r` (unique `_id`), then
 *   applied to the document (see `revisions.ts`). Conditional updates (`findOneAndUpdate` with
 *   `{ _id, version }`) would do on MongoDB, but are not atomic on FerretDB; unique inserts are.
 *   Readers roll a lagging document forward, so a writer that dies between the two writes loses
 *   nothing.
 * - `<prefix>command_keys` holds reservations of idempotency keys (see `idempotency.ts`), so that
 *   keys are global and a retried creation under a new id cannot create a second application.
 * - `<prefix>records` holds the ports' generic records.
 * - Schedulers claim timers and outbox entries by appending `lease` revisions; the indexed
 *   `timerClaimableAt` / `outboxClaimableAt` find the documents with work (see `claims.ts`).
 * - Snapshots, events, effects and results are stored as JSON strings: XState snapshots may hold
 *   `$`-prefixed or dotted keys and nested arrays that not every server stores as fields.
 *
 * Size: MongoDB caps a document at 16 MB. A command adds one history entry (typically 0.3-2 KB
 * with rule results in Russian), at most a few outbox entries (~0.3 KB each) and, when keyed, a
 * stored result (~0.2 KB); with a snapshot of a few KB an application can take roughly 5,000
 * commands, where the services of the regulation take tens. A write that would pass 15 MB is
 * refused with INVALID_INPUT rather than failing inside the driver. The revision log keeps each
 * operation (a command is ~1-5 KB); it is the application's operation journal and is not pruned.
 *
 * Network failures: reads are retried with backoff; a commit whose outcome is unknown is retried
 * and recognises its own revision, so it is applied once; past the retries the caller gets
 * STORE_UNAVAILABLE and may resend the command with the same idempotency key, which answers
 * `duplicate` if the first attempt had landed.
 *
 * `transactions: true` runs each commit inside a multi-document transaction when the server is
 * a replica set member or a mongos (asked with `hello`); elsewhere (a standalone, FerretDB) the
 * option is ignored and the protocol above is used, which is atomic without transactions.
 */
import type { MongoClient, MongoClientOptions } from 'mongodb';
import type { ApplicationRecord, Store } from '../types.js';
import { claimOutbox, claimTimers, settleOutbox } from './claims.js';
import { commitCommand } from './commit.js';
import { createConnector, type Connection } from './connection.js';
import { toApplication, toHistory, toTimer } from './documents.js';
import { toStoreError, withRetry, type RetryPolicy } from './failures.js';
import { lookupKey } from './idempotency.js';
import { ensureIndexes } from './indexes.js';
import { importApplications } from './bulk-import.js';
import { repairSince } from './repair.js';
import { readCurrent } from './revisions.js';
import { countApplications, listApplications } from './queries.js';
import { deleteRecord, findRecords, getRecord, putRecord } from './records.js';

/** How often claims look for documents a dead writer left behind their revision log. */
const repairEveryMs = 60_000;
/** How far back `init()` looks for them. */
const repairOnInitMs = 3_600_000;

export interface MongoStoreOptions {
  /** Connection string, e.g. `mongodb://127.0.0.1:27017/?replicaSet=rs0`. Or pass `client`. */
  url?: string;
  /** A client the caller owns (it is connected if needed and never closed by the store). */
  client?: MongoClient;
  database: string;
  /** Prefix of the collection names. */
  collectionPrefix?: string;
  /** Run commits inside multi-document transactions where the server supports them. */
  transactions?: boolean;
  /** Options of the client created from `url` (default `serverSelectionTimeoutMS: 5000`). */
  clientOptions?: MongoClientOptions;
  /** Attempts and first backoff delay for reads and for commits after network failures. */
  retry?: Partial<RetryPolicy>;
}

/** The MongoDB Store, with where it keeps its data, plus a bulk import. */
export interface MongoStore extends Store {
  readonly database: string;
  readonly collectionPrefix: string;
  /**
   * Inserts many applications at once, without history, timers or outbox: for data moved from
   * another system, and for benchmarks. An id that exists stops the batch with VERSION_CONFLICT.
   */
  importApplications(applications: ApplicationRecord[]): Promise<void>;
}

/**
 * A Store on MongoDB. Nothing connects (or even loads the driver) until the first call.
 *
 * @example
 * import { createMongoStore } from 'reglament/mongodb';
 * const store = createMongoStore({ url: 'mongodb://127.0.0.1:27017', database: 'reglament' });
 * await store.init();
 * const outcome = await store.commit(command);
 * await store.dispose();
 */
export function createMongoStore({
  url,
  client,
  database,
  collectionPrefix = 'reglament_',
  transactions = false,
  clientOptions,
  retry = {},
}: MongoStoreOptions): MongoStore {
  const connector = createConnector({ url, client, database, collectionPrefix, transactions, clientOptions });
  const policy: RetryPolicy = { attempts: retry.attempts ?? 4, delayMs: retry.delayMs ?? 100 };
  let repairedAtMs = Date.now();

  /** Rolls forward documents whose writer died mid-write; at most every `repairEveryMs`, from claims. */
  async function repairNowAndThen(connection: Connection): Promise<void> {
    const startedMs = Date.now();
    if (startedMs - repairedAtMs < repairEveryMs) return;
    await repairSince(connection, new Date(repairedAtMs - repairEveryMs).toISOString());
    repairedAtMs = startedMs;
  }

  /** Runs an operation that is safe to repeat, with retries after network failures. */
  async function run<T>(doing: string, operation: (connection: Connection) => Promise<T>): Promise<T> {
    const connection = await connector.get();
    return withRetry(policy, doing, () => operation(connection));
  }

  return {
    database,
    collectionPrefix,
    init: () =>
      run('creating indexes', async (connection) => {
        await ensureIndexes(connection);
        await repairSince(connection, new Date(Date.now() - repairOnInitMs).toISOString());
      }),
    async commit(command) {
      return commitCommand(await connector.get(), command, policy);
    },
    getApplication: (id) =>
      run('reading an application', async (connection) => {
        const document = await readCurrent(connection, id);
        return document ? toApplication(document) : null;
      }),
    getHistory: (applicationId) =>
      run('reading a history', async (connection) => {
        const document = await readCurrent(connection, applicationId);
        return document ? toHistory(document) : [];
      }),
    findCommand: (key) => run('reading a command', (connection) => lookupKey(connection, key)),
    listApplications: (query) => run('listing applications', (connection) => listApplications(connection, query)),
    countApplications: (query) => run('counting applications', (connection) => countApplications(connection, query)),
    getTimers: (applicationId) =>
      run('reading timers', async (connection) => {
        const document = await readCurrent(connection, applicationId);
        const timers = (document?.timers ?? []).map((entry) => toTimer(applicationId, entry));
        return timers.sort((a, b) => (a.dueAt === b.dueAt ? (a.id < b.id ? -1 : 1) : a.dueAt < b.dueAt ? -1 : 1));
      }),
    claimDueTimers: (now, lease) =>
      run('claiming timers', async (connection) => {
        await repairNowAndThen(connection);
        return (await claimTimers(connection, now, lease)).sort((a, b) =>
          a.dueAt === b.dueAt ? (a.id < b.id ? -1 : 1) : a.dueAt < b.dueAt ? -1 : 1,
        );
      }),
    claimOutbox: (now, lease) =>
      run('claiming the outbox', async (connection) => {
        await repairNowAndThen(connection);
        return (await claimOutbox(connection, now, lease)).sort((a, b) =>
          a.availableAt === b.availableAt ? (a.id < b.id ? -1 : 1) : a.availableAt < b.availableAt ? -1 : 1,
        );
      }),
    async markDispatched(id, owner, at) {
      await run('marking an effect dispatched', (connection) => settleOutbox(connection, id, owner, { dispatchedAt: at }));
    },
    async markFailed(id, owner, error, retryAt) {
      await run('marking an effect failed', (connection) => settleOutbox(connection, id, owner, { error, retryAt }));
    },
    async importApplications(applications) {
      const connection = await connector.get();
      // Not retried: a repeated batch would stop at its own first application.
      await importApplications(connection, applications).catch((error: unknown) => {
        throw toStoreError(error, 'importing applications');
      });
    },
    putRecord: (record) => run('writing a record', (connection) => putRecord(connection, record)),
    getRecord: (kind, id) => run('reading a record', (connection) => getRecord(connection, kind, id)),
    findRecords: (kind, where, page) => run('finding records', (connection) => findRecords(connection, kind, where, page)),
    deleteRecord: (kind, id) => run('deleting a record', (connection) => deleteRecord(connection, kind, id)),
    async ping() {
      await run('pinging', async ({ db }) => {
        await db.command({ ping: 1 });
      });
    },
    dispose: () => connector.close(),
  };
}
