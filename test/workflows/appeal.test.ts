/**
 * The pre-trial appeal (210-ФЗ art. 11.1–11.3): registered by the next working day, reviewed in
 * 15 working days (5 for a refusal to accept documents or a typo correction), the reasoned
 * answer no later than the next day; a satisfied appeal reopens the decision.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { department, local, setup } from './fixture.js';

const extract = { service: 'journal-extract', channel: 'epgu', documents: ['application', 'identity'], data: { information: 'currentProgress' } };
const appealOf = (applicationId: string, subject: string) => ({ service: 'appeal', channel: 'epgu', documents: ['complaint'], data: { subject }, links: [{ applicationId, relation: 'appeals' }] });

const test = suite('appeal');

test('against a refusal: 15 working days, satisfied, the refused extract reopened and issued', async () => {
  const t = await setup(local('2025-10-31 10:00'));
  const refused = await t.walk(await t.submit({ ...extract, applicant: 'parent-3' }), ['REGISTER', 'CHECK_DOCUMENTS', 'DECIDE']);
  assert.is(refused.state, 'refused');
  let appeal = await t.submit({ ...appealOf(refused.id, 'refusal'), applicant: 'parent-3' });
  // Received Friday 31.10.2025: the next working day is Saturday 01.11 (worked by the 2025 decree).
  assert.is(t.term(appeal, 'registration')?.lastDay, '2025-11-01');
  appeal = await t.walk(appeal, ['REGISTER'], department);
  assert.is(appeal.state, 'review.standard');
  // 15 working days from 31.10: 01.11, 05–07, 10–14, 17–21, 24.11 (03.11 and 04.11 off) → 24.11.
  assert.is(t.term(appeal, 'review')?.lastDay, '2025-11-24');
  // The school finds it had not entered the guardianship decision in the roster.
  await t.ports.roster.importJson({ representatives: [{ applicant: 'parent-3', pupil: 'pupil-1', basis: 'guardian' }] });
  t.clock.at = local('2025-11-20 15:00');
  appeal = await t.walk(appeal, ['SATISFY'], department);
  assert.is(appeal.state, 'decision.satisfied');
  // Decided on Thursday 20.11: the answer is due the next day, 21.11 (ч. 8 ст. 11.2).
  assert.is(t.term(appeal, 'answer')?.lastDay, '2025-11-21');
  const reopened = await t.engine.get(refused.id);
  assert.is(reopened.state, 'review.reopened');
  // The cancelled decision is taken again at once (ч. 8.1 ст. 11.2): by the next working day, 21.11.
  assert.is(t.term(reopened, 'reconsideration')?.lastDay, '2025-11-21');
  appeal = await t.walk(appeal, ['ANSWER'], department);
  assert.is(appeal.epguStatus, 'Жалоба удовлетворена');
  assert.ok(appeal.terms.every((term) => !term.overdue));
  const answer = (await t.ports.notifier.list(appeal.id)).find((item) => item.template === 'ediaryAppealAnswer')!;
  assert.match(answer.html, 'жалоба удовлетворена (п. 1 ч. 7 ст. 11.2');
  const issued = await t.walk(reopened, ['DECIDE', 'ISSUE']);
  assert.is(issued.state, 'issued');
});

test('against a refusal to accept documents: 5 working days over New Year; rejected with reasons, answer by the next working day', async () => {
  const t = await setup(local('2024-12-27 10:00'));
  const intake = await t.walk(await t.submit({ ...extract, documents: ['application'] }), ['REGISTER', 'CHECK_DOCUMENTS']);
  let appeal = await t.walk(await t.submit(appealOf(intake.id, 'intakeRefusal')), ['REGISTER'], department);
  assert.is(appeal.state, 'review.short');
  assert.is(t.term(appeal, 'review'), undefined);
  // 5 working days from 27.12.2024: 28.12 (worked Saturday), 09, 10, 13, 14 January → 14.01.2025.
  assert.is(t.term(appeal, 'reviewShort')?.lastDay, '2025-01-14');
  assert.is(await t.walk(appeal, [{ type: 'REJECT' }], department).then(() => 'sent', (error: { code: string }) => error.code), 'INVALID_INPUT');
  t.clock.at = local('2024-12-28 12:00');
  appeal = await t.walk(appeal, [{ type: 'REJECT', ground: 'decisionLawful' }], department);
  // Decided on Saturday 28.12: the next day (29.12) and all days to 08.01 are off → 09.01.2025 (Civil Code art. 193).
  assert.is(t.term(appeal, 'answer')?.lastDay, '2025-01-09');
  assert.is((await t.engine.get(intake.id)).state, 'intakeRefused', 'a rejected appeal reopens nothing');
  appeal = await t.walk(appeal, ['ANSWER'], department);
  assert.is(appeal.epguStatus, 'В удовлетворении жалобы отказано');
  const answer = (await t.ports.notifier.list(appeal.id)).find((item) => item.template === 'ediaryAppealAnswer')!;
  assert.equal(answer.grounds.map((ground) => ground.id), ['decisionLawful']);
  assert.match(answer.html, 'п. 2 ч. 7 ст. 11.2');
  assert.match(answer.html, 'нарушений прав заявителя не установлено');
});

test('about a typo correction: 5 working days over the May holidays; a late review is flagged', async () => {
  const t = await setup(local('2025-04-30 10:00'));
  const appeal = await t.walk(await t.submit({ ...appealOf('typo-1', 'typoCorrection') }), ['REGISTER'], department);
  // From 30.04.2025: 05, 06, 07, 12, 13 May → 13.05.
  assert.is(t.term(appeal, 'reviewShort')?.lastDay, '2025-05-13');
  await t.advance(local('2025-05-14 00:00'));
  t.clock.at = local('2025-05-14 09:00');
  const [late] = (await t.engine.list({ service: 'appeal', overdueAt: t.clock.at })).items;
  assert.is(late?.id, appeal.id);
  assert.ok(t.term(late!, 'reviewShort')?.overdue);
});

test.run();
