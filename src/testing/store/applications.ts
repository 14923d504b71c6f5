/**
 * @module testing/store/applications
 * Conformance: an application written by a commit reads back exactly as written, and every
 * command adds one history entry, in version order.
 */
import type { Test } from 'uvu';
import * as assert from 'uvu/assert';
import type { StoreContext } from '../store-conformance.js';
import { advance, makeApplication, makeCommit, makeHistory, minutesAfterEpoch } from '../fixtures.js';

export function applicationCases(test: Test<StoreContext>): void {
  test('create then get returns the record unchanged (JSON fidelity)', async ({ store }) => {
    const application = makeApplication({
      school: null,
      pupil: null,
      channel: null,
      nextDueAt: null,
      terms: [],
      snapshot: {
        status: 'active',
        value: { access: 'active' },
        context: {
          note: 'Заявление принято — «электронный дневник» ✓ 📘',
          documents: [{ kind: 'identity', pages: 2, verified: true, remark: null }],
          nested: { deep: { deeper: [1, 2.5, -3, [4, { five: 'пять' }]] } },
          empty: {},
          // Keys a document database may refuse as field names: an adapter must keep them.
          $meta: { 'dotted.key': true },
        },
        historyValue: {},
      },
      links: [{ applicationId: 'app-original', relation: 'terminates' }],
    });
    const outcome = await store.commit(makeCommit(application));
    assert.equal(outcome, { status: 'committed' });
    assert.equal(await store.getApplication(application.id), application);
  });

  test('get of an unknown id is null', async ({ store }) => {
    assert.is(await store.getApplication('app-missing'), null);
    assert.equal(await store.getHistory('app-missing'), []);
  });

  test('an update replaces the record and bumps the version', async ({ store }) => {
    const created = makeApplication();
    await store.commit(makeCommit(created));
    const reviewed = advance(created, {
      state: 'review',
      terms: [{ ...created.terms[0]!, metAt: minutesAfterEpoch(5) }],
      nextDueAt: null,
      snapshot: { status: 'active', value: 'review', context: {} },
    });
    await store.commit(makeCommit(reviewed));
    const stored = await store.getApplication(created.id);
    assert.equal(stored, reviewed);
    assert.is(stored?.version, 2);
  });

  test('history lists one entry per command in version order', async ({ store }) => {
    let application = makeApplication();
    await store.commit(makeCommit(application));
    const entries = [makeHistory(application)];
    for (const state of ['review', 'decision', 'provided']) {
      const next = advance(application, { state, status: state === 'provided' ? 'closed' : 'open' });
      const entry = makeHistory(next, {
        from: application.state,
        event: { type: `TO_${state.toUpperCase()}`, comment: 'без персональных данных' },
        ruleResults: [
          { id: 'notRepresentative', applies: false, citation: 'п. 2.8.3 Регламента', text: 'нет', reasons: [] },
        ],
      });
      await store.commit(makeCommit(next, { history: entry }));
      entries.push(entry);
      application = next;
    }
    assert.equal(await store.getHistory(application.id), entries);
  });

  test('history of one application does not include another one', async ({ store }) => {
    const first = makeApplication();
    const second = makeApplication();
    await store.commit(makeCommit(first));
    await store.commit(makeCommit(second));
    const history = await store.getHistory(first.id);
    assert.is(history.length, 1);
    assert.is(history[0]?.applicationId, first.id);
  });
}
