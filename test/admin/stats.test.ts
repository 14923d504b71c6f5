import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { setupAdmin } from './fixture.js';

const stats = suite('admin: /admin/stats, service statistics');

type Admin = Awaited<ReturnType<typeof setupAdmin>>;
let admin: Admin;
stats.before(async () => {
  admin = await setupAdmin();
});

/** The cells of the first table's rows, as text. */
function rows(html: string): string[][] {
  const table = html.slice(html.indexOf('<table>'), html.indexOf('</table>'));
  return [...table.matchAll(/<tr[^>]*>(.*?)<\/tr>/gs)].map((row) => [...row[1]!.matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/gs)].map((cell) => cell[1]!.replace(/<[^>]+>/g, '').trim()));
}

stats('per service: applications, open, decided, share within term, average working days, decisions by outcome', async () => {
  const response = await admin.get('/admin/stats');
  assert.is(response.status, 200);
  const html = await response.text();
  const table = rows(html);
  assert.equal(table[0], ['Услуга', 'Заявлений', 'В работе', 'Решено', 'Решено в срок', 'С нарушением срока', 'Просрочено сейчас', 'Среднее время, раб. дней', 'Решения']);
  // Four applications of 1 September: issued and refused are decided within term, two are open.
  assert.equal(table[1], ['Выдача справки об обучении (образец)', '4', '2', '2', '100 %', '0', '0', '1,5', 'выдано: 1отказ: 1']);
  assert.equal(table[2]!.slice(0, 5), ['Итого', '4', '2', '2', '100 %']);
  assert.match(html, '<span class="badge good">100 %</span>');
  assert.match(html, 'Досудебные жалобы');
  assert.match(html, 'href="/admin/stats" aria-current="page"');
});

stats('the figures are those of the API builder for the same filter', async () => {
  const { serviceStatsFor } = await import('../../src/http/routes/service-stats.js');
  const figures = await serviceStatsFor({ store: admin.store, workflows: admin.workflows, calendar: admin.calendar, clock: admin.clock }, { school: 'school-2' });
  const table = rows(await (await admin.get('/admin/stats?school=school-2')).text());
  assert.equal(table[1]!.slice(1, 4), [String(figures.totals.applications), String(figures.totals.open), String(figures.totals.decided)]);
  assert.is(figures.totals.applications, 2);
});

stats('a clerk sees their own school whatever they ask; a period with nothing received says so', async () => {
  const clerk = rows(await (await admin.get('/admin/stats?school=school-2', 'clerk1')).text());
  assert.equal(clerk[1]!.slice(1, 4), ['2', '1', '1']);
  const empty = await (await admin.get('/admin/stats?from=2025-09-02')).text();
  assert.match(empty, 'Заявлений по этим условиям нет.');
  const day = rows(await (await admin.get('/admin/stats?from=2025-09-01&to=2025-09-01&service=study-certificate')).text());
  assert.is(day[1]![1], '4');
});

stats('a bad date is a 400 page, not an error', async () => {
  const response = await admin.get('/admin/stats?from=2025-13-01');
  assert.is(response.status, 400);
  assert.match(await response.text(), 'Неверный запрос');
});

stats('the dashboard links the statistics and the quality page', async () => {
  const html = await (await admin.get('/admin/dashboard')).text();
  assert.match(html, 'href="/admin/stats"');
  assert.match(html, 'href="/admin/quality"');
});

stats.run();
