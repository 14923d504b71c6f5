import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { FIRST_DAY, LAST_DAY, dayNumber, formatDay, isoWeekday, parseIsoDate, yearOfDay } from '../../src/calendar/dates.js';

const dates = suite('calendar dates as day numbers');

dates('parse, format, weekday and year agree with Date for every supported day', () => {
  assert.is(FIRST_DAY, Date.UTC(2013, 0, 1) / 86_400_000);
  assert.is(LAST_DAY, Date.UTC(2100, 11, 31) / 86_400_000);
  for (let day = FIRST_DAY; day <= LAST_DAY; day++) {
    const date = new Date(day * 86_400_000);
    const iso = date.toISOString().slice(0, 10);
    assert.is(parseIsoDate(iso), day, iso);
    assert.is(formatDay(day), iso);
    assert.is(isoWeekday(day), date.getUTCDay() === 0 ? 7 : date.getUTCDay(), iso);
    assert.is(yearOfDay(day), date.getUTCFullYear(), iso);
  }
});

dates('dayNumber works outside the supported years too', () => {
  assert.is(dayNumber(1970, 1, 1), 0);
  assert.is(dayNumber(2000, 2, 29), Date.UTC(2000, 1, 29) / 86_400_000);
  assert.is(parseIsoDate('1999-12-31'), Date.UTC(1999, 11, 31) / 86_400_000);
});

dates('rejects what is not a real YYYY-MM-DD date', () => {
  for (const text of ['2025-02-29', '2100-02-29', '2025-00-10', '2025-04-31', '25-04-29', '2025/04/29', '2025-04-2x', ' 2025-04-29', '']) {
    assert.throws(() => parseIsoDate(text), (error: Error) => error.message.includes(JSON.stringify(text)), text);
  }
  assert.is(parseIsoDate('2024-02-29'), Date.UTC(2024, 1, 29) / 86_400_000);
});

dates.run();
