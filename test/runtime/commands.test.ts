import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { isReglamentError } from '../../src/errors.js';
import { clerk, sample, setup } from './fixture.js';

async function rejects(promise: Promise<unknown>, code: string) {
  try {
    await promise;
  } catch (error) {
    assert.ok(isReglamentError(error), String(error));
    assert.is((error as { code: string }).code, code);
    return error as { code: string; details?: Record<string, unknown> };
  }
  throw new Error(`expected ${code}`);
}

const commands = suite('engine commands');

commands('submit creates version 1 with terms counted by the calendar', async () => {
  const { engine, submission, store } = await setup({ now: '2025-04-26T06:00:00.000Z' });
  const application = await engine.submit(submission, { actor: clerk });
  assert.is(application.version, 1);
  assert.is(application.state, 'received');
  assert.is(application.epguStatus, 'Заявление получено');
  // Saturday receipt counts from Monday 28 April; one working day → Tuesday 29 April, 24:00 Yekaterinburg.
  assert.equal(application.terms.map(({ name, lastDay, dueAt }) => ({ name, lastDay, dueAt })), [{ name: 'registration', lastDay: '2025-04-29', dueAt: '2025-04-29T19:00:00.000Z' }]);
  assert.equal(application.allowedEvents, ['REGISTER']);
  const record = await store.getApplication(application.id);
  assert.is(record!.applicant, 'parent-1');
  assert.is(JSON.stringify(record).includes('Иван'), false);
});

commands('a stale expectedVersion is VERSION_CONFLICT and writes nothing', async () => {
  const { engine, submission } = await setup();
  const application = await engine.submit(submission, { actor: clerk });
  await engine.send(application.id, { type: 'REGISTER' }, { actor: clerk, expectedVersion: 1 });
  const error = await rejects(engine.send(application.id, { type: 'DECIDE' }, { actor: clerk, expectedVersion: 1 }), 'VERSION_CONFLICT');
  assert.equal(error.details, { expected: 1, actual: 2 });
  assert.is((await engine.history(application.id)).length, 2);
  assert.is((await engine.get(application.id)).state, 'registered');
});

commands('concurrent senders with one version: exactly one wins', async () => {
  const { engine, submission } = await setup();
  const application = await engine.submit(submission, { actor: clerk });
  const results = await Promise.allSettled(Array.from({ length: 5 }, () => engine.send(application.id, { type: 'REGISTER' }, { actor: clerk, expectedVersion: 1 })));
  assert.is(results.filter((result) => result.status === 'fulfilled').length, 1);
  assert.is((await engine.history(application.id)).length, 2);
});

commands('the same idempotency key twice returns the first result and writes nothing new', async () => {
  const { engine, submission, store } = await setup();
  const first = await engine.submit(submission, { actor: clerk, idempotencyKey: 'portal-1' });
  const again = await engine.submit(submission, { actor: clerk, idempotencyKey: 'portal-1' });
  assert.equal(again, first);
  assert.is(await store.countApplications({}), 1);
  const sent = await engine.send(first.id, { type: 'REGISTER' }, { actor: clerk, idempotencyKey: 'click-1' });
  const resent = await engine.send(first.id, { type: 'REGISTER' }, { actor: clerk, idempotencyKey: 'click-1', expectedVersion: 1 });
  assert.equal(resent, sent);
  assert.is((await engine.history(first.id)).length, 2);
});

commands('an event the state does not take is EVENT_NOT_ALLOWED with the allowed events', async () => {
  const { engine, submission } = await setup();
  const application = await engine.submit(submission, { actor: clerk });
  const error = await rejects(engine.send(application.id, { type: 'ISSUE' }, { actor: clerk }), 'EVENT_NOT_ALLOWED');
  assert.equal(error.details!['allowed'], ['REGISTER']);
  assert.is((await engine.history(application.id)).length, 1);
});

commands('roles declared in the definition: an applicant may not register', async () => {
  const { engine, submission } = await setup();
  const application = await engine.submit(submission, { actor: clerk });
  await rejects(engine.send(application.id, { type: 'REGISTER' }, { actor: { id: 'parent-1', role: 'applicant' } }), 'FORBIDDEN');
  assert.equal(await engine.allowedEvents(application.id, { id: 'parent-1', role: 'applicant' }), []);
});

commands('refusal grounds are stored with the transition and cited in the notice', async () => {
  const { engine, ports } = await setup();
  const application = await engine.submit({ service: 'study-certificate', school: 'school-1', applicant: 'stranger-1', pupil: 'pupil-1', documents: ['application'] }, { actor: clerk });
  await engine.send(application.id, { type: 'REGISTER' }, { actor: clerk });
  const refused = await engine.send(application.id, { type: 'DECIDE' }, { actor: clerk });
  assert.is(refused.state, 'refused');
  const entry = (await engine.history(application.id)).at(-1)!;
  assert.equal(entry.ruleResults.filter((result) => result.applies).map((result) => [result.id, result.reasons]), [
    ['incompletePackage', ['нет документа: Документ, удостоверяющий личность заявителя']],
    ['notRepresentative', ['по данным школы заявитель не является законным представителем обучающегося']],
  ]);
  const notice = (await ports.notifier.list(application.id)).find((item) => item.template === 'refusal')!;
  assert.match(notice.html, 'п. 2.9 образца');
  assert.match(notice.html, '210-ФЗ');
});

commands('a new version changes nothing for applications in flight', async () => {
  const { engine, submission, workflows } = await setup();
  const old = await engine.submit(submission, { actor: clerk });
  const next = sample();
  next.version = '2.0.0';
  next.epguStatus.received = 'Заявление получено (v2)';
  workflows.load(next);
  const fresh = await engine.submit(submission, { actor: clerk });
  assert.is(fresh.workflowVersion, '2.0.0');
  assert.is(fresh.epguStatus, 'Заявление получено (v2)');
  assert.is((await engine.get(old.id)).epguStatus, 'Заявление получено');
  const moved = await engine.send(old.id, { type: 'REGISTER' }, { actor: clerk });
  assert.is(moved.workflowVersion, '1.0.0');
  assert.equal((await engine.history(old.id)).map((entry) => entry.to), ['received', 'registered']);
});

commands('a malformed submission is INVALID_INPUT naming the field', async () => {
  const { engine, submission } = await setup();
  const error = await rejects(engine.submit({ ...submission, documents: ['application', 'diploma'] }, { actor: clerk }), 'INVALID_INPUT');
  assert.is((error as unknown as { path: string }).path, '/documents/1');
  await rejects(engine.submit({ ...submission, service: 'nope' }, { actor: clerk }), 'WORKFLOW_NOT_FOUND');
});

commands.run();
