/**
 * @module store/mongodb/commit
 * One engine command = one revision of one application document, no multi-document transaction:
 *
 * 1. With an idempotency key, reserve it (see `idempotency.ts`); a key whose command is already
 *    stored answers `duplicate` at once.
 * 2. Read the application document at its latest revision; `decideCommit` (pure) checks the key
 *    against the document's `commands`, the version and the fired timer, and builds the whole
 *    next document: record fields, history + 1 entry, timers, outbox, the command's result.
 * 3. Append the command as the next revision (see `revisions.ts`): a unique insert, atomic on
 *    every server. Losing that race to a scheduler's lease or a dispatch mark goes back to step 2
 *    (where a changed `version` is a VERSION_CONFLICT); winning it is the commit.
 *
 * The revision carries the call's `writer` token. When the network fails after a write was sent
 * (outcome unknown), the call retries from step 1 with the same token and recognises its own
 * revision, so a command is never applied twice; a later call with the same key gets `duplicate`.
 * With `transactions: true` on a replica set the same steps run inside one transaction, which
 * removes the windows between the key reservation, the revision and the document write.
 */
import { randomUUID } from 'node:crypto';
import type { ClientSession } from 'mongodb';
import { ReglamentError } from '../../errors.js';
import type { CommitCommand, CommitOutcome } from '../types.js';
import { decideCommit } from './apply-command.js';
import type { Connection } from './connection.js';
import type { ApplicationDocument } from './documents.js';
import { withRetry, type RetryPolicy } from './failures.js';
import { keyLeaseMs, releaseKey, reserveKey } from './idempotency.js';
import { appendRevision, readCurrent, RevisionTaken } from './revisions.js';

/** A revision is not appended when less than this is left of the key's lease. */
const leaseMarginMs = 5_000;
/** Revisions lost to concurrent lease changes before giving up. */
const maxRounds = 100;
/** Refuse documents past this size: MongoDB's limit is 16 MiB. */
const maxDocumentBytes = 15 * 1024 * 1024;

function checkCommand(command: CommitCommand): void {
  if (!Number.isInteger(command.expectedVersion) || command.expectedVersion < 0) {
    throw new ReglamentError('INVALID_INPUT', 'expectedVersion must be a non-negative integer', { path: '/expectedVersion' });
  }
  if (command.application.version !== command.expectedVersion + 1) {
    throw new ReglamentError('INVALID_INPUT', `application.version must be expectedVersion + 1 (got ${command.application.version} after ${command.expectedVersion})`, {
      path: '/application/version',
    });
  }
}

/** True when `current` already holds this very command: written by `writer`, or its exact history entry. */
function holdsOwnWrite(current: ApplicationDocument | null, command: CommitCommand, writer: string): boolean {
  if (!current) return false;
  return current.writtenBy === writer || current.history.includes(JSON.stringify(command.history));
}

async function attempt(connection: Connection, command: CommitCommand, writer: string, retrying: boolean, session?: ClientSession): Promise<CommitOutcome> {
  const id = command.application.id;
  const key = command.idempotency?.key;
  let leaseEndsMs = Infinity;
  /** A refused command writes nothing: it frees the key it reserved. */
  async function refuse(error: ReglamentError): Promise<ReglamentError> {
    if (key !== undefined) await releaseKey(connection, key, writer, session);
    return error;
  }
  if (key !== undefined) {
    const reservation = await reserveKey(connection, key, id, writer, session);
    if (reservation.kind === 'duplicate') return { status: 'duplicate', command: reservation.command };
    leaseEndsMs = reservation.reservedAtMs + keyLeaseMs;
  }
  const operation = { kind: 'commit' as const, command: JSON.stringify(command), writer };
  // The first round trusts the stored document without looking for later revisions (one read
  // less per command): a stale document makes the append lose its race, and a conflict is only
  // reported after a full read.
  let trusting = !retrying;
  for (let round = 0; round < maxRounds; round += 1) {
    const current = trusting
      ? await connection.applications.findOne({ _id: id }, { session })
      : await readCurrent(connection, id, session);
    if (retrying && holdsOwnWrite(current, command, writer)) return { status: 'committed' };
    const decision = decideCommit(current, command, writer);
    if (decision.kind === 'duplicate') return { status: 'duplicate', command: decision.command };
    if (decision.kind === 'conflict' && trusting) {
      trusting = false;
      continue;
    }
    trusting = false;
    if (decision.kind === 'conflict') {
      throw await refuse(new ReglamentError('VERSION_CONFLICT', `application ${id}: ${decision.reason}`, {
        details: { applicationId: id, expectedVersion: command.expectedVersion },
      }));
    }
    if (Buffer.byteLength(JSON.stringify(decision.document)) > maxDocumentBytes) {
      throw await refuse(new ReglamentError('INVALID_INPUT', `application ${id} would outgrow MongoDB's 16 MB document limit`, {
        details: { applicationId: id, historyEntries: decision.document.history.length },
      }));
    }
    const leftMs = leaseEndsMs - Date.now() - leaseMarginMs;
    if (leftMs <= 0) {
      throw new ReglamentError('STORE_UNAVAILABLE', `application ${id}: the command took longer than its idempotency lease; retry it`);
    }
    // The server abandons the insert rather than apply it after the key's lease ran out.
    const maxTimeMS = Number.isFinite(leftMs) && !session ? Math.ceil(leftMs) : undefined;
    if (await appendRevision(connection, id, current, operation, { session, maxTimeMS })) return { status: 'committed' };
  }
  throw new ReglamentError('STORE_UNAVAILABLE', `application ${id} changed ${maxRounds} times during one command; retry it`);
}

async function inTransaction(connection: Connection, command: CommitCommand, writer: string, retrying: boolean): Promise<CommitOutcome> {
  for (let round = 0; ; round += 1) {
    const session = connection.client.startSession();
    try {
      return await session.withTransaction(() => attempt(connection, command, writer, retrying, session));
    } catch (error) {
      // A lost race (a revision, a key reservation, a document insert) aborts the whole
      // transaction; the next one re-reads and decides again.
      const raced = error instanceof RevisionTaken || (error as { code?: unknown }).code === 11000;
      if (!raced || round >= maxRounds) throw error;
    } finally {
      await session.endSession();
    }
  }
}

/**
 * Writes `command` atomically (see the module comment), retrying after network failures.
 *
 * @example
 * const outcome = await commitCommand(connection, command, { attempts: 4, delayMs: 100 });
 */
export async function commitCommand(connection: Connection, command: CommitCommand, policy: RetryPolicy): Promise<CommitOutcome> {
  checkCommand(command);
  const writer = randomUUID();
  return withRetry(policy, `committing application ${command.application.id}`, (attemptNo) => {
    const retrying = attemptNo > 1;
    return connection.transactions
      ? inTransaction(connection, command, writer, retrying)
      : attempt(connection, command, writer, retrying);
  });
}
