/**
 * @module store/mongodb/records
 * Generic port records in `<prefix>records`: `_id` is `[kind, id]` as JSON (unambiguous for any
 * strings), `keyPairs` holds each `[name, value]` key as a JSON string so that "all these keys
 * match" is one `$all` on a multikey index, whatever characters the names hold (`.` and `$` would
 * be refused as field names). `keys` and `data` keep their exact JSON.
 */
import type { Page, StoredRecord } from '../types.js';
import type { Connection } from './connection.js';
import { decodeCursor, encodeCursor, pageLimit } from './cursor.js';

/** One stored record. */
export interface RecordDocument {
  _id: string;
  kind: string;
  id: string;
  keyPairs: string[];
  /** JSON of the keys. */
  keys: string;
  /** JSON of the data. */
  data: string;
  createdAt: string;
}

const recordId = (kind: string, id: string) => JSON.stringify([kind, id]);
const keyPairs = (keys: Record<string, string>) => Object.entries(keys).map((pair) => JSON.stringify(pair));

function toRecord(document: RecordDocument): StoredRecord {
  return {
    kind: document.kind,
    id: document.id,
    keys: JSON.parse(document.keys),
    data: JSON.parse(document.data),
    createdAt: document.createdAt,
  };
}

/**
 * Inserts or replaces `record`.
 *
 * @example
 * await putRecord(connection, { kind: 'roster', id: 'r1', keys: { pupil: 'pupil-1' }, data: {}, createdAt: now });
 */
export async function putRecord(connection: Connection, record: StoredRecord): Promise<void> {
  const document: RecordDocument = {
    _id: recordId(record.kind, record.id),
    kind: record.kind,
    id: record.id,
    keyPairs: keyPairs(record.keys),
    keys: JSON.stringify(record.keys),
    data: JSON.stringify(record.data ?? null),
    createdAt: record.createdAt,
  };
  await connection.records.replaceOne({ _id: document._id }, document, { upsert: true });
}

/** The record `kind`/`id`, or null. */
export async function getRecord(connection: Connection, kind: string, id: string): Promise<StoredRecord | null> {
  const document = await connection.records.findOne({ _id: recordId(kind, id) });
  return document ? toRecord(document) : null;
}

/**
 * One page of the records of `kind` whose keys include every pair of `where`, id descending.
 *
 * @example
 * const page = await findRecords(connection, 'roster', { school: 'school-1' }, { limit: 20 });
 */
export async function findRecords(
  connection: Connection,
  kind: string,
  where: Record<string, string>,
  page: { limit?: number; cursor?: string } = {},
): Promise<Page<StoredRecord>> {
  const limit = pageLimit(page.limit);
  const pairs = keyPairs(where);
  const documents = await connection.records
    .find({
      kind,
      ...(pairs.length ? { keyPairs: { $all: pairs } } : {}),
      ...(page.cursor !== undefined ? { id: { $lt: decodeCursor(page.cursor) } } : {}),
    })
    .sort({ id: -1 })
    .limit(limit + 1)
    .toArray();
  const items = documents.slice(0, limit).map(toRecord);
  return { items, nextCursor: documents.length > limit ? encodeCursor(items[items.length - 1]!.id) : null };
}

/** Deletes the record `kind`/`id`; true when there was one. */
export async function deleteRecord(connection: Connection, kind: string, id: string): Promise<boolean> {
  const deleted = await connection.records.deleteOne({ _id: recordId(kind, id) });
  return deleted.deletedCount === 1;
}
