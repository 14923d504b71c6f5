/**
 * @module store/mongodb/repair
 * Catching up documents a writer left behind their revision log (it died between inserting a
 * revision and writing the document). Reads repair the one application they read; this sweep
 * repairs the applications with recently logged revisions, so that list queries catch up too.
 * (A per-revision "applied" flag would find them directly, but costs an update per write, and
 * FerretDB's updates scan the collection.)
 */
import type { Connection } from './connection.js';
import { readCurrent } from './revisions.js';

/**
 * Rolls forward the applications with revisions logged since `since` whose document lags behind
 * (their writer died between the insert and the document write). Safe from several processes.
 *
 * @example
 * await repairSince(connection, new Date(Date.now() - 3_600_000).toISOString());
 */
export async function repairSince(connection: Connection, since: string): Promise<number> {
  const logged = await connection.revisions
    .find({ loggedAt: { $gte: since } }, { projection: { applicationId: 1, rev: 1 } })
    .toArray();
  const latest = new Map<string, number>();
  for (const { applicationId, rev } of logged) latest.set(applicationId, Math.max(rev, latest.get(applicationId) ?? 0));
  if (latest.size === 0) return 0;
  const stored = await connection.applications
    .find({ _id: { $in: [...latest.keys()] } }, { projection: { _id: 1, rev: 1 } })
    .toArray();
  const storedRev = new Map(stored.map((document) => [document._id, document.rev]));
  let repaired = 0;
  for (const [id, rev] of latest) {
    if ((storedRev.get(id) ?? 0) >= rev) continue;
    await readCurrent(connection, id);
    repaired += 1;
  }
  return repaired;
}
