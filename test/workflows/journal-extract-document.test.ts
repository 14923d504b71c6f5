/**
 * The journal extract document: marks by subject and date with the average, absences, the
 * period asked (the current school year by default), only the application's own pupil, and
 * nothing at all when the applicant does not represent the pupil.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { journalExtract, schoolYearOf } from '../../src/ediary/journal-extract.js';

const journal = [
  { pupil: 'p1', subject: 'Алгебра', date: '2025-05-20', mark: '2' },
  { pupil: 'p1', subject: 'Алгебра', date: '2025-09-03', mark: '5' },
  { pupil: 'p1', subject: 'Алгебра', date: '2025-09-10', mark: '4', work: '<script>' },
  { pupil: 'p1', subject: 'Биология', date: '2025-09-11', absence: 'absent' as const },
  { pupil: 'p9', subject: 'Алгебра', date: '2025-09-03', mark: '3' },
];
const base = { representative: true, pupil: { id: 'p1', school: 'school-1', grade: '8В' }, journal, application: { id: 'a1' }, at: '2025-09-20T05:00:00.000Z' };

const test = suite('journalExtract');

test('the current school year by default: marks by subject with dates and average, absences', () => {
  const { title, html } = journalExtract(base);
  assert.is(title, 'Выписка из классного журнала');
  assert.match(html, 'Период: с 01.09.2025 по 20.09.2025');
  assert.match(html, '03.09.2025: <b>5</b>; 10.09.2025: <b>4</b> (&lt;script&gt;)');
  assert.match(html, '<td>4,50</td>');
  assert.match(html, 'Н — отсутствовал');
  assert.match(html, 'Всего пропущено уроков: 1.');
  assert.not.match(html, '20.05.2025', 'last school year is outside the default period');
  assert.not.match(html, '<b>3</b>', "another pupil's line is never shown");
});

test('a period asked in the application, cut at the day of the extract', () => {
  const { html } = journalExtract({ ...base, application: { id: 'a1', data: { period: { from: '2025-05-01', to: '2025-12-31' } } } });
  assert.match(html, 'Период: с 01.05.2025 по 20.09.2025');
  assert.match(html, '20.05.2025: <b>2</b>');
});

test('no data for someone who is not the representative', () => {
  const { html } = journalExtract({ ...base, representative: false });
  assert.match(html, 'не является родителем (законным представителем)');
  assert.not.match(html, 'Алгебра');
});

test('school years start on 1 September', () => {
  assert.equal(schoolYearOf('2025-08-31'), { from: '2024-09-01', to: '2025-08-31' });
  assert.equal(schoolYearOf('2025-09-01'), { from: '2025-09-01', to: '2026-08-31' });
});

test.run();
