/**
 * @module calendar/input
 * Turns what a caller passes (a `YYYY-MM-DD` string, a Luxon DateTime, a count of days) into
 * checked values, or a ReglamentError naming the bad value: INVALID_DATE, INVALID_INPUT,
 * OUT_OF_RANGE.
 */
import { DateTime } from 'luxon';
import { ReglamentError } from '../errors.js';
import { FIRST_DAY, LAST_DAY, MAX_YEAR, MIN_YEAR, dayNumber, parseIsoDate } from './dates.js';
import type { DateInput } from './types.js';

/** The longest term accepted, in days: the whole supported range. */
export const MAX_TERM_DAYS = LAST_DAY - FIRST_DAY;

function outOfRange(value: string, path: string): ReglamentError {
  return new ReglamentError('OUT_OF_RANGE', `${path.slice(1)} ${value} is outside the supported years ${MIN_YEAR}–${MAX_YEAR}`, { path, details: { value } });
}

/**
 * The day number of a date input, its calendar date taken in `timeZone` for a DateTime.
 *
 * @example
 * toDay('2025-04-29', 'Europe/Moscow', '/from'); // 20207
 */
export function toDay(date: DateInput, timeZone: string, path: string): number {
  let day: number;
  if (typeof date === 'string') {
    day = parseIsoDate(date, path);
  } else if (DateTime.isDateTime(date)) {
    if (!date.isValid) throw new ReglamentError('INVALID_DATE', `${path.slice(1)} is an invalid DateTime (${date.invalidReason ?? 'unknown reason'})`, { path });
    const local = date.setZone(timeZone);
    day = dayNumber(local.year, local.month, local.day);
  } else {
    throw new ReglamentError('INVALID_DATE', `${path.slice(1)} must be a YYYY-MM-DD string or a Luxon DateTime, got ${typeof date}`, { path });
  }
  if (day < FIRST_DAY || day > LAST_DAY) throw outOfRange(typeof date === 'string' ? date : date.toISO() ?? String(date), path);
  return day;
}

/**
 * Checks a count of days: a whole number, not negative, not beyond the supported range.
 *
 * @example
 * checkCount(7, '/n'); // ok
 * checkCount(1.5, '/n'); // throws INVALID_INPUT
 */
export function checkCount(n: unknown, path: string): asserts n is number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
    throw new ReglamentError('INVALID_INPUT', `${path.slice(1)} must be a whole number of days, 0 or more; got ${String(n)}`, { path, details: { value: n } });
  }
  if (n > MAX_TERM_DAYS) {
    throw new ReglamentError('OUT_OF_RANGE', `${path.slice(1)} = ${n} days runs past ${MAX_YEAR}-12-31 (at most ${MAX_TERM_DAYS})`, { path, details: { value: n } });
  }
}

/** The OUT_OF_RANGE error of a result past the last supported day. */
export function resultOutOfRange(path: string): ReglamentError {
  return new ReglamentError('OUT_OF_RANGE', `the result runs past ${MAX_YEAR}-12-31, the last supported day`, { path });
}
