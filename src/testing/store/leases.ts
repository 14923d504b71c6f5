/**
 * @module testing/store/leases
 * Conformance: claiming due timers leases them to one owner until the lease runs out, so
 * several schedulers never get the same timer while the lease holds.
 */
import type { Test } from 'uvu';
import * as assert from 'uvu/assert';
import type { StoreContext } from '../store-conformance.js';
import type { Store, TimerRecord } from '../../store/types.js';
import { advance, makeApplication, makeCommit, makeTimer, minutesAfterEpoch } from '../fixtures.js';

async function scheduleDue(store: Store, count: number): Promise<TimerRecord[]> {
  const timers: TimerRecord[] = [];
  for (let index = 0; index < count; index += 1) {
    const application = makeApplication();
    const timer = makeTimer(application, { dueAt: minutesAfterEpoch(index) });
    await store.commit(makeCommit(application, { scheduleTimers: [timer] }));
    timers.push(timer);
  }
  return timers;
}

const ids = (timers: TimerRecord[]) => timers.map((timer) => timer.id).sort();

export function leaseCases(test: Test<StoreContext>): void {
  test('claims only due timers, earliest first, and records the lease', async ({ store }) => {
    const timers = await scheduleDue(store, 4);
    const now = minutesAfterEpoch(2);
    const claimed = await store.claimDueTimers(now, { owner: 'worker-a', ms: 30_000, limit: 10 });
    const leaseUntil = new Date(Date.parse(now) + 30_000).toISOString();
    assert.equal(
      claimed,
      timers.slice(0, 3).map((timer) => ({ ...timer, leaseOwner: 'worker-a', leaseUntil })),
    );
    assert.equal((await store.getTimers(timers[0]!.applicationId))[0]?.leaseOwner, 'worker-a');
  });

  test('respects the limit', async ({ store }) => {
    const timers = await scheduleDue(store, 5);
    const claimed = await store.claimDueTimers(minutesAfterEpoch(10), { owner: 'worker-a', ms: 30_000, limit: 2 });
    assert.equal(ids(claimed), ids(timers.slice(0, 2)));
  });

  test('two owners claiming at once get disjoint timers covering all due ones', async ({ store }) => {
    const timers = await scheduleDue(store, 12);
    const now = minutesAfterEpoch(20);
    const [a, b] = await Promise.all([
      store.claimDueTimers(now, { owner: 'worker-a', ms: 60_000, limit: 8 }),
      store.claimDueTimers(now, { owner: 'worker-b', ms: 60_000, limit: 8 }),
    ]);
    const seen = new Set([...ids(a), ...ids(b)]);
    assert.is(seen.size, a.length + b.length, 'a timer was claimed twice');
    assert.is(seen.size, timers.length);
    assert.ok(a.every((timer) => timer.leaseOwner === 'worker-a'));
    assert.ok(b.every((timer) => timer.leaseOwner === 'worker-b'));
  });

  test('a held lease blocks other owners; an expired one is reclaimable', async ({ store }) => {
    const [timer] = await scheduleDue(store, 1);
    const now = minutesAfterEpoch(1);
    assert.is((await store.claimDueTimers(now, { owner: 'worker-a', ms: 60_000, limit: 10 })).length, 1);
    assert.equal(await store.claimDueTimers(now, { owner: 'worker-b', ms: 60_000, limit: 10 }), []);
    const almost = new Date(Date.parse(now) + 59_999).toISOString();
    assert.equal(await store.claimDueTimers(almost, { owner: 'worker-b', ms: 60_000, limit: 10 }), []);
    const expired = new Date(Date.parse(now) + 60_000).toISOString();
    const reclaimed = await store.claimDueTimers(expired, { owner: 'worker-b', ms: 60_000, limit: 10 });
    assert.equal(ids(reclaimed), [timer!.id]);
    assert.is(reclaimed[0]?.leaseOwner, 'worker-b');
  });

  test('a claimed timer is fired by a commit and never claimed again', async ({ store }) => {
    const [timer] = await scheduleDue(store, 1);
    const [claimed] = await store.claimDueTimers(minutesAfterEpoch(1), { owner: 'worker-a', ms: 1_000, limit: 1 });
    const application = await store.getApplication(claimed!.applicationId);
    await store.commit(makeCommit(advance(application!, { state: 'expired' }), { firedTimer: timer!.id }));
    assert.equal(await store.claimDueTimers(minutesAfterEpoch(600), { owner: 'worker-b', ms: 1_000, limit: 10 }), []);
  });
}
