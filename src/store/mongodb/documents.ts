/**
 * @module store/mongodb/documents
 * The shapes the MongoDB adapter stores, and pure conversions between them and the Store
 * port's records. One application is one document: the record's fields (queryable, top level),
 * its history, its timers, its outbox and the results of its idempotent commands. Free-form
 * JSON (machine snapshots, events, effects, command results) is stored as JSON *strings*:
 * XState snapshots may hold keys that start with `$` or contain `.`, and nested arrays, which
 * MongoDB-compatible servers (FerretDB) refuse or mangle as document fields.
 */
import type {
  ApplicationRecord,
  HistoryEntry,
  OutboxRecord,
  StoredCommand,
  TermRecord,
  TimerRecord,
} from '../types.js';

/** A timer inside its application's document (`applicationId` is the document's `_id`). */
export interface TimerEntry {
  id: string;
  dueAt: string;
  /** JSON of the event. */
  event: string;
  leaseOwner: string | null;
  leaseUntil: string | null;
}

/** An outbox entry inside its application's document; dispatched entries stay as the dispatch log. */
export type OutboxEntry = Omit<OutboxRecord, 'applicationId' | 'effect'> & {
  /** JSON of the effect. */
  effect: string;
};

/** The result of an idempotent command, kept with the application it changed. */
export interface CommandEntry {
  key: string;
  version: number;
  /** JSON of the result. */
  result: string;
  at: string;
}

/** One application as stored in `<prefix>applications`. */
export interface ApplicationDocument {
  _id: string;
  /** The application's version (the record's `version`): what commands are checked against. */
  version: number;
  /** Revision of the document: +1 on every write (commits, claims, dispatch marks). */
  rev: number;
  /** Token of the commit call that wrote this revision: lets a retried call see its own write. */
  writtenBy: string;
  service: string;
  workflowVersion: string;
  state: string;
  status: 'open' | 'closed';
  school: string | null;
  applicant: string | null;
  pupil: string | null;
  channel: string | null;
  receivedAt: string;
  createdAt: string;
  updatedAt: string;
  /** JSON of the XState persisted snapshot. */
  snapshot: string;
  terms: TermRecord[];
  nextDueAt: string | null;
  links: ApplicationRecord['links'];
  /** JSON of each history entry, oldest first. */
  history: string[];
  timers: TimerEntry[];
  /** Earliest instant at which one of `timers` can be claimed (due and not leased); null when none. */
  timerClaimableAt: string | null;
  outbox: OutboxEntry[];
  /** Earliest instant at which one undispatched `outbox` entry can be claimed; null when none. */
  outboxClaimableAt: string | null;
  commands: CommandEntry[];
}

/** Fields a list query returns: the record without history, timers, outbox and commands. */
export const recordProjection = { history: 0, timers: 0, outbox: 0, commands: 0 } as const;

/**
 * The document's record fields for `application`.
 *
 * @example
 * const fields = recordFields(application); // { _id, version, service, ..., snapshot: '{"value":…}' }
 */
export function recordFields(application: ApplicationRecord) {
  return {
    _id: application.id,
    version: application.version,
    service: application.service,
    workflowVersion: application.workflowVersion,
    state: application.state,
    status: application.status,
    school: application.school,
    applicant: application.applicant,
    pupil: application.pupil,
    channel: application.channel,
    receivedAt: application.receivedAt,
    createdAt: application.createdAt,
    updatedAt: application.updatedAt,
    snapshot: JSON.stringify(application.snapshot ?? null),
    terms: application.terms.map((term) => ({ ...term })),
    nextDueAt: application.nextDueAt,
    links: application.links.map((link) => ({ ...link })),
  };
}

/**
 * The application record held by a stored document (any projection that keeps record fields).
 *
 * @example
 * const application = toApplication(await applications.findOne({ _id: id }));
 */
export function toApplication(document: Pick<ApplicationDocument, keyof ReturnType<typeof recordFields>>): ApplicationRecord {
  return {
    id: document._id,
    service: document.service,
    workflowVersion: document.workflowVersion,
    state: document.state,
    status: document.status,
    version: document.version,
    school: document.school,
    applicant: document.applicant,
    pupil: document.pupil,
    channel: document.channel,
    receivedAt: document.receivedAt,
    createdAt: document.createdAt,
    updatedAt: document.updatedAt,
    snapshot: JSON.parse(document.snapshot),
    terms: document.terms.map((term) => ({ ...term })),
    nextDueAt: document.nextDueAt,
    links: document.links.map((link) => ({ ...link })),
  };
}

/** The stored form of a timer. */
export function toTimerEntry(timer: TimerRecord): TimerEntry {
  return {
    id: timer.id,
    dueAt: timer.dueAt,
    event: JSON.stringify(timer.event),
    leaseOwner: timer.leaseOwner,
    leaseUntil: timer.leaseUntil,
  };
}

/** The timer record of an entry of application `applicationId`. */
export function toTimer(applicationId: string, entry: TimerEntry): TimerRecord {
  return {
    id: entry.id,
    applicationId,
    dueAt: entry.dueAt,
    event: JSON.parse(entry.event),
    leaseOwner: entry.leaseOwner,
    leaseUntil: entry.leaseUntil,
  };
}

/** The stored form of an outbox record. */
export function toOutboxEntry(record: OutboxRecord): OutboxEntry {
  return {
    id: record.id,
    effect: JSON.stringify(record.effect),
    createdAt: record.createdAt,
    attempts: record.attempts,
    availableAt: record.availableAt,
    leaseOwner: record.leaseOwner,
    leaseUntil: record.leaseUntil,
    lastError: record.lastError,
    dispatchedAt: record.dispatchedAt,
  };
}

/** The outbox record of an entry of application `applicationId`. */
export function toOutbox(applicationId: string, entry: OutboxEntry): OutboxRecord {
  return { ...entry, applicationId, effect: JSON.parse(entry.effect) };
}

/** The history entries of a document, oldest first. */
export function toHistory(document: Pick<ApplicationDocument, 'history'>): HistoryEntry[] {
  return document.history.map((json) => JSON.parse(json) as HistoryEntry);
}

/** The stored command `key` of a document, or null when the document holds no such command. */
export function toStoredCommand(document: Pick<ApplicationDocument, '_id' | 'commands'>, key: string): StoredCommand | null {
  const entry = document.commands.find((command) => command.key === key);
  if (!entry) return null;
  return { key, applicationId: document._id, version: entry.version, result: JSON.parse(entry.result), at: entry.at };
}
