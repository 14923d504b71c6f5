/**
 * @module store/mongodb
 * `reglament/mongodb`: the Store adapter for MongoDB (`mongodb@7`, an optional peer dependency
 * loaded only when a store is first used). The design is explained in `store.ts`.
 */
export { createMongoStore } from './store.js';
export type { MongoStore, MongoStoreOptions } from './store.js';
