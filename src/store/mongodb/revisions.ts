/**
 * @module store/mongodb/revisions
 * The revision log that makes one write to an application document atomic on every
 * MongoDB-compatible server. Revision `r` of application `A` is the document `A@r` in
 * `<prefix>revisions`; inserting it is the write's commit point: `_id` is unique, so of several
 * writers that read revision `r - 1` exactly one inserts `A@r`, the others get error 11000 and
 * re-read. The application document is then brought to revision `r` (see `write`).
 *
 * Why not just `findOneAndUpdate({ _id, rev })`: on MongoDB that is atomic, but FerretDB 1.x
 * evaluates the filter and writes by `_id` in two steps, so two writers can both "win" (measured:
 * up to 16 of 20 concurrent conditional updates of one document succeeded). Unique inserts are
 * atomic everywhere.
 *
 * Repair: a reader rolls an application document forward through any later revisions it finds
 * (a writer that crashed after its insert, or a slower writer that overwrote a newer revision on
 * a server without atomic conditional writes) and writes the result back; `repair.ts` does the
 * same for recently logged revisions, so list queries catch up after a crash.
 */
import type { ClientSession } from 'mongodb';
import type { Connection } from './connection.js';
import type { ApplicationDocument } from './documents.js';
import { applyOperation, type Operation } from './operations.js';

/** One logged revision of an application document. */
export interface RevisionDocument {
  /** `${applicationId}@${rev}`, rev zero-padded. */
  _id: string;
  applicationId: string;
  rev: number;
  operation: Operation;
  /** Wall-clock time of the append. */
  loggedAt: string;
}

/** Thrown inside a transaction that lost the race for a revision (the transaction is aborted). */
export class RevisionTaken extends Error {
  override readonly name = 'RevisionTaken';
}

/** The `_id` of revision `rev` of `applicationId`. */
export const revisionId = (applicationId: string, rev: number) => `${applicationId}@${String(rev).padStart(10, '0')}`;

export const isDuplicateKey = (error: unknown) => (error as { code?: unknown } | null)?.code === 11000;

/**
 * Stores `document` by `_id` alone. A filter on `rev` would stop a slower writer from putting back
 * an older revision on MongoDB, but not on FerretDB (not atomic there), where it also makes every
 * write scan the collection (only a lone `_id` filter is pushed down). So an older revision may
 * land for a moment on any server; `settle` then finds the newer revision in the log and writes it.
 */
async function write(connection: Connection, document: ApplicationDocument, session?: ClientSession): Promise<void> {
  const { _id, ...fields } = document;
  if (document.rev > 1) {
    const replaced = await connection.applications.replaceOne({ _id }, fields, { session });
    if (replaced.matchedCount === 1) return;
  }
  try {
    await connection.applications.insertOne(document, { session });
  } catch (error) {
    // 11000: another writer stored the document first; `settle` checks the log for anything newer.
    if (!isDuplicateKey(error)) throw error;
  }
}

/** Writes `document`, then any revisions logged after it meanwhile; returns the latest document. */
async function settle(connection: Connection, document: ApplicationDocument, session?: ClientSession): Promise<ApplicationDocument> {
  let current = document;
  for (;;) {
    await write(connection, current, session);
    const successor = await connection.revisions.findOne({ _id: revisionId(current._id, current.rev + 1) }, { session });
    if (!successor) return current;
    current = applyOperation(current, successor.operation);
  }
}

/**
 * The application document at its latest revision (rolled forward and repaired if the stored
 * document lags behind the log), or null when the application does not exist.
 *
 * @example
 * const current = await readCurrent(connection, 'app-1');
 */
export async function readCurrent(connection: Connection, id: string, session?: ClientSession): Promise<ApplicationDocument | null> {
  const stored = await connection.applications.findOne({ _id: id }, { session });
  let current = stored;
  for (;;) {
    const successor = await connection.revisions.findOne({ _id: revisionId(id, (current?.rev ?? 0) + 1) }, { session });
    if (!successor) break;
    current = applyOperation(current, successor.operation);
  }
  if (current && current !== stored) return settle(connection, current, session);
  return current;
}

/**
 * Appends `operation` as the revision after `current` and applies it; returns the new document,
 * or null when another writer took that revision first (re-read and decide again).
 *
 * @example
 * const next = await appendRevision(connection, 'app-1', current, { kind: 'lease', field: 'timers', ids, owner, until });
 */
export async function appendRevision(
  connection: Connection,
  id: string,
  current: ApplicationDocument | null,
  operation: Operation,
  options: { session?: ClientSession; maxTimeMS?: number } = {},
): Promise<ApplicationDocument | null> {
  const next = applyOperation(current, operation);
  const revision: RevisionDocument = {
    _id: revisionId(id, next.rev),
    applicationId: id,
    rev: next.rev,
    operation,
    loggedAt: new Date().toISOString(),
  };
  try {
    await connection.revisions.insertOne(revision, { session: options.session, maxTimeMS: options.maxTimeMS });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    if (options.session) throw new RevisionTaken(revision._id);
    return null;
  }
  return settle(connection, next, options.session);
}
