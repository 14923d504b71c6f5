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
  getHolidays(year: number): { date: string; type: string; name: string }[];
}
type HolidaysClass = new (country?: string, state?: string) => HolidaysInstance;

let Holidays: HolidaysClass | undefined;

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
        const federalDates = new Set(federal.getHolidays(year).map((holiday) => holiday.date.slice(0, 10)));
        list = regional
          .getHolidays(year)
          .filter((holiday) => holiday.type === 'public' && !federalDates.has(holiday.date.slice(0, 10)))
          .map((holiday) => {
            const [y, m, d] = holiday.date.slice(0, 10).split('-').map(Number) as [number, number, number];
            return { day: dayNumber(y, m, d), name: holiday.name };
          });
        cache.set(year, list);
      }
      return list;
    },
  };
}
