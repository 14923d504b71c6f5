/**
 * @module test/ports/ports.fixture
 * The default ports on a real in-memory SQLite store with a fake clock.
 */
import { createDefaultPorts } from '../../src/ports/defaults.js';
import { createIdGenerator } from '../../src/runtime/ids.js';
import { createSqliteStore } from '../../src/store/sqlite/index.js';

export async function portsOnStore() {
  const clock = { at: '2025-09-01T05:00:00.000Z', now() { return this.at; } };
  const store = createSqliteStore({ file: ':memory:' });
  await store.init();
  const ids = createIdGenerator({ clock });
  return { store, clock, ids, ...createDefaultPorts({ store, clock, ids }) };
}

export const parties = { applicationId: 'app-1', service: 'diary-access', school: 'school-1', applicant: 'parent-1', pupil: 'pupil-1' };
