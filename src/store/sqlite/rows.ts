/**
 * @module store/sqlite/rows
 * Rows as SQLite returns them, and their conversion to the port's records.
 */
import type { OutboxRecord, StoredCommand, StoredRecord, TimerRecord } from '../types.js';

export interface CommandRow {
  key: string;
  application_id: string;
  version: number;
  result: string;
  at: string;
}

export interface TimerRow {
  id: string;
  application_id: string;
  due_at: string;
  event: string;
  lease_owner: string | null;
  lease_until: string | null;
}

export interface OutboxRow {
  id: string;
  application_id: string;
  effect: string;
  created_at: string;
  attempts: number;
  available_at: string;
  lease_owner: string | null;
  lease_until: string | null;
  last_error: string | null;
  dispatched_at: string | null;
}

export interface RecordRow {
  kind: string;
  id: string;
  keys: string;
  data: string;
  created_at: string;
}

/** @example toStoredCommand(row).result */
export function toStoredCommand(row: CommandRow): StoredCommand {
  return { key: row.key, applicationId: row.application_id, version: row.version, result: JSON.parse(row.result), at: row.at };
}

/** @example toTimer(row).dueAt */
export function toTimer(row: TimerRow): TimerRecord {
  return {
    id: row.id,
    applicationId: row.application_id,
    dueAt: row.due_at,
    event: JSON.parse(row.event) as TimerRecord['event'],
    leaseOwner: row.lease_owner,
    leaseUntil: row.lease_until,
  };
}

/** @example toOutbox(row).effect.type */
export function toOutbox(row: OutboxRow): OutboxRecord {
  return {
    id: row.id,
    applicationId: row.application_id,
    effect: JSON.parse(row.effect) as OutboxRecord['effect'],
    createdAt: row.created_at,
    attempts: row.attempts,
    availableAt: row.available_at,
    leaseOwner: row.lease_owner,
    leaseUntil: row.lease_until,
    lastError: row.last_error,
    dispatchedAt: row.dispatched_at,
  };
}

/** @example toStoredRecord(row).keys */
export function toStoredRecord(row: RecordRow): StoredRecord {
  return {
    kind: row.kind,
    id: row.id,
    keys: JSON.parse(row.keys) as Record<string, string>,
    data: JSON.parse(row.data),
    createdAt: row.created_at,
  };
}
