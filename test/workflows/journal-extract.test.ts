/**
 * The journal extract, every path of Постановление № 174 on the real engine, store and calendar.
 * Expected last days are counted by hand from the production calendar (comments say why).
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { clerk, department, local, setup } from './fixture.js';

const extract = { service: 'journal-extract', channel: 'epgu', documents: ['application', 'identity'], data: { information: 'currentProgress' } };

const terms = suite('journal-extract: terms on real dates');

terms('received 2025-04-30 10:00: registered by 05-05, extract by 05-16 (May holidays)', async () => {
  const t = await setup(local('2025-04-30 10:00'));
  let application = await t.submit(extract);
  // 01–04.05 are days off (02.05 moved from 04.01 by the 2025 decree): the next working day is 05.05.
  assert.is(t.term(application, 'registration')?.lastDay, '2025-05-05');
  assert.is(t.term(application, 'registration')?.dueAt, local('2025-05-06 00:00'));
  t.clock.at = local('2025-05-05 11:00');
  application = await t.walk(application, ['REGISTER']);
  // From 05.05: 06, 07, 12 (08–11 off: 08.05 moved from 05.01), 13, 14, 15, 16 → the 7th working day is 16.05.
  assert.is(t.term(application, 'extract')?.lastDay, '2025-05-16');
  assert.is(t.term(application, 'registration')?.metAt, local('2025-05-05 11:00'));
  assert.is(application.epguStatus, 'Заявление зарегистрировано');
});

terms('received 2024-12-27 in and out of office hours: a Saturday of work, then the New Year holidays', async () => {
  const t = await setup(local('2024-12-27 10:00'));
  const inHours = await t.submit(extract);
  // 28.12.2024 (Saturday) is a working day by the 2024 transfer decree.
  assert.is(t.term(inHours, 'registration')?.lastDay, '2024-12-28');
  t.clock.at = local('2024-12-27 19:30');
  const afterHours = await t.submit(extract);
  // After 18:00 it counts as received on 28.12; one working day later: 29.12–08.01 are all off → 09.01.2025.
  assert.is(t.term(afterHours, 'registration')?.lastDay, '2025-01-09');
  t.clock.at = local('2024-12-28 09:00');
  const registered = await t.walk(inHours, ['REGISTER']);
  // From 28.12: 09, 10, 13, 14, 15, 16, 17 January → the 7th working day is 17.01.2025.
  assert.is(t.term(registered, 'extract')?.lastDay, '2025-01-17');
});

terms('received 2025-10-31 and on Sunday 2025-11-02: 01.11 worked, 03–04.11 off', async () => {
  const t = await setup(local('2025-10-31 12:00'));
  let application = await t.submit(extract);
  // 01.11.2025 (Saturday) is a working day by the 2025 decree.
  assert.is(t.term(application, 'registration')?.lastDay, '2025-11-01');
  application = await t.walk(application, ['REGISTER']);
  // From 31.10: 01.11, 05, 06, 07, 10, 11, 12 (03.11 moved from 01.11, 04.11 holiday) → 12.11.
  assert.is(t.term(application, 'extract')?.lastDay, '2025-11-12');
  t.clock.at = local('2025-11-02 12:00');
  const sunday = await t.submit(extract);
  // Received on Sunday counts as received on 05.11 (03 and 04 are off); one working day later is 06.11.
  assert.is(t.term(sunday, 'registration')?.lastDay, '2025-11-06');
});

terms.run();

const paths = suite('journal-extract: paths of the regulation');

paths('by application: registered, accepted, prepared from the journal, issued with the extract', async () => {
  const t = await setup(local('2025-10-06 10:00'));
  await t.ports.roster.importJournal([
    { pupil: 'pupil-1', subject: 'Математика', date: '2025-09-03', mark: '5', work: 'контрольная работа' },
    { pupil: 'pupil-1', subject: 'Математика', date: '2025-09-10', mark: '4' },
    { pupil: 'pupil-1', subject: 'Русский язык', date: '2025-09-04', absence: 'ill' },
    { pupil: 'pupil-2', subject: 'Математика', date: '2025-09-03', mark: '2' },
  ]);
  let application = await t.submit(extract);
  application = await t.walk(application, ['REGISTER', 'CHECK_DOCUMENTS']);
  assert.is(application.state, 'review.regular');
  assert.is(application.epguStatus, 'Заявление принято к рассмотрению');
  application = await t.walk(application, ['DECIDE']);
  assert.is(application.epguStatus, 'Промежуточные результаты');
  const stored = (await t.store.findRecords('document', { applicationId: application.id })).items;
  assert.is(stored.length, 1);
  application = await t.walk(application, ['ISSUE']);
  assert.is(application.status, 'closed');
  assert.is(application.epguStatus, 'Услуга оказана');
  assert.ok(application.terms.every((term) => term.metAt !== null && !term.overdue));
  const notices = await t.ports.notifier.list(application.id);
  assert.equal(notices.map((notice) => notice.title), [
    'Заявление зарегистрировано',
    'Заявление принято к рассмотрению',
    'Выписка из классного журнала подготовлена',
    'Услуга оказана',
  ]);
  const result = notices.at(-1)!.html;
  assert.match(result, 'Выписка из классного журнала');
  assert.match(result, '03.09.2025: <b>5</b> (контрольная работа)');
  assert.match(result, '4,50');
  assert.match(result, 'Б — по болезни');
  assert.not.match(result, '<b>2</b>', "another pupil's mark never reaches the extract");
  assert.match(result, 'Порядок обжалования');
});

paths('personal visit: registered and issued at once, the same day', async () => {
  const t = await setup(local('2025-10-31 15:00'));
  let application = await t.submit({ ...extract, channel: 'personal' });
  assert.equal(application.terms.map((term) => [term.name, term.lastDay]), [['registrationInPerson', '2025-10-31']]);
  application = await t.walk(application, ['REGISTER']);
  assert.is(t.term(application, 'extractInPerson')?.lastDay, '2025-10-31');
  assert.is(t.term(application, 'extract'), undefined);
  application = await t.walk(application, ['CHECK_DOCUMENTS', 'DECIDE', 'ISSUE']);
  assert.is(application.state, 'issued');
  assert.ok(application.terms.every((term) => !term.overdue));
  // A clerk who lets the visitor go without the extract misses the term at midnight.
  const slow = await t.walk(await t.submit({ ...extract, channel: 'personal' }), ['REGISTER']);
  await t.advance(local('2025-11-01 00:00'));
  const late = await t.engine.get(slow.id);
  assert.ok(t.term(late, 'extractInPerson')?.overdue);
});

paths('intake refusal lists the missing documents; an appeal reopens it; ground 4 then refuses', async () => {
  const t = await setup(local('2025-10-06 10:00'));
  let application = await t.submit({ ...extract, documents: ['application'] });
  application = await t.walk(application, ['REGISTER', 'CHECK_DOCUMENTS']);
  assert.is(application.state, 'intakeRefused');
  assert.is(application.epguStatus, 'Отказано в приёме документов');
  assert.ok(application.terms.every((term) => term.metAt !== null), 'the refusal meets the extract term');
  const [notice] = (await t.ports.notifier.list(application.id)).filter((item) => item.template === 'ediaryIntakeRefusal');
  assert.match(notice!.html, 'нет документа: Документ, удостоверяющий личность заявителя');
  assert.match(notice!.html, '«Основание для отказа в приёме документов»');
  assert.match(notice!.html, 'в течение 5 рабочих дней');
  assert.is(await t.walk(application, ['REOPEN']).then(() => 'sent', (error: { code: string }) => error.code), 'FORBIDDEN');
  application = await t.walk(application, ['REOPEN'], department);
  application = await t.walk(application, ['DECIDE']);
  assert.is(application.state, 'refused');
  const history = await t.engine.history(application.id);
  const grounds = history.at(-1)!.ruleResults.filter((result) => result.applies).map((result) => result.id);
  assert.equal(grounds, ['incompletePackage']);
});

paths('refusal grounds 1, 2 and 3, each cited in the notice; a stranger never gets the pupil data', async () => {
  const t = await setup(local('2025-10-06 10:00'));
  await t.ports.roster.importJournal([{ pupil: 'pupil-2', subject: 'Физика', date: '2025-09-05', mark: '3' }]);
  const cases = [
    { data: { information: 'salaryOfTeachers' }, pupil: 'pupil-1', applicant: 'parent-1', ground: 'notAboutProgress', clause: 'основание 1' },
    { data: {}, pupil: 'pupil-1', applicant: 'parent-1', ground: 'missingData', clause: 'основание 2' },
    { data: { information: 'currentProgress' }, pupil: 'pupil-2', applicant: 'parent-1', ground: 'notRepresentative', clause: 'основание 3' },
  ];
  for (const item of cases) {
    let application = await t.submit({ ...extract, data: item.data, pupil: item.pupil, applicant: item.applicant });
    application = await t.walk(application, ['REGISTER', 'CHECK_DOCUMENTS', 'DECIDE']);
    assert.is(application.state, 'refused', item.ground);
    assert.is(application.epguStatus, 'Отказано в предоставлении услуги');
    const notices = await t.ports.notifier.list(application.id);
    const refusal = notices.find((notice) => notice.template === 'ediaryRefusal')!;
    assert.equal(refusal.grounds.map((ground) => ground.id), [item.ground]);
    assert.match(refusal.html, `«Основаниями для отказа в предоставлении муниципальной услуги», ${item.clause}`);
    assert.match(refusal.html, 'Управление образования администрации Нижнетуринского городского округа');
    assert.match(refusal.html, 'в течение 15 рабочих дней');
    assert.not.match(refusal.html, 'Физика');
    assert.is((await t.store.findRecords('document', { applicationId: application.id })).items.length, 0);
  }
});

paths('a late clerk: a reminder the working day before, then the overdue flag in queries', async () => {
  const t = await setup(local('2025-04-30 10:00'));
  let application = await t.submit(extract);
  t.clock.at = local('2025-05-05 11:00');
  application = await t.walk(application, ['REGISTER', 'CHECK_DOCUMENTS']);
  // Last day 16.05: the reminder goes at the start of the working day before, 15.05.
  assert.is(await t.advance(local('2025-05-14 23:00')), 0);
  assert.is(await t.advance(local('2025-05-15 00:00')), 1);
  assert.is((await t.engine.list({ overdueAt: t.clock.at })).items.length, 0);
  assert.is(await t.advance(local('2025-05-17 00:00')), 1);
  t.clock.at = local('2025-05-17 09:00');
  const overdue = await t.engine.list({ overdueAt: t.clock.at });
  assert.equal(overdue.items.map((item) => item.id), [application.id]);
  assert.ok(t.term(overdue.items[0]!, 'extract')?.overdue);
  const staff = (await t.ports.notifier.list(application.id)).filter((notice) => notice.to === 'staff').map((notice) => notice.template);
  assert.equal(staff, ['termReminder', 'termOverdue']);
  const history = await t.engine.history(application.id);
  assert.equal(history.slice(-2).map((entry) => entry.event.type), ['term.reminder', 'term.overdue']);
  application = await t.walk(await t.engine.get(application.id), ['DECIDE', 'ISSUE'], clerk);
  assert.ok(t.term(application, 'extract')?.overdue, 'issued late stays marked late');
  assert.is((await t.engine.list({ overdueAt: t.clock.at })).items.length, 0);
});

paths.run();
