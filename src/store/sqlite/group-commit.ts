/**
 * @module store/sqlite/group-commit
 * Group commit on SQLite: many commands in one `BEGIN IMMEDIATE … COMMIT`, so they share one
 * WAL append (and one fsync under synchronous=FULL). Results are exactly those of committing
 * the commands one after another: a command that fails is rolled back alone and settles
 * `rejected`, later commands see the writes of earlier ones.
 */
import type { Database } from 'better-sqlite3';
import { isReglamentError } from '../../errors.js';
import type { CommitCommand, CommitSettlement } from '../types.js';
import type { CommitWriter } from './commit.js';

/**
 * Prepares `commitMany(commands)` on `db`. It returns only after COMMIT; if SQLite gives up the
 * whole transaction (disk full, I/O error) it throws and nothing of the group is written.
 *
 * @example
 * const commitMany = createGroupCommit(db, createCommit(db));
 * commitMany([first, second]); // [{ status: 'fulfilled', value: { status: 'committed' } }, …]
 */
export function createGroupCommit(db: Database, writer: CommitWriter): (commands: CommitCommand[]) => CommitSettlement[] {
  /** Fast path: a failed check writes nothing, so commands need no savepoint of their own. */
  const unguarded = db.transaction((commands: CommitCommand[]): CommitSettlement[] =>
    commands.map((command): CommitSettlement => {
      try {
        return { status: 'fulfilled', value: writer.applyInTransaction(command) };
      } catch (reason) {
        // Anything but a failed check may have written half a command: undo the group.
        if (!isReglamentError(reason)) throw new HalfWritten(reason);
        return { status: 'rejected', reason };
      }
    }),
  );
  /** Slow path, after a write failed: each command in a savepoint (`writer.commit` nests). */
  const guarded = db.transaction((commands: CommitCommand[]): CommitSettlement[] =>
    commands.map((command): CommitSettlement => {
      try {
        return { status: 'fulfilled', value: writer.commit(command) };
      } catch (reason) {
        // An error that ended the transaction itself leaves nothing to keep: fail the group.
        if (!db.inTransaction) throw reason;
        return { status: 'rejected', reason };
      }
    }),
  );
  return function commitMany(commands) {
    try {
      return unguarded.immediate(commands);
    } catch (error) {
      if (!(error instanceof HalfWritten)) throw error;
      return guarded.immediate(commands);
    }
  };
}

/** A write (not a check) failed inside the fast path; the group was rolled back. */
class HalfWritten extends Error {
  constructor(readonly reason: unknown) {
    super('a write failed inside a group commit', { cause: reason });
  }
}
