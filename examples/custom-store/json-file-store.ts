/**
 * @module examples/custom-store/json-file-store
 * A third-party Store adapter in one file: the whole store is one JSON document, kept in memory
 * and written to disk (temp file + rename) after every change. Each method changes memory and
 * writes the file without awaiting in between, so a command is atomic within one process — which
 * is also its limit: one process per file. It passes the published conformance suite unchanged
 * (`conformance.ts`); use it as the skeleton of an adapter for your own database.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ReglamentError } from 'reglament';
import type { ApplicationRecord, HistoryEntry, OutboxRecord, Store, StoredCommand, StoredRecord, TimerRecord } from 'reglament';
import { matches, pageOf } from './pages.js';

interface Contents {
  applications: Record<string, ApplicationRecord>;
  history: Record<string, HistoryEntry[]>;
  timers: Record<string, TimerRecord>;
  outbox: Record<string, OutboxRecord>;
  commands: Record<string, StoredCommand>;
  /** Keyed by `${kind}/${id}`. */
  records: Record<string, StoredRecord>;
}

const empty = (): Contents => ({ applications: {}, history: {}, timers: {}, outbox: {}, commands: {}, records: {} });
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const plus = (now: string, ms: number) => new Date(Date.parse(now) + ms).toISOString();
const free = (lease: { leaseUntil: string | null }, now: string) => lease.leaseUntil === null || lease.leaseUntil <= now;

/**
 * Opens (lazily, on `init()`) a store kept in one JSON file.
 *
 * @example
 * const store = createJsonFileStore({ file: './data/reglament.json' });
 * await store.init();
 * const engine = createEngine({ store, workflows, ports, clock, ids, calendar });
 */
export function createJsonFileStore({ file }: { file: string }): Store {
  let data: Contents | null = null;
  let disposed = false;

  function open(): Contents {
    if (disposed || !data) throw new ReglamentError('STORE_UNAVAILABLE', disposed ? 'the store is disposed' : 'call init() first');
    return data;
  }
  function save(): void {
    writeFileSync(`${file}.tmp`, JSON.stringify(data));
    renameSync(`${file}.tmp`, file);
  }
  const conflict = (id: string) => new ReglamentError('VERSION_CONFLICT', `application ${id} changed meanwhile`);

  return {
    async init() {
      if (data) return;
      mkdirSync(dirname(file), { recursive: true });
      data = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Contents) : empty();
    },

    async commit(command) {
      const db = open();
      const { application, expectedVersion, history, idempotency, firedTimer } = command;
      const used = idempotency && db.commands[idempotency.key];
      if (used) return { status: 'duplicate', command: copy(used) };
      if (application.version !== expectedVersion + 1) {
        throw new ReglamentError('INVALID_INPUT', `version ${application.version} must be ${expectedVersion + 1}`, { path: '/application/version' });
      }
      const stored = db.applications[application.id];
      if (expectedVersion === 0 ? stored !== undefined : stored?.version !== expectedVersion) throw conflict(application.id);
      if (firedTimer !== undefined && db.timers[firedTimer]?.applicationId !== application.id) throw conflict(application.id);

      db.applications[application.id] = copy(application);
      (db.history[application.id] ??= []).push(copy(history));
      if (firedTimer !== undefined) delete db.timers[firedTimer];
      for (const id of command.cancelTimers) if (db.timers[id]?.applicationId === application.id) delete db.timers[id];
      for (const timer of command.scheduleTimers) db.timers[timer.id] = { ...copy(timer), leaseOwner: null, leaseUntil: null };
      for (const row of command.outbox) db.outbox[row.id] = copy(row);
      if (idempotency) {
        const { key, result } = idempotency;
        db.commands[key] = copy({ key, applicationId: application.id, version: application.version, result, at: history.at });
      }
      save();
      return { status: 'committed' };
    },

    async getApplication(id) {
      return copy(open().applications[id] ?? null);
    },
    async getHistory(applicationId) {
      return copy(open().history[applicationId] ?? []);
    },
    async findCommand(key) {
      return copy(open().commands[key] ?? null);
    },
    async listApplications(query) {
      const page = pageOf(Object.values(open().applications).filter((application) => matches(application, query)), query);
      return copy(page);
    },
    async countApplications(query) {
      return Object.values(open().applications).filter((application) => matches(application, query)).length;
    },
    async getTimers(applicationId) {
      const timers = Object.values(open().timers).filter((timer) => timer.applicationId === applicationId);
      return copy(timers.sort((a, b) => a.dueAt.localeCompare(b.dueAt)));
    },

    async claimDueTimers(now, { owner, ms, limit }) {
      const due = Object.values(open().timers)
        .filter((timer) => timer.dueAt <= now && free(timer, now))
        .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.id.localeCompare(b.id))
        .slice(0, limit);
      for (const timer of due) Object.assign(timer, { leaseOwner: owner, leaseUntil: plus(now, ms) });
      save();
      return copy(due);
    },
    async claimOutbox(now, { owner, ms, limit }) {
      const available = Object.values(open().outbox)
        .filter((row) => row.dispatchedAt === null && row.availableAt <= now && free(row, now))
        .sort((a, b) => a.availableAt.localeCompare(b.availableAt) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
        .slice(0, limit);
      for (const row of available) Object.assign(row, { leaseOwner: owner, leaseUntil: plus(now, ms) });
      save();
      return copy(available);
    },
    async markDispatched(id, owner, at) {
      const row = open().outbox[id];
      if (row?.leaseOwner !== owner) return;
      Object.assign(row, { dispatchedAt: at, leaseOwner: null, leaseUntil: null });
      save();
    },
    async markFailed(id, owner, error, retryAt) {
      const row = open().outbox[id];
      if (row?.leaseOwner !== owner) return;
      Object.assign(row, { attempts: row.attempts + 1, lastError: error, availableAt: retryAt, leaseOwner: null, leaseUntil: null });
      save();
    },

    async putRecord(record) {
      open().records[`${record.kind}/${record.id}`] = copy(record);
      save();
    },
    async getRecord(kind, id) {
      return copy(open().records[`${kind}/${id}`] ?? null);
    },
    async findRecords(kind, where, page = {}) {
      const found = Object.values(open().records).filter(
        (record) => record.kind === kind && Object.entries(where).every(([key, value]) => record.keys[key] === value),
      );
      return copy(pageOf(found, page));
    },
    async deleteRecord(kind, id) {
      const db = open();
      if (!db.records[`${kind}/${id}`]) return false;
      delete db.records[`${kind}/${id}`];
      save();
      return true;
    },

    async ping() {
      open();
    },
    async dispose() {
      disposed = true;
      data = null;
    },
  };
}
