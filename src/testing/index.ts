/**
 * @module testing
 * `reglament/testing`: the Store conformance suite and its fixtures, for the adapters that ship
 * with reglament and for third-party ones. Needs `uvu` (the suite is built on `uvu` suites).
 */
export { testStore } from './store-conformance.js';
export type { StoreContext, StoreConformanceOptions } from './store-conformance.js';
export {
  advance,
  fixtureEpoch,
  makeApplication,
  makeCommit,
  makeHistory,
  makeOutbox,
  makeTimer,
  minutesAfterEpoch,
  nextFixtureId,
} from './fixtures.js';
export { rejectsWith } from './store/expect.js';
