import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createEngine } from '../../src/runtime/engine.js';
import type { NoticeRequest } from '../../src/ports/types.js';
import { clerk, setup } from './fixture.js';

const order = suite('outbox: in order per application, side by side across applications');

order("one application's notices wait for each other; another application's do not wait for them", async () => {
  const context = await setup();
  const started: string[] = [];
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let first: string | null = null;
  const notifier = {
    ...context.ports.notifier,
    async notify(request: NoticeRequest) {
      started.push(`${request.parties.applicationId === first ? 'A' : 'B'}:${request.template}`);
      if (request.parties.applicationId === first && started.length === 1) await held;
      return context.ports.notifier.notify(request);
    },
  };
  const engine = createEngine({ store: context.store, workflows: context.workflows, ports: { ...context.ports, notifier }, clock: context.clock, ids: context.ids, dispatch: 'scheduler' });
  const a = await engine.submit(context.submission, { actor: clerk });
  first = a.id;
  await engine.send(a.id, { type: 'REGISTER' }, { actor: clerk });
  await engine.send(a.id, { type: 'DECIDE' }, { actor: clerk });
  await engine.send(a.id, { type: 'ISSUE' }, { actor: clerk });
  const b = await engine.submit(context.submission, { actor: clerk });
  await engine.send(b.id, { type: 'REGISTER' }, { actor: clerk });

  const dispatching = engine.dispatchOutbox();
  for (let turn = 0; turn < 20 && (await context.ports.notifier.list(b.id)).length === 0; turn++) await new Promise((resolve) => setImmediate(resolve));
  assert.equal((await context.ports.notifier.list(b.id)).map((notice) => notice.template), ['registered'], "B's notice went out while A's first was held");
  assert.equal(started, ['A:registered', 'B:registered'], "A's second notice waits for its first");
  release();
  assert.is(await dispatching, 3);
  assert.equal(started.filter((item) => item.startsWith('A:')).length, 2);
  assert.equal(started[0], 'A:registered');
  assert.equal((await context.ports.notifier.list(a.id)).length, 2);
});

order.run();
