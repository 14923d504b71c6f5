/**
 * @module calendar/dates
 * Civil dates as day numbers (days since 1970-01-01) with a strict, allocation-free
 * `YYYY-MM-DD` parser: the hot path of every calendar call. Time zones never enter here; a
 * calendar date is the same date everywhere.
 */
import { ReglamentError } from '../errors.js';

/** First year the calendar answers for: the Labour Code art. 112 holiday list in force since 2013. */
export const MIN_YEAR = 2013;
/** Last year the calendar answers for. */
export const MAX_YEAR = 2100;

const CUMULATIVE_MONTH_DAYS = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True for a Gregorian leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (MONTH_DAYS[month - 1] ?? 0);
}

/**
 * The day number of a civil date: days since 1970-01-01 (H. Hinnant's days_from_civil).
 *
 * @example
 * dayNumber(1970, 1, 2); // 1
 */
export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** True when the day number falls on a Saturday or Sunday. */
export function isWeekend(day: number): boolean {
  return isoWeekday(day) >= 6;
}

// Day numbers of 1 January for MIN_YEAR … MAX_YEAR + 1, so parsing never does division.
const YEAR_START = new Int32Array(MAX_YEAR - MIN_YEAR + 2);
for (let year = MIN_YEAR; year <= MAX_YEAR + 1; year++) YEAR_START[year - MIN_YEAR] = dayNumber(year, 1, 1);

/** Day number of 1 January of a supported year (MIN_YEAR … MAX_YEAR + 1). */
export function yearStart(year: number): number {
  return YEAR_START[year - MIN_YEAR] as number;
}

/** First and last supported day numbers. */
export const FIRST_DAY = dayNumber(MIN_YEAR, 1, 1);
export const LAST_DAY = dayNumber(MAX_YEAR, 12, 31);

/** The year of a day number inside the supported range. */
export function yearOfDay(day: number): number {
  let year = MIN_YEAR + Math.floor((day - FIRST_DAY) / 365.2425);
  if (year < MIN_YEAR) year = MIN_YEAR;
  while (year > MIN_YEAR && day < (YEAR_START[year - MIN_YEAR] as number)) year--;
  while (year <= MAX_YEAR && day >= (YEAR_START[year - MIN_YEAR + 1] as number)) year++;
  return year;
}

/**
 * Formats a day number as `YYYY-MM-DD` (civil_from_days).
 *
 * @example
 * formatDay(dayNumber(2025, 5, 14)); // '2025-05-14'
 */
export function formatDay(day: number): string {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

function digit(text: string, index: number): number {
  const code = text.charCodeAt(index) - 48;
  return code >= 0 && code <= 9 ? code : -1000;
}

/**
 * Parses a strict `YYYY-MM-DD` calendar date into a day number, or throws INVALID_DATE naming
 * the value. The year is not range-checked here (the calendar does that, as OUT_OF_RANGE).
 *
 * @example
 * parseIsoDate('2025-04-29'); // 20207
 * parseIsoDate('2025-02-30'); // throws ReglamentError INVALID_DATE
 */
export function parseIsoDate(text: string, path?: string): number {
  if (text.length === 10 && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45) {
    const year = digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3);
    const month = digit(text, 5) * 10 + digit(text, 6);
    const day = digit(text, 8) * 10 + digit(text, 9);
    if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) {
      if (year >= MIN_YEAR && year <= MAX_YEAR) {
        const leap = month > 2 && isLeapYear(year) ? 1 : 0;
        return (YEAR_START[year - MIN_YEAR] as number) + (CUMULATIVE_MONTH_DAYS[month - 1] as number) + leap + day - 1;
      }
      return dayNumber(year, month, day);
    }
  }
  throw new ReglamentError('INVALID_DATE', `not a calendar date (YYYY-MM-DD): ${JSON.stringify(text)}`, { path, details: { value: text } });
}
