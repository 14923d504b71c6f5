/**
 * @module store/sqlite
 * `reglament/sqlite`: the embedded Store adapter on better-sqlite3@12 (a peer dependency,
 * loaded only when a store is first used).
 */
export { createSqliteStore } from './store.js';
export type { SqliteStore, SqliteStoreOptions } from './store.js';
export type { SqliteConnectionOptions } from './connection.js';
export { schemaVersion } from './schema.js';
