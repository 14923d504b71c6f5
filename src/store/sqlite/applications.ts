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

/** The WHERE clauses and their parameters for a filter; fixed column order keeps SQL shapes few. */
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
    clauses.push('next_due_at IS NOT NULL AND next_due_at <= ?');
    params.push(filter.overdueAt);
  }
  return { clauses, params };
}

const whereSql = (clauses: string[]) => (clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`);

/**
 * The SQL of one page for `query`: ids from an index first, then their records; the last
 * parameter is the row limit (page size + 1, to tell whether another page follows).
 *
 * @example
 * const { sql, params } = pageSql({ school: 'school-1' }, 50);
 */
export function pageSql(query: ApplicationQuery, limit: number): { sql: string; params: unknown[] } {
  const { clauses, params } = whereOf(query);
  if (query.cursor !== undefined) {
    clauses.push('id < ?');
    params.push(decodeCursor(query.cursor));
  }
  const sql = `SELECT record FROM applications WHERE id IN (
    SELECT id FROM applications ${whereSql(clauses)} ORDER BY id DESC LIMIT ?
  ) ORDER BY id DESC`;
  return { sql, params: [...params, limit + 1] };
}

/**
 * The SQL counting the applications that match `filter`.
 *
 * @example
 * const { sql, params } = countSql({ overdueAt: '2026-06-01T09:00:00.000Z' });
 */
export function countSql(filter: Filter): { sql: string; params: unknown[] } {
  const { clauses, params } = whereOf(filter);
  return { sql: `SELECT count(*) FROM applications ${whereSql(clauses)}`, params };
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
      const { sql, params } = pageSql(query, limit);
      const records = prepare(sql).pluck().all(...params) as string[];
      const items = records.slice(0, limit).map((record) => JSON.parse(record) as ApplicationRecord);
      const more = records.length > limit;
      return { items, nextCursor: more ? encodeCursor(items[items.length - 1]!.id) : null };
    },
    count(filter) {
      const { sql, params } = countSql(filter);
      return prepare(sql).pluck().get(...params) as number;
    },
  };
}
