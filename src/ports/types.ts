/**
 * @module ports/types
 * The ports the runtime talks to besides the store, and what they exchange. Each has a default
 * adapter in this folder that keeps its data in the Store's records (`putRecord/findRecords`).
 */
import type { Actor, RuleResult } from '../store/types.js';
import type { Facts } from '../rules/compile.js';

/** The clock and id generator every port and the engine get injected. */
export interface Clock {
  /** The current instant, UTC ISO (`toISOString()` form). */
  now(): string;
}

export interface IdGenerator {
  /** A fresh, unique, time-sortable id. */
  next(): string;
}

/** Who an application concerns: ids only. */
export interface ApplicationParties {
  applicationId: string;
  service: string;
  school: string | null;
  applicant: string | null;
  pupil: string | null;
}

/** A change in the roster that may end e-diary access (termination grounds 2 and 3). */
export interface RosterChange {
  kind: 'graduated' | 'transferred' | 'expelled' | 'representativeRemoved';
  pupil: string;
  school: string | null;
  /** For `representativeRemoved`: whose representation ended. */
  applicant?: string;
  at: string;
}

/** Facts from outside the application (the school roster), for rules. */
export interface FactsPort {
  /** E.g. `{ roster: { representative: true, enrolled: true, pupilSchool: 'school-1' } }`. */
  factsFor(parties: ApplicationParties): Promise<Facts>;
  /**
   * Data a document about this application renders from (e.g. the pupil's journal for a
   * journal extract): only this application's pupil, and only when the applicant represents them.
   */
  documentData?(parties: ApplicationParties): Promise<Record<string, unknown>>;
}

/** One line of a pupil's class journal: a mark or an absence in a subject on a date. */
export interface JournalEntry {
  pupil: string;
  subject: string;
  /** Lesson date, `YYYY-MM-DD`. */
  date: string;
  /** The mark as written in the journal ('5', 'зачёт'); absent for an absence-only line. */
  mark?: string;
  /** 'absent' (Н), 'ill' (Б), 'excused' (УП). */
  absence?: 'absent' | 'ill' | 'excused';
  /** What the mark was given for (the lesson's or work's content). */
  work?: string;
}

/** A notice to write: one per `notify` effect, deduplicated by `key`. */
export interface NoticeRequest {
  key: string;
  parties: ApplicationParties;
  template: string;
  to: 'applicant' | 'staff' | 'department';
  state: string;
  epguStatus: string;
  grounds: RuleResult[];
  /** Extra template data (a term, a rendered document's HTML). */
  data?: Record<string, unknown>;
  /**
   * Template values never to be stored readable (a one-time access code): the notice is kept
   * with them left out and, sealed apart, the page with them in, shown once by `reveal`.
   */
  secret?: Record<string, string>;
}

export interface Notice {
  id: string;
  applicationId: string;
  template: string;
  to: 'applicant' | 'staff' | 'department';
  title: string;
  html: string;
  state: string;
  epguStatus: string;
  grounds: RuleResult[];
  createdAt: string;
  /** Present while the notice holds a sealed secret not yet revealed (its `html` leaves it out). */
  sealed?: true;
}

export interface NotifierPort {
  /** Writes the notice unless one with `key` exists; returns it either way (a secret left out). */
  notify(request: NoticeRequest): Promise<Notice>;
  list(applicationId: string): Promise<Notice[]>;
  /**
   * Shows a sealed notice's secret exactly once: the first call returns the notice with the
   * secret in its `html`, keeps the notice from then on with «код выдан <date>» instead, and
   * writes a `notice.reveal` audit record naming `by`. Later calls, and calls on a notice
   * without a secret, return the notice as stored; null when there is no such notice.
   */
  reveal(noticeId: string, by: Actor): Promise<Notice | null>;
}

export interface AccessGrant {
  applicationId: string;
  applicant: string | null;
  pupil: string | null;
  issuedAt: string;
  redeemedAt: string | null;
  revokedAt: string | null;
}

export interface AccessPort {
  /** Issues a one-time code, stored hashed; returns the code once (null when `key` was seen). */
  provision(request: { key: string; parties: ApplicationParties }): Promise<{ code: string } | null>;
  /** Checks a code; a valid one is spent (one-time). Returns the grant or null. */
  redeem(code: string): Promise<AccessGrant | null>;
  revoke(request: { key: string; applicationId: string; reason?: string }): Promise<void>;
  get(applicationId: string): Promise<AccessGrant | null>;
  /** Deletes the personal data kept for the access and writes a destruction record. */
  destroy(request: { key: string; applicationId: string }): Promise<void>;
}

export interface RenderedDocument {
  title: string;
  html: string;
}

/** A template: data in, Russian HTML out (values escaped). */
export type Template = (data: Record<string, unknown>) => RenderedDocument;

export interface DocumentsPort {
  render(template: string, data: Record<string, unknown>): RenderedDocument;
  has(template: string): boolean;
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: Actor;
  /** What was done: 'application.read', 'application.event', 'notice.read', ... */
  action: string;
  applicationId?: string;
  pupil?: string;
  school?: string;
  details?: Record<string, unknown>;
}

export interface AuditPort {
  record(entry: Omit<AuditEntry, 'id' | 'at'>): Promise<AuditEntry>;
  list(where: { applicationId?: string; actor?: string; pupil?: string }, page?: { limit?: number; cursor?: string }): Promise<{ items: AuditEntry[]; nextCursor: string | null }>;
}

/** Every port the engine uses. */
export interface EnginePorts {
  facts?: FactsPort;
  notifier?: NotifierPort;
  access?: AccessPort;
  documents?: DocumentsPort;
  audit?: AuditPort;
}
