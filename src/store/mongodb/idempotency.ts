/**
 * @module store/mongodb/idempotency
 * Reservations of idempotency keys in `<prefix>command_keys`. The application document is the
 * truth about a key (its `commands` hold the key and result of each idempotent command, written
 * in the same revision as the command); a reservation only says which application a key belongs
 * to, so that keys are global and a retried *creation* carrying a new application id cannot
 * create a second application.
 *
 * Every change of a key's reservation is an *insert* of its next generation (`_id` = `key#g`):
 * reserving, releasing it after a failed command, and taking over a reservation whose attempt
 * died. Unique `_id` inserts are atomic on every MongoDB-compatible server, updates are not
 * (FerretDB 1.x checks the filter and writes in two steps). A reservation held by another live
 * attempt is taken over only after its lease (`keyLeaseMs`); an attempt never appends its
 * command after its lease ran out (see `commit.ts`), so two applications cannot both take a key.
 */
import type { ClientSession } from 'mongodb';
import { ReglamentError } from '../../errors.js';
import type { StoredCommand } from '../types.js';
import type { Connection } from './connection.js';
import { toStoredCommand } from './documents.js';
import { readCurrent } from './revisions.js';

/** One generation of the reservation of an idempotency key. */
export interface KeyMarker {
  /** `${key}#${generation}`. */
  _id: string;
  key: string;
  generation: number;
  applicationId: string;
  /** Token of the commit call that holds it. */
  writer: string;
  /** Wall-clock instant of the reservation: starts its lease. */
  reservedAt: string;
  /** True when the holder's command failed and the key is free again. */
  released: boolean;
}

/** How long an attempt may take from reserving a key to appending its command. */
export const keyLeaseMs = 30_000;

export type Reservation = { kind: 'reserved'; reservedAtMs: number } | { kind: 'duplicate'; command: StoredCommand };

const isDuplicateKey = (error: unknown) => (error as { code?: unknown } | null)?.code === 11000;
const markerId = (key: string, generation: number) => `${key}#${generation}`;

/** The latest generation of `key`'s reservation, found by `_id` alone (the only lookup every server indexes). */
async function latestMarker(connection: Connection, key: string, session?: ClientSession): Promise<KeyMarker | null> {
  let latest: KeyMarker | null = null;
  for (let generation = 0; ; generation += 1) {
    const marker = await connection.commandKeys.findOne({ _id: markerId(key, generation) }, { session });
    if (!marker) return latest;
    latest = marker;
  }
}

async function insertMarker(connection: Connection, marker: KeyMarker, session?: ClientSession): Promise<boolean> {
  try {
    await connection.commandKeys.insertOne(marker, { session });
    return true;
  } catch (error) {
    if (isDuplicateKey(error) && !session) return false;
    throw error;
  }
}

async function storedCommand(connection: Connection, marker: KeyMarker, session?: ClientSession): Promise<StoredCommand | null> {
  const holder = await readCurrent(connection, marker.applicationId, session);
  return holder ? toStoredCommand(holder, marker.key) : null;
}

/**
 * Reserves `key` for a command on `applicationId` by the commit call `writer`, or finds that the
 * key already produced a stored command.
 *
 * @example
 * const reservation = await reserveKey(connection, 'req-42', 'app-1', writer);
 * if (reservation.kind === 'duplicate') return { status: 'duplicate', command: reservation.command };
 */
export async function reserveKey(
  connection: Connection,
  key: string,
  applicationId: string,
  writer: string,
  session?: ClientSession,
): Promise<Reservation> {
  for (let round = 0; round < 10; round += 1) {
    const latest = await latestMarker(connection, key, session);
    const nowMs = Date.now();
    const mine: KeyMarker = {
      _id: markerId(key, latest ? latest.generation + 1 : 0),
      key,
      generation: latest ? latest.generation + 1 : 0,
      applicationId,
      writer,
      reservedAt: new Date(nowMs).toISOString(),
      released: false,
    };
    if (latest && !latest.released) {
      if (latest.writer === writer) return { kind: 'reserved', reservedAtMs: Date.parse(latest.reservedAt) };
      const stored = await storedCommand(connection, latest, session);
      if (stored) return { kind: 'duplicate', command: stored };
      const leftMs = Date.parse(latest.reservedAt) + keyLeaseMs - nowMs;
      if (leftMs > 0) {
        throw new ReglamentError('STORE_UNAVAILABLE', 'a command with this idempotency key may still be in progress; retry later', {
          details: { retryAfterMs: leftMs },
        });
      }
    }
    if (await insertMarker(connection, mine, session)) return { kind: 'reserved', reservedAtMs: nowMs };
  }
  throw new ReglamentError('STORE_UNAVAILABLE', 'could not reserve the idempotency key under contention; retry');
}

/** Frees `key` if `writer` still holds it (its command failed and wrote nothing). */
export async function releaseKey(connection: Connection, key: string, writer: string, session?: ClientSession): Promise<void> {
  const latest = await latestMarker(connection, key, session);
  if (!latest || latest.released || latest.writer !== writer) return;
  const generation = latest.generation + 1;
  await insertMarker(connection, { ...latest, _id: markerId(key, generation), generation, released: true }, session);
}

/**
 * The stored command of `key`, or null when the key is unknown, free, or its command was never written.
 *
 * @example
 * const stored = await lookupKey(connection, 'req-42');
 */
export async function lookupKey(connection: Connection, key: string): Promise<StoredCommand | null> {
  const latest = await latestMarker(connection, key);
  if (!latest || latest.released) return null;
  return storedCommand(connection, latest);
}
