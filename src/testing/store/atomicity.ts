/**
 * @module testing/store/atomicity
 * Conformance: a commit that fails writes nothing at all: no record, no history entry, no timer,
 * no outbox row, no idempotency key, and no timer is consumed or cancelled.
 */
import type { Test } from 'uvu';
import * as assert from 'uvu/assert';
import type { StoreContext } from '../store-conformance.js';
import { advance, makeApplication, makeCommit, makeOutbox, makeTimer, minutesAfterEpoch } from '../fixtures.js';
import { rejectsWith } from './expect.js';

const probe = { owner: 'probe', ms: 60_000, limit: 100 };

export function atomicityCases(test: Test<StoreContext>): void {
  test('a version conflict with timers, outbox and a key leaves no trace', async ({ store }) => {
    const created = makeApplication();
    const kept = makeTimer(created, { dueAt: minutesAfterEpoch(500) });
    await store.commit(makeCommit(created, { scheduleTimers: [kept] }));
    const second = advance(created, { state: 'review' });
    await store.commit(makeCommit(second));

    const stale = advance(created, { state: 'refused' });
    await rejectsWith(
      store.commit(
        makeCommit(stale, {
          scheduleTimers: [makeTimer(stale), makeTimer(stale, { dueAt: minutesAfterEpoch(10) })],
          cancelTimers: [kept.id],
          outbox: [makeOutbox(stale), makeOutbox(stale)],
          idempotency: { key: 'refuse-1', result: 'refused' },
        }),
      ),
      'VERSION_CONFLICT',
    );
    assert.equal(await store.getApplication(created.id), second);
    assert.is((await store.getHistory(created.id)).length, 2);
    assert.equal(await store.getTimers(created.id), [kept]);
    assert.equal(await store.claimOutbox(minutesAfterEpoch(60), probe), []);
    assert.is(await store.findCommand('refuse-1'), null);
  });

  test('a failed create leaves no application and no history', async ({ store }) => {
    const application = makeApplication();
    await store.commit(makeCommit(application));
    const clash = { ...makeApplication(), id: application.id };
    const timer = makeTimer(clash);
    await rejectsWith(
      store.commit(makeCommit(clash, { scheduleTimers: [timer], outbox: [makeOutbox(clash)] })),
      'VERSION_CONFLICT',
    );
    assert.equal(await store.getTimers(application.id), []);
    assert.equal(await store.claimOutbox(minutesAfterEpoch(60), probe), []);
    assert.is((await store.getHistory(application.id)).length, 1);
  });

  test('a missing fired timer fails the command and writes nothing', async ({ store }) => {
    const created = makeApplication();
    const other = makeTimer(created, { dueAt: minutesAfterEpoch(90) });
    await store.commit(makeCommit(created, { scheduleTimers: [other] }));
    const next = advance(created, { state: 'expired' });
    await rejectsWith(
      store.commit(
        makeCommit(next, {
          firedTimer: 'no-such-timer',
          cancelTimers: [other.id],
          outbox: [makeOutbox(next)],
          idempotency: { key: 'fire-1', result: null },
        }),
      ),
      'VERSION_CONFLICT',
    );
    assert.equal(await store.getApplication(created.id), created);
    assert.equal(await store.getTimers(created.id), [other]);
    assert.equal(await store.claimOutbox(minutesAfterEpoch(60), probe), []);
    assert.is(await store.findCommand('fire-1'), null);
  });
}
