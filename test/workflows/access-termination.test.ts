/**
 * The termination application ends the applicant's own linked e-diary access, and nobody
 * else's. Real engine, store and calendar.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { local, setup } from './fixture.js';

const access = { service: 'diary-access', channel: 'personal', documents: ['application', 'identity'], data: { information: 'diary', consent: { parent: true, child: true } } };
const termination = { service: 'access-termination', channel: 'personal', documents: ['application', 'identity'] };

const test = suite('access-termination');

test('ends the linked access: TERMINATE reaches diary-access, ground 1 cited, data destroyed later', async () => {
  const t = await setup(local('2025-04-30 10:00'));
  const granted = await t.walk(await t.submit(access), ['REGISTER', 'CHECK_DOCUMENTS', 'DECIDE', 'ISSUE_CREDENTIALS']);
  let application = await t.submit({ ...termination, links: [{ applicationId: granted.id, relation: 'terminates' }] });
  application = await t.walk(application, ['REGISTER']);
  // From 30.04.2025: 05, 06, 07, 12, 13, 14, 15, 16, 19, 20 May (01–04 and 08–11 off) → 20.05.
  assert.is(t.term(application, 'termination')?.lastDay, '2025-05-20');
  application = await t.walk(application, ['CHECK_DOCUMENTS', 'DECIDE']);
  assert.is(application.state, 'done');
  assert.is(application.status, 'closed');
  assert.is(application.epguStatus, 'Услуга оказана');
  const ended = await t.engine.get(granted.id);
  assert.is(ended.state, 'terminated');
  const [entry] = (await t.engine.history(granted.id)).filter((item) => item.event.type === 'TERMINATE');
  assert.equal(entry!.ruleResults.filter((rule) => rule.applies).map((rule) => rule.id), ['applicantRequested']);
  assert.ok((await t.ports.access.get(granted.id))?.revokedAt);
  const notice = (await t.ports.notifier.list(granted.id)).find((item) => item.template === 'ediaryAccessEnded')!;
  assert.match(notice.html, '«Основания для прекращения предоставления услуги», основание 1');
  // Terminated on Wednesday 30.04: the destruction timer waits for the next working day, 05.05.
  await t.advance(local('2025-05-05 00:00'));
  assert.is((await t.engine.get(granted.id)).state, 'destroyed');
  assert.is((await t.store.findRecords('destruction', { applicationId: granted.id })).items.length, 1);
});

test("another parent's access cannot be ended: grounds 2 and 3, the access stays", async () => {
  const t = await setup(local('2025-09-15 10:00'));
  const granted = await t.walk(await t.submit(access), ['REGISTER', 'CHECK_DOCUMENTS', 'DECIDE', 'ISSUE_CREDENTIALS']);
  let application = await t.submit({ ...termination, applicant: 'parent-2', links: [{ applicationId: granted.id, relation: 'terminates' }] });
  application = await t.walk(application, ['REGISTER', 'CHECK_DOCUMENTS', 'DECIDE']);
  assert.is(application.state, 'refused');
  const refusal = (await t.ports.notifier.list(application.id)).find((item) => item.template === 'ediaryRefusal')!;
  assert.equal(refusal.grounds.map((ground) => ground.id), ['missingData', 'notRepresentative']);
  assert.match(refusal.html, 'не указан действующий доступ заявителя к электронному дневнику этого учащегося');
  assert.is((await t.engine.get(granted.id)).state, 'access.active');
});

test('no access named: ground 2; an incomplete package: refusal to accept', async () => {
  const t = await setup(local('2025-09-15 10:00'));
  const unnamed = await t.walk(await t.submit(termination), ['REGISTER', 'CHECK_DOCUMENTS', 'DECIDE']);
  assert.is(unnamed.state, 'refused');
  assert.equal((await t.engine.history(unnamed.id)).at(-1)!.ruleResults.filter((rule) => rule.applies).map((rule) => rule.id), ['missingData']);
  const incomplete = await t.walk(await t.submit({ ...termination, documents: ['application'] }), ['REGISTER', 'CHECK_DOCUMENTS']);
  assert.is(incomplete.state, 'intakeRefused');
  const notice = (await t.ports.notifier.list(incomplete.id)).find((item) => item.template === 'ediaryIntakeRefusal')!;
  assert.match(notice.html, 'нет документа: Документ, удостоверяющий личность заявителя');
});

test.run();
