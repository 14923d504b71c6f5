/**
 * E-diary access: credentials within 10 working days, access until a termination ground, the
 * personal data kept for it destroyed within 30 days with a record. Real engine, store, calendar.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { local, setup } from './fixture.js';

const consent = { parent: true, child: true };
const access = { service: 'diary-access', channel: 'epgu', documents: ['application', 'identity'], data: { information: 'diary', consent } };
const toAccess = ['REGISTER', 'CHECK_DOCUMENTS', 'DECIDE', 'ISSUE_CREDENTIALS'];

const terms = suite('diary-access: credentials term on real dates');

terms('credentials within 10 working days of registration, across May, New Year and November', async () => {
  const t = await setup(local('2025-05-05 10:00'));
  const may = await t.walk(await t.submit(access), ['REGISTER']);
  // From 05.05.2025: 06, 07, 12 (08–11 off), 13, 14, 15, 16, 19, 20, 21 → 21.05.
  assert.is(t.term(may, 'credentials')?.lastDay, '2025-05-21');
  t.clock.at = local('2024-12-27 10:00');
  const newYear = await t.walk(await t.submit(access), ['REGISTER']);
  // From 27.12.2024: 28.12 (worked Saturday), then 09, 10, 13, 14, 15, 16, 17, 20, 21 January → 21.01.2025.
  assert.is(t.term(newYear, 'credentials')?.lastDay, '2025-01-21');
  t.clock.at = local('2025-10-31 10:00');
  const november = await t.walk(await t.submit(access), ['REGISTER']);
  // From 31.10.2025: 01.11 (worked Saturday), 05, 06, 07, 10, 11, 12, 13, 14, 17 → 17.11.
  assert.is(t.term(november, 'credentials')?.lastDay, '2025-11-17');
});

terms.run();

const grant = suite('diary-access: granting');

grant('credentials issued as a one-time code, stored hashed; access active', async () => {
  const t = await setup(local('2025-09-15 10:00'));
  let application = await t.walk(await t.submit(access), ['REGISTER', 'CHECK_DOCUMENTS', 'DECIDE']);
  assert.is(application.state, 'granting');
  assert.is(application.epguStatus, 'Промежуточные результаты');
  application = await t.walk(application, ['ISSUE_CREDENTIALS']);
  assert.is(application.state, 'access.active');
  assert.is(application.epguStatus, 'Услуга оказана');
  assert.is(application.status, 'open');
  assert.ok(application.terms.every((term) => term.metAt !== null && !term.overdue));
  const notices = await t.ports.notifier.list(application.id);
  const sealed = notices.find((notice) => notice.template === 'accessCode')!;
  assert.not.match(sealed.html, '<code>', 'the notice as stored leaves the code out');
  const code = /<code>([^<]+)<\/code>/.exec((await t.ports.notifier.reveal(sealed.id, { id: 'parent-1', role: 'applicant' }))!.html)![1]!;
  const stored = JSON.stringify(await t.store.getRecord('access', application.id));
  assert.not.ok(stored.includes(code.split('-')[1]!), 'only a hash of the secret is kept');
  const redeemed = await t.ports.access.redeem(code);
  assert.equal([redeemed?.applicant, redeemed?.pupil], ['parent-1', 'pupil-1']);
  assert.is(await t.ports.access.redeem(code), null, 'one-time');
  assert.match(notices.find((notice) => notice.template === 'ediaryAccessGranted')!.html, 'и того учащегося, чьим родителем (законным представителем) является заявитель');
});

grant('intake refusal when the consent for the parent or the child is missing', async () => {
  const t = await setup(local('2025-09-15 10:00'));
  let application = await t.submit({ ...access, data: { information: 'diary', consent: { parent: true } } });
  application = await t.walk(application, ['REGISTER', 'CHECK_DOCUMENTS']);
  assert.is(application.state, 'intakeRefused');
  const notice = (await t.ports.notifier.list(application.id)).find((item) => item.template === 'ediaryIntakeRefusal')!;
  assert.match(notice.html, 'нет согласия родителя (законного представителя) на размещение персональных данных ребёнка в Системе');
  assert.not.match(notice.html, 'его персональных данных');
  assert.is(await t.ports.access.get(application.id), null);
});

grant('ground 3: not the representative per the roster, or the child is not a pupil here; no access ever', async () => {
  const t = await setup(local('2025-09-15 10:00'));
  const stranger = await t.walk(await t.submit({ ...access, applicant: 'parent-2' }), ['REGISTER', 'CHECK_DOCUMENTS', 'DECIDE']);
  assert.is(stranger.state, 'refused');
  const refusal = (await t.ports.notifier.list(stranger.id)).find((item) => item.template === 'ediaryRefusal')!;
  assert.match(refusal.html, 'основание 3');
  assert.match(refusal.html, 'заявитель не является родителем (законным представителем) учащегося');
  assert.equal(stranger.allowedEvents, ['REOPEN']);
  assert.is(await t.ports.access.get(stranger.id), null);
  await t.ports.roster.importJson({ pupils: [{ id: 'pupil-1', school: 'school-1', status: 'graduated' }] });
  const graduate = await t.walk(await t.submit(access), ['REGISTER', 'CHECK_DOCUMENTS', 'DECIDE']);
  assert.equal((await t.engine.history(graduate.id)).at(-1)!.ruleResults.filter((rule) => rule.applies).map((rule) => rule.reasons), [['по данным общеобразовательной организации ребёнок не является её учащимся']]);
});

grant('a late clerk: reminder, overdue flag, found by overdueAt', async () => {
  const t = await setup(local('2025-10-31 10:00'));
  const application = await t.walk(await t.submit(access), ['REGISTER', 'CHECK_DOCUMENTS', 'DECIDE']);
  // Last day 17.11.2025 (Monday): the reminder at the start of 14.11, overdue at 18.11 00:00.
  assert.is(await t.advance(local('2025-11-14 00:00')), 1);
  assert.is(await t.advance(local('2025-11-18 00:00')), 1);
  t.clock.at = local('2025-11-18 09:00');
  const [found] = (await t.engine.list({ overdueAt: t.clock.at, service: 'diary-access' })).items;
  assert.is(found?.id, application.id);
  assert.ok(t.term(found!, 'credentials')?.overdue);
});

grant.run();

const end = suite('diary-access: termination grounds and destruction of personal data');

end('pupil transferred: access revoked, data destroyed the next day, within 30, with a record', async () => {
  const t = await setup(local('2025-09-15 10:00'));
  const application = await t.walk(await t.submit(access), toAccess);
  t.clock.at = local('2025-12-26 12:00');
  const change = await t.ports.roster.recordChange({ kind: 'transferred', pupil: 'pupil-1', school: 'school-2' });
  const signals = await t.engine.applyRosterChanges([change]);
  assert.equal(signals, [{ applicationId: application.id, event: 'PUPIL_TRANSFERRED', outcome: 'sent' }]);
  let ended = await t.engine.get(application.id);
  assert.is(ended.state, 'terminated');
  assert.ok((await t.ports.access.get(application.id))?.revokedAt);
  // 30 calendar days from 26.12.2025 is 25.01.2026, a Sunday → 26.01.2026 (Civil Code art. 193).
  assert.is(t.term(ended, 'destruction')?.lastDay, '2026-01-26');
  const notice = (await t.ports.notifier.list(application.id)).find((item) => item.template === 'ediaryAccessEnded')!;
  assert.match(notice.html, '«Основания для прекращения предоставления услуги», основание 3');
  assert.match(notice.html, 'ч. 4 и 5 ст. 21');
  // The destruction timer fires at the start of the next day (27.12.2025 is a Saturday: the 29th).
  assert.is(await t.advance(local('2025-12-28 23:00')), 0);
  assert.is(await t.advance(local('2025-12-29 00:00')), 1);
  ended = await t.engine.get(application.id);
  assert.is(ended.state, 'destroyed');
  assert.is(ended.status, 'closed');
  assert.ok(!t.term(ended, 'destruction')?.overdue);
  assert.is(await t.ports.access.get(application.id), null);
  const records = (await t.store.findRecords('destruction', { applicationId: application.id })).items;
  assert.is(records.length, 1);
  assert.equal((records[0]!.data as { destroyed: string[] }).destroyed, ['access']);
});

end('pupil graduated: ground 2; a pending application ends too, never granting access', async () => {
  const t = await setup(local('2026-05-20 10:00'));
  const active = await t.walk(await t.submit(access), toAccess);
  const pending = await t.walk(await t.submit(access), ['REGISTER', 'CHECK_DOCUMENTS']);
  t.clock.at = local('2026-06-25 10:00');
  const signals = await t.engine.applyRosterChanges([await t.ports.roster.recordChange({ kind: 'graduated', pupil: 'pupil-1', school: null })]);
  assert.is(signals.filter((signal) => signal.outcome === 'sent').length, 2);
  for (const id of [active.id, pending.id]) {
    const ended = await t.engine.get(id);
    assert.is(ended.state, 'terminated');
    const history = await t.engine.history(id);
    assert.equal(history.at(-1)!.ruleResults.filter((rule) => rule.applies).map((rule) => rule.id), ['pupilGraduated']);
  }
  assert.is(t.term(await t.engine.get(pending.id), 'credentials')?.metAt, t.clock.at);
  assert.not.ok((await t.engine.allowedEvents(pending.id)).includes('ISSUE_CREDENTIALS'));
});

end('the representation ended: only that applicant loses access', async () => {
  const t = await setup(local('2025-09-15 10:00'));
  await t.ports.roster.importJson({ representatives: [{ applicant: 'parent-3', pupil: 'pupil-1' }] });
  const mine = await t.walk(await t.submit(access), toAccess);
  const other = await t.walk(await t.submit({ ...access, applicant: 'parent-3' }), toAccess);
  const change = await t.ports.roster.recordChange({ kind: 'representativeRemoved', pupil: 'pupil-1', school: null, applicant: 'parent-3' });
  await t.engine.applyRosterChanges([change]);
  assert.is((await t.engine.get(mine.id)).state, 'access.active');
  assert.is((await t.engine.get(other.id)).state, 'terminated');
});

end.run();
