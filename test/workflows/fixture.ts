/**
 * @module test/workflows/fixture
 * The e-diary service on the real engine, the real SQLite store (in memory) and the real
 * production calendar (Asia/Yekaterinburg, UTC+5), with a fake clock the test moves.
 */
import { createIdGenerator } from '../../src/runtime/ids.js';
import type { ApplicationView, Submission } from '../../src/runtime/types.js';
import { createEdiaryService } from '../../src/ediary/service.js';
import { createSqliteStore } from '../../src/store/sqlite/index.js';
import type { Actor } from '../../src/store/types.js';

export const clerk: Actor = { id: 'clerk-1', role: 'clerk', school: 'school-1' };
export const department: Actor = { id: 'department-1', role: 'department' };

/** A local (Yekaterinburg, UTC+5) wall-clock time as a UTC instant: local('2025-04-30 10:00'). */
export function local(text: string): string {
  const [date, time = '00:00'] = text.split(' ');
  const instant = new Date(`${date}T${time}:00.000+05:00`);
  return instant.toISOString();
}

export async function setup(now = local('2025-09-01 09:00')) {
  const clock = { at: now, now() { return this.at; } };
  const ids = createIdGenerator({ clock });
  const store = createSqliteStore({ file: ':memory:' });
  await store.init();
  const service = createEdiaryService({ store, clock, ids });
  await service.ports.roster.importJson({
    schools: [{ id: 'school-1' }, { id: 'school-2' }],
    pupils: [
      { id: 'pupil-1', school: 'school-1', grade: '5А' },
      { id: 'pupil-2', school: 'school-1', grade: '7Б' },
    ],
    representatives: [
      { applicant: 'parent-1', pupil: 'pupil-1' },
      { applicant: 'parent-2', pupil: 'pupil-2' },
    ],
  });
  const { engine } = service;
  /** Sends events one after another as `actor`, each at the current clock. */
  async function walk(application: ApplicationView, events: (string | { type: string; [key: string]: unknown })[], actor: Actor = clerk): Promise<ApplicationView> {
    let current = application;
    for (const event of events) current = await engine.send(current.id, typeof event === 'string' ? { type: event } : event, { actor, expectedVersion: current.version });
    return current;
  }
  /** Moves the clock to `instant` and fires every timer due by then. */
  async function advance(instant: string): Promise<number> {
    clock.at = instant;
    return engine.runDueTimers();
  }
  async function submit(submission: Omit<Submission, 'service'> & { service: string }): Promise<ApplicationView> {
    return engine.submit({ school: 'school-1', applicant: 'parent-1', pupil: 'pupil-1', ...submission }, { actor: clerk });
  }
  const term = (application: ApplicationView, name: string) => application.terms.find((item) => item.name === name);
  return { ...service, clock, store, walk, advance, submit, term };
}
