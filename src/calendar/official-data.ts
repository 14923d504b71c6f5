/**
 * @module calendar/official-data
 * The federal layers, read lazily from `calendars/RU/`: one file per year of the official
 * production calendar (the Government's transfer decree applied to the Labour Code holidays) and
 * the presidential non-working days of 2020–2021. Each file is validated when first read.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isWeekend } from './dates.js';
import { checkDate, checkDates, invalidCalendar, validateSchema } from './validation.js';

/** One official year, dates as day numbers. */
export interface OfficialYear {
  year: number;
  source: string;
  nonWorkingDays: number[];
  workingDays: number[];
  shortDays: number[];
}

/** One presidential decree and the days it declared non-working, as day numbers. */
export interface PresidentialDecree {
  source: string;
  days: number[];
}

interface OfficialYearFile {
  year: number;
  source: string;
  nonWorkingDays: string[];
  workingDays: string[];
  shortDays: string[];
}

interface PresidentialFile {
  decrees: { source: string; periods: { from: string; to: string }[] }[];
}

const dataDir = new URL('../../calendars/RU/', import.meta.url);
const years = new Map<number, OfficialYear | null>();
let presidential: PresidentialDecree[] | undefined;

function readJson(name: string): unknown {
  const where = `calendars/RU/${name}`;
  try {
    return JSON.parse(readFileSync(new URL(name, dataDir), 'utf8'));
  } catch (error) {
    throw invalidCalendar(where, '/', `cannot be read as JSON (${error instanceof Error ? error.message : String(error)})`, error);
  }
}

function parseYear(year: number, raw: unknown): OfficialYear {
  const where = `calendars/RU/${year}.json`;
  validateSchema('calendar', raw, where);
  const file = raw as OfficialYearFile;
  if (file.year !== year) throw invalidCalendar(where, '/year', `is ${file.year}, expected ${year}`);
  const nonWorkingDays = checkDates(file.nonWorkingDays, '/nonWorkingDays', where, year);
  const workingDays = checkDates(file.workingDays, '/workingDays', where, year);
  nonWorkingDays.forEach((day, index) => {
    if (isWeekend(day)) throw invalidCalendar(where, `/nonWorkingDays/${index}`, `${file.nonWorkingDays[index]} is a weekend day already`);
  });
  workingDays.forEach((day, index) => {
    if (!isWeekend(day)) throw invalidCalendar(where, `/workingDays/${index}`, `${file.workingDays[index]} is a weekday already`);
  });
  return { year, source: file.source, nonWorkingDays, workingDays, shortDays: checkDates(file.shortDays, '/shortDays', where, year) };
}

/**
 * The official calendar of `year`, or undefined when no decree data is shipped for it.
 *
 * @example
 * officialYear(2025)?.source; // 'Постановление Правительства РФ от 04.10.2024 № 1335 …'
 */
export function officialYear(year: number): OfficialYear | undefined {
  let entry = years.get(year);
  if (entry === undefined) {
    const name = `${year}.json`;
    entry = existsSync(new URL(name, dataDir)) ? parseYear(year, readJson(name)) : null;
    years.set(year, entry);
  }
  return entry ?? undefined;
}

/**
 * The presidential non-working days (2020: № 206, 239, 294, 345, 354; 2021: № 242, 595).
 *
 * @example
 * presidentialDecrees().length; // 7
 */
export function presidentialDecrees(): PresidentialDecree[] {
  if (!presidential) {
    const where = 'calendars/RU/presidential.json';
    const raw = readJson('presidential.json');
    validateSchema('calendar', raw, where);
    presidential = (raw as PresidentialFile).decrees.map((decree, i) => {
      const days: number[] = [];
      decree.periods.forEach((period, j) => {
        const at = `/decrees/${i}/periods/${j}`;
        const from = checkDate(period.from, `${at}/from`, where);
        const to = checkDate(period.to, `${at}/to`, where);
        if (to < from) throw invalidCalendar(where, at, 'ends before it starts');
        for (let day = from; day <= to; day++) days.push(day);
      });
      return { source: decree.source, days };
    });
  }
  return presidential;
}
