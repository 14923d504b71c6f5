import { testStore } from '../../src/testing/index.js';
import { createSqliteStore } from '../../src/store/sqlite/index.js';

testStore('sqlite :memory:', {
  create: async () => createSqliteStore({ file: ':memory:' }),
});
