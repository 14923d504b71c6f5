/**
 * @module bench/calendar
 * `npm run bench:calendar`: "n working days after a date" three ways, on the same seeded random
 * inputs (start dates 2022–2025, n in 1..30), in one run:
 *   - reglament `addWorkingDays` (precomputed per-year index);
 *   - luxon-business-days `plusBusiness`, configured as well as it can be: every official
 *     weekday off of the production calendar as a holiday matcher. It has no way to make a
 *     Saturday a working day, so the transferred working Saturdays stay missing;
 *   - a day-by-day loop over date-holidays' Russian public holidays, cached per year (it knows
 *     no transfer decrees at all).
 * Prints calls per second, the ratios, and how often each peer's answer differs from
 * reglament's for 7 and 10 working days over every start date 2022–2025. The last line is one
 * JSON object with the figures.
 */
import { createRequire } from 'node:module';
import type { DateTime as LuxonDateTime } from 'luxon';
import { createCalendar } from '../src/calendar/calendar.js';

interface BusinessDateTime extends LuxonDateTime {
  setupBusiness(options: { businessDays?: number[]; holidayMatchers?: ((day: BusinessDateTime) => boolean)[] }): void;
  plusBusiness(options: { days: number }): BusinessDateTime;
}
interface HolidaysInstance {
  getHolidays(year: number): { date: string; start: Date; end: Date; type: string }[];
}

const require = createRequire(import.meta.url);
const { DateTime: Business } = require('luxon-business-days') as { DateTime: { fromISO(text: string): BusinessDateTime } };
const Holidays = require('date-holidays') as new (country: string) => HolidaysInstance;

const calendar = createCalendar();

// Every start date 2022-01-01 … 2025-12-31.
const startDates: string[] = [];
for (let time = Date.UTC(2022, 0, 1); time < Date.UTC(2026, 0, 1); time += 86_400_000) startDates.push(new Date(time).toISOString().slice(0, 10));

// mulberry32: a small seeded generator, so every run times the same inputs.
function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = seeded(20250429);
const SIZE = 1 << 16;
const inputs = Array.from({ length: SIZE }, () => ({ from: startDates[Math.floor(random() * startDates.length)] as string, n: 1 + Math.floor(random() * 30) }));

// luxon-business-days at its best: the production calendar's weekdays off as one matcher.
const officialDaysOff = new Set(startDates.concat(Array.from({ length: 60 }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10))).filter((day) => !calendar.isWorkingDay(day)));
Business.fromISO('2025-01-01').setupBusiness({ businessDays: [1, 2, 3, 4, 5], holidayMatchers: [(day) => officialDaysOff.has(day.toISODate() as string)] });

// The loop a careful user writes: date-holidays' public holidays of a year, computed once per year.
const russianHolidays = new Holidays('RU');
const holidaysOfYear = new Map<number, Set<string>>();
function isRussianHoliday(iso: string): boolean {
  const year = Number(iso.slice(0, 4));
  let days = holidaysOfYear.get(year);
  if (!days) {
    days = new Set<string>();
    for (const holiday of russianHolidays.getHolidays(year)) {
      if (holiday.type !== 'public') continue;
      // Some entries are ranges ('Новогодние каникулы' 2–6 January): take every day they cover.
      const first = Date.parse(`${holiday.date.slice(0, 10)}T00:00:00Z`);
      const length = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / 86_400_000));
      for (let i = 0; i < length; i++) days.add(new Date(first + i * 86_400_000).toISOString().slice(0, 10));
    }
    holidaysOfYear.set(year, days);
  }
  return days.has(iso);
}
function dateHolidaysLoop(from: string, n: number): string {
  const day = new Date(`${from}T00:00:00Z`);
  let left = n;
  while (left > 0) {
    day.setUTCDate(day.getUTCDate() + 1);
    const weekday = day.getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !isRussianHoliday(day.toISOString().slice(0, 10))) left--;
  }
  return day.toISOString().slice(0, 10);
}

const peers = {
  reglament: (from: string, n: number) => calendar.addWorkingDays(from, n),
  luxonBusinessDays: (from: string, n: number) => Business.fromISO(from).plusBusiness({ days: n }).toISODate() as string,
  dateHolidaysLoop,
};

let sink = 0;
function callsPerSecond(run: (from: string, n: number) => string, minMs: number): number {
  for (let i = 0; i < 2000; i++) sink += run(inputs[i % SIZE]!.from, inputs[i % SIZE]!.n).length;
  let calls = 0;
  const started = process.hrtime.bigint();
  let elapsed = 0;
  do {
    for (let i = 0; i < 1000; i++, calls++) {
      const input = inputs[calls & (SIZE - 1)]!;
      sink += run(input.from, input.n).length;
    }
    elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  } while (elapsed < minMs);
  return (calls / elapsed) * 1000;
}

const speed = {
  reglament: callsPerSecond(peers.reglament, 1500),
  luxonBusinessDays: callsPerSecond(peers.luxonBusinessDays, 1500),
  dateHolidaysLoop: callsPerSecond(peers.dateHolidaysLoop, 1500),
};

function wrongShare(peer: (from: string, n: number) => string, n: number): number {
  let wrong = 0;
  for (const from of startDates) if (peer(from, n) !== calendar.addWorkingDays(from, n)) wrong++;
  return Number((wrong / startDates.length).toFixed(4));
}
const peerWrongShare = {
  luxonBusinessDays: { '7': wrongShare(peers.luxonBusinessDays, 7), '10': wrongShare(peers.luxonBusinessDays, 10) },
  dateHolidaysLoop: { '7': wrongShare(peers.dateHolidaysLoop, 7), '10': wrongShare(peers.dateHolidaysLoop, 10) },
};

const round = (value: number) => Math.round(value);
const ratio = (value: number) => Number(value.toFixed(1));
const pct = (share: number) => `${(share * 100).toFixed(1)}%`;
console.log(`inputs: ${SIZE} seeded pairs (start 2022–2025, n 1..30); node ${process.version}`);
console.log(`reglament addWorkingDays          ${round(speed.reglament).toLocaleString('en')} calls/s`);
console.log(`luxon-business-days plusBusiness  ${round(speed.luxonBusinessDays).toLocaleString('en')} calls/s  (reglament ×${ratio(speed.reglament / speed.luxonBusinessDays)})`);
console.log(`date-holidays day-by-day loop     ${round(speed.dateHolidaysLoop).toLocaleString('en')} calls/s  (reglament ×${ratio(speed.reglament / speed.dateHolidaysLoop)})`);
console.log(`answers that differ from the official calendar, every start date 2022–2025 (${startDates.length}):`);
console.log(`  luxon-business-days (all official days off given; cannot make a Saturday working): 7 wd ${pct(peerWrongShare.luxonBusinessDays['7'])}, 10 wd ${pct(peerWrongShare.luxonBusinessDays['10'])}`);
console.log(`  date-holidays loop (its RU list, no transfer decrees):                              7 wd ${pct(peerWrongShare.dateHolidaysLoop['7'])}, 10 wd ${pct(peerWrongShare.dateHolidaysLoop['10'])}`);
if (sink === -1) console.log('');
console.log(
  JSON.stringify({
    bench: 'calendar',
    callsPerSec: round(speed.reglament),
    vsLuxonBusinessDays: ratio(speed.reglament / speed.luxonBusinessDays),
    vsDateHolidaysLoop: ratio(speed.reglament / speed.dateHolidaysLoop),
    peerWrongShare,
  }),
);
