/**
 * @module calendar/regions
 * Regional public holidays of a federal subject (e.g. 'RU-TA' Tatarstan, 'RU-BA' Bashkortostan),
 * taken from date-holidays. Only the days that are not federal holidays are returned; a
 * regional holiday on a weekend is not moved (regions decide such moves by their own acts,
 * which date-holidays does not carry: load them as overrides).
 */
import { createRequire } from 'node:module';
import { ReglamentError } from '../errors.js';
import { dayNumber } from './dates.js';

interface HolidaysInstance {
  getStates(country: string): Record<string, string> | undefined;
  getHolidays(year: number): DateHoliday[];
}
interface DateHoliday {
  date: string;
  start: Date;
  end: Date;
  type: string;
  name: string;
}
type HolidaysClass = new (country?: string, state?: string) => HolidaysInstance;

let Holidays: HolidaysClass | undefined;

/** Day numbers a date-holidays entry covers: some are ranges (e.g. 'Новогодние каникулы' 2–6 January). */
function daysOf(holiday: DateHoliday): number[] {
  const [y, m, d] = holiday.date.slice(0, 10).split('-').map(Number) as [number, number, number];
  const first = dayNumber(y, m, d);
  const length = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / 86_400_000));
  return Array.from({ length }, (_, i) => first + i);
}

// date-holidays carries every country's rules (a large module): load it only when a region is asked for.
function holidaysClass(): HolidaysClass {
  Holidays ??= createRequire(import.meta.url)('date-holidays') as HolidaysClass;
  return Holidays;
}

/** A regional layer: the region's own holidays of a year, as day numbers. */
export interface RegionalHolidays {
  region: string;
  name: string;
  holidays(year: number): { day: number; name: string }[];
}

/**
 * The regional layer of an ISO 3166-2 subdivision code, or UNKNOWN_REGION naming it.
 *
 * @example
 * regionalHolidays('RU-TA').holidays(2024); // [{ day: …, name: 'День Республики Татарстан' }, …]
 */
export function regionalHolidays(region: string): RegionalHolidays {
  const Ctor = holidaysClass();
  const states = new Ctor().getStates('RU') ?? {};
  const match = /^RU-([A-Z]{2,3})$/i.exec(region);
  const state = match?.[1]?.toUpperCase();
  if (state === undefined || !(state in states)) {
    const known = Object.keys(states).map((code) => `RU-${code}`).join(', ');
    throw new ReglamentError('UNKNOWN_REGION', `unknown region ${JSON.stringify(region)}; known: ${known}`, { path: '/region', details: { value: region } });
  }
  const regional = new Ctor('RU', state);
  const federal = new Ctor('RU');
  const cache = new Map<number, { day: number; name: string }[]>();
  return {
    region: `RU-${state}`,
    name: states[state] as string,
    holidays(year) {
      let list = cache.get(year);
      if (!list) {
        const federalDays = new Set(federal.getHolidays(year).flatMap(daysOf));
        list = regional
          .getHolidays(year)
          .filter((holiday) => holiday.type === 'public')
          .flatMap((holiday) => daysOf(holiday).map((day) => ({ day, name: holiday.name })))
          .filter((holiday) => !federalDays.has(holiday.day));
        cache.set(year, list);
      }
      return list;
    },
  };
}
