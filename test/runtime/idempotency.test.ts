import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { isReglamentError } from '../../src/errors.js';
import { replayedView, storedResult } from '../../src/runtime/idempotency.js';
import type { ApplicationView } from '../../src/runtime/types.js';
import { clerk, setup } from './fixture.js';

const fingerprints = suite('engine: idempotency keys with request fingerprints');

async function conflict(promise: Promise<unknown>): Promise<void> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isReglamentError(error, 'IDEMPOTENCY_CONFLICT'), String(error));
    return;
  }
  assert.unreachable('expected IDEMPOTENCY_CONFLICT');
}

fingerprints('the same key and fingerprint replays the first submit', async () => {
  const { engine, submission, store } = await setup();
  const first = await engine.submit(submission, { actor: clerk, idempotencyKey: 'k1', fingerprint: 'a' });
  const again = await engine.submit(submission, { actor: clerk, idempotencyKey: 'k1', fingerprint: 'a' });
  assert.equal(again, first);
  assert.is(await store.countApplications({}), 1);
});

fingerprints('the same key with another fingerprint is IDEMPOTENCY_CONFLICT and files nothing', async () => {
  const { engine, submission, store } = await setup();
  await engine.submit(submission, { actor: clerk, idempotencyKey: 'k1', fingerprint: 'a' });
  await conflict(engine.submit({ ...submission, documents: ['application'] }, { actor: clerk, idempotencyKey: 'k1', fingerprint: 'b' }));
  assert.is(await store.countApplications({}), 1);
});

fingerprints('two submits of one key in the same turn with different fingerprints: one files, one conflicts', async () => {
  const { engine, submission, store } = await setup();
  const results = await Promise.allSettled([
    engine.submit(submission, { actor: clerk, idempotencyKey: 'k2', fingerprint: 'a' }),
    engine.submit(submission, { actor: clerk, idempotencyKey: 'k2', fingerprint: 'b' }),
  ]);
  assert.equal(results.map((result) => result.status), ['fulfilled', 'rejected']);
  assert.ok(isReglamentError((results[1] as PromiseRejectedResult).reason, 'IDEMPOTENCY_CONFLICT'));
  assert.is(await store.countApplications({}), 1);
});

fingerprints('an event key reused for another event is IDEMPOTENCY_CONFLICT; the same event replays', async () => {
  const { engine, submission } = await setup();
  const application = await engine.submit(submission, { actor: clerk });
  const sent = await engine.send(application.id, { type: 'REGISTER' }, { actor: clerk, expectedVersion: 1, idempotencyKey: 'e1', fingerprint: 'register' });
  assert.equal(await engine.send(application.id, { type: 'REGISTER' }, { actor: clerk, expectedVersion: 1, idempotencyKey: 'e1', fingerprint: 'register' }), sent);
  await conflict(engine.send(application.id, { type: 'DECIDE' }, { actor: clerk, expectedVersion: 2, idempotencyKey: 'e1', fingerprint: 'decide' }));
  assert.is((await engine.history(application.id)).length, 2);
});

fingerprints('a result stored without a fingerprint (older data, or a caller that gives none) replays as it is', () => {
  const view = { id: 'a1', version: 1 } as ApplicationView;
  assert.equal(replayedView({ key: 'k', result: storedResult(view, undefined) }, 'any'), view);
  assert.equal(replayedView({ key: 'k', result: storedResult(view, 'f') }, undefined), view);
  assert.equal(replayedView({ key: 'k', result: storedResult(view, 'f') }, 'f'), view);
});

fingerprints.run();
