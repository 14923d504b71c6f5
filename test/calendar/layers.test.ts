import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCalendar } from '../../src/calendar/calendar.js';
import { loadCalendarOverrides } from '../../src/calendar/overrides.js';
import { ReglamentError } from '../../src/errors.js';

const calendar = createCalendar();

function throwsCode(run: () => unknown, code: string, mentions: string[]): ReglamentError {
  try {
    run();
  } catch (error) {
    assert.instance(error, ReglamentError);
    const failure = error as ReglamentError;
    assert.is(failure.code, code, failure.message);
    for (const text of mentions) assert.ok(failure.message.includes(text), `"${failure.message}" should mention ${text}`);
    return failure;
  }
  throw new assert.Assertion({ message: `expected ${code}`, generated: true, operator: 'throws', actual: 'no error', expects: code });
}

const fallback = suite('a year without official data: Labour Code art. 112 fallback');

fallback('is marked provisional, and so is every term touching it', () => {
  assert.is(calendar.isProvisional('2026-12-31'), false);
  assert.is(calendar.isProvisional('2027-01-01'), true);
  assert.is(calendar.term('2026-12-01', 5).provisional, false);
  assert.is(calendar.term('2026-12-25', 10).provisional, true);
  assert.is(calendar.term('2026-12-20', 12, 'calendarDays').provisional, true);
  assert.is(calendar.yearSummary(2027).provisional, true);
});

fallback('a holiday on a weekend moves to the next working day, except 1–8 January', () => {
  // 2027: 1 May is a Saturday, 9 May a Sunday, 12 June a Saturday; 2 and 3 January are a weekend.
  assert.is(calendar.isWorkingDay('2027-05-03'), false);
  assert.is(calendar.isWorkingDay('2027-05-10'), false);
  assert.is(calendar.isWorkingDay('2027-06-14'), false);
  assert.is(calendar.isWorkingDay('2027-01-11'), true);
  assert.is(calendar.addWorkingDays('2026-12-30', 1), '2027-01-11');
  // 2028: 4 November is a Saturday.
  assert.is(calendar.isWorkingDay('2028-11-06'), false);
  // 261 weekdays in 2027, 12 of them holidays or moved days off.
  assert.is(calendar.yearSummary(2027).workingDays, 249);
});

fallback('the working day before a holiday is shortened (art. 95)', () => {
  assert.equal(['2027-02-22', '2027-03-05', '2027-04-30', '2027-06-11', '2027-11-03', '2027-12-31'].map((day) => calendar.isShortDay(day)), [true, false, true, true, true, true]);
});

fallback.run();

const regions = suite('regional holidays (date-holidays)');

regions('a regional holiday is a day off only for bodies of that region', () => {
  const tatarstan = createCalendar({ region: 'RU-TA' });
  assert.is(tatarstan.region, 'RU-TA');
  assert.is(tatarstan.isWorkingDay('2024-08-30'), false); // День Республики Татарстан, a Friday
  assert.is(calendar.isWorkingDay('2024-08-30'), true);
  assert.is(tatarstan.isWorkingDay('2025-06-06'), false); // Курбан-байрам
  assert.is(tatarstan.addWorkingDays('2024-08-29', 1), '2024-09-02');
  assert.ok(tatarstan.yearSummary(2024).sources.some((source) => source.includes('Татарстан')));
  assert.is(createCalendar({ region: 'ru-ba' }).isWorkingDay('2024-10-11'), false); // День Республики Башкортостан
});

regions('an unknown region is UNKNOWN_REGION naming it', () => {
  throwsCode(() => createCalendar({ region: 'RU-XX' }), 'UNKNOWN_REGION', ['RU-XX', 'RU-TA']);
  throwsCode(() => createCalendar({ region: 'Tatarstan' }), 'UNKNOWN_REGION', ['Tatarstan']);
});

regions.run();

const overrides = suite('a municipality’s overrides');

const decree2027 = {
  source: 'Постановление Правительства РФ о переносе выходных дней в 2027 году (загружено муниципалитетом)',
  years: [2027],
  nonWorkingDays: ['2027-02-22', '2027-11-05', '2027-12-31'],
  workingDays: ['2027-02-20'],
  shortDays: ['2027-02-20'],
};

overrides('next year’s decree loaded from a file makes 2027 official', () => {
  const dir = mkdtempSync(join(tmpdir(), 'reglament-calendar-'));
  try {
    const file = join(dir, 'calendar-2027.json');
    writeFileSync(file, JSON.stringify(decree2027));
    const withDecree = createCalendar({ overrides: loadCalendarOverrides(file) });
    assert.is(withDecree.isWorkingDay('2027-02-20'), true);
    assert.is(withDecree.isShortDay('2027-02-20'), true);
    assert.is(withDecree.isWorkingDay('2027-02-22'), false);
    assert.is(withDecree.isProvisional('2027-06-01'), false);
    assert.is(withDecree.term('2026-12-25', 10).provisional, false);
    assert.is(withDecree.yearSummary(2027).workingDays, 247);
    assert.ok(withDecree.yearSummary(2027).sources.includes(decree2027.source));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

overrides('layers apply in order over the federal data', () => {
  const local = createCalendar({
    overrides: [
      { source: 'Распоряжение главы № 1', nonWorkingDays: ['2025-06-10'] },
      { source: 'Распоряжение главы № 2', workingDays: ['2025-06-10'] },
    ],
  });
  assert.is(local.isWorkingDay('2025-06-10'), true);
  assert.is(createCalendar({ overrides: { source: 'Распоряжение главы № 1', nonWorkingDays: ['2025-06-10'] } }).isWorkingDay('2025-06-10'), false);
  assert.is(calendar.isProvisional('2027-06-01'), true, 'other calendars are not affected');
});

overrides('a malformed override is INVALID_CALENDAR with the path of the bad field', () => {
  assert.is(throwsCode(() => loadCalendarOverrides({ ...decree2027, nonWorkingDays: ['2027-02-30'] }), 'INVALID_CALENDAR', ['2027-02-30']).path, '/nonWorkingDays/0');
  assert.is(throwsCode(() => loadCalendarOverrides({ nonWorkingDays: [] } as never), 'INVALID_CALENDAR', ['/source']).path, '/source');
  assert.is(throwsCode(() => loadCalendarOverrides({ source: 'x', holidays: [] } as never), 'INVALID_CALENDAR', ['/holidays']).path, '/holidays');
  assert.is(throwsCode(() => loadCalendarOverrides({ source: 'x', workingDays: ['2025-1-1'] }), 'INVALID_CALENDAR', ['/workingDays/0']).path, '/workingDays/0');
  throwsCode(() => loadCalendarOverrides({ source: 'x', workingDays: ['2025-06-10'], nonWorkingDays: ['2025-06-10'] }), 'INVALID_CALENDAR', ['/workingDays/0', '2025-06-10']);
  throwsCode(() => loadCalendarOverrides({ source: 'x', nonWorkingDays: ['2101-01-03'] }), 'INVALID_CALENDAR', ['2101-01-03']);
  throwsCode(() => createCalendar({ overrides: { source: 'x', shortDays: ['tomorrow'] } }), 'INVALID_CALENDAR', ['/shortDays/0', 'tomorrow']);
});

overrides('an unreadable or non-JSON file is INVALID_CALENDAR naming the file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'reglament-calendar-'));
  try {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{ "source": ');
    throwsCode(() => loadCalendarOverrides(file), 'INVALID_CALENDAR', [file]);
    throwsCode(() => loadCalendarOverrides(join(dir, 'missing.json')), 'INVALID_CALENDAR', ['missing.json']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

overrides.run();
