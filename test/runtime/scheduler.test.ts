import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createScheduler } from '../../src/runtime/scheduler.js';
import { clerk, setup } from './fixture.js';

const silent = { info() {}, warn() {}, error() {} };

async function until(condition: () => Promise<boolean> | boolean): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('condition not reached');
}

const loop = suite('scheduler loop');

loop('start() fires due timers and dispatches the outbox in rounds until stop()', async () => {
  const { engine, submission, clock, ports } = await setup({ engine: { dispatch: 'scheduler' } });
  const application = await engine.submit(submission, { actor: clerk });
  await engine.send(application.id, { type: 'REGISTER' }, { actor: clerk });
  clock.at = '2025-05-08T03:00:00.000Z';
  engine.start({ intervalMs: 5 });
  await until(async () => (await ports.notifier.list(application.id)).length === 3);
  await engine.stop();
  assert.equal((await ports.notifier.list(application.id)).map((notice) => notice.template), ['registered', 'termReminder', 'termOverdue']);
  assert.is((await engine.get(application.id)).terms[1]!.overdue, true);
});

loop('a failing round is logged and the loop goes on; rounds never overlap', async () => {
  const errors: string[] = [];
  let rounds = 0;
  let inside = 0;
  let overlapped = false;
  const scheduler = createScheduler(async () => {
    inside += 1;
    overlapped ||= inside > 1;
    rounds += 1;
    await new Promise((resolve) => setTimeout(resolve, 2));
    inside -= 1;
    if (rounds === 1) throw new Error('store unavailable');
  }, { ...silent, error: (fields) => errors.push(String(fields['err'])) });
  scheduler.start({ intervalMs: 1 });
  scheduler.start({ intervalMs: 1 });
  await until(() => rounds >= 3);
  await scheduler.stop();
  const after = rounds;
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.is(rounds, after);
  assert.not.ok(overlapped);
  assert.equal(errors, ['Error: store unavailable']);
});

loop.run();
