import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { createCalendar } from '../../src/calendar/calendar.js';
import { loadConfig } from '../../src/service/config.js';
import { createService } from '../../src/service/service.js';

const overrides = suite('service calendar overrides (REGLAMENT_CALENDAR_OVERRIDES)');

let dir = '';

overrides.before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'reglament-overrides-'));
});

overrides.after(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The deadline the service answers for 3 working days from Monday 2027-06-07. */
async function servedLastDay(env: NodeJS.ProcessEnv, calendar?: ReturnType<typeof createCalendar>): Promise<string> {
  const config = loadConfig({ NODE_ENV: 'test', REGLAMENT_DATA_DIR: join(dir, `data-${Math.random().toString(36).slice(2)}`), REGLAMENT_DEMO: '0', REGLAMENT_LOG_LEVEL: 'error', ...env });
  const service = await createService({ config, ...(calendar ? { calendar } : {}) });
  try {
    const response = await service.app.fetch(new Request('http://service/v1/calendar/deadline?from=2027-06-07&workingDays=3'));
    assert.is(response.status, 200);
    return ((await response.json()) as { lastDay: string }).lastDay;
  } finally {
    await service.close();
  }
}

overrides('reads the files separated by the platform path delimiter, in order', () => {
  const config = loadConfig({ REGLAMENT_CALENDAR_OVERRIDES: ` a.json${delimiter}${delimiter}b.json ` });
  assert.equal(config.calendarOverrideFiles, ['a.json', 'b.json']);
  assert.equal(loadConfig({}).calendarOverrideFiles, []);
});

overrides('a weekday declared non-working in an override file moves the served deadline', async () => {
  const decree = join(dir, 'decree-2027.json');
  const local = join(dir, 'local-2027.json');
  await writeFile(decree, JSON.stringify({ source: 'Постановление № 1 (test)', nonWorkingDays: ['2027-06-09'] }));
  await writeFile(local, JSON.stringify({ source: 'Решение № 2 (test)', nonWorkingDays: ['2027-06-10'] }));
  assert.is(await servedLastDay({}), '2027-06-10', 'without overrides: Mon + 3 working days is Thursday');
  assert.is(await servedLastDay({ REGLAMENT_CALENDAR_OVERRIDES: decree }), '2027-06-11', 'Wednesday off moves it to Friday');
  assert.is(await servedLastDay({ REGLAMENT_CALENDAR_OVERRIDES: `${decree}${delimiter}${local}` }), '2027-06-15', 'both layers apply: past the weekend and Monday 14th (Russia Day moved off Saturday 12th)');
});

overrides('createService takes a ready calendar instead of the configured one', async () => {
  const calendar = createCalendar({ timeZone: 'Asia/Yekaterinburg', overrides: { source: 'test', nonWorkingDays: ['2027-06-08'] } });
  assert.is(await servedLastDay({ REGLAMENT_CALENDAR_OVERRIDES: join(dir, 'never-read.json') }, calendar), '2027-06-11');
});

overrides('`reglament serve` with a malformed override file exits 2 with one line naming the file and the field', async () => {
  const bad = join(dir, 'bad-2027.json');
  await writeFile(bad, JSON.stringify({ source: 'test', nonWorkingDays: ['2027-02-30'] }));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
    env: { ...process.env, NODE_ENV: 'development', PORT: '0', REGLAMENT_DATA_DIR: join(dir, 'serve-data'), REGLAMENT_CALENDAR_OVERRIDES: bad, MONGODB_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  assert.is(code, 2, stderr);
  assert.is(stdout, '', 'nothing started');
  const lines = stderr.trimEnd().split('\n');
  assert.is(lines.length, 1, stderr);
  assert.ok(lines[0]!.startsWith('reglament serve: INVALID_CALENDAR: '), stderr);
  assert.ok(lines[0]!.includes(bad), 'names the file');
  assert.ok(lines[0]!.includes('/nonWorkingDays/0'), 'names the field');
});

overrides.run();
