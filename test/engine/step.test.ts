import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createCalendar } from '../../src/calendar/calendar.js';
import { compileWorkflow } from '../../src/definition/compile.js';
import { loadWorkflow } from '../../src/definition/load.js';
import { applyEvent, startWorkflow, type StepResult } from '../../src/engine/step.js';
import { isReglamentError } from '../../src/errors.js';
import { accessImplementations, accessWorkflow } from './access-workflow.js';

const calendar = createCalendar({ timeZone: 'Asia/Yekaterinburg' });
const workflow = compileWorkflow(loadWorkflow(accessWorkflow, { implementations: accessImplementations as never }), { calendar, implementations: accessImplementations as never });
const application = { id: 'app-1', service: 'test-access', receivedAt: '2024-12-26T04:00:00.000Z' };

function start(documents = ['application', 'consent']) {
  return startWorkflow(workflow, application, { kind: 'access', documents }, {}, application.receivedAt);
}
function next(previous: StepResult, event: { type: string; [key: string]: unknown }, now: string) {
  return applyEvent(workflow, { application, snapshot: previous.snapshot, terms: previous.terms }, event, {}, now);
}

const core = suite('pure core');

core('same inputs give the same outputs, and inputs are not changed', () => {
  const first = start();
  const frozen = JSON.stringify(first);
  const a = next(first, { type: 'REGISTER' }, '2024-12-27T04:00:00.000Z');
  const b = next(first, { type: 'REGISTER' }, '2024-12-27T04:00:00.000Z');
  assert.equal(a, b);
  assert.is(JSON.stringify(first), frozen);
});

core('its results do not depend on the machine clock', () => {
  const realNow = Date.now;
  const first = start();
  const run = () => next(next(first, { type: 'REGISTER' }, '2024-12-27T04:00:00.000Z'), { type: 'DECIDE' }, '2025-01-10T04:00:00.000Z');
  const results = [0, Date.parse('2099-06-01T00:00:00Z')].map((fixed) => {
    Date.now = () => fixed;
    try {
      return run();
    } finally {
      Date.now = realNow;
    }
  });
  assert.equal(results[0], results[1]);
  assert.equal(results[0], run());
});

core('terms start on entering their state, counted on real calendar dates across New Year', () => {
  const registered = next(start(), { type: 'REGISTER' }, '2024-12-27T04:00:00.000Z');
  // 10 working days after Fri 27.12.2024: Sat 28.12 is a working day (transfer), 30.12–08.01 are not.
  assert.equal(registered.terms, [{ name: 'credentials', startedAt: '2024-12-27T04:00:00.000Z', lastDay: '2025-01-21', dueAt: '2025-01-21T19:00:00.000Z', provisional: false, metAt: null }]);
  assert.is(registered.nextDueAt, '2025-01-21T19:00:00.000Z');
  assert.equal(registered.effects, [
    { type: 'scheduleTimer', id: 'app-1:term:credentials:reminder', dueAt: '2025-01-19T19:00:00.000Z', event: { type: 'term.reminder', term: 'credentials' } },
    { type: 'scheduleTimer', id: 'app-1:term:credentials:overdue', dueAt: '2025-01-21T19:00:00.000Z', event: { type: 'term.overdue', term: 'credentials' } },
  ]);
});

core('granting meets the term, provisions access, runs injected code, sends the notice', () => {
  const registered = next(start(), { type: 'REGISTER' }, '2024-12-27T04:00:00.000Z');
  const granted = next(registered, { type: 'DECIDE' }, '2025-01-10T04:00:00.000Z');
  assert.is(granted.state, 'access.active');
  assert.is(granted.epguStatus, 'Услуга оказана');
  assert.is(granted.terms[0]!.metAt, '2025-01-10T04:00:00.000Z');
  assert.is(granted.nextDueAt, null);
  assert.equal(granted.effects.map((effect) => effect.type), ['provisionAccess', 'renderDocument', 'cancelTimer', 'cancelTimer', 'notify']);
  assert.equal(granted.effects[1], { type: 'renderDocument', template: 'audit-grant' });
  assert.equal(granted.ruleResults.map((result) => [result.id, result.applies]), [['noConsent', false]]);
});

core('a termination revokes access and schedules the stored destruction timer; leaving the state cancels it', () => {
  const registered = next(start(), { type: 'REGISTER' }, '2024-12-27T04:00:00.000Z');
  const granted = next(registered, { type: 'DECIDE' }, '2025-01-10T04:00:00.000Z');
  const terminated = next(granted, { type: 'TERMINATE' }, '2025-04-30T04:00:00.000Z');
  assert.equal(terminated.effects, [
    { type: 'revokeAccess', reason: 'termination' },
    { type: 'scheduleTimer', id: 'app-1:timer:destroyData', dueAt: '2025-05-29T19:00:00.000Z', event: { type: 'DESTROY', timer: 'destroyData' } },
  ]);
  const destroyed = next(terminated, { type: 'DESTROY', timer: 'destroyData' }, '2025-05-29T19:00:00.000Z');
  assert.is(destroyed.status, 'closed');
  assert.equal(destroyed.effects.map((effect) => effect.type), ['cancelTimer', 'destroyPersonalData']);
});

core('refusal grounds decide the transition and go into the notice', () => {
  const first = start(['application']);
  const registered = next(first, { type: 'REGISTER' }, '2024-12-27T04:00:00.000Z');
  const refused = next(registered, { type: 'DECIDE' }, '2024-12-28T04:00:00.000Z');
  assert.is(refused.state, 'refused');
  const notice = refused.effects.find((effect) => effect.type === 'notify');
  assert.equal(notice && notice.type === 'notify' ? notice.grounds.map((ground) => ground.reasons) : null, [['нет документа: Согласие на обработку персональных данных']]);
});

core('assignFromEvent changes the context; documents added later count', () => {
  const first = start(['application']);
  const added = next(first, { type: 'ADD_DOCUMENTS', documents: ['application', 'consent'] }, '2024-12-26T05:00:00.000Z');
  assert.equal((added.snapshot as { context: { documents: string[] } }).context.documents, ['application', 'consent']);
  const registered = next(added, { type: 'REGISTER' }, '2024-12-27T04:00:00.000Z');
  assert.is(next(registered, { type: 'DECIDE' }, '2024-12-28T04:00:00.000Z').state, 'access.active');
});

core('EVENT_NOT_ALLOWED lists the allowed events; a guard that refuses everything too', () => {
  const first = start();
  try {
    next(first, { type: 'DECIDE' }, '2024-12-27T04:00:00.000Z');
    assert.unreachable();
  } catch (error) {
    assert.ok(isReglamentError(error, 'EVENT_NOT_ALLOWED'));
    assert.equal(error.details!['allowed'], ['ADD_DOCUMENTS', 'REGISTER']);
  }
  const registered = next(first, { type: 'REGISTER' }, '2024-12-27T04:00:00.000Z');
  try {
    next(registered, { type: 'DECIDE', weekend: true }, '2024-12-28T04:00:00.000Z');
    assert.unreachable();
  } catch (error) {
    assert.ok(isReglamentError(error, 'EVENT_NOT_ALLOWED'));
  }
});

core('term events: the reminder notifies staff without changing the state', () => {
  const registered = next(start(), { type: 'REGISTER' }, '2024-12-27T04:00:00.000Z');
  const reminded = next(registered, { type: 'term.reminder', term: 'credentials' }, '2025-01-19T19:00:00.000Z');
  assert.is(reminded.state, 'registered');
  assert.equal(reminded.effects, [{ type: 'notify', template: 'termReminder', to: 'staff', state: '', epguStatus: '', grounds: [], term: { name: 'credentials', lastDay: '2025-01-21', dueAt: '2025-01-21T19:00:00.000Z' } }]);
});

core.run();
