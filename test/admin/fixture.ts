/**
 * @module test/admin/fixture
 * A real service behind the admin pages: SQLite in memory, the real calendar, default ports,
 * the embedded example workflow, a fake clock; four applications in two schools at different
 * points (one overdue, one issued, one refused with its grounds, one registered); tokens for
 * every role.
 */
import { Hono } from 'hono';
import { createCalendar } from '../../src/calendar/calendar.js';
import { createWorkflowRegistry } from '../../src/definition/registry.js';
import { createAdminApp } from '../../src/admin/app.js';
import { signToken, type AuthKeys, type Principal } from '../../src/http/auth/token.js';
import { createDefaultPorts } from '../../src/ports/defaults.js';
import { createEngine } from '../../src/runtime/engine.js';
import { createIdGenerator } from '../../src/runtime/ids.js';
import { createSqliteStore } from '../../src/store/sqlite/index.js';

export const sampleFile = new URL('../../examples/embedded/workflow.json', import.meta.url).pathname;
const clerkActor = (school: string) => ({ id: `clerk-${school}`, role: 'clerk' as const, school });

export async function setupAdmin() {
  const clock = { at: '2025-09-01T05:00:00.000Z', now() { return this.at; } };
  const ids = createIdGenerator({ clock });
  const calendar = createCalendar({ timeZone: 'Asia/Yekaterinburg' });
  const store = createSqliteStore({ file: ':memory:' });
  await store.init();
  const workflows = createWorkflowRegistry({ calendar });
  workflows.load(sampleFile);
  const ports = createDefaultPorts({ store, clock, ids });
  await ports.roster.importJson({
    pupils: [
      { id: 'pupil-1', school: 'school-1' },
      { id: 'pupil-2', school: 'school-1' },
      { id: 'pupil-3', school: 'school-2' },
      { id: 'pupil-4', school: 'school-2' },
    ],
    representatives: [
      { applicant: 'parent-1', pupil: 'pupil-1' },
      { applicant: 'parent-2', pupil: 'pupil-2' },
      { applicant: 'parent-4', pupil: 'pupil-4' },
    ],
  });
  const engine = createEngine({ store, workflows, ports, clock, ids, calendar });
  const submit = (school: string, applicant: string, pupil: string) =>
    engine.submit({ service: 'study-certificate', school, applicant, pupil, documents: ['application', 'identity'] }, { actor: clerkActor(school) });

  // Monday 1 September 2025: four applications arrive.
  const overdue = await submit('school-1', 'parent-1', 'pupil-1');
  const issued = await submit('school-1', 'parent-2', 'pupil-2');
  const refused = await submit('school-2', 'parent-3', 'pupil-3');
  const registered = await submit('school-2', 'parent-4', 'pupil-4');
  for (const application of [issued, refused, registered]) await engine.send(application.id, { type: 'REGISTER' }, { actor: clerkActor(application.school!) });
  clock.at = '2025-09-02T06:00:00.000Z';
  await engine.send(issued.id, { type: 'DECIDE' }, { actor: clerkActor('school-1') });
  await engine.send(refused.id, { type: 'DECIDE' }, { actor: clerkActor('school-2') });
  clock.at = '2025-09-03T06:00:00.000Z';
  await engine.send(issued.id, { type: 'ISSUE' }, { actor: clerkActor('school-1') });
  await engine.dispatchOutbox();
  // A week later the first application is still not registered: its term has run out.
  clock.at = '2025-09-08T06:00:00.000Z';

  const keys: AuthKeys = { algorithm: 'HS256', verifyKey: 'test-secret-test-secret-test-secret', signKey: 'test-secret-test-secret-test-secret' };
  // Mounted the way the service mounts it.
  const app = new Hono().route('/admin', createAdminApp({ store, calendar, auth: keys, workflows, notifier: ports.notifier, audit: ports.audit, clock }));
  // Tokens are checked against the real time, not the fake clock of the applications.
  const token = (principal: Principal) => signToken(principal, keys);
  const tokens = {
    department: await token({ sub: 'dept-1', role: 'department' }),
    admin: await token({ sub: 'admin-1', role: 'admin' }),
    clerk1: await token({ sub: 'clerk-school-1', role: 'clerk', school: 'school-1' }),
    clerk2: await token({ sub: 'clerk-school-2', role: 'clerk', school: 'school-2' }),
    applicant: await token({ sub: 'parent-1', role: 'applicant' }),
  };
  /** GET a page as a signed-in user. */
  const get = (path: string, as: keyof typeof tokens = 'department') => app.request(path, { headers: { cookie: `reglament_admin=${tokens[as]}` } });
  return { clock, calendar, store, workflows, ports, engine, app, keys, tokens, get, applications: { overdue, issued, refused, registered } };
}
