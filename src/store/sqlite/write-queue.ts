/**
 * @module store/sqlite/write-queue
 * Shared write transactions: small writes (port records, outbox marks) made in one turn of the
 * event loop are written in one `BEGIN IMMEDIATE … COMMIT`, together with the group commit of
 * that turn's commands when there is one. Under synchronous=FULL each transaction is an fsync
 * that blocks the event loop, so a notice written beside a burst of commands then costs no fsync
 * of its own. Each write runs in its own savepoint: one that fails is undone and fails alone.
 * A caller is answered only after COMMIT, so nothing acknowledged can be lost.
 */
import type { Database } from 'better-sqlite3';

interface Queued {
  write(): unknown;
  resolve(value: unknown): void;
  reject(reason: unknown): void;
}

/** Settles the writes queued on one connection. */
export interface WriteQueue {
  /** Runs `write` in the next shared transaction; resolves with its result after COMMIT. */
  enqueue<T>(write: () => T): Promise<T>;
  /**
   * Runs the queued writes, then `last`, in one transaction now; returns what `last` returns.
   * When the transaction as a whole fails, every queued write is rejected and the error thrown.
   */
  flushWith<T>(last: () => T): T;
  /** Writes what is queued now (before the connection closes). */
  flush(): void;
}

/**
 * Creates the queue for `db`. `translate` maps driver errors to the store's errors for callers.
 *
 * @example
 * const queue = createWriteQueue(db, (error) => error);
 * await queue.enqueue(() => records.put(record)); // shares a transaction with this turn's writes
 */
export function createWriteQueue(db: Database, translate: (error: unknown) => unknown): WriteQueue {
  let queued: Queued[] = [];
  let scheduled = false;
  /** Inside the shared transaction better-sqlite3 makes this a savepoint. */
  const savepoint = db.transaction((write: () => unknown) => write());
  const shared = db.transaction((group: Queued[], settled: { ok: boolean; value: unknown }[], last: () => unknown) => {
    for (const item of group) {
      try {
        settled.push({ ok: true, value: savepoint(item.write) });
      } catch (reason) {
        // An error that ended the transaction itself leaves nothing to keep.
        if (!db.inTransaction) throw reason;
        settled.push({ ok: false, value: reason });
      }
    }
    return last();
  });

  function flushWith<T>(last: () => T): T {
    const group = queued;
    queued = [];
    const settled: { ok: boolean; value: unknown }[] = [];
    let result: T;
    try {
      result = shared.immediate(group, settled, last) as T;
    } catch (error) {
      for (const item of group) item.reject(translate(error));
      throw error;
    }
    group.forEach((item, index) => {
      const outcome = settled[index]!;
      if (outcome.ok) item.resolve(outcome.value);
      else item.reject(translate(outcome.value));
    });
    return result;
  }

  function flush(): void {
    scheduled = false;
    if (queued.length === 0) return;
    try {
      flushWith(() => undefined);
    } catch {
      // Every queued caller has been rejected with the error.
    }
  }

  return {
    enqueue<T>(write: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queued.push({ write, resolve: resolve as (value: unknown) => void, reject });
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      });
    },
    flushWith,
    flush,
  };
}
