/**
 * @module testing/store/lifecycle
 * Conformance: init is idempotent, ping answers while the store is open, and a disposed store
 * reports STORE_UNAVAILABLE instead of reconnecting behind the caller's back.
 */
import type { Test } from 'uvu';
import * as assert from 'uvu/assert';
import type { StoreContext } from '../store-conformance.js';
import { makeApplication, makeCommit } from '../fixtures.js';
import { rejectsWith } from './expect.js';

export function lifecycleCases(test: Test<StoreContext>): void {
  test('init twice keeps the data', async ({ store }) => {
    const application = makeApplication();
    await store.commit(makeCommit(application));
    await store.init();
    assert.equal(await store.getApplication(application.id), application);
  });

  test('ping resolves on an open store', async ({ store }) => {
    await store.ping();
  });

  test('after dispose, ping fails with STORE_UNAVAILABLE; dispose again is harmless', async ({ store }) => {
    await store.dispose();
    await rejectsWith(store.ping(), 'STORE_UNAVAILABLE');
    await rejectsWith(store.getApplication('app-1'), 'STORE_UNAVAILABLE');
    await store.dispose();
  });
}
