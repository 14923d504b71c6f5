import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testStore } from '../../src/testing/index.js';
import { createSqliteStore, type SqliteStore } from '../../src/store/sqlite/index.js';

testStore('sqlite file', {
  create: async () => createSqliteStore({ file: join(mkdtempSync(join(tmpdir(), 'reglament-store-')), 'store.sqlite') }),
  cleanup: async (store) => rmSync(join((store as SqliteStore).file, '..'), { recursive: true, force: true }),
});
