import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { isReglamentError } from '../../src/errors.js';
import { createSqliteStore, type SqliteStore } from '../../src/store/sqlite/index.js';
import type { CommitSettlement } from '../../src/store/types.js';
import { advance, makeApplication, makeCommit, makeTimer } from '../../src/testing/index.js';

const group = suite<{ store: SqliteStore; dir: string }>('sqlite group commit (commitMany)');

group.before.each(async (context) => {
  context.dir = mkdtempSync(join(tmpdir(), 'reglament-group-'));
  context.store = createSqliteStore({ file: join(context.dir, 'store.sqlite') });
  await context.store.init();
});
group.after.each(async (context) => {
  await context.store.dispose();
  rmSync(context.dir, { recursive: true, force: true });
});

function codeOf(settled: CommitSettlement): string {
  if (settled.status === 'fulfilled') return settled.value.status;
  return isReglamentError(settled.reason) ? settled.reason.code : String(settled.reason);
}

group('each command settles alone: a stale version in the middle fails, its neighbours are written', async ({ store }) => {
  const first = makeApplication();
  const second = makeApplication();
  await store.commit(makeCommit(second));
  const stale = { ...makeCommit(advance(advance(second))), expectedVersion: 2 };
  const third = makeApplication();
  const settled = await store.commitMany!([makeCommit(first), stale, makeCommit(third)]);
  assert.equal(settled.map(codeOf), ['committed', 'VERSION_CONFLICT', 'committed']);
  assert.is((await store.getApplication(first.id))?.version, 1);
  assert.is((await store.getApplication(third.id))?.version, 1);
  assert.is((await store.getApplication(second.id))?.version, 1);
  assert.equal((await store.getHistory(second.id)).map((entry) => entry.version), [1]);
});

group('later commands see earlier ones: a chain of versions commits, a second writer of one version conflicts', async ({ store }) => {
  const created = makeApplication();
  const v2 = advance(created, { state: 'review' });
  const v3 = advance(v2, { state: 'decided' });
  const rival = advance(created, { state: 'withdrawn' });
  const settled = await store.commitMany!([makeCommit(created), makeCommit(v2), makeCommit(rival), makeCommit(v3)]);
  assert.equal(settled.map(codeOf), ['committed', 'committed', 'VERSION_CONFLICT', 'committed']);
  const stored = await store.getApplication(created.id);
  assert.equal([stored?.version, stored?.state], [3, 'decided']);
  assert.equal((await store.getHistory(created.id)).map((entry) => entry.version), [1, 2, 3]);
});

group('one idempotency key twice in a group: the second is a duplicate carrying the first result', async ({ store }) => {
  const application = makeApplication();
  const again = makeApplication();
  const key = { key: 'submit-once', result: { id: application.id } };
  const settled = await store.commitMany!([makeCommit(application, { idempotency: key }), makeCommit(again, { idempotency: { ...key, result: { id: again.id } } })]);
  assert.equal(settled.map(codeOf), ['committed', 'duplicate']);
  const duplicate = settled[1]!;
  assert.ok(duplicate.status === 'fulfilled' && duplicate.value.status === 'duplicate');
  assert.equal(duplicate.value.command.result, { id: application.id });
  assert.is(await store.getApplication(again.id), null);
});

group('a bad version step and a gone timer settle alone, writing nothing of theirs', async ({ store }) => {
  const application = makeApplication();
  const timer = makeTimer(application);
  await store.commit(makeCommit(application, { scheduleTimers: [timer] }));
  const fired = makeCommit(advance(application, { state: 'expired' }), { firedTimer: timer.id });
  const refired = makeCommit(advance(advance(application), { state: 'expired' }), { firedTimer: timer.id });
  const skipped = { ...makeCommit(makeApplication()), expectedVersion: 5 };
  const settled = await store.commitMany!([fired, refired, skipped]);
  assert.equal(settled.map(codeOf), ['committed', 'VERSION_CONFLICT', 'INVALID_INPUT']);
  assert.equal(await store.getTimers(application.id), []);
  assert.is((await store.getApplication(application.id))?.version, 2);
});

group('a write that fails half way (not a check) is undone alone; the rest of the group is written', async ({ store, dir }) => {
  const blocked = makeApplication();
  await store.commit(makeCommit(blocked));
  // A stray history row for version 2 makes the history insert of the next command fail after
  // its record was already updated: only a savepoint can undo that half.
  const Database = (await import('better-sqlite3')).default;
  const raw = new Database(join(dir, 'store.sqlite'));
  raw.prepare('INSERT INTO history (application_id, version, entry) VALUES (?, 2, ?)').run(blocked.id, '{}');
  raw.close();
  const before = makeApplication();
  const after = makeApplication();
  const settled = await store.commitMany!([makeCommit(before), makeCommit(advance(blocked, { state: 'review' })), makeCommit(after)]);
  assert.equal(settled.map((item) => item.status), ['fulfilled', 'rejected', 'fulfilled']);
  const stored = await store.getApplication(blocked.id);
  assert.equal([stored?.version, stored?.state], [1, blocked.state]);
  assert.is((await store.getApplication(before.id))?.version, 1);
  assert.is((await store.getApplication(after.id))?.version, 1);
});

group('an empty group writes nothing; a disposed store rejects the whole group', async ({ store }) => {
  assert.equal(await store.commitMany!([]), []);
  await store.dispose();
  try {
    await store.commitMany!([makeCommit(makeApplication())]);
    assert.unreachable('a disposed store took a group');
  } catch (error) {
    assert.ok(isReglamentError(error, 'STORE_UNAVAILABLE'));
  }
});

group.run();
