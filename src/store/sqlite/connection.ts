/**
 * @module store/sqlite/connection
 * Opening the SQLite file: better-sqlite3 is imported on first use (so importing
 * `reglament/sqlite` costs nothing until a store is used), then WAL, durability and the busy
 * timeout are set and the schema is migrated.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database } from 'better-sqlite3';
import { ReglamentError } from '../../errors.js';
import { migrate } from './schema.js';

export interface SqliteConnectionOptions {
  /** Path of the database file, or ':memory:'. Its folder is created when missing. */
  file: string;
  /** How long a writer waits for another process's write lock before failing, in ms. */
  busyTimeoutMs: number;
  /**
   * 'full' (default): a command is on disk when `commit()` returns, even across a power cut.
   * 'normal': WAL commits survive a crash of the process, but the last ones may be lost with
   * the machine's power; faster, for tests and benchmarks.
   */
  synchronous: 'full' | 'normal';
  /** SQLite page cache per connection, in MiB. */
  cacheSizeMb: number;
}

async function loadDriver(): Promise<typeof import('better-sqlite3')> {
  try {
    return (await import('better-sqlite3')).default;
  } catch (cause) {
    throw new ReglamentError('STORE_UNAVAILABLE', 'the SQLite store needs better-sqlite3@12: npm install better-sqlite3@12', {
      cause,
    });
  }
}

/**
 * Opens (creating when needed) and migrates the database.
 *
 * @example
 * const db = await openDatabase({ file: ':memory:', busyTimeoutMs: 5000, synchronous: 'full', cacheSizeMb: 64 });
 */
export async function openDatabase(options: SqliteConnectionOptions): Promise<Database> {
  const Driver = await loadDriver();
  const inMemory = options.file === ':memory:';
  let db: Database;
  try {
    if (!inMemory) mkdirSync(dirname(options.file), { recursive: true });
    db = new Driver(options.file, { timeout: options.busyTimeoutMs });
  } catch (cause) {
    throw new ReglamentError('STORE_UNAVAILABLE', 'cannot open the SQLite database file', {
      details: { file: options.file },
      cause,
    });
  }
  try {
    if (!inMemory) db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
    db.pragma(`cache_size = ${-Math.round(options.cacheSizeMb * 1024)}`);
    db.pragma('temp_store = MEMORY');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
