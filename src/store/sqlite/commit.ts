/**
 * @module store/sqlite/commit
 * One engine command as one SQLite transaction (`BEGIN IMMEDIATE`): idempotency key, version
 * and fired timer are checked under the write lock, then the record, history entry, timers,
 * outbox rows and key are written. Any failure rolls the whole command back.
 */
import type { Database } from 'better-sqlite3';
import { ReglamentError } from '../../errors.js';
import type { ApplicationRecord, CommitCommand, CommitOutcome, CommitSettlement, StoredCommand } from '../types.js';
import { toStoredCommand, type CommandRow } from './rows.js';

/** The columns of an application row, in insert order. */
export function applicationRow(application: ApplicationRecord): unknown[] {
  return [
    application.id,
    application.version,
    application.service,
    application.state,
    application.status,
    application.school,
    application.applicant,
    application.pupil,
    application.nextDueAt,
    JSON.stringify(application),
  ];
}

export const insertApplicationSql = `INSERT INTO applications
  (id, version, service, state, status, school, applicant, pupil, next_due_at, record)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

interface CurrentRow {
  version: number;
  service: string;
  school: string | null;
  applicant: string | null;
  pupil: string | null;
}

function sameParties(current: CurrentRow, next: ApplicationRecord): boolean {
  return (
    current.service === next.service &&
    current.school === next.school &&
    current.applicant === next.applicant &&
    current.pupil === next.pupil
  );
}

function conflict(command: CommitCommand, reason: string, actualVersion: number | null): ReglamentError {
  return new ReglamentError('VERSION_CONFLICT', `application ${command.application.id}: ${reason}`, {
    details: { applicationId: command.application.id, expectedVersion: command.expectedVersion, actualVersion },
  });
}

/**
 * Prepares the statements of a commit on `db` and returns the function that runs one command.
 *
 * @example
 * const commit = createCommit(db);
 * commit(command); // { status: 'committed' }
 */
export function createCommit(db: Database): (command: CommitCommand) => CommitOutcome {
  const findCommand = db.prepare('SELECT key, application_id, version, result, at FROM commands WHERE key = ?');
  const findCurrent = db.prepare('SELECT version, service, school, applicant, pupil FROM applications WHERE id = ?');
  const insertApplication = db.prepare(insertApplicationSql);
  const updateApplication = db.prepare(`UPDATE applications SET
    version = ?, service = ?, state = ?, status = ?, school = ?, applicant = ?, pupil = ?, next_due_at = ?, record = ?
    WHERE id = ?`);
  // SQLite rewrites every index on a column named in SET, changed or not: most commands change
  // only state, status and terms, so they leave the indexes on service and people untouched.
  const updateProgress = db.prepare(`UPDATE applications SET
    version = ?, state = ?, status = ?, next_due_at = ?, record = ? WHERE id = ?`);
  const insertHistory = db.prepare('INSERT INTO history (application_id, version, entry) VALUES (?, ?, ?)');
  const deleteTimer = db.prepare('DELETE FROM timers WHERE id = ? AND application_id = ?');
  const upsertTimer = db.prepare(`INSERT INTO timers (id, application_id, due_at, event, lease_owner, lease_until)
    VALUES (?, ?, ?, ?, NULL, NULL)
    ON CONFLICT (id) DO UPDATE SET application_id = excluded.application_id, due_at = excluded.due_at,
      event = excluded.event, lease_owner = NULL, lease_until = NULL`);
  // An effect id is its idempotency key: a row that exists already stands.
  const insertOutbox = db.prepare(`INSERT INTO outbox
    (id, application_id, effect, created_at, attempts, available_at, lease_owner, lease_until, last_error, dispatched_at)
    VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?) ON CONFLICT (id) DO NOTHING`);
  const insertCommand = db.prepare('INSERT INTO commands (key, application_id, version, result, at) VALUES (?, ?, ?, ?, ?)');

  function duplicateOf(key: string): StoredCommand | null {
    const row = findCommand.get(key) as CommandRow | undefined;
    return row === undefined ? null : toStoredCommand(row);
  }

  const write = db.transaction((command: CommitCommand): CommitOutcome => {
    const { application, expectedVersion } = command;
    if (command.idempotency) {
      const stored = duplicateOf(command.idempotency.key);
      if (stored) return { status: 'duplicate', command: stored };
    }
    const current = findCurrent.get(application.id) as CurrentRow | undefined;
    const actual = current?.version ?? null;
    if (expectedVersion === 0 && actual !== null) throw conflict(command, 'exists already', actual);
    if (expectedVersion !== 0 && actual !== expectedVersion) throw conflict(command, 'stale version', actual);
    if (command.firedTimer !== undefined && deleteTimer.run(command.firedTimer, application.id).changes === 0) {
      throw conflict(command, 'the fired timer is gone', actual);
    }
    const row = applicationRow(application);
    if (current === undefined) insertApplication.run(row);
    else if (sameParties(current, application)) {
      updateProgress.run(application.version, application.state, application.status, application.nextDueAt, row[9], application.id);
    } else updateApplication.run([...row.slice(1), application.id]);
    insertHistory.run(application.id, application.version, JSON.stringify(command.history));
    for (const id of command.cancelTimers) deleteTimer.run(id, application.id);
    for (const timer of command.scheduleTimers) {
      upsertTimer.run(timer.id, timer.applicationId, timer.dueAt, JSON.stringify(timer.event));
    }
    for (const effect of command.outbox) {
      insertOutbox.run(
        effect.id,
        effect.applicationId,
        JSON.stringify(effect.effect),
        effect.createdAt,
        effect.attempts,
        effect.availableAt,
        effect.lastError,
        effect.dispatchedAt,
      );
    }
    if (command.idempotency) {
      const { key, result } = command.idempotency;
      insertCommand.run(key, application.id, application.version, JSON.stringify(result ?? null), command.history.at);
    }
    return { status: 'committed' };
  });

  return function commit(command: CommitCommand): CommitOutcome {
    if (command.application.version !== command.expectedVersion + 1) {
      throw new ReglamentError(
        'INVALID_INPUT',
        `application version must be expectedVersion + 1 (${command.expectedVersion + 1}), got ${command.application.version}`,
        { path: '/application/version' },
      );
    }
    // Alone: its own BEGIN IMMEDIATE … COMMIT; inside a group commit: a savepoint.
    return write.immediate(command);
  };
}

/**
 * Prepares group commit on `db`: many commands in one `BEGIN IMMEDIATE … COMMIT`, so they share
 * one WAL append (and one fsync under synchronous=FULL). Each command runs in its own savepoint:
 * one that fails is rolled back alone and settles `rejected`; later commands see the writes of
 * the earlier ones, exactly as if they had been committed one after another. The call returns
 * only after COMMIT; if SQLite gives up the whole transaction (disk full, I/O error) it throws
 * and nothing of the batch is written.
 *
 * @example
 * const commitMany = createGroupCommit(db, createCommit(db));
 * commitMany([first, second]); // [{ status: 'fulfilled', value: { status: 'committed' } }, …]
 */
export function createGroupCommit(db: Database, commit: (command: CommitCommand) => CommitOutcome): (commands: CommitCommand[]) => CommitSettlement[] {
  // Inside the outer transaction better-sqlite3 runs `commit`'s own transaction as a savepoint.
  const batch = db.transaction((commands: CommitCommand[]): CommitSettlement[] =>
    commands.map((command): CommitSettlement => {
      try {
        return { status: 'fulfilled', value: commit(command) };
      } catch (reason) {
        // An error that ended the transaction itself leaves nothing to keep: fail the batch.
        if (!db.inTransaction) throw reason;
        return { status: 'rejected', reason };
      }
    }),
  );
  return (commands) => batch.immediate(commands);
}
