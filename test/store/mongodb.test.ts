import { suite } from 'uvu';
import { testStore } from '../../src/testing/index.js';
import { createMongoStore, type MongoStore } from '../../src/store/mongodb/index.js';
import { dropDatabase, freshDatabase, mongodbUrl } from './fixtures/mongodb-server.js';
import { mongoAdapterCases } from './fixtures/mongodb-cases.js';

if (mongodbUrl) {
  testStore('mongodb', {
    create: async () => createMongoStore({ url: mongodbUrl, database: freshDatabase('conformance') }),
    cleanup: async (store) => void (await dropDatabase((store as MongoStore).database)),
    extend: mongoAdapterCases,
  });
} else {
  console.log('mongodb: skipped (MONGODB_URL not set)');
  suite('mongodb').run();
}
