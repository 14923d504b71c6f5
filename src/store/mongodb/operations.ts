/**
 * @module store/mongodb/operations
 * Every change to an application document is one of three operations — a command, a lease on
 * some of its timers or outbox entries, or the settling of one outbox entry — appended to the
 * application's revision log and then applied. Applying is pure and deterministic, so any process
 * can replay an operation it finds in the log and reach the same document.
 */
import { ReglamentError } from '../../errors.js';
import type { ApplicationRecord, CommitCommand } from '../types.js';
import { decideCommit } from './apply-command.js';
import { recordFields, type ApplicationDocument, type OutboxEntry, type TimerEntry } from './documents.js';
import { outboxClaimableAt, timerClaimableAt } from './leases.js';

/** One write to an application document, as stored in its revision log. */
export type Operation =
  /** An engine command; `command` is the CommitCommand as JSON, `writer` the commit call's token. */
  | { kind: 'commit'; command: string; writer: string }
  /** Timers or outbox entries leased to `owner` until `until`. */
  | { kind: 'lease'; field: 'timers' | 'outbox'; ids: string[]; owner: string; until: string }
  /** An application imported in bulk (`importApplications`): the record as JSON, no history. */
  | { kind: 'import'; application: string }
  /** The outbox entry `id`, leased to `owner`, dispatched at `at` or failed with `error`. */
  | { kind: 'settle'; id: string; owner: string; dispatchedAt?: string; error?: string; retryAt?: string };

function leased<E extends TimerEntry | OutboxEntry>(entries: E[], ids: string[], owner: string, until: string): E[] {
  const chosen = new Set(ids);
  return entries.map((entry) => (chosen.has(entry.id) ? { ...entry, leaseOwner: owner, leaseUntil: until } : entry));
}

function settled(entry: OutboxEntry, operation: Extract<Operation, { kind: 'settle' }>): OutboxEntry {
  if (operation.dispatchedAt !== undefined) return { ...entry, dispatchedAt: operation.dispatchedAt, leaseUntil: null };
  return {
    ...entry,
    attempts: entry.attempts + 1,
    lastError: operation.error ?? null,
    availableAt: operation.retryAt ?? entry.availableAt,
    leaseOwner: null,
    leaseUntil: null,
  };
}

/**
 * The document of an application imported in bulk, at revision 1: no history, timers or outbox.
 *
 * @example
 * importedDocument(record).rev; // 1
 */
export function importedDocument(application: ApplicationRecord): ApplicationDocument {
  return {
    ...recordFields(application),
    rev: 1,
    writtenBy: 'import',
    history: [],
    timers: [],
    timerClaimableAt: null,
    outbox: [],
    outboxClaimableAt: null,
    commands: [],
  };
}

/**
 * The document after `operation`, one revision later.
 *
 * @example
 * const next = applyOperation(current, { kind: 'lease', field: 'timers', ids: ['t1'], owner: 'w1', until });
 */
export function applyOperation(current: ApplicationDocument | null, operation: Operation): ApplicationDocument {
  if (operation.kind === 'commit') {
    const decision = decideCommit(current, JSON.parse(operation.command) as CommitCommand, operation.writer);
    if (decision.kind !== 'write') {
      throw new ReglamentError('INTERNAL', `a logged command no longer applies (${decision.kind}); the revision log is inconsistent`);
    }
    return decision.document;
  }
  if (operation.kind === 'import') return importedDocument(JSON.parse(operation.application) as ApplicationRecord);
  if (!current) throw new ReglamentError('INTERNAL', `a ${operation.kind} operation was logged before its application`);
  if (operation.kind === 'lease' && operation.field === 'timers') {
    const timers = leased(current.timers, operation.ids, operation.owner, operation.until);
    return { ...current, rev: current.rev + 1, timers, timerClaimableAt: timerClaimableAt(timers) };
  }
  const outbox =
    operation.kind === 'lease'
      ? leased(current.outbox, operation.ids, operation.owner, operation.until)
      : current.outbox.map((entry) => (entry.id === operation.id && entry.leaseOwner === operation.owner ? settled(entry, operation) : entry));
  return { ...current, rev: current.rev + 1, outbox, outboxClaimableAt: outboxClaimableAt(outbox) };
}
