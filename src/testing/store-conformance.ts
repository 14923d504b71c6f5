/**
 * @module testing/store-conformance
 * The shared conformance suite of the Store port: what every adapter must do, stated as uvu
 * suites, one per concept. An adapter's test file runs it in a few lines; cases that only make
 * sense for one adapter are added through `extend`. The suite speaks only the port: no SQL, no
 * MongoDB queries, so a third-party adapter runs it unchanged.
 */
import { suite, type Test } from 'uvu';
import type { Store } from '../store/types.js';
import { applicationCases } from './store/applications.js';
import { versionCases } from './store/versions.js';
import { idempotencyCases } from './store/idempotency.js';
import { atomicityCases } from './store/atomicity.js';
import { timerCases } from './store/timers.js';
import { leaseCases } from './store/leases.js';
import { outboxCases } from './store/outbox.js';
import { queryCases } from './store/queries.js';
import { paginationCases } from './store/pagination.js';
import { recordCases } from './store/records.js';
import { lifecycleCases } from './store/lifecycle.js';

/** What each conformance case receives: a fresh, initialised store. */
export interface StoreContext {
  store: Store;
}

export interface StoreConformanceOptions {
  /** A new, empty store for one case. The suite calls `init()` on it. */
  create(): Promise<Store>;
  /** Removes what the store left behind (a file, a database); runs after the suite disposed it. */
  cleanup?(store: Store): Promise<void>;
  /** Adds adapter-only cases; the suite given already has the fresh-store hooks. */
  extend?(test: Test<StoreContext>, options: StoreConformanceOptions): void;
}

type Cases = (test: Test<StoreContext>) => void;

const concepts: [string, Cases][] = [
  ['applications', applicationCases],
  ['versions', versionCases],
  ['idempotency', idempotencyCases],
  ['atomicity', atomicityCases],
  ['timers', timerCases],
  ['leases', leaseCases],
  ['outbox', outboxCases],
  ['queries', queryCases],
  ['pagination', paginationCases],
  ['records', recordCases],
  ['lifecycle', lifecycleCases],
];

/**
 * Runs the Store conformance suite against an adapter: one uvu suite per concept, each case on a
 * fresh store from `create()`, disposed (and cleaned up) after it.
 *
 * @example
 * import { testStore } from 'reglament/testing';
 * import { createSqliteStore } from 'reglament/sqlite';
 *
 * testStore('sqlite :memory:', { create: async () => createSqliteStore({ file: ':memory:' }) });
 */
export function testStore(name: string, options: StoreConformanceOptions): void {
  for (const [concept, cases] of concepts) {
    const test = storeSuite(`${name} › ${concept}`, options);
    cases(test);
    test.run();
  }
  if (options.extend) {
    const test = storeSuite(`${name} › adapter`, options);
    options.extend(test, options);
    test.run();
  }
}

function storeSuite(title: string, options: StoreConformanceOptions): Test<StoreContext> {
  const test = suite<StoreContext>(title, { store: undefined as unknown as Store });
  test.before.each(async (context) => {
    context.store = await options.create();
    await context.store.init();
  });
  test.after.each(async (context) => {
    await context.store.dispose();
    await options.cleanup?.(context.store);
  });
  return test;
}
