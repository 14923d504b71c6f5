/**
 * @module test/runtime/fixture
 * A real engine for tests: the SQLite store (memory or a file), the real calendar, default
 * ports, the sample workflow, a fake clock the test moves.
 */
import { createCalendar } from '../../src/calendar/calendar.js';
import { createWorkflowRegistry } from '../../src/definition/registry.js';
import { createDefaultPorts } from '../../src/ports/defaults.js';
import { createEngine } from '../../src/runtime/engine.js';
import { createIdGenerator } from '../../src/runtime/ids.js';
import type { EngineOptions } from '../../src/runtime/types.js';
import { createSqliteStore } from '../../src/store/sqlite/index.js';

export const sampleFile = new URL('../../examples/embedded/workflow.json', import.meta.url).pathname;
export const clerk = { id: 'clerk-1', role: 'clerk' as const };

export async function setup(options: { file?: string; now?: string; engine?: Partial<EngineOptions> } = {}) {
  const clock = { at: options.now ?? '2025-04-28T05:00:00.000Z', now() { return this.at; } };
  const ids = createIdGenerator({ clock });
  const calendar = createCalendar({ timeZone: 'Asia/Yekaterinburg' });
  const store = createSqliteStore({ file: options.file ?? ':memory:' });
  await store.init();
  const workflows = createWorkflowRegistry({ calendar });
  workflows.load(sampleFile);
  const ports = createDefaultPorts({ store, clock, ids });
  await ports.roster.importJson({ pupils: [{ id: 'pupil-1', school: 'school-1' }], representatives: [{ applicant: 'parent-1', pupil: 'pupil-1' }] });
  const engine = createEngine({ store, workflows, ports, clock, ids, calendar, ...options.engine });
  const submission = { service: 'study-certificate', school: 'school-1', applicant: 'parent-1', pupil: 'pupil-1', documents: ['application', 'identity'] };
  return { clock, ids, calendar, store, workflows, ports, engine, submission };
}

export { sample } from '../definition/helpers.js';
