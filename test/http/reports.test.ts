import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { diaryAccess, file, send, startHarness, type Harness } from './harness.js';
import { journalCsv, journalJsonl } from './journal.js';

const ndjson = { 'content-type': 'application/x-ndjson' };
const csv = { 'content-type': 'text/csv; charset=utf-8' };

const quality = suite('POST /v1/reports/journal-quality');

let harness: Harness;
quality.before.each(async () => {
  harness = await startHarness('2025-04-29T05:00:00.000Z');
});
quality.after.each(async () => {
  await harness.close();
});

quality('JSON Lines: totals, a row per school/class/subject/teacher, rejected lines by number and field', async () => {
  const reply = await harness.call('POST', '/v1/reports/journal-quality', { as: 'department', body: journalJsonl(), headers: ndjson });
  assert.is(reply.status, 200, reply.text);
  const { totals, rows, import: imported } = reply.body;
  assert.equal(
    { records: totals.records, lateMarks: totals.lateMarks, lateInterimMarks: totals.lateInterimMarks, missingInDiary: totals.missingInDiary, shareOnTime: totals.shareOnTime },
    // Missing in the diary: the absence never shown, and the late mark and interim mark, shown only after their last day.
    { records: 4, lateMarks: 1, lateInterimMarks: 1, missingInDiary: 3, shareOnTime: 0.25 },
  );
  assert.equal(
    rows.map((row: Record<string, unknown>) => [row['school'], row['class'], row['subject'], row['teacher']]),
    [
      ['school-1', '5А', 'math', 't-1'],
      ['school-2', '6Б', 'russian', 't-2'],
    ],
  );
  assert.equal({ accepted: imported.accepted, rejected: imported.rejected }, { accepted: 4, rejected: 2 });
  assert.equal(imported.errors.map((error: { line: number; field: string | null }) => [error.line, error.field]), [[3, 'lessonDate'], [6, null]]);
  assert.not.match(reply.text, '2025-02-30', 'a rejected value is not repeated');
  assert.not.match(reply.text, 'p-secret');
  assert.equal(reply.body.asOf, '2025-04-29', 'asOf defaults to today in the school zone');
});

quality('CSV as Russian e-journals export it: the same report as the JSON Lines', async () => {
  const fromCsv = await harness.call('POST', '/v1/reports/journal-quality', { as: 'admin', body: journalCsv(), headers: csv });
  const fromJsonl = await harness.call('POST', '/v1/reports/journal-quality', { as: 'admin', body: journalJsonl(), headers: ndjson });
  assert.is(fromCsv.status, 200, fromCsv.text);
  assert.equal(fromCsv.body.rows, fromJsonl.body.rows);
  assert.equal(fromCsv.body.import, { format: 'csv', accepted: 4, rejected: 0, errors: [] });
});

quality('filters: from, to, school, asOf, by', async () => {
  const reply = await harness.call('POST', '/v1/reports/journal-quality?from=2025-03-01&to=2025-03-31&school=school-1&asOf=2025-03-05&by=school,teacher', { as: 'department', body: journalJsonl(), headers: ndjson });
  assert.is(reply.status, 200, reply.text);
  assert.equal(reply.body.filter, { from: '2025-03-01', to: '2025-03-31', school: 'school-1' });
  assert.equal(reply.body.groupBy, ['school', 'teacher']);
  assert.equal(reply.body.rows.map((row: Record<string, unknown>) => [row['school'], row['teacher'], row['class']]), [['school-1', 't-1', undefined]]);
  // On 5 March the 5-day terms of the 3 March lessons are still running: pending, not late.
  assert.equal({ records: reply.body.totals.records, pending: reply.body.totals.pending, lateMarks: reply.body.totals.lateMarks }, { records: 3, pending: 3, lateMarks: 0 });
});

quality('a clerk gets their own school only; another school is 403; an applicant sees no such route', async () => {
  const own = await harness.call('POST', '/v1/reports/journal-quality', { as: 'clerk2', body: journalJsonl(), headers: ndjson });
  assert.is(own.status, 200, own.text);
  assert.equal(own.body.rows.map((row: Record<string, unknown>) => row['school']), ['school-2']);
  const other = await harness.call('POST', '/v1/reports/journal-quality?school=school-1', { as: 'clerk2', body: journalJsonl(), headers: ndjson });
  assert.is(other.status, 403);
  assert.is(other.headers.get('content-type'), 'application/problem+json');
  const parent = await harness.call('POST', '/v1/reports/journal-quality', { as: 'parent1', body: journalJsonl(), headers: ndjson });
  assert.is(parent.status, 404);
  assert.is(parent.body.code, 'NOT_FOUND');
  const anonymous = await harness.call('POST', '/v1/reports/journal-quality', { body: journalJsonl(), headers: ndjson });
  assert.is(anonymous.status, 401);
});

quality('bad input is a problem naming the field: a bad date, an unknown parameter, a wrong media type', async () => {
  const badDate = await harness.call('POST', '/v1/reports/journal-quality?asOf=2025-02-30', { as: 'department', body: journalJsonl(), headers: ndjson });
  assert.is(badDate.status, 400);
  assert.is(badDate.body.errors[0].path, '/query/asOf');
  const unknown = await harness.call('POST', '/v1/reports/journal-quality?colour=red', { as: 'department', body: journalJsonl(), headers: ndjson });
  assert.is(unknown.status, 400);
  assert.is(unknown.body.errors[0].path, '/query/colour');
  const json = await harness.call('POST', '/v1/reports/journal-quality', { as: 'department', json: { records: [] } });
  assert.is(json.status, 415);
  assert.is(json.headers.get('content-type'), 'application/problem+json');
});

quality('a CSV without the needed columns is a 400 problem; an empty JSON Lines export is an empty report', async () => {
  const headless = await harness.call('POST', '/v1/reports/journal-quality', { as: 'department', body: 'foo;bar\n1;2\n', headers: csv });
  assert.is(headless.status, 400);
  assert.is(headless.body.code, 'INVALID_INPUT');
  assert.match(headless.body.detail, 'the header lacks columns');
  const empty = await harness.call('POST', '/v1/reports/journal-quality', { as: 'department', body: '', headers: ndjson });
  assert.is(empty.status, 200);
  assert.equal({ records: empty.body.totals.records, shareOnTime: empty.body.totals.shareOnTime, rows: empty.body.rows }, { records: 0, shareOnTime: null, rows: [] });
});

quality('a journal export larger than the API body limit is read (its own limit), one larger than that is 413', async () => {
  const line = `${JSON.stringify({ school: 'school-1', class: '5А', subject: 'math', teacher: 't-1', pupil: 'p-1', lessonDate: '2025-03-03', kind: 'mark', enteredAt: '2025-03-04', visibleInDiaryAt: '2025-03-04' })}\n`;
  const big = line.repeat(Math.ceil(200_000 / line.length));
  const reply = await harness.call('POST', '/v1/reports/journal-quality', { as: 'department', body: big, headers: ndjson });
  assert.is(reply.status, 200, reply.text.slice(0, 200));
  assert.is(reply.body.totals.records, Math.ceil(200_000 / line.length));
  assert.is(reply.body.totals.shareOnTime, 1);
});

quality.run();

const stats = suite('GET /v1/reports/service-stats');

stats.before.each(async () => {
  harness = await startHarness('2025-04-29T05:00:00.000Z');
});
stats.after.each(async () => {
  await harness.close();
});

async function registeredApplication(who: 'clerk1' | 'clerk2', application: Record<string, unknown>) {
  const filed = await file(harness, who, application);
  assert.is(filed.status, 201, filed.text);
  const registered = await send(harness, who, filed.body.id, { type: 'REGISTER' }, 1);
  assert.is(registered.status, 200, registered.text);
  return filed.body.id as string;
}

stats('counts the store: applications by service and state, decision terms, appeals', async () => {
  await registeredApplication('clerk1', diaryAccess());
  await registeredApplication('clerk2', diaryAccess({ applicant: 'parent-3', pupil: 'pupil-4', school: 'school-2' }));
  const reply = await harness.call('GET', '/v1/reports/service-stats', { as: 'department' });
  assert.is(reply.status, 200, reply.text);
  assert.is(reply.body.report, 'service-statistics');
  assert.is(reply.body.asOf, '2025-04-29T05:00:00.000Z');
  const diary = reply.body.services.find((row: { service: string }) => row.service === 'diary-access');
  assert.is(diary.applications, 2);
  assert.is(diary.open, 2);
  assert.is(reply.body.totals.applications, 2);
  assert.ok(Array.isArray(reply.body.decisionTerms['diary-access']));
  assert.is(reply.body.appeals.appeals, 0);
});

stats('filters by school, service and the local date of receipt; a clerk is held to their school', async () => {
  await registeredApplication('clerk1', diaryAccess());
  harness.clock.set('2025-05-06T05:00:00.000Z');
  await registeredApplication('clerk2', diaryAccess({ applicant: 'parent-3', pupil: 'pupil-4', school: 'school-2' }));
  const count = async (query: string, who: 'department' | 'clerk1' | 'clerk2' = 'department') => {
    const reply = await harness.call('GET', `/v1/reports/service-stats${query}`, { as: who });
    assert.is(reply.status, 200, reply.text);
    return reply.body.totals.applications as number;
  };
  assert.is(await count(''), 2);
  assert.is(await count('?school=school-2'), 1);
  assert.is(await count('?service=diary-access'), 2);
  assert.is(await count('?service=journal-extract'), 0);
  assert.is(await count('?from=2025-05-01'), 1);
  assert.is(await count('?to=2025-04-29'), 1);
  assert.is(await count('?from=2025-04-30&to=2025-05-05'), 0);
  assert.is(await count('', 'clerk1'), 1);
  assert.is((await harness.call('GET', '/v1/reports/service-stats?school=school-2', { as: 'clerk1' })).status, 403);
});

stats('an applicant sees no such route; bad dates are problems naming the field', async () => {
  const parent = await harness.call('GET', '/v1/reports/service-stats', { as: 'parent1' });
  assert.is(parent.status, 404);
  const bad = await harness.call('GET', '/v1/reports/service-stats?from=2025-13-01', { as: 'department' });
  assert.is(bad.status, 400);
  assert.is(bad.body.errors[0].path, '/query/from');
  assert.is(bad.headers.get('content-type'), 'application/problem+json');
});

stats.run();

const adminUpload = suite('the admin upload through the service');

adminUpload.before.each(async () => {
  harness = await startHarness('2025-04-29T05:00:00.000Z');
});
adminUpload.after.each(async () => {
  await harness.close();
});

adminUpload('a journal upload to /admin/quality larger than the API body limit is read whole', async () => {
  const line = `${JSON.stringify({ school: 'school-1', class: '5А', subject: 'math', teacher: 't-1', pupil: 'p-1', lessonDate: '2025-03-03', kind: 'mark', enteredAt: '2025-03-04', visibleInDiaryAt: '2025-03-04' })}\n`;
  const count = Math.ceil(200_000 / line.length);
  const form = new FormData();
  form.append('asOf', '2025-04-29');
  form.append('journal', new Blob([line.repeat(count)], { type: 'application/x-ndjson' }), 'journal.jsonl');
  const response = await harness.service.app.request('/admin/quality', { method: 'POST', body: form, headers: { cookie: `reglament_admin=${harness.tokens.department}`, origin: 'http://localhost' } });
  assert.is(response.status, 200);
  assert.match(await response.text(), `Прочитаны все строки выгрузки: ${count}.`);
});

adminUpload.run();
