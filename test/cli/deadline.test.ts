import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const deadline = suite('cli deadline');

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    // `node --import tsx` is what `npx tsx` runs, without npx's start-up cost.
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'deadline', ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

deadline('prints the last day of a term in working days', async () => {
  const result = await cli(['--from', '2025-04-29', '--working-days', '7']);
  assert.equal(result, { code: 0, stdout: '2025-05-14\n', stderr: '' });
});

deadline('--json gives lastDay, dueAt in the body zone, provisional and the input', async () => {
  const result = await cli(['--from', '2025-04-29', '--working-days', '7', '--tz', 'Asia/Yekaterinburg', '--json']);
  assert.is(result.code, 0, result.stderr);
  assert.equal(JSON.parse(result.stdout), {
    from: '2025-04-29',
    workingDays: 7,
    lastDay: '2025-05-14',
    dueAt: '2025-05-14T19:00:00.000Z',
    provisional: false,
    timeZone: 'Asia/Yekaterinburg',
    region: null,
  });
});

deadline('calendar days, a region, and a provisional year', async () => {
  const [calendarDays, region, provisional] = await Promise.all([
    cli(['--from', '2025-04-22', '--calendar-days', '10']),
    cli(['--from', '2024-08-29', '--working-days', '1', '--region', 'RU-TA']),
    cli(['--from', '2026-12-25', '--working-days', '10', '--json']),
  ]);
  assert.is(calendarDays.stdout, '2025-05-05\n');
  assert.is(region.stdout, '2024-09-02\n');
  assert.is(JSON.parse(provisional.stdout).provisional, true);
});

deadline('an override file loads next year’s decree', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'reglament-deadline-'));
  try {
    const file = join(dir, 'calendar-2027.json');
    writeFileSync(file, JSON.stringify({ source: 'Постановление о переносе выходных дней в 2027 году', years: [2027], nonWorkingDays: ['2027-02-22'], workingDays: ['2027-02-20'] }));
    const result = await cli(['--from', '2027-02-19', '--working-days', '1', '--overrides', file, '--json']);
    assert.is(result.code, 0, result.stderr);
    assert.equal([JSON.parse(result.stdout).lastDay, JSON.parse(result.stdout).provisional], ['2027-02-20', false]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

deadline('bad input: one line on stderr naming the value, exit 2', async () => {
  const cases: [string[], string][] = [
    [['--from', '2025-02-30', '--working-days', '7'], 'INVALID_DATE: not a calendar date (YYYY-MM-DD): "2025-02-30"'],
    [['--from', '2025-04-29', '--working-days=-1'], 'INVALID_INPUT: --working-days must be a whole number of days, 0 or more; got -1'],
    [['--from', '2025-04-29', '--working-days', '1.5'], 'got 1.5'],
    [['--from', '2025-04-29', '--working-days', '1e9'], 'OUT_OF_RANGE: --working-days = 1000000000'],
    [['--from', '2025-04-29', '--working-days', '7', '--region', 'RU-XX'], 'UNKNOWN_REGION: unknown region "RU-XX"'],
    [['--from', '2025-04-29'], '--working-days'],
    [['--from', '2025-04-29', '--working-days', '7', '--overrides', 'no-such-file.json'], 'INVALID_CALENDAR: no-such-file.json'],
  ];
  const results = await Promise.all(cases.map(([args]) => cli(args)));
  for (const [i, [args, message]] of cases.entries()) {
    const result = results[i] as Awaited<ReturnType<typeof cli>>;
    assert.is(result.code, 2, args.join(' '));
    assert.is(result.stdout, '');
    assert.is(result.stderr.split('\n').filter(Boolean).length, 1, result.stderr);
    assert.ok(result.stderr.includes(message), `${result.stderr} should include ${message}`);
  }
});

deadline('--help describes the options', async () => {
  const result = await cli(['--help']);
  assert.is(result.code, 0);
  for (const flag of ['--from', '--working-days', '--calendar-days', '--region', '--tz', '--json', '--overrides']) assert.ok(result.stdout.includes(flag), flag);
});

deadline.run();
