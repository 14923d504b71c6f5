/**
 * @module store/sqlite/commit
 * One engine command as one SQLite transaction (`BEGIN IMMEDIATE`): idempotency key, version
 * and fired timer are checked under the write lock, then the record, history entry, timers,
 * outbox rows and key are written. Any failure rolls the whole command back. Group commit
 * (`group-commit.ts`) runs several commands inside one transaction.
 */
import type { Database } from 'better-sqlite3';
import { ReglamentError } from '../../errors.js';
import type { ApplicationRecord, CommitCommand, CommitOutcome, StoredCommand } from '../types.js';
import { toStoredCommand, type CommandRow } from './rows.js';
import { statementCache } from './statements.js';

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

/** The indexed columns of an application row, as the record names them. */
const indexedColumns = [
  ['service', 'service'],
  ['state', 'state'],
  ['status', 'status'],
  ['school', 'school'],
  ['applicant', 'applicant'],
  ['pupil', 'pupil'],
  ['next_due_at', 'nextDueAt'],
] as const;

type CurrentRow = { version: number } & Record<(typeof indexedColumns)[number][0], string | null>;

function conflict(command: CommitCommand, reason: string, actualVersion: number | null): ReglamentError {
  return new ReglamentError('VERSION_CONFLICT', `application ${command.application.id}: ${reason}`, {
    details: { applicationId: command.application.id, expectedVersion: command.expectedVersion, actualVersion },
  });
}

/** Runs commands on one connection. */
export interface CommitWriter {
  /** One command in its own `BEGIN IMMEDIATE … COMMIT` (a savepoint inside another transaction). */
  commit(command: CommitCommand): CommitOutcome;
  /**
   * One command inside the caller's transaction, without a savepoint. A ReglamentError
   * (stale version, gone timer, bad version step) is thrown before anything is written; any
   * other error may leave the command half written, and the caller must roll back.
   */
  applyInTransaction(command: CommitCommand): CommitOutcome;
}

/**
 * Prepares the statements of a commit on `db`.
 *
 * @example
 * const writer = createCommit(db);
 * writer.commit(command); // { status: 'committed' }
 */
export function createCommit(db: Database): CommitWriter {
  const prepare = statementCache(db);
  const findCommand = db.prepare('SELECT key, application_id, version, result, at FROM commands WHERE key = ?');
  const findCurrent = db.prepare(`SELECT version, ${indexedColumns.map(([column]) => column).join(', ')} FROM applications WHERE id = ?`);
  const insertApplication = db.prepare(insertApplicationSql);
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

  /**
   * SQLite rewrites every index on a column named in SET, changed or not: a command names only
   * the indexed columns whose value it changes (most change state and terms, not the people).
   */
  function update(current: CurrentRow, application: ApplicationRecord, record: string): void {
    const assignments = ['version = ?'];
    const values: unknown[] = [application.version];
    for (const [column, field] of indexedColumns) {
      if (current[column] === application[field]) continue;
      assignments.push(`${column} = ?`);
      values.push(application[field]);
    }
    prepare(`UPDATE applications SET ${assignments.join(', ')}, record = ? WHERE id = ?`).run(...values, record, application.id);
  }

  function applyInTransaction(command: CommitCommand): CommitOutcome {
    const { application, expectedVersion } = command;
    if (application.version !== expectedVersion + 1) {
      throw new ReglamentError('INVALID_INPUT', `application version must be expectedVersion + 1 (${expectedVersion + 1}), got ${application.version}`, {
        path: '/application/version',
      });
    }
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
    // Checked: from here on only writes.
    const row = applicationRow(application);
    if (current === undefined) insertApplication.run(row);
    else update(current, application, row[9] as string);
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
  }

  const alone = db.transaction(applyInTransaction);
  return { commit: (command) => alone.immediate(command), applyInTransaction };
}
