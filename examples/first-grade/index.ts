/**
 * @module examples/first-grade
 * A second municipal service, written only as a workflow file (workflow.json) plus one guard in
 * code (acceptance.ts): «Приём заявлений о зачислении в первый класс». Three applications of
 * 2025 run through it on a fake clock: a child from the school's territory (registered in April,
 * enrolled within 3 working days after 30 June), a child from elsewhere applying on 7 July (5
 * working days; refused: no free places), and one sent in March (outside the periods).
 * Run: npx tsx examples/first-grade/index.ts
 */
import { fileURLToPath } from 'node:url';
import { createCalendar, createDefaultPorts, createEngine, createIdGenerator, createWorkflowRegistry } from 'reglament';
import type { ApplicationView, Submission } from 'reglament';
import { createSqliteStore } from 'reglament/sqlite';
import { acceptanceGuards } from './acceptance.js';

const timeZone = 'Europe/Moscow';

export async function main() {
  let now = '2025-04-01T06:00:00.000Z';
  const clock = { now: () => now };
  const calendar = createCalendar({ timeZone });
  const ids = createIdGenerator({ clock });
  const store = createSqliteStore({ file: ':memory:' });
  await store.init();
  const workflows = createWorkflowRegistry({ calendar });
  workflows.load(fileURLToPath(new URL('./workflow.json', import.meta.url)), { implementations: acceptanceGuards(timeZone) });
  const ports = createDefaultPorts({ store, clock, ids });
  const engine = createEngine({ store, workflows, ports, clock, ids, calendar });
  const clerk = { id: 'clerk-1', role: 'clerk' as const };

  async function fileAndRegister(at: string, submission: Omit<Submission, 'service' | 'kind' | 'school' | 'channel'>) {
    now = at;
    const input = { service: 'first-grade-enrolment', kind: 'enrolment', school: 'school-7', channel: 'epgu', ...submission };
    const received = await engine.submit(input, { actor: clerk });
    return engine.send(received.id, { type: 'REGISTER' }, { actor: clerk, expectedVersion: received.version });
  }
  async function send(at: string, application: ApplicationView, event: { type: string; [field: string]: unknown }) {
    now = at;
    return engine.send(application.id, event, { actor: clerk, expectedVersion: application.version });
  }
  const documents = ['application', 'parentIdentity', 'birthCertificate'];

  const territory = await fileAndRegister('2025-04-01T06:00:00.000Z', { applicant: 'parent-1', pupil: 'child-1', documents, data: { category: 'territory' } });
  const waiting = territory.state;
  const closed = await send('2025-06-30T15:00:00.000Z', territory, { type: 'ACCEPTANCE_CLOSED' });
  const enrolled = await send('2025-07-02T08:00:00.000Z', closed, { type: 'DECIDE', freePlaces: 12 });

  const general = await fileAndRegister('2025-07-07T07:00:00.000Z', { applicant: 'parent-2', pupil: 'child-2', documents, data: { category: 'general' } });
  const refused = await send('2025-07-10T08:00:00.000Z', general, { type: 'DECIDE', freePlaces: 0 });
  const [ground] = (await engine.history(refused.id)).at(-1)?.ruleResults.filter((rule) => rule.applies) ?? [];
  const refusal = (await ports.notifier.list(refused.id)).find((notice) => notice.template === 'refusal');

  const early = await fileAndRegister('2025-03-20T07:00:00.000Z', { applicant: 'parent-3', pupil: 'child-3', documents, data: { category: 'general' } });
  await store.dispose();

  const lastDay = (view: ApplicationView, name: string) => view.terms.find((term) => term.name === name)?.lastDay;
  return {
    territory: { waiting, state: enrolled.state, orderDue: lastDay(closed, 'orderAfterAcceptance'), status: enrolled.epguStatus },
    general: {
      state: refused.state,
      orderDue: lastDay(general, 'order'),
      ground: ground?.citation,
      status: refused.epguStatus,
      notice: { title: refusal?.title, citesGround: ground !== undefined && refusal?.html.includes('ч. 4 ст. 67') === true },
    },
    early: { state: early.state, status: early.epguStatus },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().then((result) => console.log(JSON.stringify(result, null, 2)));
}
