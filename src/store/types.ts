/**
 * @module store/types
 * The Store port: everything the runtime persists goes through it. One command of the engine
 * is one `commit()`: the new application record, its history entry, the timers it schedules or
 * cancels and the effects it puts in the outbox are written together or not at all, guarded by
 * the application's version (optimistic concurrency) and by the command's idempotency key.
 *
 * Adapters: `createSqliteStore` (embedded default), `createMongoStore` (`reglament/mongodb`).
 * Every adapter passes the shared conformance suite in `reglament/testing`.
 *
 * Instants (`dueAt`, `availableAt`, `leaseUntil`, the `now` of claims, `overdueAt`) are UTC ISO
 * strings in the `Date.prototype.toISOString()` form (`2026-03-02T09:00:00.000Z`): adapters
 * compare them as strings, which orders them in time only when they all have that one form.
 */

/** A term of an application, counted by the calendar (e.g. credentials within 10 working days). */
export interface TermRecord {
  /** Name from the workflow definition, e.g. 'registration', 'credentials'. */
  name: string;
  /** When the term started (ISO instant). */
  startedAt: string;
  /** Last day of the term in the body's zone, `YYYY-MM-DD`. */
  lastDay: string;
  /** The instant the term runs out (ISO instant, UTC). */
  dueAt: string;
  /** True when the term touched a year without official calendar data. */
  provisional: boolean;
  /** When the duty the term measures was done; null while open. */
  metAt: string | null;
}

/** One application (case) as stored. Holds no names or documents of people: ids only. */
export interface ApplicationRecord {
  /** Opaque, time-sortable id. */
  id: string;
  /** Workflow (service) id, e.g. 'diary-access'. */
  service: string;
  /** The definition version this application started with; it keeps it for life. */
  workflowVersion: string;
  /** Current state as a dotted path, e.g. 'review' or 'access.active'. */
  state: string;
  /** 'closed' once the machine reached a final state. */
  status: 'open' | 'closed';
  /** Optimistic version: 1 after creation, +1 per command. */
  version: number;
  school: string | null;
  /** Id of the applicant (parent / legal representative), never a name. */
  applicant: string | null;
  /** Id of the pupil, never a name. */
  pupil: string | null;
  /** How it was received: 'personal', 'epgu', 'mfc', 'mail', ... */
  channel: string | null;
  /** When the body received it (ISO instant). */
  receivedAt: string;
  createdAt: string;
  updatedAt: string;
  /** The XState persisted snapshot, plain JSON. */
  snapshot: unknown;
  /** Terms, open and met. */
  terms: TermRecord[];
  /** Earliest `dueAt` among open terms (null when none): drives overdue queries. */
  nextDueAt: string | null;
  /** Related applications, e.g. a termination linked to the access it ends. */
  links: { applicationId: string; relation: string }[];
}

/** Who did something: a person or the system. Ids and roles only. */
export interface Actor {
  /** Subject id, e.g. a staff member's id, 'system', 'scheduler'. */
  id: string;
  role: 'applicant' | 'clerk' | 'department' | 'admin' | 'system';
  school?: string;
}

/** The result of one rule (e.g. a refusal ground) with its legal citation and why it fired. */
export interface RuleResult {
  /** Rule id from the definition, e.g. 'notRepresentative'. */
  id: string;
  /** True when the rule applies (for a refusal ground: the ground is present). */
  applies: boolean;
  /** The clause of the regulation or law, e.g. 'п. 2.8.3 Регламента'. */
  citation: string;
  /** The text shown to the applicant, in Russian. */
  text: string;
  /** Why it fired: human-readable reasons, e.g. 'нет документа: identity'. No personal data. */
  reasons: string[];
}

/** One entry of an application's history: one command. */
export interface HistoryEntry {
  applicationId: string;
  /** The application version this command produced. */
  version: number;
  at: string;
  actor: Actor;
  /** The event as sent, with personal data removed. */
  event: { type: string; [key: string]: unknown };
  from: string | null;
  to: string;
  ruleResults: RuleResult[];
}

/** A stored timer: an event the scheduler sends to an application at `dueAt`. */
export interface TimerRecord {
  /** Unique per application and purpose, e.g. `${applicationId}:term:credentials:reminder`. */
  id: string;
  applicationId: string;
  dueAt: string;
  event: { type: string; [key: string]: unknown };
  /** Lease held by a scheduler that claimed the timer. */
  leaseOwner: string | null;
  leaseUntil: string | null;
}

/** An effect waiting to be dispatched to a port, at least once. */
export interface OutboxRecord {
  /** Idempotency key of the effect: adapters drop a key they have seen. */
  id: string;
  applicationId: string;
  /** The effect as data, e.g. `{ type: 'notify', notice: 'refusal' }`. */
  effect: { type: string; [key: string]: unknown };
  createdAt: string;
  /** Number of dispatch attempts so far. */
  attempts: number;
  /** Earliest time of the next attempt. */
  availableAt: string;
  leaseOwner: string | null;
  leaseUntil: string | null;
  lastError: string | null;
  dispatchedAt: string | null;
}

/** The result of a command kept under its idempotency key, returned again on a retry. */
export interface StoredCommand {
  key: string;
  applicationId: string;
  /** The application version the command produced. */
  version: number;
  result: unknown;
  /** The command's `history.at`. */
  at: string;
}

/** Everything one engine command writes, atomically. */
export interface CommitCommand {
  /** The full new record; `application.version` must equal `expectedVersion + 1`. */
  application: ApplicationRecord;
  /** Version the command was computed from; 0 creates the application (it must not exist). */
  expectedVersion: number;
  history: HistoryEntry;
  /** Timers to write; an id that exists is replaced (new `dueAt`, lease freed). Written after cancels. */
  scheduleTimers: TimerRecord[];
  /** Ids of this application's timers to delete. Unknown ids are ignored. */
  cancelTimers: string[];
  /** The timer this command consumes; if it no longer exists the commit fails with VERSION_CONFLICT. */
  firedTimer?: string;
  outbox: OutboxRecord[];
  /** Stored with `result`; a second commit with the same key writes nothing. */
  idempotency?: { key: string; result: unknown };
}

export type CommitOutcome =
  | { status: 'committed' }
  /** The idempotency key was already used: nothing was written; here is the first result. */
  | { status: 'duplicate'; command: StoredCommand };

/** One command's result in a group commit: what its own `commit()` would have resolved or thrown. */
export type CommitSettlement = { status: 'fulfilled'; value: CommitOutcome } | { status: 'rejected'; reason: unknown };

export interface ApplicationQuery {
  service?: string;
  state?: string;
  school?: string;
  applicant?: string;
  pupil?: string;
  status?: 'open' | 'closed';
  /**
   * Only applications overdue at this instant: `nextDueAt <= overdueAt`. A term's `dueAt` is
   * 24:00 local of its last day (Civil Code art. 194), the first instant it is over, so at
   * exactly `dueAt` the term has run out — the same rule as the view's `overdue` flag
   * (`now >= dueAt`) and the overdue timer, which fires at `dueAt`.
   */
  overdueAt?: string;
  /** Page size, default 50, at most 500. */
  limit?: number;
  /** Opaque cursor from a previous page. */
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A claim on timers or outbox rows for a while, so several processes do not work on the same one. */
export interface Lease {
  owner: string;
  /** Lease length in milliseconds. */
  ms: number;
  /** At most this many rows per claim. */
  limit: number;
}

/**
 * A generic record kept for a port (roster entries, notices, access codes, audit records).
 * `keys` are the fields it can be found by; `data` is opaque to the store.
 */
export interface StoredRecord {
  kind: string;
  id: string;
  keys: Record<string, string>;
  data: unknown;
  createdAt: string;
}

/**
 * The Store port.
 *
 * @example
 * const store = createSqliteStore({ file: ':memory:' });
 * await store.init();
 * const outcome = await store.commit(command);
 */
export interface Store {
  /** Creates tables / indexes when needed. Idempotent; safe to call from several processes. */
  init(): Promise<void>;
  /**
   * Writes one command atomically. The idempotency key is checked first: a used key returns
   * `duplicate` whatever the command's version. Throws ReglamentError VERSION_CONFLICT (nothing
   * written) when the stored version is not `expectedVersion` or `firedTimer` is gone (or belongs
   * to another application); INVALID_INPUT when `application.version !== expectedVersion + 1`.
   */
  commit(command: CommitCommand): Promise<CommitOutcome>;
  /**
   * Optional group commit: several commands in one durable write, in order, each exactly as
   * `commit()` would take it (a stale version, a used key or a gone timer settles that command
   * alone; later commands see the earlier ones' writes). Resolves only once every fulfilled
   * command is durable; rejects, having written nothing, when the write as a whole fails. The
   * runtime batches concurrent commands through it when an adapter offers it.
   */
  commitMany?(commands: CommitCommand[]): Promise<CommitSettlement[]>;
  getApplication(id: string): Promise<ApplicationRecord | null>;
  getHistory(applicationId: string): Promise<HistoryEntry[]>;
  findCommand(idempotencyKey: string): Promise<StoredCommand | null>;
  /** Newest id first. A cursor the store did not make, or a limit below 1: INVALID_INPUT. */
  listApplications(query: ApplicationQuery): Promise<Page<ApplicationRecord>>;
  countApplications(query: Omit<ApplicationQuery, 'limit' | 'cursor'>): Promise<number>;
  /** The application's timers, earliest `dueAt` first. */
  getTimers(applicationId: string): Promise<TimerRecord[]>;
  /**
   * Atomically leases up to `lease.limit` timers due at `now` (`dueAt <= now`), earliest first,
   * whose lease is free or expired (`leaseUntil <= now`); sets `leaseUntil = now + lease.ms`.
   */
  claimDueTimers(now: string, lease: Lease): Promise<TimerRecord[]>;
  /** Leases outbox rows available at `now` and not yet dispatched, oldest `availableAt` first. */
  claimOutbox(now: string, lease: Lease): Promise<OutboxRecord[]>;
  /** Marks a row done. Only the current lease owner can; otherwise (lease passed on) a no-op. */
  markDispatched(id: string, owner: string, at: string): Promise<void>;
  /**
   * Records a failed attempt: attempts+1, lastError, next attempt at `retryAt`, lease released.
   * Only the current lease owner can; otherwise a no-op.
   */
  markFailed(id: string, owner: string, error: string, retryAt: string): Promise<void>;
  /** Inserts, or replaces the record of the same kind and id (data and keys). */
  putRecord(record: StoredRecord): Promise<void>;
  getRecord(kind: string, id: string): Promise<StoredRecord | null>;
  /** Records of `kind` whose keys include every pair of `where`, newest id first. */
  findRecords(kind: string, where: Record<string, string>, page?: { limit?: number; cursor?: string }): Promise<Page<StoredRecord>>;
  /**
   * Deletes the record; true only for the one call that deleted it (false when it was gone), so
   * a delete can claim a record: the notifier reveals a sealed one-time code to one reader.
   */
  deleteRecord(kind: string, id: string): Promise<boolean>;
  /** Throws STORE_UNAVAILABLE when the store cannot be reached. */
  ping(): Promise<void>;
  /** Closes connections. Idempotent; afterwards every call fails with STORE_UNAVAILABLE. */
  dispose(): Promise<void>;
}
