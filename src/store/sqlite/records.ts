/**
 * @module store/sqlite/records
 * Generic port records (roster entries, notices, access codes). Each key of a record is also a
 * row of `record_keys`, so finding by any set of keys probes one index per key.
 */
import type { Database } from 'better-sqlite3';
import type { Page, StoredRecord } from '../types.js';
import { decodeCursor, encodeCursor, pageLimit } from './cursor.js';
import { toStoredRecord, type RecordRow } from './rows.js';
import { statementCache } from './statements.js';

export interface RecordKeeper {
  put(record: StoredRecord): void;
  get(kind: string, id: string): StoredRecord | null;
  find(kind: string, where: Record<string, string>, page?: { limit?: number; cursor?: string }): Page<StoredRecord>;
  delete(kind: string, id: string): boolean;
}

/**
 * Prepares the record statements on `db`.
 *
 * @example
 * const records = createRecordKeeper(db);
 * records.find('roster', { pupil: 'pupil-1', school: 'school-1' });
 */
export function createRecordKeeper(db: Database): RecordKeeper {
  const prepare = statementCache(db);
  const upsert = db.prepare(`INSERT INTO records (kind, id, keys, data, created_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (kind, id) DO UPDATE SET keys = excluded.keys, data = excluded.data, created_at = excluded.created_at`);
  const insertKey = db.prepare('INSERT INTO record_keys (kind, name, value, id) VALUES (?, ?, ?, ?)');
  const deleteKeys = db.prepare('DELETE FROM record_keys WHERE kind = ? AND id = ?');
  const deleteOne = db.prepare('DELETE FROM records WHERE kind = ? AND id = ?');
  const selectOne = db.prepare('SELECT * FROM records WHERE kind = ? AND id = ?');

  const put = db.transaction((record: StoredRecord) => {
    upsert.run(record.kind, record.id, JSON.stringify(record.keys), JSON.stringify(record.data ?? null), record.createdAt);
    deleteKeys.run(record.kind, record.id);
    for (const [name, value] of Object.entries(record.keys)) insertKey.run(record.kind, name, value, record.id);
  });
  const remove = db.transaction((kind: string, id: string): boolean => {
    deleteKeys.run(kind, id);
    return deleteOne.run(kind, id).changes > 0;
  });

  return {
    put: (record) => put.immediate(record),
    get(kind, id) {
      const row = selectOne.get(kind, id) as RecordRow | undefined;
      return row === undefined ? null : toStoredRecord(row);
    },
    find(kind, where, page = {}) {
      const limit = pageLimit(page.limit);
      const clauses = ['kind = ?'];
      const params: unknown[] = [kind];
      for (const name of Object.keys(where).sort()) {
        clauses.push('id IN (SELECT id FROM record_keys WHERE kind = ? AND name = ? AND value = ?)');
        params.push(kind, name, where[name]);
      }
      if (page.cursor !== undefined) {
        clauses.push('id < ?');
        params.push(decodeCursor(page.cursor));
      }
      const sql = `SELECT * FROM records WHERE ${clauses.join(' AND ')} ORDER BY id DESC LIMIT ?`;
      const rows = prepare(sql).all(...params, limit + 1) as RecordRow[];
      const items = rows.slice(0, limit).map(toStoredRecord);
      return { items, nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1]!.id) : null };
    },
    delete: (kind, id) => remove.immediate(kind, id),
  };
}
