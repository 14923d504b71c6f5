import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { clerk, setup } from './fixture.js';

const run = promisify(execFile);
const durability = suite('engine durability');
let dir = '';

durability.before.each(() => {
  dir = mkdtempSync(join(tmpdir(), 'reglament-engine-'));
});
durability.after.each(() => {
  rmSync(dir, { recursive: true, force: true });
});

durability('a crash between commit and dispatch: the outbox redelivers, the notifier drops the duplicate', async () => {
  const file = join(dir, 'store.db');
  const first = await setup({ file, engine: { dispatch: 'scheduler' } });
  const application = await first.engine.submit(first.submission, { actor: clerk });
  await first.engine.send(application.id, { type: 'REGISTER' }, { actor: clerk });
  // The process dies after the commit: nothing was dispatched.
  await first.store.dispose();

  const second = await setup({ file, engine: { dispatch: 'scheduler', leaseMs: 1000 } });
  const [row] = await second.store.claimOutbox(second.clock.now(), { owner: 'crashed', ms: 1000, limit: 10 });
  assert.ok(row, 'the notify effect is in the outbox');
  // A dispatcher delivered it and died before marking it dispatched.
  await second.ports.notifier.notify({ key: row!.id, parties: { applicationId: application.id, service: application.service, school: null, applicant: null, pupil: null }, template: 'registered', to: 'applicant', state: 'registered', epguStatus: '', grounds: [] });
  second.clock.at = '2025-04-28T05:00:05.000Z';
  assert.is(await second.engine.dispatchOutbox(), 1);
  assert.is(await second.engine.dispatchOutbox(), 0);
  const notices = await second.ports.notifier.list(application.id);
  assert.equal(notices.map((notice) => notice.template), ['registered']);
  await second.store.dispose();
});

durability('timers survive a restart: a new engine on the same file fires them', async () => {
  const file = join(dir, 'store.db');
  const first = await setup({ file });
  const application = await first.engine.submit(first.submission, { actor: clerk });
  await first.engine.send(application.id, { type: 'REGISTER' }, { actor: clerk });
  await first.store.dispose();

  const second = await setup({ file, now: '2025-05-08T03:00:00.000Z' });
  assert.is(await second.engine.runDueTimers(), 2);
  assert.is(await second.engine.runDueTimers(), 0);
  const view = await second.engine.get(application.id);
  assert.equal(view.terms.map((term) => [term.name, term.lastDay, term.overdue]), [
    ['registration', '2025-04-29', false],
    ['certificate', '2025-05-07', true],
  ]);
  const events = (await second.engine.history(application.id)).map((entry) => entry.event.type);
  assert.equal(events, ['submit', 'REGISTER', 'term.reminder', 'term.overdue']);
  const overdue = await second.engine.list({ overdueAt: second.clock.now() });
  assert.equal(overdue.items.map((item) => item.id), [application.id]);
  const staff = (await second.ports.notifier.list(application.id)).filter((notice) => notice.to === 'staff');
  assert.equal(staff.map((notice) => notice.template), ['termReminder', 'termOverdue']);
  await second.store.dispose();
});

durability('two engine processes on one SQLite file fire each timer exactly once', async () => {
  const file = join(dir, 'store.db');
  const main = await setup({ file });
  const count = 40;
  for (let i = 0; i < count; i++) {
    const application = await main.engine.submit(main.submission, { actor: clerk });
    await main.engine.send(application.id, { type: 'REGISTER' }, { actor: clerk });
  }
  await main.store.dispose();
  const later = '2025-05-08T03:00:00.000Z';
  const child = (owner: string) => run('npx', ['tsx', new URL('./fire-timers.child.ts', import.meta.url).pathname, file, later, owner], { cwd: process.cwd() });
  const outputs = await Promise.all([child('process-a'), child('process-b')]);
  const fired = outputs.map(({ stdout }) => JSON.parse(stdout.trim().split('\n').at(-1)!).fired as number);
  assert.is(fired[0]! + fired[1]!, count * 2);

  const check = await setup({ file, now: later });
  const page = await check.engine.list({ limit: 500 });
  for (const application of page.items) {
    const events = (await check.engine.history(application.id)).map((entry) => entry.event.type);
    assert.equal(events.filter((type) => type.startsWith('term.')), ['term.reminder', 'term.overdue']);
    assert.is(application.version, 4);
  }
  assert.is(await check.engine.runDueTimers(), 0);
  await check.store.dispose();
});

durability('two engines on one file: a record one engine remembers never hides the other\'s commit', async () => {
  const file = join(dir, 'store.db');
  const a = await setup({ file });
  const b = await setup({ file });
  const first = await a.engine.submit(a.submission, { actor: clerk });
  await b.engine.send(first.id, { type: 'REGISTER' }, { actor: clerk });
  await b.engine.send(first.id, { type: 'DECIDE' }, { actor: clerk });
  // Engine a last committed version 1 ('received'); the application is at 3 ('preparing').
  const issued = await a.engine.send(first.id, { type: 'ISSUE' }, { actor: clerk });
  assert.equal([issued.state, issued.version], ['issued', 4]);
  assert.equal((await b.engine.history(first.id)).map((entry) => entry.to), ['received', 'registered', 'preparing', 'issued']);

  const second = await a.engine.submit(a.submission, { actor: clerk });
  await b.engine.send(second.id, { type: 'REGISTER' }, { actor: clerk, expectedVersion: 1 });
  try {
    // Engine a and its caller both saw version 1: still a conflict, not a second registration.
    await a.engine.send(second.id, { type: 'REGISTER' }, { actor: clerk, expectedVersion: 1 });
    assert.unreachable();
  } catch (error) {
    assert.is((error as { code: string }).code, 'VERSION_CONFLICT');
  }
  assert.is((await a.engine.history(second.id)).length, 2);
  await a.store.dispose();
  await b.store.dispose();
});

durability.run();
