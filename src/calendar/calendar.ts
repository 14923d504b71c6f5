/**
 * @module calendar/calendar
 * `createCalendar`: the working-day calendar of a body (country, region, time zone, its own
 * overrides) and the term arithmetic of Civil Code art. 191–194 on top of it. Every call is a
 * few array reads in the per-year index (see year-index.ts), built lazily for the years touched.
 */
import { DateTime, IANAZone } from 'luxon';
import { ReglamentError } from '../errors.js';
import { LAST_DAY, MAX_YEAR, MIN_YEAR, formatDay, yearOfDay } from './dates.js';
import { checkCount, resultOutOfRange, toDay } from './input.js';
import { presidentialDecrees } from './official-data.js';
import { compileOverrides } from './overrides.js';
import { regionalHolidays } from './regions.js';
import type { Calendar, CalendarOptions, DateInput, IsoDate, TermEnd, YearSummary } from './types.js';
import { SHORT, WORKING, buildYearIndex, type CalendarLayers, type YearIndex } from './year-index.js';

function checkOptions(options: CalendarOptions): void {
  if (options.country !== undefined && options.country !== 'RU') {
    throw new ReglamentError('INVALID_INPUT', `unknown country ${JSON.stringify(options.country)}; only 'RU' is known`, { path: '/country' });
  }
  if (options.timeZone !== undefined && !IANAZone.isValidZone(options.timeZone)) {
    throw new ReglamentError('INVALID_INPUT', `unknown time zone ${JSON.stringify(options.timeZone)}`, { path: '/timeZone' });
  }
}

function layersOf(options: CalendarOptions): CalendarLayers {
  const overrides = options.overrides === undefined ? [] : Array.isArray(options.overrides) ? options.overrides : [options.overrides];
  return {
    presidential: options.presidentialDays === false ? [] : presidentialDecrees(),
    region: options.region === undefined ? undefined : regionalHolidays(options.region),
    overrides: overrides.map((layer, i) => compileOverrides(layer, overrides.length > 1 ? `overrides[${i}]` : 'overrides')),
  };
}

/**
 * Creates a working-day calendar. Cheap: a year's index is built when a call first touches it.
 *
 * @example
 * const calendar = createCalendar({ timeZone: 'Asia/Yekaterinburg' });
 * calendar.addWorkingDays('2025-04-29', 7); // '2025-05-14'
 * calendar.term('2025-04-29', 7).dueAt; // '2025-05-14T19:00:00.000Z' (24:00 in Yekaterinburg)
 */
export function createCalendar(options: CalendarOptions = {}): Calendar {
  checkOptions(options);
  const timeZone = options.timeZone ?? 'Europe/Moscow';
  const layers = layersOf(options);
  const years: (YearIndex | undefined)[] = new Array(MAX_YEAR - MIN_YEAR + 1);
  const region = layers.region?.region;

  function indexOf(year: number): YearIndex {
    return (years[year - MIN_YEAR] ??= buildYearIndex(year, layers));
  }

  // Where the last lookup landed: the year's index and the position in its working days. Kept in
  // closure variables rather than a returned object so the hot path allocates nothing.
  let foundIndex: YearIndex;
  let foundAt = 0;

  /** Finds the n-th working day after `day` (n ≥ 1) into foundIndex / foundAt. */
  function locateWorkingDay(day: number, n: number, path: string): void {
    let index = indexOf(yearOfDay(day));
    let k = (index.cumulative[day - index.start] as number) + n;
    while (k > index.total) {
      if (index.year === MAX_YEAR) throw resultOutOfRange(path);
      k -= index.total;
      index = indexOf(index.year + 1);
    }
    foundIndex = index;
    foundAt = k - 1;
  }

  function workingDayAfter(day: number, n: number, path: string): number {
    locateWorkingDay(day, n, path);
    return foundIndex.workingDays[foundAt] as number;
  }

  function isWorking(day: number): boolean {
    const index = indexOf(yearOfDay(day));
    return ((index.flags[day - index.start] as number) & WORKING) !== 0;
  }

  function onOrAfter(day: number, path: string): number {
    return isWorking(day) ? day : workingDayAfter(day, 1, path);
  }

  function touchesProvisional(first: number, last: number): boolean {
    for (let year = yearOfDay(Math.min(first, LAST_DAY)); year <= yearOfDay(last); year++) if (indexOf(year).provisional) return true;
    return false;
  }

  function lastDayOf(from: DateInput, n: number, unit: 'workingDays' | 'calendarDays'): { start: number; last: number } {
    const start = toDay(from, timeZone, '/from');
    checkCount(n, '/n');
    if (unit === 'workingDays') return { start, last: n === 0 ? start : workingDayAfter(start, n, '/n') };
    if (unit !== 'calendarDays') throw new ReglamentError('INVALID_INPUT', `unit must be 'workingDays' or 'calendarDays', got ${JSON.stringify(unit)}`, { path: '/unit' });
    if (start + n > LAST_DAY) throw resultOutOfRange('/n');
    return { start, last: onOrAfter(start + n, '/n') };
  }

  function dueAt(last: number): DateTime {
    return DateTime.fromISO(formatDay(last), { zone: timeZone }).plus({ days: 1 });
  }

  return {
    timeZone,
    region,
    isWorkingDay: (date) => isWorking(toDay(date, timeZone, '/date')),
    isShortDay(date) {
      const day = toDay(date, timeZone, '/date');
      const index = indexOf(yearOfDay(day));
      return (index.flags[day - index.start] as number) === (WORKING | SHORT);
    },
    addWorkingDays(from, n) {
      const day = toDay(from, timeZone, '/from');
      checkCount(n, '/n');
      if (n === 0) return typeof from === 'string' ? from : formatDay(day);
      locateWorkingDay(day, n, '/n');
      return foundIndex.workingIso[foundAt] as IsoDate;
    },
    workingDaysBetween(a, b) {
      const first = toDay(a, timeZone, '/a');
      const second = toDay(b, timeZone, '/b');
      const [low, high, sign] = first <= second ? [first, second, 1] : [second, first, -1];
      let lowIndex = indexOf(yearOfDay(low));
      const highIndex = indexOf(yearOfDay(high));
      let count = (highIndex.cumulative[high - highIndex.start] as number) - (lowIndex.cumulative[low - lowIndex.start] as number);
      while (lowIndex.year < highIndex.year) {
        count += lowIndex.total;
        lowIndex = indexOf(lowIndex.year + 1);
      }
      return sign * count;
    },
    nextWorkingDay(date) {
      locateWorkingDay(toDay(date, timeZone, '/date'), 1, '/date');
      return foundIndex.workingIso[foundAt] as IsoDate;
    },
    workingDayOnOrAfter: (date) => formatDay(onOrAfter(toDay(date, timeZone, '/date'), '/date')),
    addCalendarDays: (from, n) => formatDay(lastDayOf(from, n, 'calendarDays').last),
    termEnd: (from, n) => dueAt(lastDayOf(from, n, 'workingDays').last),
    term(from, n, unit = 'workingDays'): TermEnd {
      const { start, last } = lastDayOf(from, n, unit);
      return { lastDay: formatDay(last), dueAt: dueAt(last).toUTC().toISO() as string, provisional: touchesProvisional(start + 1, last) };
    },
    isProvisional: (date) => indexOf(yearOfDay(toDay(date, timeZone, '/date'))).provisional,
    localDate(instant) {
      const value =
        instant instanceof Date ? DateTime.fromJSDate(instant) : typeof instant === 'string' ? DateTime.fromISO(instant, { setZone: true }) : instant;
      if (!DateTime.isDateTime(value) || !value.isValid) {
        throw new ReglamentError('INVALID_DATE', `not an instant: ${JSON.stringify(String(instant))}`, { path: '/instant' });
      }
      return value.setZone(timeZone).toISODate() as IsoDate;
    },
    yearSummary(year): YearSummary {
      if (!Number.isInteger(year)) throw new ReglamentError('INVALID_INPUT', `year must be a whole number, got ${String(year)}`, { path: '/year' });
      if (year < MIN_YEAR || year > MAX_YEAR) {
        throw new ReglamentError('OUT_OF_RANGE', `year ${year} is outside the supported years ${MIN_YEAR}–${MAX_YEAR}`, { path: '/year' });
      }
      const index = indexOf(year);
      return {
        year,
        calendarDays: index.length,
        workingDays: index.total,
        nonWorkingDays: index.length - index.total,
        shortDays: index.shortCount,
        hours40: index.total * 8 - index.shortCount,
        provisional: index.provisional,
        sources: [...index.sources],
      };
    },
  };
}
