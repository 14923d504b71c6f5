/**
 * @module service/store
 * Opens the store the configuration asks for: MongoDB when `MONGODB_URL` is set, otherwise the
 * embedded SQLite file `<dataDir>/reglament.db`. Each adapter is imported only when chosen, so
 * a SQLite deployment never loads the MongoDB driver and vice versa.
 */
import { join } from 'node:path';
import type { Store } from '../store/types.js';
import type { ServiceConfig } from './config.js';

/**
 * The database name in a MongoDB URL's path, or 'reglament'.
 *
 * @example
 * databaseOf('mongodb://db.example:27017/nizhnyaya-tura?replicaSet=rs0'); // 'nizhnyaya-tura'
 */
export function databaseOf(url: string): string {
  const match = /^mongodb(?:\+srv)?:\/\/[^/]+\/([^?]*)/.exec(url);
  const name = match?.[1] ? decodeURIComponent(match[1]) : '';
  return name || 'reglament';
}

/**
 * Where the embedded store keeps its file.
 *
 * @example
 * sqliteFileOf('/var/lib/reglament'); // '/var/lib/reglament/reglament.db'
 */
export function sqliteFileOf(dataDir: string): string {
  return join(dataDir, 'reglament.db');
}

/**
 * Opens and initialises the configured store.
 *
 * @example
 * const { store, description } = await openStore(loadConfig());
 */
export async function openStore(config: Pick<ServiceConfig, 'dataDir' | 'mongodbUrl' | 'sqliteSynchronous'>): Promise<{ store: Store; description: string }> {
  let store: Store;
  let description: string;
  if (config.mongodbUrl) {
    const { createMongoStore } = await import('../store/mongodb/index.js');
    const database = databaseOf(config.mongodbUrl);
    store = createMongoStore({ url: config.mongodbUrl, database });
    description = `MongoDB database "${database}"`;
  } else {
    const { createSqliteStore } = await import('../store/sqlite/index.js');
    const file = sqliteFileOf(config.dataDir);
    store = createSqliteStore({ file, synchronous: config.sqliteSynchronous });
    description = `SQLite ${file} (synchronous=${config.sqliteSynchronous})`;
  }
  await store.init();
  return { store, description };
}
