import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'quality', ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const line = (overrides: Record<string, unknown>) =>
  JSON.stringify({ school: 's1', class: '5А', subject: 'math', teacher: 't1', pupil: 'p1', kind: 'mark', lessonDate: '2025-03-03', enteredAt: '2025-03-04T09:00:00+05:00', visibleInDiaryAt: '2025-03-04T09:00:00+05:00', ...overrides });

const jsonl = [
  line({}),
  line({ pupil: 'p2', enteredAt: '2025-03-08T23:59:00+05:00', visibleInDiaryAt: '2025-03-08T18:59:00Z' }), // day 5, on time
  line({ pupil: 'p3', enteredAt: '2025-03-08T19:01:00Z', visibleInDiaryAt: null }), // 00:01 of day 6: late, never in the diary
  line({ school: 's2', kind: 'interim', periodEnd: '2025-03-05', enteredAt: '2025-03-08', visibleInDiaryAt: '2025-03-07' }), // interim 3 days after
  '{"school": "s2", "kind": "mark"',
  line({ school: 's2', lessonDate: '2025-04-10', enteredAt: '2025-04-10', visibleInDiaryAt: null }), // pending as of 2025-04-12
].join('\n');

const csv = [
  'Школа;Класс;Предмет;Учитель;Ученик;Дата урока;Вид;Окончание периода;Внесено;Отображено в дневнике',
  's1;5А;Математика;t1;p1;03.03.2025;Отметка;;09.03.2025 10:00;09.03.2025 10:05',
  's1;5А;Математика;t1;p2;03.03.2025;Пропуск;;03.03.2025;03.03.2025',
  's1;5А;Математика;t1;p3;31.02.2025;Отметка;;03.03.2025;',
].join('\r\n');

let dir = '';
const quality = suite('cli quality report');

quality.before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'reglament-quality-'));
  await writeFile(join(dir, 'journal.jsonl'), jsonl);
  await writeFile(join(dir, 'journal.csv'), '\uFEFF' + csv);
  await writeFile(join(dir, 'journal.txt'), jsonl);
});

quality.after(async () => {
  await rm(dir, { recursive: true, force: true });
});

quality('--json prints one JSON object with the totals and the rejected lines', async () => {
  const result = await cli(['report', '--input', join(dir, 'journal.jsonl'), '--as-of', '2025-04-12', '--json']);
  assert.is(result.code, 0, result.stderr);
  const report = JSON.parse(result.stdout);
  assert.equal(
    { records: report.totals.records, lateMarks: report.totals.lateMarks, lateInterimMarks: report.totals.lateInterimMarks, missingInDiary: report.totals.missingInDiary, pending: report.totals.pending },
    { records: 5, lateMarks: 1, lateInterimMarks: 1, missingInDiary: 1, pending: 1 },
  );
  assert.is(report.asOf, '2025-04-12');
  assert.is(report.import.rejected, 1);
  assert.equal(report.import.errors, [{ line: 5, field: null, message: 'line 5: not valid JSON' }]);
  assert.match(result.stderr, /rejected 1 of 6 records:\n  line 5: not valid JSON/);
  assert.not.match(result.stderr, /\r/, 'no progress bar when stderr is not a terminal');
});

quality('filters by school and lesson dates', async () => {
  const result = await cli(['report', '--input', join(dir, 'journal.jsonl'), '--as-of', '2025-04-12', '--school', 's2', '--from', '01.03.2025', '--to', '2025-03-31', '--json']);
  const report = JSON.parse(result.stdout);
  assert.equal(report.filter, { from: '2025-03-01', to: '2025-03-31', school: 's2' });
  assert.is(report.totals.records, 1);
  assert.is(report.totals.lateInterimMarks, 1);
});

quality('without --json prints a table of a CSV export, grouped as asked', async () => {
  const result = await cli(['report', '--input', join(dir, 'journal.csv'), '--as-of', '2025-04-01', '--by', 'school,class']);
  assert.is(result.code, 0, result.stderr);
  assert.match(result.stdout, /^Journal quality as of 2025-04-01 \(Asia\/Yekaterinburg\)/);
  assert.match(result.stdout, /School\s+Class\s+Records\s+Late marks\s+Late interim\s+Missing in diary\s+Pending\s+On time/);
  assert.match(result.stdout, /s1\s+5А\s+2\s+1\s+0\s+1\s+0\s+50\.0%/);
  assert.match(result.stdout, /Total\s+2\s+1\s+0\s+1\s+0\s+50\.0%/);
  assert.match(result.stderr, /line 4: column «Дата урока» \(lessonDate\): not a date/);
});

quality('bad input is one line on stderr and exit status 2', async () => {
  const cases: [string[], RegExp][] = [
    [['report'], /needs --input/],
    [['report', '--input', join(dir, 'missing.jsonl')], /cannot read --input .*ENOENT/],
    [['report', '--input', join(dir, 'journal.txt')], /--format jsonl or --format csv/],
    [['report', '--input', join(dir, 'journal.jsonl'), '--from', '2025-02-30'], /INVALID_DATE/],
    [['report', '--input', join(dir, 'journal.jsonl'), '--by', 'region'], /--by takes/],
    [['report', '--input', join(dir, 'journal.jsonl'), '--time-zone', 'Mars/Base'], /unknown time zone/],
    [['report', '--input', join(dir, 'journal.jsonl'), '--colour'], /INVALID_INPUT/],
    [['summary'], /unknown subcommand/],
    [[], /expected a subcommand/],
  ];
  for (const [args, message] of cases) {
    const result = await cli(args);
    assert.is(result.code, 2, args.join(' '));
    assert.match(result.stderr, message);
    assert.is(result.stderr.trimEnd().split('\n').length, 1, result.stderr);
    assert.is(result.stdout, '');
  }
});

quality.run();
