import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { DateTime } from 'luxon';
import { createCalendar } from '../../src/calendar/calendar.js';

const moscow = createCalendar();
const yekaterinburg = createCalendar({ timeZone: 'Asia/Yekaterinburg' });

const working = suite('addWorkingDays: Civil Code art. 191');

working('counts from the day after the event', () => {
  assert.is(moscow.addWorkingDays('2025-04-29', 7), '2025-05-14');
  assert.is(moscow.addWorkingDays('2025-04-29', 1), '2025-04-30');
  assert.is(moscow.addWorkingDays('2025-04-29', 0), '2025-04-29');
});

working('across transfers: the working Saturdays count, the moved days off do not', () => {
  // 2024-12-28 is a working Saturday; 29 Dec 2024 – 8 Jan 2025 are off.
  assert.is(moscow.addWorkingDays('2024-12-27', 7), '2025-01-16');
  assert.is(moscow.addWorkingDays('2024-12-27', 10), '2025-01-21');
  // 1–4 and 8–11 May 2025 are off (8 May is 23 February moved).
  assert.is(moscow.addWorkingDays('2025-04-30', 7), '2025-05-15');
  assert.is(moscow.addWorkingDays('2025-04-30', 10), '2025-05-20');
  // 2025-11-01 is a working Saturday, 3–4 November are off.
  assert.is(moscow.addWorkingDays('2025-10-31', 7), '2025-11-12');
  assert.is(moscow.addWorkingDays('2025-10-31', 10), '2025-11-17');
});

working('across a year end into the twelve-day New Year break of 2026', () => {
  assert.is(moscow.addWorkingDays('2025-12-26', 5), '2026-01-14');
  assert.is(moscow.addWorkingDays('2025-12-30', 1), '2026-01-12');
});

working('from a non-working start day', () => {
  assert.is(moscow.addWorkingDays('2025-05-03', 1), '2025-05-05');
  assert.is(moscow.addWorkingDays('2025-05-03', 7), '2025-05-15');
  assert.is(moscow.addWorkingDays('2025-01-01', 1), '2025-01-09');
});

working('presidential non-working days are a layer that can be switched off', () => {
  const federalOnly = createCalendar({ presidentialDays: false });
  assert.is(moscow.addWorkingDays('2020-03-27', 1), '2020-05-12');
  assert.is(federalOnly.addWorkingDays('2020-03-27', 1), '2020-03-30');
  assert.is(moscow.addWorkingDays('2021-10-29', 1), '2021-11-08');
  assert.is(federalOnly.addWorkingDays('2021-10-29', 1), '2021-11-01');
  assert.equal([moscow.yearSummary(2020).workingDays, moscow.yearSummary(2021).workingDays], [248 - 29, 247 - 7]);
  assert.is(moscow.isWorkingDay('2020-06-24'), false);
  assert.is(federalOnly.isWorkingDay('2020-06-24'), true);
});

working('accepts a Luxon DateTime, taking its date in the calendar zone', () => {
  const instant = DateTime.fromISO('2025-04-29T20:30:00Z');
  assert.is(moscow.addWorkingDays(instant, 7), '2025-05-14'); // 23:30 on 29 April in Moscow
  assert.is(yekaterinburg.addWorkingDays(instant, 7), '2025-05-15'); // 01:30 on 30 April in Yekaterinburg
  assert.is(moscow.localDate('2025-04-29T20:30:00Z'), '2025-04-29');
  assert.is(yekaterinburg.localDate(new Date('2025-04-29T20:30:00Z')), '2025-04-30');
});

working.run();

const other = suite('the other term operations');

other('nextWorkingDay and workingDayOnOrAfter (art. 193)', () => {
  assert.is(moscow.nextWorkingDay('2024-12-27'), '2024-12-28');
  assert.is(moscow.nextWorkingDay('2025-05-07'), '2025-05-12');
  assert.is(moscow.workingDayOnOrAfter('2025-05-07'), '2025-05-07');
  assert.is(moscow.workingDayOnOrAfter('2025-05-08'), '2025-05-12');
});

other('addCalendarDays moves a last day that is off to the next working day', () => {
  assert.is(moscow.addCalendarDays('2025-04-22', 10), '2025-05-05');
  assert.is(moscow.addCalendarDays('2025-04-21', 5), '2025-04-28');
  assert.is(moscow.addCalendarDays('2024-12-26', 2), '2024-12-28');
});

other('workingDaysBetween counts the half-open interval (a, b], negative backwards', () => {
  assert.is(moscow.workingDaysBetween('2024-12-27', '2025-01-21'), 10);
  assert.is(moscow.workingDaysBetween('2025-01-21', '2024-12-27'), -10);
  assert.is(moscow.workingDaysBetween('2025-05-14', '2025-05-14'), 0);
  assert.is(moscow.workingDaysBetween('2024-12-31', '2025-12-31'), 247);
  let total = 0;
  for (let year = 2013; year <= 2026; year++) total += moscow.yearSummary(year).workingDays;
  assert.is(moscow.workingDaysBetween('2013-01-01', '2026-12-31'), total);
});

other('agrees with counting day by day, for every start in 2024–2025 and n up to 30', () => {
  for (let time = Date.UTC(2024, 0, 1); time < Date.UTC(2026, 0, 1); time += 86_400_000) {
    const from = new Date(time).toISOString().slice(0, 10);
    let day = time;
    for (let n = 1; n <= 30; n++) {
      do day += 86_400_000;
      while (!moscow.isWorkingDay(new Date(day).toISOString().slice(0, 10)));
      assert.is(moscow.addWorkingDays(from, n), new Date(day).toISOString().slice(0, 10));
    }
    assert.is(moscow.workingDaysBetween(from, new Date(day).toISOString().slice(0, 10)), 30);
  }
});

other.run();

const ending = suite('the end of a term: Civil Code art. 194');

ending('termEnd is 24:00 of the last day in the body time zone', () => {
  const end = yekaterinburg.termEnd('2025-04-29', 7);
  assert.is(end.zoneName, 'Asia/Yekaterinburg');
  assert.is(end.toISO(), '2025-05-15T00:00:00.000+05:00');
  assert.is(end.toUTC().toISO(), '2025-05-14T19:00:00.000Z');
  assert.is(moscow.termEnd('2025-04-29', 7).toISO(), '2025-05-15T00:00:00.000+03:00');
});

ending('term returns plain data in working or calendar days', () => {
  assert.equal(moscow.term('2025-04-29', 7), { lastDay: '2025-05-14', dueAt: '2025-05-14T21:00:00.000Z', provisional: false });
  assert.equal(yekaterinburg.term('2025-04-22', 10, 'calendarDays'), { lastDay: '2025-05-05', dueAt: '2025-05-05T19:00:00.000Z', provisional: false });
});

ending.run();
