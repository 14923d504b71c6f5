/**
 * @module calendar/labour-code
 * The fallback for a year without official data: Labour Code art. 112 (public holidays, and a
 * holiday on a weekend moves the day off to the next working day, except the 1–8 January
 * holidays) and art. 95 (the working day before a holiday is one hour shorter).
 *
 * What the fallback cannot know: every year the Government moves two of the January weekend
 * days off (and sometimes more) to dates of its choosing by decree. Those moves are missing
 * here, so every answer touching such a year is marked `provisional`.
 */
import { dayNumber, isWeekend } from './dates.js';

/** The public holidays of Labour Code art. 112 (since 2013), as [month, day]. */
export const PUBLIC_HOLIDAYS: readonly (readonly [number, number])[] = [
  [1, 1], [1, 2], [1, 3], [1, 4], [1, 5], [1, 6], [1, 8], // Новогодние каникулы
  [1, 7], // Рождество Христово
  [2, 23], // День защитника Отечества
  [3, 8], // Международный женский день
  [5, 1], // Праздник Весны и Труда
  [5, 9], // День Победы
  [6, 12], // День России
  [11, 4], // День народного единства
];

/** A year computed by the Labour Code rules alone, dates as day numbers. */
export interface LabourCodeYear {
  nonWorkingDays: number[];
  shortDays: number[];
}

/**
 * The non-working weekdays and shortened days of `year` by the Labour Code alone.
 *
 * @example
 * labourCodeYear(2027).nonWorkingDays.length; // 12: 9 holidays on weekdays + 3 moved from weekends
 */
export function labourCodeYear(year: number): LabourCodeYear {
  const holidays = PUBLIC_HOLIDAYS.map(([month, day]) => ({ month, day: dayNumber(year, month, day) })).sort((a, b) => a.day - b.day);
  const holidaySet = new Set(holidays.map((holiday) => holiday.day));
  const off = new Set<number>();
  for (const holiday of holidays) {
    if (!isWeekend(holiday.day)) {
      off.add(holiday.day);
    } else if (holiday.month !== 1) {
      let next = holiday.day + 1;
      while (isWeekend(next) || holidaySet.has(next) || off.has(next)) next++;
      off.add(next);
    }
  }
  const shortDays: number[] = [];
  const lastDay = dayNumber(year, 12, 31);
  for (let day = dayNumber(year, 1, 1); day <= lastDay; day++) {
    const working = !isWeekend(day) && !off.has(day);
    // 31 December is followed by 1 January of the next year, always a holiday.
    if (working && (holidaySet.has(day + 1) || day === lastDay)) shortDays.push(day);
  }
  return { nonWorkingDays: [...off].sort((a, b) => a - b), shortDays };
}
