/**
 * @module quality/days
 * Journal dates as local day numbers (days since 1970-01-01 in the school's time zone). The
 * quality rules count whole calendar days, so every date and instant of a journal record is
 * reduced once to the local date it fell on; the rules then compare small integers.
 *
 * Parsing is hand-written for speed (millions of records per second): `YYYY-MM-DD`,
 * `DD.MM.YYYY`, either followed by ` ` or `T`, `HH:mm[:ss[.fff]]` and an optional `Z` or
 * `±HH[:MM]`. A time without a zone is local time of the school; a time with a zone is an
 * instant, moved into the school's zone.
 */
import { dayNumber as dayFromCivil } from '../calendar/dates.js';
import { MS_PER_DAY, type DayZone } from './day-zone.js';

/** Days since 1970-01-01 of a proleptic Gregorian date (the calendar's day numbering). */
export { dayFromCivil };

export { createDayZone, type DayZone } from './day-zone.js';

/**
 * The `YYYY-MM-DD` form of a day number.
 *
 * @example
 * dayToIso(dayFromCivil(2025, 3, 12)); // '2025-03-12'
 */
export function dayToIso(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** Sentinel returned by {@link parseLocalDay} for text that is not a date. */
export const NOT_A_DAY = Number.NaN;

/**
 * The local day of a journal date or date-time, or NaN when the text is not one.
 *
 * @example
 * parseLocalDay('12.03.2025', zone) === parseLocalDay('2025-03-12', zone); // true
 * parseLocalDay('2025-03-12T23:59:00+05:00', createDayZone('Asia/Yekaterinburg')); // 2025-03-12
 */
export function parseLocalDay(text: string, zone: DayZone): number {
  return parseLocalDayAt(text, 0, text.length, zone);
}

/**
 * Like {@link parseLocalDay} over `text.slice(start, end)`, without making the slice: the JSON
 * Lines fast path reads dates where they stand in the line.
 *
 * @example
 * parseLocalDayAt('{"lessonDate":"2025-03-12"}', 15, 25, zone); // 2025-03-12
 */
export function parseLocalDayAt(text: string, start: number, end: number, zone: DayZone): number {
  const length = end - start;
  if (length < 10) return NOT_A_DAY;
  let year: number;
  let month: number;
  let day: number;
  if (text.charCodeAt(start + 4) === 45 /* - */ && text.charCodeAt(start + 7) === 45) {
    year = digits(text, start, 4);
    month = digits(text, start + 5, 2);
    day = digits(text, start + 8, 2);
  } else if (text.charCodeAt(start + 2) === 46 /* . */ && text.charCodeAt(start + 5) === 46) {
    day = digits(text, start, 2);
    month = digits(text, start + 3, 2);
    year = digits(text, start + 6, 4);
  } else {
    return NOT_A_DAY;
  }
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NOT_A_DAY;
  const localDay = dayFromCivil(year, month, day);
  if (length === 10) return localDay;
  return parseTimeOfDay(text, start + 10, end, localDay, zone);
}

function parseTimeOfDay(text: string, at: number, end: number, localDay: number, zone: DayZone): number {
  const separator = text.charCodeAt(at);
  if ((separator !== 84 /* T */ && separator !== 32) || end - at < 6 || text.charCodeAt(at + 3) !== 58 /* : */) return NOT_A_DAY;
  const hour = digits(text, at + 1, 2);
  const minute = digits(text, at + 4, 2);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return NOT_A_DAY;
  at += 6;
  let second = 0;
  let millis = 0;
  if (at < end && text.charCodeAt(at) === 58) {
    if (end - at < 3) return NOT_A_DAY;
    second = digits(text, at + 1, 2);
    if (second < 0 || second > 59) return NOT_A_DAY;
    at += 3;
    if (at < end && text.charCodeAt(at) === 46 /* . */) {
      const first = ++at;
      while (at < end && text.charCodeAt(at) >= 48 && text.charCodeAt(at) <= 57) at++;
      if (at === first) return NOT_A_DAY;
      millis = digits(text, first, Math.min(3, at - first)) * (at - first === 1 ? 100 : at - first === 2 ? 10 : 1);
    }
  }
  if (at === end) return localDay;
  const offsetMinutes = parseOffset(text, at, end);
  if (Number.isNaN(offsetMinutes)) return NOT_A_DAY;
  const epochMs = localDay * MS_PER_DAY + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + millis;
  return zone.dayOfInstant(epochMs);
}

function parseOffset(text: string, at: number, end: number): number {
  const rest = end - at;
  const sign = text.charCodeAt(at);
  if (sign === 90 /* Z */ && rest === 1) return 0;
  if ((sign !== 43 && sign !== 45) || (rest !== 3 && rest !== 5 && rest !== 6)) return NOT_A_DAY;
  const hours = digits(text, at + 1, 2);
  let minutes = 0;
  if (rest === 6) {
    if (text.charCodeAt(at + 3) !== 58) return NOT_A_DAY;
    minutes = digits(text, at + 4, 2);
  } else if (rest === 5) {
    minutes = digits(text, at + 3, 2);
  }
  if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59) return NOT_A_DAY;
  const total = hours * 60 + minutes;
  return sign === 45 ? -total : total;
}
