/**
 * @module examples/embedded
 * Embedding reglament: its own small workflow (workflow.json), the SQLite store, the default
 * ports, one application carried from receipt to the issued certificate.
 * Run: npx tsx examples/embedded/index.ts
 */
import { fileURLToPath } from 'node:url';
import { createCalendar, createDefaultPorts, createEngine, createIdGenerator, createWorkflowRegistry } from '../../src/index.js';
import { createSqliteStore } from '../../src/store/sqlite/index.js';

export async function main(file = ':memory:') {
  const calendar = createCalendar({ timeZone: 'Asia/Yekaterinburg' });
  const clock = { now: () => new Date().toISOString() };
  const ids = createIdGenerator({ clock });
  const store = createSqliteStore({ file });
  await store.init();

  const workflows = createWorkflowRegistry({ calendar });
  workflows.load(fileURLToPath(new URL('./workflow.json', import.meta.url)), {
    overrides: { parameters: { certificateWorkingDays: 3 } }, // a municipality's own term
  });
  const ports = createDefaultPorts({ store, clock, ids });
  await ports.roster.importCsv('school,pupil,grade,applicant\nschool-1,pupil-1,5А,parent-1\n');
  const engine = createEngine({ store, workflows, ports, clock, ids, calendar });

  const clerk = { id: 'clerk-1', role: 'clerk' as const };
  let application = await engine.submit(
    { service: 'study-certificate', school: 'school-1', applicant: 'parent-1', pupil: 'pupil-1', documents: ['application', 'identity'] },
    { actor: clerk, idempotencyKey: 'portal-request-1' },
  );
  for (const type of ['REGISTER', 'DECIDE', 'ISSUE']) {
    application = await engine.send(application.id, { type }, { actor: clerk, expectedVersion: application.version });
    console.log(`${type} → ${application.state} («${application.epguStatus}»)`);
  }
  const notices = await ports.notifier.list(application.id);
  const history = await engine.history(application.id);
  await store.dispose();
  return { application, notices: notices.map((notice) => notice.title), steps: history.length };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().then(({ application, notices }) => console.log(application.terms, notices));
}
