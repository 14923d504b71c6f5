import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import Database from 'better-sqlite3';
import { createSqliteStore, schemaVersion } from '../../src/store/sqlite/index.js';
import { countSql, pageSql } from '../../src/store/sqlite/applications.js';
import { makeApplication, makeCommit, rejectsWith } from '../../src/testing/index.js';
import type { ApplicationQuery } from '../../src/store/types.js';
import { spawnFixture } from './fixtures/spawn.js';

const adapter = suite<{ dir: string }>('sqlite adapter');

adapter.before.each((context) => {
  context.dir = mkdtempSync(join(tmpdir(), 'reglament-sqlite-'));
});
adapter.after.each((context) => {
  rmSync(context.dir, { recursive: true, force: true });
});

adapter('creates the folder and the schema once, in WAL mode, across reopenings', async ({ dir }) => {
  const file = join(dir, 'nested', 'data', 'store.sqlite');
  for (let opening = 0; opening < 3; opening += 1) {
    const store = createSqliteStore({ file });
    await store.init();
    await store.dispose();
  }
  const raw = new Database(file, { readonly: true });
  const versions = raw.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
  assert.equal(versions, Array.from({ length: schemaVersion }, (_, index) => index + 1));
  assert.is(raw.pragma('journal_mode', { simple: true }), 'wal');
  raw.close();
});

adapter('importApplications writes a batch, or nothing when one id exists', async ({ dir }) => {
  const store = createSqliteStore({ file: join(dir, 'store.sqlite') });
  const existing = makeApplication();
  await store.commit(makeCommit(existing));
  const batch = [makeApplication(), makeApplication()];
  await store.importApplications(batch);
  assert.equal(await store.getApplication(batch[1]!.id), batch[1]);
  const clashing = [makeApplication(), existing];
  await rejectsWith(store.importApplications(clashing), 'VERSION_CONFLICT');
  assert.is(await store.getApplication(clashing[0]!.id), null);
  assert.is(await store.countApplications({}), 3);
  await store.dispose();
});

adapter('a write lock held past the busy timeout is STORE_UNAVAILABLE, then it recovers', async ({ dir }) => {
  const file = join(dir, 'store.sqlite');
  const store = createSqliteStore({ file, busyTimeoutMs: 50 });
  await store.init();
  const other = new Database(file);
  other.exec('BEGIN IMMEDIATE');
  await rejectsWith(store.commit(makeCommit(makeApplication())), 'STORE_UNAVAILABLE');
  other.exec('ROLLBACK');
  other.close();
  const application = makeApplication();
  await store.commit(makeCommit(application));
  assert.ok(await store.getApplication(application.id));
  await store.dispose();
});

adapter('a file that is not a database is STORE_UNAVAILABLE', async ({ dir }) => {
  const file = join(dir, 'not-a-database.sqlite');
  writeFileSync(file, 'this is a text file, not SQLite '.repeat(200));
  const store = createSqliteStore({ file });
  await rejectsWith(store.init(), 'STORE_UNAVAILABLE');
  await rejectsWith(store.ping(), 'STORE_UNAVAILABLE');
  await store.dispose();
});

const indexedShapes: ApplicationQuery[] = [
  { service: 's' },
  { state: 's' },
  { school: 's' },
  { applicant: 'a' },
  { pupil: 'p' },
  { status: 'open' },
  { service: 's', state: 's' },
  { service: 's', state: 's', school: 's' },
  { school: 's', state: 's' },
  { school: 's', status: 'open' },
  { service: 's', status: 'open' },
];
const overdueShapes: ApplicationQuery[] = [{ overdueAt: 'z' }, { overdueAt: 'z', status: 'open' }, { overdueAt: 'z', school: 's' }];

adapter('every query shape of the engine and the API reads an index, never the whole table', async ({ dir }) => {
  const file = join(dir, 'store.sqlite');
  const store = createSqliteStore({ file });
  await store.init();
  const raw = new Database(file, { readonly: true });
  const plan = ({ sql, params }: { sql: string; params: unknown[] }) =>
    (raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail);
  for (const query of [...indexedShapes, ...overdueShapes]) {
    for (const steps of [plan(pageSql(query, 50)), plan(countSql(query))]) {
      assert.ok(steps.some((step) => /USING (COVERING )?INDEX applications_by_/.test(step)), `${JSON.stringify(query)}: ${steps.join(' | ')}`);
      assert.not.ok(steps.includes('SCAN applications'), `${JSON.stringify(query)} scans the table`);
    }
  }
  for (const query of indexedShapes) {
    const steps = plan(pageSql(query, 50));
    assert.not.ok(steps.some((step) => step.includes('TEMP B-TREE')), `${JSON.stringify(query)} sorts: ${steps.join(' | ')}`);
  }
  raw.close();
  await store.dispose();
});

adapter('importing reglament or reglament/sqlite does not load better-sqlite3; using a store does', async () => {
  const probe = spawnFixture('./lazy-driver.ts', []);
  const report = JSON.parse(await probe.waitFor((line) => line.startsWith('{'))) as Record<string, boolean>;
  assert.equal(report, { afterImport: false, afterUse: true });
});

adapter.run();
