/**
 * @module testing/store/idempotency
 * Conformance: a command's idempotency key is checked before its version. The same key twice
 * returns the first command's stored result and writes nothing, whatever the retry carries.
 */
import type { Test } from 'uvu';
import * as assert from 'uvu/assert';
import type { StoreContext } from '../store-conformance.js';
import { advance, makeApplication, makeCommit, makeOutbox, makeTimer, minutesAfterEpoch } from '../fixtures.js';

export function idempotencyCases(test: Test<StoreContext>): void {
  test('the same key twice: the second is a duplicate with the first result', async ({ store }) => {
    const application = makeApplication();
    const result = { applicationId: application.id, state: 'registration', notice: 'принято' };
    const command = makeCommit(application, { idempotency: { key: 'submit-1', result } });
    assert.equal(await store.commit(command), { status: 'committed' });
    const expected = { key: 'submit-1', applicationId: application.id, version: 1, result, at: command.history.at };
    assert.equal(await store.commit(command), { status: 'duplicate', command: expected });
    assert.equal(await store.findCommand('submit-1'), expected);
    assert.is((await store.getHistory(application.id)).length, 1);
  });

  test('a duplicate writes nothing new, even when it targets another version', async ({ store }) => {
    const created = makeApplication();
    await store.commit(makeCommit(created));
    const reviewed = advance(created, { state: 'review' });
    await store.commit(makeCommit(reviewed, { idempotency: { key: 'review-1', result: 'first' } }));
    const decided = advance(reviewed, { state: 'decision' });
    await store.commit(makeCommit(decided));

    const retry = advance(decided, { state: 'elsewhere' });
    const outcome = await store.commit(
      makeCommit(retry, {
        idempotency: { key: 'review-1', result: 'second' },
        scheduleTimers: [makeTimer(retry)],
        outbox: [makeOutbox(retry)],
      }),
    );
    assert.is(outcome.status, 'duplicate');
    assert.is(outcome.status === 'duplicate' && outcome.command.result, 'first');
    assert.is(outcome.status === 'duplicate' && outcome.command.version, 2);
    assert.equal(await store.getApplication(created.id), decided);
    assert.is((await store.getHistory(created.id)).length, 3);
    assert.equal(await store.getTimers(created.id), []);
    assert.equal(await store.claimOutbox(minutesAfterEpoch(60), { owner: 'probe', ms: 1000, limit: 10 }), []);
  });

  test('keys are global: a key used on one application is a duplicate on another', async ({ store }) => {
    const first = makeApplication();
    const second = makeApplication();
    await store.commit(makeCommit(first, { idempotency: { key: 'shared', result: 1 } }));
    const outcome = await store.commit(makeCommit(second, { idempotency: { key: 'shared', result: 2 } }));
    assert.is(outcome.status, 'duplicate');
    assert.is(await store.getApplication(second.id), null);
  });

  test('an unknown key is not found', async ({ store }) => {
    assert.is(await store.findCommand('never-used'), null);
  });

  test('a conflicting command does not use up its key', async ({ store }) => {
    const created = makeApplication();
    await store.commit(makeCommit(created));
    const next = advance(created, { state: 'review' });
    const future = { ...next, version: 6 };
    await store.commit(makeCommit(future, { idempotency: { key: 'k-1', result: 'ok' } })).catch(() => undefined);
    assert.is(await store.findCommand('k-1'), null);
    const outcome = await store.commit(makeCommit(next, { idempotency: { key: 'k-1', result: 'ok' } }));
    assert.equal(outcome, { status: 'committed' });
    assert.is((await store.findCommand('k-1'))?.version, 2);
  });
}
