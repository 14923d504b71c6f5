import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createSqliteStore } from '../../src/store/sqlite/index.js';
import type { SqliteStore } from '../../src/store/sqlite/index.js';
import { buildServiceStats } from '../../src/stats/aggregate.js';
import { collectServiceStats } from '../../src/stats/collect.js';
import { advance, makeCommit } from '../../src/testing/fixtures.js';
import { asOf, calendar, statsCases, type Case } from './fixtures.js';

let store: SqliteStore;
let cases: Case[];

/** Writes a case as the engine would: created with its first history entry, then one command per further entry. */
async function save({ application, history }: Case): Promise<void> {
  await store.commit(makeCommit(application, { history: history[0]! }));
  let current = application;
  for (const entry of history.slice(1)) {
    current = advance(current, { updatedAt: entry.at });
    await store.commit(makeCommit(current, { history: { ...entry, version: current.version } }));
  }
}

const collect = suite('service statistics from the SQLite store');

collect.before.each(async () => {
  store = createSqliteStore({ file: ':memory:' });
  await store.init();
  cases = statsCases();
  for (const item of cases) await save(item);
});

collect.after.each(async () => {
  await store.dispose();
});

collect('pages through the store and agrees with the pure aggregation', async () => {
  const decisionTerms = { 'journal-extract': ['extract'], 'diary-access': ['credentials'], appeal: ['review'] };
  const fromStore = await collectServiceStats(store, { calendar, asOf, decisionTerms, pageSize: 2 });
  const inMemory = buildServiceStats(cases, { calendar, asOf, decisionTerms });
  assert.equal(fromStore, inMemory);
  assert.is(fromStore.totals.applications, 6);
  assert.equal(fromStore.services.find((item) => item.service === 'journal-extract')!.decisions, { issued: 1, refused: 1 });
});

collect('a query narrows the applications counted', async () => {
  const appeals = await collectServiceStats(store, { calendar, asOf, query: { service: 'appeal' } });
  assert.equal(appeals.services.map((item) => [item.service, item.applications]), [['appeal', 2]]);
  assert.equal(appeals.appeals.outcomes, { answeredSatisfied: 1 });
  assert.equal(appeals.appeals.byAppealedService, {}, 'the appealed application is outside the query');
});

collect.run();
