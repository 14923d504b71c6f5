/**
 * @module testing/store/versions
 * Conformance: optimistic concurrency. A commit is written only when the stored version equals
 * `expectedVersion` (0: the application must not exist); otherwise VERSION_CONFLICT.
 */
import type { Test } from 'uvu';
import * as assert from 'uvu/assert';
import type { StoreContext } from '../store-conformance.js';
import { advance, makeApplication, makeCommit } from '../fixtures.js';
import { rejectsWith } from './expect.js';

export function versionCases(test: Test<StoreContext>): void {
  test('creating the same application twice conflicts and keeps the first', async ({ store }) => {
    const application = makeApplication();
    await store.commit(makeCommit(application));
    const again = { ...application, state: 'other' };
    await rejectsWith(store.commit(makeCommit(again)), 'VERSION_CONFLICT');
    assert.equal(await store.getApplication(application.id), application);
    assert.is((await store.getHistory(application.id)).length, 1);
  });

  test('a stale expected version conflicts', async ({ store }) => {
    const created = makeApplication();
    await store.commit(makeCommit(created));
    const second = advance(created, { state: 'review' });
    await store.commit(makeCommit(second));
    const staleNext = advance(created, { state: 'refused' });
    await rejectsWith(store.commit(makeCommit(staleNext)), 'VERSION_CONFLICT');
    assert.equal(await store.getApplication(created.id), second);
  });

  test('a future expected version conflicts', async ({ store }) => {
    const created = makeApplication();
    await store.commit(makeCommit(created));
    const future = { ...created, version: 6, state: 'review' };
    await rejectsWith(store.commit(makeCommit(future)), 'VERSION_CONFLICT');
    assert.equal(await store.getApplication(created.id), created);
  });

  test('updating an application that does not exist conflicts', async ({ store }) => {
    const ghost = advance(makeApplication());
    await rejectsWith(store.commit(makeCommit(ghost)), 'VERSION_CONFLICT');
    assert.is(await store.getApplication(ghost.id), null);
  });

  test('a record whose version is not expectedVersion + 1 is invalid input', async ({ store }) => {
    const created = makeApplication();
    await store.commit(makeCommit(created));
    const skipping = { ...created, version: 3 };
    await rejectsWith(store.commit(makeCommit(skipping, { expectedVersion: 1 })), 'INVALID_INPUT');
    assert.equal(await store.getApplication(created.id), created);
  });

  test('two commits from the same version: exactly one wins', async ({ store }) => {
    const created = makeApplication();
    await store.commit(makeCommit(created));
    const results = await Promise.allSettled([
      store.commit(makeCommit(advance(created, { state: 'review' }))),
      store.commit(makeCommit(advance(created, { state: 'refused' }))),
    ]);
    const won = results.filter((result) => result.status === 'fulfilled');
    assert.is(won.length, 1);
    const stored = await store.getApplication(created.id);
    assert.is(stored?.version, 2);
    assert.is((await store.getHistory(created.id)).length, 2);
  });
}
