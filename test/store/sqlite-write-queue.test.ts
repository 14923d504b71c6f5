import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createSqliteStore } from '../../src/store/sqlite/index.js';
import { createWriteQueue } from '../../src/store/sqlite/write-queue.js';

const queue = suite<{ db: Database.Database }>('sqlite shared write transactions');

queue.before.each((context) => {
  context.db = new Database(':memory:');
  context.db.exec('CREATE TABLE notes (id TEXT PRIMARY KEY, body TEXT NOT NULL)');
});
queue.after.each(({ db }) => {
  db.close();
});

const insert = (db: Database.Database, id: string) => () => db.prepare('INSERT INTO notes (id, body) VALUES (?, ?)').run(id, 'x').changes;
const ids = (db: Database.Database) => (db.prepare('SELECT id FROM notes ORDER BY id').pluck().all() as string[]);

queue('writes of one turn are settled each with its own result', async ({ db }) => {
  const writes = createWriteQueue(db, (error) => error);
  const results = await Promise.all([writes.enqueue(insert(db, 'a')), writes.enqueue(insert(db, 'b'))]);
  assert.equal(results, [1, 1]);
  assert.equal(ids(db), ['a', 'b']);
});

queue('a failing write is undone and fails alone, even after it wrote part of its work', async ({ db }) => {
  const writes = createWriteQueue(db, (error) => error);
  const half = () => {
    insert(db, 'half')();
    return insert(db, 'a')(); // the primary key exists already: this write fails
  };
  const settled = await Promise.allSettled([writes.enqueue(insert(db, 'a')), writes.enqueue(half), writes.enqueue(insert(db, 'c'))]);
  assert.equal(settled.map((item) => item.status), ['fulfilled', 'rejected', 'fulfilled']);
  assert.equal(ids(db), ['a', 'c']);
});

queue('queued writes share the transaction of flushWith: when it fails, nothing of the turn is written', async ({ db }) => {
  const writes = createWriteQueue(db, (error) => new Error(`translated: ${String(error)}`));
  const pending = [writes.enqueue(insert(db, 'a')), writes.enqueue(insert(db, 'b'))];
  let seen: string[] = [];
  assert.throws(() =>
    writes.flushWith(() => {
      seen = ids(db);
      throw new Error('the group failed');
    }),
  );
  assert.equal(seen, ['a', 'b']);
  const settled = await Promise.allSettled(pending);
  assert.equal(settled.map((item) => (item.status === 'rejected' ? String(item.reason) : 'fulfilled')), ['Error: translated: Error: the group failed', 'Error: translated: Error: the group failed']);
  assert.equal(ids(db), []);
});

queue('flushWith returns its own result and answers the queued writes after the commit', async ({ db }) => {
  const writes = createWriteQueue(db, (error) => error);
  const pending = writes.enqueue(insert(db, 'a'));
  const result = writes.flushWith(() => {
    assert.ok(db.inTransaction);
    return insert(db, 'b')();
  });
  assert.is(result, 1);
  assert.ok(!db.inTransaction);
  assert.is(await pending, 1);
  assert.equal(ids(db), ['a', 'b']);
});

queue('the store: a write queued when dispose is called is written before the file closes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'reglament-queue-'));
  try {
    const file = join(dir, 'store.sqlite');
    const store = createSqliteStore({ file });
    await store.init();
    const put = store.putRecord({ kind: 'note', id: 'n1', keys: { applicationId: 'a1' }, data: { text: 'x' }, createdAt: '2026-01-01T00:00:00.000Z' });
    // A few microtasks: the write reaches the queue; its transaction waits for the next turn.
    for (let tick = 0; tick < 5; tick++) await null;
    await store.dispose();
    await put;
    const reopened = createSqliteStore({ file });
    assert.equal((await reopened.getRecord('note', 'n1'))?.data, { text: 'x' });
    await reopened.dispose();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

queue.run();
