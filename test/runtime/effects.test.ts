import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { accessImplementations, accessWorkflow } from '../engine/access-workflow.js';
import { clerk, setup } from './fixture.js';

const terminationWorkflow = {
  service: 'test-termination',
  version: '1.0.0',
  title: 'Прекращение (тест)',
  initial: 'received',
  epguStatus: { received: 'Заявление получено', done: 'Услуга оказана' },
  states: {
    received: { on: { REGISTER: { target: 'done', actions: [{ type: 'signalApplication', params: { relation: 'terminates', event: 'TERMINATE' } }] } } },
    done: { type: 'final' },
  },
};

async function withAccess() {
  const context = await setup({ now: '2025-04-28T05:00:00.000Z', engine: { rosterEvents: { graduated: 'TERMINATE' } } });
  context.workflows.load(accessWorkflow, { implementations: accessImplementations as never });
  context.workflows.load(terminationWorkflow);
  const parties = { school: 'school-1', applicant: 'parent-1', pupil: 'pupil-1' };
  let access = await context.engine.submit({ service: 'test-access', ...parties, documents: ['application', 'consent'] }, { actor: clerk });
  access = await context.engine.send(access.id, { type: 'REGISTER' }, { actor: clerk });
  access = await context.engine.send(access.id, { type: 'DECIDE' }, { actor: clerk });
  return { ...context, access, parties };
}

const effects = suite('engine effects through the ports');

effects('granting provisions access: the code goes out in a sealed notice, shown once, and redeems once', async () => {
  const { access, ports } = await withAccess();
  assert.is(access.state, 'access.active');
  const notice = (await ports.notifier.list(access.id)).find((item) => item.template === 'accessCode')!;
  assert.is(notice.sealed, true);
  assert.not.match(notice.html, '<code>', 'the stored notice leaves the code out');
  const code = /<code>([^<]+)<\/code>/.exec((await ports.notifier.reveal(notice.id, { id: 'parent-1', role: 'applicant' }))!.html)![1]!;
  assert.equal((await ports.access.redeem(code))!.pupil, 'pupil-1');
  assert.is(await ports.access.redeem(code), null);
});

effects('a termination application ends the linked access (signalApplication)', async () => {
  const { access, engine, ports, parties } = await withAccess();
  const termination = await engine.submit({ service: 'test-termination', ...parties, links: [{ applicationId: access.id, relation: 'terminates' }] }, { actor: clerk });
  await engine.send(termination.id, { type: 'REGISTER' }, { actor: clerk });
  const ended = await engine.get(access.id);
  assert.is(ended.state, 'terminated');
  assert.ok((await ports.access.get(access.id))!.revokedAt);
  assert.equal((await engine.history(access.id)).at(-1)!.actor, { id: 'engine', role: 'system' });
});

effects('graduation in the roster terminates the access; the stored timer destroys the data 30 days later', async () => {
  const { access, engine, ports, clock, store } = await withAccess();
  clock.at = '2025-06-30T05:00:00.000Z';
  const changes = await ports.roster.importJson({ pupils: [{ id: 'pupil-1', school: 'school-1', status: 'graduated' }] });
  assert.equal(await engine.applyRosterChanges(changes), [{ applicationId: access.id, event: 'TERMINATE', outcome: 'sent' }]);
  assert.equal(await engine.applyRosterChanges(changes), []);
  assert.is((await engine.get(access.id)).state, 'terminated');
  const [timer] = await store.getTimers(access.id);
  assert.equal([timer!.id, timer!.dueAt], [`${access.id}:timer:destroyData`, '2025-07-29T19:00:00.000Z']);
  clock.at = '2025-07-30T05:00:00.000Z';
  assert.is(await engine.runDueTimers(), 1);
  const closed = await engine.get(access.id);
  assert.equal([closed.state, closed.status], ['destroyed', 'closed']);
  assert.is(await ports.access.get(access.id), null);
  const destruction = await store.findRecords('destruction', { applicationId: access.id });
  assert.is(destruction.items.length, 1);
});

effects('startApplication opens a linked application of another service', async () => {
  const context = await setup();
  context.workflows.load({
    ...terminationWorkflow,
    service: 'test-starter',
    states: {
      received: { on: { REGISTER: { target: 'done', actions: [{ type: 'startApplication', params: { service: 'study-certificate', relation: 'startedBy', input: { documents: ['application'] } } }] } } },
      done: { type: 'final' },
    },
  });
  const starter = await context.engine.submit({ service: 'test-starter', school: 'school-1', applicant: 'parent-1', pupil: 'pupil-1' }, { actor: clerk });
  await context.engine.send(starter.id, { type: 'REGISTER' }, { actor: clerk });
  await context.engine.dispatchOutbox();
  const started = (await context.engine.list({ service: 'study-certificate' })).items;
  assert.is(started.length, 1);
  assert.equal([started[0]!.links, started[0]!.documents, started[0]!.pupil], [[{ applicationId: starter.id, relation: 'startedBy' }], ['application'], 'pupil-1']);
});

effects('a failing port leaves the effect in the outbox for a later attempt', async () => {
  const context = await setup({ engine: { dispatch: 'inline' } });
  const failing = { ...context.ports.notifier, notify: async () => { throw new Error('mail server down'); } };
  const { createEngine } = await import('../../src/runtime/engine.js');
  const engine = createEngine({ store: context.store, workflows: context.workflows, ports: { ...context.ports, notifier: failing }, clock: context.clock, ids: context.ids });
  const application = await engine.submit(context.submission, { actor: clerk });
  await engine.send(application.id, { type: 'REGISTER' }, { actor: clerk });
  assert.equal(await context.ports.notifier.list(application.id), []);
  context.clock.at = '2025-04-28T06:00:00.000Z';
  assert.is(await context.engine.dispatchOutbox(), 1);
  assert.equal((await context.ports.notifier.list(application.id)).map((notice) => notice.template), ['registered']);
});

effects.run();
