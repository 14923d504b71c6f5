/**
 * @module testing/store/outbox
 * Conformance: effects committed to the outbox are claimed with a lease, marked dispatched once
 * done, or marked failed and retried later. Only the lease holder marks a row.
 */
import type { Test } from 'uvu';
import * as assert from 'uvu/assert';
import type { StoreContext } from '../store-conformance.js';
import type { Lease } from '../../store/types.js';
import { makeApplication, makeCommit, makeOutbox, minutesAfterEpoch } from '../fixtures.js';

const lease = (owner: string, limit = 10): Lease => ({ owner, ms: 60_000, limit });

export function outboxCases(test: Test<StoreContext>): void {
  test('claims rows that are available, oldest first, with a lease', async ({ store }) => {
    const application = makeApplication();
    const first = makeOutbox(application, { effect: { type: 'notify', notice: 'registered', channel: 'epgu' } });
    const second = makeOutbox(application, { availableAt: minutesAfterEpoch(1) });
    const later = makeOutbox(application, { availableAt: minutesAfterEpoch(30) });
    await store.commit(makeCommit(application, { outbox: [later, second, first] }));
    const now = minutesAfterEpoch(5);
    const leaseUntil = new Date(Date.parse(now) + 60_000).toISOString();
    assert.equal(await store.claimOutbox(now, lease('dispatcher-a')), [
      { ...first, leaseOwner: 'dispatcher-a', leaseUntil },
      { ...second, leaseOwner: 'dispatcher-a', leaseUntil },
    ]);
    assert.equal(await store.claimOutbox(now, lease('dispatcher-b')), []);
  });

  test('respects the limit and gives concurrent claimers disjoint rows', async ({ store }) => {
    const application = makeApplication();
    const rows = Array.from({ length: 9 }, () => makeOutbox(application));
    await store.commit(makeCommit(application, { outbox: rows }));
    const now = minutesAfterEpoch(1);
    const [a, b] = await Promise.all([
      store.claimOutbox(now, lease('dispatcher-a', 5)),
      store.claimOutbox(now, lease('dispatcher-b', 5)),
    ]);
    assert.ok(a.length <= 5 && b.length <= 5);
    const seen = new Set([...a, ...b].map((row) => row.id));
    assert.is(seen.size, a.length + b.length, 'a row was claimed twice');
    assert.is(seen.size, rows.length);
  });

  test('a dispatched row is never claimed again', async ({ store }) => {
    const application = makeApplication();
    const row = makeOutbox(application);
    await store.commit(makeCommit(application, { outbox: [row] }));
    await store.claimOutbox(minutesAfterEpoch(1), lease('dispatcher-a'));
    await store.markDispatched(row.id, 'dispatcher-a', minutesAfterEpoch(2));
    assert.equal(await store.claimOutbox(minutesAfterEpoch(600), lease('dispatcher-b')), []);
  });

  test('a failed row counts the attempt and comes back at retryAt, lease released', async ({ store }) => {
    const application = makeApplication();
    const row = makeOutbox(application);
    await store.commit(makeCommit(application, { outbox: [row] }));
    await store.claimOutbox(minutesAfterEpoch(1), lease('dispatcher-a'));
    await store.markFailed(row.id, 'dispatcher-a', 'smtp: connection refused', minutesAfterEpoch(10));
    assert.equal(await store.claimOutbox(minutesAfterEpoch(9), lease('dispatcher-b')), []);
    const [retried] = await store.claimOutbox(minutesAfterEpoch(10), lease('dispatcher-b'));
    assert.is(retried?.attempts, 1);
    assert.is(retried?.lastError, 'smtp: connection refused');
    assert.is(retried?.availableAt, minutesAfterEpoch(10));
    assert.is(retried?.leaseOwner, 'dispatcher-b');
    await store.markDispatched(row.id, 'dispatcher-b', minutesAfterEpoch(11));
    assert.equal(await store.claimOutbox(minutesAfterEpoch(600), lease('dispatcher-c')), []);
  });

  test('an expired lease is reclaimable; the old owner can no longer mark the row', async ({ store }) => {
    const application = makeApplication();
    const row = makeOutbox(application);
    await store.commit(makeCommit(application, { outbox: [row] }));
    const now = minutesAfterEpoch(1);
    await store.claimOutbox(now, lease('dispatcher-a'));
    const expired = new Date(Date.parse(now) + 60_000).toISOString();
    const [reclaimed] = await store.claimOutbox(expired, lease('dispatcher-b'));
    assert.is(reclaimed?.id, row.id);
    await store.markDispatched(row.id, 'dispatcher-a', expired);
    await store.markFailed(row.id, 'dispatcher-a', 'late', expired);
    const later = new Date(Date.parse(expired) + 60_000).toISOString();
    const [again] = await store.claimOutbox(later, lease('dispatcher-c'));
    assert.is(again?.id, row.id, 'a mark by a former lease holder was applied');
    assert.is(again?.attempts, 0);
    assert.is(again?.dispatchedAt, null);
  });
}
