import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { diaryAccess, file, principals, send, startHarness, type Harness, type Who } from './harness.js';

const access = suite('access by role: every role against every other role’s data');

let harness: Harness;
let family1: string;
let family3: string;
const everyone = Object.keys(principals) as Who[];

/** Who may see each application: its parent, its school's clerk, the department, admins. */
const sees: Record<string, Who[]> = {};

access.before.each(async () => {
  harness = await startHarness();
  family1 = (await file(harness, 'parent1', diaryAccess())).body.id;
  family3 = (await file(harness, 'parent3', diaryAccess({ applicant: 'parent-3', pupil: 'pupil-4', school: 'school-2' }))).body.id;
  sees[family1] = ['parent1', 'clerk1', 'department', 'admin'];
  sees[family3] = ['parent3', 'clerk2', 'department', 'admin'];
});
access.after.each(async () => {
  await harness.close();
});

access('reading an application: its own people see it, everyone else gets 404 (never 403)', async () => {
  for (const id of [family1, family3]) {
    for (const who of everyone) {
      for (const path of [`/v1/applications/${id}`, `/v1/applications/${id}/notices`, `/v1/applications/${id}/documents`]) {
        const reply = await harness.call('GET', path, { as: who });
        if (sees[id]!.includes(who)) assert.is(reply.status, 200, `${who} ${path}`);
        else {
          assert.is(reply.status, 404, `${who} ${path}`);
          assert.is(reply.body.code, 'APPLICATION_NOT_FOUND');
          assert.not.match(reply.text, /parent-|pupil-/, 'a 404 names nobody');
        }
      }
    }
  }
  const missing = await harness.call('GET', '/v1/applications/no-such-id', { as: 'parent1' });
  assert.equal([missing.status, missing.body.code], [404, 'APPLICATION_NOT_FOUND'], 'absent and foreign look the same');
});

access('listing: each role sees exactly what it may', async () => {
  for (const who of everyone) {
    const reply = await harness.call('GET', '/v1/applications', { as: who });
    assert.is(reply.status, 200, who);
    const ids = reply.body.items.map((item: { id: string }) => item.id).sort();
    const expected = [family1, family3].filter((id) => sees[id]!.includes(who)).sort();
    assert.equal(ids, expected, who);
  }
  assert.equal((await harness.call('GET', '/v1/applications?school=school-2', { as: 'clerk1' })).body.items, [], "a clerk asking for another school's gets nothing");
  assert.equal((await harness.call('GET', '/v1/applications?pupil=pupil-4', { as: 'parent1' })).body.items, [], "a parent asking for another family's pupil gets nothing");
});

access('sending events: only the roles the workflow names, only on visible applications', async () => {
  for (const who of everyone) {
    const reply = await send(harness, who, family1, { type: 'REGISTER' }, 1);
    if (!sees[family1]!.includes(who)) assert.is(reply.status, 404, who);
    else if (who === 'clerk1') assert.is(reply.status, 200, who);
    else if (who === 'admin') assert.ok(reply.status === 409 || reply.status === 200, who);
    else assert.is(reply.status, 403, `${who}: ${reply.text}`);
  }
  const read = await harness.call('GET', `/v1/applications/${family1}`, { as: 'admin' });
  assert.is(read.body.history.length, 2, 'exactly one REGISTER went through');
  assert.is((await harness.call('GET', `/v1/applications/${family3}`, { as: 'admin' })).body.version, 1, 'nothing reached the other family');
});

access('filing: a parent in their own name, a clerk for their school, the department never', async () => {
  const cases: [Who, Record<string, unknown>, number][] = [
    ['parent1', diaryAccess(), 201],
    ['parent1', diaryAccess({ applicant: 'parent-2' }), 403],
    ['clerk1', diaryAccess(), 201],
    ['clerk1', diaryAccess({ school: 'school-2', pupil: 'pupil-4', applicant: 'parent-3' }), 403],
    ['department', diaryAccess(), 403],
    ['admin', diaryAccess({ school: 'school-2', pupil: 'pupil-4', applicant: 'parent-3' }), 201],
  ];
  for (const [who, application, status] of cases) {
    const reply = await file(harness, who, application);
    assert.is(reply.status, status, `${who}: ${reply.text}`);
    if (status === 403) assert.is(reply.body.code, 'FORBIDDEN');
  }
});

access('filing checks receipt times and links: nobody reaches into another family’s application', async () => {
  const early = await file(harness, 'parent1', diaryAccess({ receivedAt: '2025-04-01T05:00:00.000Z' }));
  assert.equal([early.status, early.body.errors?.[0]?.path], [403, '/receivedAt'], 'a parent does not backdate');
  const future = await file(harness, 'clerk1', diaryAccess({ receivedAt: '2025-05-29T05:00:00.000Z' }));
  assert.equal([future.status, future.body.errors?.[0]?.path], [400, '/receivedAt']);
  const paper = await file(harness, 'clerk1', diaryAccess({ channel: 'mail', receivedAt: '2025-04-28T05:00:00.000Z' }));
  assert.is(paper.status, 201, 'a clerk records when a paper application arrived');
  assert.is(paper.body.receivedAt, '2025-04-28T05:00:00.000Z');
  const appeal = { service: 'appeal', applicant: 'parent-1', pupil: 'pupil-1', school: 'school-1', channel: 'epgu', documents: ['complaint'], data: { subject: 'refusal' } };
  const foreign = await file(harness, 'parent1', { ...appeal, links: [{ applicationId: family3, relation: 'appeals' }] });
  assert.equal([foreign.status, foreign.body.errors?.[0]?.path], [400, '/links/0/applicationId']);
  const own = await file(harness, 'parent1', { ...appeal, links: [{ applicationId: family1, relation: 'appeals' }] });
  assert.is(own.status, 201, own.text);
  assert.is(await harness.service.store.countApplications({ service: 'appeal' }), 1);
});

access("a parent who is not the pupil's representative is refused under ground 3 and never sees the pupil's data", async () => {
  const filed = (await file(harness, 'parent4', { service: 'journal-extract', applicant: 'parent-4', pupil: 'pupil-1', school: 'school-1', channel: 'personal', documents: ['application', 'identity'], data: { information: 'currentProgress' } })).body;
  let version = 1;
  for (const type of ['REGISTER', 'CHECK_DOCUMENTS', 'DECIDE']) version = (await send(harness, 'clerk1', filed.id, { type }, version)).body.version;
  const read = await harness.call('GET', `/v1/applications/${filed.id}`, { as: 'parent4' });
  assert.is(read.body.state, 'refused');
  const decision = read.body.history.at(-1);
  const ground = decision.ruleResults.find((result: { id: string; applies: boolean }) => result.id === 'notRepresentative');
  assert.ok(ground.applies);
  assert.type(ground.citation, 'string');
  assert.not.ok(JSON.stringify(read.body).includes('Математика'), 'no journal line of the pupil anywhere');
  const notices = await harness.call('GET', `/v1/applications/${filed.id}/notices`, { as: 'parent4' });
  const refusal = notices.body.items.find((notice: { template: string }) => notice.template === 'ediaryRefusal');
  assert.ok(refusal.html.includes(ground.citation.slice(0, 20)), 'the refusal notice cites the ground');
});

access('a journal extract reaches its parent only while the roster names them the representative', async () => {
  const filed = (await file(harness, 'parent1', { service: 'journal-extract', applicant: 'parent-1', pupil: 'pupil-1', school: 'school-1', channel: 'personal', documents: ['application', 'identity'], data: { information: 'currentProgress' } })).body;
  let version = 1;
  for (const type of ['REGISTER', 'CHECK_DOCUMENTS', 'DECIDE', 'ISSUE']) {
    const reply = await send(harness, 'clerk1', filed.id, { type }, version);
    assert.is(reply.status, 200, `${type}: ${reply.text}`);
    version = reply.body.version;
  }
  const documents = await harness.call('GET', `/v1/applications/${filed.id}/documents`, { as: 'parent1' });
  const result = documents.body.items.find((item: { template: string }) => item.template === 'ediaryResult');
  assert.ok(result, JSON.stringify(documents.body));
  const html = await harness.call('GET', result.html, { as: 'parent1' });
  assert.is(html.status, 200);
  assert.match(html.text, /Математика|Русский язык|Литература/, 'the extract shows the journal');
  assert.is((await harness.call('GET', result.html, { as: 'parent3' })).status, 404);
  await harness.service.ports.roster.recordChange({ kind: 'representativeRemoved', pupil: 'pupil-1', school: 'school-1', applicant: 'parent-1' });
  assert.is((await harness.call('GET', result.html, { as: 'parent1' })).status, 404, 'representation ended: the extract is gone for them');
  const notices = await harness.call('GET', `/v1/applications/${filed.id}/notices`, { as: 'parent1' });
  assert.is(notices.body.items.find((notice: { template: string }) => notice.template === 'ediaryResult').html, null);
  assert.is((await harness.call('GET', result.html, { as: 'clerk1' })).status, 200, 'the school still has its record');
});

access('staff reads are audited (who, what, when); parents reading their own are not', async () => {
  await harness.call('GET', `/v1/applications/${family1}`, { as: 'parent1' });
  harness.clock.set('2025-04-29T06:00:00.000Z');
  await harness.call('GET', `/v1/applications/${family1}`, { as: 'clerk1' });
  await harness.call('GET', '/v1/applications', { as: 'department' });
  const audit = await harness.call('GET', `/v1/audit?applicationId=${family1}`, { as: 'admin' });
  assert.is(audit.status, 200);
  assert.equal(audit.body.items.map((entry: { actor: { id: string }; action: string; at: string }) => [entry.actor.id, entry.action, entry.at]), [['clerk-1', 'application.read', '2025-04-29T06:00:00.000Z']]);
  const byDepartment = await harness.call('GET', '/v1/audit?actor=department-1', { as: 'admin' });
  assert.is(byDepartment.body.items[0].action, 'application.list');
  assert.equal(byDepartment.body.items[0].details.applicationIds.sort(), [family1, family3].sort());
  await harness.call('GET', `/v1/applications/${family3}/documents`, { as: 'clerk2' });
  const documents = await harness.call('GET', `/v1/audit?applicationId=${family3}`, { as: 'admin' });
  assert.equal(documents.body.items.map((entry: { actor: { id: string }; action: string }) => [entry.actor.id, entry.action]), [['clerk-2', 'document.list']]);
  for (const who of ['parent1', 'clerk1', 'department'] as Who[]) assert.is((await harness.call('GET', '/v1/audit', { as: who })).status, 403, who);
});

access('roster import: admins and clerks of their own school; graduation ends e-diary access', async () => {
  let version = 1;
  for (const type of ['REGISTER', 'CHECK_DOCUMENTS', 'DECIDE', 'ISSUE_CREDENTIALS']) version = (await send(harness, 'clerk1', family1, { type }, version)).body.version;
  assert.is((await harness.call('POST', '/v1/roster', { as: 'parent1', json: { pupils: [] } })).status, 403);
  assert.is((await harness.call('POST', '/v1/roster', { as: 'department', json: { pupils: [] } })).status, 403);
  const foreign = await harness.call('POST', '/v1/roster', { as: 'clerk2', json: { pupils: [{ id: 'pupil-1', school: 'school-1', status: 'graduated' }] } });
  assert.is(foreign.status, 403);
  assert.is(foreign.body.errors[0].path, '/pupils/0/school');
  const steal = await harness.call('POST', '/v1/roster', { as: 'clerk2', json: { representatives: [{ applicant: 'parent-3', pupil: 'pupil-1' }] } });
  assert.is(steal.status, 403, 'a clerk cannot make anyone the representative of another school’s pupil');
  const csv = 'school,pupil,grade,status,applicant\nschool-1,pupil-1,11А,graduated,parent-1\nschool-1,pupil-9,1А,,parent-2\n';
  const imported = await harness.call('POST', '/v1/roster', { as: 'clerk1', body: csv, headers: { 'content-type': 'text/csv' } });
  assert.is(imported.status, 200, imported.text);
  assert.equal(imported.body.imported, { schools: 1, pupils: 2, representatives: 2 });
  assert.equal(imported.body.changes.map((change: { kind: string; pupil: string }) => [change.kind, change.pupil]), [['graduated', 'pupil-1']]);
  assert.equal(imported.body.signals.map((signal: { applicationId: string; outcome: string }) => [signal.applicationId, signal.outcome]), [[family1, 'sent']]);
  assert.is((await harness.call('GET', `/v1/applications/${family1}`, { as: 'parent1' })).body.state, 'terminated');
  const byAdmin = await harness.call('POST', '/v1/roster', { as: 'admin', json: { schools: [{ id: 'school-3' }], pupils: [{ id: 'pupil-30', school: 'school-3' }] } });
  assert.is(byAdmin.status, 200);
});

access.run();
