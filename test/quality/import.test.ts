import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { importJournal, type ImportSummary } from '../../src/quality/import.js';
import { dayToIso } from '../../src/quality/days.js';
import type { QualityEntry } from '../../src/quality/types.js';

async function* chunks(parts: (string | Uint8Array)[]) {
  yield* parts;
}

async function run(format: 'jsonl' | 'csv', parts: (string | Uint8Array)[], keepErrors?: number) {
  const entries: QualityEntry[] = [];
  const summary: ImportSummary = await importJournal(chunks(parts), { format, onEntry: (entry) => entries.push(entry), ...(keepErrors === undefined ? {} : { keepErrors }) });
  return { entries, summary };
}

const good = { school: 's1', class: '5А', subject: 'math', teacher: 't1', pupil: 'p1', kind: 'mark', lessonDate: '2025-03-03', enteredAt: '2025-03-05T10:00:00+05:00' };
const line = (overrides: Record<string, unknown> = {}) => JSON.stringify({ ...good, ...overrides });

const jsonl = suite('import: JSON Lines');

jsonl('reads records into entries with local days', async () => {
  const { entries, summary } = await run('jsonl', [`${line()}\n${line({ kind: 'interim', periodEnd: '27.12.2024', visibleInDiaryAt: null })}\n`]);
  assert.equal(summary, { format: 'jsonl', accepted: 2, rejected: 0, errors: [] });
  assert.is(dayToIso(entries[0]!.enteredDay), '2025-03-05');
  assert.ok(Number.isNaN(entries[0]!.visibleDay));
  assert.is(entries[1]!.kind, 'interim');
  assert.is(dayToIso(entries[1]!.periodEndDay), '2024-12-27');
});

jsonl('a bad line is rejected with its number and field, the rest imports', async () => {
  const text = [
    line(),
    '{"school": "s1", "class": ',
    line({ lessonDate: '2025-02-30' }),
    '',
    line({ kind: 'interim' }),
    line({ teacher: '' }),
    '[1,2]',
    line({ kind: 'grade' }),
    line(),
  ].join('\r\n');
  const { entries, summary } = await run('jsonl', [text]);
  assert.is(entries.length, 2);
  assert.is(summary.accepted, 2);
  assert.is(summary.rejected, 6);
  assert.equal(
    summary.errors.map(({ line, field }) => [line, field]),
    [[2, null], [3, 'lessonDate'], [5, 'periodEnd'], [6, 'teacher'], [7, null], [8, 'kind']],
  );
  assert.is(summary.errors[0]!.message, 'line 2: not valid JSON');
  assert.match(summary.errors[1]!.message, /^line 3: field "lessonDate": not a date: "2025-02-30"/);
  assert.is(summary.errors[3]!.message, 'line 6: field "teacher": required');
});

jsonl('error messages never repeat ids', async () => {
  const { summary } = await run('jsonl', ['{"school":"s1","pupil":"Иванов Иван","teacher":"Петрова"\n', `${line({ pupil: { name: 'Иванов Иван' } })}\n`]);
  assert.is(summary.rejected, 2);
  for (const error of summary.errors) assert.not.match(error.message, /Иванов|Петрова/);
});

jsonl('lines and UTF-8 characters split across byte chunks', async () => {
  const bytes = new TextEncoder().encode(`\uFEFF${line({ class: 'Ёж' })}\n${line()}`);
  const parts: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += 7) parts.push(bytes.subarray(at, at + 7));
  const { entries, summary } = await run('jsonl', parts);
  assert.is(summary.accepted, 2);
  assert.is(entries[0]!.class, 'Ёж');
});

jsonl('keeps only the first errors but counts them all', async () => {
  const { summary } = await run('jsonl', [Array.from({ length: 50 }, () => 'x').join('\n')], 3);
  assert.is(summary.rejected, 50);
  assert.equal(summary.errors.map((error) => error.line), [1, 2, 3]);
});

const csv = suite('import: CSV');

const header = 'Школа;Класс;Предмет;Учитель;Ученик;Дата урока;Вид;Окончание периода;Внесено;Отображено в дневнике';

csv('reads a Russian e-journal export', async () => {
  const text = `\uFEFF${header}\r\n` + 's1;5А;Математика;t1;p1;03.03.2025;Отметка;;05.03.2025 10:00;05.03.2025 10:05\r\n' + 's1;"5 ""А""";Русский язык;t2;p2;2025-03-03;пропуск;;2025-03-03;\r\n' + 's1;5А;Математика;t1;p1;26.12.2024;Промежуточная аттестация;27.12.2024;28.12.2024 09:00;\r\n';
  const { entries, summary } = await run('csv', [text]);
  assert.is(summary.rejected, 0, JSON.stringify(summary.errors));
  assert.equal(entries.map((entry) => entry.kind), ['mark', 'absence', 'interim']);
  assert.is(entries[1]!.class, '5 "А"');
  assert.is(dayToIso(entries[0]!.visibleDay), '2025-03-05');
  assert.is(dayToIso(entries[2]!.periodEndDay), '2024-12-27');
});

csv('English headers and a comma delimiter work too', async () => {
  const text = 'school,class,subject,teacher,pupil,lessonDate,kind,enteredAt\ns1,5A,math,t1,p1,2025-03-03,mark,2025-03-04\n';
  const { summary } = await run('csv', [text]);
  assert.is(summary.accepted, 1);
});

csv('bad rows name the line and the column as the file spells it', async () => {
  const text = [
    header,
    's1;5А;Математика;t1;p1;03.03.2025;Отметка;;05.03.2025;',
    's1;5А;Математика;t1;p1;31.02.2025;Отметка;;05.03.2025;',
    's1;5А;Математика;t1;p1;03.03.2025;Оценка;;;',
    's1;5А;Математика;t1',
    's1;"5А"x;Математика;t1;p1;03.03.2025;Отметка;;05.03.2025;',
    's1;5А;Математика;t1;p1;03.03.2025;Отметка;;05.03.2025;',
  ].join('\n');
  const { summary } = await run('csv', [text]);
  assert.is(summary.accepted, 2);
  assert.equal(summary.errors.map(({ line, field }) => [line, field]), [[3, 'lessonDate'], [4, 'enteredAt'], [5, null], [6, null]]);
  assert.match(summary.errors[0]!.message, /^line 3: column «Дата урока» \(lessonDate\): not a date/);
  assert.is(summary.errors[1]!.message, 'line 4: column «Внесено» (enteredAt): required');
  assert.is(summary.errors[2]!.message, 'line 5: found 4 fields, the header has 10');
});

csv('a header without required columns stops the import with the columns named', async () => {
  try {
    await run('csv', ['Школа;Класс\n1;2\n']);
    assert.unreachable('should have thrown');
  } catch (error) {
    assert.is((error as { code?: string }).code, 'INVALID_INPUT');
    assert.match((error as Error).message, /line 1: the header lacks columns: subject \(«предмет»\)/);
  }
});

jsonl.run();
csv.run();
