import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { toView } from '../../src/runtime/view.js';
import { clerk, setup } from './fixture.js';

const overdue = suite('view: the overdue flag and the overdueAt query agree');

function before(instant: string): string {
  return new Date(Date.parse(instant) - 1).toISOString();
}

overdue('at exactly dueAt (24:00 local of the last day) the term is overdue in the view and in the store query', async () => {
  const { engine, submission, clock, store, workflows } = await setup();
  const application = await engine.submit(submission, { actor: clerk });
  const record = (await store.getApplication(application.id))!;
  const term = record.terms.find((item) => item.metAt === null)!;
  assert.is(record.nextDueAt, term.dueAt);
  const workflow = workflows.get(record.service, record.workflowVersion);

  assert.is(toView(workflow, record, before(term.dueAt)).terms.find((item) => item.name === term.name)!.overdue, false);
  assert.equal((await engine.list({ overdueAt: before(term.dueAt) })).items, []);
  assert.is(await store.countApplications({ overdueAt: before(term.dueAt) }), 0);

  assert.is(toView(workflow, record, term.dueAt).terms.find((item) => item.name === term.name)!.overdue, true);
  clock.at = term.dueAt;
  assert.is((await engine.get(application.id)).terms.find((item) => item.name === term.name)!.overdue, true);
  assert.equal((await engine.list({ overdueAt: term.dueAt })).items.map((item) => item.id), [application.id]);
  assert.is(await store.countApplications({ overdueAt: term.dueAt, status: 'open' }), 1);
});

overdue('a term met before dueAt is not overdue at dueAt; met at dueAt it was late', async () => {
  const { engine, submission, store, workflows } = await setup();
  const application = await engine.submit(submission, { actor: clerk });
  const record = (await store.getApplication(application.id))!;
  const workflow = workflows.get(record.service, record.workflowVersion);
  const term = record.terms[0]!;
  const metEarly = { ...record, terms: [{ ...term, metAt: before(term.dueAt) }] };
  const metLate = { ...record, terms: [{ ...term, metAt: term.dueAt }] };
  assert.is(toView(workflow, metEarly, term.dueAt).terms[0]!.overdue, false);
  assert.is(toView(workflow, metLate, term.dueAt).terms[0]!.overdue, true);
});

overdue.run();
