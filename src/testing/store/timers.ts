/**
 * @module testing/store/timers
 * Conformance: timers are scheduled, rescheduled and cancelled by commits, and a fired timer is
 * consumed by the command that handles it, so it can be handled only once.
 */
import type { Test } from 'uvu';
import * as assert from 'uvu/assert';
import type { StoreContext } from '../store-conformance.js';
import { advance, makeApplication, makeCommit, makeTimer, minutesAfterEpoch } from '../fixtures.js';
import { rejectsWith } from './expect.js';

export function timerCases(test: Test<StoreContext>): void {
  test('scheduled timers read back ordered by due time, not leased', async ({ store }) => {
    const application = makeApplication();
    const late = makeTimer(application, { dueAt: minutesAfterEpoch(120), event: { type: 'REMIND', days: 3 } });
    const early = makeTimer(application, { dueAt: minutesAfterEpoch(30) });
    await store.commit(makeCommit(application, { scheduleTimers: [late, early] }));
    assert.equal(await store.getTimers(application.id), [early, late]);
    assert.equal(await store.getTimers('app-other'), []);
  });

  test('scheduling an existing timer id replaces it and frees its lease', async ({ store }) => {
    const created = makeApplication();
    const timer = makeTimer(created, { dueAt: minutesAfterEpoch(1) });
    await store.commit(makeCommit(created, { scheduleTimers: [timer] }));
    await store.claimDueTimers(minutesAfterEpoch(2), { owner: 'worker-a', ms: 60_000, limit: 10 });
    const next = advance(created);
    const moved = { ...timer, dueAt: minutesAfterEpoch(300) };
    await store.commit(makeCommit(next, { scheduleTimers: [moved] }));
    assert.equal(await store.getTimers(created.id), [moved]);
  });

  test('cancelled timers are gone; unknown and foreign ids are ignored', async ({ store }) => {
    const mine = makeApplication();
    const theirs = makeApplication();
    const keep = makeTimer(mine, { dueAt: minutesAfterEpoch(5) });
    const drop = makeTimer(mine, { dueAt: minutesAfterEpoch(6) });
    const foreign = makeTimer(theirs);
    await store.commit(makeCommit(mine, { scheduleTimers: [keep, drop] }));
    await store.commit(makeCommit(theirs, { scheduleTimers: [foreign] }));
    await store.commit(makeCommit(advance(mine), { cancelTimers: [drop.id, 'no-such-timer', foreign.id] }));
    assert.equal(await store.getTimers(mine.id), [keep]);
    assert.equal(await store.getTimers(theirs.id), [foreign]);
  });

  test('a command cancelling and rescheduling the same id keeps the new timer', async ({ store }) => {
    const created = makeApplication();
    const timer = makeTimer(created, { dueAt: minutesAfterEpoch(5) });
    await store.commit(makeCommit(created, { scheduleTimers: [timer] }));
    const renewed = { ...timer, dueAt: minutesAfterEpoch(50) };
    await store.commit(makeCommit(advance(created), { cancelTimers: [timer.id], scheduleTimers: [renewed] }));
    assert.equal(await store.getTimers(created.id), [renewed]);
  });

  test('the fired timer is consumed; firing it again conflicts', async ({ store }) => {
    const created = makeApplication();
    const timer = makeTimer(created);
    const other = makeTimer(created, { dueAt: minutesAfterEpoch(60) });
    await store.commit(makeCommit(created, { scheduleTimers: [timer, other] }));
    const fired = advance(created, { state: 'expired' });
    assert.equal(await store.commit(makeCommit(fired, { firedTimer: timer.id })), { status: 'committed' });
    assert.equal(await store.getTimers(created.id), [other]);
    await rejectsWith(store.commit(makeCommit(advance(fired), { firedTimer: timer.id })), 'VERSION_CONFLICT');
    assert.is((await store.getApplication(created.id))?.version, 2);
  });

  test("a timer of another application cannot be fired by this one", async ({ store }) => {
    const mine = makeApplication();
    const theirs = makeApplication();
    const foreign = makeTimer(theirs);
    await store.commit(makeCommit(mine));
    await store.commit(makeCommit(theirs, { scheduleTimers: [foreign] }));
    await rejectsWith(store.commit(makeCommit(advance(mine), { firedTimer: foreign.id })), 'VERSION_CONFLICT');
    assert.equal(await store.getTimers(theirs.id), [foreign]);
  });
}
