/**
 * @module store/mongodb/bulk-import
 * The bulk path for data moved from another system, and for benchmarks: many applications
 * written with two `insertMany` calls (their first revisions, then their documents) instead of
 * one commit each.
 */
import { ReglamentError } from '../../errors.js';
import type { ApplicationRecord } from '../types.js';
import type { Connection } from './connection.js';
import { importedDocument } from './operations.js';
import { isDuplicateKey, revisionId, type RevisionDocument } from './revisions.js';

/**
 * Imports applications in bulk: their first revisions, then their documents, each with one
 * `insertMany`. An id that exists already stops the batch there with VERSION_CONFLICT (the
 * applications before it are imported: unlike SQLite's import this is not one transaction).
 *
 * @example
 * await importApplications(connection, records);
 */
export async function importApplications(connection: Connection, applications: ApplicationRecord[]): Promise<void> {
  if (applications.length === 0) return;
  const loggedAt = new Date().toISOString();
  const revisions: RevisionDocument[] = applications.map((application) => ({
    _id: revisionId(application.id, 1),
    applicationId: application.id,
    rev: 1,
    operation: { kind: 'import', application: JSON.stringify(application) },
    loggedAt,
  }));
  try {
    await connection.revisions.insertMany(revisions, { ordered: true });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    throw new ReglamentError('VERSION_CONFLICT', 'an imported application exists already', { cause: error });
  }
  await connection.applications.insertMany(applications.map(importedDocument), { ordered: true });
}
