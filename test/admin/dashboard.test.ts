import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createCalendar } from '../../src/calendar/calendar.js';
import { dashboardFigures } from '../../src/admin/data/dashboard.js';
import type { ApplicationRecord, TermRecord } from '../../src/store/types.js';
import { workflowGraph } from '../../src/viz/graph.js';
import { setupAdmin } from './fixture.js';
import { readFileSync } from 'node:fs';

const calendar = createCalendar({ timeZone: 'Asia/Yekaterinburg' });
const graph = workflowGraph(JSON.parse(readFileSync(new URL('../../examples/embedded/workflow.json', import.meta.url), 'utf8')));

function record(over: Partial<ApplicationRecord> & { terms?: TermRecord[] }): ApplicationRecord {
  return {
    id: 'a', service: 'study-certificate', workflowVersion: '1.0.0', state: 'received', status: 'open', version: 1, school: 'school-1', applicant: 'p', pupil: 'q', channel: null,
    receivedAt: '2025-09-01T05:00:00.000Z', createdAt: '2025-09-01T05:00:00.000Z', updatedAt: '2025-09-01T05:00:00.000Z', snapshot: null, terms: [], nextDueAt: null, links: [], ...over,
  };
}
const term = (dueAt: string, metAt: string | null): TermRecord => ({ name: 'certificate', startedAt: '2025-09-01T05:00:00.000Z', lastDay: dueAt.slice(0, 10), dueAt, provisional: false, metAt });

const figures = suite('dashboardFigures');

figures('counts per school and top-level state, and what is overdue now', () => {
  const result = dashboardFigures(
    [
      record({ id: 'a1', school: 'school-1', state: 'received', terms: [term('2025-09-02T19:00:00.000Z', null)] }),
      record({ id: 'a2', school: 'school-1', state: 'issued', status: 'closed' }),
      record({ id: 'a3', school: 'school-2', state: 'received', terms: [term('2025-09-30T19:00:00.000Z', null)] }),
    ],
    graph,
    { calendar, now: '2025-09-08T06:00:00.000Z' },
  );
  assert.equal(result.perSchool, { 'school-1': { received: 1, issued: 1 }, 'school-2': { received: 1 } });
  assert.equal(result.schools, ['school-1', 'school-2']);
  assert.equal(result.groups.map((g) => g.id), ['received', 'issued']);
  assert.equal(result.overdueNow.map((a) => a.id), ['a1']);
  assert.is(result.open, 2);
});

figures('share within term per month: met before the end counts, met late or run out does not', () => {
  const result = dashboardFigures(
    [
      record({ id: 'in', terms: [term('2025-09-05T19:00:00.000Z', '2025-09-04T06:00:00.000Z')] }),
      record({ id: 'late', terms: [term('2025-09-05T19:00:00.000Z', '2025-09-08T06:00:00.000Z')] }),
      record({ id: 'out', terms: [term('2025-08-29T19:00:00.000Z', null)] }),
      record({ id: 'open', terms: [term('2025-10-05T19:00:00.000Z', null)] }),
    ],
    graph,
    { calendar, now: '2025-09-10T06:00:00.000Z', months: 3 },
  );
  assert.equal(result.months.map((m) => [m.month, m.decided, m.withinTerm, m.share]), [
    ['2025-07', 0, 0, null],
    ['2025-08', 1, 0, 0],
    ['2025-09', 2, 1, 50],
  ]);
  assert.is(result.shareWithinTerm, 33.3);
});

figures('average processing time in working days from receipt to closure', () => {
  const result = dashboardFigures(
    [
      // Received Monday 1 September, closed Thursday 4 September: 3 working days.
      record({ id: 'a', status: 'closed', state: 'issued', updatedAt: '2025-09-04T08:00:00.000Z' }),
      // Received Friday 5 September, closed Monday 8 September: 1 working day.
      record({ id: 'b', status: 'closed', state: 'issued', receivedAt: '2025-09-05T05:00:00.000Z', updatedAt: '2025-09-08T08:00:00.000Z' }),
    ],
    graph,
    { calendar, now: '2025-09-10T06:00:00.000Z', months: 1 },
  );
  assert.equal(result.months, [{ month: '2025-09', decided: 0, withinTerm: 0, share: null, closed: 2, averageWorkingDays: 2 }]);
  assert.is(result.averageWorkingDays, 2);
});

figures.run();

const page = suite('admin dashboard page');

page('shows the figures and server-drawn charts, scoped to a clerk’s school', async () => {
  const f = await setupAdmin();
  const html = await (await f.get('/admin/dashboard?service=study-certificate')).text();
  assert.match(html, /data-figure="open">2</);
  assert.match(html, /data-figure="overdue">1</);
  assert.is((html.match(/<svg /g) ?? []).length, 3);
  assert.match(html, /data-category="school-1" data-value="1"/);
  assert.match(html, /data-category="school-2"/);
  const clerk = await (await f.get('/admin/dashboard', 'clerk2')).text();
  assert.match(clerk, /data-figure="overdue">0</);
  assert.not.match(clerk, /data-category="school-1"/);
});

page.run();
