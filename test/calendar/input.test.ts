import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { DateTime } from 'luxon';
import { createCalendar } from '../../src/calendar/calendar.js';
import { validateSchema } from '../../src/calendar/validation.js';
import { ReglamentError } from '../../src/errors.js';

const calendar = createCalendar();

function rejects(run: () => unknown, code: string, mention: string): void {
  let failure: unknown;
  try {
    run();
  } catch (error) {
    failure = error;
  }
  assert.instance(failure, ReglamentError, `expected ${code} mentioning ${mention}`);
  const error = failure as ReglamentError;
  assert.is(error.code, code, error.message);
  assert.ok(error.message.includes(mention), `"${error.message}" should mention ${mention}`);
}

const bad = suite('bad input is a ReglamentError naming the value');

bad('dates that are not calendar dates: INVALID_DATE', () => {
  rejects(() => calendar.addWorkingDays('2025-02-30', 7), 'INVALID_DATE', '2025-02-30');
  rejects(() => calendar.addWorkingDays('2025-2-3', 7), 'INVALID_DATE', '2025-2-3');
  rejects(() => calendar.isWorkingDay('2025-04-29T10:00'), 'INVALID_DATE', '2025-04-29T10:00');
  rejects(() => calendar.isWorkingDay('2024-13-01'), 'INVALID_DATE', '2024-13-01');
  rejects(() => calendar.isWorkingDay(DateTime.fromISO('nonsense')), 'INVALID_DATE', 'invalid DateTime');
  rejects(() => calendar.isWorkingDay(20250429 as never), 'INVALID_DATE', 'number');
  rejects(() => calendar.localDate('yesterday'), 'INVALID_DATE', 'yesterday');
});

bad('counts that are not whole non-negative numbers: INVALID_INPUT', () => {
  rejects(() => calendar.addWorkingDays('2025-04-29', -1), 'INVALID_INPUT', '-1');
  rejects(() => calendar.addWorkingDays('2025-04-29', 1.5), 'INVALID_INPUT', '1.5');
  rejects(() => calendar.addWorkingDays('2025-04-29', Number.NaN), 'INVALID_INPUT', 'NaN');
  rejects(() => calendar.addWorkingDays('2025-04-29', '7' as never), 'INVALID_INPUT', '7');
  rejects(() => calendar.addCalendarDays('2025-04-29', -3), 'INVALID_INPUT', '-3');
  rejects(() => calendar.term('2025-04-29', 3, 'hours' as never), 'INVALID_INPUT', 'hours');
});

bad('values beyond the supported years 2013–2100: OUT_OF_RANGE', () => {
  rejects(() => calendar.addWorkingDays('2025-04-29', 1e9), 'OUT_OF_RANGE', '1000000000');
  rejects(() => calendar.addWorkingDays('2012-12-31', 1), 'OUT_OF_RANGE', '2012-12-31');
  rejects(() => calendar.isWorkingDay('2101-01-01'), 'OUT_OF_RANGE', '2101-01-01');
  rejects(() => calendar.addWorkingDays('2100-12-28', 5), 'OUT_OF_RANGE', '2100-12-31');
  rejects(() => calendar.addCalendarDays('2100-12-28', 5), 'OUT_OF_RANGE', '2100-12-31');
  rejects(() => calendar.yearSummary(2012), 'OUT_OF_RANGE', '2012');
  rejects(() => calendar.yearSummary(2025.5), 'INVALID_INPUT', '2025.5');
});

bad('bad options: unknown time zone or country', () => {
  rejects(() => createCalendar({ timeZone: 'Mars/Olympus' }), 'INVALID_INPUT', 'Mars/Olympus');
  rejects(() => createCalendar({ country: 'US' as never }), 'INVALID_INPUT', 'US');
});

bad('the data schema rejects a malformed year file with the field path', () => {
  const year = { country: 'RU', year: 2025, source: 'Постановление … № 1', nonWorkingDays: [], workingDays: [], shortDays: [] };
  validateSchema('calendar', year, 'calendars/RU/2025.json');
  rejects(() => validateSchema('calendar', { ...year, shortDays: undefined }, 'calendars/RU/2025.json'), 'INVALID_CALENDAR', '/shortDays');
  rejects(() => validateSchema('calendar', { ...year, year: 1999 }, 'calendars/RU/2025.json'), 'INVALID_CALENDAR', '/year');
  rejects(() => validateSchema('calendar', { country: 'RU', decrees: [{ source: 'Указ … № 1', periods: [] }] }, 'presidential.json'), 'INVALID_CALENDAR', '/decrees/0/periods');
});

bad.run();
