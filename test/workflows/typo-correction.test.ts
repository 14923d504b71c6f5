/**
 * Correction of typos in an issued journal extract: registered the same day, fixed or refused
 * with reasons within 5 working days; a refusal can be appealed (5 working days of review).
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { department, local, setup } from './fixture.js';

const extract = { service: 'journal-extract', channel: 'personal', documents: ['application', 'identity'], data: { information: 'currentProgress' } };
const typoOf = (applicationId: string) => ({ service: 'typo-correction', channel: 'epgu', documents: ['application', 'identity'], links: [{ applicationId, relation: 'corrects' }] });

const test = suite('typo-correction');

test('received after hours on 30.04.2025: registered 05.05, corrected extract issued within 5 working days', async () => {
  const t = await setup(local('2025-04-29 10:00'));
  await t.ports.roster.importJournal([{ pupil: 'pupil-1', subject: 'Химия', date: '2025-04-28', mark: '3', work: 'лабораторная работа' }]);
  const issued = await t.walk(await t.submit(extract), ['REGISTER', 'CHECK_DOCUMENTS', 'DECIDE', 'ISSUE']);
  assert.match((await t.ports.notifier.list(issued.id)).at(-1)!.html, '28.04.2025: <b>3</b>');
  t.clock.at = local('2025-04-30 19:00');
  let typo = await t.submit(typoOf(issued.id));
  // After 18:00 on 30.04 it counts as received on the next working day, 05.05 (01–04.05 off): registered that day.
  assert.is(t.term(typo, 'registration')?.lastDay, '2025-05-05');
  t.clock.at = local('2025-05-05 09:30');
  typo = await t.walk(typo, ['REGISTER', 'CHECK_DOCUMENTS']);
  // 5 working days from 05.05: 06, 07, 12, 13, 14 (08–11.05 off) → 14.05.
  assert.is(t.term(typo, 'correction')?.lastDay, '2025-05-14');
  await t.ports.roster.importJournal([{ pupil: 'pupil-1', subject: 'Химия', date: '2025-04-28', mark: '5', work: 'лабораторная работа' }]);
  typo = await t.walk(typo, ['CORRECT']);
  assert.is(typo.state, 'corrected');
  assert.is(typo.status, 'closed');
  const corrected = (await t.ports.notifier.list(typo.id)).find((item) => item.template === 'ediaryTypoCorrected')!;
  assert.match(corrected.html, '28.04.2025: <b>5</b>');
  assert.not.match(corrected.html, '<b>3</b>');
  assert.is((await t.store.findRecords('document', { applicationId: typo.id })).items.length, 1);
});

test('refused with reasons; the appeal (5 working days) reopens it and the typo is fixed', async () => {
  const t = await setup(local('2025-10-31 10:00'));
  let typo = await t.submit(typoOf('extract-1'));
  assert.is(t.term(typo, 'registration')?.lastDay, '2025-10-31', 'the same day');
  typo = await t.walk(typo, ['REGISTER', 'CHECK_DOCUMENTS']);
  // From 31.10.2025: 01.11 (worked Saturday), 05, 06, 07, 10 → 10.11.
  assert.is(t.term(typo, 'correction')?.lastDay, '2025-11-10');
  typo = await t.walk(typo, [{ type: 'REFUSE', ground: 'noTypoFound' }]);
  assert.is(typo.state, 'refused');
  const refusal = (await t.ports.notifier.list(typo.id)).find((item) => item.template === 'ediaryTypoRefusal')!;
  assert.equal(refusal.grounds.map((ground) => ground.id), ['noTypoFound']);
  assert.match(refusal.html, 'п. 7 ст. 11.1');
  assert.match(refusal.html, 'в течение 5 рабочих дней со дня регистрации');
  const appeal = await t.walk(await t.submit({ service: 'appeal', documents: ['complaint'], data: { subject: 'typoCorrection' }, links: [{ applicationId: typo.id, relation: 'appeals' }] }), ['REGISTER', 'SATISFY'], department);
  assert.is(appeal.state, 'decision.satisfied');
  typo = await t.engine.get(typo.id);
  assert.is(typo.state, 'review.reopened');
  typo = await t.walk(typo, ['CORRECT']);
  assert.is(typo.state, 'corrected');
});

test('a stranger cannot get a corrected extract: CORRECT is not allowed, the refusal cites ground 3', async () => {
  const t = await setup(local('2025-10-06 10:00'));
  let typo = await t.walk(await t.submit({ ...typoOf('extract-1'), applicant: 'parent-2' }), ['REGISTER', 'CHECK_DOCUMENTS']);
  assert.is(await t.walk(typo, ['CORRECT']).then(() => 'sent', (error: { code: string }) => error.code), 'EVENT_NOT_ALLOWED');
  typo = await t.walk(typo, ['REFUSE']);
  const refusal = (await t.ports.notifier.list(typo.id)).find((item) => item.template === 'ediaryTypoRefusal')!;
  assert.equal(refusal.grounds.map((ground) => ground.id), ['notRepresentative']);
  assert.is((await t.store.findRecords('document', { applicationId: typo.id })).items.length, 0);
});

test.run();
