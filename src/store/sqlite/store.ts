/**
 * @module store/sqlite/store
 * `createSqliteStore`: the embedded Store adapter. The connection opens lazily on first use;
 * every call after `dispose()` fails with STORE_UNAVAILABLE. better-sqlite3 is synchronous,
 * so each method runs to completion on the calling thread and returns a settled promise.
 */
import type { Database } from 'better-sqlite3';
import { ReglamentError, isReglamentError } from '../../errors.js';
import type { ApplicationRecord, Store } from '../types.js';
import { createApplicationReader } from './applications.js';
import { applicationRow, createCommit, insertApplicationSql } from './commit.js';
import { openDatabase, type SqliteConnectionOptions } from './connection.js';
import { createGroupCommit } from './group-commit.js';
import { createLeaseKeeper } from './leases.js';
import { createRecordKeeper } from './records.js';
import { createWriteQueue } from './write-queue.js';

export interface SqliteStoreOptions extends Partial<SqliteConnectionOptions> {}

/** The SQLite store: the Store port plus a bulk import for migrations and benchmarks. */
export interface SqliteStore extends Store {
  readonly file: string;
  /**
   * Inserts many applications in one transaction, without history, timers or outbox: for data
   * moved from another system, and for benchmarks. An id that exists fails the whole batch
   * with VERSION_CONFLICT.
   */
  importApplications(applications: ApplicationRecord[]): Promise<void>;
}

function sessionOf(db: Database) {
  const insertApplication = db.prepare(insertApplicationSql);
  const writer = createCommit(db);
  return {
    db,
    commit: writer.commit,
    commitMany: createGroupCommit(db, writer),
    applications: createApplicationReader(db),
    leases: createLeaseKeeper(db),
    records: createRecordKeeper(db),
    writes: createWriteQueue(db, translate),
    importApplications: db.transaction((applications: ApplicationRecord[]) => {
      for (const application of applications) insertApplication.run(applicationRow(application));
    }),
  };
}

type Session = ReturnType<typeof sessionOf>;

/** Driver errors that mean "cannot reach the data now" rather than a bug. */
const unavailableCodes = /^SQLITE_(BUSY|LOCKED|CANTOPEN|IOERR|FULL|READONLY|NOTADB|CORRUPT)/;

function translate(error: unknown): unknown {
  if (isReglamentError(error)) return error;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return new ReglamentError('VERSION_CONFLICT', 'a record with this id exists already', { cause: error });
  }
  if (typeof code === 'string' && unavailableCodes.test(code)) {
    return new ReglamentError('STORE_UNAVAILABLE', `SQLite: ${code}`, { cause: error });
  }
  return new ReglamentError('INTERNAL', 'unexpected SQLite error', { cause: error });
}

/**
 * Creates the embedded store on an SQLite file (WAL; several processes may share the file).
 *
 * @example
 * import { createSqliteStore } from 'reglament/sqlite';
 * const store = createSqliteStore({ file: './data/reglament.sqlite' });
 * await store.init();
 */
export function createSqliteStore({
  file = './data/reglament.sqlite',
  busyTimeoutMs = 5_000,
  synchronous = 'full',
  cacheSizeMb = 64,
}: SqliteStoreOptions = {}): SqliteStore {
  let opening: Promise<Session> | null = null;
  let disposed = false;

  function session(): Promise<Session> {
    if (disposed) return Promise.reject(new ReglamentError('STORE_UNAVAILABLE', 'the store was disposed'));
    opening ??= openDatabase({ file, busyTimeoutMs, synchronous, cacheSizeMb }).then(sessionOf, (error: unknown) => {
      opening = null;
      throw translate(error);
    });
    return opening;
  }

  async function run<T>(work: (session: Session) => T): Promise<T> {
    const current = await session();
    if (disposed) throw new ReglamentError('STORE_UNAVAILABLE', 'the store was disposed');
    try {
      return work(current);
    } catch (error) {
      throw translate(error);
    }
  }

  /** A small write (a record, a lease, a mark): it joins the shared transaction of this turn (see `write-queue.ts`). */
  async function queued<T>(write: (session: Session) => T): Promise<T> {
    const current = await session();
    if (disposed) throw new ReglamentError('STORE_UNAVAILABLE', 'the store was disposed');
    return current.writes.enqueue(() => write(current));
  }

  return {
    file,
    init: () => run(() => undefined),
    commit: (command) => run((s) => s.commit(command)),
    // The records and marks queued this turn share the group's transaction (and its fsync).
    commitMany: (commands) =>
      run((s) => s.writes.flushWith(() => s.commitMany(commands)).map((settled) => (settled.status === 'rejected' ? { status: 'rejected' as const, reason: translate(settled.reason) } : settled))),
    getApplication: (id) => run((s) => s.applications.get(id)),
    getHistory: (applicationId) => run((s) => s.applications.history(applicationId)),
    findCommand: (key) => run((s) => s.applications.findCommand(key)),
    listApplications: (query) => run((s) => s.applications.list(query)),
    countApplications: (query) => run((s) => s.applications.count(query)),
    getTimers: (applicationId) => run((s) => s.leases.timersOf(applicationId)),
    claimDueTimers: (now, lease) => queued((s) => s.leases.claimDueTimers(now, lease)),
    claimOutbox: (now, lease) => queued((s) => s.leases.claimOutbox(now, lease)),
    markDispatched: (id, owner, at) => queued((s) => s.leases.markDispatched(id, owner, at)),
    markFailed: (id, owner, error, retryAt) => queued((s) => s.leases.markFailed(id, owner, error, retryAt)),
    putRecord: (record) => queued((s) => s.records.put(record)),
    getRecord: (kind, id) => run((s) => s.records.get(kind, id)),
    findRecords: (kind, where, page) => run((s) => s.records.find(kind, where, page)),
    deleteRecord: (kind, id) => queued((s) => s.records.delete(kind, id)),
    importApplications: (applications) => run((s) => s.importApplications.immediate(applications)),
    ping: () => run((s) => void s.db.prepare('SELECT 1').get()),
    async dispose() {
      if (disposed) return;
      disposed = true;
      const pending = opening;
      opening = null;
      if (pending)
        await pending.then(
          (s) => {
            s.writes.flush();
            s.db.close();
          },
          () => undefined,
        );
    },
  };
}
