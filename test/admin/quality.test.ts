import { Hono } from 'hono';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createAdminApp } from '../../src/admin/app.js';
import { journalCsv, journalJsonl } from '../http/journal.js';
import { setupAdmin } from './fixture.js';

const quality = suite('admin: /admin/quality, the journal quality page');

type Admin = Awaited<ReturnType<typeof setupAdmin>>;
let admin: Admin;
quality.before(async () => {
  admin = await setupAdmin();
});

/** Posts the upload form the way a browser does (multipart, same origin). */
function upload(as: keyof Admin['tokens'], fields: Record<string, string>, file: { name: string; type: string; text: string } | null) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (file) form.append('journal', new Blob([file.text], { type: file.type }), file.name);
  return admin.app.request('/admin/quality', { method: 'POST', body: form, headers: { cookie: `reglament_admin=${admin.tokens[as]}`, origin: 'http://localhost' } });
}

/** The cells of the table rows, as text. */
function rows(html: string): string[][] {
  const table = html.slice(html.indexOf('<table>'), html.indexOf('</table>'));
  return [...table.matchAll(/<tr[^>]*>(.*?)<\/tr>/gs)].map((row) => [...row[1]!.matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/gs)].map((cell) => cell[1]!.replace(/<[^>]+>/g, '').trim()));
}

quality('the empty page has the upload form, in Russian, and the nav links it', async () => {
  const response = await admin.get('/admin/quality');
  assert.is(response.status, 200);
  const html = await response.text();
  assert.match(html, 'Качество ведения электронного журнала');
  assert.match(html, 'enctype="multipart/form-data"');
  assert.match(html, 'name="journal"');
  assert.match(html, 'href="/admin/quality" aria-current="page"');
  assert.match(html, 'href="/admin/stats"');
});

quality('a CSV upload shows the report per school, class, subject and teacher with the share coloured', async () => {
  const response = await upload('department', { from: '', to: '', asOf: '2025-04-29', school: '' }, { name: 'журнал.csv', type: 'text/csv', text: journalCsv() });
  assert.is(response.status, 200);
  const html = await response.text();
  const table = rows(html);
  assert.equal(table[0], ['Школа', 'Класс', 'Предмет', 'Учитель', 'Записей', 'Отметки с опозданием', 'Аттестация с опозданием', 'Нет в дневнике', 'Срок не истёк', 'Доля в срок']);
  assert.equal(table[1], ['school-1', '5А', 'math', 't-1', '3', '1', '0', '2', '0', '33,3 %']);
  assert.equal(table[2], ['school-2', '6Б', 'russian', 't-2', '1', '0', '1', '1', '0', '0 %']);
  assert.equal(table[3], ['Итого', '4', '1', '1', '3', '0', '25 %']);
  assert.match(html, '<span class="badge bad">33,3 %</span>');
  assert.match(html, 'Прочитаны все строки выгрузки: 4.');
});

quality('a JSON Lines upload lists the rejected lines by number and field, never their values', async () => {
  const response = await upload('admin', { asOf: '2025-04-29' }, { name: 'journal.jsonl', type: 'application/x-ndjson', text: journalJsonl() });
  assert.is(response.status, 200);
  const html = await response.text();
  assert.match(html, 'отклонено 2 строки');
  assert.match(html, '<td class="num">3</td><td class="mono">lessonDate</td>');
  assert.not.match(html, '2025-02-30');
  assert.not.match(html, 'p-secret');
});

quality('a clerk sees their own school only, and is told so when asking for another', async () => {
  const own = await upload('clerk2', { asOf: '2025-04-29' }, { name: 'journal.csv', type: 'text/csv', text: journalCsv() });
  assert.is(own.status, 200);
  const table = rows(await own.text());
  assert.equal(table.slice(1, -1).map((row) => row[0]), ['school-2']);
  const other = await upload('clerk2', { school: 'school-1' }, { name: 'journal.csv', type: 'text/csv', text: journalCsv() });
  assert.is(other.status, 403);
  assert.match(await other.text(), 'только журнал своей школы');
});

quality('without a file, or with a bad date, the form comes back with the reason', async () => {
  const none = await upload('department', { from: '2025-03-01' }, null);
  assert.is(none.status, 400);
  const noneHtml = await none.text();
  assert.match(noneHtml, 'Выберите файл');
  assert.match(noneHtml, 'value="2025-03-01"');
  const bad = await upload('department', { asOf: '2025-02-30' }, { name: 'journal.csv', type: 'text/csv', text: journalCsv() });
  assert.is(bad.status, 400);
  assert.match(await bad.text(), 'Ошибка в данных формы или файла');
  const headless = await upload('department', {}, { name: 'journal.csv', type: 'text/csv', text: 'foo;bar\n1;2\n' });
  assert.is(headless.status, 400);
  assert.match(await headless.text(), 'the header lacks columns');
});

quality('a raw CSV body with the fields in the query works too', async () => {
  const response = await admin.app.request('/admin/quality?asOf=2025-04-29&school=school-1', { method: 'POST', body: journalCsv(), headers: { cookie: `reglament_admin=${admin.tokens.department}`, 'content-type': 'text/csv' } });
  assert.is(response.status, 200);
  assert.equal(rows(await response.text()).slice(1, -1).map((row) => row[0]), ['school-1']);
});

quality('an upload over the journal limit is refused with a page, not read', async () => {
  const small = new Hono().route('/admin', createAdminApp({ store: admin.store, calendar: admin.calendar, auth: admin.keys, workflows: admin.workflows, notifier: admin.ports.notifier, audit: admin.ports.audit, clock: admin.clock, journalLimitBytes: 100 }));
  const form = new FormData();
  form.append('journal', new Blob([journalCsv()], { type: 'text/csv' }), 'journal.csv');
  const response = await small.request('/admin/quality', { method: 'POST', body: form, headers: { cookie: `reglament_admin=${admin.tokens.department}`, origin: 'http://localhost' } });
  assert.is(response.status, 413);
  assert.match(await response.text(), 'Файл больше');
});

quality.run();
