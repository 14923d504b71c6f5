/**
 * @module runtime/types
 * What callers of the engine send and get back: submissions, views of applications (ids only,
 * no names), options of the engine.
 */
import type { Calendar } from '../calendar/types.js';
import type { WorkflowRegistry } from '../definition/registry.js';
import type { Clock, EnginePorts, IdGenerator } from '../ports/types.js';
import type { Actor, ApplicationQuery, ApplicationRecord, HistoryEntry, Page, Store } from '../store/types.js';

/** A new application. Ids only: names of people never enter the engine. */
export interface Submission {
  service: string;
  /** A definition version; the newest when omitted. */
  version?: string;
  /** Application kind (a key of the definition's `documents`). */
  kind?: string;
  school?: string | null;
  applicant?: string | null;
  pupil?: string | null;
  channel?: string | null;
  /** When the body received it; now when omitted. */
  receivedAt?: string;
  /** Ids of the documents presented. */
  documents?: string[];
  /** The application's own data (what is requested), kept in the snapshot context. */
  data?: Record<string, unknown>;
  links?: { applicationId: string; relation: string }[];
}

export interface TermView {
  name: string;
  title?: string;
  lastDay: string;
  dueAt: string;
  provisional: boolean;
  overdue: boolean;
  metAt: string | null;
}

export interface ApplicationView {
  id: string;
  service: string;
  workflowVersion: string;
  state: string;
  status: 'open' | 'closed';
  version: number;
  epguStatus: string;
  school: string | null;
  applicant: string | null;
  pupil: string | null;
  channel: string | null;
  kind: string | null;
  documents: string[];
  receivedAt: string;
  createdAt: string;
  updatedAt: string;
  terms: TermView[];
  nextDueAt: string | null;
  allowedEvents: string[];
  links: { applicationId: string; relation: string }[];
}

export interface CommandOptions {
  actor: Actor;
  /** The same key twice returns the first result and writes nothing new. */
  idempotencyKey?: string;
  /**
   * A hash of the request the key stands for (e.g. of its canonical JSON): the same key with
   * another fingerprint fails with IDEMPOTENCY_CONFLICT instead of replaying the first result.
   */
  fingerprint?: string;
}

export interface SendOptions extends CommandOptions {
  /** The version the caller saw; a stale one fails with VERSION_CONFLICT and writes nothing. */
  expectedVersion?: number;
  /**
   * The stored record of this application as the caller has just read it (e.g. to check who
   * may see it): the command starts from it instead of reading the store again. A stale one
   * costs nothing but time: its commit fails the version check and the command is decided
   * again from the store.
   */
  current?: ApplicationRecord;
}

/** Minimal structured logger (pino-compatible); never given personal data. */
export interface Logger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

export interface EngineOptions {
  store: Store;
  workflows: WorkflowRegistry;
  calendar?: Calendar;
  ports?: EnginePorts;
  clock?: Clock;
  ids?: IdGenerator;
  logger?: Logger;
  /** Lease owner id of this process; a fresh id by default. */
  owner?: string;
  /** 'inline' (default): dispatch the outbox right after each command; 'scheduler': only the loop does. */
  dispatch?: 'inline' | 'scheduler';
  /**
   * true (default): commands computed concurrently are written in one transaction when the
   * store offers `commitMany` (group commit); each caller still waits until its command is
   * durable. false: one transaction per command.
   */
  groupCommit?: boolean;
  /** Lease length for timers and outbox rows, ms (default 30 000). */
  leaseMs?: number;
  /** Event sent to open applications of a pupil on a roster change, by change kind. */
  rosterEvents?: Partial<Record<'graduated' | 'transferred' | 'expelled' | 'representativeRemoved', string>>;
}

export interface RosterSignal {
  applicationId: string;
  event: string;
  outcome: 'sent' | 'notAllowed';
}

/** The engine: commands, queries, the scheduler. */
export interface Engine {
  submit(submission: Submission, options: CommandOptions): Promise<ApplicationView>;
  send(id: string, event: { type: string; [key: string]: unknown }, options: SendOptions): Promise<ApplicationView>;
  get(id: string): Promise<ApplicationView>;
  history(id: string): Promise<HistoryEntry[]>;
  list(query?: ApplicationQuery): Promise<Page<ApplicationView>>;
  /** Events the application accepts now; with `actor`, only those its role may send. */
  allowedEvents(id: string, actor?: Actor): Promise<string[]>;
  /** Fires every timer due at `now` (leased, each once); returns how many fired. */
  runDueTimers(now?: string): Promise<number>;
  /** Dispatches outbox effects available at `now`; returns how many were dispatched. */
  dispatchOutbox(now?: string): Promise<number>;
  /** Sends the roster's termination grounds (graduation, transfer) to the applications concerned. */
  applyRosterChanges(changes: import('../ports/types.js').RosterChange[]): Promise<RosterSignal[]>;
  /** Starts the polling loop (timers, then outbox) every `intervalMs` (default 1000). */
  start(options?: { intervalMs?: number }): void;
  /** Stops the loop and waits for the running round. */
  stop(): Promise<void>;
  readonly owner: string;
}
