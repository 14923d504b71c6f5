import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createSqliteStore, type SqliteStore } from '../../src/store/sqlite/index.js';
import { makeApplication, makeCommit, makeTimer, minutesAfterEpoch } from '../../src/testing/index.js';
import { spawnFixture } from './fixtures/spawn.js';

const processes = suite<{ dir: string; file: string; store: SqliteStore }>('sqlite store shared by processes');

processes.before.each((context) => {
  context.dir = mkdtempSync(join(tmpdir(), 'reglament-processes-'));
  context.file = join(context.dir, 'shared.sqlite');
  context.store = createSqliteStore({ file: context.file });
});

processes.after.each(async (context) => {
  await context.store.dispose();
  rmSync(context.dir, { recursive: true, force: true });
});

processes('two schedulers on one file fire each of 2,000 timers exactly once', async ({ store, file }) => {
  const timerIds: string[] = [];
  for (let index = 0; index < 2_000; index += 1) {
    const application = makeApplication();
    const timer = makeTimer(application, { dueAt: minutesAfterEpoch(index % 600) });
    await store.commit(makeCommit(application, { scheduleTimers: [timer] }));
    timerIds.push(timer.id);
  }
  const workers = ['scheduler-a', 'scheduler-b'].map((owner) => spawnFixture('./timer-worker.ts', [file, owner]));
  await Promise.all(workers.map((worker) => worker.waitFor((line) => line === 'ready')));
  for (const worker of workers) worker.process.stdin!.write('go\n');
  const reports = await Promise.all(
    workers.map(async (worker) => JSON.parse(await worker.waitFor((line) => line.startsWith('{'))) as { fired: string[]; conflicts: number }),
  );
  const fired = reports.flatMap((report) => report.fired);
  assert.is(new Set(fired).size, fired.length, 'a timer fired twice');
  assert.equal([...fired].sort(), [...timerIds].sort(), 'a timer was lost');
  assert.equal(reports.map((report) => report.conflicts), [0, 0]);
  assert.ok(reports.every((report) => report.fired.length > 0), 'both schedulers took part');
  assert.equal(await store.claimDueTimers(minutesAfterEpoch(100_000), { owner: 'probe', ms: 1, limit: 10 }), []);
  assert.is(await store.countApplications({ state: 'expired' }), 2_000);
});

processes('after SIGKILL mid-loop, every acknowledged command is there exactly once', async ({ store, file }) => {
  const writer = spawnFixture('./commit-loop.ts', [file]);
  const target = 150 + Math.floor(Math.random() * 150);
  await writer.waitFor(() => writer.lines.length >= target);
  await new Promise((resolve) => setTimeout(resolve, Math.random() * 20));
  writer.process.kill('SIGKILL');
  const { signal } = await writer.exited;
  assert.is(signal, 'SIGKILL');

  const acknowledged = new Map<string, number>();
  for (const line of writer.lines) {
    const [word, id, version] = line.split(' ');
    if (word === 'ack') acknowledged.set(id!, Math.max(acknowledged.get(id!) ?? 0, Number(version)));
  }
  assert.ok(acknowledged.size >= target / 2);
  for (const [id, version] of acknowledged) {
    const application = await store.getApplication(id);
    assert.ok(application !== null, `acknowledged ${id} is lost`);
    assert.ok(application.version >= version, `acknowledged version ${version} of ${id} is lost`);
    assert.ok(await store.findCommand(`submit:${id}`));
    if (version === 2) assert.ok(await store.findCommand(`review:${id}`));
  }

  let total = 0;
  let cursor: string | undefined;
  do {
    const page = await store.listApplications({ limit: 500, ...(cursor ? { cursor } : {}) });
    for (const application of page.items) {
      total += 1;
      const history = await store.getHistory(application.id);
      assert.equal(history.map((entry) => entry.version), Array.from({ length: application.version }, (_, i) => i + 1));
      assert.is((await store.getTimers(application.id)).length, 1);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  assert.ok(total >= acknowledged.size && total <= acknowledged.size + 1, 'at most the one unacknowledged command is extra');
  const outbox = await store.claimOutbox(minutesAfterEpoch(1), { owner: 'probe', ms: 1_000, limit: 500 });
  assert.is(new Set(outbox.map((row) => row.applicationId)).size, total);
  assert.is(outbox.length, total);

  const Database = (await import('better-sqlite3')).default;
  const raw = new Database(file, { readonly: true });
  assert.equal(raw.pragma('integrity_check', { simple: true }), 'ok');
  raw.close();
});

processes.run();
