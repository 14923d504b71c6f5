/**
 * @module store/sqlite/applications
 * Reading applications: one by id, its history, a stored command, and pages and counts by the
 * port's filters. A page first picks ids from an index (id order, no table reads), then loads
 * only those rows, so a filter that matches many rows still costs one page of records.
 */
import type { Database } from 'better-sqlite3';
import type {
  ApplicationQuery,
  ApplicationRecord,
  HistoryEntry,
  Page,
  StoredCommand,
} from '../types.js';
import { decodeCursor, encodeCursor, pageLimit } from './cursor.js';
import { toStoredCommand, type CommandRow } from './rows.js';
import { statementCache } from './statements.js';

type Filter = Omit<ApplicationQuery, 'limit' | 'cursor'>;

const equalityColumns = [
  ['service', 'service'],
  ['state', 'state'],
  ['school', 'school'],
  ['applicant', 'applicant'],
  ['pupil', 'pupil'],
  ['status', 'status'],
] as const;

/** The WHERE clause and its parameters for a filter; fixed column order keeps SQL shapes few. */
function whereOf(filter: Filter): { clauses: string[]; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  for (const [field, column] of equalityColumns) {
    const value = filter[field];
    if (value === undefined) continue;
    clauses.push(`${column} = ?`);
    params.push(value);
  }
  if (filter.overdueAt !== undefined) {
    clauses.push('next_due_at IS NOT NULL AND next_due_at < ?');
    params.push(filter.overdueAt);
  }
  return { clauses, params };
}

export interface ApplicationReader {
  get(id: string): ApplicationRecord | null;
  history(applicationId: string): HistoryEntry[];
  findCommand(key: string): StoredCommand | null;
  list(query: ApplicationQuery): Page<ApplicationRecord>;
  count(filter: Filter): number;
}

/**
 * Prepares the application reads on `db`.
 *
 * @example
 * const applications = createApplicationReader(db);
 * applications.list({ school: 'school-1', state: 'review', limit: 20 });
 */
export function createApplicationReader(db: Database): ApplicationReader {
  const prepare = statementCache(db);
  const selectRecord = db.prepare('SELECT record FROM applications WHERE id = ?').pluck();
  const selectHistory = db.prepare('SELECT entry FROM history WHERE application_id = ? ORDER BY version').pluck();
  const selectCommand = db.prepare('SELECT key, application_id, version, result, at FROM commands WHERE key = ?');

  return {
    get(id) {
      const record = selectRecord.get(id) as string | undefined;
      return record === undefined ? null : (JSON.parse(record) as ApplicationRecord);
    },
    history(applicationId) {
      return (selectHistory.all(applicationId) as string[]).map((entry) => JSON.parse(entry) as HistoryEntry);
    },
    findCommand(key) {
      const row = selectCommand.get(key) as CommandRow | undefined;
      return row === undefined ? null : toStoredCommand(row);
    },
    list(query) {
      const limit = pageLimit(query.limit);
      const { clauses, params } = whereOf(query);
      if (query.cursor !== undefined) {
        clauses.push('id < ?');
        params.push(decodeCursor(query.cursor));
      }
      const where = clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`;
      const sql = `SELECT record FROM applications WHERE id IN (
        SELECT id FROM applications ${where} ORDER BY id DESC LIMIT ?
      ) ORDER BY id DESC`;
      const records = prepare(sql).pluck().all(...params, limit + 1) as string[];
      const items = records.slice(0, limit).map((record) => JSON.parse(record) as ApplicationRecord);
      const more = records.length > limit;
      return { items, nextCursor: more ? encodeCursor(items[items.length - 1]!.id) : null };
    },
    count(filter) {
      const { clauses, params } = whereOf(filter);
      const where = clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`;
      return prepare(`SELECT count(*) FROM applications ${where}`).pluck().get(...params) as number;
    },
  };
}
