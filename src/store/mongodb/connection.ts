/**
 * @module store/mongodb/connection
 * The lazy connection: the `mongodb` driver is imported on first use (so `reglament/mongodb`
 * costs nothing until a store is used), one client is created from `url` or the caller's client
 * is borrowed, and the collections are named with the prefix. Whether the server can run
 * multi-document transactions (a replica set member or a mongos) is asked once, only when the
 * store was created with `transactions: true`.
 */
import type { Collection, Db, MongoClient, MongoClientOptions } from 'mongodb';
import { ReglamentError } from '../../errors.js';
import type { ApplicationDocument } from './documents.js';
import type { KeyMarker } from './idempotency.js';
import type { RecordDocument } from './records.js';
import type { RevisionDocument } from './revisions.js';
import { toStoreError } from './failures.js';

export interface ConnectionOptions {
  url?: string;
  client?: MongoClient;
  database: string;
  collectionPrefix: string;
  transactions: boolean;
  clientOptions?: MongoClientOptions;
}

export interface Connection {
  client: MongoClient;
  db: Db;
  applications: Collection<ApplicationDocument>;
  /** The revision log of application documents (see `revisions.ts`). */
  revisions: Collection<RevisionDocument>;
  /** Reservations of idempotency keys (see `idempotency.ts`). */
  commandKeys: Collection<KeyMarker>;
  records: Collection<RecordDocument>;
  /** True when commits run inside a multi-document transaction. */
  transactions: boolean;
}

export interface Connector {
  /** The connection, opened on first call; a failed attempt is forgotten so the next call retries. */
  get(): Promise<Connection>;
  /** Closes the client if this connector created it. Later `get()` calls throw STORE_UNAVAILABLE. */
  close(): Promise<void>;
}

/** Servers that accept multi-document transactions report a replica set name or are a mongos. */
async function supportsTransactions(db: Db): Promise<boolean> {
  const hello = await db.admin().command({ hello: 1 });
  return typeof hello.setName === 'string' || hello.msg === 'isdbgrid';
}

/**
 * A lazy connector for `options`.
 *
 * @example
 * const connector = createConnector({ url: 'mongodb://127.0.0.1:27017', database: 'reglament', collectionPrefix: 'reglament_', transactions: false });
 * const { applications } = await connector.get();
 */
export function createConnector(options: ConnectionOptions): Connector {
  if (!options.client && !options.url) {
    throw new ReglamentError('INVALID_INPUT', 'createMongoStore needs `url` or `client`', { path: '/url' });
  }
  let opening: Promise<Connection> | null = null;
  let ownClient: MongoClient | null = null;
  let closed = false;

  async function open(): Promise<Connection> {
    let client = options.client;
    if (!client) {
      const { MongoClient } = await import('mongodb');
      ownClient = new MongoClient(options.url!, { serverSelectionTimeoutMS: 5_000, ...options.clientOptions });
      client = ownClient;
    }
    try {
      await client.connect();
      const db = client.db(options.database);
      const prefix = options.collectionPrefix;
      return {
        client,
        db,
        applications: db.collection<ApplicationDocument>(`${prefix}applications`),
        revisions: db.collection<RevisionDocument>(`${prefix}revisions`),
        commandKeys: db.collection<KeyMarker>(`${prefix}command_keys`),
        records: db.collection<RecordDocument>(`${prefix}records`),
        transactions: options.transactions && (await supportsTransactions(db)),
      };
    } catch (error) {
      if (ownClient) await ownClient.close().catch(() => undefined);
      ownClient = null;
      throw toStoreError(error, 'connecting');
    }
  }

  return {
    get() {
      if (closed) return Promise.reject(new ReglamentError('STORE_UNAVAILABLE', 'the MongoDB store was disposed'));
      opening ??= open().catch((error: unknown) => {
        opening = null;
        throw error;
      });
      return opening;
    },
    async close() {
      closed = true;
      const client = ownClient;
      ownClient = null;
      opening = null;
      if (client) await client.close();
    },
  };
}
