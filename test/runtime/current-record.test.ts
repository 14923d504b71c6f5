import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createEngine } from '../../src/runtime/engine.js';
import { clerk, setup } from './fixture.js';

/** A second engine on the same store, with no record of its own in memory; its notices wait for the scheduler (they read the store). */
async function twoEngines() {
  const fixture = await setup();
  const other = createEngine({ store: fixture.store, workflows: fixture.workflows, ports: fixture.ports, clock: fixture.clock, ids: fixture.ids, calendar: fixture.calendar, dispatch: 'scheduler' });
  let reads = 0;
  const getApplication = fixture.store.getApplication.bind(fixture.store);
  fixture.store.getApplication = (id) => {
    reads += 1;
    return getApplication(id);
  };
  return { ...fixture, other, reads: () => reads };
}

const current = suite('send from the record the caller has read');

current('the given record is the starting point: the store is not read again', async () => {
  const { engine, other, store, submission, reads } = await twoEngines();
  const application = await engine.submit(submission, { actor: clerk });
  const record = (await store.getApplication(application.id))!;
  const before = reads();
  const sent = await other.send(application.id, { type: 'REGISTER' }, { actor: clerk, expectedVersion: 1, current: record });
  assert.is(sent.version, 2);
  assert.is(reads(), before);
  assert.is((await store.getApplication(application.id))!.state, 'registered');
});

current('a stale record is decided again from the store', async () => {
  const { engine, other, store, submission } = await twoEngines();
  const application = await engine.submit(submission, { actor: clerk });
  const stale = (await store.getApplication(application.id))!;
  await engine.send(application.id, { type: 'REGISTER' }, { actor: clerk });
  const decided = await other.send(application.id, { type: 'DECIDE' }, { actor: clerk, current: stale });
  assert.is(decided.version, 3);
  assert.equal((await other.history(application.id)).map((entry) => entry.event.type), ['submit', 'REGISTER', 'DECIDE']);
});

current('a record of another application is ignored', async () => {
  const { engine, other, store, submission } = await twoEngines();
  const first = await engine.submit(submission, { actor: clerk });
  const second = await engine.submit(submission, { actor: clerk });
  const wrong = (await store.getApplication(second.id))!;
  const sent = await other.send(first.id, { type: 'REGISTER' }, { actor: clerk, current: wrong });
  assert.is(sent.id, first.id);
  assert.is((await store.getApplication(second.id))!.version, 1);
});

current.run();
