/**
 * @module testing/fixtures
 * Builders of store records for adapter tests: a valid application, the command that creates
 * or advances it, timers and outbox rows. Ids come from a per-process sequence, zero-padded so
 * that later ids sort after earlier ones (the stores page by id, descending).
 */
import type {
  ApplicationRecord,
  CommitCommand,
  HistoryEntry,
  OutboxRecord,
  TimerRecord,
} from '../store/types.js';

/** The instant all fixtures count from: Monday 2 March 2026, 12:00 in Moscow. */
export const fixtureEpoch = '2026-03-02T09:00:00.000Z';

/**
 * An instant `minutes` after {@link fixtureEpoch}, in the canonical `toISOString()` form.
 *
 * @example
 * minutesAfterEpoch(90); // '2026-03-02T10:30:00.000Z'
 */
export function minutesAfterEpoch(minutes: number): string {
  return new Date(Date.parse(fixtureEpoch) + minutes * 60_000).toISOString();
}

let sequence = 0;

/**
 * A fresh id with a prefix, unique and increasing within the process.
 *
 * @example
 * nextFixtureId('app'); // 'app-000000001'
 */
export function nextFixtureId(prefix: string): string {
  sequence += 1;
  return `${prefix}-${String(sequence).padStart(9, '0')}`;
}

/**
 * A valid application at version 1 with an open registration term; override any field.
 *
 * @example
 * const application = makeApplication({ school: 'school-7', state: 'review' });
 */
export function makeApplication(overrides: Partial<ApplicationRecord> = {}): ApplicationRecord {
  const receivedAt = overrides.receivedAt ?? fixtureEpoch;
  return {
    id: nextFixtureId('app'),
    service: 'diary-access',
    workflowVersion: '1.0.0',
    state: 'registration',
    status: 'open',
    version: 1,
    school: 'school-1',
    applicant: 'applicant-1',
    pupil: 'pupil-1',
    channel: 'personal',
    receivedAt,
    createdAt: receivedAt,
    updatedAt: receivedAt,
    snapshot: { status: 'active', value: 'registration', context: { documents: [] } },
    terms: [
      {
        name: 'registration',
        startedAt: receivedAt,
        lastDay: '2026-03-03',
        dueAt: '2026-03-03T21:00:00.000Z',
        provisional: false,
        metAt: null,
      },
    ],
    nextDueAt: '2026-03-03T21:00:00.000Z',
    links: [],
    ...overrides,
  };
}

/**
 * The history entry a command on `application` (already at its new version) writes.
 *
 * @example
 * makeHistory(application, { event: { type: 'REGISTER' } });
 */
export function makeHistory(application: ApplicationRecord, overrides: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    applicationId: application.id,
    version: application.version,
    at: application.updatedAt,
    actor: application.school === null ? { id: 'clerk-1', role: 'clerk' } : { id: 'clerk-1', role: 'clerk', school: application.school },
    event: { type: application.version === 1 ? 'SUBMIT' : 'ADVANCE' },
    from: null,
    to: application.state,
    ruleResults: [],
    ...overrides,
  };
}

/**
 * The command that writes `application` (version 1 creates it; version n advances from n-1),
 * with its history entry and nothing else; override timers, outbox, idempotency, ...
 *
 * @example
 * await store.commit(makeCommit(makeApplication()));
 */
export function makeCommit(application: ApplicationRecord, overrides: Partial<CommitCommand> = {}): CommitCommand {
  return {
    application,
    expectedVersion: application.version - 1,
    history: makeHistory(application),
    scheduleTimers: [],
    cancelTimers: [],
    outbox: [],
    ...overrides,
  };
}

/**
 * The next version of `application` with some fields changed, as the engine would compute it.
 *
 * @example
 * const reviewed = advance(application, { state: 'review' });
 * await store.commit(makeCommit(reviewed));
 */
export function advance(application: ApplicationRecord, changes: Partial<ApplicationRecord> = {}): ApplicationRecord {
  const updatedAt = changes.updatedAt ?? minutesAfterEpoch(application.version);
  return { ...application, ...changes, version: application.version + 1, updatedAt };
}

/**
 * A timer of `application` due at `dueAt` (default: the epoch), not leased.
 *
 * @example
 * makeTimer(application, { dueAt: minutesAfterEpoch(60) });
 */
export function makeTimer(application: ApplicationRecord, overrides: Partial<TimerRecord> = {}): TimerRecord {
  return {
    id: nextFixtureId(`${application.id}:timer`),
    applicationId: application.id,
    dueAt: fixtureEpoch,
    event: { type: 'TERM_EXPIRED', term: 'registration' },
    leaseOwner: null,
    leaseUntil: null,
    ...overrides,
  };
}

/**
 * An outbox row of `application`, available at the epoch, never attempted.
 *
 * @example
 * makeOutbox(application, { effect: { type: 'notify', notice: 'refusal' } });
 */
export function makeOutbox(application: ApplicationRecord, overrides: Partial<OutboxRecord> = {}): OutboxRecord {
  return {
    id: nextFixtureId(`${application.id}:effect`),
    applicationId: application.id,
    effect: { type: 'notify', notice: 'registered' },
    createdAt: fixtureEpoch,
    attempts: 0,
    availableAt: fixtureEpoch,
    leaseOwner: null,
    leaseUntil: null,
    lastError: null,
    dispatchedAt: null,
    ...overrides,
  };
}
