import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { isReglamentError } from '../../src/errors.js';
import { createEngine } from '../../src/runtime/engine.js';
import type { CommitCommand, Store } from '../../src/store/types.js';
import { spawnFixture } from '../store/fixtures/spawn.js';
import { clerk, setup } from './fixture.js';

const groupCommit = suite('engine group commit');

/** The fixture's engine again, on the same real store seen through a counter of its writes. */
async function counted(options: { withoutCommitMany?: boolean; groupCommit?: boolean } = {}) {
  const base = await setup();
  const groups: number[] = [];
  let singles = 0;
  const store: Store = {
    ...base.store,
    async commit(command: CommitCommand) {
      singles += 1;
      return base.store.commit(command);
    },
    async commitMany(commands: CommitCommand[]) {
      groups.push(commands.length);
      return base.store.commitMany!(commands);
    },
  };
  if (options.withoutCommitMany) delete store.commitMany;
  const engine = createEngine({ store, workflows: base.workflows, ports: base.ports, clock: base.clock, ids: base.ids, calendar: base.calendar, ...(options.groupCommit === false ? { groupCommit: false } : {}) });
  return { ...base, engine, groups, singles: () => singles };
}

groupCommit('commands computed in one turn share one transaction; each caller gets its own application', async () => {
  const { engine, submission, groups, store } = await counted();
  const views = await Promise.all(Array.from({ length: 20 }, () => engine.submit(submission, { actor: clerk })));
  assert.is(new Set(views.map((view) => view.id)).size, 20);
  assert.equal(groups, [20]);
  for (const view of views) assert.is((await engine.get(view.id)).version, 1);
  assert.is(await store.countApplications({}), 20);
});

groupCommit('a stale command in a group fails alone with VERSION_CONFLICT; the others are written', async () => {
  const { engine, submission, groups } = await counted();
  const [a, b] = await Promise.all([engine.submit(submission, { actor: clerk }), engine.submit(submission, { actor: clerk })]);
  const settled = await Promise.allSettled([
    engine.send(a!.id, { type: 'REGISTER' }, { actor: clerk, expectedVersion: 1 }),
    engine.send(a!.id, { type: 'REGISTER' }, { actor: clerk, expectedVersion: 1 }),
    engine.send(b!.id, { type: 'REGISTER' }, { actor: clerk, expectedVersion: 1 }),
  ]);
  assert.equal(groups, [2, 3], 'the three sends went to the store together');
  assert.equal(settled.map((item) => item.status), ['fulfilled', 'rejected', 'fulfilled']);
  assert.ok(settled[1]!.status === 'rejected' && isReglamentError(settled[1]!.reason, 'VERSION_CONFLICT'));
  assert.equal((await engine.history(a!.id)).map((entry) => entry.event.type), ['submit', 'REGISTER']);
  assert.is((await engine.get(b!.id)).state, 'registered');
});

groupCommit('one idempotency key twice in a group: one application, both callers get its view', async () => {
  const { engine, submission, store } = await counted();
  const [first, second] = await Promise.all([
    engine.submit(submission, { actor: clerk, idempotencyKey: 'form-17' }),
    engine.submit(submission, { actor: clerk, idempotencyKey: 'form-17' }),
  ]);
  assert.equal(second, first);
  assert.is(await store.countApplications({}), 1);
});

groupCommit('a store without commitMany, or groupCommit: false, gets one commit per command', async () => {
  for (const options of [{ withoutCommitMany: true }, { groupCommit: false }]) {
    const { engine, submission, groups, singles } = await counted(options);
    const views = await Promise.all(Array.from({ length: 5 }, () => engine.submit(submission, { actor: clerk })));
    await Promise.all(views.map((view) => engine.send(view.id, { type: 'REGISTER' }, { actor: clerk, expectedVersion: 1 })));
    assert.equal([groups.length, singles()], [0, 10]);
  }
});

groupCommit('due timers of many applications fire in shared groups, those of one application in order', async () => {
  const { engine, submission, groups, clock } = await counted();
  const views = await Promise.all(Array.from({ length: 10 }, () => engine.submit(submission, { actor: clerk })));
  await Promise.all(views.map((view) => engine.send(view.id, { type: 'REGISTER' }, { actor: clerk, expectedVersion: 1 })));
  groups.length = 0;
  clock.at = '2025-05-08T03:00:00.000Z';
  assert.is(await engine.runDueTimers(), 20);
  assert.ok(Math.max(...groups) >= 10, `timers fired one by one: groups ${groups.join(',')}`);
  for (const view of views) {
    const events = (await engine.history(view.id)).map((entry) => entry.event.type);
    assert.equal(events, ['submit', 'REGISTER', 'term.reminder', 'term.overdue']);
  }
});

groupCommit('SIGKILL while groups are being written: every acknowledged command is there, whole', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'reglament-group-crash-'));
  try {
    const file = join(dir, 'store.sqlite');
    const writer = spawnFixture('../../runtime/group-commit.child.ts', [file]);
    const target = 300 + Math.floor(Math.random() * 300);
    await writer.waitFor(() => writer.lines.filter((line) => line.startsWith('ack')).length >= target);
    writer.process.kill('SIGKILL');
    assert.is((await writer.exited).signal, 'SIGKILL');
    const acknowledged = new Map<string, number>();
    for (const line of writer.lines) {
      const [word, id, version] = line.split(' ');
      if (word === 'ack') acknowledged.set(id!, Math.max(acknowledged.get(id!) ?? 0, Number(version)));
    }
    assert.ok(writer.lines.some((line) => line.startsWith('group ') && Number(line.split(' ')[1]) > 1), 'commands were grouped');
    const { engine, store } = await setup({ file });
    for (const [id, version] of acknowledged) {
      const view = await engine.get(id);
      assert.ok(view.version >= version, `acknowledged version ${version} of ${id} is lost`);
    }
    let total = 0;
    let cursor: string | null = null;
    do {
      const page = await store.listApplications({ limit: 500, ...(cursor ? { cursor } : {}) });
      for (const record of page.items) {
        const history = await store.getHistory(record.id);
        assert.equal(history.map((entry) => entry.version), Array.from({ length: record.version }, (_, i) => i + 1), 'a command was written in part');
      }
      total += page.items.length;
      cursor = page.nextCursor;
    } while (cursor);
    assert.ok(total >= new Set(acknowledged.keys()).size);
    await store.dispose();
    const Database = (await import('better-sqlite3')).default;
    const raw = new Database(file, { readonly: true });
    assert.equal(raw.pragma('integrity_check', { simple: true }), 'ok');
    raw.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

groupCommit.run();
