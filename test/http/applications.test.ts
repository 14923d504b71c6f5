import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { diaryAccess, file, send, startHarness, type Harness } from './harness.js';

const applications = suite('applications API: file, read, list, events');

let harness: Harness;
applications.before.each(async () => {
  harness = await startHarness('2025-04-29T05:00:00.000Z');
});
applications.after.each(async () => {
  await harness.close();
});

applications('files an application: 201 with state, version, ЕПГУ status and terms', async () => {
  const reply = await file(harness, 'parent1', diaryAccess());
  assert.is(reply.status, 201, reply.text);
  const body = reply.body;
  assert.is(body.service, 'diary-access');
  assert.is(body.state, 'received');
  assert.is(body.version, 1);
  assert.type(body.epguStatus, 'string');
  assert.ok(body.epguStatus.length > 0);
  const registration = body.terms.find((term: { name: string }) => term.name === 'registration');
  // Received Tuesday 2025-04-29 at 10:00 local: registered by the next working day, Wednesday.
  assert.equal({ lastDay: registration.lastDay, dueAt: registration.dueAt, provisional: registration.provisional, overdue: registration.overdue }, { lastDay: '2025-04-30', dueAt: '2025-04-30T19:00:00.000Z', provisional: false, overdue: false });
  assert.is(reply.headers.get('location'), `/v1/applications/${body.id}`);
  assert.is(reply.headers.get('etag'), '"1"');
  assert.equal(body.allowedEvents, [], 'a parent may send none of the clerk events');
});

applications('honours Idempotency-Key: a retry returns the first application and files nothing', async () => {
  const first = await harness.call('POST', '/v1/applications', { as: 'parent1', json: diaryAccess(), headers: { 'idempotency-key': 'form-42' } });
  const again = await harness.call('POST', '/v1/applications', { as: 'parent1', json: diaryAccess(), headers: { 'idempotency-key': 'form-42' } });
  assert.is(first.status, 201);
  assert.is(again.status, 201);
  assert.is(again.body.id, first.body.id);
  const other = await harness.call('POST', '/v1/applications', { as: 'parent3', json: diaryAccess({ applicant: 'parent-3', pupil: 'pupil-4', school: 'school-2' }), headers: { 'idempotency-key': 'form-42' } });
  assert.is.not(other.body.id, first.body.id, "one caller's key never replays another caller's result");
  const list = await harness.call('GET', '/v1/applications', { as: 'admin' });
  assert.is(list.body.items.length, 2);
});

applications('carries an e-diary access application to credentials issued', async () => {
  const filed = (await file(harness, 'parent1', diaryAccess())).body;
  let version = filed.version;
  for (const type of ['REGISTER', 'CHECK_DOCUMENTS', 'DECIDE', 'ISSUE_CREDENTIALS']) {
    const reply = await send(harness, 'clerk1', filed.id, { type }, version);
    assert.is(reply.status, 200, `${type}: ${reply.text}`);
    assert.is(reply.body.version, version + 1);
    assert.is(reply.headers.get('etag'), `"${version + 1}"`);
    version = reply.body.version;
  }
  const read = await harness.call('GET', `/v1/applications/${filed.id}`, { as: 'parent1' });
  assert.is(read.status, 200);
  assert.is(read.body.state, 'access.active');
  assert.equal(read.body.history.map((entry: { event: { type: string } }) => entry.event.type), ['submit', 'REGISTER', 'CHECK_DOCUMENTS', 'DECIDE', 'ISSUE_CREDENTIALS']);
  assert.ok(read.body.history.every((entry: { actor: { id: string } }) => typeof entry.actor.id === 'string'));
  const credentials = read.body.terms.find((term: { name: string }) => term.name === 'credentials');
  assert.ok(credentials.metAt, 'the credentials term is met');
  const templates = read.body.notices.map((notice: { template: string }) => notice.template);
  assert.ok(templates.includes('accessCode'), JSON.stringify(templates));
  assert.not.ok('html' in read.body.notices[0], 'the detail lists notices without their HTML');
  const parentNotices = await harness.call('GET', `/v1/applications/${filed.id}/notices`, { as: 'parent1' });
  const code = parentNotices.body.items.find((notice: { template: string }) => notice.template === 'accessCode');
  assert.is(code.sealed, true, 'the code waits, sealed, to be shown once');
  assert.not.match(code.html, '<code>', 'listing never shows (nor uses up) the code');
  const clerkNotices = await harness.call('GET', `/v1/applications/${filed.id}/notices`, { as: 'clerk1' });
  assert.is(clerkNotices.body.items.find((notice: { template: string }) => notice.template === 'accessCode').html, null, 'staff never read it in the listing');
  const document = `/v1/applications/${filed.id}/documents/${encodeURIComponent(code.id)}.html`;
  assert.is((await harness.call('GET', document, { as: 'department' })).text.includes('<code>'), false, 'supervising staff never open it');
  const opened = await harness.call('GET', document, { as: 'parent1' });
  assert.is(opened.status, 200);
  assert.match(opened.text, /<code>[^<]+<\/code>/, 'the parent opens the one-time code');
  const again = await harness.call('GET', document, { as: 'parent1' });
  assert.not.match(again.text, '<code>', 'shown once');
  assert.match(again.text, /Код доступа выдан \d\d\.\d\d\.\d{4}/);
  const listedAfter = (await harness.call('GET', `/v1/applications/${filed.id}/notices`, { as: 'parent1' })).body.items.find((notice: { id: string }) => notice.id === code.id);
  assert.is(listedAfter.sealed, undefined);
});

applications('answers 409 on a stale If-Match and writes nothing', async () => {
  const filed = (await file(harness, 'parent1', diaryAccess())).body;
  assert.is((await send(harness, 'clerk1', filed.id, { type: 'REGISTER' }, 1)).status, 200);
  const stale = await send(harness, 'clerk1', filed.id, { type: 'CHECK_DOCUMENTS' }, 1);
  assert.is(stale.status, 409);
  assert.is(stale.body.code, 'VERSION_CONFLICT');
  assert.is(stale.headers.get('content-type'), 'application/problem+json');
  const read = await harness.call('GET', `/v1/applications/${filed.id}`, { as: 'clerk1' });
  assert.is(read.body.version, 2);
  assert.is(read.body.history.length, 2);
});

applications('answers 422 with the allowed events when the state does not take the event', async () => {
  const filed = (await file(harness, 'parent1', diaryAccess())).body;
  const reply = await send(harness, 'clerk1', filed.id, { type: 'ISSUE_CREDENTIALS' }, 1);
  assert.is(reply.status, 422);
  assert.is(reply.body.code, 'EVENT_NOT_ALLOWED');
  assert.equal(reply.body.allowedEvents, ['REGISTER']);
  assert.is(reply.body.errors[0].path, '/type');
  const unknown = await send(harness, 'clerk1', filed.id, { type: 'TELEPORT' }, 1);
  assert.is(unknown.status, 400, 'an event no workflow knows fails the schema');
  assert.is(unknown.body.errors[0].path, '/type');
  const otherService = await send(harness, 'clerk1', filed.id, { type: 'SATISFY' }, 1);
  assert.is(otherService.status, 422, "an appeal's event is not diary-access's");
  assert.equal(otherService.body.allowedEvents, ['REGISTER']);
  const timer = await send(harness, 'admin', filed.id, { type: 'term.overdue', term: 'registration' }, 1);
  assert.ok(timer.status === 400 || timer.status === 422, 'nobody sends the scheduler its own events');
  assert.is((await harness.call('GET', `/v1/applications/${filed.id}`, { as: 'clerk1' })).body.version, 1);
});

applications('requires If-Match on events: 428 when missing, 400 when malformed', async () => {
  const filed = (await file(harness, 'parent1', diaryAccess())).body;
  const missing = await harness.call('POST', `/v1/applications/${filed.id}/events`, { as: 'clerk1', json: { type: 'REGISTER' } });
  assert.is(missing.status, 428);
  assert.is(missing.headers.get('content-type'), 'application/problem+json');
  for (const header of ['1', 'W/"1"', '"one"', '"0"']) {
    const bad = await harness.call('POST', `/v1/applications/${filed.id}/events`, { as: 'clerk1', json: { type: 'REGISTER' }, headers: { 'if-match': header } });
    assert.is(bad.status, 400, header);
    assert.is(bad.body.errors[0].path, '/headers/if-match');
  }
});

applications('lists with filters, overdue flags and pages', async () => {
  const a = (await file(harness, 'parent1', diaryAccess())).body;
  const b = (await file(harness, 'parent1', diaryAccess({ pupil: 'pupil-2' }))).body;
  const c = (await file(harness, 'parent3', diaryAccess({ applicant: 'parent-3', pupil: 'pupil-4', school: 'school-2' }))).body;
  await send(harness, 'clerk1', a.id, { type: 'REGISTER' }, 1);
  const ids = async (query: string) => (await harness.call('GET', `/v1/applications${query}`, { as: 'admin' })).body.items.map((item: { id: string }) => item.id).sort();
  assert.equal(await ids('?state=received'), [b.id, c.id].sort());
  assert.equal(await ids('?state=registered'), [a.id]);
  assert.equal(await ids('?school=school-2'), [c.id]);
  assert.equal(await ids('?service=diary-access&pupil=pupil-2'), [b.id]);
  assert.equal(await ids('?overdue=true'), []);
  // Past the registration term (2025-04-30 24:00 local) b and c are overdue; a was registered.
  harness.clock.set('2025-05-06T05:00:00.000Z');
  assert.equal(await ids('?overdue=true'), [b.id, c.id].sort());
  const overdue = (await harness.call('GET', `/v1/applications/${b.id}`, { as: 'admin' })).body;
  assert.is(overdue.terms.find((term: { name: string }) => term.name === 'registration').overdue, true);
  const first = await harness.call('GET', '/v1/applications?limit=2', { as: 'admin' });
  assert.is(first.body.items.length, 2);
  assert.type(first.body.nextCursor, 'string');
  const second = await harness.call('GET', `/v1/applications?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`, { as: 'admin' });
  assert.is(second.body.items.length, 1);
  assert.is(second.body.nextCursor, null);
  assert.equal([...first.body.items, ...second.body.items].map((item: { id: string }) => item.id).sort(), [a.id, b.id, c.id].sort());
  const badCursor = await harness.call('GET', '/v1/applications?cursor=nonsense', { as: 'admin' });
  assert.is(badCursor.status, 400);
  assert.is(badCursor.body.errors[0].path, '/query/cursor');
});

applications('counts applications by state and overdue ones in /metrics', async () => {
  await file(harness, 'parent1', diaryAccess());
  await file(harness, 'parent1', diaryAccess({ pupil: 'pupil-2' }));
  harness.clock.set('2025-05-06T05:00:00.000Z');
  const text = (await harness.call('GET', '/metrics')).text;
  assert.match(text, /reglament_applications\{service="diary-access",state="received"\} 2/);
  assert.match(text, /reglament_applications\{service="journal-extract",state="received"\} 0/);
  assert.match(text, /reglament_applications_overdue\{service="diary-access"\} 2/);
  assert.match(text, /reglament_http_requests_total\{method="POST",route="\/v1\/applications",status="201"\} 2/);
});

applications('tells a parent who they are and which children the roster gives them', async () => {
  const me = await harness.call('GET', '/v1/me', { as: 'parent1' });
  assert.is(me.status, 200);
  assert.equal(me.body.children.map((child: { pupil: string }) => child.pupil).sort(), ['pupil-1', 'pupil-2']);
  assert.equal((await harness.call('GET', '/v1/me', { as: 'parent4' })).body.children, []);
  assert.equal((await harness.call('GET', '/v1/me', { as: 'clerk1' })).body, { sub: 'clerk-1', role: 'clerk', school: 'school-1' });
});

applications.run();
