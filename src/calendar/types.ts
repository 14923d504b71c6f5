/**
 * @module calendar/types
 * The working-day calendar contract. Dates are ISO strings `YYYY-MM-DD` in the calendar's
 * own time zone; Luxon `DateTime` values are accepted wherever a date is read.
 */
import type { DateTime } from 'luxon';

/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

/** A date as a string, or a Luxon DateTime (its calendar date in the calendar's zone is used). */
export type DateInput = IsoDate | DateTime;

/** The end of a term: the last day and the instant it ends (24:00 local, Civil Code art. 194). */
export interface TermEnd {
  /** Last day of the term, `YYYY-MM-DD`, already moved to a working day (art. 193). */
  lastDay: IsoDate;
  /** The instant the term runs out: the start of the day after `lastDay` in the calendar zone, as ISO 8601 UTC. */
  dueAt: string;
  /** True when any day counted falls in a year without official data (Labour Code art. 112 fallback). */
  provisional: boolean;
}

export interface CalendarOptions {
  /** Only 'RU' is known today. */
  country?: 'RU';
  /** ISO 3166-2 subdivision with regional holidays, e.g. 'RU-TA', 'RU-BA'. */
  region?: string;
  /** IANA zone of the body that counts the term. Default 'Europe/Moscow'. */
  timeZone?: string;
  /** A municipality's own overrides (validated), or several layered in order. */
  overrides?: CalendarOverrides | CalendarOverrides[];
  /** Apply presidential non-working days (2020, 2021). Default true. */
  presidentialDays?: boolean;
}

/** A municipality's override layer, e.g. next year's decree loaded before a release. */
export interface CalendarOverrides {
  /** Where the facts come from, e.g. 'Постановление Правительства РФ от 24.09.2026 № 1234'. */
  source: string;
  /** Years this layer completes (a published decree loaded in full): answers touching them are no longer provisional. */
  years?: number[];
  /** Days that are not worked even though they would be (weekdays off). */
  nonWorkingDays?: IsoDate[];
  /** Days that are worked even though they would not be (e.g. a transferred Saturday). */
  workingDays?: IsoDate[];
  /** Working days shortened by one hour (pre-holiday). */
  shortDays?: IsoDate[];
}

/** The production-calendar figures of one year, as the layers of a calendar make it. */
export interface YearSummary {
  year: number;
  calendarDays: number;
  /** Working days of a five-day week. */
  workingDays: number;
  /** Weekends, holidays and every other day off. */
  nonWorkingDays: number;
  /** Working days shortened by one hour (pre-holiday, Labour Code art. 95). */
  shortDays: number;
  /** Working hours of a 40-hour week: 8 per working day, minus one per shortened day. */
  hours40: number;
  /** True when the year has no official data (Labour Code art. 112 fallback). */
  provisional: boolean;
  /** The acts the year's figures rest on (decree, presidential decrees, region, overrides). */
  sources: string[];
}

/**
 * A working-day calendar. Every method is pure and fast (precomputed index).
 *
 * @example
 * const calendar = createCalendar({ timeZone: 'Asia/Yekaterinburg' });
 * calendar.addWorkingDays('2025-04-29', 7); // '2025-05-14'
 */
export interface Calendar {
  readonly timeZone: string;
  readonly region: string | undefined;
  isWorkingDay(date: DateInput): boolean;
  /** `n` working days after `from`; counting starts the day after `from` (Civil Code art. 191). */
  addWorkingDays(from: DateInput, n: number): IsoDate;
  /** Working days in the half-open interval (a, b]; negative when b < a. */
  workingDaysBetween(a: DateInput, b: DateInput): number;
  /** The first working day strictly after `date`. */
  nextWorkingDay(date: DateInput): IsoDate;
  /** `date` itself when it is a working day, else the next working day (art. 193). */
  workingDayOnOrAfter(date: DateInput): IsoDate;
  /** `n` calendar days after `from`, moved to the next working day when it falls on a day off (art. 193). */
  addCalendarDays(from: DateInput, n: number): IsoDate;
  /** The instant a term of `n` working days from `from` runs out: 24:00 local of the last day. */
  termEnd(from: DateInput, n: number): DateTime;
  /** Like termEnd, with the last day and the provisional flag, in plain data. */
  term(from: DateInput, n: number, unit?: 'workingDays' | 'calendarDays'): TermEnd;
  /** True when `date` falls in a year without official data. */
  isProvisional(date: DateInput): boolean;
  /** The calendar date of an instant in the calendar's zone. */
  localDate(instant: Date | string | DateTime): IsoDate;
  /** True when `date` is a working day shortened by one hour (pre-holiday). */
  isShortDay(date: DateInput): boolean;
  /** The production-calendar figures of `year` (working days, shortened days, hours of a 40-hour week). */
  yearSummary(year: number): YearSummary;
}
